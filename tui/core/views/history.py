"""The review history: what a reviewer did, newest first.

Built from the records themselves (their `author` and `modified`/`created`
stamps), not from a log: what the history shows is what is in the files, so
an undo, a merge from another window or a `git pull` is reflected as soon as
the corpus is. A verdict reset to unreviewed stays in the list as a reset.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from tui.core.model.annotations import Annotation, Link, Verdict, split_ref
from tui.core.model.corpus import Corpus
from tui.core.views.days import day_label, parse_day, record_time
from tui.core.views.matrix import claim_words, first_words

HISTORY_KINDS = ("verdict", "note", "link", "claim", "source")


@dataclass(frozen=True)
class Event:
    """One thing done: `ref` is the claim or annotation to jump to."""

    when: datetime  # local, aware
    kind: str  # one of HISTORY_KINDS
    author: str
    article: str
    ref: str
    label: str  # 'verdict: false', 'note', 'link: contradicts'
    text: str  # the note, the verdict's comment or the link's summary
    target: str  # the claim's words, shortened
    edited: bool  # modified after it was created
    record: Annotation | Verdict | Link

    @property
    def time(self) -> str:
        return self.when.strftime("%Y-%m-%d %H:%M")

    def line(self) -> str:
        """'2025-03-01 14:02  verdict: false  003  “etwa 10.000 …”'."""
        what = f"“{self.target}”" if self.target else self.ref
        extra = f" — {first_words(self.text, 60)}" if self.text else ""
        return f"{self.time}  {self.label}  {self.article[:3]}  {what}{extra}"


def _stamped(record: Annotation | Verdict | Link) -> tuple[datetime | None, bool]:
    when = record_time(record.modified or record.created)
    return when, bool(record.modified and record.created and record.modified != record.created)


def _target(corpus: Corpus, ref: str) -> str:
    found = corpus.get(ref)
    return first_words(claim_words(corpus, found), 48) if found is not None else ""


def history(
    corpus: Corpus,
    author: str | None = None,
    day: date | str | None = None,
    kinds: Iterable[str] = (),
    today: date | None = None,
) -> list[Event]:
    """Every verdict, note, link and own claim or source by `author` (everyone's
    when None), newest first; only those of one local `day` ('today',
    'yesterday', an ISO date or a date) and of the given kinds, if asked."""
    wanted = set(kinds) or set(HISTORY_KINDS)
    unknown = wanted - set(HISTORY_KINDS)
    if unknown:
        raise ValueError(f"unknown kind: {', '.join(sorted(unknown))}")
    on_day = parse_day(day, today) if isinstance(day, str) else day
    events: list[Event] = []

    def add(
        record: Annotation | Verdict | Link, kind: str, article: str, ref: str, label: str, text: str
    ) -> None:
        if kind not in wanted or (author is not None and record.author != author):
            return
        when, edited = _stamped(record)
        if when is None or (on_day is not None and when.date() != on_day):
            return
        events.append(
            Event(when, kind, record.author, article, ref, label, text, _target(corpus, ref), edited, record)
        )

    for ref, verdicts in corpus.verdicts.items():
        for v in verdicts:
            label = "verdict reset" if v.value == "unreviewed" else f"verdict: {v.value}"
            add(v, "verdict", split_ref(ref)[0], ref, label, v.comment)
    for items in corpus.annotations.values():
        for a in items:
            if a.kind == "note":
                target = corpus.get(a.target, a.article) if a.target else None
                add(a, "note", a.article, target.ref if target else a.ref, "note", a.text)
            elif a.kind in ("claim", "source") and a.author:
                add(a, a.kind, a.article, a.ref, f"own {a.kind}", a.text)
    for link in corpus.links:
        first = link.members[0] if link.members else ""
        add(link, "link", split_ref(first)[0], first, f"link: {link.relation}", link.summary)
    events.sort(key=lambda e: (e.when, e.ref, e.kind), reverse=True)
    return events


def describe(
    author: str | None,
    day: date | str | None,
    kinds: Iterable[str] = (),
    count: int | None = None,
    today: date | None = None,
) -> str:
    """A title: 'History · alice · today · verdicts (3)'."""
    parts = ["History", author or "everyone"]
    if day is not None:
        parts.append(day_label(parse_day(day, today) if isinstance(day, str) else day, today))
    chosen = [k for k in HISTORY_KINDS if k in set(kinds)]
    if chosen:
        parts.append(" + ".join(k + "s" for k in chosen))
    text = " · ".join(parts)
    return f"{text} ({count})" if count is not None else text
