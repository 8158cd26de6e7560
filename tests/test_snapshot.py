"""The corpus snapshot (tui/core/files/snapshot.py): a warm load opens no article
file it knows by stat, and whatever changed, or is no plain file inside the
corpus, is read and checked as on a cold load."""

import os
from pathlib import Path

import pytest

from tui.core.files import cache, snapshot
from tui.core.model import loading as loading_module
from tui.core.model.corpus import load_corpus

ARTICLE = "Title\nKim sagt nein. Soldaten kamen im Oktober.\n"
MARKDOWN = (
    "---\ntitle: Bericht\noutlet: Blatt\n---\n# Kopf\n\n"
    "Ein **fetter** [Link](https://x.example) Satz.\n\n- eins\n"
)
CLAIMS = "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Kim sagt nein\n"


@pytest.fixture(autouse=True)
def _cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREAD_NO_CACHE", raising=False)
    # Files written by a test are seconds old at most: trust them as if older.
    monkeypatch.setattr(snapshot, "RACY_NS", -(10**15))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the article files the loader opened and parsed."""
    opened: list[str] = []
    real = loading_module.load_article

    def counting(path: Path, root: Path | None = None):  # type: ignore[no-untyped-def]
        opened.append(path.name)
        return real(path, root)

    monkeypatch.setattr(loading_module, "load_article", counting)
    return opened


def corpus_files(make_corpus) -> Path:  # type: ignore[no-untyped-def]
    return make_corpus({"articles/a.txt": ARTICLE, "articles/b.md": MARKDOWN, "annotations/a.yaml": CLAIMS})


def messages(corpus) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.format(corpus.root) for d in corpus.diagnostics]


def test_warm_load_opens_no_article_and_gives_the_same_articles(make_corpus, reads: list[str]) -> None:
    root = corpus_files(make_corpus)
    cold = load_corpus(root)
    assert sorted(reads) == ["a.txt", "b.md"]
    reads.clear()
    warm = load_corpus(root)
    assert reads == []
    for aid in ("a", "b"):
        assert warm.articles[aid] == cold.articles[aid]
    assert warm.articles["b"].blocks[1].spans  # styled text survives the round trip
    assert [a.resolution for a in warm.annotations["a"]] == [a.resolution for a in cold.annotations["a"]]
    assert messages(warm) == messages(cold)


def test_a_changed_file_is_read_again(make_corpus, reads: list[str]) -> None:
    root = corpus_files(make_corpus)
    load_corpus(root)
    (root / "articles" / "a.txt").write_text("Neuer Titel\nGanz anderer Text.\n", encoding="utf-8")
    reads.clear()
    corpus = load_corpus(root)
    assert reads == ["a.txt"]
    assert corpus.articles["a"].title == "Neuer Titel"
    reads.clear()
    assert load_corpus(root).articles["a"].title == "Neuer Titel" and reads == []


def test_files_changed_just_before_a_load_are_not_kept(make_corpus, reads: list[str], monkeypatch) -> None:
    monkeypatch.setattr(snapshot, "RACY_NS", 10**15)  # everything counts as just changed
    root = corpus_files(make_corpus)
    load_corpus(root)
    reads.clear()
    load_corpus(root)
    assert sorted(reads) == ["a.txt", "b.md"]


def test_a_file_replaced_by_a_link_out_of_the_corpus_is_refused(
    make_corpus, tmp_path: Path, reads: list[str]
) -> None:
    root = corpus_files(make_corpus)
    load_corpus(root)
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE, encoding="utf-8")  # the same bytes: only the link differs
    (root / "articles" / "a.txt").unlink()
    (root / "articles" / "a.txt").symlink_to(secret)
    corpus = load_corpus(root)
    assert "a" not in corpus.articles
    assert any("articles/a.txt: error: this is a link that leads outside" in m for m in messages(corpus))
    again = load_corpus(root)  # and the refusal is never cached
    assert "a" not in again.articles


def test_a_link_inside_the_corpus_is_read_every_time(make_corpus, reads: list[str]) -> None:
    root = corpus_files(make_corpus)
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "c.txt").write_text("Verlinkt\nText\n", encoding="utf-8")
    (root / "articles" / "c.txt").symlink_to(root / "elsewhere" / "c.txt")
    load_corpus(root)
    (root / "elsewhere" / "c.txt").write_text("Geändert\nText\n", encoding="utf-8")
    reads.clear()
    corpus = load_corpus(root)
    assert reads == ["c.txt"]  # a link's own stat says nothing of its target
    assert corpus.articles["c"].title == "Geändert"


def test_a_file_grown_over_the_cap_is_refused(make_corpus) -> None:
    root = corpus_files(make_corpus)
    load_corpus(root)
    with open(root / "articles" / "a.txt", "r+b") as handle:
        handle.truncate(17 << 20)  # sparse: costs no disk
    corpus = load_corpus(root)
    assert "a" not in corpus.articles and "b" in corpus.articles
    assert any("over the 16.0 MiB limit" in m for m in messages(corpus))


def test_a_file_replaced_by_a_fifo_is_refused(make_corpus) -> None:
    root = corpus_files(make_corpus)
    load_corpus(root)
    (root / "articles" / "a.txt").unlink()
    os.mkfifo(root / "articles" / "a.txt")
    corpus = load_corpus(root)
    assert any("a FIFO (named pipe), not a regular file" in m for m in messages(corpus))
    assert "a" not in corpus.articles


def test_an_article_with_problems_is_never_kept(make_corpus, reads: list[str]) -> None:
    root = make_corpus({"articles/a.md": "---\ntitle: [eine, Liste]\n---\nText\n"})
    first = load_corpus(root)
    reads.clear()
    second = load_corpus(root)
    assert reads == ["a.md"] and messages(second) == messages(first)
    assert any("front matter 'title' should be text" in m for m in messages(second))


def test_a_broken_snapshot_is_ignored(make_corpus, reads: list[str]) -> None:
    root = corpus_files(make_corpus)
    load_corpus(root)
    (entry,) = (cache.cache_dir() / snapshot.KIND).iterdir()
    entry.write_bytes(b"\x00not marshal")
    reads.clear()
    corpus = load_corpus(root)
    assert sorted(reads) == ["a.txt", "b.md"] and set(corpus.articles) == {"a", "b"}


def test_nothing_is_written_in_the_corpus_or_without_a_cache(make_corpus, monkeypatch) -> None:
    root = corpus_files(make_corpus)
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    monkeypatch.setenv("CROSSREAD_NO_CACHE", "1")
    load_corpus(root)
    assert not (cache.cache_dir() / snapshot.KIND).exists()
    monkeypatch.delenv("CROSSREAD_NO_CACHE")
    load_corpus(root)
    assert len(list((cache.cache_dir() / snapshot.KIND).iterdir())) == 1
    after = sorted(str(p.relative_to(root)) for p in root.rglob("*") if "notes" not in p.parts)
    assert after == [p for p in before if "notes" not in p]


def test_annotation_bytes_stops_counting_once_past_the_limit(make_corpus) -> None:
    from tui.core.model.corpus import annotation_bytes

    root = make_corpus({f"annotations/a{n}.yaml": CLAIMS for n in range(5)} | {"articles/a.txt": ARTICLE})
    assert annotation_bytes(root) == 5 * len(CLAIMS)
    assert annotation_bytes(root, stop_after=len(CLAIMS)) == 2 * len(CLAIMS)
