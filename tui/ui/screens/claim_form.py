"""The short form for your own claim (`c`, and `e` later): its source, topic and
tags, so own claims take part in the matrix, the filters and who-says-what
like curated ones.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from tui.core.model.corpus import Corpus
from tui.core.views.filters import source_label, values_of
from tui.ui.screens.dimmed import DimmedModal
from tui.ui.screens.filters import split_values
from tui.ui.styles import NO_CONTROLS, one_line, safe


class ClaimFormScreen(DimmedModal[dict[str, str | list[str]] | None]):
    """Returns {'source': id or '', 'topic': ..., 'tags': [...]}, or None on esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="claim_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="claim_form.save"),
    ]
    DEFAULT_CSS = """
    ClaimFormScreen #claim-grid { grid-size: 2; grid-columns: 10 1fr; grid-rows: 1;
                                  grid-gutter: 0 1; height: auto; }
    ClaimFormScreen Static.form-label { text-align: right; }
    """

    def __init__(
        self,
        corpus: Corpus,
        article_id: str,
        words: str,
        title: str,
        source: str = "",
        topic: str = "",
        tags: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.article_id = article_id
        self.words = words
        self.title_text = title
        self.initial = (source, topic, tags)

    def compose(self) -> ComposeResult:
        source, topic, tags = self.initial
        sources = [
            (one_line(source_label(a), 60), a.id)
            for a in self.corpus.annotations.get(self.article_id, [])
            if a.kind == "source"
        ]
        known = {value for _, value in sources}
        with Vertical(id="claim-box", classes="modal-box"):
            yield Static(safe(self.title_text, "bold"))
            yield Static(safe(one_line(self.words, 200), "italic dim"), classes="modal-title")
            with Grid(id="claim-grid"):
                yield Static("Source", classes="form-label")
                yield Select(
                    sources,
                    value=source if source in known else Select.NULL,
                    prompt="no source named",
                    id="claim-source",
                    compact=True,
                )
                yield Static("Topic", classes="form-label")
                yield Input(
                    topic,
                    placeholder="e.g. troop numbers",
                    id="claim-topic",
                    compact=True,
                    restrict=NO_CONTROLS,
                    suggester=SuggestFromList(values_of(self.corpus, "topic"), case_sensitive=False),
                )
                yield Static("Tags", classes="form-label")
                yield Input(
                    ", ".join(tags),
                    placeholder="comma-separated, e.g. kursk, troops",
                    id="claim-tags",
                    compact=True,
                    restrict=NO_CONTROLS,
                )
            yield Static(
                Text(
                    "enter/ctrl+s: save · tab: next field · → accepts a suggestion · esc: cancel", style="dim"
                )
            )

    def on_mount(self) -> None:
        self.query_one("#claim-topic").focus()

    def values(self) -> dict[str, str | list[str]]:
        source = self.query_one("#claim-source", Select).value
        return {
            "source": str(source) if source is not Select.NULL else "",
            "topic": " ".join(self.query_one("#claim-topic", Input).value.split()),
            "tags": split_values(self.query_one("#claim-tags", Input).value),
        }

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)
