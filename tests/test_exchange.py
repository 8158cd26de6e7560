"""Export and import: W3C conformance (from the suite's own files), round trips, goldens."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from tui.core.exchange.exports import claim_reviews, w3c_collection
from tui.core.exchange.importer import ImportError_, annotations_in, import_file, plan_import
from tui.core.exchange.review_report import markdown_report
from tui.core.model.corpus import bundled_corpus, load_corpus
from tui.core.review.session import Session

SUITE = ROOT.parent / "shared" / "conformance" / "w3c-annotation-tests"
GOLDEN = Path(__file__).parent / "golden"
A0, A1 = "000_f0337515d6951f32", "001_6604a57b5a9e0757"
# Some "correct" samples (anno11-13, and the same items inside collection1) use
# Composite/List/Independents targets, which the suite's own target schema
# (3.2-targetObjectsRecognized) does not recognise: those types left the model before it
# became a Recommendation. Such items must fail exactly that one assertion, nothing else.
DROPPED_TARGET_TYPES = {"Composite", "List", "Independents"}


def uses_dropped_target_type(annotation: Any) -> bool:
    target = annotation.get("target") if isinstance(annotation, dict) else None
    return isinstance(target, dict) and target.get("type") in DROPPED_TARGET_TYPES


needs_suite = pytest.mark.skipif(not SUITE.is_dir(), reason="shared/ is not beside this checkout")


class MustRunner:
    """Runs the MUST assertions listed in annotationMusts.test against one annotation."""

    def __init__(self, suite: Path) -> None:
        files = list(suite.glob("definitions/*.json")) + list(suite.glob("annotations/**/*.json"))
        self.registry: Registry = Registry().with_resources(
            (
                p.name,
                Resource.from_contents(
                    json.loads(p.read_text(encoding="utf-8")), default_specification=DRAFT4
                ),
            )
            for p in files
        )
        listed = json.loads((suite / "annotations" / "annotationMusts.test").read_text())
        self.assertions = []
        for name in listed["assertions"]:
            schema = json.loads((suite / name).read_text(encoding="utf-8"))
            assert schema.get("assertionType") == "must"
            validator = jsonschema.Draft4Validator(
                schema, registry=self.registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
            )
            self.assertions.append((name, schema.get("expectedResult", "valid") == "valid", validator))

    def failures(self, annotation: Any) -> list[str]:
        return [
            name
            for name, expect_valid, validator in self.assertions
            if validator.is_valid(annotation) != expect_valid
        ]


@pytest.fixture(scope="module")
def runner() -> MustRunner:
    return MustRunner(SUITE)


def sample_annotations(path: Path) -> list[Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    kinds = data.get("type") if isinstance(data, dict) else None
    if kinds in ("AnnotationCollection", "AnnotationPage"):
        items = annotations_in(data) if not isinstance(data.get("first"), str) else []
        # Items embedded in a collection inherit its @context.
        return [item if "@context" in item else {"@context": data["@context"], **item} for item in items]
    return [data]


def reviewed(root: Path, author: str = "alice") -> Session:
    s = Session(load_corpus(root), author)
    text = s.corpus.articles[A0].text
    start = text.index("Kleine Zeitung")
    s.add_note("Check the original report.", A0, start, start + 14)
    s.add_note("Two lines\nof note", A0, on="troops-10k")
    s.set_verdict(f"{A0}#troops-10k", "disputed", "HUR says more than 10,000")
    s.set_verdict(f"{A1}#troops-11k", "supported")
    s.link([f"{A0}#troops-10k", f"{A1}#troops-11k"], "Counts differ")
    return s


@needs_suite
@pytest.mark.parametrize("kind", ["correct", "incorrect"])
def test_suite_samples_prove_the_runner(runner: MustRunner, kind: str) -> None:
    checked = 0
    for path in sorted((SUITE / "tools" / "samples" / kind).glob("*.json")):
        annotations = sample_annotations(path)
        if kind == "incorrect":
            assert annotations is None or any(runner.failures(a) for a in annotations), path.name
        else:
            assert annotations is not None
            for annotation in annotations:
                failed = runner.failures(annotation)
                if uses_dropped_target_type(annotation):
                    assert failed == ["annotations/3.2-targetObjectsRecognized.json"]
                else:
                    assert failed == [], (path.name, failed)
        checked += 1
    assert checked > 30


@needs_suite
def test_every_exported_item_passes_every_must(runner: MustRunner, corpus_dir: Path) -> None:
    session = reviewed(corpus_dir)
    collection = w3c_collection(session.corpus)
    items = collection["first"]["items"]
    assert collection["type"] == "AnnotationCollection" and collection["total"] == len(items)
    motivations = {item["motivation"] for item in items}
    assert motivations == {"describing", "identifying", "commenting", "assessing", "linking"}
    for item in items:
        assert runner.failures(item) == [], item["id"]
        assert item["id"].startswith("urn:uuid:")
    link = next(i for i in items if i["motivation"] == "linking")
    assert len(link["target"]) == 2
    claim = next(i for i in items if i.get("crossread:kind") == "claim")
    selectors = {s["type"]: s for s in claim["target"]["selector"]}
    text = session.corpus.articles[claim["target"]["source"].rsplit(":", 1)[1]].text
    position = selectors["TextPositionSelector"]
    assert text[position["start"] : position["end"]] == selectors["TextQuoteSelector"]["exact"]


def test_export_ids_are_stable(corpus_dir: Path) -> None:
    first = w3c_collection(load_corpus(corpus_dir))
    again = w3c_collection(load_corpus(corpus_dir))
    assert [i["id"] for i in first["first"]["items"]] == [i["id"] for i in again["first"]["items"]]
    assert len({i["id"] for i in first["first"]["items"]}) == first["total"]


PUBLISHER = """[publisher]
name = "Faktencheck Nord"
url = "https://faktencheck.example"
review_url = "https://faktencheck.example/pruefung/{id}"
"""


def test_claimreview(corpus_dir: Path) -> None:
    (corpus_dir / "crossread.toml").write_text(PUBLISHER, encoding="utf-8")
    reviews = claim_reviews(reviewed(corpus_dir).corpus)
    assert len(reviews) == 2
    review = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Disputed")
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "Nordkorea über 10.000 Soldaten und Waffen nach Russland verlegt"
    assert review["reviewRating"]["ratingValue"] == 2 and review["reviewRating"]["bestRating"] == 3
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"]["headline"] == load_corpus(corpus_dir).articles[A0].title
    assert review["url"] == f"https://faktencheck.example/pruefung/{A0}-troops-10k-alice"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Faktencheck Nord",
        "url": "https://faktencheck.example",
    }
    assert review["contributor"] == {"@type": "Person", "name": "alice"}
    assert len(review["datePublished"]) == 10


def test_markdown_report_golden() -> None:
    from datetime import date

    from tui.core.exchange.review_report import Options

    # The header's date is pinned; `crossread export` takes SOURCE_DATE_EPOCH too.
    report = markdown_report(load_corpus(bundled_corpus()), Options(today=date(2025, 3, 1)))
    golden = GOLDEN / "report.md"
    assert report == golden.read_text(encoding="utf-8")


def test_markdown_report_with_review(corpus_dir: Path) -> None:
    report = markdown_report(reviewed(corpus_dir).corpus)
    assert "- Claims with a verdict: 2 of 96" in report
    assert "**disputed** (alice): HUR says more than 10,000" in report
    assert "Two lines of note (alice)" in report
    assert "### Counts differ" in report


def test_round_trip_reproduces_notes_and_verdicts(corpus_dir: Path, tmp_path: Path) -> None:
    session = reviewed(corpus_dir)
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(w3c_collection(session.corpus)), encoding="utf-8")
    session.store.path.unlink()  # an empty notes file
    fresh = Session(load_corpus(corpus_dir), "alice")
    report = import_file(fresh, exported)
    assert report.skipped == {} and report.imported == 5  # 2 notes, 2 verdicts, 1 link
    corpus = load_corpus(corpus_dir)
    notes = sorted((n.text, n.start, n.end) for n in corpus.annotations[A0] if n.author)
    text = corpus.articles[A0].text
    claim = corpus.get(f"{A0}#troops-10k")
    start = text.index("Kleine Zeitung")
    assert notes == sorted(
        [("Check the original report.", start, start + 14), ("Two lines\nof note", claim.start, claim.end)]
    )
    assert corpus.verdict_of(f"{A0}#troops-10k").value == "disputed"
    assert corpus.verdict_of(f"{A0}#troops-10k").comment == "HUR says more than 10,000"
    assert corpus.verdict_of(f"{A1}#troops-11k").value == "supported"
    assert any(
        link.summary == "Counts differ"
        and link.relation == "contradicts"
        and link.members == (f"{A0}#troops-10k", f"{A1}#troops-11k")
        for link in corpus.links
    )
    again = import_file(Session(load_corpus(corpus_dir), "alice"), exported)
    assert again.imported == 0  # ids are kept: nothing twice


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.text(min_size=1).filter(str.strip), st.integers(0, 3000), st.integers(1, 80)),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["supported", "disputed", "false", "unverifiable"]),
)
def test_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory, notes: list[tuple[str, int, int]], verdict: str
) -> None:
    root = tmp_path_factory.mktemp("rt") / "case"
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "annotations", root / "annotations")
    s = Session(load_corpus(root), "prop")
    text = s.corpus.articles[A0].text
    wanted = []
    for body, start, length in notes:
        start = min(start, len(text) - 2)
        end = min(len(text), start + length)
        s.add_note(body, A0, start, end)
        wanted.append((body, start, end))
    s.set_verdict(f"{A0}#hur-10k", verdict)
    data = root / "out.json"
    data.write_text(json.dumps(w3c_collection(s.corpus)), encoding="utf-8")
    s.store.path.unlink()
    import_file(Session(load_corpus(root), "prop"), data)
    corpus = load_corpus(root)
    got = sorted((n.text, n.start, n.end) for n in corpus.annotations[A0] if n.author)
    assert got == sorted(wanted)
    assert corpus.verdict_of(f"{A0}#hur-10k").value == verdict


@needs_suite
def test_import_suite_samples(corpus_dir: Path) -> None:
    """Samples with text selectors on text import once re-pointed at an article;
    the rest are reported by reason."""
    session = Session(load_corpus(corpus_dir), "alice")
    items: list[Any] = []
    for path in sorted((SUITE / "tools" / "samples" / "correct").glob("*.json")):
        found = sample_annotations(path)
        items.extend(found or [])
    text_targets = []
    for item in items:
        targets = item.get("target")
        targets = targets if isinstance(targets, list) else [targets]
        selectors = [
            s
            for t in targets
            if isinstance(t, dict)
            for s in (t.get("selector") if isinstance(t.get("selector"), list) else [t.get("selector")])
            if isinstance(s, dict)
        ]
        if any(s.get("type") in ("TextQuoteSelector", "TextPositionSelector") for s in selectors):
            text_targets.append(item)
    assert text_targets
    report = plan_import(session.corpus, session, items)
    targets = sum(
        max(1, len(t) if isinstance(t := item.get("target"), list) else 1) for item in items
    )  # every target of an item is counted
    assert report.imported == 0 and sum(report.skipped.values()) == targets
    assert report.skipped["target in another document"] >= len(text_targets)
    # Point the text-selector samples at a real article with words from it.
    article_text = session.corpus.articles[A0].text
    retargeted = []
    for item in text_targets:
        copy = json.loads(json.dumps(item))
        target = copy["target"] if isinstance(copy["target"], dict) else copy["target"][0]
        target["source"] = f"urn:crossread:case:{A0}"
        target["selector"] = {"type": "TextQuoteSelector", "exact": article_text[100:140]}
        copy.setdefault("bodyValue", "imported sample")
        retargeted.append(copy)
    report = plan_import(session.corpus, session, retargeted)
    unique = {item["id"] for item in retargeted}  # collection1 repeats single samples
    assert report.imported == len(unique)
    assert report.already_present == len(retargeted) - len(unique)


def test_import_reports_unsupported_selectors_and_other_documents(corpus_dir: Path, tmp_path: Path) -> None:
    source = f"urn:crossread:case:{A0}"
    items = [
        {
            "type": "Annotation",
            "id": "urn:x:1",
            "bodyValue": "css",
            "target": {"source": source, "selector": {"type": "CssSelector", "value": "#p1"}},
        },
        {
            "type": "Annotation",
            "id": "urn:x:2",
            "bodyValue": "xpath",
            "target": {"source": source, "selector": {"type": "XPathSelector", "value": "/p"}},
        },
        {
            "type": "Annotation",
            "id": "urn:x:3",
            "bodyValue": "other",
            "target": {
                "source": "https://elsewhere.example/a",
                "selector": {"type": "TextQuoteSelector", "exact": "x"},
            },
        },
        {"type": "Annotation", "id": "urn:x:4", "bodyValue": "whole", "target": source},
        {
            "type": "Annotation",
            "id": "urn:x:5",
            "bodyValue": "ok",
            "target": {"source": source, "selector": {"type": "TextPositionSelector", "start": 0, "end": 9}},
        },
    ]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    report = import_file(Session(load_corpus(corpus_dir), "bob"), path)
    assert report.imported == 1
    assert report.skipped == {
        "unsupported selector (CssSelector)": 1,
        "unsupported selector (XPathSelector)": 1,
        "target in another document": 1,
        "whole document (no selector)": 1,
    }


def test_import_hypothesis_api_format(corpus_dir: Path, tmp_path: Path) -> None:
    row = {
        "id": "Qm9vAbCd",
        "uri": f"urn:crossread:case:{A1}",
        "text": "From Hypothesis",
        "user": "acct:bob@hypothes.is",
        "created": "2024-11-20T10:00:00.000000+00:00",
        "target": [
            {
                "source": f"urn:crossread:case:{A1}",
                "selector": [
                    {"type": "TextPositionSelector", "start": 0, "end": 10},
                    {
                        "type": "TextQuoteSelector",
                        "exact": "Kyiv Independent",
                        "prefix": "die Zeitung ",
                        "suffix": " berichtet",
                    },
                ],
            }
        ],
    }
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"total": 1, "rows": [row]}), encoding="utf-8")
    report = import_file(Session(load_corpus(corpus_dir), "bob"), path)
    assert report.imported == 1
    note = next(a for a in load_corpus(corpus_dir).annotations[A1] if a.author == "bob")
    assert note.text == "From Hypothesis" and note.anchor.quote == "Kyiv Independent"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "invalid UTF-8"),
        (b"42", "expected a JSON"),
        (b'{"type": "AnnotationCollection", "first": "http://x/page1"}', "only a link"),
    ],
)
def test_bad_import_files(corpus_dir: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportError_, match=message):
        import_file(Session(load_corpus(corpus_dir), "bob"), path)


def test_huge_import_is_refused_with_exit_code(corpus_dir: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "import", str(corpus_dir), str(huge), "--author", "bob"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "over the 50 MiB import limit" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_partial_import(corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = reviewed(corpus_dir, "carol")
    data = tmp_path / "all.json"
    data.write_text(json.dumps(w3c_collection(session.corpus)), encoding="utf-8")
    session.store.path.unlink()  # so every item of carol's is new to the corpus
    target = Session(load_corpus(corpus_dir), "dave")

    def fail(path, payload):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.core.files.store.atomic_write", fail)
    with pytest.raises(ImportError_, match="nothing was imported"):
        import_file(target, data)
    monkeypatch.undo()
    assert target.store.records == {} and not target.store.path.exists()
    assert not any(a.author == "dave" for items in target.corpus.annotations.values() for a in items)


def test_cli_export_and_import(corpus_dir: Path, tmp_path: Path) -> None:
    reviewed(corpus_dir)
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "w3c", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and json.loads(out.read_text())["total"] > 100
    refused = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "claimreview"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and refused.stdout == ""
    assert "[publisher]" in refused.stderr and 'review_url = "..."' in refused.stderr
    (corpus_dir / "crossread.toml").write_text(PUBLISHER, encoding="utf-8")
    for fmt in ("claimreview", "markdown"):
        shown = subprocess.run(
            [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", fmt],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert shown.returncode == 0 and shown.stdout
    (corpus_dir / "annotations" / "notes" / "alice.yaml").unlink()
    imported = subprocess.run(
        [sys.executable, "-m", "tui", "import", str(corpus_dir), str(out), "--author", "erin"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0 and "imported 5 items (exact 4, link 1)" in imported.stdout
    assert "already present, not added again: 206" in imported.stdout
    assert (corpus_dir / "annotations" / "notes" / "erin.yaml").exists()
