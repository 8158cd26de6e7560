"""The shorter drawing paths (tui/ui/widgets/quick_draw.py, tui/ui/culling.py)
show exactly what Textual's own paths show: cell by cell, and as the
terminal receives a partial frame."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual._compositor import ChopsUpdate
from textual._styles_cache import StylesCache
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.core.model.corpus import bundled_corpus
from tui.ui import culling
from tui.ui.app import CrossreadApp
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.quick_draw import QuickScrollBar

Cell = tuple[str, Any, Any, bool, bool, bool, bool]
PAIR = ["000_f0337515d6951f32", "001_6604a57b5a9e0757"]


def cells(strips: list[Strip]) -> list[list[Cell]]:
    """Each cell's character and look (colours and attributes, not mouse meta)."""
    rows = []
    for strip in strips:
        row = []
        for text, style, _ in strip:
            look = (
                (
                    style.color,
                    style.bgcolor,
                    bool(style.bold),
                    bool(style.reverse),
                    bool(style.underline),
                    bool(style.italic),
                )
                if style
                else (None, None, False, False, False, False)
            )
            row.extend((char, *look) for char in text)
        rows.append(row)
    return rows


async def loaded(pilot: Any) -> None:
    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        if not app.loading and all(v.layout_complete for v in app.query(ArticleView) if v.size.width):
            return


async def test_the_quick_scrollbar_looks_like_textuals() -> None:
    app = CrossreadApp(bundled_corpus(), PAIR)
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        bars = [view.vertical_scrollbar for view in app.query(ArticleView)]
        assert bars and all(isinstance(bar, QuickScrollBar) for bar in bars)
        for bar in bars:
            for position in (0, 7, 30):
                bar.position = position
                region = bar.size.region
                quick = bar.render_lines(region)
                bar._styles_cache.clear()
                textual = ScrollBar.render_lines(bar, region)
                assert len(quick) == bar.size.height > 10
                assert cells(quick) == cells(textual)
            bar.mouse_over = True  # the hover colours come through too
            assert cells(bar.render_lines(bar.size.region)) == cells(
                ScrollBar.render_lines(bar, bar.size.region)
            )


async def test_the_padded_view_lines_look_like_textuals() -> None:
    app = CrossreadApp(bundled_corpus(), PAIR)
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        await pilot.press("v", "j", "j", "right_square_bracket")  # a selection and a highlight
        await pilot.pause()
        for view in app.query(ArticleView):
            quick_cache = view._styles_cache
            quick_cache.clear()
            quick = view.render_lines(view.size.region)
            view._styles_cache = StylesCache()
            textual = view.render_lines(view.size.region)
            view._styles_cache = quick_cache
            assert len(quick) == view.size.height
            assert any(text.strip() for line in quick for text, _, _ in line)  # text, not blanks
            assert cells(quick) == cells(textual)


def textual_frame(app: CrossreadApp) -> list[list[Cell]]:
    """The whole screen as Textual's own compositor draws it (no culling)."""
    from textual._compositor import Compositor

    ours = Compositor._get_renders
    Compositor._get_renders = culling.TEXTUAL_RENDERS  # type: ignore[method-assign]
    try:
        return cells(app.screen._compositor.render_strips())
    finally:
        Compositor._get_renders = ours  # type: ignore[method-assign]


def replay(screen: list[list[Cell]], update: ChopsUpdate) -> None:
    """Apply a partial frame to a grid of cells as the terminal would: each
    span is written from the chops that cover it."""
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
            if strip is None or x > x2 or end <= x1:
                continue
            written = cells([strip.crop(0, min(end, x2) - x)])[0]
            screen[y][x : x + len(written)] = written


async def test_a_partial_frame_draws_only_what_it_updates_and_shows_the_full_frame() -> None:
    """A jump in the left article draws nothing of the right one, and the
    terminal, given the frame, shows what a full redraw shows."""
    app = CrossreadApp(bundled_corpus(), PAIR)
    assert culling.installed()
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(pilot)
        left, right = list(app.query(ArticleView))
        left.focus()
        await pilot.pause()
        screen = textual_frame(app)
        frames: list[ChopsUpdate] = []
        drawn: list[object] = []
        display = app._display

        def keep(target: Any, update: Any) -> None:
            if isinstance(update, ChopsUpdate):
                frames.append(update)
            display(target, update)

        textual_lines = right.render_lines

        def spy(crop: Any) -> list[Strip]:
            drawn.append(crop)
            return textual_lines(crop)

        app._display = keep  # type: ignore[method-assign]
        right.render_lines = spy  # type: ignore[method-assign]
        before = left.scroll_offset.y
        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.pause()
        assert left.scroll_offset.y > before  # the left text moved
        assert frames and not drawn  # ...and the right one was not drawn for it
        for update in frames:
            replay(screen, update)
        assert screen == textual_frame(app)
        # The picker's box over both articles, typing in it, and its closing
        for keys in (["o"], ["k", "i"], ["backspace"], ["escape"], ["right_curly_bracket"]):
            frames.clear()
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()
            assert frames
            for update in frames:
                replay(screen, update)
            assert screen == textual_frame(app), keys


def test_cells_sees_the_look() -> None:
    """The helper above tells looks apart (else the comparisons prove nothing)."""
    from rich.style import Style

    plain = Strip([Segment("ab", Style(color="red"))])
    bold = Strip([Segment("ab", Style(color="red", bold=True))])
    assert cells([plain]) != cells([bold])
    assert cells([plain])[0][0][0] == "a"
