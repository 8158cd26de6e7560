"""Turn file text into Rich Text safely: never markup, controls made visible."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter, Monochrome, NoColor

from tui.core.document.layout import Cells
from tui.core.document.text import escape_controls, escape_line

CELLS = Cells(cell_len)
"""Cell widths measured exactly as Textual measures what it draws."""


def safe(text: str, style: Style | str = "") -> Text:
    """A Text that shows exactly the characters of `text`, controls escaped.

    Every string from a file reaches a widget through here (or escape_line):
    a Text is never parsed as markup, and no raw control is left in it."""
    return Text(escape_controls(text), style=style, no_wrap=False, end="")


def safe_line(text: str, style: Style | str = "") -> Text:
    """safe() for one-line places such as border titles: tab and newline too."""
    return Text(escape_line(text), style=style, no_wrap=True, end="")


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


NO_CONTROLS = "[^\x00-\x08\x0b-\x1f\x7f-\x9f]*"
"""One-line inputs refuse control characters outright (they have no use there)."""


# ------------------------------------------------------------ highlight colours

AA = 4.5
"""WCAG AA for body text: every highlight's text against its own background."""

_TARGET = 4.6  # a little above AA, so no rounding can pull a pair under it
_BLACK = Color(0, 0, 0)
_WHITE = Color(255, 255, 255)

TINTS = {
    "claim": ("warning", 0.2),
    "contradiction": ("error", 0.3),
    "note": ("success", 0.25),
    "search": ("secondary", 0.55),
    "mark": ("primary", 0.35),
}
"""Which theme colour tints each kind's background, and how strongly."""

ANSI_TINTS = {
    "claim": "ansi_yellow",
    "contradiction": "ansi_red",
    "note": "ansi_green",
    "search": "ansi_cyan",
    "mark": "ansi_magenta",
}


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(fg: Color, bg: Color, target: float = _TARGET) -> Color:
    """fg, moved toward black or white just far enough to reach `target` on bg.

    Themes pick their colours for looks; a pale accent on a pale surface stays
    recognisably the accent, only darker."""
    if contrast(fg, bg) >= target:
        return fg
    extreme = _WHITE if contrast(_WHITE, bg) >= contrast(_BLACK, bg) else _BLACK
    for step in range(1, 21):
        moved = fg.blend(extreme, step / 20)
        if contrast(moved, bg) >= target:
            return moved
    return extreme


def readable_pair(fg: Color, tint: Color, surface: Color) -> tuple[Color, Color]:
    """A text colour and a tinted background that reach AA together.

    A mid-tone tint can defeat both black and white text; then the tint
    fades toward the surface until some text colour reads on it."""
    bg = tint
    for _ in range(12):
        text = readable(fg, bg)
        if contrast(text, bg) >= _TARGET:
            return text, bg
        bg = bg.blend(surface, 0.3)
    return readable(fg, surface), surface


def highlight_variables(variables: dict[str, str], palette: TerminalTheme) -> dict[str, str]:
    """The theme's CSS variables plus `cr-*` colours for every highlight.

    Computed per theme rather than written as `$warning 15%` in CSS: only
    a computed pair can promise 4.5:1 in every theme, including themes
    added later. ANSI themes keep ANSI names (the terminal owns the palette);
    their text colour is chosen against Textual's default palette."""
    if Color.parse(variables["background"]).ansi is not None:
        return {**variables, **_ansi_variables(palette)}
    surface = Color.parse(variables["surface"])
    if surface.a < 1:
        surface = Color.parse(variables["background"])
    text = readable(Color.parse(variables["foreground"]), surface)
    out = {
        "cr-text": text.hex,
        "cr-muted": readable(text.blend(surface, 0.4), surface).hex,
        "cr-primary": readable(Color.parse(variables["primary"]), surface).hex,
        "cr-source": readable(Color.parse(variables["accent"]), surface).hex,
    }
    for kind, (name, strength) in TINTS.items():
        tint = surface.blend(Color.parse(variables[name]).with_alpha(1), strength)
        fg, bg = readable_pair(text, tint, surface)
        out[f"cr-{kind}-fg"], out[f"cr-{kind}-bg"] = fg.hex, bg.hex
    return {**variables, **out}


def _ansi_variables(palette: TerminalTheme) -> dict[str, str]:
    """Plain terminal colours, so the terminal's palette still applies; each
    pair is checked against Textual's default palette of the theme's kind.
    A tint no text reads on there becomes the text colour instead, and failing
    that the kind keeps only its attributes."""
    out = {
        "cr-text": "ansi_default",
        "cr-muted": "ansi_default",
        "cr-primary": "ansi_default",
        "cr-source": "ansi_default",
    }
    for kind, tint in ANSI_TINTS.items():
        out[f"cr-{kind}-fg"], out[f"cr-{kind}-bg"] = _ansi_pair(palette, tint)
    return out


def _ansi_pair(palette: TerminalTheme, tint: str) -> tuple[str, str]:
    bright = tint.replace("ansi_", "ansi_bright_")
    for bg in (tint, bright):
        for fg in ("ansi_black", "ansi_bright_white", "ansi_default"):
            if contrast(_ansi(palette, fg, True), _ansi(palette, bg, False)) >= _TARGET:
                return fg, bg
    for fg in (tint, bright):
        if contrast(_ansi(palette, fg, True), _ansi(palette, "ansi_default", False)) >= _TARGET:
            return fg, "ansi_default"
    return "ansi_default", "ansi_default"


def _ansi(palette: TerminalTheme, name: str, foreground: bool) -> Color:
    """What Textual's ANSI-to-truecolor filter draws for an ANSI colour name."""
    triplet = Color.parse(name).rich_color.get_truecolor(palette, foreground=foreground)
    return Color(triplet.red, triplet.green, triplet.blue)


def without_colour(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """NO_COLOR means no colour: Textual's default there is greyscale
    (Monochrome), which still emits colour codes. NoColor leaves only the
    attributes, which tell every highlight apart on their own."""
    return [NoColor() if isinstance(f, Monochrome) else f for f in filters]
