"""Modal screens over the reader, dimmed at the cost of the styles it uses.

Textual draws the screen below a translucent modal through `BackgroundScreen`,
which makes a new tinted `Style` for every segment of every frame. On a
160x50 reader that is some 3,000 styles, and each new style is also turned
into terminal codes afresh: an `o` over a 2,000-article archive took 110 ms
from key to first byte, about half of it here. A screen uses a few dozen
distinct styles, so each is tinted once and kept; the kept styles keep their
terminal codes too.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.strip import Strip

KEPT = 4096  # distinct (style, tint) pairs kept; themes and highlights use far fewer
_tinted: dict[tuple[Style | None, Color], Style] = {}


def tinted(style: Style | None, tint: Color) -> Style:
    """The style as seen through the tint, without links or meta (as Textual does)."""
    key = (style, tint)
    found = _tinted.get(key)
    if found is None:
        if len(_tinted) >= KEPT:
            _tinted.clear()
        base = Style() if style is None else style.clear_meta_and_links()
        if not tint.a:  # see-through: colours stay as they are
            found = _tinted[key] = base
            return found
        fore = (Color.from_rich_color(base.color) + tint).rich_color if base.color is not None else None
        back = (Color.from_rich_color(base.bgcolor) + tint).rich_color if base.bgcolor is not None else None
        found = _tinted[key] = base + Style.from_color(fore, back)
    return found


class DimmedScreen:
    """The screen below, every segment in its kept tinted style."""

    def __init__(self, screen: Screen[object], tint: Color) -> None:
        self.screen = screen
        self.tint = tint

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        tint = self.tint
        # The compositor is what Textual's BackgroundScreen renders too.
        for text, style, control in console.render(self.screen._compositor, options):
            yield Segment(text, None, control) if control else Segment(text, tinted(style, tint))


class DimmedModal(ModalScreen[ScreenResultType]):
    """A modal screen whose dimmed background is the screen below, tinted.

    Its lines come straight from that screen's compositor, tinted a segment at a
    time and kept while the modal is up: through `render`, Textual turned the
    screen below into one stream of segments and cut it into lines again, 60% of
    an `o` over the archive (its frame is drawn again when the box changes size).
    They are made anew each time the modal is shown and at each resize."""

    _dimmed: list[Strip] | None = None

    def render(self) -> RenderableType:
        drawn = super().render()
        if isinstance(drawn, BackgroundScreen):
            return DimmedScreen(drawn.screen, drawn.color)
        return drawn

    def _below(self) -> Screen[object] | None:
        stack = self.app.screen_stack
        if self.styles.background.a >= 1 or self not in stack:
            return None
        index = stack.index(self)
        return stack[index - 1] if index else None

    def render_line(self, y: int) -> Strip:
        below = self._below()
        if below is None:
            return super().render_line(y)
        if self._dimmed is None:
            tint = self.styles.background
            base = self.rich_style  # what Textual lays under a widget's content
            self._dimmed = [
                Strip(
                    [
                        Segment(text, None, control) if control else Segment(text, base + tinted(style, tint))
                        for text, style, control in strip
                    ],
                    strip.cell_length,
                )
                for strip in below._compositor.render_strips(self.size)
            ]
        return self._dimmed[y] if y < len(self._dimmed) else Strip.blank(self.size.width)

    def on_screen_resume(self) -> None:
        self._dimmed = None

    def on_resize(self) -> None:
        self._dimmed = None
