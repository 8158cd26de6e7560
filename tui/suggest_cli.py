"""`crossread suggest [CORPUS] [--format text|json]`: the analysis's proposals.

Text is one line per suggestion, for people; JSON is one object, for tools
and tests. Article text reaches the terminal only through escape_controls.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.document.text import escape_controls

if TYPE_CHECKING:
    from tui.core.analysis.suggest import Suggestion


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread suggest",
        description="Propose contradictions, corroborations, updates and name variants across "
        "the articles of a corpus (rule-based, offline).",
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: bundled)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        metavar="SCORE",
        help="leave out suggestions scored below SCORE (0 to 1)",
    )
    return parser


def text_lines(suggestions: list[Suggestion]) -> list[str]:
    lines = []
    for s in suggestions:
        spans = "  ".join(f"{m.article}@{m.start}-{m.end}" for m in s.members)
        lines.append(
            escape_controls(
                f"{s.score:.2f} {s.relation:<12} {s.reason:<6} {s.summary}  [{spans}] {s.id}"
            ).replace("\n", " ")
        )
    return lines


def run_suggest(argv: Sequence[str]) -> int:
    from tui.core.analysis import suggest_corpus, to_json
    from tui.core.model.corpus import bundled_corpus, load_corpus

    parser = _parser()
    args = parser.parse_args(argv)
    root = args.corpus or bundled_corpus()
    if not root.is_dir():
        parser.error(f"{root}: no such folder")
    corpus = load_corpus(root)
    suggestions = suggest_corpus(corpus, args.min_score)
    if args.format == "json":
        payload = to_json(root.resolve().name, suggestions)  # `crossread suggest .` names its folder
        sys.stdout.write(json.dumps(payload, ensure_ascii=True, indent=2) + "\n")
        return 0
    for line in text_lines(suggestions):
        print(line)
    counts: dict[str, int] = {}
    for s in suggestions:
        counts[s.relation] = counts.get(s.relation, 0) + 1
    summary = ", ".join(f"{n} {rel}" for rel, n in sorted(counts.items())) or "nothing"
    print(f"{len(suggestions)} suggestions: {summary}", file=sys.stderr)
    return 0
