"""Anchored annotations as columns, for the cache: one list per field, marshalled.

Reading a warm 5 MB article's 50,000 annotations was most of the time before
they are shown. Columns keep the entry small (fields left at their default are
not stored), marshal reads them several times faster than JSON, and the
objects are made a column at a time in C loops (`map`) rather than one
`__init__` call each in Python.
"""

from __future__ import annotations

import marshal
from collections import deque
from dataclasses import fields
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from tui.core.model.annotations import KINDS, Anchor, Annotation, Match, Resolution, build_frozen
from tui.core.model.diagnostics import Diagnostic, Level

_CORE = ("article", "id", "kind", "anchor", "path", "line", "column", "resolution")
_KINDS = {kind: kind for kind in KINDS}  # one string object per kind, not per annotation
_MATCHES = {m.value[0]: m for m in Match}
_set_resolution = Annotation.__dict__["resolution"].__set__
_set_score = Resolution.__dict__["score"].__set__  # frozen: set once, right after it is made
_set_ambiguous = Resolution.__dict__["ambiguous"].__set__


def _extras() -> list[tuple[str, Any]]:
    """Every other field of Annotation with its default, new fields included."""
    return [(f.name, f.default) for f in fields(Annotation) if f.name not in _CORE]


def dump(annotations: list[Annotation], meta: dict[str, str], diagnostics: list[Diagnostic]) -> bytes:
    anchors = [a.anchor for a in annotations]
    res = [a.resolution for a in annotations]
    extras = _extras()
    names = [name for name, _ in extras]
    defaults = tuple(default for _, default in extras)
    values = attrgetter(*names)
    sparse: dict[str, list[Any]] = {}
    for n, a in enumerate(annotations):
        got = values(a)
        if got != defaults:  # most annotations: one C-level comparison
            for name, value, default in zip(names, got, defaults, strict=True):
                if value != default:
                    sparse.setdefault(name, []).append((n, value))
    data = {
        "meta": dict(meta),
        "diagnostics": [(d.line, d.column, str(d.level.value), d.message, d.hint) for d in diagnostics],
        "ids": [a.id for a in annotations],
        "kinds": [a.kind for a in annotations],
        "lines": [a.line for a in annotations],
        "columns": [a.column for a in annotations],
        "quotes": [x.quote if x is not None else None for x in anchors],
        "context": [
            (n, x.prefix, x.suffix, x.occurrence, x.start)
            for n, x in enumerate(anchors)
            if x is not None and (x.prefix or x.suffix or x.occurrence or x.start is not None)
        ],
        "starts": [r.start for r in res],
        "ends": [r.end for r in res],
        "matches": "".join(r.match.value[0] for r in res),
        "odd": [(n, r.score, r.ambiguous) for n, r in enumerate(res) if r.score != 1.0 or r.ambiguous],
        "extra": sparse,
    }
    return marshal.dumps(data)


def load(
    data: Any, path: Path, article_id: str
) -> tuple[list[Annotation], dict[str, str], list[Diagnostic]] | None:
    """What `dump` stored (unmarshalled), or None for an entry that is broken or
    from another model."""
    try:
        ids, quotes, starts, ends = data["ids"], data["quotes"], data["starts"], data["ends"]
        count = len(ids)
        if not (len(quotes) == len(starts) == len(ends) == len(data["matches"]) == count):
            return None
        anchors = _anchors(quotes, data["context"])
        # Iterators, not lists, where a column is read once: every transient list
        # of 50,000 leaves the heap larger after the load (warm RSS per annotation).
        matches = map(_MATCHES.__getitem__, data["matches"])
        resolutions = build_frozen(Resolution, count, {"start": starts, "end": ends, "match": matches})
        for n, score, odd in data["odd"]:
            _set_score(resolutions[n], float(score))
            _set_ambiguous(resolutions[n], bool(odd))
        kinds = map(_KINDS.get, data["kinds"], data["kinds"])
        where = repeat(path)  # one Path object for the file's records: the loader compares by identity
        lines, cols = data["lines"], data["columns"]
        annotations = list(map(Annotation, repeat(article_id), ids, kinds, anchors, where, lines, cols))
        if len(annotations) != count:
            return None
        deque(map(_set_resolution, annotations, resolutions), maxlen=0)
        known = {name for name, _ in _extras()}
        for name, pairs in data["extra"].items():
            if name not in known:
                return None  # written by another version of the model
            for n, value in pairs:
                setattr(annotations[n], name, tuple(value) if isinstance(value, list) else value)
        diagnostics = [Diagnostic(path, d[0], d[1], Level(d[2]), d[3], d[4]) for d in data["diagnostics"]]
        return annotations, dict(data["meta"]), diagnostics
    except (KeyError, TypeError, ValueError, IndexError, EOFError, AttributeError):
        return None


def _anchors(quotes: list[str | None], context: list[tuple[int, str, str, int, int | None]]) -> list[Any]:
    """One Anchor per stored quote (None where there was none), with prefix,
    suffix, occurrence and start only where they were given. When every record
    has a quote (the common case) no list of positions is made: its 50,000 int
    objects would outlive nothing but still leave the heap larger."""
    where = None if None not in quotes else [n for n, quote in enumerate(quotes) if quote is not None]
    count = len(quotes) if where is None else len(where)
    columns: dict[str, list[Any]] = {"quote": quotes if where is None else [quotes[n] for n in where]}
    if context:
        slot = None if where is None else {n: i for i, n in enumerate(where)}
        prefix, suffix = [""] * count, [""] * count
        occurrence = [0] * count
        start: list[int | None] = [None] * count
        for n, before, after, nth, hint in context:
            i = n if slot is None else slot[n]
            prefix[i], suffix[i], occurrence[i], start[i] = before, after, nth, hint
        columns.update(prefix=prefix, suffix=suffix, occurrence=occurrence, start=start)
    made = build_frozen(Anchor, count, columns)
    if where is None:
        return made
    anchors: list[Any] = [None] * len(quotes)
    for n, anchor in zip(where, made, strict=True):
        anchors[n] = anchor
    return anchors
