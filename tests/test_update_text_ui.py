"""update_text: a Static's new text is drawn, and its height follows the text
when the number of lines changes (only then is the screen laid out again)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from tui.ui.pacing import update_text


class Two(App[None]):
    CSS = "#status { height: auto; max-height: 3; } #below { height: 1; }"

    def compose(self) -> ComposeResult:
        yield Static("first", id="status")
        yield Static("below", id="below")


def drawn(widget: Static) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_same_height_and_new_height_are_both_drawn() -> None:
    app = Two()
    async with app.run_test(size=(20, 10)) as pilot:
        status, below = app.query_one("#status", Static), app.query_one("#below", Static)
        update_text(status, "second")  # one line for one line
        await pilot.pause()
        assert drawn(status) == ["second"] and below.region.y == 1
        update_text(status, "a longer text that takes two lines")
        await pilot.pause()
        assert drawn(status) == ["a longer text that", "takes two lines"]
        assert below.region.y == 2  # laid out again: the line below moved down
        update_text(status, "short")
        await pilot.pause()
        assert drawn(status) == ["short"] and below.region.y == 1
