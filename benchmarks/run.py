"""Benchmarks: crossread against the floor and Textual's own widgets, in one run.

    python benchmarks/run.py            # all three scales, 5 paired runs each
    python benchmarks/run.py --quick    # under 3 minutes: the floor, the structure floor,
                                        # crossread's first paint, the smallest scale,
                                        # keys under run_test and in tmux at 1 MB
    python benchmarks/run.py --terminal-mb 16   # also keys in tmux at 16 MB (slow to load)

Prints one Markdown table and writes it, with the machine and date, to
benchmarks/RESULTS.md. Corpora are generated from a fixed seed in a temporary
folder, never in the repository.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import write_corpus  # noqa: E402
from benchmarks.terminal import percentiles  # noqa: E402

SCALES = [
    ("0.1 MB / 1k", 100_000, 1_000),
    ("1 MB / 10k", 1_000_000, 10_000),
    ("5 MB / 50k", 5_000_000, 50_000),
]
CAP = 60.0
CORE = "## Core load path"  # benchmarks/anchoring.py, coldload.py, memory.py, many.py
PRESSES = 50


# ------------------------------------------------------------------ processes


def run_process(cmd: list[str], env: dict[str, str], cap: float = CAP) -> tuple[float, float] | None:
    """Wall time and peak RSS (MB) of one process, or None past the cap."""
    rss_file = Path(tempfile.mkstemp(prefix="crossread-rss-")[1])
    env = dict(env, CROSSREAD_BENCH_RSS_FILE=str(rss_file))
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=ROOT
    )
    timer = threading.Timer(cap, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    try:
        peak_kb = int(rss_file.read_text() or 0)
    except (OSError, ValueError):
        peak_kb = 0
    rss_file.unlink(missing_ok=True)
    if elapsed >= cap or proc.returncode != 0:
        return None
    del usage  # ru_maxrss would include this (large) parent's memory from before exec
    return elapsed, peak_kb / 1024


def median_of(cmd: list[str], env: dict[str, str], runs: int) -> dict[str, Any]:
    results = [run_process(cmd, env) for _ in range(runs)]
    if any(r is None for r in results):
        return {"capped": True}
    return {
        "time": statistics.median(r[0] for r in results),  # type: ignore[index]
        "rss": statistics.median(r[1] for r in results),
    }  # type: ignore[index]


def paired(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, dict[str, Any]]:
    """Medians of `runs` rounds, each running every command once, the order
    rotated per round, so that a change in the machine's load hits them alike."""
    names = list(commands)
    results: dict[str, list[tuple[float, float] | None]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            results[name].append(run_process(commands[name], env))
    out: dict[str, dict[str, Any]] = {}
    for name, got in results.items():
        if any(r is None for r in got):
            out[name] = {"capped": True}
        else:
            out[name] = {
                "time": statistics.median(r[0] for r in got),  # type: ignore[index]
                "rss": statistics.median(r[1] for r in got),  # type: ignore[index]
            }
    return out


def first_paint(runs: int, corpora: dict[str, Path], quick: bool, bytecode: bool = True) -> dict[str, Any]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="crossread-cache-"))
    py = sys.executable
    commands = {
        "floor": [py, str(HERE / "floor.py")],
        "structure": [py, str(HERE / "floor.py"), "structure"],
        "bundled": [py, str(HERE / "paint.py")],
    }
    if bytecode:
        # As installed: pip compiles a package's modules once. Without this every run
        # compiles crossread's own ~100 modules (Textual's come compiled from the venv),
        # which the floors never pay. Kept in a private folder, never in the checkout.
        del env["PYTHONDONTWRITEBYTECODE"]
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="crossread-pycache-")
        for command in commands.values():
            run_process(command, env)  # writes the bytecode; not timed
    out: dict[str, Any] = paired(commands, env, runs)
    for label, path in corpora.items():
        cmd = [py, str(HERE / "paint.py"), str(path), "--open", "big", "partner"]
        if not quick:
            cold_env = dict(env, CROSSREAD_NO_CACHE="1")
            out[f"{label} cold"] = median_of(cmd, cold_env, 1)
        run_process([py, "-m", "tui", "check", str(path)], env)  # fill the cache
        out[f"{label} cached"] = median_of(cmd, env, runs)
        if quick:
            continue  # the peers take longest; the full run has them
        article = path / "articles" / "big.md"
        for peer in ("textarea", "markdown"):
            out[f"{label} {peer}"] = median_of([py, str(HERE / "peers.py"), peer, str(article)], env, 1)
    return out


# ------------------------------------------------------------------ key latency


class FrameClock:
    """Timestamps of displayed frames and the time spent producing them."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.frames: list[float] = []
        self.update_work = 0.0
        original_display = app._display

        def display(screen: Any, renderable: Any) -> None:
            began = time.perf_counter()
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)  # what a terminal would be sent
            original_display(screen, renderable)
            now = time.perf_counter()
            self.update_work += now - began
            if renderable is not None:
                self.frames.append(now)

        app._display = display

    def watch_screen(self, screen: Any) -> None:
        original = screen._compositor_refresh

        def refresh() -> None:
            began = time.perf_counter()
            original()
            self.update_work += time.perf_counter() - began

        screen._compositor_refresh = refresh


async def measure_keys(
    app: Any, presses: list[tuple[str, list[str]]], size: tuple[int, int] = (160, 50), count: int = PRESSES
) -> dict[str, tuple[float, ...]]:
    """For each key: p50/p95 of press-to-frame and of screen-update work (ms)."""
    results: dict[str, tuple[float, ...]] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        clock.watch_screen(app.screen)
        for key, before in presses:
            latencies: list[float] = []
            work: list[float] = []
            for _ in range(count):
                for setup in before:
                    await pilot.press(setup)
                await pilot.pause()
                clock.frames.clear()
                clock.update_work = 0.0
                started = time.perf_counter()
                await pilot.press(key)
                deadline = started + 5
                while not clock.frames and time.perf_counter() < deadline:
                    await asyncio.sleep(0)
                if clock.frames:
                    latencies.append((clock.frames[0] - started) * 1000)
                    work.append(clock.update_work * 1000)
                if time.perf_counter() - started > CAP:
                    break
            results[key] = (*percentiles(latencies), *percentiles(work))
    return results


def key_latency(corpora: dict[str, Path], count: int = PRESSES, peers: bool = True) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Log, TextArea

    from tui.ui.app import CrossreadApp

    out: dict[str, Any] = {}
    for label, path in corpora.items():
        text = (path / "articles" / "big.md").read_text(encoding="utf-8")

        class FloorScroll(App[None]):
            def compose(self) -> ComposeResult:
                log = Log()
                log.write_lines(text.splitlines())  # noqa: B023 - used within the iteration
                yield log

        class TextAreaPeer(App[None]):
            def compose(self) -> ComposeResult:
                yield TextArea(text, read_only=True)  # noqa: B023

        out[f"{label} floor"] = asyncio.run(measure_keys(FloorScroll(), [("pagedown", [])], count=count))
        app = CrossreadApp(path, ["big", "partner"], author="bench")
        out[f"{label} crossread"] = asyncio.run(
            measure_keys(
                app,
                [
                    ("pagedown", []),
                    ("right_square_bracket", []),
                    ("j", []),
                    ("enter", ["right_curly_bracket"]),
                ],
                count=count,
            )
        )
        if peers:
            out[f"{label} textarea"] = asyncio.run(
                measure_keys(TextAreaPeer(), [("pagedown", [])], count=count)
            )
    return out


# ------------------------------------------------------------------ load costs


def load_costs(corpora: dict[str, Path]) -> dict[str, Any]:
    from benchmarks.synth import article_text, quotes
    from tui.core.document.anchoring import TextIndex, resolve_all
    from tui.core.files import yamlio
    from tui.core.model.annotations import Anchor

    out: dict[str, Any] = {}
    for label, path in corpora.items():
        data = (path / "annotations" / "big.yaml").read_text(encoding="utf-8")
        began = time.perf_counter()
        yamlio.load(data)
        out[f"{label} yaml"] = time.perf_counter() - began
    for label, size, count in SCALES:
        if label not in corpora:
            continue
        text = article_text(size)
        picked = quotes(text, count)
        for hinted in (True, False):
            anchors = [Anchor(q, start=s if hinted else None) for q, s, _ in picked]
            began = time.perf_counter()
            resolve_all(TextIndex(text), anchors)
            out[f"{label} anchor {'hints' if hinted else 'quotes'}"] = time.perf_counter() - began
        # What the typo quotes add to the batch, per typo quote.
        clean = [Anchor(q) for q, _, typo in picked if not typo]
        began = time.perf_counter()
        resolve_all(TextIndex(text), clean)
        rest = time.perf_counter() - began
        typos = len(picked) - len(clean)
        out[f"{label} fuzzy per typo"] = (
            max(0.0, out[f"{label} anchor quotes"] - rest) / typos if typos else 0.0
        )
    return out


# ------------------------------------------------------------------ report


def fmt_s(value: Any) -> str:
    if not isinstance(value, dict):
        return "-"
    if value.get("capped"):
        return f"capped at {CAP:.0f} s"
    return f"{value['time']:.2f} s"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def report(
    paint: dict[str, Any],
    keys: dict[str, Any],
    loads: dict[str, Any],
    labels: list[str],
    terminal: dict[str, Any] | None = None,
) -> str:
    floor = paint["floor"]
    floor_t, floor_rss = floor.get("time", float("nan")), floor.get("rss", float("nan"))
    rows = [
        "| measure | crossread | ratio to floor | floor | peers | target | result |",
        "|---|---|---|---|---|---|---|",
    ]

    def ratio(value: Any) -> float | None:
        if isinstance(value, dict) and "time" in value:
            return value["time"] / floor_t
        return None

    structure = paint.get("structure", {})
    rs = ratio(structure)
    rows.append(
        f"| structure floor: crossread's widget tree, dummy text | {fmt_s(structure)} | "
        f"{rs:.2f}× | {floor_t:.2f} s | | - | what Textual charges for the layout |"
        if rs is not None
        else f"| structure floor | {fmt_s(structure)} | | | | - | |"
    )
    bundled = paint["bundled"]
    r = ratio(bundled)
    over_structure = (
        f"; {bundled['time'] / structure['time']:.2f}× the structure floor"
        if r is not None and rs is not None
        else ""
    )
    rows.append(
        f"| first paint, bundled corpus | {fmt_s(bundled)} | "
        f"{r:.2f}×{over_structure} | {floor_t:.2f} s | | ≤ 1.5× | {verdict(r is not None and r <= 1.5)} |"
    )
    targets = {"1 MB / 10k": 1.3, "5 MB / 50k": 1.5, "0.1 MB / 1k": None}
    for label in labels:
        cached, cold = paint.get(f"{label} cached"), paint.get(f"{label} cold")
        peers = (
            f"TextArea {fmt_s(paint.get(f'{label} textarea'))}, "
            f"Markdown {fmt_s(paint.get(f'{label} markdown'))}"
            if f"{label} textarea" in paint
            else ""
        )
        target = targets.get(label)
        rc = ratio(cached)
        result = verdict(None if target is None or rc is None else rc <= target)
        rows.append(
            f"| first paint, {label}, cached | {fmt_s(cached)} | "
            f"{rc:.2f}× | {floor_t:.2f} s | {peers} | "
            f"{f'≤ {target:.1f}×' if target else '-'} | {result} |"
        )
        rcold = ratio(cold)
        if cold is not None:
            rows.append(
                f"| first paint, {label}, no cache | {fmt_s(cold)} | {rcold:.2f}× | | | - | |"
                if rcold
                else f"| first paint, {label}, no cache | {fmt_s(cold)} | | | | - | |"
            )
        if isinstance(cached, dict) and "rss" in cached:
            rss_ratio = cached["rss"] / floor_rss
            target_ok = rss_ratio <= 2.5 if label == "5 MB / 50k" else None
            rows.append(
                f"| peak RSS, {label} | {cached['rss']:.0f} MB | {rss_ratio:.2f}× | "
                f"{floor_rss:.0f} MB | | {'≤ 2.5×' if label == '5 MB / 50k' else '-'} | "
                f"{verdict(target_ok)} |"
            )
    for label in labels:
        ours = keys.get(f"{label} crossread", {})
        floor_scroll = keys.get(f"{label} floor", {}).get("pagedown")
        peer = keys.get(f"{label} textarea", {}).get("pagedown")
        for key, name in (
            ("pagedown", "page down"),
            ("right_square_bracket", "] next annotation"),
            ("j", "j"),
            ("enter", "contradiction jump across panes"),
        ):
            if key not in ours:
                continue
            p50, p95, w50, w95 = ours[key]
            target_ok = None
            ratio_text = ""
            if floor_scroll:
                ratio_text = f"{p95 / floor_scroll[1]:.2f}× (p95)"
                if label == "5 MB / 50k":
                    target_ok = p95 <= 1.2 * floor_scroll[1]
            peer_text = f"TextArea p95 {peer[1]:.1f} ms" if peer and key == "pagedown" else ""
            floor_text = f"Log p95 {floor_scroll[1]:.1f} ms" if floor_scroll else ""
            rows.append(
                f"| key {name}, {label}: press to frame p50/p95 | {p50:.1f} / {p95:.1f} ms "
                f"| {ratio_text} | {floor_text} | {peer_text} | "
                f"{'≤ 1.2× floor scroll' if label == '5 MB / 50k' else '-'} | "
                f"{verdict(target_ok)} |"
            )
            rows.append(
                f"| key {name}, {label}: screen-update work p50/p95 | {w50:.1f} / "
                f"{w95:.1f} ms | | | | ≤ 25 ms | {verdict(w95 <= 25)} |"
            )
    for label in labels:
        y = loads.get(f"{label} yaml")
        if y is not None:
            rows.append(f"| YAML load of the annotation file, {label} | {y:.2f} s | | | | - | |")
        hints, plain = loads.get(f"{label} anchor hints"), loads.get(f"{label} anchor quotes")
        fuzzy = loads.get(f"{label} fuzzy per typo")
        big = label == "5 MB / 50k"
        if hints is not None:
            rows.append(
                f"| anchoring, {label}, with position hints | {hints:.3f} s | | | | "
                f"{'≤ 0.2 s' if big else '-'} | {verdict(hints <= 0.2 if big else None)} |"
            )
            rows.append(
                f"| anchoring, {label}, quotes only | {plain:.3f} s | | | | "
                f"{'≤ 1.5× one pyahocorasick pass (see below)' if big else '-'} | |"
            )
            rows.append(
                f"| fuzzy anchoring per typo quote, {label} | {fuzzy * 1000:.2f} ms | | | | "
                f"< 1 ms | {verdict(fuzzy < 0.001)} |"
            )
    for label, results in (terminal or {}).items():
        for result in results:
            f50, f95 = percentiles(result.first)
            s50, s95 = percentiles(result.settled)
            if label == "floor":
                rows.append(
                    f"| tmux floor: send-keys to `cat`, key to first byte p50/p95 | {f50:.1f} / {f95:.1f} ms "
                    "| | | | - | |"
                )
                continue
            at_target = label.startswith("16 MB")  # the target is set at 16 MB
            rows.append(
                f"| key {result.label} in tmux, {label}: to first byte p50/p95 (settled p50/p95) | "
                f"{f50:.1f} / {f95:.1f} ms ({s50:.0f} / {s95:.0f} ms) | | | | "
                f"{'≤ 30 ms p95' if at_target else '- (≤ 30 ms p95 at 16 MB)'} | "
                f"{verdict(f95 <= 30 if at_target else None)} |"
            )
    return "\n".join(rows)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, Textual {textual.__version__}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="under 3 minutes: the smallest scale, 3 paired runs, 15 presses, no peers, keys in tmux at 1 MB",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-bytecode",
        dest="bytecode",
        action="store_false",
        help="compile crossread's modules in every run (as with PYTHONDONTWRITEBYTECODE=1, which this "
        "sandbox sets); by default they are compiled once, as on a user's machine",
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--terminal-mb", type=float, help="also keys in tmux at this size (benchmarks/terminal.py; quick: 1)"
    )
    args = parser.parse_args()
    scales = SCALES[:1] if args.quick else SCALES
    runs = 3 if args.quick else args.runs
    presses = 15 if args.quick else PRESSES
    terminal_mb = args.terminal_mb if args.terminal_mb is not None else (1.0 if args.quick else 0.0)
    began = time.perf_counter()

    def phase(name: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {name}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="crossread-bench-") as tmp:
        corpora = {}
        for label, size, count in scales:
            folder = Path(tmp) / label.split()[0].replace(".", "_")
            write_corpus(folder, size, count)
            corpora[label] = folder
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "cache"))
        os.environ.setdefault("XDG_DATA_HOME", str(Path(tmp) / "data"))
        phase("first paint")
        paint = first_paint(runs, corpora, args.quick, args.bytecode)
        phase("keys under run_test")
        keys = key_latency(corpora, count=presses, peers=not args.quick)
        phase("load costs")
        loads = load_costs(corpora)
        terminal: dict[str, Any] = {}
        if terminal_mb > 0 and shutil.which("tmux"):
            phase(f"keys in tmux at {terminal_mb:g} MB")
            from benchmarks.terminal import run as run_terminal

            terminal = run_terminal(
                terminal_mb,
                10 if args.quick else 30,
                bundled=False,
                out=lambda line: print(line, file=sys.stderr),
            )
        phase("done")
    table = report(paint, keys, loads, list(corpora), terminal)
    print(table)
    print(f"\nload average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.no_write and not args.quick:
        stamp = time.strftime("%Y-%m-%d", time.gmtime())
        results = HERE / "RESULTS.md"
        # Sections written by hand or by the other benchmarks (from CORE on) stay.
        old = results.read_text(encoding="utf-8") if results.exists() else ""
        kept = old[old.index(CORE) :] if CORE in old else ""
        results.write_text(
            f"# Benchmark results\n\nMeasured {stamp} on {machine()}.\n"
            f"Medians of {runs} paired runs for first paint; {presses} presses per key.\n\n"
            f"{table}\n" + (f"\n{kept}" if kept else ""),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
