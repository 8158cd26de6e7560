"""Messages between widgets: small dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.core.model import Annotation


@dataclass
class CursorMoved(Message):
    """The caret moved; `annotation` is the one under it, if any."""

    pane: int
    offset: int
    annotation: Annotation | None


@dataclass
class FollowRequested(Message):
    """Show the other members of a contradiction the annotation belongs to."""

    pane: int
    annotation: Annotation


@dataclass
class ArticleChosen(Message):
    article_id: str
    new_pane: bool = False


@dataclass
class AnnotationChosen(Message):
    annotation: Annotation
