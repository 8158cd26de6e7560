"""Cold `crossread check` against the inherent cost of the same inputs, in one run.

    python benchmarks/coldload.py [--sizes 1,5,16] [--runs 1] [--profile 5]

Each corpus is one Markdown article of N MB with N * 10,000 quote-only claims
(1% with a typo). The inherent cost is what any reader of these files must
pay: libyaml's C loader on the annotation file, markdown-it-py on the article,
and one pyahocorasick pass over the quotes. `check` runs as a process with a
fresh cache folder each time. Targets: check within 1.3x of the inherent cost
at 16 MB, and its time per MB at 16 MB within 1.2x of that at 1 MB.

Both sides are timed in wall time and in CPU time (the check process's user +
system time, the inherent cost's process time): on a shared machine the CPU
times move far less, so both ratios are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.synth import _yaml_quote, article_text  # noqa: E402
from benchmarks.timing import check_times  # noqa: E402


def write_quote_corpus(root: Path, size: int, count: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    markdown = article_text(size, seed, markdown=True)
    (root / "articles" / "big.md").write_text(markdown, encoding="utf-8")
    from tui.core.files.article import load_article

    os.environ["CROSSREAD_NO_CACHE"] = "1"
    text = load_article(root / "articles" / "big.md")[0].text
    del os.environ["CROSSREAD_NO_CACHE"]
    spaces = [i for i, c in enumerate(text) if c == " "]
    lines = ["version: 1", "annotations:"]
    for n in range(count):
        start = rng.choice(spaces) + 1
        quote = text[start : start + rng.randint(15, 70)].split("\n")[0]
        if len(quote) < 8:
            quote = text[start : start + 8]
        if rng.random() < 0.01 and len(quote) > 20:
            i = rng.randint(5, len(quote) - 6)
            quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2 :]
        lines += [f"  - id: c{n}", "    kind: claim", f"    quote: {_yaml_quote(quote)}"]
    (root / "annotations" / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def inherent(root: Path) -> tuple[float, float]:
    """libyaml C loader + markdown-it-py + one Aho-Corasick pass, in this process:
    (wall, CPU) seconds."""
    import ahocorasick
    import yaml
    from markdown_it import MarkdownIt

    began, began_cpu = time.perf_counter(), time.process_time()
    data = yaml.load((root / "annotations" / "big.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    source = (root / "articles" / "big.md").read_text(encoding="utf-8")
    MarkdownIt("commonmark").parse(source)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number, item in enumerate(data["annotations"]):
        automaton.add_word(item["quote"], number)
    automaton.make_automaton()
    hits: list[list[int]] = [[] for _ in data["annotations"]]
    for end, number in automaton.iter(source):
        hits[number].append(end)
    return time.perf_counter() - began, time.process_time() - began_cpu


def cold_check(root: Path, tree: Path = HERE.parent) -> tuple[float, float]:
    """One cold `crossread check` (fresh cache) of the code in `tree`: (wall, CPU) seconds."""
    cache = tempfile.mkdtemp(prefix="crossread-cold-")
    try:
        return check_times(root, cache, tree)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,5,16")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--profile", type=float, default=0.0, help="also print a cProfile of the load at this size (MB)"
    )
    parser.add_argument(
        "--before", type=Path, help="a checkout of other code (git archive) timed in the same runs, in turn"
    )
    args = parser.parse_args()
    per_mb: dict[str, dict[float, float]] = {"wall": {}, "cpu": {}}
    trees = {"check": HERE.parent} | ({"before": args.before} if args.before else {})
    with tempfile.TemporaryDirectory(prefix="crossread-coldload-") as tmp:
        for size in [float(s) for s in args.sizes.split(",")]:
            root = Path(tmp) / f"c{size}"
            write_quote_corpus(root, int(size * 1_000_000), int(size * 10_000))
            times: dict[str, list[tuple[float, float]]] = {"inherent": []} | {name: [] for name in trees}
            for _ in range(args.runs):  # paired: the same load hits all, in turn
                times["inherent"].append(inherent(root))
                for name, tree in trees.items():
                    times[name].append(cold_check(root, tree))
            med = {
                name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
                for name, runs in times.items()
            }
            (fw, fc), (cw, cc) = med["inherent"], med["check"]
            per_mb["wall"][size], per_mb["cpu"][size] = cw / size, cc / size
            print(
                f"{size:g} MB / {int(size * 10)}k claims, medians of {args.runs}: inherent {fw:.2f} s "
                f"(CPU {fc:.2f}); check cold {cw:.2f} s = {cw / fw:.2f}x, {cw / size:.2f} s/MB "
                f"(CPU {cc:.2f} s = {cc / fc:.2f}x, {cc / size:.2f} s/MB)",
                flush=True,
            )
            if "before" in med:
                bw, bc = med["before"]
                print(
                    f"  before: {bw:.2f} s = {bw / fw:.2f}x (CPU {bc:.2f} s = {bc / fc:.2f}x)",
                    flush=True,
                )
            if args.profile == size:
                _profile(root)
    if len(per_mb["wall"]) > 1:
        small, large = min(per_mb["wall"]), max(per_mb["wall"])
        wall, cpu = (per_mb[k][large] / per_mb[k][small] for k in ("wall", "cpu"))
        print(f"time per MB at {large:g} MB / at {small:g} MB: {wall:.2f}x (CPU {cpu:.2f}x)")


def _profile(root: Path) -> None:
    import cProfile
    import pstats

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="crossread-prof-")
    from tui.core.model.corpus import load_corpus

    cProfile.runctx(
        "load_corpus(root)",
        globals(),
        {"root": root, "load_corpus": load_corpus},
        "/tmp/crossread-coldload.prof",
    )
    pstats.Stats("/tmp/crossread-coldload.prof").sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
