"""Shorter drawing paths for the article views, whose whole text is drawn
again on every jump and page (the frame a key waits for at 16 MB).

Scrollbar: Textual draws a scrollbar as a Rich renderable, rendered by a
console, split into lines and passed line by line through the widget's
styles cache. A jump in a long article redrew its 34-line bar that way in
1.4 ms, a tenth of the frame the key waits for (0.25 ms here). The bar's
look and its mouse actions are Textual's own (`ScrollBarRender.render_bar`,
its colours and hover states); only the path to the screen is shorter, and
a bar drawn once is kept while its position and colours stay the same.

Lines: Textual's styles cache turns each content line into a widget line
(borders, outline, padding, tint, opacity, hatch) with two closures and a
dozen style lookups per line, 1.7 ms of a jump's 34 lines (0.9 ms here). A
view with only padding, as the article views are, gets its padding added
directly; any other look goes Textual's way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual._styles_cache import StylesCache
from textual.color import Color as TextualColor
from textual.css.styles import StylesBase
from textual.geometry import Region, Size, Spacing
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget


class QuickScrollBar(ScrollBar):
    """A vertical ScrollBar whose lines skip Textual's renderable path."""

    def __init__(self, *, thickness: int = 1) -> None:
        super().__init__(vertical=True, name="vertical", thickness=thickness)
        self._drawn: tuple[tuple[object, ...], list[Strip]] | None = None

    def _lines(self) -> list[Strip]:
        width, height = self.size
        # Textual's own choice of colours, hover and grab states and thumb size: its
        # render() returns the renderer it would draw, which is drawn here instead.
        spec = self.render()
        assert isinstance(spec, ScrollBarRender)
        style = spec.style if isinstance(spec.style, Style) else Style.parse(spec.style)
        filters = tuple(self.app.get_line_filters())
        key: tuple[object, ...] = (width, height, style, self.visual_style, spec.virtual_size)
        key += (spec.window_size, spec.position, filters)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        bar = self.renderer.render_bar(
            size=height,
            virtual_size=spec.virtual_size,
            window_size=spec.window_size,
            position=spec.position,
            thickness=width,
            vertical=True,
            back_color=style.bgcolor or Color.parse("#555555"),
            bar_color=style.color or Color.parse("bright_magenta"),
        )
        # A bar has a handful of distinct cells (track above, thumb, track below,
        # the thumb's ends): each is made into a filtered strip once.
        background = self.background_colors[1]
        base = self.visual_style.rich_style  # under each cell, as a console render puts it
        made: dict[Segment, Strip] = {}
        lines = []
        for segment in bar.segments:
            strip = made.get(segment)
            if strip is None:
                text, cell_style, _ = segment
                strip = Strip([Segment(text, base + cell_style if cell_style else base)], width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                made[segment] = strip
            lines.append(strip)
        self._drawn = (key, lines)
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.screen.styles.scrollbar_color.a == 0:  # Textual's transparent-bar case
            return super().render_lines(crop)
        lines = self._lines()
        x1, x2 = crop.column_span
        shown = lines[crop.y : crop.bottom]
        if (x1, x2) != (0, self.size.width):
            shown = [strip.crop(x1, x2) for strip in shown]
        return shown


def quick_vertical_scrollbar(widget: Widget) -> ScrollBar:
    """The widget's vertical scrollbar, created as a QuickScrollBar (Textual's
    `Widget.vertical_scrollbar` property, with another class)."""
    if widget._vertical_scrollbar is None:
        bar = QuickScrollBar(thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar


class PaddedStylesCache(StylesCache):
    """Textual's styles cache (which lines are dirty, which are kept), with a
    direct path for a line of a widget that has no border, outline, tint,
    hatch or opacity."""

    def render_line(  # noqa: PLR0913 (Textual's signature)
        self,
        styles: StylesBase,
        y: int,
        size: Size,
        content_size: Size,
        padding: Spacing,
        base_background: TextualColor,
        background: TextualColor,
        render_content_line: Callable[[int], Strip],
        *rest: Any,  # border_title, border_subtitle, opacity, ansi_theme, native_ansi
    ) -> Strip:
        opacity = rest[2]
        if (
            opacity != 1.0
            or padding.top
            or padding.bottom
            or styles.tint.a
            or styles.text_opacity != 1.0
            or any(edge for edge, _ in styles.border)
            or any(edge for edge, _ in styles.outline)
            or (styles.has_rule("hatch") and styles.hatch != "none")
        ):
            return super().render_line(
                styles,
                y,
                size,
                content_size,
                padding,
                base_background,
                background,
                render_content_line,
                *rest,
            )
        inner = self.get_inner_outer(base_background, background)[0].rich_style
        content_width, content_height = content_size
        if y < content_height:
            line = render_content_line(y).adjust_cell_length(content_width, inner)
        else:
            line = Strip.blank(content_width, inner)
        segments = list(line)
        if padding.left:
            segments.insert(0, Segment(" " * padding.left, inner))
        if padding.right:
            segments.append(Segment(" " * padding.right, inner))
        return Strip(segments, size.width)
