"""How a suggestion looks: the inspector's section and the review queue's
panel (tui/ui/suggestions.py runs them). Text from the articles is shown
through `safe`, never as markup."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from tui.core.model.corpus import Corpus
from tui.ui.styles import one_line, safe
from tui.ui.widgets.inspector import quoted

if TYPE_CHECKING:
    from tui.core.analysis import Suggestion

MARK = {"contradicts": "✗", "corroborates": "✓", "updates": "→", "variant": "≈"}


def _where(corpus: Corpus, article_id: str) -> str:
    article = corpus.articles.get(article_id)
    if article is None:
        return article_id
    return one_line(article.meta.outlet or article.title, 40)


def readable(s: Suggestion, corpus: Corpus) -> str:
    """The summary with each article id replaced by its outlet (or title)."""
    text = s.summary
    for m in s.members:
        text = text.replace(m.article, _where(corpus, m.article))
    return text


def describe(s: Suggestion, corpus: Corpus, here: str = "") -> Text:
    """Kind, explanation, score, the values side by side, and the other side's
    words and article (every member when `here` is no article)."""
    out = Text()
    out.append_text(safe(f"SUGGESTION {MARK.get(s.relation, '?')} {s.relation}", "bold reverse"))
    out.append_text(safe(f"  {s.reason} · score {s.score:.2f}\n", "dim"))
    out.append_text(safe(readable(s, corpus)))
    out.append("\n")
    for label, value in s.details:
        out.append_text(safe(f"  {_where(corpus, label) if label in corpus.articles else label}: ", "bold"))
        out.append_text(safe(value))
        out.append("\n")
    others = [m for m in s.members if m.article != here] or list(s.members)
    out.append("Other side:\n" if here else "Sides:\n", "bold")
    for m in others:
        out.append("    ↳ ", "dim")
        out.append_text(safe(_where(corpus, m.article), "dim"))
        out.append(": ")
        out.append_text(safe(quoted(one_line(m.text, 90)), "italic"))
        out.append("\n")
    out.append(f"S: review queue · {s.id}\n", "dim")
    return out


class SuggestionQueue(Static, can_focus=True):
    """The review queue: one suggestion at a time, highest score first."""

    DEFAULT_CSS = """
    SuggestionQueue { height: auto; max-height: 9; border: round $accent; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accept')", "Accept: it becomes your link", id="queue.accept"),
        Binding("e", "decide('edit')", "Accept with an edited summary", id="queue.edit"),
        Binding("r", "decide('reject')", "Reject: never suggested again", id="queue.reject"),
        Binding("s", "decide('skip')", "Skip to the next suggestion", id="queue.skip"),
        Binding("j,down", "decide('next')", "Next suggestion (not counted as skipped)", id="queue.next"),
        Binding("k,up", "decide('previous')", "Previous suggestion", id="queue.previous"),
        Binding("escape", "decide('close')", "Close the review queue", id="queue.close"),
    ]

    @dataclass
    class Decided(Message):
        """A key of the queue: accept, edit, reject, skip, next, previous or close."""

        queue: SuggestionQueue
        what: str
        suggestion: str

    def __init__(self, order: list[str]) -> None:
        super().__init__(id="suggestion-queue")
        self.order = order
        self.position = 0
        self.tally = {"accepted": 0, "rejected": 0, "skipped": 0}

    @property
    def current(self) -> str:
        return self.order[self.position] if self.position < len(self.order) else ""

    def action_decide(self, what: str) -> None:
        self.post_message(self.Decided(self, what, self.current))

    def show(self, s: Suggestion | None, corpus: Corpus) -> None:
        done = " · ".join(f"{n} {k}" for k, n in self.tally.items())
        if s is None:
            self.update(
                Text.assemble(
                    (f"Review queue: all {len(self.order)} seen", "bold"),
                    f" · {done}\n",
                    ("esc closes; S opens the queue again with what is left", "dim"),
                )
            )
            return
        head = Text.assemble(
            (f"Suggestion {self.position + 1}/{len(self.order)} ", "bold"),
            (f"{MARK.get(s.relation, '?')} {s.relation}", "bold"),
            f" · {s.reason} · score {s.score:.2f} · {done}\n",
        )
        head.append_text(safe(one_line(readable(s, corpus), 300)))
        for m in s.members:
            head.append("\n ◆ ", "dim")
            head.append_text(safe(_where(corpus, m.article) + ": ", "dim"))
            head.append_text(safe(quoted(one_line(m.text, 120)), "italic"))
        head.append("\na accept · e edit summary, accept · r reject · s skip · j/k move · esc close", "dim")
        self.update(head)
