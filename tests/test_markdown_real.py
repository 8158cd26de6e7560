"""Markdown that real articles use, checked on the plain text the reader shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.files.article import Article, load_article
from tui.core.files.markdown import parse_markdown


def parse(source: str) -> Article:
    return parse_markdown("a", Path("a.md"), source)


def blocks(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def links(article: Article) -> list[tuple[str, str]]:
    return [
        (article.text[s.start : s.end], s.href) for b in article.blocks for s in b.spans if s.style == "link"
    ]


# ---------------------------------------------------------------- raw HTML


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Energy of 1E<sup>12</sup> J", "Energy of 1E12 J"),
        ("H<sub>2</sub>O and CO<sub>2</sub>", "H2O and CO2"),
        ("first<br>second<br/>third<br />end", "first\nsecond\nthird\nend"),
        ("before <!-- an editor's note --> after", "before after"),
        ('a <span class="x">styled</span> <b>word</b> <kbd>K</kbd>', "a styled word K"),
        ("<em>no</em> <script>alert(1)</script>script", "no script"),
        ("x <?php echo 1; ?> <!DOCTYPE html> y", "x y"),
    ],
)
def test_inline_html_gives_way_to_its_text(source: str, text: str) -> None:
    article = parse(source)
    assert article.text == text
    assert "<" not in article.text


def test_html_blocks_give_paragraphs_of_text() -> None:
    article = parse(
        '<div class="box">\n<p>First <b>para</b>.</p>\n<p>Second<br>line &amp; more</p>\n'
        "<script>var x = '<p>hidden</p>';</script>\n<style>p{}</style>\n</div>\n\nAfter.\n"
    )
    assert blocks(article) == [
        ("paragraph", "First para."),
        ("paragraph", "Second\nline & more"),
        ("paragraph", "After."),
    ]


def test_html_links_and_images_keep_their_urls() -> None:
    article = parse(
        'See <a href="https://ex.org/r">the report</a> and <img src="https://ex.org/p.png" '
        'alt="a chart">, not <a href="javascript:alert(1)">this</a>.'
    )
    assert article.text == "See the report and [image: a chart], not this."
    assert links(article) == [
        ("the report", "https://ex.org/r"),
        ("[image: a chart]", "https://ex.org/p.png"),
    ]


def test_html_comment_block_alone_is_dropped() -> None:
    article = parse("<!--\nmulti-line\ncomment\n-->\n\nText.\n")
    assert blocks(article) == [("paragraph", "Text.")]


def test_reference_links_survive_a_comment_before_their_definitions() -> None:
    refs = "\n".join(f"[r{n}]: https://ref.example/{n}" for n in range(1, 37))
    uses = " ".join(f"[source {n}][r{n}]" for n in range(1, 37))
    article = parse(f"{uses}\n\n<!-- references -->\n{refs}\n")
    assert blocks(article) == [("paragraph", " ".join(f"source {n}" for n in range(1, 37)))]
    found = links(article)
    assert len(found) == 36 and found[35] == ("source 36", "https://ref.example/36")


# --------------------------------------------------------------- footnotes


def test_footnotes_keep_markers_in_place_and_notes_at_the_end() -> None:
    article = parse(
        "A claim[^src] and another[^2].\n\n[^src]: The source, with a "
        "[link](https://s.example/).\n[^2]: Second note.\n\nLast paragraph.\n"
    )
    assert blocks(article) == [
        ("paragraph", "A claim[1] and another[2]."),
        ("paragraph", "Last paragraph."),
        ("rule", "───"),
        ("item", "The source, with a link."),
        ("item", "Second note."),
    ]
    assert [b.marker for b in article.blocks[3:]] == ["[1]", "[2]"]
    assert "[^" not in article.text
    assert links(article) == [("link", "https://s.example/")]


def test_undefined_footnote_stays_text() -> None:
    assert parse("No note[^x] here.").text == "No note[^x] here."


# ------------------------------------------------------- bare URLs, images


def test_bare_urls_become_links() -> None:
    article = parse("Read https://news.example/a?b=1 and www.example.org/page.")
    assert links(article) == [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("www.example.org/page", "http://www.example.org/page"),
    ]
    assert article.text == "Read https://news.example/a?b=1 and www.example.org/page."


def test_code_is_never_linkified() -> None:
    article = parse("`https://in.code/` text")
    assert links(article) == []


@pytest.mark.parametrize(
    ("source", "text", "href"),
    [
        (
            "![Troops at the border](https://img.example/t.jpg)",
            "[image: Troops at the border]",
            "https://img.example/t.jpg",
        ),
        ("![](https://img.example/u.jpg)", "[image]", "https://img.example/u.jpg"),
        ('![a *b* c](rel/pic.png "title")', "[image: a b c]", "rel/pic.png"),
    ],
)
def test_images_show_their_alt_and_keep_the_url(source: str, text: str, href: str) -> None:
    article = parse(source)
    assert article.text == text
    assert links(article) == [(text, href)]


def test_image_inside_a_link_opens_the_image_first() -> None:
    article = parse("[![Map](https://img.example/m.png)](https://story.example/)")
    assert article.text == "[image: Map]"
    assert links(article) == [
        ("[image: Map]", "https://img.example/m.png"),
        ("[image: Map]", "https://story.example/"),
    ]


# ------------------------------------------------------------------ tables


def test_table_columns_are_aligned_honouring_the_delimiter_row() -> None:
    article = parse(
        "| Source | Troops | Share |\n|:--|:--:|--:|\n| NIS | 11,000 | 52 % |\n"
        "| Pentagon (US) | 10,000 | 8 % |\n"
    )
    assert [text for _, text in blocks(article)] == [
        "Source        | Troops | Share",
        "NIS           | 11,000 |  52 %",
        "Pentagon (US) | 10,000 |   8 %",
    ]
    assert [b.header for b in article.blocks] == [True, False, False]


def test_centered_column_pads_both_sides() -> None:
    article = parse("| a | long heading |\n|---|:---:|\n| x | y |\n")
    assert article.text.split("\n")[1] == "x |      y"


def test_table_cell_styles_move_with_the_padding() -> None:
    article = parse("| name | n |\n|--|--:|\n| **bold** | [7](https://n.example/) |\n")
    row = article.blocks[1]
    styles = [(s.style, article.text[s.start : s.end]) for s in row.spans]
    assert styles == [("bold", "bold"), ("link", "7")]


def test_wide_characters_align_by_cells() -> None:
    article = parse("| k | v |\n|--|--|\n| 北京 | 1 |\n| ab | 2 |\n")
    assert article.text.split("\n")[1:] == ["北京 | 1", "ab   | 2"]


# ------------------------------------------------------------ front matter


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_static_site_front_matter_is_accepted_silently(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\nlayout: post\ntitle: Kursk\ndate: 2024-11-05 10:00:00 +0100\n"
        "categories: [world]\ntags:\n  - troops\ndraft: false\nweight: 3\n"
        "author: Jane Roe\ndescription: x\n---\nBody.\n",
    )
    article, problems = load_article(path)
    assert problems == []
    assert article.meta.published == "2024-11-05 10:00:00 +0100"
    assert article.meta.author == "Jane Roe"
    assert article.meta.title == "Kursk"


def test_published_wins_over_date(tmp_path: Path) -> None:
    article, _ = load_article(write(tmp_path, "---\npublished: 2024-01-02\ndate: 2023-12-31\n---\nB\n"))
    assert article.meta.published == "2024-01-02"
    article, _ = load_article(write(tmp_path, "---\ndate: 2023-12-31\npublished: 2024-01-02\n---\nB\n"))
    assert article.meta.published == "2024-01-02"


@pytest.mark.parametrize(
    ("value", "author"),
    [("[Ann Lee, Bo Park]", "Ann Lee, Bo Park"), ("\n  name: Ann Lee\n  email: a@x", "Ann Lee")],
)
def test_author_lists_and_mappings(tmp_path: Path, value: str, author: str) -> None:
    article, problems = load_article(write(tmp_path, f"---\nauthor: {value}\n---\nBody\n"))
    assert problems == [] and article.meta.author == author


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("title: [a, b]", "title"),
        ("date: {y: 1}", "date"),
        ("url: true", "url"),
        ("author: [[nested]]", "author"),
    ],
)
def test_wrong_type_of_a_used_key_is_the_only_problem(tmp_path: Path, line: str, key: str) -> None:
    article, problems = load_article(write(tmp_path, f"---\nfoo: [1]\n{line}\n---\nBody\n"))
    assert [(p.line, p.level.value) for p in problems] == [(3, "warning")]
    assert repr(key) in problems[0].message


def test_author_survives_the_cache(tmp_path: Path) -> None:
    path = write(tmp_path, "---\nauthor: Jane Roe\n---\n# Head\n\nBody\n")
    first, _ = load_article(path)
    second, _ = load_article(path)  # served from the content-hash cache
    assert second.meta == first.meta and second.meta.author == "Jane Roe"
    assert second.meta.heading == "Head"


# ----------------------------------------------------------- duplicate H1


@pytest.mark.parametrize(
    ("source", "repeats"),
    [
        ("# Troops in Kursk\n\nBody.\n", True),  # the H1 is the title
        ("---\ntitle: Troops  in KURSK\n---\n# Troops in Kursk\n\nBody.\n", True),
        ("---\ntitle: Other headline\n---\n# Troops in Kursk\n\nBody.\n", False),
        ("Intro first.\n\n# Troops in Kursk\n", False),  # the H1 does not lead
        ("## Troops in Kursk\n\nBody.\n", False),  # not an H1
    ],
)
def test_leading_h1_marked_when_it_repeats_the_title(tmp_path: Path, source: str, repeats: bool) -> None:
    article, _ = load_article(write(tmp_path, source))
    assert article.meta.repeats_title is repeats
    # The text keeps the heading either way, so quotes of it still anchor.
    assert "Troops in Kursk" in article.text
