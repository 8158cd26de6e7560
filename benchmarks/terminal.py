"""Keys in a real terminal: key press to first output byte, crossread in tmux.

    python benchmarks/terminal.py [--size 16] [--presses 30] [--no-bundled]

Generates a SIZE MB article with SIZE x 10k annotations and a partner article
with 200 contradictions between the two (benchmarks/synth.py), starts
`crossread CORPUS --open big partner` in a detached tmux session (private socket,
160x50, private HOME and XDG folders), waits until the annotations are loaded and
the analysis is done, then for each key sends it with `tmux send-keys` and takes
the time from just before send-keys to the first byte crossread writes after it
(`tmux pipe-pane -O` into a FIFO, read and timestamped in a thread). It also
reports the time to the last byte of the burst (output quiet for GAP, 250 ms):
*settled*; each press waits for such a quiet gap first. The floor is the same
path to a pane running `cat` (the tty's echo): what tmux and send-keys cost.
The same is done on the bundled corpus for reference.
Target (issue 12): each key <= 30 ms p95 at 16 MB.

`Terminal` is used by benchmarks/many.py (articles list and picker) and run.py.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

SIZE = (160, 50)
GAP = 0.25  # seconds without output that end a key's burst of frames (and come before a press)
KEY_TIMEOUT = 5.0
VERBOSE = False  # --verbose: each press's time, not only the percentiles
GC_LOG_PATH: Path | None = None

# (label, tmux keys to measure, tmux keys sent before each press, not timed)
TEXT_KEYS: list[tuple[str, list[str], list[str]]] = [
    ("]", ["]"], []),
    ("[", ["["], []),
    ("}", ["}"], []),
    ("{", ["{"], []),
    ("PgDn", ["NPage"], []),
    ("enter (follow)", ["Enter"], ["}"]),
]


def percentiles(values: Sequence[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


@dataclass
class KeyResult:
    label: str
    first: list[float] = field(default_factory=list)  # ms to the first byte
    settled: list[float] = field(default_factory=list)  # ms to the last byte of the burst
    send: list[float] = field(default_factory=list)  # ms the send-keys process took
    at: list[float] = field(default_factory=list)  # time.monotonic() of each press
    missed: int = 0  # presses with no output within KEY_TIMEOUT

    def add(self, got: tuple[float, float, float, float] | None) -> None:
        """One press as `Terminal.press` measured it (None: no output)."""
        if got is None:
            self.missed += 1
            return
        self.first.append(got[0])
        self.settled.append(got[1])
        self.send.append(got[2])
        self.at.append(got[3])

    def line(self) -> str:
        f50, f95 = percentiles(self.first)
        s50, s95 = percentiles(self.settled)
        k50, _ = percentiles(self.send)
        missed = f", {self.missed} without output" if self.missed else ""
        return (
            f"{self.label:<16} first byte p50 {f50:6.1f} / p95 {f95:6.1f} ms · "
            f"settled p50 {s50:6.1f} / p95 {s95:6.1f} ms · send-keys {k50:4.1f} ms "
            f"(n={len(self.first)}{missed})"
        )

    def presses(self) -> str:
        """Each press: its index, when (monotonic s) and ms to the first byte."""
        return "    " + " ".join(
            f"#{n}@{at:.2f}:{ms:.1f}" for n, (at, ms) in enumerate(zip(self.at, self.first, strict=True))
        )


class Terminal:
    """One program in a detached tmux session, its output timestamped per chunk."""

    def __init__(
        self, command: Sequence[str], env: dict[str, str], size: tuple[int, int] = SIZE, cwd: Path = ROOT
    ) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="crossread-term-"))
        self.socket = f"bench-{os.getpid()}-{id(self) & 0xFFFF:x}"
        self.target = "bench"
        self.tmux = shutil.which("tmux") or "tmux"
        fifo = self.tmp / "out.fifo"
        os.mkfifo(fifo)
        self._fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # never blocks, never sees EOF
        self.chunks: list[tuple[float, int]] = []
        self._cond = threading.Condition()
        self._stop = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        width, height = size
        script = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        shell = f"exec env {script} {shlex.join(command)}"
        self._tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            self.target,
            "-c",
            str(cwd),
            "-x",
            str(width),
            "-y",
            str(height),
            shell,
            ";",
            "set-option",
            "-g",
            "status",
            "off",
            ";",
            "pipe-pane",
            "-O",
            "-t",
            self.target,
            f"cat > {shlex.quote(str(fifo))}",
        )

    def _tmux(self, *args: str) -> str:
        out = subprocess.run(
            [self.tmux, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return out.stdout

    def _read(self) -> None:
        while not self._stop:
            ready, _, _ = select.select([self._fd], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                continue
            except OSError:
                return
            now = time.monotonic()
            with self._cond:
                self.chunks.append((now, len(data)))
                self._cond.notify_all()

    def capture(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.target)

    def wait_for(self, ready: Callable[[str], bool], timeout: float, poll: float = 0.25) -> str | None:
        """The screen once `ready(screen)`, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.capture()
            if ready(screen):
                return screen
            time.sleep(poll)
        return None

    def wait_quiet(self, gap: float | None = None, timeout: float = 10.0) -> bool:
        """Wait until nothing was written for gap seconds (default GAP)."""
        gap = GAP if gap is None else gap
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                now = time.monotonic()
                last = self.chunks[-1][0] if self.chunks else 0.0
                left = gap - (now - last)
                if left <= 0:
                    return True
                if now >= deadline:
                    return False
                self._cond.wait(min(left, deadline - now))

    def wait_next_chunk(self, timeout: float) -> bool:
        with self._cond:
            count = len(self.chunks)
            return self._cond.wait_for(lambda: len(self.chunks) > count, timeout)

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.target, *keys)

    def press(
        self, keys: Sequence[str], after_blink: bool = False
    ) -> tuple[float, float, float, float] | None:
        """(first byte, settled, send-keys) in ms for one key and when it was sent
        (time.monotonic()), or None without output.

        after_blink: a blinking cursor writes every 0.5 s by itself; press right
        after one of its writes so that the next one comes long after the answer."""
        self.wait_quiet()
        if after_blink:
            self.wait_next_chunk(0.7)
            self.wait_quiet(0.01)
        with self._cond:
            count = len(self.chunks)
        began = time.monotonic()
        self.send(*keys)
        sent = time.monotonic()
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.chunks) > count, KEY_TIMEOUT):
                return None
            first = self.chunks[count][0]
        self.wait_quiet()
        with self._cond:
            last = self.chunks[-1][0]
        return (first - began) * 1000, (last - began) * 1000, (sent - began) * 1000, began

    def measure(
        self,
        label: str,
        keys: Sequence[str],
        presses: int,
        before: Sequence[str] = (),
        after_blink: bool = False,
    ) -> KeyResult:
        result = KeyResult(label)
        for _ in range(presses):
            if before:
                self.wait_quiet()
                self.send(*before)
            result.add(self.press(keys, after_blink))
        return result

    def close(self) -> None:
        self._tmux("kill-server")
        self._stop = True
        self._reader.join(timeout=1)
        os.close(self._fd)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


GC_LOG = """\
import gc, os, time
_log = open(os.environ["CROSSREAD_GC_LOG"], "a", buffering=1)
_began = [0.0]
def _gc(phase, info):
    now = time.monotonic()
    if phase == "start":
        if info["generation"] == 2:  # what a full pass scans: how many, of which types
            kinds = {}
            for o in gc.get_objects(2):
                kinds[type(o).__name__] = kinds.get(type(o).__name__, 0) + 1
            top = sorted(kinds.items(), key=lambda kv: -kv[1])[:12]
            _log.write(f"{now:.3f} gen2 holds {sum(kinds.values())}: {top}\\n")
        _began[0] = time.monotonic()
    else:
        ms = (now - _began[0]) * 1000
        _log.write(f"{_began[0]:.3f} gen{info['generation']} {ms:.1f} ms collected {info['collected']}\\n")
gc.callbacks.append(_gc)
"""


def private_env(home: Path, cache: Path | None = None) -> dict[str, str]:
    """A fresh HOME and XDG folders: no config, no remembered panes, a cold
    cache (or the given cache folder, warm from an earlier run)."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "tmux-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    if GC_LOG_PATH is not None:  # --gc-log: each collection (when, generation, ms) into a file
        site = home / "gc-site"
        site.mkdir(parents=True, exist_ok=True)
        (site / "sitecustomize.py").write_text(GC_LOG)
        env["PYTHONPATH"] = str(site)
        env["CROSSREAD_GC_LOG"] = str(GC_LOG_PATH)
    for path in list(env.values())[:5]:
        Path(path).mkdir(parents=True, exist_ok=True)
    return env


def crossread_command(corpus: Path | None, open_ids: Sequence[str] = ()) -> list[str]:
    cmd = [sys.executable, "-m", "tui"]
    if corpus is not None:
        cmd.append(str(corpus))
    if open_ids:
        cmd += ["--open", *open_ids]
    return cmd


CLAIMS = re.compile(r"(\d+) claims")


def loaded(screen: str) -> bool:
    """Annotations shown (a pane counts claims, no progress bar) and the
    analysis finished (the legend counts suggestions)."""
    counts = [int(n) for n in CLAIMS.findall(screen)]
    return bool(counts) and max(counts) > 0 and "Loading" not in screen and "suggestions (S)" in screen


def start_crossread(
    corpus: Path | None,
    home: Path,
    open_ids: Sequence[str] = (),
    timeout: float = 600.0,
    cache: Path | None = None,
    tree: Path = ROOT,
) -> tuple[Terminal, float]:
    """crossread (the checkout at `tree`) in tmux, once loaded; and how long loading took (s)."""
    env = private_env(home, cache)
    began = time.monotonic()
    term = Terminal(crossread_command(corpus, open_ids), env, cwd=tree)
    screen = term.wait_for(loaded, timeout)
    took = time.monotonic() - began
    if screen is None:
        last = term.capture()
        term.close()
        raise RuntimeError(f"crossread did not finish loading within {timeout:.0f} s:\n{last}")
    term.wait_quiet(0.5, timeout=30)
    return term, took


def cat_floor(presses: int, home: Path) -> KeyResult:
    """tmux's own cost: send-keys to a pane running cat, whose tty echoes at once."""
    with Terminal(["cat"], private_env(home)) as term:
        term.wait_quiet(0.3)
        return term.measure("floor: cat echo", ["x"], presses)


def text_keys(term: Terminal, presses: int) -> list[KeyResult]:
    return [term.measure(label, keys, presses, before) for label, keys, before in TEXT_KEYS]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def run(
    size_mb: float,
    presses: int,
    bundled: bool = True,
    out: Callable[[str], None] = print,
    keep: Path | None = None,
    tree: Path = ROOT,
) -> dict:
    """Generate, start, measure; returns {scale label: [KeyResult]} (also printed).
    keep: a folder for the corpus and the cache, made once and reused warm."""
    from benchmarks.synth import write_corpus

    results: dict[str, list[KeyResult]] = {}
    with tempfile.TemporaryDirectory(prefix="crossread-terminal-") as tmp:
        tmp_path = Path(tmp)
        out(f"load average before: {load_average()}")
        results["floor"] = [cat_floor(presses, tmp_path / "home-floor")]
        out(results["floor"][0].line())
        scales: list[tuple[str, Path | None]] = []
        if size_mb > 0:
            folder = (keep / f"corpus-{size_mb:g}") if keep else tmp_path / "corpus"
            if not (folder / "articles" / "big.md").exists():
                began = time.monotonic()
                write_corpus(folder, int(size_mb * 1_000_000), int(size_mb * 10_000))
                out(f"generated {size_mb:g} MB / {int(size_mb * 10)}k in {time.monotonic() - began:.1f} s")
            scales.append((f"{size_mb:g} MB / {int(size_mb * 10)}k", folder))
        if bundled:
            scales.append(("bundled corpus", None))
        for label, corpus in scales:
            open_ids = ["big", "partner"] if corpus is not None else []
            cache = keep / "cache" if keep else None
            home = tmp_path / f"home-{len(results)}"
            term, took = start_crossread(corpus, home, open_ids, cache=cache, tree=tree)
            with term:
                warmth = "kept cache" if keep else "cold cache"
                out(f"{label}: loaded (annotations and analysis) in {took:.1f} s, {warmth}, {tree}")
                results[label] = text_keys(term, presses)
            for result in results[label]:
                out(f"  {result.line()}")
                if VERBOSE:
                    out(result.presses())
        out(f"load average after: {load_average()}")
    return results


def verdicts(results: dict, target_ms: float = 30.0) -> list[str]:
    lines = []
    for label, keys in results.items():
        if label == "floor":
            continue
        for key in keys:
            _, p95 = percentiles(key.first)
            verdict = "met" if p95 <= target_ms else "MISSED"
            lines.append(f"{label}, {key.label}: p95 {p95:.1f} ms -> {verdict}")
    return lines


def profile_keys(corpus: Path | None, keys: Sequence[str], presses: int, top: int = 25) -> None:
    """cProfile of the UI thread while keys are pressed under run_test (160x50),
    the corpus loaded up front (no worker) and the analysis off: where a key's time goes.
    Keys are Textual key names (right_square_bracket, pagedown, enter, ...)."""
    import asyncio
    import cProfile
    import io
    import pstats

    from tui.core.model.corpus import bundled_corpus, load_corpus
    from tui.ui.app import CrossreadApp

    root = corpus or bundled_corpus()
    began = time.monotonic()
    loaded_corpus = load_corpus(root)
    print(f"loaded {root} in {time.monotonic() - began:.1f} s")
    open_ids = ["big", "partner"] if "big" in loaded_corpus.articles else []

    async def go() -> None:
        app = CrossreadApp(root, open_ids, corpus=loaded_corpus, author="bench")
        app.run_analysis = False
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key.split(":")[0])  # warm up: lazy imports, first index build
                await pilot.pause()
                profiler = cProfile.Profile()
                walls = []
                for _ in range(presses):
                    for setup in key.split(":")[1:]:
                        await pilot.press(setup)
                        await pilot.pause()
                    started = time.perf_counter()
                    profiler.enable()
                    await pilot.press(key.split(":")[0])
                    await pilot.pause()
                    profiler.disable()
                    walls.append((time.perf_counter() - started) * 1000)
                p50, p95 = percentiles(walls)
                print(f"\n=== {key}: press until idle p50 {p50:.1f} / p95 {p95:.1f} ms ({presses} presses)")
                text = io.StringIO()
                pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
                print(text.getvalue())

    asyncio.run(go())


def main() -> int:
    global GAP, VERBOSE, GC_LOG_PATH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=16, help="MB of the big article (0: none)")
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--no-bundled", action="store_true", help="skip the bundled corpus")
    parser.add_argument(
        "--gap",
        type=float,
        default=GAP * 1000,
        help="ms without output that end a key's frames; the next press waits for it (default %(default).0f)",
    )
    parser.add_argument(
        "--profile",
        nargs="+",
        metavar="KEY",
        help="instead: cProfile these Textual keys under run_test on CORPUS "
        "(KEY:SETUP presses SETUP before each, e.g. enter:right_curly_bracket)",
    )
    parser.add_argument("--corpus", type=Path, help="with --profile: the corpus (default: bundled)")
    parser.add_argument(
        "--keep",
        type=Path,
        help="a folder for the generated corpus and the cache, reused (warm) by later runs",
    )
    parser.add_argument(
        "--tree", type=Path, default=ROOT, help="the crossread checkout to run (for before/after pairs)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="also each press: when and ms to the first byte"
    )
    parser.add_argument(
        "--gc-log",
        type=Path,
        help="debug: crossread logs each garbage collection (when, generation, ms) here",
    )
    args = parser.parse_args()
    GAP = args.gap / 1000
    VERBOSE = args.verbose
    GC_LOG_PATH = args.gc_log.resolve() if args.gc_log else None
    if args.profile:
        profile_keys(args.corpus, args.profile, args.presses)
        return 0
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 1
    results = run(
        args.size, args.presses, bundled=not args.no_bundled, keep=args.keep, tree=args.tree.resolve()
    )
    print("\ntarget: key to first byte <= 30 ms p95")
    for line in verdicts(results):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
