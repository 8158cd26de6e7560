"""Cold `crossread check` against the inherent cost of the same inputs, in one run.

    python benchmarks/coldload.py [--sizes 1,5,16] [--runs 1] [--profile 5]

Each corpus is one Markdown article of N MB with N * 10,000 quote-only claims
(1% with a typo). The inherent cost is what any reader of these files must
pay: libyaml's C loader on the annotation file, markdown-it-py on the article,
and one pyahocorasick pass over the quotes. `check` runs as a process with a
fresh cache folder each time. Targets: check within 1.3x of the inherent cost
at 16 MB, and its time per MB at 16 MB within 1.2x of that at 1 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.synth import _yaml_quote, article_text  # noqa: E402
from benchmarks.timing import time_check  # noqa: E402


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


def inherent(root: Path) -> float:
    """libyaml C loader + markdown-it-py + one Aho-Corasick pass, in this process."""
    import ahocorasick
    import yaml
    from markdown_it import MarkdownIt

    began = time.perf_counter()
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
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,5,16")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--profile", type=float, default=0.0, help="also print a cProfile of the load at this size (MB)"
    )
    args = parser.parse_args()
    per_mb: dict[float, float] = {}
    with tempfile.TemporaryDirectory(prefix="crossread-coldload-") as tmp:
        for size in [float(s) for s in args.sizes.split(",")]:
            root = Path(tmp) / f"c{size}"
            write_quote_corpus(root, int(size * 1_000_000), int(size * 10_000))
            floor_t, check_t = [], []
            for _ in range(args.runs):  # paired: the same load hits both
                floor_t.append(inherent(root))
                check_t.append(time_check(root, tempfile.mkdtemp(prefix="crossread-cold-")))
            f, c = statistics.median(floor_t), statistics.median(check_t)
            per_mb[size] = c / size
            print(
                f"{size:g} MB / {int(size * 10)}k claims: check cold {c:.2f} s, inherent "
                f"{f:.2f} s, ratio {c / f:.2f}x, {c / size:.2f} s per MB",
                flush=True,
            )
            if args.profile == size:
                _profile(root)
    if len(per_mb) > 1:
        small, large = min(per_mb), max(per_mb)
        print(f"time per MB at {large:g} MB / at {small:g} MB: {per_mb[large] / per_mb[small]:.2f}x")


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
