"""Interop with real tools' files (issue 14): what gets in, where it anchors,
that round trips add nothing twice, and that the exports are what other tools
(JSON-LD processors, fact-check search) read."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.exchange import check_output as check_report
from tui.core.exchange.exports import w3c_collection
from tui.core.exchange.importer import import_file, plan_import
from tui.core.exchange.interop import jsonld
from tui.core.exchange.interop.claimreview import SHORT, agent_type, claim_reviews
from tui.core.exchange.interop.publisher import PublisherMissing
from tui.core.exchange.interop.urls import normalise_url
from tui.core.model.corpus import load_corpus
from tui.core.review.session import Session

FIX = Path(__file__).parent / "fixtures" / "interop"
SUITE = ROOT.parent / "shared" / "conformance" / "w3c-annotation-tests" / "tools" / "samples"
A0, A1, A2 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "002_413bc77aeb3face7"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    root = tmp_path / "harbour-corpus"
    shutil.copytree(FIX / "corpus", root)
    return root


def load(name: str) -> Any:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def mine(root: Path, author: str = "bob") -> list[Any]:
    return [
        a
        for items in load_corpus(root).annotations.values()
        for a in items
        if a.path.name == f"{author}.yaml"
    ]


def anchored_exactly(root: Path, annotations: list[Any]) -> None:
    corpus = load_corpus(root)
    for a in annotations:
        assert a.resolution.resolved, a.id
        if a.anchor is not None:
            assert corpus.articles[a.article].text[a.start : a.end] == a.anchor.quote


def test_hypothesis_api_rows_keep_highlights_tags_replies_and_provenance(harbour: Path) -> None:
    rows = load("hypothesis-api.json")["rows"]
    tag_only = [r for r in rows if not r["text"] and r["tags"] and "selector" in r["target"][0]]
    assert len(tag_only) == 20
    report = import_file(Session(load_corpus(harbour), "bob"), FIX / "hypothesis-api.json")
    assert report.imported == 23 and report.skipped == {"whole document (no selector)": 1}
    assert report.saved_to == harbour.resolve() / "annotations" / "notes" / "bob.yaml"
    notes = {a.id: a for a in mine(harbour)}
    anchored_exactly(harbour, [n for n in notes.values() if n.anchor])
    for row in tag_only:  # the page's URL came in four spellings, one only via document.link
        note = notes[f"h:{row['id']}"]
        assert note.article == "harbour" and note.kind == "note" and note.text == "highlight"
        assert (
            list(note.tags) == row["tags"] and note.anchor.quote == row["target"][0]["selector"][2]["exact"]
        )
        assert note.author == "carol_reads" and note.creator == "acct:carol_reads@hypothes.is"
        assert note.origin == f"https://hypothes.is/a/{row['id']}"
        assert note.created == row["created"] and note.modified == row["updated"]
    reply = notes["h:hyp22Xq7Lm2N"]
    assert reply.target == "h:hyp20Xq7Lm2N" and reply.author == "dan"
    assert reply.resolution.resolved  # it sits on its parent's words
    again = import_file(Session(load_corpus(harbour), "bob"), FIX / "hypothesis-api.json")
    assert again.imported == 0 and again.already_present == 23 and again.saved_to is None
    assert "nothing new to save; no file was written" in again.lines()
    assert not load_corpus(harbour).errors


def test_provenance_is_written_back_on_export(harbour: Path) -> None:
    import_file(Session(load_corpus(harbour), "bob"), FIX / "hypothesis-api.json")
    import_file(Session(load_corpus(harbour), "bob"), FIX / "recogito.json", "harbour")
    items = {i["id"]: i for i in w3c_collection(load_corpus(harbour))["first"]["items"]}
    note = items["https://hypothes.is/a/hyp20Xq7Lm2N"]  # its Hypothesis id, through crossread
    assert note["creator"] == {"type": "Person", "id": "acct:carol_reads@hypothes.is", "name": "carol_reads"}
    assert note["created"] == next(
        r["created"] for r in load("hypothesis-api.json")["rows"] if r["id"] == "hyp20Xq7Lm2N"
    )
    assert {b["value"] for b in note["body"] if b.get("purpose") == "tagging"} == {"cost", "check-figure"}
    recogito_ids = {i["crossread:origin"] for i in items.values() if "crossread:origin" in i}
    assert recogito_ids == {r["id"] for r in load("recogito.json")}  # '#…' is no IRI: kept aside


def test_hypothesis_jsonld_follows_refined_by(harbour: Path) -> None:
    items = load("hypothesis.jsonld")
    report = import_file(Session(load_corpus(harbour), "bob"), FIX / "hypothesis.jsonld")
    assert report.imported == 3
    assert report.skipped == {"unsupported selector (XPathSelector)": 1}  # a relative position only
    notes = {a.id: a for a in mine(harbour)}
    anchored_exactly(harbour, list(notes.values()))
    assert notes["h:jld3Hq8Tz"].anchor.quote == "A spokesperson for the fishing cooperative"
    assert notes["h:jld2Hq8Tz"].text == "highlight" and notes["h:jld2Hq8Tz"].tags == ("fishing",)
    assert notes["h:jld1Hq8Tz"].anchor.quote == "take six years"
    assert {n.origin for n in notes.values()} == {i["id"] for i in items[:3]}


@pytest.mark.parametrize("shape", ["expanded", "flattened"])
def test_expanded_and_flattened_jsonld_import_like_compacted(
    harbour: Path, tmp_path: Path, shape: str
) -> None:
    from pyld import jsonld as pyld

    items = load("hypothesis.jsonld")
    options = {"documentLoader": jsonld.offline_loader}
    data = pyld.expand(items, options) if shape == "expanded" else pyld.flatten(items, None, options)
    path = tmp_path / f"{shape}.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    corpus = load_corpus(harbour)
    session = Session(corpus, "bob")
    plain = plan_import(corpus, session, items)
    report = import_file(session, path)
    assert report.imported == plain.imported == 3 and report.skipped == plain.skipped

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["id"], r.get("quote"), r["text"], tuple(r.get("tags", ())), r["origin"])

    assert sorted(map(key, report.records)) == sorted(map(key, plain.records))


def test_loader_never_fetches() -> None:
    with pytest.raises(jsonld.OfflineOnly, match="crossread does not fetch"):
        jsonld.compacted({"@context": "https://example.org/other.jsonld", "@graph": [{}]})


def test_recogito_needs_an_article_and_keeps_its_ids(harbour: Path) -> None:
    items = load("recogito.json")
    corpus = load_corpus(harbour)
    refused = plan_import(corpus, Session(corpus, "bob"), items)
    assert refused.imported == 0
    assert refused.skipped == {"names no document (give --article ID)": 4}
    report = import_file(Session(load_corpus(harbour), "bob"), FIX / "recogito.json", "harbour")
    assert report.imported == 4 and not report.skipped
    notes = mine(harbour)
    anchored_exactly(harbour, notes)
    assert {n.origin for n in notes} == {i["id"] for i in items}
    by_quote = {n.anchor.quote: n for n in notes}
    assert by_quote["31 votes to 12"].author == "Femi"
    assert by_quote["31 votes to 12"].creator == "https://recogito.example/users/femi"
    assert by_quote["Mayor Ana Ruiz"].text == "highlight" and by_quote["Mayor Ana Ruiz"].author == "bob"


def test_text_annotator_empty_bodies_and_every_target(harbour: Path) -> None:
    report = import_file(Session(load_corpus(harbour), "bob"), FIX / "text-annotator.json")
    assert report.imported == 5 and not report.skipped  # one item has two targets
    notes = mine(harbour)
    anchored_exactly(harbour, notes)
    quotes = sorted(n.anchor.quote for n in notes)
    assert quotes == sorted(
        [
            "approved the harbour expansion",
            "480 million euros",
            "600 million euros",
            "container traffic",
            "open sea",
        ]
    )
    assert sum(n.text == "highlight" for n in notes) == 4
    assert all(n.author == "Gus" and n.creator == "mailto:gus@example.org" for n in notes)


@pytest.mark.parametrize("named_targets", [True, False])
@pytest.mark.parametrize("shape", ["expanded", "flattened"])
def test_text_annotator_jsonld_shapes_keep_the_creator(
    harbour: Path, tmp_path: Path, shape: str, named_targets: bool
) -> None:
    """Flattened, the creator (named by an IRI) and named targets are nodes of
    their own in the @graph; the importer follows the references to them."""
    from pyld import jsonld as pyld

    items = load("text-annotator.json")
    for item in items:
        item["creator"] = {"id": "https://ta.example/u/tom", "type": "Person", "name": "tom"}
        if not named_targets:
            for target in item["target"]:
                del target["id"]
    options = {"documentLoader": jsonld.offline_loader}
    data = pyld.expand(items, options) if shape == "expanded" else pyld.flatten(items, None, options)
    path = tmp_path / f"{shape}.jsonld"
    path.write_text(json.dumps(data), encoding="utf-8")
    corpus = load_corpus(harbour)
    plain = plan_import(corpus, Session(corpus, "bob"), items)
    report = import_file(Session(corpus, "bob"), path)
    assert report.imported == plain.imported == 5 and not report.skipped

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["quote"], r["text"], r["author"], r["creator"])

    assert sorted(map(key, report.records)) == sorted(map(key, plain.records))
    assert {(n.author, n.creator) for n in mine(harbour)} == {("tom", "https://ta.example/u/tom")}


def w3c_examples() -> list[Any]:
    """The 43 examples: anno1-41 and the two annotations of the example page."""
    found = [json.loads((SUITE / "correct" / f"anno{n}.json").read_text()) for n in range(1, 41)]
    found.append(json.loads((SUITE / "correct" / "anno41-example44.json").read_text()))
    page = json.loads((SUITE / "correct" / "example42.json").read_text())
    found += [{"@context": page["@context"], **item} for item in page["items"]]
    return found


def test_w3c_examples_are_counted_and_anchored(harbour: Path) -> None:
    examples = w3c_examples()
    assert len(examples) == 43
    corpus = load_corpus(harbour)
    session = Session(corpus, "bob")
    own_page = plan_import(corpus, session, examples)  # examples.md is http://example.org/page1
    assert own_page.imported == 2
    report = plan_import(corpus, session, examples, "examples")
    assert report.imported == 3
    assert report.skipped["whole document (no selector)"] == 32
    assert sum(report.skipped.values()) + report.imported == 44  # anno9 has two targets
    text = corpus.articles["examples"].text
    spans = {text[r["start"] : r["start"] + len(r["quote"])] for r in report.records}
    assert {"anotation", "Selected Text"} <= spans
    assert text[412:795] in spans


def test_url_normalisation() -> None:
    same = normalise_url("https://news.example/a/b")
    for other in (
        "http://news.example/a/b/",
        "https://www.news.example/a/b#x",
        "https://NEWS.example:443/a/b?utm_source=x&utm_campaign=y",
    ):
        assert normalise_url(other) == same
    assert normalise_url("https://news.example/a/b?page=2") != same
    assert normalise_url("urn:crossread:x:y") == "urn:crossread:x:y"


def session_with_review(root: Path, author: str = "alice") -> Session:
    s = Session(load_corpus(root), author)
    text = s.corpus.articles[A0].text
    start = text.index("Kleine Zeitung")
    s.add_note("Check the original.", A0, start, start + 14)
    s.add_annotation("claim", A1, 0, 30, topic="alliance")
    s.set_verdict(f"{A0}#troops-10k", "disputed", "HUR says more")
    s.link([f"{A0}#troops-10k", f"{A1}#troops-11k"], "Counts differ")
    return s


def check_json(root: Path) -> dict[str, Any]:
    data = json.loads(check_report.dumps(load_corpus(root)))
    data.pop("corpus")
    for d in data["diagnostics"]:
        d["path"] = Path(d["path"]).name
    for a in data["articles"]:
        a["path"] = Path(a["path"]).name
    return data


def copy_corpus(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copytree(src / "seeds", dest / "seeds")
    shutil.copytree(src / "annotations", dest / "annotations", ignore=shutil.ignore_patterns("notes"))
    return dest


def test_bundled_round_trip_adds_nothing(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonld"
    out.write_text(json.dumps(w3c_collection(load_corpus(corpus_dir))), encoding="utf-8")
    fresh = copy_corpus(corpus_dir, tmp_path / "elsewhere")
    before = check_json(fresh)
    report = import_file(Session(load_corpus(fresh), "bob"), out)
    assert report.imported == 0 and report.already_present == 206 and not report.skipped
    assert check_json(fresh) == before
    assert len(before["annotations"]) == 178


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(
        st.tuples(
            st.text(min_size=1).filter(str.strip),
            st.integers(0, 3000),
            st.integers(1, 60),
            st.lists(st.sampled_from(["a", "b", "c"]), unique=True),
        ),
        max_size=4,
    ),
    verdict=st.sampled_from(["supported", "disputed", "false", "unverifiable"]),
)
def test_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory,
    corpus_dir: Path,
    notes: list[tuple[str, int, int, list[str]]],
    verdict: str,
) -> None:
    """Export a reviewed copy, import into a fresh copy as someone else: the
    check output is the reviewed copy's, and importing again changes nothing."""
    base = tmp_path_factory.mktemp("rt")
    source = copy_corpus(corpus_dir, base / "source")
    s = session_with_review(source)
    text = s.corpus.articles[A0].text
    for body, start, length, tags in notes:
        start = min(start, len(text) - 2)
        changes = s.add_note(body, A0, start, min(len(text), start + length))
        if tags:
            rid = changes.records[0].id
            s.add_records([dict(s.store.records[rid], tags=tags)])
    s.set_verdict(f"{A2}#{next(a.id for a in s.corpus.claims([A2]))}", verdict)
    exported = base / "out.jsonld"
    exported.write_text(json.dumps(w3c_collection(load_corpus(source))), encoding="utf-8")
    fresh = copy_corpus(corpus_dir, base / "fresh")
    before = check_json(fresh)
    report = import_file(Session(load_corpus(fresh), "bob"), exported)
    assert report.imported == len(notes) + 5 and not report.skipped
    after = check_json(fresh)
    assert after == check_json(source)
    added = [a for a in after["annotations"] if a not in before["annotations"]]
    assert len(added) == len(notes) + 2 and all(a["author"] == "alice" for a in added)
    assert {a["kind"] for a in added} <= {"note", "claim"} and sum(
        a["kind"] == "claim" for a in added
    ) == 1  # claims stay claims
    corpus = load_corpus(fresh)
    judged = corpus.verdict_of(f"{A0}#troops-10k")
    assert judged.author == "alice" and judged.path.name == "bob.yaml"  # alice's, in bob's file
    assert corpus.verdict_of(f"{A0}#troops-10k", "bob") is None
    again = import_file(Session(load_corpus(fresh), "bob"), exported)
    assert again.imported == 0 and check_json(fresh) == after
    same = import_file(Session(load_corpus(source), "bob"), exported)
    assert same.imported == 0  # into the corpus it came from: nothing twice


def test_w3c_export_expands_and_compacts_with_no_lost_or_relative_terms(corpus_dir: Path) -> None:
    session_with_review(corpus_dir)
    collection = w3c_collection(load_corpus(corpus_dir))
    dropped: list[str] = []
    expanded = jsonld.expand(copy.deepcopy(collection), dropped)
    assert dropped == []
    keys, ids, types = set(), [], []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, dict):
            for key, value in node.items():
                keys.add(key)
                if key == "@id":
                    ids.append(value)
                elif key == "@type":
                    types.extend(value if isinstance(value, list) else [value])
                walk(value)

    walk(expanded)
    assert all(k.startswith(("@", "http://", "https://")) for k in keys), keys
    assert all(i.startswith(("urn:", "http://", "https://", "_:")) for i in ids)
    assert all(t.startswith(("http://", "https://")) for t in types), set(types)
    assert f"{jsonld.NAMESPACE}kind" in keys and f"{jsonld.NAMESPACE}value" in keys
    assert OA + "assessing" in ids
    compacted = jsonld.compact(expanded, jsonld.EXPORT_CONTEXT)
    items = compacted["first"]["items"]
    assert len(items) == collection["total"]
    original = {i["id"]: i for i in collection["first"]["items"]}
    for item in items:
        assert set(item) - {"@context"} == set(original[item["id"]]) - {"@context"}


PUBLISHER = """[publisher]
name = "Faktencheck Nord"
url = "https://faktencheck.example"
review_url = "https://faktencheck.example/pruefung/{id}"
"""


def test_claimreview_has_what_fact_check_markup_requires(corpus_dir: Path) -> None:
    (corpus_dir / "crossread.toml").write_text(PUBLISHER, encoding="utf-8")
    s = Session(load_corpus(corpus_dir), "alice")
    claims = s.corpus.claims([A2])
    long_claim = max(claims, key=lambda a: a.end - a.start)
    values = ["supported", "disputed", "false", "unverifiable"]
    for claim, value in zip([long_claim] + [c for c in claims if c is not long_claim], values, strict=False):
        s.set_verdict(claim.ref, value)
    reviews = claim_reviews(load_corpus(corpus_dir))
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == [
        "Disputed",
        "False",
        "Supported",
        "Unverifiable",
    ]
    for review in reviews:
        assert review["url"].startswith("https://faktencheck.example/pruefung/" + A2)
        assert review["author"] == {
            "@type": "Organization",
            "name": "Faktencheck Nord",
            "url": "https://faktencheck.example",
        }
        assert 0 < len(review["claimReviewed"]) <= SHORT
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["name"]
        if rating["alternateName"] == "Unverifiable":
            assert "ratingValue" not in rating  # off the true-false scale, not its middle
        else:
            assert rating["worstRating"] == 1 and rating["bestRating"] == 3
            assert (
                rating["ratingValue"] == {"False": 1, "Disputed": 2, "Supported": 3}[rating["alternateName"]]
            )
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"]["@type"] == "CreativeWork"
        assert item["datePublished"] == "2024-10-24"
        if "author" in item:
            assert item["author"]["@type"] in ("Person", "Organization")
    longest = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Supported")
    full = load_corpus(corpus_dir).articles[A2].text[long_claim.start : long_claim.end]
    if len(full) > SHORT:
        assert longest["itemReviewed"]["text"] == full and longest["claimReviewed"].endswith("…")


def test_claimreview_url_from_the_command_line(corpus_dir: Path) -> None:
    (corpus_dir / "crossread.toml").write_text(
        PUBLISHER.replace('review_url = "https://faktencheck.example/pruefung/{id}"\n', ""), encoding="utf-8"
    )
    s = Session(load_corpus(corpus_dir), "alice")
    s.set_verdict(f"{A0}#troops-10k", "false")
    with pytest.raises(PublisherMissing, match='review_url = "..."'):
        claim_reviews(load_corpus(corpus_dir))
    reviews = claim_reviews(load_corpus(corpus_dir), "https://faktencheck.example/2024/troops")
    assert reviews[0]["url"] == f"https://faktencheck.example/2024/troops#{A0}-troops-10k-alice"


def test_agent_types() -> None:
    assert agent_type("Volodymyr Zelensky") == "Person"
    assert agent_type("South Korean defence minister") == "Person"
    assert agent_type("HUR (Ukrainian military intelligence)") == "Organization"
    assert agent_type("KCNA") == "Organization" and agent_type("US government") == "Organization"
    assert agent_type("unnamed experts") is None
    assert agent_type("Kleine Zeitung", ("person",)) == "Person"


def test_cli_claimreview_without_publisher_and_import_article(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "cr.json"
    done = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "claimreview", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and not out.exists()
    assert "[publisher]" in done.stderr and 'name = "..."' in done.stderr
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "import",
            str(corpus_dir),
            str(FIX / "recogito.json"),
            "--article",
            "nope",
            "--author",
            "bob",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 2 and "no article 'nope'" in wrong.stderr
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "import",
            str(corpus_dir),
            str(FIX / "recogito.json"),
            "--article",
            A0,
            "--author",
            "bob",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "saved to" not in ok.stdout  # nothing was saved
    assert "quote not found in the article: 4" in ok.stdout  # harbour words, German article
    assert "nothing new to save; no file was written" in ok.stdout


def test_hypothesis_reply_keeps_its_parent_through_a_w3c_round_trip(tmp_path: Path) -> None:
    """A reply is a note `on` its parent; exported (`crossread:on`) and imported
    into a fresh copy, with its parent in the same file, it is that note again."""
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    shutil.copytree(FIX / "corpus", first)
    shutil.copytree(FIX / "corpus", fresh)
    import_file(Session(load_corpus(first), "alice"), FIX / "hypothesis-api.json")
    reply = next(a for a in mine(first, "alice") if a.id == "h:hyp22Xq7Lm2N")
    assert reply.target == "h:hyp20Xq7Lm2N"
    exported = tmp_path / "out.jsonld"
    exported.write_text(json.dumps(w3c_collection(load_corpus(first))), encoding="utf-8")
    report = import_file(Session(load_corpus(fresh), "bob"), exported)
    assert report.matches["reply"] == 1 and not report.skipped
    again = next(a for a in mine(fresh) if a.id == "h:hyp22Xq7Lm2N")
    assert again.kind == "note" and again.target == "h:hyp20Xq7Lm2N" and again.anchor is None
    assert again.resolution.resolved and again.author == "dan"
    assert check_json(fresh) == check_json(first)
    assert import_file(Session(load_corpus(fresh), "bob"), exported).imported == 0
