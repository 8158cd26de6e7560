"""Crash-safe file replacement: readers see the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def resolve_target(path: Path) -> Path:
    """Write through symlinks to the file they point at."""
    return Path(os.path.realpath(path))


def atomic_write(path: Path, data: bytes) -> Path:
    """Replace path's content with data; return the file actually written.

    A temp file in the same directory is written, flushed and fsynced, then
    renamed over the target, and the directory is fsynced so the rename itself
    survives a power cut. The target's permission bits are kept.
    """
    target = resolve_target(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_dir(folder)
    return target


def fsync_dir(folder: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        dir_fd = os.open(folder, flags)
    except OSError:
        return  # some platforms cannot open directories; the rename is still atomic
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
