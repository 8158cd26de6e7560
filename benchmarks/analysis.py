"""Speed and memory of the analysis (issue 15): the bundled corpus and a
synthetic corpus of a given size.

    python benchmarks/analysis.py [--size-mb 5] [--articles 2]

Targets from the issue: under 1 s for the bundled corpus, under 10 s for the
5 MB corpus, memory within 2x of loading the corpus without analysis.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import article_text  # noqa: E402
from tui.core.analysis import Document, analyse_document, suggest, suggest_corpus  # noqa: E402
from tui.core.model.corpus import bundled_corpus, load_corpus  # noqa: E402


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bundled() -> None:
    began = time.perf_counter()
    corpus = load_corpus(bundled_corpus())
    loaded = time.perf_counter()
    found = suggest_corpus(corpus)
    first = time.perf_counter()
    suggest_corpus(corpus)
    second = time.perf_counter()
    print(
        f"bundled corpus: load {loaded - began:.3f} s; analysis first run {first - loaded:.3f} s "
        f"(includes importing dateparser and text2num), again {second - first:.3f} s; "
        f"{len(found)} suggestions"
    )


def synthetic(size_mb: float, articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "articles").mkdir()
        each = int(size_mb * 1_000_000 / articles)
        for n in range(articles):
            (root / "articles" / f"synth{n}.md").write_text(
                article_text(each, seed=7 + n, markdown=True), encoding="utf-8"
            )
        before = _rss_mb()
        began = time.perf_counter()
        corpus = load_corpus(root)
        loaded = time.perf_counter()
        after_load = _rss_mb()
        docs = [Document(a.id, a.text, None, "de") for a in corpus.articles.values()]
        t0 = time.perf_counter()
        analyses = [analyse_document(d) for d in docs]
        extracted = time.perf_counter()
        figures = sum(len(a.figures) for a in analyses)
        events = sum(len(a.events) for a in analyses)
        found = suggest(docs, analyses=analyses)
        del analyses
        done = time.perf_counter()
        after = _rss_mb()
        chars = sum(len(d.text) for d in docs)
        print(
            f"synthetic {chars / 1e6:.1f} MB in {articles} articles: load {loaded - began:.2f} s; "
            f"extraction {extracted - t0:.2f} s ({figures} figures, {events} dated events); "
            f"whole analysis {done - extracted:.2f} s; {len(found)} suggestions; "
            f"RSS {before:.0f} MB before, {after_load:.0f} MB loaded, {after:.0f} MB after analysis "
            f"({(after - before) / max(1.0, after_load - before):.2f}x the corpus's own growth)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--articles", type=int, default=2)
    args = parser.parse_args()
    bundled()
    synthetic(args.size_mb, args.articles)


if __name__ == "__main__":
    main()
