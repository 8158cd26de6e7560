"""An author's notes file as data: records, tombstones, and the three-way merge.

A record missing from the file is *not* a deletion: another writer may simply
never have seen it, or a file may have been replaced by an older copy. Only a
tombstone (`deleted: [{id, at}]`) says a record was deleted on purpose, so a
merge can tell "deleted elsewhere" from "never seen there".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.files import yamlio
from tui.core.model.diagnostics import Diagnostic, Problems

Record = dict[str, Any]
Tombstones = dict[str, str]  # record id -> UTC time of the deletion

_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.M)


@dataclass
class NotesData:
    """What one notes file holds."""

    records: dict[str, Record] = field(default_factory=dict)
    deleted: Tombstones = field(default_factory=dict)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def serialise(author: str, records: dict[str, Record], deleted: Tombstones | None = None) -> bytes:
    from tui.core.files import yamldump  # imports yaml: only a process that writes pays for it

    body: dict[str, Any] = {"version": 1, "author": author, "records": list(records.values())}
    if deleted:
        body["deleted"] = [{"id": rid, "at": at} for rid, at in sorted(deleted.items())]
    return yamldump.dump(body).encode("utf-8")


def conflict_marker_line(text: str) -> int:
    """Line (1-based) of the first git conflict marker, or 0."""
    match = _CONFLICT_MARKER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def parse_notes(data: bytes, path: Path) -> tuple[NotesData, list[Diagnostic]]:
    """Records and tombstones of an author file; problems as diagnostics."""
    problems = Problems(path)
    notes = NotesData()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.error(0, 0, f"invalid UTF-8 at byte {exc.start}", "re-save the file as UTF-8")
        return notes, problems
    marker = conflict_marker_line(text)
    if marker:
        problems.error(
            marker,
            1,
            "the file holds an unresolved git conflict",
            "resolve the git conflict (keep the records of both sides), then reopen",
        )
        return notes, problems
    try:
        loaded = yamlio.load(text)
    except yamlio.YamlError as exc:
        problems.error(exc.line, exc.column, exc.message, exc.hint)
        return notes, problems
    if loaded is None:
        return notes, problems
    if not isinstance(loaded, dict) or not isinstance(loaded.get("records", []), list):
        problems.error(
            1,
            1,
            "a notes file must be a mapping with a 'records' list",
            "restore it from git, or move it aside and start again",
        )
        return notes, problems
    items = loaded.get("records") or []
    marks = getattr(items, "marks", [(0, 0)] * len(items))
    for item, (line, col) in zip(items, marks, strict=False):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.error(line, col, "a record must be a mapping with an 'id'", "remove the broken record")
            continue
        if item["id"] in notes.records:
            problems.error(line, col, f"duplicate record id {item['id']!r}", "remove one of the two records")
            continue
        notes.records[item["id"]] = _plain(item)
    _parse_tombstones(loaded.get("deleted"), getattr(loaded, "mark_of", None), notes, problems)
    return notes, problems


def _parse_tombstones(items: Any, mark_of: Any, notes: NotesData, problems: Problems) -> None:
    if items is None:
        return
    if not isinstance(items, list):
        line, col = mark_of("deleted") if mark_of else (1, 1)
        problems.error(
            line,
            col,
            "'deleted' must be a list of {id, at}",
            "restore the file from git, or remove the 'deleted' key",
        )
        return
    marks = getattr(items, "marks", [(0, 0)] * len(items))
    for item, (line, col) in zip(items, marks, strict=False):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.error(
                line,
                col,
                "a tombstone must be a mapping with an 'id'",
                "remove the broken entry under 'deleted'",
            )
            continue
        notes.deleted[item["id"]] = str(item.get("at", ""))


def parse(data: bytes, path: Path) -> tuple[dict[str, Record], list[Diagnostic]]:
    """Records of an author file, keyed by id (tombstones left out)."""
    notes, problems = parse_notes(data, path)
    return notes.records, problems


@dataclass
class Merged:
    records: dict[str, Record]
    deleted: Tombstones
    conflicts: list[str]


def merge(
    base: dict[str, Record],
    ours: dict[str, Record],
    theirs: dict[str, Record],
    ours_deleted: Tombstones | None = None,
    theirs_deleted: Tombstones | None = None,
) -> tuple[dict[str, Record], list[str]]:
    """Three-way merge by record id (records only); see `merge_notes`."""
    result = merge_notes(
        base, NotesData(ours, dict(ours_deleted or {})), NotesData(theirs, dict(theirs_deleted or {}))
    )
    return result.records, result.conflicts


def merge_notes(base: dict[str, Record], ours: NotesData, theirs: NotesData) -> Merged:
    """Three-way merge by record id that never drops a record without a tombstone.

    Absent on one side without a tombstone means "never seen there": the other
    side's record is kept. A tombstone wins over a record only if that record
    was not edited since the common base (an edit beats a deletion). Both sides
    editing one record differently keeps both versions, flagged as a conflict.
    """
    order = list(theirs.records) + [i for i in ours.records if i not in theirs.records]
    order += [i for i in {**ours.deleted, **theirs.deleted} if i not in order]
    records: dict[str, Record] = {}
    deleted: Tombstones = {}
    conflicts: list[str] = []
    for rid in order:
        b, o, t = base.get(rid), ours.records.get(rid), theirs.records.get(rid)
        if o is None and t is None:
            deleted[rid] = ours.deleted.get(rid) or theirs.deleted.get(rid, "")
            continue
        if t is None:  # absent there: deleted there only if a tombstone says so
            if rid in theirs.deleted and o == b:
                deleted[rid] = theirs.deleted[rid]
            elif o is not None:
                records[rid] = o
            continue
        if o is None:
            if rid in ours.deleted and t == b:
                deleted[rid] = ours.deleted[rid]
            else:
                records[rid] = t
            continue
        if o == t or o == b:
            records[rid] = t
        elif t == b:
            records[rid] = o
        else:
            conflicts.append(rid)
            records[rid] = dict(t, conflict=f"{rid}~mine")
            mine = dict(o, id=f"{rid}~mine", conflict=rid)
            records[mine["id"]] = mine
    return Merged(records, deleted, conflicts)
