"""Modal screens: help, contradictions list, link confirmation."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model.corpus import Corpus
from tui.core.model.diagnostics import Diagnostic
from tui.ui.screens.dimmed import DimmedModal
from tui.ui.styles import safe
from tui.ui.widgets.lists import ReaderList

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
