"""Refusals come before parsing: an article over the cap costs no YAML work."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.files import yamlio
from tui.core.files.article import MAX_ARTICLE_BYTES
from tui.core.model.corpus import load_corpus


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREAD_NO_CACHE", "1")


def test_annotations_of_a_refused_article_are_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    big = tmp_path / "articles" / "big.md"
    with big.open("wb") as handle:  # sparse: over the cap without writing 16 MiB
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (tmp_path / "articles" / "ok.md").write_text("Ein Satz über Kim.\n", encoding="utf-8")
    (tmp_path / "annotations" / "big.yaml").write_text("version: 1\nannotations: [\n", encoding="utf-8")
    parsed: list[int] = []
    real = yamlio.load
    monkeypatch.setattr(yamlio, "load", lambda text: parsed.append(len(text)) or real(text))
    corpus = load_corpus(tmp_path)
    assert parsed == []
    messages = [d.message for d in corpus.diagnostics if d.path.name == "big.yaml"]
    assert messages == ["not read: the article 'big' could not be loaded"]
    assert any("limit" in d.message for d in corpus.errors if d.path == big)


def test_over_cap_yaml_is_refused_by_its_size(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "articles" / "a.md").write_text("Ein Satz.\n", encoding="utf-8")
    huge = tmp_path / "annotations" / "a.yaml"
    with huge.open("wb") as handle:
        handle.truncate(yamlio.MAX_BYTES + 1)
    corpus = load_corpus(tmp_path)
    assert any("limit" in d.message for d in corpus.errors if d.path == huge)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ12.:/@ wxlocahstрф-_ä\n", max_size=40))
def test_link_prefilter_never_hides_a_link(text: str) -> None:
    """Text the quick check rules out is text linkify-it finds no link in (with
    its default options, which the parser uses); with fuzzy_ip on, text its
    own pretest rejects."""
    from linkify_it import LinkifyIt

    from tui.core.files.markdown import _MAY_LINK, _MAY_LINK_OR_IP

    if _MAY_LINK.search(text) is None:
        assert not LinkifyIt().test(text)
    if _MAY_LINK_OR_IP.search(text) is None:
        assert not LinkifyIt().pretest(text)
        assert not LinkifyIt(options={"fuzzy_ip": True}).test(text)


def test_the_parser_rules_out_numbers_and_still_links() -> None:
    from tui.core.files.markdown import _parser

    linkify = _parser().linkify
    assert not linkify.pretest("Es waren 91.357. Dann 1.2.3.4 ohne Link.")
    assert linkify.pretest("Siehe example.org oder http://1.2.3.4/x")
    tokens = _parser().parse("Siehe example.org und 91.357. Ende.")
    assert any(t.type == "link_open" for tok in tokens if tok.children for t in tok.children)


def test_gc_pause_nests_and_restores() -> None:
    import gc

    from tui.core.files import gcpause

    assert gc.isenabled()
    with gcpause.paused():
        with gcpause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_pause_and_resume_overlap_a_paused_block() -> None:
    """The app's pause begins in one callback and ends in another, around loads."""
    import gc

    from tui.core.files import gcpause

    gcpause.pause()
    with gcpause.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
    gcpause.resume()
    assert gc.isenabled()
