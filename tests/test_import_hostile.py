"""Inputs that used to crash `crossread import`, `screenshot` or the reader:
each now ends with a clear message and exit code, and nothing half-saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.core.files.store import notes_path

A0 = "000_f0337515d6951f32"
SOURCE = f"urn:crossread:case:{A0}"


def crossread(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, **kwargs
    )


def note(value: object = "a note", selector: object = None, id_: str = "urn:x:1") -> dict:
    return {
        "type": "Annotation",
        "id": id_,
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": value, "purpose": "commenting"},
        "target": {
            "source": SOURCE,
            "selector": selector or {"type": "TextQuoteSelector", "exact": "Nordkorea"},
        },
    }


def import_text(corpus: Path, tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    return crossread("import", str(corpus), str(source), "--author", "tester")


def assert_refused(done: subprocess.CompletedProcess[str], corpus: Path, *words: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("crossread import: "), done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    assert not notes_path(corpus, "tester").exists(), "something was saved"


def test_a_good_file_imports(corpus_dir: Path, tmp_path: Path) -> None:
    """The control case: the same shape without the fault is saved."""
    done = import_text(corpus_dir, tmp_path, json.dumps([note()]))
    assert done.returncode == 0, done.stderr
    assert "imported 1 items" in done.stdout
    assert notes_path(corpus_dir, "tester").exists()


def test_lone_surrogate_in_a_body(corpus_dir: Path, tmp_path: Path) -> None:
    good = json.dumps(note(id_="urn:x:good"))
    bad = json.dumps(note("bad \\ud800 here", id_="urn:x:bad")).replace("\\\\ud800", "\\ud800")
    assert "\\ud800" in bad and "\\\\ud800" not in bad
    done = import_text(corpus_dir, tmp_path, f"[{good},\n{bad}]")
    assert_refused(done, corpus_dir, "in.json:2:", "lone surrogate")


def test_a_surrogate_pair_is_fine(corpus_dir: Path, tmp_path: Path) -> None:
    text = json.dumps([note("emoji \U0001f600")])  # written as \ud83d\ude00
    assert "\\ud83d\\ude00" in text
    done = import_text(corpus_dir, tmp_path, text)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("where", ["top", "body"])
def test_json_nested_989_deep(corpus_dir: Path, tmp_path: Path, where: str) -> None:
    deep = "[" * 989 + "]" * 989
    text = deep if where == "top" else json.dumps([note()]).replace('"a note"', deep)
    done = import_text(corpus_dir, tmp_path, text)
    assert_refused(done, corpus_dir, "nested", "more than 64 levels")


def test_json_nested_beyond_the_parser(corpus_dir: Path, tmp_path: Path) -> None:
    done = import_text(corpus_dir, tmp_path, "[" * 100_000 + "]" * 100_000)
    assert_refused(done, corpus_dir, "nested", "more than 64 levels")


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("start", True, "not true"),
        ("end", False, "not false"),
        ("start", -1, "not -1"),
        ("start", 2.5, "not 2.5"),
        ("end", "7", 'not "7"'),
        ("start", 2**40, "not 1099511627776"),
    ],
)
def test_position_that_is_not_an_offset(
    corpus_dir: Path, tmp_path: Path, key: str, value: object, shown: str
) -> None:
    selector = {"type": "TextPositionSelector", "start": 0, "end": 9}
    selector[key] = value
    items = [note(id_="urn:x:good"), note(selector=selector, id_="urn:x:bad")]
    done = import_text(corpus_dir, tmp_path, json.dumps(items))
    assert_refused(
        done, corpus_dir, "item 2 (urn:x:bad)", f"TextPositionSelector {key} must be a whole number", shown
    )


def test_true_is_not_offset_one(corpus_dir: Path, tmp_path: Path) -> None:
    """`"start": true` once anchored at offset 1; a plain 1 still works."""
    good = {"type": "TextPositionSelector", "start": 1, "end": 9}
    done = import_text(corpus_dir, tmp_path, json.dumps([note(selector=good)]))
    assert done.returncode == 0, done.stderr
    assert "imported 1 items" in done.stdout


def test_integer_of_more_than_4300_digits(corpus_dir: Path, tmp_path: Path) -> None:
    text = json.dumps([note()], indent=1).replace('"Nordkorea"', "9" * 5000)
    done = import_text(corpus_dir, tmp_path, text)
    line = text[: text.index("9" * 10)].count("\n") + 1
    assert_refused(done, corpus_dir, f"in.json:{line}:", "more than 4,300 digits")


def test_import_reasons_are_one_line_each(corpus_dir: Path, tmp_path: Path) -> None:
    item = note(selector={"type": "Fragment\nSelector\x1b[2J"})
    done = import_text(corpus_dir, tmp_path, json.dumps([item]))
    assert done.returncode == 0, done.stderr
    reasons = [line for line in done.stdout.splitlines() if line.startswith("not imported")]
    assert reasons == ["not imported, unsupported selector (Fragment^JSelector^[[2J): 1"]


# ------------------------------------------------------------ screenshot, no terminal


def test_screenshot_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "x.svg"
    done = crossread("screenshot", "-o", str(target))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"crossread screenshot: cannot write {target}:")
    assert "is not a folder" in done.stderr
    assert not target.parent.exists()


def test_screenshot_into_an_unwritable_file(tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    target.mkdir()  # a folder where the file should go
    done = crossread("screenshot", "-o", str(target))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"crossread screenshot: cannot write {target}:")


def test_reader_without_a_terminal_exits_at_once() -> None:
    """`crossread </dev/null` and `crossread | cat`: a message and exit 2,
    not Textual spinning on a stdin that is not a terminal."""
    done = crossread()  # stdin /dev/null, stdout a pipe
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr and "stdin, stdout" in done.stderr
    assert done.stdout == ""
    main_fd, terminal_fd = os.openpty()
    try:
        piped = crossread(stdin=terminal_fd)  # a terminal in, a pipe out
    finally:
        os.close(main_fd)
        os.close(terminal_fd)
    assert piped.returncode == 2
    assert "(not a terminal: stdout)" in piped.stderr
    assert piped.stdout == ""
