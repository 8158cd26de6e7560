"""The filter form of the annotations list (ctrl+f): every facet of
`tui.core.views.filters.Filter` on one small screen.

Text fields take several values separated by commas (any of them matches);
facets combine (all must match). Values are suggested from the corpus as
you type. Dates are 'today', 'yesterday' or YYYY-MM-DD.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select, Static

from tui.core.model.annotations import VERDICTS
from tui.core.model.corpus import Corpus
from tui.core.views.days import parse_day
from tui.core.views.filters import Filter, all_sources, values_of
from tui.ui.screens.dimmed import DimmedModal
from tui.ui.styles import NO_CONTROLS

KINDS = ("claim", "source", "note")


def split_values(text: str) -> list[str]:
    return [v.strip() for v in text.split(",") if v.strip()]


class FilterScreen(DimmedModal[tuple[Filter, bool] | None]):
    """Returns (filter, whole corpus) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filters.apply"),
        Binding("ctrl+r", "reset", "Clear every field", id="filters.reset"),
    ]
    DEFAULT_CSS = """
    FilterScreen #filter-grid { grid-size: 2; grid-columns: 16 1fr; grid-rows: 1;
                                grid-gutter: 0 1; height: auto; }
    FilterScreen #filter-box { max-width: 90; }
    FilterScreen Static.filter-label { text-align: right; }
    """

    def __init__(self, corpus: Corpus, current: Filter, whole_corpus: bool) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        # Who-says-what is a corpus-wide question: a first filter covers every article.
        self.whole_corpus = whole_corpus or current.empty

    def _text(self, name: str, values: frozenset[str], choices: list[str], hint: str) -> Input:
        return Input(
            ", ".join(sorted(values)),
            placeholder=hint,
            id=f"filter-{name}",
            compact=True,
            restrict=NO_CONTROLS,
            suggester=SuggestFromList(choices, case_sensitive=False) if choices else None,
        )

    def compose(self) -> ComposeResult:
        f = self.current
        kind = next(iter(f.kinds)) if len(f.kinds) == 1 else Select.NULL
        verdict = next(iter(f.verdicts)) if len(f.verdicts) == 1 else Select.NULL
        dates = [d.isoformat() if d else "" for d in (f.since, f.until)]
        sources = [name for _, name, _ in all_sources(self.corpus)]
        fields = [
            (
                "Kind",
                Select(
                    [(k, k) for k in KINDS], value=kind, id="filter-kind", prompt="any kind", compact=True
                ),
            ),
            ("Topic", self._text("topic", f.topics, values_of(self.corpus, "topic"), "e.g. troop numbers")),
            ("Tag", self._text("tag", f.tags, values_of(self.corpus, "tag"), "e.g. kursk")),
            (
                "Source",
                self._text("source", f.sources, sources, "e.g. Pentagon (same as US Department of Defense)"),
            ),
            (
                "Verdict",
                Select(
                    [(v, v) for v in VERDICTS],
                    value=verdict,
                    id="filter-verdict",
                    prompt="any verdict",
                    compact=True,
                ),
            ),
            (
                "Author",
                self._text(
                    "author", f.authors, values_of(self.corpus, "author"), "whose notes, claims and sources"
                ),
            ),
            (
                "Since",
                Input(
                    dates[0],
                    placeholder="today, yesterday or YYYY-MM-DD",
                    id="filter-since",
                    compact=True,
                    restrict=NO_CONTROLS,
                ),
            ),
            (
                "Until",
                Input(
                    dates[1],
                    placeholder="day of the verdict or note",
                    id="filter-until",
                    compact=True,
                    restrict=NO_CONTROLS,
                ),
            ),
            ("", Checkbox("claims without a source", f.unsourced, id="filter-unsourced", compact=True)),
            (
                "",
                Checkbox("claims in a contradiction", f.contradicted, id="filter-contradicted", compact=True),
            ),
            (
                "",
                Checkbox(
                    "in every article (else the focused one)",
                    self.whole_corpus,
                    id="filter-corpus",
                    compact=True,
                ),
            ),
        ]
        with Vertical(id="filter-box", classes="modal-box"):
            yield Static(Text("Filter the annotations list", style="bold"), classes="modal-title")
            with Grid(id="filter-grid"):
                for label, widget in fields:
                    yield Static(label, classes="filter-label")
                    yield widget
            yield Static(
                Text(
                    "Several values: comma-separated, any matches; fields combine."
                    "\nenter/ctrl+s: apply · tab: next field · ctrl+r: clear · "
                    "esc: cancel",
                    style="dim",
                )
            )

    def on_mount(self) -> None:
        self.query_one("#filter-topic" if self.current.kinds else "#filter-kind").focus()

    def _day(self, name: str) -> date | None:
        text = self.query_one(f"#filter-{name}", Input).value.strip()
        return parse_day(text) if text else None

    def chosen(self) -> Filter:
        """The form as a Filter; ValueError for a day that is not one."""

        def text(name: str) -> list[str]:
            return split_values(self.query_one(f"#filter-{name}", Input).value)

        def picked(name: str) -> list[str]:
            value = self.query_one(f"#filter-{name}", Select).value
            return [str(value)] if value is not Select.NULL else []

        return Filter.of(
            kinds=picked("kind"),
            topics=text("topic"),
            tags=text("tag"),
            sources=text("source"),
            verdicts=picked("verdict"),
            authors=text("author"),
            unsourced=self.query_one("#filter-unsourced", Checkbox).value,
            contradicted=self.query_one("#filter-contradicted", Checkbox).value,
            since=self._day("since"),
            until=self._day("until"),
        )

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        try:
            chosen = self.chosen()
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.dismiss((chosen, self.query_one("#filter-corpus", Checkbox).value))

    def action_reset(self) -> None:
        for box in self.query(Input):
            box.value = ""
        for select in self.query(Select):
            select.clear()
        for check in self.query(Checkbox):
            if check.id != "filter-corpus":
                check.value = False

    def action_cancel(self) -> None:
        self.dismiss(None)
