"""Report this process's own peak RSS for benchmarks/run.py (stdlib only, so
importing it costs the measured scripts nothing)."""

import os
from pathlib import Path


def report_peak_memory() -> None:
    """VmHWM, unlike ru_maxrss, excludes the forking parent's memory."""
    target = os.environ.get("CROSSREAD_BENCH_RSS_FILE")
    if not target:
        return
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            Path(target).write_text(line.split()[1], encoding="utf-8")
