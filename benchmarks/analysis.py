"""Speed and memory of the analysis (issue 15): the bundled corpus and a
synthetic corpus of a given size.

    python benchmarks/analysis.py [--size-mb 5] [--articles 2] [--memory-runs 3]

Targets from the issue: under 1 s for the bundled corpus, under 10 s for the
5 MB corpus, memory within 2x of loading the corpus without analysis.

Memory is measured in fresh processes, the median of `--memory-runs` each:
one loads the corpus (the reader without analysis), the other loads it and
keeps what the reader keeps of the analysis, the suggestions. Both report
resident (VmRSS) and peak (VmHWM) memory; RSS seldom shrinks after a peak,
so what the analysis holds while it runs counts too.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synth import article_text  # noqa: E402
from benchmarks.timing import run_probe  # noqa: E402
from tui.core.analysis import Document, suggest, suggest_corpus  # noqa: E402
from tui.core.analysis.workers import analyse_all, cores  # noqa: E402
from tui.core.model.corpus import bundled_corpus, load_corpus  # noqa: E402


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import gc, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from tui.core.model.corpus import load_corpus
corpus = load_corpus(Path(sys.argv[1]))
if sys.argv[4] == "ui":
    import textual.app, textual.widgets, rich.text  # the reader's libraries, loaded, not running
kept = []
if sys.argv[2] == "analysis":
    from tui.core.analysis import suggest_corpus
    kept = suggest_corpus(corpus)
gc.collect()
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
kb = lambda key: int(status[key].split()[0])
print(json.dumps({"rss": kb("VmRSS"), "peak": kb("VmHWM"), "kept": len(kept)}))
"""


READER_PROBE = """
import asyncio, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from tui.ui.app import CrossreadApp
CrossreadApp.run_analysis = sys.argv[2] == "analysis"
app = CrossreadApp(Path(sys.argv[1]), [])
async def run():
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        kb = lambda key: int(status[key].split()[0])
        return {"rss": kb("VmRSS"), "peak": kb("VmHWM"), "kept": len(app.reader.suggestions.all)}
print(json.dumps(asyncio.run(run())))
"""


def reader_memory(root: Path, runs: int, env: dict[str, str]) -> None:
    """The reader itself, running (headless, 200x50) on the corpus with and without
    the analysis, until every worker is done: what the target speaks of."""
    rows: dict[str, list[dict[str, int]]] = {"plain": [], "analysis": []}
    for _ in range(runs):
        for mode in rows:
            found = run_probe(READER_PROBE, [str(root), mode, str(ROOT)], env, ROOT)
            rows[mode].append({key: int(value) for key, value in found.items()})
    mb = {(m, k): statistics.median(r[k] for r in rows[m]) / 1024 for m in rows for k in ("rss", "peak")}
    print(
        f"memory, the reader running, median of {runs} fresh processes: without analysis RSS "
        f"{mb['plain', 'rss']:.0f} MB (peak {mb['plain', 'peak']:.0f} MB); with analysis RSS "
        f"{mb['analysis', 'rss']:.0f} MB (peak {mb['analysis', 'peak']:.0f} MB), "
        f"{rows['analysis'][0]['kept']} suggestions; {mb['analysis', 'rss'] / mb['plain', 'rss']:.2f}x RSS, "
        f"{mb['analysis', 'peak'] / mb['plain', 'peak']:.2f}x peak (target <= 2x)"
    )


def _probe(root: Path, mode: str, env: dict[str, str], ui: str = "core") -> dict[str, int]:
    found = run_probe(PROBE, [str(root), mode, str(ROOT), ui], env, ROOT)
    return {key: int(value) for key, value in found.items()}


def memory(root: Path, runs: int) -> None:
    """Median RSS and peak of the reader's load with and without the analysis:
    with the core alone, and with the reader's UI libraries imported as well."""
    with tempfile.TemporaryDirectory(prefix="crossread-analysis-memory-") as cache:
        env = dict(os.environ, XDG_CACHE_HOME=cache)
        _probe(root, "plain", env)  # fills the cache, as a second open of the reader would find it
        rows: dict[tuple[str, str], list[dict[str, int]]] = {}
        for _ in range(runs):
            for ui in ("core", "ui"):
                for mode in ("plain", "analysis"):
                    rows.setdefault((ui, mode), []).append(_probe(root, mode, env, ui))
        reader_memory(root, runs, env)
    for ui, label in (("core", "core only"), ("ui", "with textual and rich imported")):
        mb = {
            (mode, key): statistics.median(r[key] for r in rows[ui, mode]) / 1024
            for mode in ("plain", "analysis")
            for key in ("rss", "peak")
        }
        print(
            f"memory, {label}, median of {runs} fresh processes: without analysis RSS "
            f"{mb['plain', 'rss']:.0f} MB (peak {mb['plain', 'peak']:.0f} MB); with analysis RSS "
            f"{mb['analysis', 'rss']:.0f} MB (peak {mb['analysis', 'peak']:.0f} MB), "
            f"{rows[ui, 'analysis'][0]['kept']} suggestions kept; "
            f"{mb['analysis', 'rss'] / mb['plain', 'rss']:.2f}x RSS, "
            f"{mb['analysis', 'peak'] / mb['plain', 'peak']:.2f}x peak (target <= 2x)"
        )


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


def synthetic(size_mb: float, articles: int, memory_runs: int) -> None:
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
        found = suggest(docs)  # as the reader and `crossread suggest` run it
        done = time.perf_counter()
        after = _rss_mb()
        t1 = time.perf_counter()
        analyses, _ = analyse_all(docs, workers=1)
        alone = time.perf_counter() - t1
        figures = sum(len(a.figures) for a in analyses)
        events = sum(len(a.events) for a in analyses)
        del analyses
        chars = sum(len(d.text) for d in docs)
        print(
            f"synthetic {chars / 1e6:.1f} MB in {articles} articles: load {loaded - began:.2f} s; "
            f"whole analysis {done - t0:.2f} s on {cores()} cores, {len(found)} suggestions "
            f"(its extraction in one process alone: {alone:.2f} s, {figures} figures, {events} dated "
            f"events); RSS {before:.0f} MB before, {after_load:.0f} MB loaded, {after:.0f} MB after analysis "
            f"({(after - before) / max(1.0, after_load - before):.2f}x the corpus's own growth)"
        )
        del found, docs, corpus
        if memory_runs:
            memory(root, memory_runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--articles", type=int, default=2)
    parser.add_argument("--memory-runs", type=int, default=3, help="fresh processes per median (0: skip)")
    args = parser.parse_args()
    bundled()
    synthetic(args.size_mb, args.articles, args.memory_runs)


if __name__ == "__main__":
    main()
