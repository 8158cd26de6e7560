"""The cross-reading flow, asserted on what the screen shows: following a
contradiction, which pane it lands in, the jump list, and views that never go
stale after a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.document.text import fold
from tui.core.files import store as store_module
from tui.core.model.corpus import bundled_corpus
from tui.core.views.rows import ROW_LINES
from tui.ui.app import CrossreadApp
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.lists import AnnotationList

A0, A1, A2 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "002_413bc77aeb3face7"
A3, A4 = "003_abe2c13c9f7a9bff", "004_0e9341f471240bd9"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setattr(store_module, "user_data_dir", lambda: data)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return data


def visible_text(view: ArticleView) -> str:
    """The article text the user sees in a pane, lines joined with spaces."""
    return " ".join(view.render_line(y).text.strip() for y in range(view.scrollable_content_region.height))


def shows(view: ArticleView, quote: str) -> bool:
    """Whether every word of quote is on screen, in order (it may wrap)."""
    return " ".join(quote.split()) in " ".join(visible_text(view).split())


def contradicted_claims(app: CrossreadApp, article: str) -> list:
    refs = app.corpus.contradiction_refs()
    return [a for a in app.corpus.annotations[article] if a.ref in refs]


async def test_follow_brings_the_partner_fully_on_screen_in_a_fresh_pane() -> None:
    app = CrossreadApp(bundled_corpus(), [A2, A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        followed = 0
        for _ in range(12):
            await pilot.press("right_curly_bracket")
            await pilot.pause()
            source = app.reader.panes[0].view.current_annotation()
            app.reader.panes[0].view.focus()
            await pilot.press("enter")
            await pilot.pause()
            landed = [
                p
                for p in app.reader.panes
                if p.view.selected is not None
                and p.view.selected is not source
                and source.ref in p.view.partners
            ]
            assert app.reader.panes[0].article.id == A2, "the pane the user came from stays"
            assert len(landed) == 1, source.ref
            target, partner = landed[0], landed[0].view.selected
            assert shows(target.view, partner.anchor.quote), (partner.ref, source.ref)
            # context above the claim: it does not sit on the first visible line
            first_line = target.view.line_of(partner.start)
            assert first_line == 0 or first_line > target.view.scroll_offset.y
            followed += partner.article != A2
            app.reader.panes[0].view.focus()
            app.reader.panes[0].view.jump_to(source, record=False)
        assert followed >= 2


async def test_follow_reuses_the_pane_that_shows_the_target_and_never_the_origin() -> None:
    app = CrossreadApp(bundled_corpus(), [A0, A1, A3])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        origin = app.reader.panes[0]
        for _ in range(6):
            await pilot.press("right_curly_bracket", "enter")
            await pilot.pause()
            ids = [p.article.id for p in app.reader.panes]
            assert app.reader.panes[0] is origin and len(ids) == len(set(ids)), ids


async def test_jump_list_goes_back_and_forward_across_panes() -> None:
    app = CrossreadApp(bundled_corpus(), [A2, A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        start = app.reader.panes[0].view.cursor
        await pilot.press("right_square_bracket", "right_square_bracket")
        second = app.reader.panes[0].view.cursor
        assert second != start
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.reader.panes[0].view.cursor != second
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.reader.panes[0].view.cursor == second


async def test_own_claim_updates_the_articles_list_count_at_once() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        listing = app.query_one(CorpusList)
        claims = len([a for a in app.corpus.annotations[A0] if a.kind == "claim"])

        def row() -> str:  # A0's drawn lines (a narrow list says "C" for claims)
            top = listing.ids.index(A0) * ROW_LINES - listing.scroll_offset.y
            drawn = "\n".join(listing.render_line(y).text for y in range(top, top + ROW_LINES))
            return drawn.replace(" C ", " claims ")

        assert f"{claims} claims" in row()
        await pilot.press("g", "v", "w", "w", "c")
        await pilot.pause()
        await pilot.press("enter")  # the claim form (source, topic, tags), left empty
        await pilot.pause()
        assert f"{claims + 1} claims" in row()
        header = str(app.reader.panes[0].query_one(".pane-header").render())
        assert f"{claims + 1} claims" in header


async def test_legend_follows_the_jump_filter_and_the_mark() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()

        def legend() -> str:
            return str(app.query_one("#legend").render())

        assert "jump to: all" in legend()
        await pilot.press("f")
        await pilot.pause()
        assert "jump to: claim" in legend()
        await pilot.press("right_square_bracket", "m")
        await pilot.pause()
        assert "marked:" in legend()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "marked:" not in legend()


async def test_escape_clears_the_search_status() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        status = app.reader.panes[0].query_one(".pane-status")
        await pilot.press("slash", *"kursk", "enter")
        await pilot.pause()
        assert "matches for" in str(status.render())
        await pilot.press("escape")
        await pilot.pause()
        assert "matches for" not in str(status.render())


async def test_lists_move_with_j_and_k() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        listing = app.query_one(AnnotationList)
        assert listing.highlighted == 0
        await pilot.press("j", "j")
        assert listing.highlighted == 2
        await pilot.press("k")
        assert listing.highlighted == 1


async def test_selection_holds_exactly_the_selected_words(tmp_path: Path) -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        await pilot.press("g", "v", "w", "w")
        start, end = view.selection
        text = view.article.text[start:end]
        words = view.article.text[:200].split()
        assert fold(text) == fold(" ".join(words[:2]))


async def test_undo_names_what_it_undid() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        claim = next(a for a in app.corpus.annotations[A0] if a.kind == "claim")
        app.reader.panes[0].view.jump_to(claim)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert f"Undone: verdict 'false' on {claim.id}" in messages


async def test_linking_twice_offers_the_existing_link() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        claims = [a for a in app.corpus.annotations[A0] if a.kind == "claim"][:2]
        view = app.reader.panes[0].view
        view.jump_to(claims[0])
        await pilot.press("m")
        view.jump_to(claims[1])
        await pilot.press("x", *"first summary", "enter")
        await pilot.pause()
        count = len(app.corpus.links)
        view.jump_to(claims[0])
        await pilot.press("m")
        view.jump_to(claims[1])
        await pilot.press("x")
        await pilot.pause()
        assert (
            "Already linked" in str(app.screen.query_one("Label, Static").render())
            or "Already linked" in app.screen.query_one("#prompt-title").render().plain
        )  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.corpus.links) == count


def text_width(view: ArticleView) -> int:
    return view.scrollable_content_region.width


async def test_article_is_readable_at_80x24_and_after_a_resize() -> None:
    app = CrossreadApp(bundled_corpus(), [A0, A1])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = [p for p in app.reader.panes if p.display]
        assert shown and all(text_width(p.view) >= 40 for p in shown)
        words = max(len(line) for line in visible_text(shown[0].view).split("  "))
        assert words >= 30  # real text fills the line, not a column of broken words
        await pilot.press("tab")
        await pilot.pause()
        assert app.reader.panes[1].display and text_width(app.reader.panes[1].view) >= 40
    app = CrossreadApp(bundled_corpus(), [A0, A1])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert all(p.display for p in app.reader.panes) and app.query_one("#side").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        shown = [p for p in app.reader.panes if p.display]
        assert shown and all(text_width(p.view) >= 40 for p in shown)
        await pilot.press("backslash")
        await pilot.pause()
        assert app.query_one("#side").display
        await pilot.press("backslash")
        await pilot.pause()
        assert not app.query_one("#side").display


@pytest.mark.parametrize("presses", [1, 3])  # within 002, then into a pane that is replaced
async def test_follow_at_80x24_shows_the_partner_and_a_resize_keeps_it(presses: int) -> None:
    app = CrossreadApp(bundled_corpus(), [A2, A0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*["right_curly_bracket"] * presses)
        await pilot.pause()
        source = app.reader.panes[0].view.current_annotation()
        await pilot.press("enter")
        await pilot.pause()
        landed = [
            p
            for p in app.reader.panes
            if p.view.selected is not None and p.view.selected is not source and source.ref in p.view.partners
        ]
        assert len(landed) == 1
        target, partner = landed[0], landed[0].view.selected
        assert target.display and shows(target.view, partner.anchor.quote)
        shown = [p for p in app.reader.panes if p.display]
        assert all(text_width(p.view) >= 40 for p in shown), [text_width(p.view) for p in shown]
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert shows(target.view, partner.anchor.quote)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.reader.panes[0].display and shows(app.reader.panes[0].view, source.anchor.quote)


async def test_keys_typed_as_the_window_appears_are_not_lost() -> None:
    from tui.ui.screens.editors import NoteScreen

    app = CrossreadApp(bundled_corpus(), [A0, A1])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("v", "w", "w", "w", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)


async def test_a_at_80x24_brings_the_annotations_list_on_screen() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.query_one("#side").display
        await pilot.press("a")
        await pilot.pause()
        listing = app.query_one(AnnotationList)
        assert app.query_one("#side").display and listing.has_focus
        assert listing.region.width > 0 and app.reader.panes[0].view.scrollable_content_region.width >= 20


async def test_a_search_is_a_jump_that_ctrl_o_returns_from() -> None:
    app = CrossreadApp(bundled_corpus(), [A2, A0])
    app.run_analysis = False
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        view = app.reader.current_view
        assert view is not None
        before = view.cursor
        words = view.article.text[before : before + 30].split()[0]
        await pilot.press("slash", *"Kirby", "enter")
        await pilot.pause()
        assert view.cursor != before and "Kirby" in visible_text(view)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert view.cursor == before and words in visible_text(view)


async def test_opening_an_article_already_shown_in_a_new_pane_reuses_that_pane() -> None:
    app = CrossreadApp(bundled_corpus(), [A2, A0])
    app.run_analysis = False
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("O", *"000_f03", "enter")
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A2, A0]
        assert app.screen.focused is app.reader.panes[1].view


async def test_keys_typed_in_one_burst_reach_the_widget_the_focus_moved_to() -> None:
    """`a j j j enter` queued at once, as a fast typist or a paste sends them:
    the j's move the annotations list, not the caret of the pane left behind."""
    from textual import events

    app = CrossreadApp(bundled_corpus(), [A2, A0])
    app.run_analysis = False
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        listing = app.query_one(AnnotationList)
        for key in ("a", "j", "j", "j", "enter"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        chosen = listing._items[listing.get_option_at_index(3).id or ""]
        view = app.reader.current_view
        assert view is not None and view.cursor == chosen.start
        assert shows(view, " ".join(chosen.anchor.quote.split()[:4]))


async def test_t_at_160_columns_puts_the_articles_list_where_the_side_panels_were() -> None:
    """Both panes stay on screen at their width; the side panels come back with
    the second `t`, or at once when `a` asks for the annotations list."""
    app = CrossreadApp(bundled_corpus(), [A0, A1])
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        panes = app.reader.panes
        widths = [text_width(p.view) for p in panes]
        before = [visible_text(p.view) for p in panes]
        assert all(p.display for p in panes) and app.query_one("#side").display
        await pilot.press("t")
        await pilot.pause()
        listing = app.query_one(CorpusList)
        assert listing.display and not app.query_one("#side").display
        assert "Nordkorea" in "\n".join(listing.render_line(y).text for y in range(listing.size.height))
        assert [text_width(p.view) for p in panes] == widths
        assert [visible_text(p.view) for p in panes] == before  # the text did not move
        await pilot.press("t")
        await pilot.pause()
        assert not listing.display and app.query_one("#side").display
        await pilot.press("t")
        await pilot.pause()
        app.reader.pane_manager.focus_pane(0)
        await pilot.press("a")
        await pilot.pause()
        assert not listing.display and app.query_one("#side").display
        assert app.screen.focused is app.query_one(AnnotationList)
        assert [text_width(p.view) for p in panes] == widths
        await pilot.press("t")
        await pilot.pause()
        await pilot.resize_terminal(200, 50)  # room for everything: the list is a column again
        await pilot.pause()
        assert listing.display and app.query_one("#side").display
        assert not listing.has_class("in-side-room") and listing.outer_size.width == 32
