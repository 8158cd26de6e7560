"""Checks that need the whole corpus: anchors, references between files, loops.

Kept apart from loading so that each check can be run again on one layer (an
author's file after a save) without reloading everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.document.anchoring import TextIndex
from tui.core.model.annotations import Annotation, Match, split_ref
from tui.core.model.diagnostics import Diagnostic, Level

if TYPE_CHECKING:
    from tui.core.model.corpus import Corpus


def report_anchor(corpus: Corpus, annotation: Annotation, index: TextIndex) -> None:
    result, anchor = annotation.resolution, annotation.anchor
    assert anchor is not None
    line, col = annotation.line, annotation.column
    short = anchor.quote if len(anchor.quote) <= 60 else anchor.quote[:57] + "..."

    def add(level: Level, message: str, hint: str) -> None:
        corpus.diagnostics.append(Diagnostic(annotation.path, line, col, level, message, hint))

    if anchor.start is not None and anchor.start > len(index.text):
        add(
            Level.ERROR,
            f"{annotation.id!r} has 'start: {anchor.start}', beyond the end of the "
            f"article ({len(index.text)} characters)",
            "remove 'start', or give the offset of the quote in the article",
        )
    if result.match is Match.ORPHAN:
        add(
            Level.WARNING,
            f"orphan: {annotation.id!r} quote {short!r} is not in the article",
            "copy the quote again from the article text",
        )
    elif result.match is Match.FUZZY:
        found = index.text[result.start : result.end]
        add(
            Level.WARNING,
            f"{annotation.id!r} matched only fuzzily (score {result.score:.2f}): {found!r}",
            "update the quote to the article's exact words",
        )
    elif result.ambiguous:
        count = len(index.occurrences(anchor.quote, False))
        add(
            Level.WARNING,
            f"{annotation.id!r} quote {short!r} occurs {count} times; the first was used",
            "add 'occurrence: N', or a 'prefix'/'suffix' to pick one",
        )


def note_chain(corpus: Corpus, note: Annotation) -> tuple[list[Annotation], bool]:
    """The annotations a note's `on:` leads through, and whether it comes back
    to the note itself (a loop, which would leave every member without text)."""
    chain: list[Annotation] = []
    seen = {id(note)}
    current = note
    while current.target:
        other = corpus.get(current.target, current.article)
        if other is None:
            return chain, False
        if other is note:
            return chain, True
        if id(other) in seen:
            return chain, False  # a loop further on, reported on its own members
        seen.add(id(other))
        chain.append(other)
        current = other
    return chain, False


def note_loops(corpus: Corpus, notes: list[Annotation]) -> list[Diagnostic]:
    """An error on each note whose `on:` leads back to itself."""
    found = []
    for note in notes:
        if not note.target:
            continue
        chain, loop = note_chain(corpus, note)
        if not loop:
            continue
        if not chain:
            message = f"note {note.id!r} is on itself ('on: {note.target}')"
        else:
            path = " -> ".join(a.id for a in [note, *chain, note])
            message = f"note {note.id!r} is part of a loop of notes on each other: {path}"
        found.append(
            Diagnostic(
                note.path,
                note.line,
                note.column,
                Level.ERROR,
                message,
                "point 'on:' at a claim or source, or give the note a 'quote'",
            )
        )
    return found


def check_references(corpus: Corpus) -> None:
    add = corpus.diagnostics.append
    for anns in corpus.annotations.values():
        for a in anns:
            if a.source:
                target = corpus.get(a.source, a.article)
                if target is None:
                    add(
                        Diagnostic(
                            a.path,
                            a.line,
                            a.column,
                            Level.ERROR,
                            f"{a.id!r} names source {a.source!r}, which does not exist",
                            "add a 'kind: source' annotation with that id, or fix the id",
                        )
                    )
                elif target.kind != "source":
                    add(
                        Diagnostic(
                            a.path,
                            a.line,
                            a.column,
                            Level.ERROR,
                            f"{a.id!r} names {a.source!r} as its source, but that is a {target.kind}",
                            "point 'source' at a 'kind: source' annotation",
                        )
                    )
            if a.target and corpus.get(a.target, a.article) is None:
                add(
                    Diagnostic(
                        a.path,
                        a.line,
                        a.column,
                        Level.ERROR,
                        f"note {a.id!r} is on {a.target!r}, which does not exist",
                        "fix the id after 'on:'",
                    )
                )
    corpus.diagnostics.extend(note_loops(corpus, [a for anns in corpus.annotations.values() for a in anns]))
    for ref, verdicts in corpus.verdicts.items():
        target = corpus.get(ref)
        if target is None or target.kind != "claim":
            for v in verdicts:
                add(
                    Diagnostic(
                        v.path,
                        v.line,
                        v.column,
                        Level.WARNING,
                        f"verdict {v.id!r} is on {ref!r}, which is not a claim here",
                        "the claim may have been removed; the verdict is kept",
                    )
                )
    for link in corpus.links:
        ok = True
        for ref, (line, col) in zip(link.members, link.member_marks, strict=False):
            target = corpus.get(ref)
            if target is None:
                ok = False
                article, _ = split_ref(ref)
                hint = (
                    "no such article; check the id before '#'"
                    if article not in corpus.articles
                    else "check the id after '#'"
                )
                add(
                    Diagnostic(
                        link.path,
                        line,
                        col,
                        Level.ERROR,
                        f"link {link.id!r} names {ref!r}, which does not exist",
                        hint,
                    )
                )
            elif target.kind != "claim":
                add(
                    Diagnostic(
                        link.path,
                        line,
                        col,
                        Level.ERROR,
                        f"link {link.id!r} names {ref!r}, a {target.kind}, not a claim",
                        "links join claims; point it at a 'kind: claim' annotation",
                    )
                )
            elif not target.resolution.resolved:
                ok = False
        link.resolved = ok
