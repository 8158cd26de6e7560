"""Messages between widgets: small dataclasses, no behaviour."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from textual.message import Message

from tui.core.document.highlights import Highlights
from tui.core.model.annotations import Annotation
from tui.core.model.changes import ChangeSet


@dataclass
class ArticleChosen(Message):
    article_id: str
    new_pane: bool = False


@dataclass
class AnnotationChosen(Message):
    annotation: Annotation


@dataclass
class CorpusChanged(Message, bubble=False):
    """The data changed: every view (class `data-view`) refreshes itself from it.

    `changes` is None after a whole (re)load. Posted by the app to each view,
    so a new view only needs the class and a handler.
    """

    changes: ChangeSet | None = None
    highlights: Mapping[str, Highlights] = field(default_factory=dict)
    """Highlight indexes already built off the UI thread, by article (after a load)."""

    def touches(self, article_id: str) -> bool:
        """Whether highlights or counts of this article may have changed."""
        return self.changes is None or self.changes.merged or article_id in self.changes.articles
