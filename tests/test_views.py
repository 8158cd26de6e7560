"""Issue 16's cross-article views, pure: the claim matrix and its export,
corpus-wide search, annotation filters and sources across articles, and the
review history. On the bundled corpus and on small corpora built here."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.document.text import Folded
from tui.core.files import store as store_module
from tui.core.model.corpus import Corpus, bundled_corpus, load_corpus
from tui.core.review.session import Session
from tui.core.views.days import parse_day, record_day
from tui.core.views.filters import (
    Filter,
    all_sources,
    claims_resting_on,
    short_name,
    source_key,
    source_of,
)
from tui.core.views.history import describe, history
from tui.core.views.matrix import CONFLICT_MARK, build_matrix, key_figure
from tui.core.views.matrix_export import matrix_csv, matrix_export, matrix_format
from tui.core.views.refresh import VIEWS, stale_views
from tui.core.views.search import NOTE, SOURCE_NAME, SUMMARY, TEXT, find_all, search_corpus

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
A0, A2, A3 = "000_f0337515d6951f32", "002_413bc77aeb3face7", "003_abe2c13c9f7a9bff"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setattr(store_module, "user_data_dir", lambda: data)
    return data


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_corpus(bundled_corpus())


SMALL = {
    "articles/a.txt": "Report A\nOfficials say 100 soldiers arrived in Kursk on 3 May 2024. "
    "It rained in „Kursk“ all week.\n",
    "articles/b.txt": "Report B\nThe Pentagon counted 250 soldiers. It rained\u00a0in Kursk.\n",
    "articles/c.txt": "Report C\nThe US Department of Defense said 100 soldiers came. Nobody knows more.\n",
    "annotations/a.yaml": """version: 1
annotations:
  - {id: hur, kind: source, quote: Officials, name: HUR (Ukrainian military intelligence)}
  - {id: n100, kind: claim, quote: 100 soldiers arrived in Kursk on 3 May 2024, source: hur,
     topic: troops, tags: [kursk]}
  - {id: rain, kind: claim, quote: It rained in „Kursk“ all week., topic: weather}
  - {id: memo, kind: note, quote: Officials, text: Ask which officials; maybe Pentagon staff.}
""",
    "annotations/b.yaml": """version: 1
annotations:
  - {id: dod, kind: source, quote: The Pentagon, name: Pentagon}
  - {id: n250, kind: claim, quote: counted 250 soldiers, source: dod, topic: Troops}
  - {id: rain, kind: claim, quote: It rained in Kursk., topic: weather}
""",
    "annotations/c.yaml": """version: 1
annotations:
  - {id: dod, kind: source, quote: The US Department of Defense, name: US  department of DEFENSE}
  - {id: n100, kind: claim, quote: said 100 soldiers came, source: dod, topic: troops}
  - {id: unknown, kind: claim, quote: Nobody knows more.}
""",
    "annotations/contradictions.yaml": """version: 1
links:
  - id: a-vs-b
    relation: contradicts
    summary: "Soldiers: 100 (a) vs 250 (b), counted in Kursk"
    claims: [a#n100, b#n250]
""",
}


@pytest.fixture
def small(make_corpus: Callable[..., Path]) -> Path:
    return make_corpus(SMALL)


# ------------------------------------------------------------------ matrix


def test_troop_row_holds_figures_from_at_least_four_articles(bundled: Corpus) -> None:
    row = build_matrix(bundled).row("troop numbers")
    assert row is not None and row.disagree
    with_figures = [c.article for c in row.cells if any(e.figure.kind == "number" for e in c.entries)]
    assert len(with_figures) >= 4
    cells = {c.article: c for c in row.cells}
    assert "etwa 10.000 (US Department of Defense)" in cells[A3].text()
    assert "bis zu 3000 (John Kirby)" in cells[A2].text()


def test_matrix_rows_cells_conflicts_and_order(small: Path) -> None:
    corpus = load_corpus(small)
    matrix = build_matrix(corpus)
    assert [c.article for c in matrix.columns] == ["a", "b", "c"]
    labels = [r.label for r in matrix.rows]
    # 'troops' and 'Troops' are one topic; disagreeing rows first, then topics, tags,
    # claims without either.
    assert labels == ["troops", "weather", "#kursk", "(no topic)"]
    troops = matrix.rows[0]
    assert troops.conflict and troops.disagree and troops.articles == 3
    assert [c.text() for c in troops.cells] == [
        f"{CONFLICT_MARK} 100 (HUR)",
        f"{CONFLICT_MARK} 250 (Pentagon)",
        "100 (US department of DEFENSE)",
    ]
    assert [c.conflict for c in troops.cells] == [True, True, False]
    # The '#kursk' row holds only a#n100: its contradiction partner is not in it.
    kursk = matrix.row("#kursk")
    assert kursk is not None and not kursk.conflict and not kursk.disagree
    weather = matrix.row("weather")
    assert weather is not None and not weather.disagree
    assert weather.cells[0].text() == "It rained in „Kursk“ all week."
    assert weather.cells[0].details() == ["“It rained in „Kursk“ all week.” — no source"]


def test_figures_that_cannot_both_be_true_disagree_without_a_link(make_corpus: Callable[..., Path]) -> None:
    files = {k: v for k, v in SMALL.items() if k != "annotations/contradictions.yaml"}
    matrix = build_matrix(load_corpus(make_corpus(files)))
    troops = matrix.row("troops")
    assert troops is not None and troops.disagree and not troops.conflict
    only_ac = build_matrix(load_corpus(make_corpus(files)), ["c", "a"])
    assert [c.article for c in only_ac.columns] == ["c", "a"]
    assert not only_ac.row("troops").disagree  # 100 and 100 agree


def test_suggested_contradictions_are_marked_apart(make_corpus: Callable[..., Path]) -> None:
    from tui.core.analysis import Member, Suggestion, suggest_corpus
    from tui.core.views.matrix import SUGGESTED_MARK

    files = {k: v for k, v in SMALL.items() if k != "annotations/contradictions.yaml"}
    corpus = load_corpus(make_corpus(files))
    a, b = corpus.get("a#n100"), corpus.get("b#n250")
    hint = Suggestion(
        "s1",
        "contradicts",
        "number",
        "100 vs 250",
        0.9,
        (Member("a", a.start + 2, a.start + 6, "x"), Member("b", b.start, b.end, "y")),
    )
    troops = build_matrix(corpus, suggestions=[hint]).row("troops")
    assert [c.text() for c in troops.cells][:2] == [
        f"{SUGGESTED_MARK} 100 (HUR)",
        f"{SUGGESTED_MARK} 250 (Pentagon)",
    ]
    assert troops.disagree and not troops.conflict and troops.cells[0].suggested
    assert "suggested contradiction" in troops.cells[0].details()[0]
    agree = Suggestion("s2", "corroborates", "number", "", 0.9, hint.members)
    assert not build_matrix(corpus, suggestions=[agree]).row("troops").cells[0].suggested
    bundled_corpus_ = load_corpus(bundled_corpus())
    row = build_matrix(bundled_corpus_, suggestions=suggest_corpus(bundled_corpus_)).row("troop numbers")
    assert any(c.suggested for c in row.cells)


def test_verdict_marks_show_in_cells(small: Path) -> None:
    session = Session(load_corpus(small), "alice")
    session.set_verdict("b#n250", "false")
    session.set_verdict("c#n100", "supported")
    cells = build_matrix(session.corpus).row("troops").cells
    assert cells[1].text().endswith("(Pentagon) ✗")
    assert cells[2].text().endswith(") ✓")
    assert "[false]" in cells[1].details()[0]


def test_each_change_says_which_views_are_stale(small: Path) -> None:
    session = Session(load_corpus(small), "alice")
    verdict = session.set_verdict("a#n100", "false")
    assert stale_views(verdict) == {"matrix", "filters", "history"}
    assert build_matrix(session.corpus).row("troops").cells[0].text().endswith("✗")
    note = session.add_note("a recount", "b", on="n250")
    assert stale_views(note) == {"search", "filters", "history"}
    assert [h.field for h in search_corpus(session.corpus, "recount").hits] == [NOTE]
    link = session.link(["a#rain", "b#rain"], "rain in both", "corroborates")
    assert "matrix" in stale_views(link)
    undone = session.undo()
    assert "matrix" in stale_views(undone)
    assert search_corpus(session.corpus, "rain in both").hits == ()
    assert VIEWS >= stale_views(undone)


@pytest.mark.parametrize(
    ("words", "figure", "kind"),
    [
        ("Rund 1.500 Soldaten wurden im Oktober 2024 gemeldet", "Rund 1.500", "number"),
        ("Im Jahr 2023 waren es 48,3 Milliarden Dollar", "48,3 Milliarden Dollar", "number"),
        ("Der am 19. Juni unterzeichnete Vertrag", "19. Juni", "date"),
        ("Der Westen hat nicht reagiert", "", ""),
    ],
)
def test_key_figure_skips_years_and_dates(
    make_corpus: Callable[..., Path], words: str, figure: str, kind: str
) -> None:
    root = make_corpus(
        {
            "articles/x.txt": f"X\n{words}.\n",
            "annotations/x.yaml": f'version: 1\nannotations:\n  - {{id: c, kind: claim, quote: "{words}"}}\n',
        }
    )
    corpus = load_corpus(root)
    found = key_figure(corpus, corpus.get("x#c"))
    assert (found.text, found.kind) == (figure, kind)


def test_curated_value_and_event_date_override_the_words(make_corpus: Callable[..., Path]) -> None:
    root = make_corpus(
        {
            "articles/x.txt": "X\nTausende Soldaten kamen. Der Vertrag gilt.\n",
            "annotations/x.yaml": """version: 1
annotations:
  - {id: c, kind: claim, quote: Tausende Soldaten kamen., value: [2000, 9000], unit: troops}
  - {id: d, kind: claim, quote: Der Vertrag gilt., as_of: 2024-12, event: entry into force}
  - {id: e, kind: claim, quote: Der Vertrag gilt., occurrence: 1, as_of: 2024-12}
""",
        }
    )
    corpus = load_corpus(root)
    figure = key_figure(corpus, corpus.get("x#c"))
    assert (figure.text, figure.low, figure.high) == ("2000–9000 troops", 2000, 9000)
    assert key_figure(corpus, corpus.get("x#d")).text == "2024-12"
    assert key_figure(corpus, corpus.get("x#e")).text == ""  # as_of alone is context


def test_filter_rows_by_topic_or_tag(bundled: Corpus, small: Path) -> None:
    matrix = build_matrix(load_corpus(small))
    assert [r.label for r in matrix.filtered("KURSK").rows] == ["troops", "#kursk"]
    assert [r.label for r in matrix.filtered("weath").rows] == ["weather"]
    assert matrix.filtered("kursk").describe() == "Claim matrix · 2 rows × 3 articles · filter kursk"
    troops = build_matrix(bundled).filtered("troop numbers")
    assert troops.rows and all(r.matches("troop numbers") for r in troops.rows)
    assert len(troops.rows) < len(build_matrix(bundled).rows)


def test_matrix_export_is_golden() -> None:
    """Regenerate after a change of the bundled annotations with
    `crossread export --format matrix -o tests/golden/matrix.csv` (and .md)."""
    corpus = load_corpus(bundled_corpus())
    for fmt, name in (("csv", "matrix.csv"), ("md", "matrix.md")):
        assert matrix_export(corpus, fmt) == (GOLDEN / name).read_text(encoding="utf-8"), name


def test_export_command_writes_csv_and_markdown(small: Path, tmp_path: Path) -> None:
    assert main(["export", str(small), "--format", "matrix", "-o", str(tmp_path / "m.csv")]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8"))))
    assert rows[0][:4] == ["topic", "kind", "disagree", "conflict"]
    assert rows[0][4].startswith("a: Report A")
    assert rows[1] == [
        "troops",
        "topic",
        "yes",
        "yes",
        f"{CONFLICT_MARK} 100 (HUR (Ukrainian military intelligence))",
        f"{CONFLICT_MARK} 250 (Pentagon)",
        "100 (US department of DEFENSE)",
    ]
    assert main(["export", str(small), "--format", "matrix", "-o", str(tmp_path / "m.md")]) == 0
    text = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert text.startswith("# Claim matrix: corpus\n")
    assert "| **troops** | ≠ 100 (HUR (Ukrainian military intelligence)) |" in text
    assert (
        main(
            [
                "export",
                str(small),
                "--format",
                "matrix",
                "--matrix-format",
                "md",
                "-o",
                str(tmp_path / "m.txt"),
            ]
        )
        == 0
    )
    assert (tmp_path / "m.txt").read_text(encoding="utf-8") == text
    assert matrix_format(None, None) == "csv" and matrix_format("csv", Path("x.md")) == "csv"


def test_matrix_markdown_title_is_the_reports(small: Path, tmp_path: Path) -> None:
    """The heading names the corpus as the report does: crossread.toml's `title`."""
    (small / "crossread.toml").write_text('title = "Troops | in Russia"\n', encoding="utf-8")
    out = tmp_path / "m.md"
    assert main(["export", str(small), "--format", "matrix", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Claim matrix: Troops \\| in Russia\n")
    report = tmp_path / "r.md"
    assert main(["export", str(small), "--format", "markdown", "-o", str(report)]) == 0
    assert report.read_text(encoding="utf-8").startswith("# Review report: Troops \\| in Russia\n")


def test_export_escapes_controls_and_formulas(make_corpus: Callable[..., Path]) -> None:
    root = make_corpus(
        {
            "articles/x.txt": "X\nSaid so: 5 ships.\n",
            "annotations/x.yaml": "version: 1\nannotations:\n"
            '  - {id: s, kind: source, quote: Said so, name: "=HYPERLINK(1)"}\n'
            "  - {id: c, kind: claim, quote: 5 ships, source: s,"
            ' topic: "evil\\e]0;pwn\\athing|pipe\\nline"}\n',
        }
    )
    corpus = load_corpus(root)
    for fmt in ("csv", "md"):
        out = matrix_export(corpus, fmt)
        assert "\x1b" not in out and "\x07" not in out
        assert "0;pwn^Gthing" in out and "evil^" in out
    rows = list(csv.reader(io.StringIO(matrix_csv(build_matrix(corpus)))))
    assert rows[1][4] == "5 (=HYPERLINK(1))"  # not first in the cell: no formula
    assert rows[1][0].startswith("evil^[") and "\n" not in rows[1][0]
    assert "thing\\|pipe" in matrix_export(corpus, "md")


# ------------------------------------------------------------------ search


def test_corpus_search_for_kursk_finds_four_articles(bundled: Corpus) -> None:
    result = search_corpus(bundled, "Kursk")
    in_text = {h.article for h in result.hits if h.field == TEXT}
    assert len(in_text) >= 4
    for hit in result.hits:
        if hit.field == TEXT:
            assert bundled.articles[hit.article].text[hit.start : hit.end].lower() == "kursk"
        a, b = hit.mark
        assert hit.snippet[a:b].lower() == "kursk"
    # grouped by article in corpus order, text order within each
    assert [g.article for g in result.groups] == [
        a for a in bundled.articles if a in {h.article for h in result.hits}
    ]
    for group in result.groups:
        starts = [h.start for h in group.hits if h.field == TEXT]
        assert starts == sorted(starts)
    inside = [
        h
        for h in result.hits
        if h.field == TEXT and h.annotation is not None and h.annotation.ref == f"{A3}#kursk-3000"
    ]
    assert inside and inside[0].where == "in claim kursk-3000"


def test_search_folds_case_spacing_and_typography(small: Path) -> None:
    corpus = load_corpus(small)
    result = search_corpus(corpus, 'rained in "KURSK"', fields=False)
    assert [(h.article, h.field) for h in result.hits] == [("a", TEXT)]
    spaced = search_corpus(corpus, "rained  in kursk", fields=False)
    assert [h.article for h in spaced.hits] == ["b"]  # a no-break space; a has „quotes“
    text = corpus.articles["b"].text
    hit = spaced.hits[0]
    assert text[hit.start : hit.end] == "rained\u00a0in Kursk"
    assert hit.annotation is not None and hit.annotation.ref == "b#rain"
    assert search_corpus(corpus, "   ").hits == ()


def test_search_reads_notes_summaries_and_source_names(small: Path) -> None:
    corpus = load_corpus(small)
    result = search_corpus(corpus, "pentagon")
    fields = [(h.article, h.field, h.where) for h in result.hits]
    assert ("a", NOTE, "note memo") in fields
    assert ("b", TEXT, "in source dod") in fields
    assert ("b", SOURCE_NAME, "name of source dod") in fields
    summary = search_corpus(corpus, "counted in kursk")
    assert [(h.article, h.field, h.where) for h in summary.hits] == [("a", SUMMARY, "summary of link a-vs-b")]
    assert summary.hits[0].start == corpus.get("a#n100").start  # enter goes to the claim
    assert summary.describe() == "“counted in kursk”: 1 match in 1 article"


def test_next_and_previous_result_wrap_across_articles(small: Path) -> None:
    result = search_corpus(load_corpus(small), "soldiers", fields=False)
    assert [h.article for h in result.hits] == ["a", "b", "c"]
    first, second, third = result.hits
    assert result.next_after("a", first.start) == second
    assert result.next_after("c", third.start) == first
    assert result.next_after("a", first.start, backwards=True) == third
    assert result.next_after("b", 0) == second


def test_find_all_agrees_with_folded_search() -> None:
    text = "„Kim“ said:  KIM\u00adJONG and kim"
    spans = find_all(text, '"kim"')
    assert [text[s:e] for s, e in spans] == ["„Kim“"]
    needle = Folded("kim").text.lower()
    for s, e in find_all(text, "kim"):
        assert Folded(text[s:e]).text.lower() == needle
    assert len(find_all(text, "kim")) == 3


# ------------------------------------------------------------------ filters


def test_filter_by_the_pentagon_lists_exactly_the_claims_citing_it(bundled: Corpus) -> None:
    expected = sorted(
        c.ref
        for c in bundled.claims()
        if c.source
        and (s := bundled.get(c.source, c.article)) is not None
        and s.name == "US Department of Defense"
    )
    assert expected
    for spelling in (
        "US Department of Defense",
        "us  department of DEFENSE",
        "Pentagon",
        "US-Verteidigungsministerium",
    ):
        found = Filter.of(sources=[spelling]).apply(bundled)
        assert sorted(a.ref for a in found) == expected, spelling


def test_sources_are_one_across_articles(small: Path) -> None:
    corpus = load_corpus(small)
    assert (
        source_key("Pentagon")
        == source_key("US  Department of Defense")
        == source_key("u.s. department of defense")
    )
    assert source_key("Pentagon Papers") != source_key("Pentagon")
    use = claims_resting_on(corpus, corpus.get("b#dod"))
    assert [(aid, [c.id for c in claims]) for aid, claims in use.claims] == [("b", ["n250"]), ("c", ["n100"])]
    assert use.names == ("Pentagon", "US  department of DEFENSE") and use.count == 2
    assert all_sources(corpus)[0][2] == 2
    assert short_name("HUR (Ukrainian military intelligence)") == "HUR"
    assert short_name("South Korean, US and Ukrainian intelligence") == "South Korean, US and Uk…"


def test_filters_combine_and_describe_themselves(small: Path) -> None:
    session = Session(load_corpus(small), "alice")
    corpus = session.corpus
    session.set_verdict("a#n100", "disputed")

    def refs(f: Filter) -> list[str]:
        return [a.ref for a in f.apply(corpus, reviewer="alice")]

    assert refs(Filter.of(unsourced=True)) == ["a#rain", "b#rain", "c#unknown"]
    assert refs(Filter.of(contradicted=True)) == ["a#n100", "b#n250"]
    assert refs(Filter.of(topics=["TROOPS"], contradicted=True)) == ["a#n100", "b#n250"]
    assert refs(Filter.of(tags=["kursk"])) == ["a#n100"]
    assert refs(Filter.of(kinds=["note"])) == ["a#memo"]
    assert refs(Filter.of(verdicts=["disputed"])) == ["a#n100"]
    assert refs(Filter.of(verdicts=["unreviewed"], sources=["pentagon"])) == ["b#n250", "c#n100"]
    today = date.today()
    assert refs(Filter.of(since=today)) == ["a#n100"]
    assert refs(Filter.of(until=today - timedelta(days=1))) == []
    assert refs(Filter.of(authors=["alice"])) == []  # curated claims have no author
    mine = session.add_note("why?", "b", on="n250").annotation
    assert refs(Filter.of(authors=["alice"], since=today)) == [mine.ref]
    f = Filter.of(sources=["Pentagon"], verdicts=["false", "disputed"], since=date(2025, 1, 2))
    assert f.describe(12) == "claims · source Pentagon · verdict disputed or false · since 2025-01-02 (12)"
    assert Filter().describe(3) == "all (3)" and Filter().empty
    with pytest.raises(ValueError, match="wrong"):
        Filter.of(kinds=["wrong"])


def test_claims_without_a_source_in_the_bundled_corpus(bundled: Corpus) -> None:
    found = Filter.of(unsourced=True).apply(bundled)
    assert found and all(a.kind == "claim" and source_of(bundled, a) is None for a in found)
    assert len(found) == sum(1 for c in bundled.claims() if source_of(bundled, c) is None)


# ------------------------------------------------------------------ history


def _stamp(day: date, hour: int) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


def test_history_shows_a_verdict_given_in_the_test(corpus_dir: Path) -> None:
    session = Session(load_corpus(corpus_dir), "alice")
    session.set_verdict(f"{A3}#pentagon-10k", "false", "about, not exactly")
    events = history(session.corpus, "alice", "today")
    assert [(e.kind, e.label, e.ref) for e in events] == [("verdict", "verdict: false", f"{A3}#pentagon-10k")]
    assert "etwa 10.000" in events[0].target and events[0].text == "about, not exactly"
    assert "verdict: false  003" in events[0].line()
    assert history(session.corpus, "alice", "yesterday") == []
    assert history(session.corpus, "bob") == []
    session.set_verdict(f"{A3}#pentagon-10k", "unreviewed")
    assert history(session.corpus, "alice")[0].label == "verdict reset"


def test_history_is_newest_first_and_filters_by_day_and_kind(small: Path) -> None:
    session = Session(load_corpus(small), "alice")
    yesterday = date.today() - timedelta(days=1)
    old = date(2024, 5, 1)
    records = [
        {
            "id": "v1",
            "kind": "verdict",
            "on": "a#n100",
            "verdict": "supported",
            "author": "alice",
            "created": _stamp(old, 12),
            "modified": _stamp(old, 12),
        },
        {
            "id": "n1",
            "kind": "note",
            "article": "b",
            "on": "n250",
            "text": "recount",
            "author": "alice",
            "created": _stamp(yesterday, 12),
            "modified": _stamp(yesterday, 12),
        },
        {
            "id": "l1",
            "kind": "link",
            "relation": "corroborates",
            "summary": "both 100",
            "claims": ["a#n100", "c#n100"],
            "author": "alice",
            "created": _stamp(old, 9),
            "modified": _stamp(old, 9),
        },
    ]
    assert session.add_records(records).ok
    events = history(session.corpus, "alice")
    assert [e.kind for e in events] == ["note", "verdict", "link"]
    assert events[0].ref == "b#n250"  # a note on a claim jumps to the claim
    assert [e.kind for e in history(session.corpus, "alice", "yesterday")] == ["note"]
    day = record_day(_stamp(old, 12))
    assert [e.kind for e in history(session.corpus, "alice", day)] == ["verdict", "link"]
    assert [e.label for e in history(session.corpus, "alice", kinds=["link"])] == ["link: corroborates"]
    assert (
        describe("alice", "yesterday", ["verdict", "note"], 1)
        == "History · alice · yesterday · verdicts + notes (1)"
    )
    with pytest.raises(ValueError):
        history(session.corpus, "alice", kinds=["nonsense"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2025, 3, 10)),
        ("Yesterday", date(2025, 3, 9)),
        ("gestern", date(2025, 3, 9)),
        ("2024-11-18", date(2024, 11, 18)),
    ],
)
def test_parse_day(text: str, expected: date) -> None:
    assert parse_day(text, today=date(2025, 3, 10)) == expected


def test_parse_day_refuses_other_words() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("last week")


def test_stamps_become_local_days() -> None:
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Auckland"
    time.tzset()
    try:
        assert record_day("2025-03-10T20:00:00Z") == date(2025, 3, 11)
        assert record_day("") is None and record_day("garbage") is None
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_lookup_indexes_answer_exactly_as_the_corpus_does(corpus_dir: Path) -> None:
    """The inspector's per-key indexes give the same notes and the same claims
    resting on a source as asking the corpus directly, for every annotation."""
    from tui.core.model.corpus import load_corpus
    from tui.core.views.filters import claims_resting_on
    from tui.core.views.lookup import NotesIndex, SourceIndex

    corpus = load_corpus(corpus_dir)
    sources = SourceIndex(corpus)
    checked_notes = checked_sources = 0
    for aid, items in corpus.annotations.items():
        notes = NotesIndex(corpus, aid)
        for a in items:
            expected = corpus.notes_on(a)
            assert notes.notes_on(a) == expected, a.ref
            checked_notes += bool(expected)
            if a.kind == "source":
                assert sources.use(a) == claims_resting_on(corpus, a), a.ref
                checked_sources += 1
    assert checked_notes > 10 and checked_sources > 20
