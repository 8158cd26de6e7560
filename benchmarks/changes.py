"""Cost of one change through the core at scale: verdict, note, undo.

The reader's key paths call these; the target is under 16 ms of our own work
per change at 5 MB / 50k annotations (one frame at 60 Hz), before the UI
redraws anything. Run: `python benchmarks/changes.py [--size-mb 5 --count 50000]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import write_corpus  # noqa: E402


def timed(action, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for i in range(runs):
        began = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        root = Path(tmp) / "corpus"
        write_corpus(root, int(args.size_mb * 1_000_000), args.count)
        from tui.core.model.corpus import load_corpus
        from tui.core.review.session import Session

        corpus = load_corpus(root)
        session = Session(corpus, "bench")
        claims = [a for a in corpus.annotations["big"] if a.kind == "claim"]
        verdicts = ("supported", "disputed", "false", "unverifiable")

        def verdict(i: int) -> None:
            session.set_verdict(claims[i].ref, verdicts[i % 4])

        def note(i: int) -> None:
            session.add_note(f"note {i}", "big", on=claims[i].id)

        def undo(_i: int) -> None:
            session.undo()

        rows = [
            ("verdict", timed(verdict, args.runs)),
            ("note on a claim", timed(note, args.runs)),
            ("undo", timed(undo, args.runs)),
        ]
        total = sum(len(v) for v in corpus.annotations.values())
        print(f"{args.size_mb:g} MB, {total} annotations, {args.runs} runs each (ms, includes the save)")
        for name, (p50, p95) in rows:
            print(f"  {name:<18} p50 {p50:7.1f}  p95 {p95:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
