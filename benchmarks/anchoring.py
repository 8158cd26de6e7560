"""Anchoring many quotes in one large article, paired with its floor in one run.

    python benchmarks/anchoring.py [--size-mb 5] [--quotes 50000] [--runs 3]

The floor is a plain pyahocorasick pass over the same quotes: an automaton of
every quote, built and run over the text, its hits collected. Each run times
the floor and crossread back to back, so shared-machine load hits both alike;
the medians are printed, and the median of each run's ratio (target: quotes
only within 1.5x).
Times are CPU time of this process (both sides are single-threaded), which a
shared machine disturbs far less than wall time.
A typo quote's cost is what the typo quotes add to the batch: the batch of all
quotes minus the batch without them (each run's difference, median), per
typo quote (target: under 1 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import article_text, quotes  # noqa: E402
from tui.core.document.anchoring import TextIndex, resolve_all  # noqa: E402
from tui.core.model.annotations import Anchor, Match  # noqa: E402


def floor(text: str, needles: list[str]) -> float:
    import ahocorasick

    began = time.process_time()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, needle in enumerate(needles):
        automaton.add_word(needle, number)
    automaton.make_automaton()
    hits = [[] for _ in needles]
    for end, number in automaton.iter(text):
        hits[number].append(end)
    return time.process_time() - began


def batch(text: str, anchors: list[Anchor]) -> tuple[float, dict[str, int]]:
    began = time.process_time()
    results = resolve_all(TextIndex(text), anchors)
    elapsed = time.process_time() - began
    return elapsed, {m.value: sum(1 for r in results if r.match is m) for m in Match}


def measure(size_mb: float, count: int, runs: int) -> dict[str, float]:
    text = article_text(int(size_mb * 1_000_000))
    picked = quotes(text, count)
    plain = [Anchor(q) for q, _, _ in picked]
    hinted = [Anchor(q, start=s) for q, s, _ in picked]
    clean = [Anchor(q) for q, _, typo in picked if not typo]
    typos = [Anchor(q) for q, _, typo in picked if typo]
    times: dict[str, list[float]] = {k: [] for k in ("floor", "quotes", "hints", "clean", "typos")}
    tally: dict[str, int] = {}
    for _ in range(runs):
        times["floor"].append(floor(text, [q for q, _, _ in picked]))
        elapsed, tally = batch(text, plain)
        times["quotes"].append(elapsed)
        times["clean"].append(batch(text, clean)[0])
        times["hints"].append(batch(text, hinted)[0])
        times["typos"].append(batch(text, typos)[0])
    out = {k: statistics.median(v) for k, v in times.items()}
    # Paired statistics: each run's own ratio and difference, then their median
    # (the runs next to each other in time share the machine's load).
    out["ratio"] = statistics.median(q / f for q, f in zip(times["quotes"], times["floor"], strict=True))
    out["per typo marginal"] = statistics.median(
        max(0.0, q - c) / max(1, len(typos)) for q, c in zip(times["quotes"], times["clean"], strict=True)
    )
    out["per typo alone"] = out["typos"] / max(1, len(typos))
    out["typo count"] = len(typos)
    out.update({f"n {k}": v for k, v in tally.items()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--quotes", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    r = measure(args.size_mb, args.quotes, args.runs)
    print(f"{args.quotes} quotes in {args.size_mb} MB, medians of {args.runs} paired runs, CPU time")
    print(f"  floor (pyahocorasick pass): {r['floor']:.3f} s")
    print(
        f"  quotes only: {r['quotes']:.3f} s = {r['ratio']:.2f}x floor "
        f"(exact {r['n exact']:.0f}, fuzzy {r['n fuzzy']:.0f}, orphan {r['n orphan']:.0f})"
    )
    print(f"  with position hints: {r['hints']:.3f} s")
    print(
        f"  typo quotes ({r['typo count']:.0f}): marginal {r['per typo marginal'] * 1000:.2f} ms"
        f" each; alone in a batch {r['per typo alone'] * 1000:.2f} ms each"
    )


if __name__ == "__main__":
    main()
