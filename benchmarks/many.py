"""A team's archive: many small articles, `crossread check` cold and warm.

    python benchmarks/many.py [--articles 2000] [--per-article 50] [--links 2000]

Generates 2,000 articles of about 5 KB with 50 annotations each (100k in all,
1% with a typo, a third with position hints as crossread writes them) and
2,000 contradictions between claims of different articles, then times
`crossread check` as a process: cold (fresh cache) and warm (second run).
Targets: cold under 20 s, warm under 3 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.synth import _yaml_quote, article_text  # noqa: E402
from benchmarks.timing import time_check  # noqa: E402
from tui.core.files.markdown import parse_markdown  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--keep", help="write the archive here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crossread-many-") as tmp:
        root = Path(args.keep) if args.keep else Path(tmp) / "archive"
        began = time.perf_counter()
        write_archive(root, args.articles, args.per_article, args.links)
        print(
            f"generated {args.articles} articles, {args.articles * args.per_article} "
            f"annotations, {args.links} links in {time.perf_counter() - began:.1f} s"
        )
        cache_home = tempfile.mkdtemp(prefix="crossread-many-cache-")
        cold = time_check(root, cache_home)
        warm = time_check(root, cache_home)
        print(f"check cold {cold:.2f} s (target < 20 s), warm {warm:.2f} s (target < 3 s)")


if __name__ == "__main__":
    main()
