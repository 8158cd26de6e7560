"""The open-article picker over an archive: a screenful of the best rows, and typing
narrows to the titles that hold the typed letters in order (read from the screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from tui.ui.app import CrossreadApp
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.pick_list import PickList
from tui.ui.widgets.picker import PICKER_ROWS, ArticlePicker

ARTICLES = PICKER_ROWS + 40


def drawn(widget: Widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def picker_shown(app: CrossreadApp) -> bool:
    """The picker box is on the reader, drawn: its title is on the screen."""
    found = app.screen.query(ArticlePicker)
    return bool(found) and found.first().display and "Open article" in screen_text(app)


async def drawn_regions(pilot, monkeypatch, *keys: str) -> list[list[Region]]:  # type: ignore[no-untyped-def]
    """The regions each frame drew while these keys were pressed."""
    from textual._compositor import Compositor

    frames: list[list[Region]] = []
    original = Compositor.render_partial_update

    def spy(self: Compositor):  # type: ignore[no-untyped-def]
        frames.append(list(self._dirty_regions))
        return original(self)

    monkeypatch.setattr(Compositor, "render_partial_update", spy)
    await pilot.press(*keys)
    monkeypatch.setattr(Compositor, "render_partial_update", original)
    return frames


def screen_text(app: CrossreadApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def archive(make_corpus: Callable[[dict[str, str]], Path]) -> Path:
    files = {f"articles/a{n:03d}.md": f"# Hafenbericht {n:03d}\n\nText {n}.\n" for n in range(ARTICLES)}
    files["articles/zz.md"] = "# Brückeneinsturz in Kerbach\n\nText.\n"
    return make_corpus(files)


def reports_app(make_corpus: Callable[[dict[str, str]], Path], count: int) -> CrossreadApp:
    """The reader over `count` short reports, the first one open, no analysis."""
    files = {f"articles/b{n:03d}.md": f"# Bericht {n:03d}\n\nText {n}.\n" for n in range(count)}
    app = CrossreadApp(make_corpus(files), ["b000"])
    app.run_analysis = False
    return app


async def test_picker_shows_the_best_rows_and_narrows_as_one_types(make_corpus) -> None:
    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert picker_shown(app)
        listing = app.screen.query_one("#picker-list", PickList)
        assert listing.option_count == PICKER_ROWS
        assert f"best {PICKER_ROWS} of {ARTICLES + 1}" in str(listing.border_subtitle)
        await pilot.press(*"brkbach")  # letters in order, not a substring
        await pilot.pause()
        assert listing.option_count == 1
        assert "Brückeneinsturz in Kerbach" in drawn(listing)
        assert "Hafenbericht" not in drawn(listing)
        assert not listing.border_subtitle


async def test_a_long_articles_list_holds_every_article_at_once(make_corpus) -> None:
    """Rows have a fixed height, so the list needs no batches: the last row is
    there on the first frame, and the cursor brings it on screen."""
    from tui.ui.widgets.article_list import CorpusList

    app = reports_app(make_corpus, 230)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        listing = app.query_one(CorpusList)
        assert "Bericht 000" in drawn(listing)
        assert listing.option_count == 230
        app.screen.set_focus(listing)
        await pilot.press("end")
        await pilot.pause()
        assert "Bericht 229" in drawn(listing)
        assert "Bericht 000" not in drawn(listing)
        await pilot.press("home", "j", "j")
        await pilot.pause()
        assert "Bericht 000" in drawn(listing)
        assert listing.highlighted_id == "b002"
        await pilot.press("G")  # the reader's keys for last and first
        await pilot.pause()
        assert "Bericht 229" in drawn(listing)
        await pilot.press("g")
        await pilot.pause()
        assert "Bericht 000" in drawn(listing) and "Bericht 229" not in drawn(listing)


async def test_the_picker_opens_again_empty_with_the_title_of_its_key(make_corpus) -> None:
    """One picker serves every `o` and `O`: what was typed last time is gone."""
    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", *"brkbach")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("O")
        await pilot.pause()
        assert picker_shown(app)
        listing = app.screen.query_one("#picker-list", PickList)
        assert app.screen.query_one("#picker-input", Input).value == ""
        assert listing.option_count == PICKER_ROWS
        assert "Hafenbericht 000" in drawn(listing)
        assert "Open article in a new pane" in drawn(app.screen.query_one("#picker-title"))
        await pilot.press(*"brkbach", "enter")
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == ["a000", "zz"]


async def test_the_articles_list_made_hidden_shows_on_t(make_corpus) -> None:
    """ReaderScreen.prebuild makes the list hidden; `t` shows it, every row there."""
    from tui.ui.widgets.article_list import CorpusList

    app = reports_app(make_corpus, 230)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.query(CorpusList)  # narrow: not made for the first frame
        app.reader.finder.prebuild()
        await pilot.pause()
        await pilot.pause()
        listing = app.query_one(CorpusList)
        assert not listing.display and listing.option_count == 230
        await pilot.press("t")
        await pilot.pause()
        assert listing.display and "Bericht 000" in drawn(listing)
        assert app.screen.focused is listing


async def test_a_query_typed_in_one_burst_with_o_lands_in_the_picker(make_corpus) -> None:
    """The keys arrive before the picker is drawn (tmux send-keys, a fast typist):
    none is taken as a reader command, first opening or later."""
    from textual import events

    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for burst in ("brkbach", "hafen"):
            for char in "o" + burst:  # posted together, as the terminal driver does
                app.post_message(events.Key(char, char))
            await pilot.pause()
            await pilot.pause()
            assert picker_shown(app)
            assert app.screen.query_one("#picker-input", Input).value == burst
            await pilot.press("escape")
            await pilot.pause()


async def test_o_typed_into_the_search_box_is_a_letter() -> None:
    from tui.core.model.corpus import bundled_corpus

    app = CrossreadApp(bundled_corpus(), ["000_f0337515d6951f32"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "x", "o", "O", "y")
        await pilot.pause()
        assert not picker_shown(app)
        assert app.screen.query_one(".pane-search", Input).value == "xoOy"


async def test_a_search_typed_in_one_burst_with_slash_lands_in_the_box() -> None:
    from textual import events

    from tui.core.model.corpus import bundled_corpus

    app = CrossreadApp(bundled_corpus(), ["000_f0337515d6951f32"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key, char in [("slash", "/"), ("k", "k"), ("o", "o"), ("slash", "/"), ("r", "r")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert not picker_shown(app)
        assert app.screen.query_one(".pane-search", Input).value == "ko/r"


async def test_the_readers_keys_do_nothing_behind_the_open_picker(make_corpus) -> None:
    """The picker is a box on the reader, not a screen: its `is_modal` keeps
    the reader's keys (close pane, next pane, next annotation) from running."""
    app = CrossreadApp(archive(make_corpus), ["a000", "a001"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.screen.focused
        await pilot.press("o", "ctrl+w", "tab", "shift+tab", "right_square_bracket", "t")
        await pilot.pause()
        assert picker_shown(app)
        assert [p.article.id for p in app.reader.panes] == ["a000", "a001"]
        assert app.screen.query_one("#picker-input", Input).value == "]t"
        assert "Hafenbericht" not in drawn(app.screen.query_one("#picker-list"))  # "]t" matches none
        await pilot.press("escape")
        await pilot.pause()
        assert not picker_shown(app)
        assert app.screen.focused is first  # back in the pane it came from


async def test_a_click_beside_the_picker_closes_it(make_corpus) -> None:
    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", "b")
        await pilot.pause()
        assert picker_shown(app)
        await pilot.click(offset=(2, 2))  # the article's text, left of the box
        await pilot.pause()
        await pilot.pause()
        assert not picker_shown(app)
        assert [p.article.id for p in app.reader.panes] == ["a000"]
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#picker-input", Input).value == ""  # readied again


async def test_showing_the_picker_draws_only_its_box(make_corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Textual numbers the painting order from the last child: shown as the
    last, the box renumbered every widget, and its frame was the whole screen
    (tui/ui/finding.py)."""
    app = CrossreadApp(archive(make_corpus), ["a000", "a001"])
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.reader.finder.prebuild()
        await pilot.pause()
        frames = await drawn_regions(pilot, monkeypatch, "o")
        assert picker_shown(app)
        box = app.screen.query_one(ArticlePicker).region
        first = next(regions for regions in frames if box in regions)  # the frame that shows it
        assert all(box.contains_region(region) for region in first)


async def test_a_layout_of_the_screen_leaves_the_articles_scrollbars_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every layout (a box or list shown) redrew the scrollbar of every
    scrolling widget, wherever it was (tui/ui/widgets/steady.py)."""
    from textual.scrollbar import ScrollBar

    from tui.core.model.corpus import bundled_corpus

    app = CrossreadApp(bundled_corpus(), ["000_f0337515d6951f32", "001_6604a57b5a9e0757"])
    app.run_analysis = False
    async with app.run_test(size=(160, 50)) as pilot:
        for _ in range(500):  # until loaded and laid out: then nothing else moves
            await pilot.pause()
            if not app.loading and all(view.layout_complete for view in app.query(ArticleView)):
                break
        views = list(app.query(ArticleView))
        assert views and all(view.show_vertical_scrollbar for view in views)  # long texts
        redrawn: list[object] = []
        bar_refresh = ScrollBar.refresh

        def bar_spy(self: ScrollBar, *args, **kwargs):  # type: ignore[no-untyped-def]
            redrawn.append(self.parent)
            return bar_refresh(self, *args, **kwargs)

        monkeypatch.setattr(ScrollBar, "refresh", bar_spy)
        app.screen.refresh(layout=True)
        await pilot.pause()
        await pilot.pause()
        monkeypatch.setattr(ScrollBar, "refresh", bar_refresh)
        assert not [parent for parent in redrawn if parent in views]


async def test_o_while_the_picker_is_being_made_waits_for_it(make_corpus) -> None:
    """The reader makes the picker once loading is over; an `o` in that moment
    opens it, and the query typed behind it lands in it."""
    from textual import events

    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.reader.finder.prebuild()  # mounting, not mounted
        for char in "obrk":
            app.post_message(events.Key(char, char))
        await pilot.pause()
        await pilot.pause()
        assert picker_shown(app)
        assert app.screen.query_one("#picker-input", Input).value == "brk"
        assert len(app.screen.query(ArticlePicker)) == 1


async def test_the_picker_lists_articles_that_came_with_a_reload(make_corpus) -> None:
    """Articles come and go only with a (re)load, published as a change of
    everything: the picker made before it lists the new ones when next opened."""
    from dataclasses import replace

    app = CrossreadApp(archive(make_corpus), ["a000"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", "escape")
        await pilot.pause()
        corpus = app.reader.corpus
        old = corpus.articles["zz"]
        corpus.articles["neu"] = replace(
            old, id="neu", meta=replace(old.meta, title="Neuer Lagebericht aus Kerbach")
        )
        app.reader.publish(None)
        await pilot.pause()
        await pilot.press("o", *"lagebericht")
        await pilot.pause()
        listing = app.screen.query_one("#picker-list", PickList)
        assert listing.option_count == 1 and "Neuer Lagebericht aus Kerbach" in drawn(listing)


async def test_tab_moves_between_the_filter_and_the_list(make_corpus) -> None:
    """As the README says: tab to the list, then j / k; tab again to type."""
    app = CrossreadApp(archive(make_corpus), ["a000", "a001"])
    app.run_analysis = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", *"hafen", "tab", "j", "j")
        await pilot.pause()
        listing = app.screen.query_one("#picker-list", PickList)
        assert app.screen.focused is listing and listing.highlighted == 2
        assert [p.article.id for p in app.reader.panes] == ["a000", "a001"]  # tab moved no pane
        await pilot.press("x")  # a letter the list does not move by goes on with the query
        await pilot.pause()
        search = app.screen.query_one("#picker-input", Input)
        assert app.screen.focused is search and search.value == "hafenx"
        await pilot.press("backspace", "tab", "tab")  # to the list and back, nothing lost
        await pilot.pause()
        assert search.value == "hafen" and app.screen.focused is search
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert not picker_shown(app)
        assert app.reader.panes[app.reader.pane_manager.current_pane].article.id == "a000"


async def test_the_list_shows_its_focus_a_frame_later_and_o_draws_only_the_box(
    make_corpus,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """RowList marks its focus with a class set after the frame (not `:focus`,
    which restyled and redrew the whole list inside the key): focused, its
    cursor row is drawn stronger; an `o` pressed on it draws only the box."""
    app = reports_app(make_corpus, 40)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.reader.finder.prebuild()
        await pilot.press("t")
        await pilot.pause()
        from tui.ui.widgets.article_list import CorpusList

        listing = app.query_one(CorpusList)
        assert app.screen.focused is listing and listing.has_class("-focused")
        focused_row = listing.render_line(0)
        frames = await drawn_regions(pilot, monkeypatch, "o")
        box = app.screen.query_one(ArticlePicker).region
        first = next(regions for regions in frames if box in regions)
        assert all(box.contains_region(region) for region in first)
        await pilot.pause()
        assert not listing.has_class("-focused")
        blurred_row = listing.render_line(0)
        assert focused_row.text == blurred_row.text
        assert [s.style.bgcolor for s in focused_row] != [s.style.bgcolor for s in blurred_row]


async def test_a_picker_made_as_it_is_removed_leaves_no_error() -> None:
    """CI once failed as the app closed just as the prebuilt picker mounted:
    Textual mounts nothing into a widget being removed, so its list was
    missing when it filled it."""
    from tui.core.model.corpus import bundled_corpus

    app = CrossreadApp(bundled_corpus(), [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        finder = app.reader.finder
        if finder._picker is not None:
            await finder._picker.remove()
        picker = finder._make_picker()
        finder._mount_picker(picker)
        picker._pruning = True  # what Textual sets on a widget as it is removed
        await pilot.pause()
        assert picker.is_mounted and not picker.query(PickList)
    assert app._exception is None  # run_test raises it too
