"""Reading user files without trusting them: regular files only, capped while reading.

A corpus may come from anyone (a clone, a shared folder), so a name in it can be
a FIFO that blocks forever, a link to `/dev/zero` or a sparse 8 GiB file, or a
symlink to `~/.ssh`. Every read of a corpus file goes through `read_capped`.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

CHUNK = 1 << 20


class UnsafeFile(Exception):
    """A file that must not be read; `message` and `hint` are for the user."""

    def __init__(self, path: Path, message: str, hint: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.hint = hint


def human_size(count: int) -> str:
    return f"{count / 1048576:.1f} MiB" if count >= 1048576 else f"{count} bytes"


def is_inside(path: Path, root: Path) -> bool:
    """Whether path, with every link resolved, lies inside root."""
    real = os.path.realpath(path)
    base = _real_root(os.fspath(root))
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=8)
def _real_root(root: str) -> str:
    """The corpus folder's real path, once per process rather than once per file
    (2,000 annotation files in an archive). The path checked is resolved afresh
    each time, so a root moved since still refuses what lies outside it."""
    return os.path.realpath(root)


def check_inside(path: Path, root: Path | None) -> None:
    """Refuse a path that a link leads out of root (a cloned corpus reading ~/.ssh)."""
    if root is not None and not is_inside(path, root):
        raise UnsafeFile(
            path,
            "this is a link that leads outside the corpus folder, to "
            f"{os.path.realpath(path)}; it is not read",
            "copy the file into the corpus instead of linking to it",
        )


def read_capped(path: Path, limit: int, root: Path | None = None) -> bytes:
    """Bytes of a regular file of at most `limit` bytes.

    Opened non-blocking (a FIFO cannot hang the open), checked with fstat on the
    open descriptor (no race with a rename), and read at most limit + 1 bytes,
    so a device or a file that grows is refused without being read whole.
    With `root`, a path that resolves outside it is refused before opening.
    """
    check_inside(path, root)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        _refuse_special(path)  # a socket cannot be opened at all (ENXIO)
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _special(path, info.st_mode)
        if info.st_size > limit:
            raise UnsafeFile(
                path,
                f"the file is {human_size(info.st_size)}, over the {human_size(limit)} limit",
                "split it into smaller files",
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFile(
                path, f"the file is over the {human_size(limit)} limit", "split it into smaller files"
            )
        return b"".join(chunks)
    finally:
        os.close(fd)


def _special(path: Path, mode: int) -> UnsafeFile:
    return UnsafeFile(
        path,
        f"this is {_kind(mode)}, not a regular file; it is not read",
        "only plain files are read; replace it with a real file",
    )


def _refuse_special(path: Path) -> None:
    """After a failed open: name what the path is when it is no regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise _special(path, mode) from None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
