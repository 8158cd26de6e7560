"""Time anchoring of many quotes in one large article (issue: core anchoring).

    python benchmarks/anchoring.py [--size-mb 1] [--quotes 10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import article_text, quotes  # noqa: E402
from tui.core.anchoring import TextIndex, resolve  # noqa: E402
from tui.core.model import Anchor, Match  # noqa: E402


def run(size_mb: float, count: int, hints: bool) -> tuple[float, dict[str, int], float]:
    text = article_text(int(size_mb * 1_000_000))
    picked = quotes(text, count)
    anchors = [Anchor(q, start=s if hints else None) for q, s, _ in picked]
    began = time.perf_counter()
    index = TextIndex(text)
    results = [resolve(index, a, many=True) for a in anchors]
    elapsed = time.perf_counter() - began
    tally = {m.value: sum(1 for r in results if r.match is m) for m in Match}
    typo_times = []
    for (quote, _start, typo) in picked:
        if typo:
            t0 = time.perf_counter()
            resolve(index, Anchor(quote), many=True)
            typo_times.append(time.perf_counter() - t0)
    return elapsed, tally, statistics.median(typo_times) if typo_times else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args()
    for hints in (True, False):
        elapsed, tally, typo = run(args.size_mb, args.quotes, hints)
        label = "with position hints" if hints else "quotes only"
        print(f"{args.quotes} quotes in {args.size_mb} MB, {label}: {elapsed:.3f} s  {tally}"
              f"  fuzzy per typo quote (no hint): {typo * 1000:.2f} ms")


if __name__ == "__main__":
    main()
