"""A saved or fetched web page to Markdown plus metadata, through trafilatura.

Trafilatura finds the main text and drops the furniture (navigation, share
bars, comments, cookie banners, "read also" boxes); it also reads JSON-LD,
`og:` tags and the byline for title, site, date and author. What it leaves
out (the page's language) is read here from the page head.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.core.ingest.tomd import to_markdown

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_LANG = re.compile(r"[A-Za-z]{2,3}")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b")


class ExtractError(Exception):
    """The page has nothing to read; `hint` says what to try instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass
class Extracted:
    body: str  # Markdown of the main text
    meta: dict[str, str] = field(default_factory=dict)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return head.startswith(_BINARY_MAGIC) or b"\x00" in head


def web_url(url: str | None) -> str:
    """The URL if a reader could open it (http or https with a host), else ""."""
    if not url:
        return ""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def language_code(value: str | None) -> str:
    """The primary subtag of a language tag: `de-DE` and `de_DE` are `de`."""
    primary = re.split(r"[-_]", (value or "").strip(), maxsplit=1)[0]
    return primary.lower() if _LANG.fullmatch(primary) else ""


def _json_ld_language(tree: HtmlElement) -> str:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("inLanguage"), str):
                found = language_code(item["inLanguage"])
                if found:
                    return found
    return ""


def page_language(tree: HtmlElement) -> str:
    """The language the page declares: `<html lang>`, JSON-LD, `og:locale`, http-equiv."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for value in candidates:
        if language_code(value):
            return language_code(value)
    found = _json_ld_language(tree)
    if found:
        return found
    for xpath in (
        '//meta[@property="og:locale"]/@content',
        '//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content',
        '//meta[@name="language"]/@content',
    ):
        for value in tree.xpath(xpath):
            if language_code(str(value)):
                return language_code(str(value))
    return ""


def _authors(value: str | None) -> str:
    names = [n.strip() for n in (value or "").split(";") if n.strip()]
    return ", ".join(dict.fromkeys(names))


def extract_html(page: bytes | str, url: str = "") -> Extracted:
    """Main text and metadata of one page; `url` is where it came from, if known."""
    import trafilatura
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    if isinstance(page, bytes) and looks_binary(page):
        raise ExtractError(
            "the file is binary, not a web page", "save the page from the browser as 'Web page, HTML only'"
        )
    tree = load_html(page)
    if tree is None:
        raise ExtractError(
            "the file could not be read as HTML", "save the page from the browser as 'Web page, HTML only'"
        )
    language = page_language(tree)
    found = trafilatura.bare_extraction(
        page,
        url=web_url(url) or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_formatting=True,
        include_images=False,
    )
    document = found if isinstance(found, Document) else None  # a dict only with as_dict
    body = (
        to_markdown(document.body, web_url(document.url) or web_url(url))
        if document is not None and document.body is not None
        else ""
    )
    if document is None or not body.strip():
        raise ExtractError(
            "no main text found in the page",
            "the page may need JavaScript or a login; save it from the browser "
            "once the article shows, or copy its text into a .txt file",
        )
    site = document.sitename or ""
    if not site and document.hostname:
        site = document.hostname.removeprefix("www.")
    meta = {
        "title": document.title or "",
        "outlet": site,
        "published": document.date or "",
        "author": _authors(document.author),
        "url": web_url(document.url) or web_url(url),
        "language": language or language_code(document.language),
    }
    return Extracted(body, meta)
