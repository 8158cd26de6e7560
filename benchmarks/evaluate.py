"""Quality of the suggestions, measured on hand-written stories (issue 15).

    python benchmarks/evaluate.py [--eval-dir benchmarks/eval] [--verbose]

Each folder under `benchmarks/eval/` is one story: two to four articles and a
`gold.yaml` that lists the planted relations with their members as quoted
spans. A suggestion matches a gold item when the relation is the same and
each gold member overlaps a member of the suggestion in the same article (any
occurrence of the quote, unless `occurrence` is given). Precision counts the
suggestions that match some gold item; recall counts the gold items that some
suggestion matches. Stories marked `held_out: true` were not tuned on and are
reported apart.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.analysis import RELATIONS, Document, Suggestion, dictionary, suggest  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parent / "eval"


@dataclass(frozen=True, slots=True)
class GoldMember:
    article: str
    spans: tuple[tuple[int, int], ...]  # every place the quote may be
    quote: str


@dataclass(frozen=True, slots=True)
class GoldItem:
    relation: str
    reason: str
    members: tuple[GoldMember, ...]


@dataclass(slots=True)
class Story:
    name: str
    documents: list[Document]
    gold: list[GoldItem]
    held_out: bool = False


@dataclass(slots=True)
class Tally:
    """Per relation: suggestions made and matched, gold items and found."""

    proposed: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("proposed", "correct", "gold", "found"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0) + value
        self.missed += other.missed
        self.spurious += other.spurious

    def precision(self, relation: str | None = None) -> float | None:
        made = self._sum(self.proposed, relation)
        return self._sum(self.correct, relation) / made if made else None

    def recall(self, relation: str | None = None) -> float | None:
        planted = self._sum(self.gold, relation)
        return self._sum(self.found, relation) / planted if planted else None

    @staticmethod
    def _sum(counts: dict[str, int], relation: str | None) -> int:
        if relation is None:
            return sum(counts.values())
        return counts.get(relation, 0)


def _spans(text: str, quotes: str | list[str], occurrence: int | None) -> tuple[tuple[int, int], ...]:
    """Where a quote (or any of several, such as the headline's and the body's) stands."""
    found: list[tuple[int, int]] = []
    for quote in [quotes] if isinstance(quotes, str) else quotes:
        at = text.find(quote)
        if at < 0:
            raise ValueError(f"quote not found: {quote!r}")
        while at >= 0:
            found.append((at, at + len(quote)))
            at = text.find(quote, at + 1)
    if occurrence is not None:
        return (found[occurrence - 1],)
    return tuple(found)


def load_story(folder: Path) -> Story:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    documents, texts = [], {}
    for aid, meta in gold["articles"].items():
        text = (folder / meta["file"]).read_text(encoding="utf-8")
        published = meta.get("published")
        if isinstance(published, str):
            published = date.fromisoformat(published)
        texts[aid] = text
        documents.append(Document(aid, text, published, meta.get("language", "de"), meta.get("outlet", "")))
    held_out = bool(gold.get("held_out", False))
    try:
        items = _gold_items(gold, texts)
    except (ValueError, KeyError) as error:
        if held_out:  # say which story, never what it quotes
            raise ValueError(f"{folder.name}: held-out gold.yaml does not match its articles") from None
        raise ValueError(f"{folder.name}: {error}") from error
    return Story(folder.name, documents, items, held_out)


def _gold_items(gold: dict, texts: dict[str, str]) -> list[GoldItem]:
    items = []
    for raw in gold.get("relations") or []:
        if raw["relation"] not in RELATIONS:
            raise ValueError(f"unknown relation {raw['relation']!r}")
        members = tuple(
            GoldMember(
                m["article"],
                _spans(texts[m["article"]], m["quote"], m.get("occurrence")),
                " | ".join([m["quote"]] if isinstance(m["quote"], str) else m["quote"]),
            )
            for m in raw["members"]
        )
        items.append(GoldItem(raw["relation"], raw.get("reason", ""), members))
    return items


def load_stories(root: Path = EVAL_DIR) -> list[Story]:
    return [load_story(p) for p in sorted(root.iterdir()) if (p / "gold.yaml").is_file()]


def _overlaps(member: GoldMember, article: str, start: int, end: int) -> bool:
    return member.article == article and any(s < end and start < e for s, e in member.spans)


def matches(suggestion: Suggestion, item: GoldItem) -> bool:
    """Same relation, and every gold member overlaps a distinct suggestion member."""
    if suggestion.relation != item.relation or len(suggestion.members) < len(item.members):
        return False
    return _assign(item.members, [(m.article, m.start, m.end) for m in suggestion.members])


def _assign(gold: Sequence[GoldMember], members: list[tuple[str, int, int]]) -> bool:
    if not gold:
        return True
    first, rest = gold[0], gold[1:]
    for i, (article, start, end) in enumerate(members):
        if _overlaps(first, article, start, end) and _assign(rest, members[:i] + members[i + 1 :]):
            return True
    return False


def score(suggestions: Iterable[Suggestion], gold: Sequence[GoldItem], label: str = "") -> Tally:
    tally = Tally()
    suggestions = list(suggestions)
    for item in gold:
        tally.gold[item.relation] = tally.gold.get(item.relation, 0) + 1
        if any(matches(s, item) for s in suggestions):
            tally.found[item.relation] = tally.found.get(item.relation, 0) + 1
        else:
            quotes = " / ".join(m.quote for m in item.members)
            tally.missed.append(f"{label}{item.relation} ({item.reason}): {quotes}")
    for s in suggestions:
        tally.proposed[s.relation] = tally.proposed.get(s.relation, 0) + 1
        if any(matches(s, item) for item in gold):
            tally.correct[s.relation] = tally.correct.get(s.relation, 0) + 1
        else:
            tally.spurious.append(f"{label}{s.relation} ({s.reason}): {s.summary}")
    return tally


def evaluate(stories: Sequence[Story]) -> tuple[Tally, Tally, dict[str, Tally]]:
    """(tuning, held-out, per story)."""
    tuning, held, each = Tally(), Tally(), {}
    for story in stories:
        tally = score(suggest(story.documents), story.gold, f"[{story.name}] ")
        each[story.name] = tally
        (held if story.held_out else tuning).add(tally)
    return tuning, held, each


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(tallies: dict[str, Tally]) -> str:
    """A Markdown table: per relation precision and recall for each set."""
    lines = [
        "| relation | " + " | ".join(f"{name} P | {name} R (found/planted)" for name in tallies) + " |",
        "|---|" + "---|---|" * len(tallies),
    ]
    for relation in (*RELATIONS, None):
        cells = []
        for t in tallies.values():
            found, planted = Tally._sum(t.found, relation), Tally._sum(t.gold, relation)
            correct, made = Tally._sum(t.correct, relation), Tally._sum(t.proposed, relation)
            cells += [
                f"{_fmt(t.precision(relation))} ({correct}/{made})",
                f"{_fmt(t.recall(relation))} ({found}/{planted})",
            ]
        lines.append(f"| {relation or '**all**'} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def conflict_recall(t: Tally) -> float | None:
    """Recall of the planted conflicts: contradictions and updates."""
    planted = t.gold.get("contradicts", 0) + t.gold.get("updates", 0)
    found = t.found.get("contradicts", 0) + t.found.get("updates", 0)
    return found / planted if planted else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and spurious suggestions")
    parser.add_argument(
        "--tuning-only", action="store_true", help="leave the held-out stories out (while developing)"
    )
    parser.add_argument("--only", default="", help="comma-separated story names to evaluate")
    args = parser.parse_args(argv)
    stories = load_stories(args.eval_dir)
    if args.tuning_only:
        stories = [s for s in stories if not s.held_out]
    if args.only:
        wanted = set(args.only.split(","))
        stories = [s for s in stories if s.name in wanted and not s.held_out]
    tuning, held, each = evaluate(stories)
    names = ", ".join(s.name for s in stories if not s.held_out)
    held_names = ", ".join(s.name for s in stories if s.held_out)
    print(f"tuning stories: {names}\nheld-out stories: {held_names or '(none)'}")
    # The suggestions match unknown words across languages with a dictionary when it is there:
    # say which, so that numbers from machines with and without it are not compared unawares.
    print(f"dictionary: {dictionary.source() or 'none (lexicon only)'}\n")
    print(table({"tuning": tuning, "held-out": held}))
    print(
        f"\nrecall of planted conflicts (contradicts + updates): tuning {_fmt(conflict_recall(tuning))}, "
        f"held-out {_fmt(conflict_recall(held))}"
    )
    print(f"precision: tuning {_fmt(tuning.precision())}, held-out {_fmt(held.precision())}")
    if args.verbose:
        # Details only for tuning stories: reading a held-out story's misses
        # would turn it into a tuning story. Held-out ones get totals only.
        held_out = {s.name for s in stories if s.held_out}
        for name, t in each.items():
            if name in held_out:
                continue
            for line in t.missed:
                print(f"MISSED   {line}")
            for line in t.spurious:
                print(f"SPURIOUS {line}")
        if held_out:
            missed, spurious = len(held.missed), len(held.spurious)
            print(f"(held-out stories: totals only, {missed} missed, {spurious} spurious)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
