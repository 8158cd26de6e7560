"""Dropping and adding an author's layer keeps the corpus indexes as a fresh load
builds them (drop_layer and add_layer update them in place, not from scratch)."""

from tui.core.model.corpus import Corpus, load_corpus, load_user_file

ARTICLE = "Title\nKim sagt nein. Soldaten kamen im Oktober. Kim sagt ja.\n"
CURATED = (
    "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Kim sagt nein\n"
    "  - id: y\n    kind: claim\n    quote: Kim sagt ja\n"
)
MINE = (
    "version: 1\nrecords:\n"
    "  - id: m1\n    kind: claim\n    article: a\n    quote: Soldaten kamen\n"
    "  - id: n1\n    kind: note\n    article: a\n    on: x\n    text: mine\n"
    "  - id: l1\n    kind: link\n    relation: contradicts\n    claims: [a#x, a#m1]\n    summary: s\n"
)


def state(corpus: Corpus) -> tuple:
    refs = {(aid, ident): a.ref for aid, ids in corpus._by_id.items() for ident, a in ids.items()}
    links = {ref: sorted(link.id for link in found) for ref, found in corpus._links_by_ref.items() if found}
    return refs, dict(corpus._claim_counts), links, corpus.counts("a").contradictions


def test_drop_and_add_again_match_a_fresh_load(make_corpus) -> None:  # type: ignore[no-untyped-def]
    root = make_corpus(
        {"articles/a.txt": ARTICLE, "annotations/a.yaml": CURATED, "annotations/notes/alice.yaml": MINE}
    )
    corpus = load_corpus(root)
    fresh = state(corpus)
    assert corpus.get("a#m1") is not None and fresh[1] == {"a": 3} and fresh[3] == 1
    mine = root / "annotations" / "notes" / "alice.yaml"

    corpus.drop_layer(mine)
    assert corpus.get("a#m1") is None and corpus.get("a#n1") is None and corpus.get("a#x") is not None
    assert corpus._claim_counts == {"a": 2} and corpus.links_of(corpus.get("a#x")) == []  # type: ignore[arg-type]
    assert corpus.counts("a").contradictions == 0

    load_user_file(corpus, mine)
    assert state(corpus) == fresh


def test_an_id_taken_by_another_layer_is_refused(make_corpus) -> None:  # type: ignore[no-untyped-def]
    root = make_corpus({"articles/a.txt": ARTICLE, "annotations/a.yaml": CURATED})
    corpus = load_corpus(root)
    other = root / "bob.yaml"
    other.write_text(
        "version: 1\nrecords:\n  - id: x\n    kind: claim\n    article: a\n    quote: Soldaten kamen\n",
        encoding="utf-8",
    )
    load_user_file(corpus, other)
    assert any("id 'x' is already used in a" in d.message for d in corpus.diagnostics)
    assert corpus.get("a#x") is not None and corpus.get("a#x").path != other  # type: ignore[union-attr]
    assert corpus._claim_counts == {"a": 2}


def test_a_layer_added_to_a_corpus_changed_by_hand_is_indexed(make_corpus) -> None:  # type: ignore[no-untyped-def]
    root = make_corpus({"articles/a.txt": ARTICLE, "annotations/a.yaml": CURATED})
    corpus = load_corpus(root)
    corpus.annotations["a"].pop()  # not through the corpus: its indexes are stale
    load_user_file(corpus, root / "nobody.yaml")  # missing: an empty layer
    assert corpus.get("a#y") is None and corpus._claim_counts == {"a": 1}
