"""The claim matrix (`M`): one row per topic or tag, one column per article.

Each cell lists the article's claims on the row's topic, key figure first;
the claims of the focused cell are listed in full below the table, so the
table can stay narrow (and scroll sideways) at 80 columns. `enter` opens a
claim in a pane; `f` filters the rows by topic or tag.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.views.matrix import Cell, Entry, Matrix, Row, build_matrix
from tui.core.views.refresh import stale_views
from tui.ui.messages import CorpusChanged
from tui.ui.screens.opening import open_annotation, reader_of
from tui.ui.styles import NO_CONTROLS, one_line, safe, safe_line
from tui.ui.widgets.lists import ReaderList

MAX_LINES = 4  # claims shown in one cell; the list below shows them all
_VERDICT_STYLE = {"supported": "green", "disputed": "yellow", "false": "bold red", "unverifiable": "magenta"}


def entry_text(entry: Entry, width: int) -> Text:
    """One claim in a cell: conflicts in bold red, the verdict mark coloured."""
    short = one_line(entry.short, max(4, width))
    text = safe_line(short.replace("……", "…"))
    if entry.conflict or entry.suggested:
        text.stylize("bold red", 0, 2 if entry.suggested else 1)
    style = _VERDICT_STYLE.get(entry.verdict)
    if style and text.plain.endswith(entry.short[-1:]):
        text.stylize(style, len(text) - 1)
    return text


def cell_text(cell: Cell, width: int, lines: int) -> Text:
    entries = cell.entries
    shown = entries if len(entries) <= lines else entries[: lines - 1]
    out = Text("\n").join(entry_text(e, width) for e in shown)
    if len(shown) < len(entries):
        out.append(f"\n+{len(entries) - len(shown)} more (below)", "dim italic")
    return out


def row_label(row: Row, width: int) -> Text:
    mark = "≠ " if row.disagree else "  "
    label = safe_line(mark + one_line(row.label, width - 2), "bold" if row.disagree else "")
    if row.disagree:
        label.stylize("bold red", 0, 1)
    return label


class MatrixTable(DataTable):
    """The table; j/k/h/l move like the reader's lists."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="matrix.down", show=False),
        Binding("k", "cursor_up", "Up", id="matrix.up", show=False),
        Binding("h", "cursor_left", "Left", id="matrix.left", show=False),
        Binding("l", "cursor_right", "Right", id="matrix.right", show=False),
    ]


class MatrixScreen(Screen[None]):
    """Installed once and pushed again with `M`, so the filter and the cell under
    the cursor stay; rebuilt from the corpus on every return and on every
    change that touches claims, verdicts or links while it is shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,M", "close", "Close the matrix", id="matrix.close"),
        Binding("f", "filter", "Filter rows by topic or tag", id="matrix.filter"),
    ]
    DEFAULT_CSS = """
    MatrixScreen { layout: vertical; }
    MatrixScreen #matrix-title { height: 1; background: $boost; padding: 0 1; }
    MatrixScreen #matrix-filter { height: 1; border: none; }
    MatrixScreen MatrixTable { height: 1fr; }
    MatrixScreen #matrix-detail { height: auto; max-height: 35%; border-top: solid $accent; }
    """

    def __init__(self, corpus, reviewer: str = "") -> None:
        super().__init__(classes="data-view")
        self.corpus = corpus
        self.reviewer = reviewer
        self.query_text = ""
        self.matrix: Matrix | None = None
        self._entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-title")
        search = Input(
            placeholder="Rows whose topic or tag contains… (enter: done, esc: clear)",
            id="matrix-filter",
            compact=True,
            restrict=NO_CONTROLS,
        )
        search.display = False
        yield search
        table = MatrixTable(id="matrix-table", cursor_type="cell", zebra_stripes=True)
        table.fixed_columns = 0
        yield table
        yield ReaderList(id="matrix-detail")

    def on_mount(self) -> None:
        self.rebuild()
        self.query_one(MatrixTable).focus()

    def on_screen_resume(self) -> None:
        if self.matrix is not None:  # the corpus may have changed while it was closed
            self.rebuild()

    def on_resize(self) -> None:
        if self.matrix is not None:
            self.rebuild()

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        if event.changes is None or "matrix" in stale_views(event.changes):
            self.rebuild()

    # ------------------------------------------------------------ drawing

    def _widths(self, columns: int) -> tuple[int, int]:
        """(row label width, article column width): all columns on screen when
        they fit with 18 characters each, else 18 each and a sideways scroll."""
        width = self.size.width or self.app.size.width
        label = 22 if width >= 120 else 15
        room = width - label - 3 - 2 * columns
        return label, max(18, min(48, room // max(1, columns)))

    def rebuild(self) -> None:
        table = self.query_one(MatrixTable)
        keep = table.cursor_coordinate if table.row_count else Coordinate(0, 0)
        full = build_matrix(self.corpus, reviewer=self.reviewer or None)
        self.matrix = full.filtered(self.query_text) if self.query_text else full
        label_width, width = self._widths(len(self.matrix.columns))
        lines = MAX_LINES if (self.size.height or self.app.size.height) >= 40 else 3
        table.clear(columns=True)
        for column in self.matrix.columns:
            table.add_column(
                safe_line(one_line(column.label, width), "bold"), width=width, key=column.article
            )
        for index, row in enumerate(self.matrix.rows):
            cells = [cell_text(c, width, lines) for c in row.cells]
            height = max(1, min(lines, max((len(c.entries) for c in row.cells), default=1)))
            table.add_row(*cells, height=height, key=str(index), label=row_label(row, label_width))
        table.show_row_labels = True
        title = Text.assemble(
            safe_line(self.matrix.describe(), "bold"), ("  ≠ disagree · ⏎ open · f filter · esc close", "dim")
        )
        self.query_one("#matrix-title", Static).update(title)
        if self.matrix.rows:
            table.cursor_coordinate = Coordinate(
                min(keep.row, len(self.matrix.rows) - 1), min(keep.column, len(self.matrix.columns) - 1)
            )
        self._show_cell()

    def _cell(self) -> tuple[Row, Cell] | None:
        table = self.query_one(MatrixTable)
        if self.matrix is None or not self.matrix.rows or not table.row_count:
            return None
        at = table.cursor_coordinate
        row = self.matrix.rows[min(at.row, len(self.matrix.rows) - 1)]
        return row, row.cells[min(at.column, len(row.cells) - 1)]

    def _show_cell(self) -> None:
        """The focused cell in full: every claim with its source and verdict."""
        detail = self.query_one("#matrix-detail", OptionList)
        detail.clear_options()
        found = self._cell()
        if found is None:
            detail.border_title = "No rows" + (" match the filter" if self.query_text else "")
            self._entries = []
            return
        row, cell = found
        column = next(c for c in self.matrix.columns if c.article == cell.article)  # type: ignore[union-attr]
        self._entries = list(cell.entries)
        detail.border_title = safe_line(f"{row.label} · {column.heading}")
        if not cell.entries:
            detail.add_option(
                Option(Text("No claim on this topic in this article.", style="dim"), disabled=True)
            )
            return
        detail.add_options(
            Option(safe(f"{n}. {e.detail}"), id=str(n - 1)) for n, e in enumerate(cell.entries, 1)
        )

    @on(DataTable.CellHighlighted, "#matrix-table")
    def _moved(self) -> None:
        self._show_cell()

    @on(DataTable.CellSelected, "#matrix-table")
    def _chosen(self) -> None:
        if len(self._entries) == 1:
            self._open(self._entries[0])
        elif self._entries:
            detail = self.query_one("#matrix-detail", OptionList)
            detail.highlighted = 0
            detail.focus()
            self.notify("Several claims: choose one with j/k and enter (esc: back).", timeout=3, markup=False)

    @on(OptionList.OptionSelected, "#matrix-detail")
    def _entry_chosen(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        if 0 <= index < len(self._entries):
            self._open(self._entries[index])

    def _open(self, entry: Entry) -> None:
        self.app.pop_screen()
        self.app.call_after_refresh(open_annotation, reader_of(self.app), entry.claim)

    # ------------------------------------------------------------ keys

    def action_close(self) -> None:
        detail = self.query_one("#matrix-detail")
        if detail.has_focus:
            self.query_one(MatrixTable).focus()
            return
        filter_box = self.query_one("#matrix-filter", Input)
        if filter_box.has_focus:
            filter_box.value = ""
            filter_box.display = False
            self._apply_filter("")
            self.query_one(MatrixTable).focus()
            return
        self.app.pop_screen()

    def action_filter(self) -> None:
        box = self.query_one("#matrix-filter", Input)
        box.display = True
        box.value = self.query_text
        box.focus()

    @on(Input.Changed, "#matrix-filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    @on(Input.Submitted, "#matrix-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.input.display = bool(event.value.strip())
        self.query_one(MatrixTable).focus()

    def _apply_filter(self, text: str) -> None:
        query = " ".join(text.split())
        if query != self.query_text:
            self.query_text = query
            self.rebuild()
