"""Modal screens: help, article picker, contradictions list, link confirmation."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.files.article import Article
from tui.core.model.corpus import Corpus
from tui.core.model.diagnostics import Diagnostic
from tui.core.views.picking import finds
from tui.ui.screens.dimmed import DimmedModal
from tui.ui.styles import safe
from tui.ui.widgets.lists import ReaderList
from tui.ui.widgets.pick_list import PickList

CLOSE: list[BindingType] = [Binding("escape,q", "dismiss_screen", "Close", id="modal.close")]


class _Modal(DimmedModal[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def action_dismiss_screen(self) -> None:
        self.dismiss(None)


class HelpScreen(_Modal):
    BINDINGS: ClassVar[list[BindingType]] = [
        *CLOSE,
        Binding("question_mark", "dismiss_screen", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll down", id="help.down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", id="help.up", show=False),
    ]

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def __init__(self, rows: list[tuple[str, str, str]], notes: str = "") -> None:
        super().__init__()
        self.rows = rows
        self.notes = notes

    def compose(self) -> ComposeResult:
        text = Text()
        group = ""
        for where, keys, description in self.rows:
            if where != group:
                text.append(f"\n{where}\n", "bold underline")
                group = where
            text.append(f"  {keys:<22}", "bold")
            text.append(f"{description}\n")
        with Vertical(id="help-box", classes="modal-box"):
            yield Static(Text("crossread — keys", style="bold"), classes="modal-title")
            if self.notes:
                yield Static(safe(self.notes, "dim"), id="help-notes")
            with VerticalScroll():
                yield Static(text, id="help-text")
            yield Static(Text("esc, q or ? to close", style="dim"))


PICKER_ROWS = 60  # more is never read (a screen shows ~40); a team's archive has thousands


class PickerScreen(_Modal):
    """Fuzzy-find an article by title, outlet or id.

    One instance serves every `o`: the reader installs it, and it readies itself
    for the next pick once closed, while nobody waits. A press then costs no
    compose, no styling of new widgets and no refill (on a 2,000-article
    archive those were most of the 110 ms an `o` took)."""

    def __init__(self, corpus: Corpus, new_pane: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        self.new_pane = new_pane
        self._haystacks: list[tuple[str, str, Article]] = []
        self._lowered: list[str] = []
        self._index()

    def _index(self) -> None:
        """What typing searches, built again when the articles changed."""
        self._haystacks = [
            (f"{article.title} {article.meta.outlet} {aid}", aid, article)
            for aid, article in self.corpus.articles.items()
        ]
        self._lowered = [hay.lower() for hay, _, _ in self._haystacks]

    def _stale(self) -> bool:
        articles = self.corpus.articles.values()
        return len(articles) != len(self._haystacks) or any(
            article is not kept for article, (_, _, kept) in zip(articles, self._haystacks, strict=False)
        )

    def _title(self) -> Text:
        return Text("Open article in a new pane" if self.new_pane else "Open article", style="bold")

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box", classes="modal-box"):
            yield Static(self._title(), classes="modal-title", id="picker-title")
            yield Input(placeholder="Type to filter by title, outlet or id", id="picker-input")
            yield PickList(id="picker-list")

    def on_mount(self) -> None:
        self._fill("")

    def on_screen_suspend(self) -> None:
        self.call_later(self._reset)

    def _reset(self) -> None:
        """Empty query, every article listed, the first highlighted."""
        if self._stale():
            self._index()
        search = self.query_one("#picker-input", Input)
        with search.prevent(Input.Changed):
            search.value = ""
        self._fill("")

    def reopen(self, new_pane: bool) -> None:
        """Shown again: the title says where the article opens."""
        self.new_pane = new_pane
        self.query_one("#picker-title", Static).update(self._title())
        if self._stale():  # articles came or went while it was closed
            self._reset()
        # Now, not after queued events: keys typed right after `o` must land in the box.
        self.set_focus(self.query_one("#picker-input", Input))

    def _fill(self, query: str) -> None:
        options = self.query_one("#picker-list", PickList)
        found = finds(query, self._lowered)
        scored = [self._haystacks[index] for index in found]
        options.set_rows(
            [
                (
                    aid,
                    article.title,
                    " · ".join(x for x in (article.meta.outlet, article.meta.published, aid) if x),
                )
                for _, aid, article in scored[:PICKER_ROWS]
            ]
        )
        if len(scored) > PICKER_ROWS:
            options.border_subtitle = f"best {PICKER_ROWS} of {len(scored)}: type to narrow"
        else:
            options.border_subtitle = ""

    @on(Input.Changed, "#picker-input")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-input")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(self.query_one("#picker-list", PickList).highlighted_id)

    @on(PickList.Picked, "#picker-list")
    def _picked(self, event: PickList.Picked) -> None:
        self.dismiss(event.article_id)

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#picker-input", Input)
        if not search.has_focus and event.is_printable and event.character:
            # Typed in one burst with the first `o`: the keys reached the screen
            # before its box had the focus, and are the start of the query.
            self.set_focus(search)
            search.insert_text_at_cursor(event.character)
            event.stop()
        elif event.key in ("down", "up") and search.has_focus:
            self.query_one("#picker-list", PickList).action_move(1 if event.key == "down" else -1)
            event.stop()


class ContradictionsScreen(_Modal):
    """Every link in the corpus; choosing one shows both ends side by side."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box", classes="modal-box"):
            yield Static(Text("Contradictions and corroborations", style="bold"), classes="modal-title")
            options = ReaderList(id="links-list")
            links = sorted(self.corpus.links, key=lambda link: link.relation != "contradicts")
            for link in links:
                mark = ("✗ ", "bold red") if link.relation == "contradicts" else ("✓ ", "green")
                sides = " ⟷ ".join(m.partition("#")[0][:3] + "#" + m.partition("#")[2] for m in link.members)
                prompt = Text.assemble(mark, safe(link.summary), "\n   ", safe(sides, "dim"))
                if not link.resolved:
                    prompt.append("  (unresolved)", "red")
                options.add_option(Option(prompt, id=link.id))
            yield options
            yield Static(Text("enter: show both sides · esc: close", style="dim"))

    def on_mount(self) -> None:
        options = self.query_one("#links-list", OptionList)
        options.focus()
        if options.option_count:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#links-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ConfirmLinkScreen(DimmedModal[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Open", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Cancel", id="confirm.no"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="modal-box"):
            yield Static(Text("Open this link in your browser?", style="bold"))
            yield Static(safe(self.url))
            yield Static(Text("y: open · n/esc: cancel", style="dim"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


SHOWN_PROBLEMS = 200


def diagnostics_text(diagnostics: list[Diagnostic], root) -> Text:
    """The first problems, errors first; 'crossread check' lists them all."""
    text = Text()
    ordered = sorted(diagnostics, key=lambda d: (not d.is_error, str(d.path), d.line))
    for d in ordered[:SHOWN_PROBLEMS]:
        style = "bold red" if d.is_error else "yellow"
        text.append("● ", style)
        text.append_text(safe(d.format(root)))
        text.append("\n")
    if len(ordered) > SHOWN_PROBLEMS:
        text.append(
            f"… and {len(ordered) - SHOWN_PROBLEMS} more: run 'crossread check' to see them all\n", "dim"
        )
    return text
