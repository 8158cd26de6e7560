from pathlib import Path

import pytest

from tui.core.files.article import ArticleError, load_article
from tui.core.model.corpus import load_corpus

MD = """---
title: Front title
outlet: Example Post
published: 2024-11-05
url: https://example.org/a
---
# Heading

Para with **bold**, *it*, `code` and [a link](https://x.org)
continued.

- one
- two
  1. nested

> quoted

| a | b |
|---|---|
| 1 | 2 |

```
code block
```
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_markdown_becomes_blocks_with_styles(tmp_path: Path) -> None:
    article, problems = load_article(write(tmp_path, "a.md", MD))
    assert problems == []
    assert article.meta.title == "Front title"
    assert article.meta.outlet == "Example Post"
    assert article.meta.published == "2024-11-05"
    kinds = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    assert kinds == [
        ("heading", "Heading"),
        ("paragraph", "Para with bold, it, code and a link continued."),
        ("item", "one"),
        ("item", "two"),
        ("item", "nested"),
        ("quote", "quoted"),
        ("table", "a | b"),
        ("table", "1 | 2"),
        ("code", "code block"),
    ]
    para = article.blocks[1]
    styles = {(s.style, article.text[s.start : s.end], s.href) for s in para.spans}
    assert styles == {
        ("bold", "bold", ""),
        ("italic", "it", ""),
        ("code", "code", ""),
        ("link", "a link", "https://x.org"),
    }
    assert [b.marker for b in article.blocks[2:5]] == ["•", "•", "1."]
    assert article.blocks[4].indent == 2
    assert article.blocks[6].header and not article.blocks[7].header


def test_markdown_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    article, _ = load_article(write(tmp_path, "b.md", "intro\n\n## Real title\n"))
    assert article.meta.title == "Real title"


@pytest.mark.parametrize(
    ("text", "title", "paragraphs"),
    [
        ("Title\nfirst\nsecond\n", "Title", ["first", "second"]),
        ("\n\n  Title  \n\nfirst para\n\nsecond\n", "Title", ["first para", "second"]),
        ("Title\r\nwindows\r\n", "Title", ["windows"]),
        ("\ufeffBOM title\nbody", "BOM title", ["body"]),
    ],
)
def test_plain_text_paragraphs(tmp_path: Path, text: str, title: str, paragraphs: list[str]) -> None:
    article, _ = load_article(write(tmp_path, "t.txt", text))
    assert article.title == title
    assert [article.text[b.start : b.end] for b in article.blocks[1:]] == paragraphs


def test_markup_stays_text(tmp_path: Path) -> None:
    article, _ = load_article(write(tmp_path, "m.txt", "T\n[@click=app.quit] [bold]x\x1b]8;;\n"))
    assert "[@click=app.quit]" in article.text and "\x1b" in article.text


@pytest.mark.parametrize(
    ("data", "message", "line", "column"),
    [
        (b"Title\nok \xff bad\n", "invalid UTF-8", 2, 4),
        (b"Title\nnul\x00here", "NUL byte", 2, 4),
        (b"", "empty", 0, 0),
        (b"  \n\n ", "empty", 0, 0),
        (b"---\ntitle: x\n---\n", "empty", 0, 0),
    ],
)
def test_bad_articles_get_clear_errors(
    tmp_path: Path, data: bytes, message: str, line: int, column: int
) -> None:
    with pytest.raises(ArticleError) as info:
        load_article(write(tmp_path, "bad.txt", data))
    diagnostic = info.value.diagnostic
    assert message in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (line, column)
    assert diagnostic.hint


def test_oversized_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.core.files.article.MAX_ARTICLE_BYTES", 10)
    with pytest.raises(ArticleError, match="over the"):
        load_article(write(tmp_path, "big.txt", "x" * 50))


def test_unreadable_article(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="cannot read"):
        load_article(tmp_path / "gone.txt")


def test_one_broken_article_does_not_stop_the_others(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/good.txt": "Good\nbody text here\n",
            "articles/bad.txt": b"\xff\xfe",
            "articles/empty.md": "",
        }
    )
    corpus = load_corpus(root)
    assert list(corpus.articles) == ["good"]
    assert sorted(d.path.name for d in corpus.errors) == ["bad.txt", "empty.md"]


def test_front_matter_problems_are_positioned(tmp_path: Path) -> None:
    # Unknown keys are silent (static-site generators write many); a used key of
    # the wrong type is a positioned warning.
    article, problems = load_article(
        write(tmp_path, "f.md", "---\ntitle: x\ncolour: red\noutlet: [a, b]\n---\nbody")
    )
    assert [(p.line, p.level.value) for p in problems] == [(4, "warning")]
    assert "outlet" in problems[0].message
