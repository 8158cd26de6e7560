"""The layout model and caret motions, tested without an app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.document.intervals import IntervalIndex
from tui.core.document.layout import display_width, layout, layout_blocks, line_at
from tui.core.document.motions import next_sentence, next_word, previous_sentence, previous_word
from tui.core.files.article import Article, Block, parse_plain


def shown(article: Article, width: int) -> list[str]:
    return [line.prefix + article.text[line.start : line.end] for line in layout(article, width)]


def test_plain_paragraphs_wrap_at_spaces() -> None:
    article = parse_plain("a", Path("a.txt"), "Titel\nDie Ukraine befürchtet den Einsatz dieser Truppen.\n")
    assert shown(article, 20) == ["Titel", "", "Die Ukraine", "befürchtet den", "Einsatz dieser", "Truppen."]


@pytest.mark.parametrize(
    ("kind", "marker", "indent", "quote", "expected"),
    [
        ("item", "•", 1, 0, ["• eins zwei", "  drei vier"]),
        ("item", "1.", 2, 0, ["  1. eins", "     zwei", "     drei", "     vier"]),
        ("quote", "", 0, 1, ["▎ eins zwei", "▎ drei vier"]),
        ("code", "", 0, 0, ["  eins zwei", "  drei vier"]),
    ],
)
def test_block_prefixes(kind: str, marker: str, indent: int, quote: int, expected: list[str]) -> None:
    text = "eins zwei drei vier"
    article = Article(
        "a", Path("a.md"), text, [Block(kind, 0, len(text), indent=indent, quote=quote, marker=marker)]
    )
    assert shown(article, 12) == expected


def test_long_word_is_cut_and_offsets_cover_the_text() -> None:
    text = "Verteidigungspartnerschaftsabkommens besteht"
    article = parse_plain("a", Path("a.txt"), text)
    lines = layout(article, 10)
    assert all(display_width(text[ln.start : ln.end]) <= 10 for ln in lines)
    assert "".join(text[ln.start : ln.end] for ln in lines).replace(" ", "") == text.replace(" ", "")


def test_layout_in_parts_equals_layout_at_once() -> None:
    text = "\n".join(f"Absatz {n} mit einigen Wörtern darin." for n in range(50))
    article = parse_plain("a", Path("a.txt"), text)
    whole = layout(article, 16)
    parts = (
        layout_blocks(article, 16, 0, 7)
        + layout_blocks(article, 16, 7, 31)
        + layout_blocks(article, 16, 31, 50)
    )
    assert parts == whole


def test_line_at_maps_offsets_to_rows() -> None:
    article = parse_plain("a", Path("a.txt"), "T\neins zwei drei vier fünf")
    lines = layout(article, 10)
    starts = [ln.start for ln in lines]
    for row, line in enumerate(lines):
        if line.block >= 0:
            assert line_at(starts, line.start) == row


@pytest.mark.parametrize(
    ("text", "width"),
    [("漢字と日本語のテキスト", 4), ("tab\tand ctrl\x1b here", 6)],
)
def test_wide_and_control_characters_fit(text: str, width: int) -> None:
    article = parse_plain("a", Path("a.txt"), "T\n" + text)
    for line in layout(article, width)[2:]:
        assert display_width(article.text[line.start : line.end]) <= max(8, width)


TEXT = "Ein Satz. Noch „einer“! Und ein dritter."


@pytest.mark.parametrize(
    ("motion", "start", "expected"),
    [
        (next_word, 0, 4),
        (next_word, 4, 8),
        (previous_word, 8, 4),
        (previous_word, 4, 0),
        (next_sentence, 0, 10),
        (next_sentence, 10, 24),
        (previous_sentence, 15, 10),
        (previous_sentence, 10, 0),
        (next_word, len(TEXT), len(TEXT)),
    ],
)
def test_motions(motion, start: int, expected: int) -> None:  # type: ignore[no-untyped-def]
    assert motion(TEXT, start) == expected


def test_interval_index_overlaps_and_innermost_first() -> None:
    index = IntervalIndex([(0, 10, "outer"), (2, 5, "inner"), (600, 1200, "long"), (20, 30, "other")])
    assert [e[2] for e in index.at(3)] == ["inner", "outer"]
    assert [e[2] for e in index.overlapping(4, 25)] == ["outer", "inner", "other"]
    assert [e[2] for e in index.overlapping(1000, 1001)] == ["long"]
    assert index.overlapping(12, 18) == []


def test_jump_list_back_and_forward() -> None:
    from tui.core.document.jumps import JumpList, Place

    a, b, c = Place("x", 1), Place("x", 50), Place("y", 7)
    jumps = JumpList()
    assert jumps.back(a) is None
    jumps.record(a)  # jump a -> b
    jumps.record(b)  # jump b -> c
    assert jumps.back(c) == b
    assert jumps.back(b) == a
    assert jumps.back(a) is None
    assert jumps.forward() == b
    assert jumps.forward() == c
    assert jumps.forward() is None
    jumps.back(c)
    jumps.record(b)  # a new jump from b drops the forward history
    assert jumps.forward() is None


@pytest.mark.parametrize(
    "text",
    ["SKIN 👍🏽 end", "ASTRO 🧑🏿‍🚀 end", "VS16 ❤️ end", "FAMILY 👩‍👩‍👧‍👦 end", "plain é and 中文", "FLAG 🇩🇪"],
)
def test_portable_drawing_keeps_the_width_and_drops_what_terminals_disagree_on(text: str) -> None:
    from rich.cells import cell_len

    from tui.ui.styles import CELLS

    shown = CELLS.portable(text)
    assert cell_len(shown) == CELLS.width(text) == cell_len(text)
    assert not any(ch in shown for ch in "\u200d\ufe0f\U0001f3fd\U0001f3ff")


# ---------------------------------------------------------------- issue 13: H1 and tables

from dataclasses import replace  # noqa: E402

from tui.core.files.markdown import parse_markdown  # noqa: E402
from tui.core.model.corpus import load_corpus  # noqa: E402

WIDE_TABLE = (
    "# Truppen in Kursk\n\nDie Schätzungen gehen auseinander.\n\n"
    "| Quelle | Soldaten (Schätzung) | Anmerkung |\n|:--|--:|:-:|\n"
    "| NIS | 11.000 | Südkoreanischer Geheimdienst, Angaben vom Oktober 2024 |\n"
    "| Pentagon | | keine weiteren Angaben |\n\n"
    "> | 国家 | 兵力 |\n> |---|---|\n"
    "> | 朝鲜民主主义人民共和国 | 一万一千名士兵已经部署在库尔斯克地区 |\n"
)


def test_the_h1_that_repeats_the_title_is_not_laid_out_but_still_anchors(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/k.md": WIDE_TABLE,
            "annotations/k.yaml": "version: 1\nannotations:\n  - id: h\n    kind: claim\n"
            "    quote: Truppen in Kursk\n",
        }
    )
    corpus = load_corpus(root)
    article = corpus.articles["k"]
    assert article.meta.repeats_title
    lines = shown(article, 80)
    assert lines[0] == "Die Schätzungen gehen auseinander."  # no H1, no blank line first
    assert "Truppen in Kursk" not in "\n".join(lines)
    claim = corpus.get("k#h")
    assert claim is not None and claim.resolution.resolved  # quotes of it still anchor
    assert not corpus.diagnostics


def test_an_h1_that_differs_from_the_title_stays() -> None:
    article = parse_markdown("k", Path("k.md"), WIDE_TABLE)
    article.meta = replace(article.meta, title="Anders")
    assert not article.meta.repeats_title
    assert shown(article, 80)[0] == "Truppen in Kursk"


@pytest.mark.parametrize("width", [14, 20, 30, 45, 60, 100])
def test_every_line_of_a_wide_table_fits_the_pane(width: int) -> None:
    article = parse_markdown("k", Path("k.md"), WIDE_TABLE)
    for line in shown(article, width):
        assert display_width(line) <= width, (width, line)


def test_a_table_too_wide_stacks_its_cells_and_keeps_their_words() -> None:
    article = parse_markdown("k", Path("k.md"), WIDE_TABLE)
    lines = shown(article, 30)
    start = lines.index("Quelle")
    assert lines[start : start + 3] == ["Quelle", "  Soldaten (Schätzung)", "  Anmerkung"]
    assert lines[start + 3] == ""  # stacked rows stand apart
    assert lines[start + 4 : start + 8] == [
        "NIS",
        "  11.000",
        "  Südkoreanischer",
        "  Geheimdienst, Angaben vom",
    ]
    assert "  Oktober 2024" in lines


def test_a_table_that_fits_keeps_its_aligned_columns() -> None:
    article = parse_markdown("k", Path("k.md"), WIDE_TABLE)
    lines = shown(article, 120)
    assert "Quelle   | Soldaten (Schätzung) |" in lines[2]
    assert "NIS      |               11.000 |" in lines[3]


async def test_caret_and_search_stay_off_the_hidden_h1(make_corpus) -> None:
    """In the reader (a Pilot test among the layout ones, as it is about the H1)."""
    from tui.ui.app import CrossreadApp

    root = make_corpus({"articles/k.md": WIDE_TABLE})
    app = CrossreadApp(root, ["k"], author="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        first = view.article.text.index("Die Schätzungen")
        header = str(app.reader.panes[0].query_one(".pane-header").render())
        assert header.startswith("Truppen in Kursk")  # the title, once, in the header
        assert view.render_line(0).text.startswith("Die Schätzungen gehen auseinander.")
        assert view.cursor == first
        await pilot.press("g", "k", "h", "b")
        assert view.cursor == first
        assert view.search("Kursk") == 0  # only in the hidden H1
        assert view.search("Schätzung") == 2
        assert all(start >= first for start, _ in view.search_matches)
