"""Every highlight reads in every built-in theme (WCAG AA, 4.5:1), and with
NO_COLOR no colour is drawn while every kind keeps its own attributes.

Colours are taken as Textual resolves them for the running app: the view's
own style composed with each component style, ANSI colours mapped through the
app's ANSI palette the way Textual's truecolor filter maps them."""

from __future__ import annotations

import io
import re
from itertools import product

import pytest
from rich.color import Color as RichColor
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip
from textual.theme import BUILTIN_THEMES

from tui.core.model.corpus import bundled_corpus
from tui.ui.app import CrossreadApp
from tui.ui.styles import AA, contrast
from tui.ui.widgets.article_view import ArticleView

HIGHLIGHTS = ("claim", "source", "contradiction", "note", "orphan", "selection", "search", "mark", "cursor")
EVERY_CLASS = sorted(name.removeprefix("article-view--") for name in ArticleView.COMPONENT_CLASSES)


def resolve(color: RichColor | None, app: CrossreadApp, foreground: bool) -> Color:
    assert color is not None
    triplet = color.get_truecolor(app.ansi_theme, foreground=foreground)
    return Color(triplet.red, triplet.green, triplet.blue)


def drawn(view: ArticleView, *kinds: str) -> Style:
    """The style a character gets under these highlights, layered as drawn."""
    style = view.rich_style
    for kind in kinds:
        style += view.get_component_rich_style(f"article-view--{kind}")
    return style


def ratio(app: CrossreadApp, style: Style) -> float:
    fg = resolve(style.color, app, True)
    bg = resolve(style.bgcolor, app, False)
    return contrast(fg, bg)  # reverse swaps the two: the ratio stays


def test_the_builtin_themes_are_all_offered() -> None:
    app = CrossreadApp(bundled_corpus())
    assert set(BUILTIN_THEMES) <= set(app.available_themes)
    assert {t.dark for t in BUILTIN_THEMES.values()} == {True, False}


async def test_every_highlight_reaches_aa_in_every_builtin_theme() -> None:
    app = CrossreadApp(bundled_corpus())
    failures: list[str] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for theme in BUILTIN_THEMES:
            app.theme = theme
            await pilot.pause()
            assert view.rich_style.bgcolor is not None
            for kind in EVERY_CLASS:
                value = ratio(app, drawn(view, kind))
                if value < AA:
                    failures.append(f"{theme}: {kind} {value:.2f}")
            for outer, inner in product(HIGHLIGHTS, repeat=2):
                value = ratio(app, drawn(view, outer, inner))
                if value < AA:
                    failures.append(f"{theme}: {inner} on {outer} {value:.2f}")
    assert failures == []


async def test_what_the_screen_draws_reaches_aa() -> None:
    """Every visible character of the article panes, theme by theme: a light
    and a dark one from Textual, and the two ANSI themes."""
    app = CrossreadApp(bundled_corpus())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        for theme in ("textual-light", "solarized-dark", "ansi-light", "ansi-dark"):
            app.theme = theme
            await pilot.pause()
            seen = 0
            for view in app.query(ArticleView):
                for y in range(view.size.height):
                    for segment in view.render_line(y):
                        if not segment.text.strip() or segment.style is None:
                            continue
                        seen += 1
                        value = ratio(app, segment.style)
                        assert value >= AA, (theme, segment.text, value)
            assert seen > 100


def test_sources_in_textual_light_were_the_known_failure() -> None:
    """The bug this fixes: Textual's accent on its light surface is 1.4:1."""
    theme = BUILTIN_THEMES["textual-light"].to_color_system().generate()
    assert contrast(Color.parse(theme["accent"]), Color.parse(theme["surface"])) < 2


COLOUR_CODE = re.compile(r"\x1b\[([0-9;]*)m")


def colour_parameters(ansi: str) -> list[str]:
    """SGR parameters that set a colour (39/49, the terminal's default, do not)."""
    found = []
    for params in COLOUR_CODE.findall(ansi):
        codes = params.split(";")
        for code in codes:
            if code in ("38", "48") or (
                code.isdigit()
                and (
                    30 <= int(code) <= 37
                    or 40 <= int(code) <= 47
                    or 90 <= int(code) <= 97
                    or 100 <= int(code) <= 107
                )
            ):
                found.append(params)
                break
    return found


ATTRIBUTES = ("bold", "italic", "underline", "strike", "reverse")


async def test_no_color_draws_no_colour_and_kinds_differ_by_attributes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = CrossreadApp(bundled_corpus())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert app.no_color
        console = Console(
            width=160,
            height=50,
            file=io.StringIO(),
            force_terminal=True,
            color_system="truecolor",
            record=True,
            legacy_windows=False,
        )
        console.print(app.screen._compositor.render_update(full=True))
        screen = console.export_text(styles=True)
        assert "Legend" in screen and colour_parameters(screen) == []
        assert "\x1b[4m" in screen or ";4m" in screen or "\x1b[4;" in screen  # underlines drawn

        view = app.query_one(ArticleView)
        filters = view.get_line_filters()
        looks: dict[str, tuple[str, ...]] = {}
        for kind in HIGHLIGHTS:
            strip = Strip([Segment("word", drawn(view, kind))])
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, Color(0, 0, 0))
            (segment,) = list(strip)
            style = segment.style
            assert style is not None
            assert style.color in (None, RichColor.default())
            assert style.bgcolor in (None, RichColor.default())
            looks[kind] = tuple(a for a in ATTRIBUTES if getattr(style, a))
        assert all(looks.values()), looks
        assert len(set(looks.values())) == len(HIGHLIGHTS), looks
