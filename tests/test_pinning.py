"""Version pinning (issue 13): `add` records the text's SHA-256, `check` and the
reader notice an edited article, `check --accept-changes` rewrites one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.core.files.article import load_article
from tui.core.files.pinning import PinError, drift, text_hash, with_pin
from tui.core.model.corpus import load_corpus
from tui.ui.app import CrossreadApp

STORY = (
    '---\ntitle: "Truppen an der Front"\noutlet: "Beispiel"\n---\n\n'
    "Nach Angaben des Geheimdienstes sind 11.000 Soldaten im Einsatz. "
    "Der Kreml bestreitet das. Kim Jong-un schweigt dazu seit Wochen. "
    + "Weitere Einzelheiten folgen im Laufe des Tages. " * 30
    + "\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A new corpus with one article added from a Markdown file."""
    root = tmp_path / "story"
    assert run(capsys, "new", str(root))[0] == 0
    source = tmp_path / "truppen.md"
    source.write_text(STORY, encoding="utf-8")
    code, out, err = run(capsys, "add", str(root), str(source))
    assert code == 0, err
    return root


def article_of(root: Path) -> Path:
    return next((root / "articles").glob("*.md"))


def annotate(root: Path, extra_meta: str = "  outlet: Beispiel\n") -> Path:
    """Three claims next to the pin `add` wrote, as a person would add them."""
    path = root / "annotations" / f"{article_of(root).stem}.yaml"
    text = path.read_text(encoding="utf-8").replace("annotations: []\n", "")
    text = text.replace("meta:\n", "meta:\n" + extra_meta)
    text += (
        "annotations:   # kept as written\n"
        "  - id: troops\n    kind: claim\n    quote: sind 11.000 Soldaten im Einsatz\n"
        "  - id: denial\n    kind: claim\n    quote: Der Kreml bestreitet das.\n"
        "  - id: kim\n    kind: claim\n    quote: Kim Jong-un schweigt dazu seit Wochen.\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


def edit_article(root: Path) -> None:
    """A silent edit after publication: one figure reworded, one sentence gone."""
    path = article_of(root)
    text = path.read_text(encoding="utf-8")
    text = text.replace("sind 11.000 Soldaten im Einsatz", "sind 11.000 Soldaten in Einsatz")
    path.write_text(text.replace("Der Kreml bestreitet das. ", ""), encoding="utf-8")


def test_add_pins_the_text_the_reader_sees(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = root_yaml = story / "annotations" / f"{article_of(story).stem}.yaml"
    article, _ = load_article(article_of(story))
    assert f"sha256: {text_hash(article.text)}" in root_yaml.read_text(encoding="utf-8")
    corpus = load_corpus(story)
    assert corpus.articles[article.id].meta.sha256 == text_hash(article.text)
    assert drift(corpus, article.id) is None
    code, out, _ = run(capsys, "check", str(story), "--strict")
    assert code == 0 and "changed since" not in out, out
    assert path.exists()


def test_check_reports_the_changed_article_and_its_anchors(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotate(story)
    edit_article(story)
    article_id = article_of(story).stem
    code, out, _ = run(capsys, "check", str(story))
    assert code == 0  # a warning; --strict fails on it
    assert (
        f"the text of {article_id!r} changed since its annotations were pinned: "
        "1 of 3 anchors now fuzzy, 1 orphaned"
    ) in out
    assert f"crossread check --accept-changes {article_id}" in out
    assert run(capsys, "check", str(story), "--strict")[0] == 1


async def test_reader_shows_a_banner_on_the_changed_pane(story: Path) -> None:
    annotate(story)
    edit_article(story)
    app = CrossreadApp(story, author="alice")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        header = str(app.reader.panes[0].query_one(".pane-header").render())
        assert "⚠ text changed since pinned: 1 of 3 anchors now fuzzy, 1 orphaned" in header
        assert "Truppen an der Front" in header


async def test_accept_changes_rewrites_only_the_hash_line(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = annotate(story)
    edit_article(story)
    before = path.read_bytes()
    article_id = article_of(story).stem
    code, out, err = run(capsys, "check", str(story), "--accept-changes", article_id[:6])
    assert code == 0, err
    assert f"{article_id}: pinned to its current text" in out
    after = path.read_bytes()
    old_lines, new_lines = before.splitlines(), after.splitlines()
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    article, _ = load_article(article_of(story))
    assert changed == [
        (next(x for x in old_lines if b"sha256" in x), f"  sha256: {text_hash(article.text)}".encode())
    ]
    code, out, _ = run(capsys, "check", str(story))
    assert "changed since" not in out
    app = CrossreadApp(story, author="alice")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert "changed since pinned" not in str(app.reader.panes[0].query_one(".pane-header").render())


def test_accept_changes_of_an_unknown_article_is_a_usage_error(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", str(story), "--accept-changes", "nothing-like-it")
    assert code == 2 and "no such article" in err


DIGEST = "ab" * 32


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # No meta block: one is added before the annotations, the rest kept.
        (
            b"version: 1   # mine\narticle: a\nannotations:\n  - id: x\n",
            b"version: 1   # mine\narticle: a\nmeta:\n  sha256: "
            + DIGEST.encode()
            + b"\nannotations:\n  - id: x\n",
        ),
        # A meta block without the hash: one line under `meta:`, at its indentation.
        (
            b"version: 1\nmeta:\n    title: T  # why\nannotations: []\n",
            b"version: 1\nmeta:\n    sha256: "
            + DIGEST.encode()
            + b"\n    title: T  # why\nannotations: []\n",
        ),
        # An old hash, quoted, with a comment: the value only.
        (
            b"version: 1\r\nmeta:\r\n  sha256: '" + b"0" * 64 + b"'  # pinned\r\nannotations: []\r\n",
            b"version: 1\r\nmeta:\r\n  sha256: " + DIGEST.encode() + b"  # pinned\r\nannotations: []\r\n",
        ),
        # `meta:` left empty, and no final newline.
        (
            b"version: 1\nmeta:\nannotations: []",
            b"version: 1\nmeta:\n  sha256: " + DIGEST.encode() + b"\nannotations: []",
        ),
        # Nothing but a version, no final newline: the block goes at the end.
        (b"version: 1", b"version: 1\nmeta:\n  sha256: " + DIGEST.encode() + b"\n"),
    ],
)
def test_with_pin_keeps_every_other_byte(original: bytes, expected: bytes) -> None:
    assert with_pin(original, DIGEST) == expected


def test_with_pin_refuses_what_it_would_have_to_rewrite() -> None:
    with pytest.raises(PinError, match="on one line"):
        with_pin(b"version: 1\nmeta: {title: T}\n", DIGEST)
    with pytest.raises(PinError, match="not a SHA-256"):
        with_pin(b"version: 1\n", "xyz")


def test_a_malformed_hash_is_a_problem(story: Path) -> None:
    path = story / "annotations" / f"{article_of(story).stem}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sha256: ", "sha256: zz"), encoding="utf-8")
    corpus = load_corpus(story)
    assert any("not a SHA-256 hex digest" in d.message for d in corpus.diagnostics)
