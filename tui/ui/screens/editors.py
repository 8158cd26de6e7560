"""Modal editors: a note, a one-line prompt, and a yes/no question."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static, TextArea

from tui.core.document.text import has_controls, picture_controls
from tui.ui.screens.dimmed import DimmedModal
from tui.ui.styles import NO_CONTROLS, one_line, safe


class SafeTextArea(TextArea):
    """A TextArea that never sends a control character to the terminal.

    The document keeps exactly what was typed or pasted; only the drawing
    replaces controls with visible symbols of the same length.
    """

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if has_controls(line.plain):
            shown = Text(picture_controls(line.plain), end="", no_wrap=True)
            for span in line.spans:
                shown.stylize(span.style, span.start, span.end)
            return shown
        return line


class ConfirmScreen(DimmedModal[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="confirm-box"):
            yield Static(safe(self.question, "bold"))
            if self.detail:
                yield Static(safe(self.detail))
            yield Static(Text("y: yes · n/esc: no", style="dim"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class NoteScreen(DimmedModal[str | None]):
    """A multi-line note: ctrl+s saves, escape cancels (asking if changed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not priority bindings: ctrl+s and escape must queue behind the keys typed
        # before them, or a burst of typing is saved short or discarded unasked.
        Binding("ctrl+s", "save", "Save", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, about: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.original = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="note-box"):
            yield Static(safe(self.title_text, "bold"))
            if self.about:
                yield Static(safe(one_line(self.about, 200), "italic dim"))
            area = SafeTextArea(self.original, id="note-text", soft_wrap=True)
            yield area
            yield Static(Text("ctrl+s: save · esc: cancel", style="dim"))

    def on_mount(self) -> None:
        area = self.query_one(SafeTextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        if not self.text.strip():
            self.notify("The note is empty; type something or press esc.", severity="warning", markup=False)
            return
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if self.text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard the changes to this note?"), answered)


class PromptScreen(DimmedModal[str | None]):
    """One line of text: enter accepts, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(
        self, question: str, value: str = "", placeholder: str = "", allow_empty: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="prompt-box"):
            yield Static(safe(self.question, "bold"))
            # A stored value may hold controls (a hand-edited notes file): shown
            # as symbols, or they would reach the terminal and block every edit.
            yield Input(
                picture_controls(self.value),
                placeholder=self.placeholder,
                id="prompt-input",
                restrict=NO_CONTROLS,
            )
            yield Static(Text("enter: accept · esc: cancel", style="dim"))

    @on(Input.Submitted, "#prompt-input")
    def _submit(self, event: Input.Submitted) -> None:
        if not event.value.strip() and not self.allow_empty:
            self.notify("Type something, or press esc.", severity="warning", markup=False)
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
