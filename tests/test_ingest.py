"""`crossread new` and `crossread add`: pages, text files and URLs in, furniture out.

URL tests talk to an HTTP server on 127.0.0.1 started here; nothing touches
the internet.
"""

from __future__ import annotations

import gzip
import http.server
import os
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from tui.cli import main
from tui.core.files.article import load_article
from tui.core.files.markdown import parse_markdown
from tui.core.ingest.tomd import to_markdown
from tui.core.model.corpus import load_corpus

PAGES = Path(__file__).parent / "fixtures" / "pages"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "story"
    code, _, err = run(capsys, "new", str(root), "--language", "de")
    assert code == 0, err
    return root


def files(root: Path) -> list[str]:
    """Every file under root, hidden ones too, so leftovers show."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def add(capsys: pytest.CaptureFixture[str], root: Path, *sources: str) -> tuple[int, str, str]:
    return run(capsys, "add", str(root), *sources)


# ------------------------------------------------------------------ new


def test_new_makes_an_empty_commented_corpus(corpus: Path, capsys) -> None:
    assert (corpus / "articles").is_dir() and (corpus / "annotations").is_dir()
    text = (corpus / "crossread.toml").read_text(encoding="utf-8")
    assert text.count("\n# ") >= 4  # explained, not bare
    config = tomllib.loads(text)
    assert config["title"] == "story" and config["language"] == "de"
    assert set(config["publisher"]) == {"name", "url", "review_url"}
    code, _, err = run(capsys, "new", str(corpus))
    assert code == 1 and "already a corpus" in err
    assert tomllib.loads((corpus / "crossread.toml").read_text(encoding="utf-8")) == config


def test_new_title_with_quotes_and_controls_stays_valid_toml(tmp_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "new", str(tmp_path / "c"), "--title", 'Troops "in" Kursk\x1b[31m\\')
    assert code == 0
    config = tomllib.loads((tmp_path / "c" / "crossread.toml").read_text(encoding="utf-8"))
    assert config["title"] == 'Troops "in" Kursk[31m\\'


# ------------------------------------------------------------ saved pages

GERMAN_IN = [
    "mindestens 11.000 nordkoreanische Soldaten in die russische Region Kursk verlegt worden",
    "Was die Geheimdienste sagen",
    "Das Pentagon spricht von etwa 10.000 Soldaten.",
    "„Wir beobachten eine Verlegung in einem Umfang",
    "NIS (Südkorea) | 11.000",
    "als Erfindung bezeichnet.",
]
GERMAN_OUT = [
    "Cookies",
    "Alle akzeptieren",
    "Abo abschließen",
    "Startseite",
    "Auf Facebook teilen",
    "WhatsApp",
    "Lesen Sie auch",
    "Beistandspakt",
    "leser1977",
    "Quellen nennen",
    "Newsletter",
    "Impressum",
    "Rheinblick Medien GmbH",
]
ENGLISH_IN = [
    "about 10,000 North Korean soldiers had been sent to eastern Russia",
    "Diverging estimates",
    "The Pentagon said about 10,000 troops were in Russia.",
    '"If they are used in combat, they become legitimate military targets,"',
    "including the locations where the troops were being trained.",
]
ENGLISH_OUT = [
    "privacy",
    "Accept all cookies",
    "Skip to main content",
    "Subscribe",
    "Share on",
    "Copy link",
    "Advertisement",
    "Read more",
    "mutual defence pact",
    "Sign up",
    "harbourreader",
    "grain of salt",
    "Most viewed",
    "Celebrity chef",
    "All rights",
]


@pytest.mark.parametrize(
    ("page", "meta", "text_in", "text_out", "kinds", "link"),
    [
        (
            "de_nachrichten.html",
            {
                "title": "Nordkoreanische Soldaten in Kursk: Was bekannt ist",
                "outlet": "Rheinblick",
                "published": "2024-11-05",
                "author": "Katrin Vogelsang",
                "language": "de",
                "url": "https://www.rheinblick.example/politik/nordkorea-kursk-soldaten-100.html",
            },
            GERMAN_IN,
            GERMAN_OUT,
            {"paragraph", "heading", "item", "quote", "table"},
            ("US-Verteidigungsministeriums", "https://www.defense.example/briefing"),
        ),
        (
            "en_world.html",
            {
                "title": "Pentagon says about 10,000 North Korean troops are in Russia",
                "outlet": "The Harbour Times",
                "published": "2024-10-29",
                "author": "Daniel Okafor, Mei Lin Chau",
                "language": "en",
                "url": "https://harbourtimes.example/world/2024/oct/29/pentagon-north-korea-troops-russia",
            },
            ENGLISH_IN,
            ENGLISH_OUT,
            {"paragraph", "heading", "item", "quote"},
            ("South Korean government", "https://harbourtimes.example/world/south-korea"),
        ),
    ],
)
def test_saved_page_becomes_an_article(
    corpus: Path,
    capsys,
    page: str,
    meta: dict[str, str],
    text_in: list[str],
    text_out: list[str],
    kinds: set[str],
    link: tuple[str, str],
) -> None:
    code, out, err = add(capsys, corpus, str(PAGES / page))
    assert code == 0, err
    article_id = out.strip()
    path = corpus / "articles" / f"{article_id}.md"
    assert path.is_file() and "warning" not in err
    article, problems = load_article(path)
    assert problems == []
    for key, value in meta.items():
        assert getattr(article.meta, key) == value, key
    for words in text_in:
        assert words in article.text
    for words in text_out:
        assert words not in article.text, words
    assert kinds <= {b.kind for b in article.blocks}
    spans = {
        (article.text[s.start : s.end], s.href) for b in article.blocks for s in b.spans if s.style == "link"
    }
    assert link in spans  # relative links resolved against the page's address
    assert (corpus / "articles" / ".sources" / f"{article_id}.html").read_bytes() == (
        PAGES / page
    ).read_bytes()
    code, out, _ = run(capsys, "check", str(corpus), "--strict")
    assert code == 0 and "0 errors, 0 warnings" in out


def test_numbered_list_stays_numbered(corpus: Path, capsys) -> None:
    _, out, _ = add(capsys, corpus, str(PAGES / "en_world.html"))
    article, _ = load_article(corpus / "articles" / f"{out.strip()}.md")
    items = [b for b in article.blocks if b.kind == "item"]
    assert [b.marker for b in items] == ["1.", "2.", "3."]


def test_url_option_replaces_the_canonical_url(corpus: Path, capsys) -> None:
    code, out, _ = run(
        capsys, "add", str(corpus), str(PAGES / "en_world.html"), "--url", "https://mirror.example/saved"
    )
    assert code == 0
    article, _ = load_article(corpus / "articles" / f"{out.strip()}.md")
    assert article.meta.url == "https://mirror.example/saved"


def test_url_option_needs_a_single_source(corpus: Path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        run(
            capsys,
            "add",
            str(corpus),
            str(PAGES / "en_world.html"),
            str(PAGES / "de_nachrichten.html"),
            "--url",
            "https://x.example/",
        )
    assert info.value.code == 2
    assert "single SOURCE" in capsys.readouterr().err


def test_same_page_twice_gets_a_new_id_and_keeps_the_first(corpus: Path, capsys) -> None:
    _, first, _ = add(capsys, corpus, str(PAGES / "de_nachrichten.html"))
    before = (corpus / "articles" / f"{first.strip()}.md").read_bytes()
    _, second, _ = add(capsys, corpus, str(PAGES / "de_nachrichten.html"))
    assert second.strip() == first.strip() + "-2"
    assert (corpus / "articles" / f"{first.strip()}.md").read_bytes() == before


def test_metadata_controls_never_reach_the_front_matter(corpus: Path, tmp_path: Path, capsys) -> None:
    page = (
        (PAGES / "en_world.html")
        .read_text(encoding="utf-8")
        .replace("Pentagon says about 10,000", "Pentagon\x1b[2J says\u202e about\u2028 10,000")
    )
    (tmp_path / "evil.html").write_text(page, encoding="utf-8")
    code, out, _ = add(capsys, corpus, str(tmp_path / "evil.html"))
    assert code == 0
    raw = (corpus / "articles" / f"{out.strip()}.md").read_text(encoding="utf-8")
    front = raw.split("---")[1]
    assert not any(ord(c) < 32 and c != "\n" or c in "\u202e\u2028\x7f" for c in front)
    article, _ = load_article(corpus / "articles" / f"{out.strip()}.md")
    assert article.meta.title.startswith("Pentagon[2J says about 10,000")


def test_short_text_warns(corpus: Path, tmp_path: Path, capsys) -> None:
    page = (
        "<html lang='en'><head><title>Brief</title></head><body><article><h1>Brief</h1>"
        "<p>Officials confirmed the meeting on Tuesday, without giving further details about "
        "who attended it or what was discussed there. A statement is expected later this "
        "week, a spokesperson said, once all participants have been told.</p>"
        "</article></body></html>"
    )
    (tmp_path / "brief.html").write_text(page, encoding="utf-8")
    code, out, err = add(capsys, corpus, str(tmp_path / "brief.html"))
    assert code == 0 and out.strip()
    assert "warning: only" in err and "words" in err


# ---------------------------------------------------------- text sources

TRICKY = [
    "1. Januar: Die Truppen kamen an.",
    "# kein Titel",
    "- kein Punkt",
    "*keine* _Betonung_",
    "<b>kein Tag</b> &amp; [keine](Klammern) | Spalte",
    "> kein Zitat",
    "Ende.",
]


def test_txt_lines_stay_exactly_the_text(corpus: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("Der Titel\n\n" + "\n".join(TRICKY) + "\n", encoding="utf-8")
    code, out, _ = add(capsys, corpus, str(tmp_path / "notes.txt"))
    assert code == 0 and out.strip() == "der-titel"
    article, problems = load_article(corpus / "articles" / "der-titel.md")
    assert problems == [] and article.meta.title == "Der Titel"
    assert [article.text[b.start : b.end] for b in article.blocks] == TRICKY
    assert {b.kind for b in article.blocks} == {"paragraph"}


def test_md_with_hugo_front_matter_is_normalised(corpus: Path, tmp_path: Path, capsys) -> None:
    source = (
        "---\ntitle: Hugo Post\ndate: 2024-10-30T08:00:00+01:00\nauthor: [Ann, Bo]\n"
        "tags: [x]\ndraft: false\n---\n# Hugo Post\n\nBody text with a [link](https://a.example/).\n"
    )
    (tmp_path / "post.md").write_text(source, encoding="utf-8")
    code, out, err = add(capsys, corpus, str(tmp_path / "post.md"))
    assert code == 0, err
    raw = (corpus / "articles" / "hugo-post.md").read_text(encoding="utf-8")
    assert 'published: "2024-10-30T08:00:00+01:00"' in raw and 'author: "Ann, Bo"' in raw
    assert "draft" not in raw and raw.endswith("Body text with a [link](https://a.example/).\n")


# ------------------------------------------------------------- bad input


def test_bad_sources_leave_nothing_behind(corpus: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><div class='cookie'>We use cookies.</div></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "latin1.txt").write_bytes("Titel\nGrüße\n".encode("latin-1"))
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "blank.md").write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.html")  # unreadable as a page; a plain open would block
    before = files(corpus)
    cases = {
        "photo.html": "binary",
        "empty.html": "no main text",
        "latin1.txt": "invalid UTF-8",
        "report.pdf": "cannot add a .pdf file",
        "blank.md": "no text",
        "pipe.html": "not a regular file",
        "missing.html": "no such file",
        "ftp://files.example/a.html": "only http:// and https://",
    }
    for name, message in cases.items():
        source = name if "://" in name else str(tmp_path / name)
        code, out, err = add(capsys, corpus, source)
        assert code == 1 and out == "", name
        assert message in err and "error:" in err, (name, err)
    assert files(corpus) == before


def test_one_bad_source_does_not_stop_the_others(corpus: Path, tmp_path: Path, capsys) -> None:
    code, out, err = add(capsys, corpus, str(tmp_path / "missing.html"), str(PAGES / "en_world.html"))
    assert code == 1 and "no such file" in err
    assert out.split() == ["pentagon-says-about-10-000-north-korean-troops-are-in-russia"]


# ------------------------------------------------------------------ URLs


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    release = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/slow":
            self.release.wait(10)  # bounded: the test releases it at teardown
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers and "X-No-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    _Handler.release.clear()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def _no_canonical(page: str) -> bytes:
    html = (PAGES / page).read_text(encoding="utf-8")
    kept = [line for line in html.split("\n") if "canonical" not in line and "og:url" not in line]
    return "\n".join(kept).encode("utf-8")


HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_url_follows_redirects_and_keeps_the_page(corpus: Path, server: str, capsys) -> None:
    page = _no_canonical("en_world.html")
    _Handler.routes = {
        "/old": (301, {"Location": "/mid"}, b""),
        "/mid": (302, {"Location": f"{server}/story?id=7"}, b""),
        "/story?id=7": (200, HTML, page),
    }
    code, out, err = add(capsys, corpus, f"{server}/old")
    assert code == 0, err
    article_id = out.strip()
    article, _ = load_article(corpus / "articles" / f"{article_id}.md")
    assert article.meta.url == f"{server}/story?id=7"  # no canonical: where it ended up
    assert article.meta.outlet == "The Harbour Times"
    assert (corpus / "articles" / ".sources" / f"{article_id}.html").read_bytes() == page


def test_url_uses_the_canonical_url_and_reads_gzip(corpus: Path, server: str, capsys) -> None:
    page = (PAGES / "de_nachrichten.html").read_bytes()
    _Handler.routes = {"/a": (200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(page))}
    code, out, err = add(capsys, corpus, f"{server}/a")
    assert code == 0, err
    article, _ = load_article(corpus / "articles" / f"{out.strip()}.md")
    assert article.meta.url == "https://www.rheinblick.example/politik/nordkorea-kursk-soldaten-100.html"
    assert GERMAN_IN[0] in article.text
    assert load_corpus(corpus).diagnostics == []


@pytest.mark.parametrize(
    ("routes", "path", "options", "message"),
    [
        ({}, "/gone", [], "/gone: error: the server answered 404 Not Found"),
        ({}, "/slow", ["--timeout", "0.3"], "no complete answer within 0.3 s"),
        (
            {"/big": (200, HTML, b"<p>" + b"x" * 40_000)},
            "/big",
            ["--max-size", "0.01"],
            "over the 10485 bytes limit",
        ),
        (
            {"/drip": (200, {**HTML, "X-No-Length": "1", "Connection": "close"}, b"<p>" + b"y" * 40_000)},
            "/drip",
            ["--max-size", "0.01"],
            "over the 10485 bytes limit",
        ),
        (
            {"/bomb": (200, {**HTML, "Content-Encoding": "gzip"}, gzip.compress(b" " * 2_000_000))},
            "/bomb",
            ["--max-size", "0.5"],
            "over the 524288 bytes limit",
        ),
        ({"/loop": (302, {"Location": "/loop"}, b"")}, "/loop", [], "more than 5 redirects"),
        ({"/ftp": (302, {"Location": "ftp://files.example/x"}, b"")}, "/ftp", [], "not a web address"),
        (
            {"/png": (200, {"Content-Type": "image/png"}, b"\x89PNG")},
            "/png",
            [],
            "sent image/png, not a web page",
        ),
    ],
)
def test_failing_urls_leave_nothing(
    corpus: Path, server: str, capsys, routes, path: str, options: list[str], message: str
) -> None:
    _Handler.routes = routes
    before = files(corpus)
    code, out, err = run(capsys, "add", str(corpus), f"{server}{path}", *options)
    assert code == 1 and out == ""
    assert message in err, err
    assert files(corpus) == before


def test_refused_connection(corpus: Path, capsys) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = add(capsys, corpus, f"http://127.0.0.1:{port}/x")
    assert code == 1 and "refused the connection" in err


# ------------------------------------------------------ Markdown writer


def test_extracted_tree_round_trips_through_markdown() -> None:
    tree = etree.fromstring(
        "<body><p>1. Januar: <hi rend='#b'>fett </hi>und *Sterne* &amp; [x] &lt;b&gt;</p>"
        "<head rend='h2'># Zwischentitel</head>"
        "<list rend='ol'><item>eins</item><item>zwei <ref target='/rel'>Link</ref></item></list>"
        "<quote><p>Zitat eins</p><p>Zitat zwei<lb/>neue Zeile</p></quote>"
        "<table><row><cell role='head'>A|B</cell><cell role='head'>C</cell></row>"
        "<row><cell>1</cell></row></table></body>"
    )
    markdown = to_markdown(tree, "https://site.example/dir/page")
    article = parse_markdown("x", Path("x.md"), markdown)
    blocks = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    assert blocks == [
        ("paragraph", "1. Januar: fett und *Sterne* & [x] <b>"),
        ("heading", "# Zwischentitel"),
        ("item", "eins"),
        ("item", "zwei Link"),
        ("quote", "Zitat eins"),
        ("quote", "Zitat zwei\nneue Zeile"),
        ("table", "A|B | C"),
        ("table", "1"),
    ]
    spans = [(s.style, article.text[s.start : s.end], s.href) for b in article.blocks for s in b.spans]
    assert spans == [("bold", "fett", ""), ("link", "Link", "https://site.example/rel")]


def test_url_without_charset_header_uses_the_pages_meta_charset(corpus: Path, server: str, capsys) -> None:
    html = (PAGES / "de_nachrichten.html").read_text(encoding="utf-8")
    page = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("cp1252")
    _Handler.routes = {"/cp": (200, {"Content-Type": "text/html"}, page)}
    code, out, err = add(capsys, corpus, f"{server}/cp")
    assert code == 0, err
    article, _ = load_article(corpus / "articles" / f"{out.strip()}.md")
    assert "Die Einschätzungen der Dienste unterscheiden sich" in article.text
    assert "„Wir beobachten" in article.text


def test_url_of_a_markdown_file(corpus: Path, server: str, capsys) -> None:
    body = b"---\ntitle: Raw post\n---\n# Raw post\n\nText of the post, *emphasised*.\n"
    _Handler.routes = {"/raw/post.md": (200, {"Content-Type": "text/plain; charset=utf-8"}, body)}
    code, out, err = add(capsys, corpus, f"{server}/raw/post.md")
    assert code == 0, err
    article, _ = load_article(corpus / "articles" / "raw-post.md")
    assert article.meta.url == f"{server}/raw/post.md"
    assert article.text == "Raw post\nText of the post, emphasised."
    assert (corpus / "articles" / ".sources" / "raw-post.md").read_bytes() == body
