"""Timing whole `crossread check` processes, shared by the load benchmarks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def time_check(root: Path, cache_home: str) -> float:
    """Seconds for one `crossread check` with its cache (and data) in cache_home:
    a fresh folder gives a cold load, the same folder again a warm one."""
    env = dict(os.environ, XDG_CACHE_HOME=cache_home, XDG_DATA_HOME=cache_home)
    env.pop("CROSSREAD_NO_CACHE", None)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "check", str(root)],
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - began
