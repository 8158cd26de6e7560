"""Raw HTML inside Markdown, reduced to the text a reader should see.

Articles converted from the web keep bits of HTML (`<sup>`, `<br>`, comments,
a `<div>` around a paragraph). They are never interpreted as markup and never
shown as tags: comments, scripts and styles vanish, `<br>` breaks the line,
block tags separate paragraphs, links and images keep their URL, and every
other tag gives way to its text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tui.core.files.article import Span

# Tags whose content is not text a reader sees.
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math"})
# Tags that end a paragraph.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
VOID = frozenset({"br", "img", "hr", "wbr", "input", "meta", "link", "source", "area", "col"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")


def link_target(href: str) -> str:
    """Only links a reader may open: http(s) and mail; anything else is dropped."""
    href = href.strip()
    return href if href.lower().startswith(("http://", "https://", "mailto:")) else ""


def image_label(alt: str) -> str:
    alt = _SPACE.sub(" ", alt).strip()
    return f"[image: {alt}]" if alt else "[image]"


def inline_tag(raw: str) -> tuple[str, bool, dict[str, str]]:
    """Name, whether it closes, and attributes of one inline tag such as `<a href=x>`.

    Comments, declarations and processing instructions give an empty name.
    """
    match = _TAG.match(raw)
    if not match:
        return "", False, {}
    attrs: dict[str, str] = {}
    for found in _ATTR.finditer(raw, match.end()):
        value = next(v for v in found.groups()[2:] if v is not None)
        attrs.setdefault(found.group(1).lower(), unescape(value))
    return match.group(2).lower(), bool(match.group(1)), attrs


def unescape(text: str) -> str:
    from html import unescape as html_unescape

    return html_unescape(text)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, list[Span]]] = []
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0
        self.hidden = 0
        self.links: list[tuple[int, str]] = []
        self.pending_space = False

    def _emit(self, text: str) -> int:
        """Append text, with the space owed before it; return where the text starts."""
        if self.pending_space and self.length and not self.parts[-1].endswith("\n"):
            self.parts.append(" ")
            self.length += 1
        self.pending_space = False
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def _end_paragraph(self) -> None:
        text = "".join(self.parts)
        stripped = text.rstrip()
        if stripped.strip():
            lead = len(stripped) - len(stripped.lstrip())
            spans = [
                Span(max(0, s.start - lead), min(len(stripped), s.end) - lead, s.style, s.href)
                for s in self.spans
                if min(len(stripped), s.end) > max(lead, s.start)
            ]
            self.paragraphs.append((stripped[lead:], spans))
        self.parts, self.spans, self.length = [], [], 0
        self.links = []
        self.pending_space = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in HIDDEN:
            self.hidden += tag not in VOID
            return
        if self.hidden:
            return
        if tag in BLOCKS:
            self._end_paragraph()
        elif tag == "br":
            self.parts.append("\n")
            self.length += 1
            self.pending_space = False
        elif tag == "img":
            start = self._emit(image_label(values.get("alt", "")))
            href = link_target(values.get("src", ""))
            if href:
                self.spans.append(Span(start, self.length, "link", href))
        elif tag == "a":
            self.links.append((self.length, link_target(values.get("href", ""))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HIDDEN:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag in BLOCKS:
            self._end_paragraph()
        elif tag == "a" and self.links:
            start, href = self.links.pop()
            if start < self.length and "".join(self.parts)[start] == " ":
                start += 1  # the space owed before the link is not part of it
            if href and self.length > start:
                self.spans.append(Span(start, self.length, "link", href))

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        words = _SPACE.sub(" ", data)
        if words.startswith(" "):
            self.pending_space = True
            words = words[1:]
        trailing = words.endswith(" ")
        words = words.rstrip(" ")
        if words:
            self._emit(words)
        if trailing:
            self.pending_space = True

    def close(self) -> None:
        super().close()
        self._end_paragraph()


def html_paragraphs(fragment: str) -> list[tuple[str, list[Span]]]:
    """The visible text of an HTML fragment, as paragraphs with link spans."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    return collector.paragraphs
