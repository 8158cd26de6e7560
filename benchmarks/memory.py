"""Warm memory per annotation: what a loaded annotation costs once cached.

    python benchmarks/memory.py [--size-mb 5]

Writes a quote-only corpus (N MB, N * 10,000 claims) and the same article
with no annotations, fills the cache with one load of each, then loads each
again in a fresh process and reads its resident and peak memory (VmRSS,
VmHWM). The difference between the two, divided by the number of annotations,
is the cost of one annotation (target: at most 0.8 KB).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.timing import run_probe  # noqa: E402

PROBE = """
import json, sys
from pathlib import Path
from tui.core.model.corpus import load_corpus
corpus = load_corpus(Path(sys.argv[1]))
status = dict(line.split(':', 1) for line in open('/proc/self/status'))
kb = lambda key: int(status[key].split()[0])
count = sum(len(items) for items in corpus.annotations.values())
print(json.dumps({"rss": kb("VmRSS"), "peak": kb("VmHWM"), "count": count}))
"""


def probe(root: Path, env: dict[str, str]) -> dict[str, int]:
    return {key: int(value) for key, value in run_probe(PROBE, [str(root)], env, HERE.parent).items()}


def main() -> None:
    from benchmarks.coldload import write_quote_corpus

    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=5.0)
    args = parser.parse_args()
    count = int(args.size_mb * 10_000)
    with tempfile.TemporaryDirectory(prefix="crossread-memory-") as tmp:
        full, bare = Path(tmp) / "full", Path(tmp) / "bare"
        write_quote_corpus(full, int(args.size_mb * 1_000_000), count)
        write_quote_corpus(bare, int(args.size_mb * 1_000_000), 0)
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        env.pop("CROSSREAD_NO_CACHE", None)
        for root in (full, bare):
            probe(root, env)  # fills the cache
        with_notes, without = probe(full, env), probe(bare, env)
    per = (with_notes["rss"] - without["rss"]) * 1024 / with_notes["count"]
    per_peak = (with_notes["peak"] - without["peak"]) * 1024 / with_notes["count"]
    print(
        f"{with_notes['count']} annotations, warm: RSS {with_notes['rss'] / 1024:.0f} MB "
        f"(article alone {without['rss'] / 1024:.0f} MB), {per:.0f} bytes per annotation; "
        f"peak {per_peak:.0f} bytes per annotation (target <= 800)"
    )


if __name__ == "__main__":
    main()
