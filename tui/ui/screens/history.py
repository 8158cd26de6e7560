"""The review history (`H`): your verdicts, notes, links and own claims, newest
first, built from the records themselves (tui/core/views/history.py), so an
undo or a merge shows at once. `d` filters by day, `f` by kind, `enter` jumps.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.views.days import parse_day
from tui.core.views.history import HISTORY_KINDS, Event, describe, history
from tui.core.views.refresh import stale_views
from tui.ui.messages import CorpusChanged
from tui.ui.screens.opening import open_annotation, reader_of
from tui.ui.styles import NO_CONTROLS, one_line, safe_line
from tui.ui.widgets.lists import ReaderList

KIND_CYCLE = ("", *HISTORY_KINDS)
_STYLE = {"verdict": "bold", "note": "green", "link": "cyan", "claim": "yellow", "source": "yellow"}


def event_prompt(event: Event) -> Text:
    """'2025-03-01 14:02  verdict: false  003  “etwa 10.000 …” — comment'."""
    what = f"“{event.target}”" if event.target else event.ref
    text = Text.assemble(
        (event.time, "dim"),
        "  ",
        safe_line(event.label, _STYLE.get(event.kind, "")),
        "  ",
        safe_line(event.article[:3], "dim"),
        "  ",
        safe_line(what),
    )
    if event.text:
        text.append_text(safe_line(f" — {one_line(event.text, 60)}", "italic"))
    return text


class HistoryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,H", "close", "Close the history", id="history.close"),
        Binding("d", "day", "Filter by day (today, yesterday, a date)", id="history.day"),
        Binding("f", "cycle_kind", "Filter by kind", id="history.kind"),
        Binding("e", "everyone", "Yours / everyone's", id="history.everyone"),
    ]
    DEFAULT_CSS = """
    HistoryScreen { layout: vertical; }
    HistoryScreen #history-title { height: 1; background: $boost; padding: 0 1; }
    HistoryScreen #history-day { margin: 0 1; }
    HistoryScreen #history-list { height: 1fr; }
    """

    def __init__(self, corpus, author: str) -> None:
        super().__init__(classes="data-view")
        self.corpus = corpus
        self.author = author
        self.everyone = False
        self.day: date | None = None
        self.kind = ""
        self._events: list[Event] = []

    def compose(self) -> ComposeResult:
        yield Static(id="history-title")
        box = Input(
            placeholder="Day: today, yesterday or YYYY-MM-DD (empty: every day)",
            id="history-day",
            restrict=NO_CONTROLS,
        )
        box.display = False
        yield box
        yield ReaderList(id="history-list")

    def on_mount(self) -> None:
        self.refill()
        self.query_one("#history-list").focus()

    def on_screen_resume(self) -> None:
        self.refill()

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if event.changes is None or "history" in stale_views(event.changes):
            self.refill()

    def refill(self) -> None:
        who = None if self.everyone else self.author
        kinds = (self.kind,) if self.kind else ()
        self._events = history(self.corpus, who, self.day, kinds)
        listing = self.query_one("#history-list", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options(Option(event_prompt(e), id=str(i)) for i, e in enumerate(self._events))
        if not self._events:
            listing.add_option(
                Option(
                    Text(
                        "Nothing yet: verdicts (1-5), notes (n), links "
                        "(m then x or =) and own claims show here.",
                        style="dim",
                    ),
                    disabled=True,
                )
            )
        elif keep is not None:
            listing.highlighted = min(keep, len(self._events) - 1)
        else:
            listing.highlighted = 0
        title = describe(who, self.day, kinds, len(self._events))
        listing.border_title = safe_line(title)
        self.query_one("#history-title", Static).update(
            Text.assemble(
                safe_line(title, "bold"),
                ("  ⏎ jump · d day · f kind · e yours/everyone's · esc close", "dim"),
            )
        )

    @on(OptionList.OptionSelected, "#history-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        chosen = self._events[int(event.option.id or 0)]
        target = self.corpus.get(chosen.ref)
        if target is None:
            self.notify(f"{chosen.ref} is no longer in the corpus.", severity="warning", markup=False)
            return
        self.app.pop_screen()
        self.app.call_after_refresh(open_annotation, reader_of(self.app), target)

    def action_day(self) -> None:
        box = self.query_one("#history-day", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#history-day")
    def _day_given(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        try:
            self.day = parse_day(text) if text else None
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        event.input.display = bool(text)
        self.refill()
        self.query_one("#history-list").focus()

    def action_cycle_kind(self) -> None:
        self.kind = KIND_CYCLE[(KIND_CYCLE.index(self.kind) + 1) % len(KIND_CYCLE)]
        self.refill()

    def action_everyone(self) -> None:
        self.everyone = not self.everyone
        self.refill()

    def action_close(self) -> None:
        box = self.query_one("#history-day", Input)
        if box.has_focus:
            box.display = bool(box.value.strip())
            self.query_one("#history-list").focus()
            return
        self.app.pop_screen()
