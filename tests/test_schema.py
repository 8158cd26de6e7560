"""Every schema error names the file, line and column, says what and how to fix."""

from pathlib import Path

import pytest

from tui.core.model.corpus import load_corpus

ARTICLE = "Title\nNordkorea hat über 10.000 Soldaten verlegt. Kim sagt nein. Kim sagt ja.\n"


def corpus_with(make_corpus, annotations: str, links: str | None = None):
    files = {
        "articles/a.txt": ARTICLE,
        "articles/b.txt": "B\nanother text\n",
        "annotations/a.yaml": annotations,
    }
    if links is not None:
        files["annotations/contradictions.yaml"] = links
    return load_corpus(make_corpus(files))


def only(corpus, level: str):
    return [d for d in corpus.diagnostics if d.level.value == level]


@pytest.mark.parametrize(
    ("yaml_text", "line", "column", "message"),
    [
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: [oops\n",
            6,
            1,
            "YAML syntax error",
        ),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: {a: 1}\n",
            5,
            12,
            "'quote' must be text, not a mapping",
        ),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: fact\n    quote: Kim\n",
            4,
            11,
            "unknown kind 'fact'",
        ),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Nordkorea\n"
            "  - id: x\n    kind: claim\n    quote: Soldaten\n",
            6,
            5,
            "duplicate id 'x'",
        ),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    kind: source\n",
            5,
            5,
            "duplicate key 'kind'",
        ),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Nordkorea\n"
            "    source: nobody\n",
            3,
            5,
            "names source 'nobody', which does not exist",
        ),
        (
            "version: 1\nq: &q Kim\nannotations:\n  - id: x\n    kind: claim\n    quote: *q\n",
            6,
            12,
            "aliases are not allowed",
        ),
        ("version: 1\nannotations:\n" + "  " + "[" * 40 + "]" * 40 + "\n", 3, 34, "nesting is deeper"),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    occurrence: two\n    quote: Kim\n",
            5,
            17,
            "'occurrence' must be a whole number",
        ),
        ("version: 1\nannotations:\n  - id: x\n    kind: claim\n", 3, 5, "has no 'quote'"),
        ("version: 1\nannotations:\n  - kind: claim\n    quote: Kim\n", 3, 5, "has no 'id'"),
        (
            "version: 1\nannotations:\n  - id: n\n    kind: note\n    quote: Kim\n",
            3,
            5,
            "this note has no 'text'",
        ),
        ("version: 2\nannotations: []\n", 1, 10, "unsupported schema version 2"),
        ("version: 1\nannotations: nope\n", 2, 14, "'annotations' must be a list"),
        ("- just\n- a list\n", 1, 1, "must be a mapping"),
        (
            "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Kim\n"
            "x: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
            6,
            4,
            "is not allowed",
        ),
        ("version: 1\narticle: zz\nannotations: []\n", 2, 10, "the file says article 'zz'"),
    ],
)
def test_schema_errors(make_corpus, yaml_text: str, line: int, column: int, message: str) -> None:
    corpus = corpus_with(make_corpus, yaml_text)
    errors = only(corpus, "error")
    assert any(message in e.message for e in errors), [e.format() for e in errors]
    error = next(e for e in errors if message in e.message)
    assert (error.path.name, error.line, error.column) == ("a.yaml", line, column)
    assert error.hint
    assert "b" in corpus.articles  # other articles still load


def test_over_large_annotation_file(make_corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.core.files.yamlio.MAX_BYTES", 64)
    corpus = corpus_with(make_corpus, "version: 1\nannotations: []\n# " + "x" * 100 + "\n")
    assert any("over the 64 bytes limit" in e.message for e in corpus.errors)


def test_unknown_keys_warn_with_suggestion(make_corpus) -> None:
    corpus = corpus_with(
        make_corpus,
        "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Nordkorea\n    sorce: kim\n",
    )
    assert corpus.errors == []
    warning = only(corpus, "warning")[0]
    assert (warning.line, warning.column) == (6, 5)
    assert "unknown key 'sorce'" in warning.message and "did you mean 'source'" in warning.hint
    assert corpus.get("a#x") is not None  # the annotation is still loaded


def test_a_bad_record_does_not_hide_the_good_ones(make_corpus) -> None:
    corpus = corpus_with(
        make_corpus,
        "version: 1\nannotations:\n  - id: bad\n    kind: nope\n"
        "    quote: Kim\n  - id: good\n    kind: claim\n"
        "    quote: Nordkorea\n",
    )
    assert [a.id for a in corpus.annotations["a"]] == ["good"]


def test_source_reference_must_be_a_source(make_corpus) -> None:
    corpus = corpus_with(
        make_corpus,
        "version: 1\nannotations:\n  - id: c1\n    kind: claim\n"
        "    quote: Nordkorea\n  - id: c2\n    kind: claim\n"
        "    quote: Soldaten\n    source: c1\n",
    )
    assert any("that is a claim" in e.message for e in corpus.errors)


LINK_OK = (
    "version: 1\nannotations:\n  - id: c1\n    kind: claim\n    quote: Nordkorea\n"
    "  - id: c2\n    kind: claim\n    quote: Soldaten\n"
)


@pytest.mark.parametrize(
    ("links", "line", "column", "message"),
    [
        (
            "version: 1\nlinks:\n  - id: l1\n    summary: s\n    claims: [a#c1, a#zz]\n",
            5,
            20,
            "names 'a#zz', which does not exist",
        ),
        (
            "version: 1\nlinks:\n  - id: l1\n    summary: s\n    claims: [a#c1, nope#c2]\n",
            5,
            20,
            "names 'nope#c2'",
        ),
        (
            "version: 1\nlinks:\n  - id: l1\n    summary: s\n    claims: [a#c1]\n",
            5,
            13,
            "at least two claims",
        ),
        ("version: 1\nlinks:\n  - id: l1\n    claims: [a#c1, a#c2]\n", 3, 5, "has no 'summary'"),
        (
            "version: 1\nlinks:\n  - id: l1\n    summary: s\n    relation: refutes\n"
            "    claims: [a#c1, a#c2]\n",
            5,
            15,
            "unknown relation 'refutes'",
        ),
        (
            "version: 1\nlinks:\n  - id: l1\n    summary: s\n    claims: [c1, a#c2]\n",
            5,
            14,
            "does not name its article",
        ),
    ],
)
def test_link_errors(make_corpus, links: str, line: int, column: int, message: str) -> None:
    corpus = corpus_with(make_corpus, LINK_OK, links)
    error = next((e for e in corpus.errors if message in e.message), None)
    assert error is not None, [e.format() for e in corpus.errors]
    assert (error.path.name, error.line, error.column) == ("contradictions.yaml", line, column)


def test_annotation_file_without_article(make_corpus) -> None:
    root = make_corpus({"articles/a.txt": ARTICLE, "annotations/aa.yaml": "version: 1\n"})
    corpus = load_corpus(root)
    assert any("no article 'aa'" in e.message and "a.yaml" in e.hint for e in corpus.errors)


def test_loader_never_crashes_on_garbage(make_corpus, tmp_path: Path) -> None:
    for junk in [
        "\t\t:\n",
        "annotations:\n  - - - -\n",
        "version: 1\nannotations:\n  - 5\n",
        ":",
        "version: [1]\n",
        "version: 1\nmeta: 3\n",
    ]:
        corpus = corpus_with(make_corpus, junk)
        assert "a" in corpus.articles
