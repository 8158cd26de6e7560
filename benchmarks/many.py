"""A team's archive: many small articles, `crossread check` cold and warm,
first paint against the bundled corpus, and keys in the articles list and picker.

    python benchmarks/many.py [--articles 2000] [--per-article 50] [--links 2000]
                              [--paint-pairs 5] [--presses 30] [--no-paint] [--no-keys]

Generates 2,000 articles of about 5 KB with 50 annotations each (100k in all,
1% with a typo, a third with position hints as crossread writes them) and
2,000 contradictions between claims of different articles, then:

- times `crossread check` as a process: cold (fresh cache) and warm (second
  run). Targets: cold under 20 s, warm under 3 s.
- first paint (benchmarks/paint.py, as run.py measures it: process start to the
  first frame with article text, headless) of the archive, warm cache, against
  the bundled corpus, in alternating pairs; medians. Target: within 1.2x.
- keys in a real terminal (benchmarks/terminal.py: crossread in tmux, key to
  first output byte): j / k in the articles list (`t`), opening the picker (`o`)
  and typing into it (characters, then backspace). Target: 50 ms per key.
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
from benchmarks.terminal import KeyResult, Terminal, load_average, start_crossread  # noqa: E402
from benchmarks.timing import time_check  # noqa: E402
from tui.core.files.markdown import parse_markdown  # noqa: E402
from tui.core.files.snapshot import RACY_NS  # noqa: E402


def write_archive(root: Path, articles: int, per_article: int, links: int, seed: int = 9) -> None:
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    claims: list[str] = []
    for number in range(articles):
        ident = f"a{number:05d}"
        body = article_text(5_000, seed=seed * 100_003 + number)
        front = (
            f"---\ntitle: Bericht {number}\noutlet: Blatt {number % 40}\n"
            f"published: 2025-{1 + number % 12:02d}-{1 + number % 28:02d}\n---\n"
        )
        path = root / "articles" / f"{ident}.md"
        path.write_text(front + body, encoding="utf-8")
        body = parse_markdown(ident, path, body).text  # what offsets count in
        spaces = [i for i, c in enumerate(body) if c == " "]
        lines = ["version: 1", "annotations:"]
        for n in range(per_article):
            start = rng.choice(spaces) + 1
            quote = body[start : start + rng.randint(15, 60)].split("\n")[0]
            if len(quote) < 8:
                quote = body[start : start + 8]
            if rng.random() < 0.01 and len(quote) > 20:
                i = rng.randint(5, len(quote) - 6)
                quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2 :]
            kind = "claim" if n % 10 < 6 else ("source" if n % 10 < 8 else "note")
            lines += [f"  - id: {kind[0]}{n}", f"    kind: {kind}", f"    quote: {_yaml_quote(quote)}"]
            if n % 3 == 0:
                lines.append(f"    start: {start}")
            if kind == "note":
                lines.append("    text: a reviewer's remark")
            if kind == "claim":
                claims.append(f"{ident}#c{n}")
        (root / "annotations" / f"{ident}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = ["version: 1", "links:"]
    for n in range(links):
        first, second = rng.sample(claims, 2)
        out += [f"  - id: l{n}", "    summary: synthetic contradiction", f"    claims: [{first}, {second}]"]
    (root / "annotations" / "contradictions.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")


def paint_pairs(root: Path, cache_home: str, pairs: int) -> tuple[list[float], list[float]]:
    """First paint (s) of the bundled corpus and of the archive, alternating
    which goes first in each pair; the archive's cache is warm."""
    from benchmarks.run import run_process

    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", XDG_CACHE_HOME=cache_home, XDG_DATA_HOME=cache_home)
    env.pop("CROSSREAD_NO_CACHE", None)
    paint = [sys.executable, str(HERE / "paint.py")]
    commands = {"bundled": paint, "archive": [*paint, str(root)]}
    times: dict[str, list[float]] = {"bundled": [], "archive": []}
    for number in range(pairs):
        order = ("bundled", "archive") if number % 2 == 0 else ("archive", "bundled")
        for name in order:
            result = run_process(commands[name], env)
            if result is not None:
                times[name].append(result[0])
    return times["bundled"], times["archive"]


PICKER_TITLE = "Open article"
PICKER_TYPED = "blatt 1"  # matches the outlets "Blatt 1", "Blatt 10".."Blatt 19"


def close_picker(term: Terminal) -> None:
    term.wait_quiet()
    term.send("Escape")
    # A lone ESC is held by Textual's parser until its timeout; an `o` sent
    # before then arrives as alt+o in the picker. Wait until it has closed.
    term.wait_for(lambda screen: PICKER_TITLE not in screen, 10, poll=0.05)
    term.wait_quiet(0.3)


def list_and_picker_keys(root: Path, home: Path, presses: int) -> list[KeyResult]:
    """Keys in the articles list and the open picker, crossread in tmux. The
    first `t` and `o` of a session are reported apart from the later ones."""
    term, took = start_crossread(root, home)
    results: list[KeyResult] = []
    with term:
        print(f"  crossread on the archive: loaded (annotations and analysis) in {took:.1f} s")
        first_t = term.measure("t (first show)", ["t"], 1)
        results.append(term.measure("articles list j", ["j"], presses))
        results.append(term.measure("articles list k", ["k"], presses))
        toggled = KeyResult("t (later)")
        for _ in range(max(2, presses // 5)):
            term.wait_quiet()
            toggled.add(term.press(["t"]))  # hides, then shows
        term.wait_quiet()
        if toggled.first and len(toggled.first) % 2:
            term.send("t")  # leave the list hidden, as it started
            term.wait_quiet(0.3)
        first_o = KeyResult("o (first open)")
        opened = KeyResult("o (between rounds)")
        again = KeyResult("o (open, close)")
        typed = KeyResult("picker: type a character")
        erased = KeyResult("picker: backspace")
        rounds = max(2, -(-presses // len(PICKER_TYPED)))
        for round_ in range(rounds):
            (opened if round_ else first_o).add(term.press(["o"]))
            for char in PICKER_TYPED:
                typed.add(term.press(["Space" if char == " " else char], after_blink=True))
            for _ in PICKER_TYPED:
                erased.add(term.press(["BSpace"], after_blink=True))
            close_picker(term)
        for _ in range(max(5, presses // 3)):  # the picker opened and closed, nothing typed
            again.add(term.press(["o"]))
            close_picker(term)
        results = [first_t, *results, toggled, first_o, opened, again, typed, erased]
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--keep", help="write the archive here and keep it")
    parser.add_argument("--paint-pairs", type=int, default=5, help="alternating first-paint pairs")
    parser.add_argument("--presses", type=int, default=30, help="presses per key in tmux")
    parser.add_argument("--no-check", action="store_true", help="skip timing check cold and warm")
    parser.add_argument("--no-paint", action="store_true", help="skip first paint")
    parser.add_argument("--no-keys", action="store_true", help="skip the keys in tmux")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crossread-many-") as tmp:
        root = Path(args.keep) if args.keep else Path(tmp) / "archive"
        began = time.perf_counter()
        write_archive(root, args.articles, args.per_article, args.links)
        print(
            f"generated {args.articles} articles, {args.articles * args.per_article} "
            f"annotations, {args.links} links in {time.perf_counter() - began:.1f} s"
        )
        # Files changed within the last RACY_NS are not kept in the corpus snapshot
        # (tui/core/files/snapshot.py); an archive in use is older than that.
        time.sleep(RACY_NS / 1e9)
        home = Path(tmp) / "home"
        cache_home = str(home / "cache")  # the tmux run below uses this warm cache
        Path(cache_home).mkdir(parents=True)
        cold = time_check(root, cache_home)
        if not args.no_check:
            warm = time_check(root, cache_home)
            print(f"check cold {cold:.2f} s (target < 20 s), warm {warm:.2f} s (target < 3 s)")
        print(f"load average: {load_average()}")
        if not args.no_paint:
            bundled, archive = paint_pairs(root, cache_home, args.paint_pairs)
            b, a = statistics.median(bundled), statistics.median(archive)
            ratio = a / b
            print(
                f"first paint, warm cache, medians of {len(bundled)}/{len(archive)} alternating runs: "
                f"bundled {b:.3f} s, archive {a:.3f} s: {ratio:.2f}x "
                f"(target <= 1.2x: {'met' if ratio <= 1.2 else 'MISSED'})"
            )
            print(f"  bundled runs {', '.join(f'{t:.3f}' for t in bundled)}")
            print(f"  archive runs {', '.join(f'{t:.3f}' for t in archive)}")
        if not args.no_keys and shutil.which("tmux"):
            print("keys in tmux (160x50), key to first output byte (target <= 50 ms):")
            for result in list_and_picker_keys(root, home, args.presses):
                print(f"  {result.line()}")
        print(f"load average: {load_average()}")


if __name__ == "__main__":
    main()
