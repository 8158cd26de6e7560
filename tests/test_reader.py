"""Pilot tests: real key presses against the reader, checking what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, OptionList

from tui.core.model.corpus import bundled_corpus
from tui.ui.app import CrossreadApp
from tui.ui.screens.modals import (
    ConfirmLinkScreen,
    ContradictionsScreen,
    HelpScreen,
)
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.lists import AnnotationList
from tui.ui.widgets.picker import ArticlePicker

SIZE = (160, 50)
A0, A1, A3 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "003_abe2c13c9f7a9bff"


def app_for(*open_ids: str, root: Path | None = None) -> CrossreadApp:
    return CrossreadApp(root or bundled_corpus(), list(open_ids))


def views(app: CrossreadApp) -> list[ArticleView]:
    return [pane.view for pane in app.reader.panes]


def drawn(widget: Widget) -> str:
    """The rows a widget draws now: what the user sees of it."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def visible_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_opens_two_articles_side_by_side() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A0, A1]
        assert app.screen.focused is views(app)[0]
        assert "Nordkorea und Russland besiegeln" in visible_text(views(app)[1])


async def test_open_named_articles_by_prefix() -> None:
    app = app_for("003", "001", "004")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [p.article.id[:3] for p in app.reader.panes] == ["003", "001", "004"]


async def test_bracket_keys_move_between_annotations() -> None:
    app = app_for(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        starts = sorted({a.start for a in app.corpus.annotations[A0] if a.resolution.resolved})
        await pilot.press("right_square_bracket")
        assert view.cursor == starts[0]
        await pilot.press("right_square_bracket")
        assert view.cursor == starts[1]
        await pilot.press("left_square_bracket")
        assert view.cursor == starts[0]
        inspector = str(app.query_one("#inspector-text").render())
        assert view.selected is not None and view.selected.id in inspector


async def test_filter_key_limits_jumps_to_one_kind() -> None:
    app = app_for(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        await pilot.press("f")  # all -> claim
        assert view.jump_filter == "claim"
        for _ in range(3):
            await pilot.press("right_square_bracket")
            assert view.selected is not None and view.selected.kind == "claim"
        await pilot.press("f")  # -> source
        await pilot.press("right_square_bracket")
        assert view.selected is not None and view.selected.kind == "source"


async def test_follow_contradiction_opens_other_claim_and_cycles() -> None:
    app = app_for(A3, A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = views(app)
        claim = app.corpus.get(f"{A3}#treaty-start-of-year")
        left.jump_to(claim)
        await pilot.press("enter")
        await pilot.pause()
        targets = [
            ref
            for link in app.corpus.links_of(claim)
            if link.relation == "contradicts"
            for ref in link.members
            if ref != claim.ref
        ]
        first = app.corpus.get(targets[0])
        pane = next(p for p in app.reader.panes if p.article.id == first.article)
        assert pane.view.cursor == first.start
        assert claim.ref in pane.view.partners and left.selected is claim
        assert first.ref in left.partners
        status = str(pane.query_one(".pane-status").render())
        assert "Treaty signing" in status
        await pilot.press("enter")  # cycles to the next member
        await pilot.pause()
        second = app.corpus.get(targets[1])
        pane = next(p for p in app.reader.panes if p.article.id == second.article)
        assert pane.view.cursor == second.start
        assert len(app.reader.panes) == 2


async def test_follow_opens_new_pane_when_alone() -> None:
    app = app_for(A3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        await pilot.press("right_curly_bracket")
        assert view.selected is not None
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.reader.panes) == 2


async def test_search_and_next_previous() -> None:
    app = app_for(A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        text = view.article.text
        await pilot.press("slash")
        assert isinstance(app.screen.focused, Input)
        await pilot.press(*"kursk", "enter")
        hits = [i for i in range(len(text)) if text.lower().startswith("kursk", i)]
        assert view.cursor == hits[0] and len(view.search_matches) == len(hits)
        assert app.screen.focused is view
        await pilot.press("n")
        assert view.cursor == hits[1]
        await pilot.press("N")
        assert view.cursor == hits[0]
        await pilot.press("N")  # wraps to the last
        assert view.cursor == hits[-1]


async def test_search_folds_typography() -> None:
    app = app_for(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        await pilot.press("slash", *'"unbesiegbare', "enter")
        assert view.article.text[view.cursor] == "„"


async def test_scrolling_keys() -> None:
    app = app_for("004")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = views(app)[0]
        await pilot.press("j", "j")
        assert view.line_of(view.cursor) == 2 or view.lines[view.line_of(view.cursor)].block >= 0
        down_line = view.line_of(view.cursor)
        await pilot.press("k")
        assert view.line_of(view.cursor) < down_line
        await pilot.press("pagedown")
        assert view.scroll_offset.y > 0
        after_page = view.scroll_offset.y
        await pilot.press("space")
        assert view.scroll_offset.y > after_page
        await pilot.press("pageup")
        assert view.scroll_offset.y < view.max_scroll_y or view.scroll_offset.y == after_page
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y
        assert view.line_of(view.cursor) == len(view.lines) - 1
        await pilot.press("g")
        assert view.scroll_offset.y == 0 and view.cursor == 0
        await pilot.press("down", "up")
        assert view.cursor == 0


async def test_tab_switches_panes() -> None:
    app = app_for(A0, A1, A3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, middle, right = views(app)
        await pilot.press("tab")
        assert app.screen.focused is middle
        await pilot.press("tab", "tab")
        assert app.screen.focused is left
        await pilot.press("shift+tab")
        assert app.screen.focused is right


async def test_open_picker_is_fuzzy() -> None:
    app = app_for(A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert app.screen.query_one(ArticlePicker).display
        await pilot.press(*"selenskijs", "enter")
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A3, A1]
        await pilot.press("O", *"truppen front", "enter")
        await pilot.pause()
        assert [p.article.id[:3] for p in app.reader.panes] == ["003", "001", "004"]


async def test_help_lists_every_binding() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for binding in CrossreadApp.BINDINGS + ArticleView.BINDINGS:
            assert binding.description in text  # type: ignore[union-attr]
        notes = str(app.screen.query_one("#help-notes").render())
        assert "saved at once to" in notes and "tester.yaml" in notes
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_lists_every_action() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for binding in CrossreadApp.BINDINGS + ArticleView.BINDINGS:
            assert binding.description in titles  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


async def test_contradictions_list_shows_both_ends() -> None:
    app = app_for(A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("C")
        assert isinstance(app.screen, ContradictionsScreen)
        await pilot.press("enter")  # the first contradiction
        await pilot.pause()
        link = next(x for x in app.corpus.links if x.relation == "contradicts")
        first, second = (app.corpus.get(r) for r in link.members[:2])
        left, right = views(app)
        assert (left.article.id, left.cursor) == (first.article, first.start)
        assert (right.article.id, right.cursor) == (second.article, second.start)


async def test_corpus_list_opens_into_focused_or_new_pane() -> None:
    app = app_for(A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        corpus = app.query_one(CorpusList)
        assert corpus.display and app.screen.focused is corpus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.reader.panes[0].article.id.startswith("002")
        await pilot.press("t")
        assert not corpus.display
        app.query_one(CorpusList).display = True
        app.query_one(CorpusList).focus()
        await pilot.press("down", "p")
        await pilot.pause()
        assert len(app.reader.panes) == 3


async def test_annotation_list_filters_and_jumps() -> None:
    app = app_for(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        listing = app.query_one(AnnotationList)
        assert app.screen.focused is listing
        everything = listing.option_count
        await pilot.press("f")  # claims only
        claims = [a for a in app.corpus.annotations[A0] if a.kind == "claim"]
        assert listing.option_count == len(claims) < everything
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        view = views(app)[0]
        assert view.selected is not None and view.cursor == view.selected.start
        assert view.selected.kind == "claim"
        await pilot.press("a", "A")
        assert listing.whole_corpus and listing.option_count > len(claims)


async def test_click_selects_highlight() -> None:
    app = app_for(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        target = app.corpus.get(f"{A0}#troops-10k")
        y = view.line_of(target.start) - view.scroll_offset.y
        line = view.lines[view.line_of(target.start)]
        x = target.start - line.start + 2
        await pilot.click(ArticleView, offset=(x + 1, y))  # +1: left padding
        assert view.selected is target


async def test_quit() -> None:
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        assert app.return_code == 0 or not app.is_running


@pytest.fixture
def hostile_corpus(make_corpus) -> Path:
    return make_corpus(
        {
            "articles/evil.md": "# Evil [bold]title[/bold]\n\nClick [@click=app.quit] here "
            "\x1b[31mred\x1b]8;;http://x\x07 and\x9b done.\n\n"
            "[a mailto](mailto:a@b.c) and [web](https://example.org/x)\n",
            "articles/plain.txt": "Plain\nbody with [@click=app.quit]\n",
            "annotations/evil.yaml": "version: 1\nannotations:\n  - id: c\n    kind: claim\n"
            "    quote: '[@click=app.quit]'\n    text: '[bold]not markup'\n",
        }
    )


async def test_markup_and_escapes_are_shown_literally(hostile_corpus: Path) -> None:
    app = app_for("evil", root=hostile_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        shown = visible_text(view)
        assert "[@click=app.quit]" in shown  # the H1 repeats the title: header only
        assert "^[[31mred^[]8;;http://x^G" in shown and "\\x9b" in shown
        assert not any(c in shown for c in "\x1b\x07\x9b")
        header = str(app.reader.panes[0].query_one(".pane-header").render())
        assert "[bold]title[/bold]" in header
        await pilot.press("right_square_bracket")
        assert "[bold]not markup" in str(app.query_one("#inspector-text").render())
        await pilot.click(ArticleView, offset=(10, 5))
        assert app.is_running


async def test_links_need_confirmation_and_http(
    hostile_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    app = app_for("evil", root=hostile_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = views(app)[0]
        text = view.article.text
        view.move_cursor(text.index("a mailto"))
        await pilot.press("L")
        assert not isinstance(app.screen, ConfirmLinkScreen) and opened == []
        view.move_cursor(text.index("web"))
        await pilot.press("L")
        assert isinstance(app.screen, ConfirmLinkScreen)
        await pilot.press("n")
        assert opened == []
        await pilot.press("L", "y")
        assert opened == ["https://example.org/x"]


async def test_broken_files_show_in_problems_panel(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/good.txt": "Good\nKim sagt etwas.\n",
            "articles/bad.txt": b"\xff",
            "annotations/good.yaml": "version: 1\nannotations:\n  - id: x\n    kind: clam\n",
        }
    )
    app = app_for(root=root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.query_one("#issues")
        assert panel.display
        text = drawn(app.query_one("#issues"))
        assert "bad.txt:1:1: error: invalid UTF-8" in text and "unknown kind 'clam'" in text
        assert [p.article.id for p in app.reader.panes] == ["good"]
        await pilot.press("exclamation_mark")
        assert not panel.display


async def test_unknown_open_name_is_reported() -> None:
    app = app_for("nope", A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A1]
        assert "--open nope: no such article" in drawn(app.query_one("#issues"))


async def test_close_pane() -> None:
    app = app_for(A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert len(app.reader.panes) == 1
        await pilot.press("ctrl+w")
        assert len(app.reader.panes) == 1


def test_option_lists_use_text_not_markup() -> None:
    # OptionList parses str prompts as markup; every prompt crossread builds is Text.
    assert OptionList  # imported for the type only


async def test_big_annotation_files_show_the_text_first_then_the_highlights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past BACKGROUND_BYTES the text is on screen before the annotations, which
    arrive from the worker with their highlight index already built."""
    import tui.ui.app as app_module

    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)
    app = app_for(A0, A1)
    app.run_analysis = False
    assert app.loading and not app.corpus.annotations.get(A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = lambda: str(app.reader.panes[0].query_one(".pane-header").render())  # noqa: E731
        assert "Nordkorea" in visible_text(views(app)[0])
        for _ in range(200):  # until the worker hands over (no clock involved)
            if not app.loading:
                break
            await pilot.pause()
        await pilot.pause()
        assert not app.loading and app.session is not None
        claims = app.corpus.counts(A0).claims
        assert claims > 0 and f"{claims} claims" in header()
        view = views(app)[0]
        assert len(view.highlights.ordered()) == sum(
            1 for a in app.corpus.annotations[A0] if a.resolution.resolved and a.end > a.start
        )
        legend = str(app.query_one("#legend").render())
        assert "verdicts 0/" in legend and "loading annotations" not in legend


async def test_problems_found_by_the_background_load_are_announced_and_shown_on_bang(
    make_corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A background load that finds a problem says so in a toast, without
    moving the text under the reader; `!` shows it with its file and line."""
    import tui.ui.app as app_module

    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)
    root = make_corpus(
        {
            "articles/story.md": "# Story\n\nThe mayor said 40 people were hurt.\n",
            "annotations/story.yaml": "version: 1\nannotations:\n  - id: gone\n    kind: claim\n"
            "    quote: 'words that are nowhere in the text'\n",
        }
    )
    app = app_for("story", root=root)
    app.run_analysis = False
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(200):  # until the worker hands over (no clock involved)
            if not app.loading:
                break
            await pilot.pause()
        await pilot.pause()
        assert not app.query("#issues")  # the layout stayed as it was
        assert any("The annotations have 1 problem: press !" in str(n.message) for n in app._notifications)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert app.query_one("#issues").display
        text = drawn(app.query_one("#issues"))
        assert "story.yaml:" in text and "gone" in text


async def test_the_border_of_the_focused_pane_follows_the_focus() -> None:
    """Marked a frame after the focus moves (ArticlePane._focus_moved): read
    from the colour of each pane's drawn top border."""
    app = app_for(A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        first, second = app.reader.panes

        def border(pane: Widget) -> object:
            top = pane.render_lines(Region(0, 0, pane.size.width, 1))[0]  # with its border
            style = next(iter(top)).style
            return style.color if style else None

        assert border(first) != border(second)
        focused_colour = border(first)
        await pilot.press("tab")
        await pilot.pause()
        await pilot.pause()
        assert border(second) == focused_colour and border(first) != focused_colour
        await pilot.press("t")  # the articles list takes the focus: no pane is marked
        await pilot.pause()
        await pilot.pause()
        assert focused_colour not in (border(first), border(second))
