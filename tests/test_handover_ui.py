"""A big background load hands over in steps: the annotations list fills in
batches and keeps the highlighted row; the problems it found are shown on `!`,
and the panel draws what it shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App
from textual.widget import Widget

from tui.ui.app import CrossreadApp
from tui.ui.widgets.lists import STEP_ROWS, AnnotationList
from tui.ui.widgets.problems import ProblemsText

COUNT = 2 * STEP_ROWS + 50  # three batches


def drawn(widget: Widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def word(n: int) -> str:
    return f"w{n:04d}"


def story(make_corpus: Callable[[dict[str, str]], Path]) -> Path:
    text = "# Story\n\n" + " ".join(word(n) for n in range(COUNT)) + "\n"
    claims = "".join(f"  - id: c{n}\n    kind: claim\n    quote: {word(n)}\n" for n in range(COUNT))
    missing = "  - id: gone\n    kind: claim\n    quote: words that are nowhere\n"
    return make_corpus(
        {"articles/story.md": text, "annotations/story.yaml": f"version: 1\nannotations:\n{claims}{missing}"}
    )


async def until(pilot, done: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    for _ in range(1000):  # steps wait for frames, not for a clock
        if done():
            return
        await pilot.pause()
    raise AssertionError("never happened")


def story_app(make_corpus, monkeypatch) -> CrossreadApp:  # type: ignore[no-untyped-def]
    """The story loaded in the background, as a big corpus is, without the analysis."""
    import tui.ui.app as app_module

    monkeypatch.setattr(app_module, "BACKGROUND_BYTES", 0)
    app = CrossreadApp(story(make_corpus), ["story"])
    app.run_analysis = False
    return app


async def filled(pilot) -> AnnotationList:  # type: ignore[no-untyped-def]
    """The annotations list once the load is over and every row is in."""
    listing = pilot.app.query_one(AnnotationList)
    await until(pilot, lambda: not pilot.app.loading and listing.option_count == COUNT + 1)
    return listing


async def test_big_load_fills_the_list_in_steps_and_keeps_the_row(make_corpus, monkeypatch) -> None:
    app = story_app(make_corpus, monkeypatch)
    async with app.run_test(size=(160, 50)) as pilot:
        listing = await filled(pilot)
        assert f"Annotations ({COUNT + 1})" in str(listing.border_title)
        assert word(0) in drawn(listing)
        assert not app.query("#issues")  # announced, not laid out at the handover
        await pilot.press("exclamation_mark")
        await pilot.pause()
        panel = app.query_one("#issues", ProblemsText)
        assert panel.display and "gone" in drawn(panel)
        # A change reloads the list; the highlighted row comes back once its batch is in.
        listing.highlighted = COUNT - 10
        await pilot.pause()
        app.reader.pane_manager.focus_pane(0)
        await pilot.press("2")  # verdict on the claim under the caret
        await until(pilot, lambda: listing.option_count == COUNT + 1 and listing._keep is None)
        option = listing.highlighted_option
        assert listing.highlighted == COUNT - 10 and option is not None
        assert word(COUNT - 10) in str(option.prompt)
        assert word(COUNT - 10) in drawn(listing)
        assert "[supported]" in str(listing.get_option_at_index(0).prompt)  # reloaded indeed


async def test_the_lists_order_is_sorted_on_a_thread_a_stale_one_dropped(make_corpus, monkeypatch) -> None:
    """A whole load sorts the article's rows off the UI thread; an order that
    arrives after a newer load began is dropped, and the rows show in text order."""
    app = story_app(make_corpus, monkeypatch)
    async with app.run_test(size=(160, 50)) as pilot:
        listing = await filled(pilot)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(3)]
        assert [word(n) in p for n, p in enumerate(prompts)] == [True, True, True]  # text order
        assert "words that are nowhere" in str(listing.get_option_at_index(COUNT).prompt)  # orphan last
        listing._sorted.clear()
        listing._sorted_arrived(listing._order_wanted - 1, "story", [])  # a stale order
        assert listing._sorted == {}


@pytest.mark.parametrize("width", [30, 80])
async def test_problems_panel_wraps_at_its_width(width: int) -> None:
    line = " ".join(f"word{n}" for n in range(40))
    panel = ProblemsText(id="probe")
    app = App()
    async with app.run_test(size=(width + 4, 20)) as pilot:
        await app.screen.mount(panel)
        panel.update(Text(line))
        await pilot.pause()
        rows = [r.rstrip() for r in drawn(panel).splitlines() if r.strip()]
        assert " ".join(rows).split() == line.split()[: len(" ".join(rows).split())]
        assert all(len(r) <= panel.scrollable_content_region.width for r in rows)
