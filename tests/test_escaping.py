"""No byte from a file reaches the terminal: hostile names and fields drive the
reader (in-process frames, SVG screenshots, and the real app under a pty), the
CLI outputs, and the width of every drawn line (tabs, emoji, CJK, marks)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from conftest import ROOT, with_publisher
from rich.cells import cell_len, split_graphemes
from textual.widgets._toast import Toast

from tui.core.document.layout import Cells
from tui.core.document.text import escape_controls, escape_line, json_text
from tui.ui.app import CrossreadApp
from tui.ui.screens.modals import ContradictionsScreen, HelpScreen
from tui.ui.styles import CELLS
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.lists import AnnotationList
from tui.ui.widgets.pick_list import PickList
from tui.ui.widgets.picker import ArticlePicker

OSC2 = "\x1b]2;PWNED-TITLE\x1b\\"  # sets the terminal title
OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # writes the clipboard ("pwned")
CSI = "\x1b[2J"  # clears the screen
DCS = "\x1bPqPWNED-DCS\x1b\\"
C1 = "\x9b31m\x90C1-DCS\x9c"  # 8-bit CSI, DCS and ST
EVERY = OSC2 + OSC52 + CSI + DCS + C1
NAME = "\x1b]2;T\x1b\\"  # the article's file stem, as in the issue
# What a frame must never hold: each payload with the words around it, raw.
RAW = [OSC2, "\x1b]52;", CSI + " troops", "\x1bPqPWNED", "\x9b", "\x90", "\x9c", "\x1b]2;T"]


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar with every control as an escape (YAML
    refuses raw controls, so this is how a hostile file would carry them)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '\\"':
            out.append("\\" + ch)
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_hostile(root: Path) -> Path:
    """Two articles whose file name, front matter and YAML fields hold OSC,
    CSI, DCS and C1 sequences."""
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    q = yaml_quoted
    (root / "articles" / f"{NAME}.txt").write_text(
        f"Title {OSC2} here\nFirst paragraph with a claim about {CSI} troops and {DCS} more.\n"
        f"Second paragraph\twith a tab and {C1} end.\n",
        encoding="utf-8",
    )
    (root / "articles" / "b.md").write_text(
        f"---\ntitle: {q('B ' + OSC2)}\noutlet: {q('Outlet ' + OSC52)}\n"
        f"published: {q('2024 ' + C1)}\n---\n\nBody of b with words and more words.\n",
        encoding="utf-8",
    )
    (root / "annotations" / f"{NAME}.yaml").write_text(
        f"""version: 1
meta:
  title: {q("Meta title " + OSC2)}
  outlet: {q("Outlet " + OSC52)}
  published: {q("2024 " + DCS)}
annotations:
  - id: c1
    kind: claim
    quote: {q("claim about " + CSI + " troops")}
    topic: {q("topic " + OSC52)}
    author: {q("mallory " + OSC52)}
    text: {q("claim text " + DCS)}
  - id: s1
    kind: source
    quote: First paragraph
    name: {q("Source " + C1)}
  - id: n1
    kind: note
    on: c1
    text: {q("note body " + OSC2 + CSI)}
    author: {q("eve " + OSC52)}
  - id: orphan
    kind: claim
    quote: {q("not in the text " + OSC2)}
""",
        encoding="utf-8",
    )
    (root / "annotations" / "b.yaml").write_text(
        f"""version: 1
annotations:
  - id: bc
    kind: claim
    quote: words and more
    topic: {q(EVERY)}
""",
        encoding="utf-8",
    )
    (root / "annotations" / "contradictions.yaml").write_text(
        f"""version: 1
links:
  - id: l1
    relation: contradicts
    summary: {q("summary " + EVERY)}
    claims:
      - {q(NAME + "#c1")}
      - b#bc
""",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile(tmp_path / "hostile")


def assert_clean(output: str, where: str) -> None:
    """No payload raw, and no title, clipboard or device-control sequence at all."""
    for payload in RAW:
        assert payload not in output, f"{where}: {payload!r} reached the output"
    assert not re.search("\x1b\\][0-9]*;", output.replace("\x1b]22;", "")), (
        f"{where}: an OSC sequence other than Textual's pointer shape"
    )
    assert "\x1bP" not in output, f"{where}: a DCS sequence"
    assert not re.search("[\x80-\x9f]", output), f"{where}: a C1 control"


def frame_bytes(app: CrossreadApp) -> str:
    """Exactly what Textual's driver would write to the terminal for a full
    redraw of the current screen (run_test's headless driver writes nothing)."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


async def test_reader_shows_hostile_corpus_escaped(hostile: Path) -> None:
    app = CrossreadApp(hostile, ["b", NAME], author="tester")
    states: dict[str, str] = {}

    def snap(name: str) -> None:
        states[name] = frame_bytes(app)
        states[name + " (svg)"] = app.export_screenshot()

    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await pilot.pause()
        snap("start")
        await pilot.press("tab", "right_square_bracket", "right_square_bracket")  # the claim
        await pilot.pause()
        assert "claim text" in str(app.query_one("#inspector-text").render())
        snap("inspector")
        listing = app.query_one(AnnotationList)
        await pilot.press("a", "A", "at")  # corpus scope, first author filter
        await pilot.pause()
        assert listing.author, "the author filter picked an author from the files"
        title = listing.border_title or ""
        assert "by " in title and "\x1b" not in title
        snap("author filter")
        await pilot.press("at", "A")  # article scope again: its id is the file name
        await pilot.pause()
        assert "Annotations" in (listing.border_title or "")
        assert "\x1b" not in (listing.border_title or "")
        snap("annotations")
        await pilot.press("t")  # the articles list
        await pilot.pause()
        snap("articles list")
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ContradictionsScreen)
        snap("contradictions")
        await pilot.press("escape", "o")
        await pilot.pause()
        assert app.screen.query_one(ArticlePicker).display
        picker = app.screen.query_one("#picker-list", PickList)
        assert picker.option_count == 2
        snap("picker")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        snap("help")
        await pilot.press("escape")
        app.notify(f"quoting {NAME} and {OSC52}", title=f"from {OSC2}")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(Toast)
        snap("notification")
        app.reader.action_toggle_issues()
        await pilot.pause()
        snap("problems hidden")
        # Every widget's own rendered lines hold no control either.
        for widget in app.screen.walk_children():
            if widget.size.area and widget.display:
                for strip in widget.render_lines(widget.size.region):
                    assert not re.search("[\x00-\x1f\x7f-\x9f]", strip.text), widget
    for name, output in states.items():
        assert_clean(output, name)
    # Not vacuous: the payloads were drawn, visibly escaped.
    assert "^[]2;PWNED-TITLE^[\\" in states["start"]
    assert "\\x9b31m" in states["start"]
    assert "^[]52;c;cHduZWQ=^G" in states["author filter"]
    assert "summary" in states["contradictions"] and "PWNED-DCS" in states["contradictions"]
    assert "quoting ^[]2;T^[\\" in states["notification"]


def test_screenshot_command_svg_is_clean(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.svg"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "screenshot", str(hostile), "--size", "160x40", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", svg)
    assert "PWNED" in svg  # drawn, escaped


# ------------------------------------------------------------ the real terminal


ESCAPES = re.compile("\x1b(?:\\[[0-9;?<>=$ ]*[A-Za-z~@]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)|[^\\[\\]])")


class Pty:
    """The real app on a pseudo-terminal: the bytes a terminal would receive."""

    def __init__(self, argv: list[str], cols: int, rows: int) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become crossread
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
            os.chdir(ROOT)
            os.execvpe(sys.executable, [sys.executable, "-m", "tui", *argv], env)
        self.pid, self.fd = pid, fd
        self.output = b""
        self.since = 0  # where the output after the last key press starts

    def wait_for(self, marker: str, limit: float = 60.0) -> str:
        """Read until marker has been drawn (styles may sit between words, so
        the check ignores escape sequences); the limit only stops a hang."""
        import time

        deadline = time.monotonic() + limit
        while marker not in ESCAPES.sub("", self.output[self.since :].decode("utf-8", "replace")):
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{marker!r} never drawn; got {self.visible()[-2000:]!r}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                assert chunk, f"the app ended before drawing {marker!r}"
                self.output += chunk
        return self.text()

    def text(self) -> str:
        return self.output.decode("utf-8", "replace")

    def visible(self) -> str:
        """The text drawn, without Textual's own CSI and other escape sequences."""
        return ESCAPES.sub("", self.text())

    def press(self, keys: str) -> None:
        self.since = len(self.output)
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def test_real_terminal_receives_no_payload(hostile: Path) -> None:
    app = Pty([str(hostile), "--open", "b", NAME, "--author", "tester"], cols=200, rows=50)
    try:
        app.wait_for("Meta title ^[]2;PWNED-TITLE^[\\")
        app.wait_for("Annotations")
        app.press("a")
        app.wait_for("Filter author")  # focus has moved (it follows the key by a frame)
        app.press("@")
        app.wait_for("· by ")
        app.press("C")
        app.wait_for("Contradictions and corroborations")
        app.wait_for("summary ^[]2;PWNED-TITLE^[\\")
        app.press("q")  # closes the modal (escape alone would wait for a sequence)
        app.wait_for("Filter author")
        app.press("?")
        app.wait_for("crossread — keys")
        output = app.text()
    finally:
        app.close()
    assert_clean(output, "pty")
    assert "\x1b]2;" not in output and "\x1b]0;" not in output  # the title is untouched
    # No BEL either (it ends OSC 52 payloads), bar Textual's pointer shape.
    assert "\x07" not in re.sub("\x1b\\]22;[^\x07]*\x07", "", output)
    assert "^[]52;c;cHduZWQ=^G" in app.visible()  # the author was drawn, escaped


# ------------------------------------------------------------ the CLI


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True)


def no_raw_controls(data: bytes) -> str:
    text = data.decode("utf-8")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), [
        m.group() for m in re.finditer("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    ][:5]
    return text


def test_markdown_export_escapes_outlet_published_and_id(hostile: Path) -> None:
    done = cli("export", str(hostile), "--format", "markdown")
    assert done.returncode == 0, done.stderr
    text = no_raw_controls(done.stdout)
    assert "Outlet ^\\[\\]52;c;cHduZWQ=^G" in text  # outlet, escaped for Markdown too
    assert "2024 \\\\x9b31m" in text  # published
    assert "`^[]2;T^[\\`" in text  # the article id, a code span


@pytest.mark.parametrize("fmt", ["w3c", "claimreview"])
def test_json_exports_escape_c0_c1_and_del(hostile: Path, tmp_path: Path, fmt: str) -> None:
    verdict = {
        "type": "Annotation",
        "id": "urn:x:v1",
        "motivation": "assessing",
        "body": [
            {"type": "TextualBody", "value": "false", "purpose": "assessing"},
            {"type": "TextualBody", "value": "comment \x7f" + EVERY, "purpose": "commenting"},
        ],
        "target": {
            "source": f"urn:crossread:hostile:{NAME}",
            "selector": {"type": "TextQuoteSelector", "exact": f"claim about {CSI} troops"},
        },
    }
    source = tmp_path / "verdict.json"
    source.write_text(json.dumps(verdict), encoding="utf-8")
    imported = cli("import", str(hostile), str(source), "--author", "tester")
    assert imported.returncode == 0, imported.stderr
    assert b"imported 1 items" in imported.stdout
    with_publisher(hostile)
    done = cli("export", str(hostile), "--format", fmt)
    assert done.returncode == 0, done.stderr
    text = no_raw_controls(done.stdout)
    assert "\\u009b31m" in text and "\\u007f" in text and "\\u001b]52;" in text
    data = json.loads(text)  # still JSON, with the very same strings
    assert ("comment \x7f" + EVERY) in strings(data)


def strings(data: object) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        data = list(data.values())
    return set().union(*map(strings, data)) if isinstance(data, list) else set()


def test_check_outputs_escape(hostile: Path) -> None:
    human = cli("check", str(hostile))
    text = no_raw_controls(human.stdout)
    assert "annotations/^[]2;T^[\\.yaml:" in text  # the file name, escaped
    as_json = cli("check", str(hostile), "--format", "json")
    text = no_raw_controls(as_json.stdout)
    data = json.loads(text)
    assert any(a["id"] == NAME for a in data["articles"])
    assert any(a.get("topic") == EVERY for a in data["annotations"])


def test_import_report_escapes_selector_types(hostile: Path, tmp_path: Path) -> None:
    item = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "x"},
        "target": {"source": "b", "selector": {"type": f"Css{OSC2}\nfake line"}},
    }
    source = tmp_path / "css.json"
    source.write_text(json.dumps(item), encoding="utf-8")
    done = cli("import", str(hostile), str(source), "--author", "tester")
    assert done.returncode == 0, done.stderr
    text = no_raw_controls(done.stdout)
    assert "not imported, unsupported selector (Css^[]2;PWNED-TITLE^[\\^Jfake line): 1" in text


def test_escaping_helpers() -> None:
    assert escape_controls(f"a{OSC2}\tb\n") == "a^[]2;PWNED-TITLE^[\\\tb\n"
    assert escape_controls("\x9b\x7f\ud800") == "\\x9b\\x7f\\ud800"
    assert escape_line("a\tb\nc") == "a^Ib^Jc"
    out = json_text({"k": "\x1b\x9b\x7f\x00\ud800é"})
    assert out.isascii() is False and "é" in out  # not forced to ASCII
    assert not re.search("[\x00-\x1f\x7f-\x9f\ud800-\udfff]", out.replace("\n", ""))
    assert json.loads(out) == {"k": "\x1b\x9b\x7f\x00\ud800é"}


# ------------------------------------------------------------ widths

WIDE = (
    "Tab\tseparated\tcolumns\t1\t22\t333\n"
    "👨‍👩‍👧 family 👍🏽 thumbs 👩🏿‍🔬 scientist ❤️ heart 🇩🇪 flag ⚽ ball\n"
    "漢字と日本語のテキストが続きます。中文也是宽字符。한국어 텍스트\n"
    "Combining e\u0301 n\u0303 a\u0301\u0302 Z\u0351\u0352\u0353 and a zero\u200bwidth\n"
    "Mixed\t👨‍👩‍👧\t漢字\te\u0301\t\x1b[2J\tend of the line with words to wrap around\n"
    # No spaces: these lines are cut between clusters, so each must be full.
    + "⚽" * 150
    + "\n"
    + "👍🏽" * 120
    + "\n"
    + "👨‍👩‍👧" * 90
    + "\n"
    + "e\u0301" * 300
    + "\n"
)


def test_cells_match_textual_measure() -> None:
    """Per cluster, the layout measures what Textual draws: the widths of
    a split add up to rich's cell_len of the whole string."""
    for line in WIDE.replace("\t", " ").replace("\x1b", "").splitlines():
        assert sum(w for _, _, w in CELLS.split(line)) == cell_len(line), line
    assert Cells(cell_len).split("👨\u200d👩\u200d👧")[0] == (0, 5, 2)
    assert CELLS.width("a\tb") == 5 and CELLS.width("abcd\t") == 8
    assert CELLS.width("\x1b") == 2 and CELLS.width("\x9b") == 4


def test_cells_add_up_for_any_mix() -> None:
    """Any string of tricky characters: clusters sum to rich's measure, and
    every cut between clusters measures the same as the whole."""
    import random

    pool = list("a漢é👍👨👩❤⚽🇩 ") + ["\u200d", "\ufe0f", "\u0301", "\U0001f3fd", "\u200b"]
    chooser = random.Random(9)
    for _ in range(2000):
        text = "".join(chooser.choice(pool) for _ in range(chooser.randint(1, 12)))
        spans = CELLS.split(text)
        assert sum(w for _, _, w in spans) == cell_len(text), repr(text)
        for start, _, _ in spans:
            assert cell_len(text[:start]) + cell_len(text[start:]) == cell_len(text), repr(text)


def test_narrow_characters_are_one_cell_in_every_unicode_version() -> None:
    from rich._unicode_data import VERSIONS
    from rich.cells import get_character_cell_size

    narrow = [chr(c) for c in range(0x20, 0x3000) if Cells.narrow(chr(c))]
    assert len(narrow) > 1000
    for version in VERSIONS:
        wrong = [ch for ch in narrow if get_character_cell_size(ch, version) != 1]
        assert not wrong, (version, wrong[:10])


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50), (61, 30)])
async def test_every_drawn_line_fits_its_pane(tmp_path: Path, size: tuple[int, int]) -> None:
    root = tmp_path / "wide"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "w.txt").write_text("Wide 中文 👨‍👩‍👧 title\n" + WIDE * 3, encoding="utf-8")
    app = CrossreadApp(root, ["w"])
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.complete_layout()
        width = view.scrollable_content_region.width
        text = view.article.text
        assert len(view.lines) > 10
        for index, line in enumerate(view.lines):
            strip = view.painter.draw(index, view.rich_style)
            assert strip.cell_length <= width, (index, strip.text)
            assert "\t" not in strip.text and "\x1b" not in strip.text
            # Nothing was cut: the drawn cells are the line's text, tabs expanded.
            body = escape_controls(text[line.start : line.end])
            expected = line.prefix + CELLS.portable(_expand(body))
            assert strip.text == expected, (index, strip.text, expected)
            following = view.lines[index + 1] if index + 1 < len(view.lines) else None
            if (
                following is not None
                and following.block == line.block
                and following.start == line.end
                and text[line.end] not in " \t\n"
            ):
                # Cut inside a word: the next cluster really did not fit.
                spans, _ = split_graphemes(text[line.end : line.end + 16])
                avail = view.wrapped.width - cell_len(line.prefix)
                assert strip.cell_length + spans[0][2] > avail, (index, strip.text)
        for y in range(view.size.height):
            assert view.render_line(y).cell_length == width
        # The caret inside a ZWJ sequence still draws a whole cluster.
        view.cursor = text.index("👨") + 1
        for index in range(len(view.lines)):
            assert view.painter.draw(index, view.rich_style).cell_length <= width


def _expand(text: str) -> str:
    """Tabs to 4-cell stops, counting cells as Textual does."""
    out, column = [], 0
    for piece in re.split("(\t)", text):
        if piece == "\t":
            spaces = 4 - column % 4
            out.append(" " * spaces)
            column += spaces
        else:
            out.append(piece)
            column += cell_len(piece)
    return "".join(out)
