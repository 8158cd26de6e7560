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
