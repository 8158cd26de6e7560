"""The annotations list (the articles list is in article_list.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model.annotations import Annotation
from tui.core.model.corpus import Corpus
from tui.core.views.filters import Filter, source_label, source_of
from tui.ui.messages import AnnotationChosen, CorpusChanged
from tui.ui.pacing import after_frame
from tui.ui.styles import one_line, safe, safe_line
from tui.ui.widgets import steady

KIND_FILTERS = (
    "all",
    "claim",
    "source",
    "note",
    "contradiction",
    "orphan",
    "unreviewed",
    "supported",
    "disputed",
    "false",
    "unverifiable",
)
VERDICT_FILTERS = ("unreviewed", "supported", "disputed", "false", "unverifiable")
KIND_MARK = {"claim": "C", "source": "S", "note": "N"}
MAX_ROWS = 1000  # an OptionList of 30,000 rows takes seconds to build
STEP_ROWS = 100  # rows added per step: 1,000 at once took 40 ms to lay out, 200 up to 55 ms


def in_text_order(rows: list[Annotation]) -> list[Annotation]:
    """Where they stand in the text; those that found no place last."""
    return sorted(rows, key=lambda a: a.start if a.resolution.resolved else 1 << 60)


class ReaderList(OptionList):
    """An OptionList that also moves with the reader's keys, j and k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="list.down", show=False),
        Binding("k", "cursor_up", "Up", id="list.up", show=False),
    ]


@steady.scrollbars
class AnnotationList(ReaderList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "cycle_kind", "Filter kind", id="annotations.filter"),
        Binding("A", "toggle_scope", "Article/corpus", id="annotations.scope"),
        Binding("at", "cycle_author", "Filter author", id="annotations.author"),
        Binding("ctrl+f", "filters", "Filters: topic, tag, source, verdict, date…", id="annotations.filters"),
        Binding("r", "resting_on", "Claims resting on this source (any article)", id="annotations.resting"),
        Binding("x", "clear_filters", "Clear the filters", id="annotations.clear"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        author: str = "",
        here: Callable[[], Annotation | None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self.me = author
        self._here = here or (lambda: None)  # the annotation under the focused pane's caret
        self.author = ""  # "" shows everyone's
        self.article_id = ""
        self.kind = "all"
        self.whole_corpus = False
        self.filter = Filter()  # the combined filter of the ctrl+f form (and r)
        self._items: dict[str, Annotation] = {}
        self._sorted: dict[str, list[Annotation]] = {}
        self._order_wanted = 0  # the latest whole load's order being sorted on a thread
        self._contradiction_refs = corpus.contradiction_refs()
        self.add_class("data-view")

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if event.changes is None:
            # A whole load: the article's rows are sorted on a thread (26-38 ms
            # at 50k, the UI thread's longest turn after a big handover); the
            # rows follow in steps once they are in order.
            self._sorted.clear()
            self._order_wanted += 1
            wanted, article_id = self._order_wanted, self.article_id
            rows = list(self.corpus.annotations.get(article_id, []))
            self.run_worker(
                lambda: self._sort_off_thread(wanted, article_id, rows),
                thread=True,
                group="annotation-order",
                exit_on_error=False,
            )
        else:
            self.reload()

    def _sort_off_thread(self, wanted: int, article_id: str, rows: list[Annotation]) -> None:
        ordered = in_text_order(rows)
        self.app.call_from_thread(self._sorted_arrived, wanted, article_id, ordered)

    def _sorted_arrived(self, wanted: int, article_id: str, ordered: list[Annotation]) -> None:
        if wanted != self._order_wanted or not self.is_attached:
            return  # loaded again since: a newer order is on its way
        self._sorted[article_id] = ordered
        after_frame(self, lambda: self.reload(resort=False))

    def show_article(self, article_id: str) -> None:
        if article_id != self.article_id:
            self.article_id = article_id
            self.refill()

    def _wanted(self) -> Callable[[Annotation], bool] | None:
        """The test a row must pass, or None when every row is wanted. Made once
        per refill: `Filter.empty` compares whole filters, 50k times at 5 MB."""
        author, kind = self.author, self.kind
        chosen = None if self.filter.empty else self.filter
        if not author and chosen is None and kind == "all":
            return None
        corpus, me, refs = self.corpus, self.me or None, self._contradiction_refs

        def wanted(a: Annotation) -> bool:
            if author and a.author != author:
                return False
            if chosen is not None and not chosen.matches(corpus, a, me, refs):
                return False
            if kind in VERDICT_FILTERS:
                if a.kind != "claim":
                    return False
                verdict = corpus.verdict_of(a.ref, me)
                return (verdict.value if verdict else "unreviewed") == kind
            if kind == "all":
                return True
            if kind == "contradiction":
                return a.ref in refs
            if kind == "orphan":
                return a.anchor is not None and not a.resolution.resolved
            return a.kind == kind

        return wanted

    def _in_text_order(self, article_id: str) -> list[Annotation]:
        """Sorted once per article until the data changes (reload clears it)."""
        found = self._sorted.get(article_id)
        if found is None:
            found = self._sorted[article_id] = in_text_order(self.corpus.annotations.get(article_id, []))
        return found

    def reload(self, resort: bool = True) -> None:
        """Refill after a change, keeping the highlighted row where it was."""
        if resort:
            self._sorted.clear()
        self._contradiction_refs = self.corpus.contradiction_refs()
        keep = self.highlighted
        self.refill()
        if keep is not None and self.option_count:
            self._keep = keep
            self._restore_highlight()

    def action_cycle_author(self) -> None:
        authors = [""] + self.corpus.authors()
        self.author = (
            authors[(authors.index(self.author) + 1) % len(authors)] if self.author in authors else ""
        )
        self.refill()

    def refill(self) -> None:
        """The first rows now, the rest in steps after the next frames: laying
        out 1,000 rows of wrapped quotes at once held a big load's handover."""
        self.clear_options()
        self._items = {}
        self._keep = None
        self._filling += 1
        ids = list(self.corpus.articles) if self.whole_corpus else [self.article_id]
        wanted = self._wanted()
        shown: list[Annotation] = []
        hidden = 0
        for aid in ids:
            rows = self._in_text_order(aid)
            if wanted is not None:
                rows = [a for a in rows if wanted(a)]
            room = MAX_ROWS - len(shown)
            shown.extend(rows[:room])
            hidden += max(0, len(rows) - room)
        self._hidden = hidden
        self._count = len(shown) + hidden
        self._add_rows(shown, self._filling)
        if self.option_count:
            self.highlighted = 0
        self._title()

    def _add_rows(self, rows: list[Annotation], filling: int) -> None:
        """Add up to STEP_ROWS rows now, the rest after the next frame."""
        if filling != self._filling:
            return  # refilled since: these rows are stale
        options: list[Option] = []
        for a in rows[:STEP_ROWS]:
            key = f"{len(self._items)}"
            self._items[key] = a
            options.append(Option(self._prompt(a), id=key))
        rest = rows[STEP_ROWS:]
        if not rest and self._hidden:
            options.append(
                Option(
                    Text(
                        f"… and {self._hidden} more: press f to filter by kind or "
                        "verdict, or jump with ] in the article",
                        style="dim",
                    ),
                    disabled=True,
                )
            )
        self.add_options(options)
        self._restore_highlight()
        if rest:
            after_frame(self, lambda: self._add_rows(rest, filling))

    def _restore_highlight(self) -> None:
        """The row reload kept, once it is there (or the last one, once all are)."""
        if self._keep is None or not self.option_count:
            return
        if self._keep < self.option_count or len(self._items) >= self._count - self._hidden:
            self.highlighted = min(self._keep, self.option_count - 1)
            self._keep = None

    def _title(self) -> None:
        """'Annotations (3) · corpus · source US Department of Defense': the count
        first, so a title cut to the list's width loses facets, never the count."""
        scope = "corpus" if self.whole_corpus else (self.article_id[:12] or "-")
        parts = []
        if self.kind != "all" or self.filter.empty:
            parts.append(self.kind)
        if not self.filter.empty:
            parts.append(self.filter.describe())
        if self.author:
            parts.append(f"by {self.author}")
        parts.append(scope)
        head = f"Annotations ({self._count}) · "
        room = max(8, (self.outer_size.width or 44) - 5 - len(head))
        # Text, not a str: border titles parse markup; escaped: ids come from
        # file names and author names from other people's files.
        self.border_title = safe_line(head + one_line(" · ".join(parts), room))

    _hidden = 0
    _count = 0  # rows wanted, shown or not
    _filling = 0  # which refill the rows still being added belong to
    _keep: int | None = None  # the row reload highlights once it is added

    def on_resize(self) -> None:
        self._title()

    def set_filter(self, chosen: Filter, whole_corpus: bool | None = None) -> None:
        self.filter = chosen
        if whole_corpus is not None:
            self.whole_corpus = whole_corpus
        self.refill()

    def action_filters(self) -> None:
        from tui.ui.screens.filters import FilterScreen

        def chosen(result: tuple[Filter, bool] | None) -> None:
            if result is not None:
                self.set_filter(*result)
                self.focus()

        self.app.push_screen(FilterScreen(self.corpus, self.filter, self.whole_corpus), chosen)

    def action_clear_filters(self) -> None:
        self.kind, self.author = "all", ""
        self.set_filter(Filter())

    def action_resting_on(self) -> None:
        """Every claim whose source is this one, across the corpus: the source
        highlighted here, the source of the claim highlighted here, or the one
        under the caret of the focused pane."""
        option = self.highlighted_option
        listed = self._items.get(option.id or "") if option is not None else None
        here = self._here()
        sources = [a for a in (listed, here) if a is not None and a.kind == "source"]
        sources += [
            s
            for a in (here, listed)
            if a is not None and a.kind == "claim" and (s := source_of(self.corpus, a)) is not None
        ]
        if sources:
            self.set_filter(Filter.of(sources=[source_label(sources[0])]), whole_corpus=True)
            return
        self.app.notify(
            "Highlight a source (or a claim with a source) here or in the article first.", markup=False
        )

    def _prompt(self, a: Annotation) -> Text:
        orphan = a.anchor is not None and not a.resolution.resolved
        flag = "!" if orphan else ("x" if a.ref in self._contradiction_refs else " ")
        words = a.anchor.quote if a.anchor else a.text
        label = Text.assemble(
            (f"{KIND_MARK.get(a.kind, '?')}{flag} ", "bold"),
            safe(one_line(words, 120), "strike" if orphan else ""),
        )
        if a.author:
            label.append_text(safe(f"  — {a.author}", "dim"))
        if a.kind == "claim":
            verdict = self.corpus.verdict_of(a.ref, self.me or None)
            if verdict is not None and verdict.value != "unreviewed":
                label.append_text(safe_line(f"  [{verdict.value}]", "bold"))
        if self.whole_corpus:
            label.append_text(safe_line(f"  {a.article[:3]}", "dim"))
        return label

    def action_cycle_kind(self) -> None:
        self.kind = KIND_FILTERS[(KIND_FILTERS.index(self.kind) + 1) % len(KIND_FILTERS)]
        self.refill()

    def action_toggle_scope(self) -> None:
        self.whole_corpus = not self.whole_corpus
        self.refill()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        annotation = self._items.get(event.option.id or "")
        if annotation is not None:
            self.post_message(AnnotationChosen(annotation))
