"""A cross-process lock around read-merge-replace of one notes file.

`fcntl.flock` on a lock file beside the notes file: it is in the standard
library, works between any processes on the machine (two windows, the TUI and
`crossread import`), and the kernel drops it when a holder dies, even by
SIGKILL, so a crash never leaves the file locked. It is held only while a save
reads, merges and renames; never while a person types.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; writes stay atomic
    HAS_FLOCK = False
else:
    HAS_FLOCK = True

WAIT_SECONDS = 10.0


class LockTimeout(OSError):
    """Another process held the notes file's lock for too long."""


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of `path` (its `.NAME.lock` sibling) for the block."""
    if not HAS_FLOCK:
        yield
        return
    lock = lock_path(path)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link: never write through it
            raise OSError(
                exc.errno,
                "the lock file is a symbolic link, which crossread does "
                "not follow; delete it (crossread makes its own)",
                str(lock),
            ) from None
        raise
    try:
        deadline = time.monotonic() + wait
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        f"another crossread held the lock on {path} for over {wait:.0f} s"
                    ) from None
                time.sleep(delay)  # polling keeps the wait bounded; a save takes milliseconds
                delay = min(delay * 2, 0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
