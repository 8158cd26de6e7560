"""The articles list: its rows (pure), and what it draws as keys, clicks and
focus changes arrive (read from the screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widget import Widget

from tui.core.model.corpus import load_corpus
from tui.core.views.rows import ROW_LINES, article_row
from tui.ui.app import CrossreadApp
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.article_view import ArticleView

WIDE = (200, 40)


def drawn(widget: Widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def three(make_corpus: Callable[[dict[str, str]], Path]) -> Path:
    return make_corpus(
        {
            "articles/a.md": (
                "---\noutlet: Kurier\npublished: 2025-03-05\n---\n# Erster\tBericht\x1b[31m\n\nText.\n"
            ),
            "articles/b.md": (
                "# Zweiter Bericht über eine sehr lange Reihe von Ereignissen am Hafen\n\nText.\n"
            ),
            "articles/c.md": "# Dritter Bericht\n\nText.\n",
        }
    )


def test_a_row_is_title_meta_and_counts(make_corpus) -> None:
    corpus = load_corpus(three(make_corpus))
    first = article_row(corpus, "a")
    assert first.title == "Erster Bericht\x1b[31m"  # raw: the widget escapes it
    assert first.meta == "Kurier · 2025-03-05"
    assert first.counts == "0 claims 0 src 0 contra 0 notes"
    assert first.short == "0 C  0 S  0 contra  0 N"
    assert article_row(corpus, "c").meta == "c"  # no outlet, no date: the id


def reader_on_c(make_corpus: Callable[[dict[str, str]], Path]) -> CrossreadApp:
    app = CrossreadApp(three(make_corpus), ["c"])
    app.run_analysis = False
    return app


async def test_rows_draw_escaped_and_cut_to_their_four_lines(make_corpus) -> None:
    app = reader_on_c(make_corpus)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        listing = app.query_one(CorpusList)
        lines = drawn(listing)
        assert "\x1b" not in "".join(lines)
        first = [line.strip() for line in lines[:ROW_LINES]]
        assert first[0] == "Erster Bericht^[[31m"  # the control made visible
        assert first[1] == "Kurier · 2025-03-05"
        second = [line.strip() for line in lines[ROW_LINES : 2 * ROW_LINES]]
        assert second[0].startswith("Zweiter Bericht")
        assert second[1].endswith("…")  # the title's second line, cut
        assert second[2] == "b"


async def test_a_click_on_a_row_opens_its_article(make_corpus) -> None:
    app = reader_on_c(make_corpus)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        listing = app.query_one(CorpusList)
        await pilot.click(listing, offset=(3, 1 + ROW_LINES + 2))  # inside the border, b's row
        await pilot.pause()
        assert app.reader.panes[0].article.id == "b"
        await pilot.press("t", "t")  # hidden and shown: focused again
        await pilot.pause()
        assert app.screen.focused is listing
        await pilot.press("k", "enter")
        await pilot.pause()
        assert app.reader.panes[0].article.id == "a"


def caret_drawn(view: ArticleView) -> bool:
    """Whether a cell of the caret's line is drawn as the caret (reversed)."""
    assert view.get_component_rich_style("article-view--cursor").reverse
    line = view.line_of(view.cursor) - view.scroll_offset.y
    return any(segment.style is not None and segment.style.reverse for segment in view.render_line(line))


async def test_the_caret_shows_only_while_its_pane_has_the_focus(make_corpus) -> None:
    """Focus changes redraw only the caret's line (ArticleText._on_blur): it
    must still go and come back on screen."""
    app = CrossreadApp(three(make_corpus), ["a"])
    app.run_analysis = False
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        assert caret_drawn(view)
        await pilot.press("t")  # the list takes the focus
        await pilot.pause()
        assert app.screen.focused is app.query_one(CorpusList)
        assert not caret_drawn(view)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.focused is view and caret_drawn(view)
