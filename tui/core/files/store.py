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
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.core.files.atomic import atomic_write
from tui.core.files.locking import locked
from tui.core.files.records import (
    NotesData,
    Record,
    Tombstones,
    merge,
    merge_notes,
    parse,
    parse_notes,
    serialise,
)
from tui.core.files.safeio import UnsafeFile, read_capped
from tui.core.model.diagnostics import Diagnostic, Problems

__all__ = ["Record", "RecordStore", "SaveResult", "StoreError", "merge", "parse", "serialise"]
AUTHOR_MAX = 64
AUTHOR_PUNCTUATION = frozenset("._-' \u2019\u200c\u200d")
"""Besides letters, marks and digits of any script: dot, underscore, hyphen,
apostrophes, space, and the zero-width (non-)joiners some scripts spell with."""


MAX_NOTES_BYTES = 32 * 1024 * 1024


class StoreError(Exception):
    """The notes file must not be read or written; `hint` says what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message + (f" (hint: {hint})" if hint else ""))
        self.message = message
        self.hint = hint


def validate_author(name: str) -> str:
    """Return an error message for an unusable author name, or ''.

    The name becomes a file name, so anything that could leave the notes
    folder or hide in a listing is refused: separators, '..', NUL, C0/C1
    controls and DEL, bidi and other format characters; a name starts with a
    letter or digit (never only dots or spaces) and does not end in a space or
    dot (Windows drops those)."""
    if not name:
        return "the author name is empty"
    if "\x00" in name or "/" in name or "\\" in name or ".." in name:
        return f"the author name {name!r} could escape the notes folder (no '/', '\\\\', '..' or NUL)"
    if len(name) > AUTHOR_MAX:
        return f"the author name is {len(name)} characters long; at most {AUTHOR_MAX} are allowed"
    control = next((ch for ch in name if unicodedata.category(ch) == "Cc"), None)
    if control is not None:
        return f"the author name {name!r} contains the control character U+{ord(control):04X}"
    odd = next((ch for ch in name if not _author_char(ch)), None)
    if odd is not None or not _author_char(name[0], edge=True) or name[-1] in " .":
        return (
            f"the author name {name!r} is not allowed: use letters of any script, "
            "digits, spaces, '.', '_', '-' or apostrophes, starting with a letter or "
            "digit and not ending in a space or dot"
        )
    return ""


def _author_char(ch: str, edge: bool = False) -> bool:
    kind = unicodedata.category(ch)[0]
    if edge:
        return kind in "LN"
    return kind in "LMN" or ch in AUTHOR_PUNCTUATION


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
    from tui.core.model.corpus import bundled_corpus

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
    return f"{prefix}{id_word(author)}-{stamp}-{os.urandom(3).hex()}"


def id_word(author: str) -> str:
    """The author in a record id, which stays ASCII: accents dropped
    (jürgen -> jurgen), other scripts as a short hash of the name."""
    plain = unicodedata.normalize("NFKD", author).encode("ascii", "ignore").decode()
    word = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in plain).strip("-._")
    if word and word[0].isalnum():
        return word
    return "u" + hashlib.sha256(author.encode("utf-8", "surrogatepass")).hexdigest()[:8]


@dataclass
class SaveResult:
    ok: bool
    path: Path
    error: str = ""
    recovery: Path | None = None
    merged_from_disk: bool = False
    conflicts: list[str] = field(default_factory=list)


class RecordStore:
    """One author's records in memory, mirrored to their file on every change.

    `blocked` says why the file on disk must not be written over (it does not
    parse, has a git conflict in it, or is a link out of the notes folder).
    While it is set, saves only write recovery copies; once the file reads
    again, the next save merges into it.
    """

    def __init__(self, path: Path, author: str) -> None:
        self.path = path
        self.author = author
        self.records: dict[str, Record] = {}
        self.deleted: Tombstones = {}
        self._base: dict[str, Record] = {}
        self._base_bytes: bytes | None = None
        self.dirty = False
        self.last_error = ""
        self.blocked = ""

    def load(self) -> list[Diagnostic]:
        self._remove_stale_temps()
        try:
            data = self._read_disk()
        except StoreError as exc:
            self.blocked = str(exc)
            unread = Problems(self.path)
            unread.error(0, 0, exc.message, exc.hint)
            return unread
        if data is None:
            return []
        notes, problems = parse_notes(data, self.path)
        errors = [p for p in problems if p.is_error]
        if errors:
            self.blocked = errors[0].format()
            return problems
        self.records = copy.deepcopy(notes.records)
        self.deleted = dict(notes.deleted)
        self._base = notes.records
        self._base_bytes = data
        self.blocked = ""
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
        """The file's bytes, None when it does not exist; StoreError when unsafe."""
        if self.path.is_symlink() and not _links_within_folder(self.path):
            raise StoreError(
                f"{self.path} is a link to {os.path.realpath(self.path)}, outside the notes folder",
                "replace the link with the notes file itself; crossread does not write through it",
            )
        try:
            return read_capped(self.path, MAX_NOTES_BYTES)
        except FileNotFoundError:
            return None
        except UnsafeFile as exc:
            raise StoreError(f"{self.path}: {exc.message}", exc.hint) from None

    def put(self, record: Record) -> Record | None:
        before = self.records.get(record["id"])
        self.records[record["id"]] = record
        self.deleted.pop(record["id"], None)
        self.dirty = True
        return before

    def remove(self, record_id: str) -> Record | None:
        before = self.records.pop(record_id, None)
        if before is not None:
            self.deleted[record_id] = utc_now()
        self.dirty = True
        return before

    def save(self) -> SaveResult:
        """Merge with the file on disk and replace it, under the cross-process lock."""
        result = SaveResult(True, self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with locked(self.path):
                disk = self._read_disk()
                if self.blocked or disk != self._base_bytes:
                    theirs = self._parse_theirs(disk)
                    merged = merge_notes(self._base, NotesData(self.records, self.deleted), theirs)
                    self.records, self.deleted = merged.records, merged.deleted
                    result.conflicts = merged.conflicts
                    result.merged_from_disk = True
                    self.blocked = ""
                data = serialise(self.author, self.records, self.deleted)
                atomic_write(self.path, data)
        except (OSError, StoreError) as exc:
            if isinstance(exc, StoreError):
                self.blocked = str(exc)
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

    def _parse_theirs(self, disk: bytes | None) -> NotesData:
        """The disk version to merge with; a vanished file is an empty one, not a deletion."""
        if disk is None:
            return NotesData()
        theirs, problems = parse_notes(disk, self.path)
        errors = [p for p in problems if p.is_error]
        if errors:
            first = errors[0]
            raise StoreError(
                f"{self.path}:{first.line}:{first.column} cannot be read ({first.message}); "
                "not writing over it",
                first.hint,
            )
        return theirs

    def write_recovery(self) -> Path | None:
        """A copy of everything in memory, somewhere the failed write was not."""
        data = serialise(self.author, self.records, self.deleted)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        name = f"{self.author}-{stamp}-{os.getpid()}.yaml"
        for folder in (recovery_dir(), Path(os.environ.get("TMPDIR", "/tmp")) / "crossread"):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                return atomic_write(folder / name, data)
            except OSError:
                continue
        return None


def _links_within_folder(path: Path) -> bool:
    """A notes file may be a link only to another file in its own folder."""
    return Path(os.path.realpath(path)).parent == Path(os.path.realpath(path.parent))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        where = exc.filename or ""
        return f"could not save notes: {reason}" + (f" ({where})" if where else "")
    return f"could not save notes: {exc}"
