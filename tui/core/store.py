"""Each author's own records, saved at once and merged, never overwritten.

The file `annotations/notes/<author>.yaml` belongs to one author and to the
app; hand-written files are never touched. Before every write the file on
disk is compared with what was last read: if someone else changed it (a second
instance, a `git pull`), the two versions are merged record by record against
that common base, and a record both sides changed differently is kept twice.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tui.core import yamlio
from tui.core.atomic import atomic_write
from tui.core.diagnostics import Diagnostic, Problems

Record = dict[str, Any]
AUTHOR_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")


class StoreError(Exception):
    pass


def validate_author(name: str) -> str:
    """Return an error message for an unusable author name, or ''."""
    if not name:
        return "the author name is empty"
    if "\x00" in name or "/" in name or "\\" in name or ".." in name:
        return (f"the author name {name!r} could escape the notes folder "
                "(no '/', '\\\\', '..' or NUL)")
    if not AUTHOR_PATTERN.match(name):
        return (f"the author name {name!r} is not allowed: use letters, digits, '.', '_' "
                "or '-', starting with a letter or digit, at most 64 characters")
    return ""


def default_author() -> str:
    for key in ("CROSSREAD_AUTHOR", "USER", "LOGNAME", "USERNAME"):
        value = os.environ.get(key, "")
        if value and not validate_author(value):
            return value
    try:
        import getpass

        name = getpass.getuser()
        if not validate_author(name):
            return name
    except Exception:  # noqa: BLE001 - no login name at all is possible
        pass
    return "reader"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("crossread", appauthor=False))


def corpus_key(root: Path) -> str:
    resolved = str(root.resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{root.resolve().name or 'corpus'}-{digest}"


def corpus_writable(root: Path) -> bool:
    """Whether notes can live in the corpus itself (not an installed package)."""
    from tui.core.corpus import bundled_corpus

    resolved = root.resolve()
    if {"site-packages", "dist-packages"} & set(resolved.parts):
        return False
    if resolved == bundled_corpus().resolve():
        return False  # the demo corpus ships with the program; keep its tree clean
    probe = resolved / "annotations" / "notes"
    while not probe.exists():
        probe = probe.parent
    return os.access(probe, os.W_OK)


def notes_path(root: Path, author: str) -> Path:
    if corpus_writable(root):
        return root.resolve() / "annotations" / "notes" / f"{author}.yaml"
    return user_data_dir() / "corpora" / corpus_key(root) / "notes" / f"{author}.yaml"


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_id(author: str, prefix: str = "") -> str:
    stamp = time.strftime("%Y%m%d", time.gmtime())
    return f"{prefix}{author}-{stamp}-{os.urandom(3).hex()}"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def serialise(author: str, records: dict[str, Record]) -> bytes:
    body = {"version": 1, "author": author, "records": list(records.values())}
    return yamlio.dump(body).encode("utf-8")


def parse(data: bytes, path: Path) -> tuple[dict[str, Record], list[Diagnostic]]:
    """Records of an author file, keyed by id; problems as diagnostics."""
    problems = Problems(path)
    try:
        text = data.decode("utf-8")
        loaded = yamlio.load(text)
    except UnicodeDecodeError as exc:
        problems.error(0, 0, f"invalid UTF-8 at byte {exc.start}", "re-save the file as UTF-8")
        return {}, problems
    except yamlio.YamlError as exc:
        problems.error(exc.line, exc.column, exc.message, exc.hint)
        return {}, problems
    if loaded is None:
        return {}, problems
    if not isinstance(loaded, dict) or not isinstance(loaded.get("records", []), list):
        problems.error(1, 1, "a notes file must be a mapping with a 'records' list",
                       "restore it from git, or move it aside and start again")
        return {}, problems
    records: dict[str, Record] = {}
    items = loaded.get("records") or []
    marks = getattr(items, "marks", [(0, 0)] * len(items))
    for item, (line, col) in zip(items, marks, strict=False):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.error(line, col, "a record must be a mapping with an 'id'",
                           "remove the broken record")
            continue
        if item["id"] in records:
            problems.error(line, col, f"duplicate record id {item['id']!r}",
                           "remove one of the two records")
            continue
        records[item["id"]] = _plain(item)
    return records, problems


def merge(base: dict[str, Record], ours: dict[str, Record], theirs: dict[str, Record]
          ) -> tuple[dict[str, Record], list[str]]:
    """Three-way merge by record id; never drops a record either side changed."""
    order = list(theirs) + [i for i in ours if i not in theirs] + \
        [i for i in base if i not in theirs and i not in ours]
    merged: dict[str, Record] = {}
    conflicts: list[str] = []
    for rid in order:
        b, o, t = base.get(rid), ours.get(rid), theirs.get(rid)
        if o == t:
            chosen = o
        elif o == b:
            chosen = t
        elif t == b:
            chosen = o
        elif o is None or t is None:
            chosen = o if o is not None else t  # edited on one side beats deleted
        else:
            conflicts.append(rid)
            merged[rid] = dict(t, conflict=f"{rid}~mine")
            mine = dict(o, id=f"{rid}~mine", conflict=rid)
            merged[mine["id"]] = mine
            continue
        if chosen is not None:
            merged[rid] = chosen
    return merged, conflicts


@dataclass
class SaveResult:
    ok: bool
    path: Path
    error: str = ""
    recovery: Path | None = None
    merged_from_disk: bool = False
    conflicts: list[str] = field(default_factory=list)


class RecordStore:
    """One author's records in memory, mirrored to their file on every change."""

    def __init__(self, path: Path, author: str) -> None:
        self.path = path
        self.author = author
        self.records: dict[str, Record] = {}
        self._base: dict[str, Record] = {}
        self._base_bytes: bytes | None = None
        self.dirty = False
        self.last_error = ""

    def load(self) -> list[Diagnostic]:
        self._remove_stale_temps()
        data = self._read_disk()
        if data is None:
            return []
        records, problems = parse(data, self.path)
        if any(p.is_error for p in problems):
            # Keep the file as it is; our saves will refuse to merge into it.
            self._base_bytes = data
            return problems
        self.records = copy.deepcopy(records)
        self._base = records
        self._base_bytes = data
        return problems

    def _remove_stale_temps(self) -> None:
        """Temp files left by a crash mid-write hold nothing the real file lacks."""
        folder = self.path.parent
        if not folder.is_dir():
            return
        for stale in folder.glob(f".{self.path.name}.*.tmp"):
            try:
                if time.time() - stale.stat().st_mtime > 60:
                    stale.unlink()
            except OSError:
                pass

    def _read_disk(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def put(self, record: Record) -> Record | None:
        before = self.records.get(record["id"])
        self.records[record["id"]] = record
        self.dirty = True
        return before

    def remove(self, record_id: str) -> Record | None:
        before = self.records.pop(record_id, None)
        self.dirty = True
        return before

    def save(self) -> SaveResult:
        result = SaveResult(True, self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            disk = self._read_disk()
            if disk != self._base_bytes:
                if disk is None:
                    theirs: dict[str, Record] = {}
                else:
                    theirs, problems = parse(disk, self.path)
                    if any(p.is_error for p in problems):
                        first = next(p for p in problems if p.is_error)
                        raise StoreError(
                            f"{self.path} changed on disk and cannot be read "
                            f"(line {first.line}: {first.message}); not overwriting it")
                self.records, result.conflicts = merge(self._base, self.records, theirs)
                result.merged_from_disk = True
            data = serialise(self.author, self.records)
            atomic_write(self.path, data)
        except (OSError, StoreError) as exc:
            self.last_error = _describe(exc)
            result.ok = False
            result.error = self.last_error
            result.recovery = self.write_recovery()
            return result
        self._base = copy.deepcopy(self.records)
        self._base_bytes = data
        self.dirty = False
        self.last_error = ""
        return result

    def write_recovery(self) -> Path | None:
        """A copy of everything in memory, somewhere the failed write was not."""
        data = serialise(self.author, self.records)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        name = f"{self.author}-{stamp}-{os.getpid()}.yaml"
        for folder in (recovery_dir(), Path(os.environ.get("TMPDIR", "/tmp")) / "crossread"):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                return atomic_write(folder / name, data)
            except OSError:
                continue
        return None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        where = exc.filename or ""
        return f"could not save notes: {reason}" + (f" ({where})" if where else "")
    return f"could not save notes: {exc}"
