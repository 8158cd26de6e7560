"""Modal screens over the reader, dimmed at the cost of the styles it uses.

Textual draws the screen below a translucent modal through `BackgroundScreen`:
it renders that screen into one stream of segments, makes a new tinted `Style`
for every segment, and cuts the stream into lines again, on every frame of the
modal. On a 160x50 reader that is some 3,000 new styles, each also turned into
terminal codes afresh: most of an `o` over a 2,000-article archive. A screen
uses a few dozen distinct styles, so each is tinted once and kept (with its
terminal codes), and the tinted lines are kept while the modal is up.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
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


class DimmedModal(ModalScreen[ScreenResultType]):
    """A modal screen whose dimmed background is the screen below, tinted.

    Its lines come straight from that screen's compositor, tinted a segment at a
    time and kept while the modal is up (its frame is drawn again whenever the
    box changes size). They are made anew each time the modal is shown and at
    each resize; what changes below meanwhile shows once it is shown again. The
    cells are those Textual draws (tests/test_dimmed.py)."""

    _dimmed: list[Strip] | None = None

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
