"""The dimmed reader behind a modal looks as Textual draws it, styles kept once."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from tui.ui.screens.dimmed import tinted

STYLES = [
    None,
    Style(),
    Style(color="red"),
    Style(bgcolor="#102030"),
    Style(color="#ffffff", bgcolor="#000000", bold=True, underline=True),
    Style(color="bright_yellow", link="https://example.org"),
    Style(color="#abcdef", italic=True),
]


@pytest.mark.parametrize("tint", [Color(0, 0, 0, 0.6), Color(10, 20, 30, 0.3), Color(0, 0, 0, 0.0)])
@pytest.mark.parametrize("style", STYLES)
def test_tint_matches_textual(style: Style | None, tint: Color) -> None:
    (theirs,) = BackgroundScreen.process_segments([Segment("x", style)], tint)
    assert tinted(style, tint) == theirs.style


def test_a_style_is_tinted_once() -> None:
    tint = Color(0, 0, 0, 0.6)
    style = Style(color="#123456")
    assert tinted(style, tint) is tinted(Style(color="#123456"), tint)


def cells(app) -> list[list[tuple[str, Style | None]]]:  # type: ignore[no-untyped-def]
    """Every cell of the screen as drawn: its character and style."""
    return [
        [(char, segment.style) for segment in strip for char in segment.text]
        for strip in app.screen._compositor.render_strips()
    ]


async def test_the_help_over_the_reader_looks_as_textual_draws_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.screen import ModalScreen

    from tui.core.model.corpus import bundled_corpus
    from tui.ui.app import CrossreadApp
    from tui.ui.screens.dimmed import DimmedModal
    from tui.ui.screens.modals import HelpScreen

    app = CrossreadApp(bundled_corpus(), ["000_f0337515d6951f32", "001_6604a57b5a9e0757"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        ours = cells(app)
        monkeypatch.setattr(DimmedModal, "render_line", ModalScreen.render_line)
        app.screen.refresh()
        await pilot.pause()
        theirs = cells(app)
        assert any(char == "N" for row in ours for char, _ in row)  # the reader shows through
        assert ours == theirs
