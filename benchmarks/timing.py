"""Timing whole `crossread check` processes, and running probe scripts in fresh
processes: shared by the load benchmarks."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def check_times(root: Path, cache_home: str, tree: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds for one `crossread check` with its cache (and data) in cache_home,
    run from `tree` (a checkout of the code to time; default: the current directory):
    a fresh folder gives a cold load, the same folder again a warm one."""
    env = dict(os.environ, XDG_CACHE_HOME=cache_home, XDG_DATA_HOME=cache_home)
    env.pop("CROSSREAD_NO_CACHE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "check", str(root)],
        cwd=tree,
        env=env,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_check(root: Path, cache_home: str) -> float:
    """Wall seconds for one `crossread check` (see check_times)."""
    return check_times(root, cache_home)[0]


def run_probe(code: str, args: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Run a probe script in a fresh Python process; its last line of output is JSON."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))
