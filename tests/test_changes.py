"""The change seam: every Session change returns a ChangeSet, and the corpus it
updates in place matches a corpus loaded afresh from the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.files import store as store_module
from tui.core.model.corpus import Corpus, load_corpus
from tui.core.review.session import Session

A0, A1 = "000_f0337515d6951f32", "001_6604a57b5a9e0757"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setattr(store_module, "user_data_dir", lambda: data)
    return data


def state(corpus: Corpus) -> dict[str, object]:
    """What the views show, independent of load order."""
    annotations = sorted(
        (a.ref, a.kind, a.text, a.resolution.resolved, a.start, a.end)
        for items in corpus.annotations.values()
        for a in items
    )
    verdicts = sorted((ref, v.value, v.author) for ref, items in corpus.verdicts.items() for v in items)
    links = sorted((link.id, link.relation, link.members, link.resolved) for link in corpus.links)
    by_article = {aid: corpus.counts(aid) for aid in corpus.articles}
    return {
        "annotations": annotations,
        "verdicts": verdicts,
        "links": links,
        "counts": by_article,
        "progress": corpus.progress("alice"),
        "contradictions": sorted(corpus.contradiction_refs()),
        "lookups": sorted(r for r, _, _, _, _, _ in annotations if corpus.get(r) is None),
    }


def test_every_change_matches_a_fresh_load(corpus_dir: Path) -> None:
    s = Session(load_corpus(corpus_dir), "alice")
    claim0 = next(a for a in s.corpus.annotations[A0] if a.kind == "claim")
    text = s.corpus.articles[A1].text
    start = text.index("Pjöngjang") if "Pjöngjang" in text else 10
    steps = [
        ("note", lambda: s.add_note("a remark", A0, on="troops-10k")),
        ("claim", lambda: s.add_annotation("claim", A1, start, start + 12)),
        ("verdict", lambda: s.set_verdict(claim0.ref, "false")),
        ("link", lambda: s.link([claim0.ref, f"{A0}#hur-10k"], "differ", "contradicts")),
        ("undo", s.undo),
        ("redo", s.redo),
        ("undo verdict", lambda: (s.undo(), s.undo())[1]),
    ]
    for name, step in steps:
        changes = step()
        assert changes.ok, name
        assert state(s.corpus) == state(load_corpus(corpus_dir)), name


def test_change_sets_say_what_changed(corpus_dir: Path) -> None:
    s = Session(load_corpus(corpus_dir), "alice")
    verdict = s.set_verdict(f"{A0}#troops-10k", "false")
    assert verdict.label == "verdict 'false' on troops-10k"
    assert verdict.articles == frozenset() and verdict.verdicts_changed
    assert [(c.kind, c.action) for c in verdict.records] == [("verdict", "added")]
    note = s.add_note("see HUR", A0, on="hur-10k")
    assert note.articles == {A0} and note.annotation is not None
    assert note.annotation.text == "see HUR" and not note.verdicts_changed
    undone = s.undo()
    assert undone.label == "Undone: note on hur-10k"
    assert [(c.kind, c.action) for c in undone.records] == [("note", "removed")]
    assert s.corpus.get(note.annotation.ref) is None
    redone = s.redo()
    assert redone.label == "Redone: note on hur-10k" and s.corpus.get(note.annotation.ref)


def test_merge_from_disk_is_flagged_for_a_full_refresh(corpus_dir: Path) -> None:
    first = Session(load_corpus(corpus_dir), "alice")
    first.add_note("one", A0, on="troops-10k")
    second = Session(load_corpus(corpus_dir), "alice")
    second.add_note("two", A0, on="hur-10k")
    changes = first.add_note("three", A0, on="troops-10k")
    assert changes.merged and changes.save.merged_from_disk
    texts = sorted(a.text for a in first.corpus.annotations[A0] if a.author == "alice")
    assert texts == ["one", "three", "two"]
    assert state(first.corpus) == state(load_corpus(corpus_dir))


def test_existing_link_is_found(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    s = Session(corpus, "alice")
    linked = {ref for link in corpus.links for ref in link.members}
    refs = [a.ref for a in corpus.claims([A0]) if a.ref not in linked][:2]
    assert len(refs) == 2 and s.existing_link(refs) is None
    s.link(refs, "they differ")
    found = s.existing_link(list(reversed(refs)))
    assert found is not None and found.summary == "they differ"


def test_a_pair_inside_a_larger_curated_link_is_already_linked(corpus_dir: Path) -> None:
    """Linking two claims that a curated link of three already joins would
    add a duplicate: the session finds that link."""
    corpus = load_corpus(corpus_dir)
    s = Session(corpus, "alice")
    big = next(link for link in corpus.links if len(link.members) > 2)
    pair = list(big.members[:2])
    found = s.existing_link(pair)
    assert found is not None and found.id == big.id


def test_contradiction_counts_follow_a_new_link_and_its_undo(corpus_dir: Path) -> None:
    """Counts per article are computed once per change of the links, never stale."""
    corpus = load_corpus(corpus_dir)
    s = Session(corpus, "alice")
    linked = {ref for link in corpus.links for ref in link.members}
    a, b = [c.ref for c in corpus.claims([A0]) if c.ref not in linked][:2]
    before = corpus.counts(A0).contradictions
    s.link([a, b], "they differ", "contradicts")
    assert corpus.counts(A0).contradictions == before + 1
    s.undo()
    assert corpus.counts(A0).contradictions == before
