"""The bundled corpus reads as a fact-check: links judged against their dates,
summaries whose numbers are in the text, every claim anchored; and the
structured claim fields (value, unit, counts, as_of, event) validate."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from tui.core.files import schema, yamlio
from tui.core.model.annotations import Annotation, Link, Match
from tui.core.model.corpus import bundled_corpus, load_corpus
from tui.core.model.diagnostics import Problems

CORPUS = load_corpus(bundled_corpus())
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ARTICLE_REF = re.compile(r"(?<![\d.,])00\d\b")  # "(003)": which article, not a figure


def _interval(as_of: str) -> tuple[datetime.date, datetime.date]:
    """The days a YYYY, YYYY-MM or YYYY-MM-DD date covers."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    day = datetime.date(*parts)
    return day, day


def _differ(a: str, b: str) -> bool:
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return a1 < b0 or b1 < a0


def _numbers(text: str) -> set[str]:
    """Figures with their digit grouping dropped: 11.000, 11,000 and 11000 agree."""
    return {re.sub(r"[.,]", "", n).lstrip("0") or "0" for n in NUMBER.findall(text)}


def _members(link: Link) -> list[Annotation]:
    found = [CORPUS.get(ref) for ref in link.members]
    assert all(found), link.id
    return [a for a in found if a is not None]


def test_interval_helpers() -> None:
    assert not _differ("2024-10", "2024-10-24")
    assert _differ("2024-10", "2024-11")
    assert _differ("2024-12-31", "2025")
    assert not _differ("2024", "2024-06-19")
    assert _numbers("at least 11,000 on 24 Oct 2024 (003)") == {"11000", "24", "2024", "3"}


def test_bundled_corpus_counts_and_relations() -> None:
    counts = CORPUS.counts()
    by_relation = {
        r: sum(1 for link in CORPUS.links if link.relation == r)
        for r in ("contradicts", "updates", "corroborates")
    }
    assert (counts.claims, counts.sources, counts.orphans) == (96, 47, 0)
    assert by_relation == {"contradicts": 9, "updates": 7, "corroborates": 12}
    assert CORPUS.errors == [] and CORPUS.diagnostics == []


@pytest.mark.parametrize("link", [x for x in CORPUS.links if x.relation == "contradicts"], ids=lambda x: x.id)
def test_contradictions_across_dates_say_why(link: Link) -> None:
    """Figures of different moments are an update unless they speak of one event."""
    dated = [a for a in _members(link) if a.as_of]
    across = any(_differ(a.as_of, b.as_of) for a in dated for b in dated)
    if across:
        same_event = len({a.event for a in dated}) == 1 and dated[0].event
        assert same_event or "same" in link.summary, (link.id, [a.as_of for a in dated])


@pytest.mark.parametrize("link", [x for x in CORPUS.links if x.relation == "updates"], ids=lambda x: x.id)
def test_updates_go_forward_in_time(link: Link) -> None:
    """An update lists the earlier claim first, and the last is later than the first."""
    dated = [a.as_of for a in _members(link)]
    assert all(dated), link.id
    first, last = _interval(dated[0]), _interval(dated[-1])
    assert first[0] <= last[0] and dated[0] != dated[-1], (link.id, dated)


@pytest.mark.parametrize("link", CORPUS.links, ids=lambda x: x.id)
def test_summary_numbers_are_in_the_claims_or_the_text(link: Link) -> None:
    members = _members(link)
    found: set[str] = set()
    for a in members:
        found |= _numbers(CORPUS.articles[a.article].text) | _numbers(a.as_of)
        if a.anchor:
            found |= _numbers(a.anchor.quote)
    missing = _numbers(ARTICLE_REF.sub("", link.summary)) - found
    assert not missing, (link.id, missing)


def test_every_claim_has_an_exactly_anchored_quote() -> None:
    for claims in CORPUS.annotations.values():
        for a in claims:
            if a.kind != "claim":
                continue
            assert a.anchor is not None and a.anchor.quote, a.ref
            assert a.resolution.match is Match.EXACT, a.ref
            text = CORPUS.articles[a.article].text[a.start : a.end]
            assert " ".join(text.split()) == " ".join(a.anchor.quote.split()), a.ref


def test_claims_with_figures_carry_their_value() -> None:
    """A digit grouped in thousands in a claim's quote means a structured value."""
    for claims in CORPUS.annotations.values():
        for a in claims:
            if a.kind == "claim" and a.anchor and re.search(r"\d\.\d{3}\b", a.anchor.quote):
                assert a.value is not None and a.counts, a.ref


def test_sources_of_one_body_share_one_name() -> None:
    names = {a.name for claims in CORPUS.annotations.values() for a in claims if a.kind == "source"}
    assert "Volodymyr Zelensky" in names and "Wladimir Selenskij" not in names
    folded: dict[str, str] = {}
    for name in names:
        key = re.sub(r"\W", "", name.lower())
        assert folded.setdefault(key, name) == name, (name, folded[key])


# ----------------------------------------------------------- schema tables

HEAD = "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: q\n"


def _parse(extra: str) -> tuple[Annotation | None, list[str]]:
    problems = Problems(Path("a.yaml"))
    items = yamlio.load(HEAD + extra)["annotations"]
    found = schema.parse_annotation(items[0], items.marks[0], Path("a.yaml"), "a", problems)
    return found, [d.format() for d in problems]


@pytest.mark.parametrize(
    ("extra", "value", "unit", "counts", "as_of", "event"),
    [
        ("    value: 10000\n    counts: troops\n", (10000.0, 10000.0), "", "troops", "", ""),
        ("    value: 48.3\n    unit: USD\n", (48.3, 48.3), "USD", "", "", ""),
        ("    value: '48.3'\n", (48.3, 48.3), "", "", "", ""),
        ("    value: [11000, 12000]\n", (11000.0, 12000.0), "", "", "", ""),
        ("    value: [0, 0]\n", (0.0, 0.0), "", "", "", ""),
        ("    as_of: 2024-10-24\n", None, "", "", "2024-10-24", ""),
        ("    as_of: 2024-10\n", None, "", "", "2024-10", ""),
        ("    as_of: 2024\n", None, "", "", "2024", ""),
        ("    as_of: '2024'\n    event: treaty signing\n", None, "", "", "2024", "treaty signing"),
        ("    as_of: 2024-02-29\n", None, "", "", "2024-02-29", ""),
    ],
)
def test_structured_fields_accepted(
    extra: str, value: tuple[float, float] | None, unit: str, counts: str, as_of: str, event: str
) -> None:
    found, problems = _parse(extra)
    assert problems == []
    assert found is not None
    assert (found.value, found.unit, found.counts, found.as_of, found.event) == (
        value,
        unit,
        counts,
        as_of,
        event,
    )


@pytest.mark.parametrize(
    ("extra", "where", "message"),
    [
        ("    value: lots\n", "a.yaml:6:12: error:", "'value' must be a number or [low, high], got 'lots'"),
        ("    value: 1,5\n", "a.yaml:6:12: error:", "'value' must be a number or [low, high]"),
        ("    value: true\n", "a.yaml:6:12: error:", "got True"),
        (
            "    value: [3000, 1000]\n",
            "a.yaml:6:12: error:",
            "the range in 'value' runs backwards: 3000 is more than 1000",
        ),
        ("    value: [1, x]\n", "a.yaml:6:16: error:", "'value' must hold numbers, got 'x'"),
        (
            "    value: [1, 2, 3]\n",
            "a.yaml:6:12: error:",
            "a range in 'value' needs two numbers, [low, high], not 3",
        ),
        (
            "    value:\n      - 1\n      - many\n",
            "a.yaml:8:9: error:",
            "'value' must hold numbers, got 'many'",
        ),
        (
            "    as_of: 24.10.2024\n",
            "a.yaml:6:12: error:",
            "'as_of' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got '24.10.2024'",
        ),
        ("    as_of: 2023-02-29\n", "a.yaml:6:12: error:", "'as_of' 2023-02-29 is not a day of the calendar"),
        ("    as_of: 2024-13\n", "a.yaml:6:12: error:", "'as_of' 2024-13 is not a day"),
        ("    as_of: [2024]\n", "a.yaml:6:12: error:", "got [2024]"),
        ("    unit: km\n", "a.yaml:6:5: warning:", "'unit' without a 'value' says nothing"),
        ("    counts: troops\n", "a.yaml:6:5: warning:", "'counts' without a 'value'"),
    ],
)
def test_structured_fields_refused_where_they_stand(extra: str, where: str, message: str) -> None:
    found, problems = _parse(extra)
    hit = [p for p in problems if p.startswith(where) and message in p]
    assert hit, problems
    assert "(hint: " in hit[0]
    if "error" in where:
        assert found is None  # a claim with a broken figure is not half-loaded


def test_structured_fields_only_on_claims() -> None:
    problems = Problems(Path("a.yaml"))
    text = "version: 1\nannotations:\n  - id: s\n    kind: source\n    quote: q\n    as_of: 2024\n"
    items = yamlio.load(text)["annotations"]
    found = schema.parse_annotation(items[0], items.marks[0], Path("a.yaml"), "a", problems)
    assert found is not None and found.as_of == ""
    assert [d.format() for d in problems] == [
        "a.yaml:6:5: warning: unknown key 'as_of' in a source; it is ignored "
        "(hint: known keys: id, kind, quote, prefix, suffix, occurrence, start, author, "
        "created, modified, text, tags, name)"
    ]


def test_updates_is_a_relation(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/a.txt": "T\nErst 3.000 Soldaten, dann 10.000 Soldaten.\n",
            "annotations/a.yaml": "version: 1\nannotations:\n  - id: c1\n    kind: claim\n"
            "    quote: 3.000 Soldaten\n    value: 3000\n    as_of: 2024-10\n"
            "  - id: c2\n    kind: claim\n    quote: 10.000 Soldaten\n"
            "    value: 10000\n    as_of: 2024-11\n",
            "annotations/contradictions.yaml": "version: 1\nlinks:\n  - id: l\n    relation: updates\n"
            "    summary: s\n    claims: [a#c1, a#c2]\n",
        }
    )
    corpus = load_corpus(root)
    assert corpus.diagnostics == []
    assert [(x.relation, x.resolved) for x in corpus.links] == [("updates", True)]
    assert corpus.counts().contradictions == 0
