"""Markdown to the plain-text stream and blocks, via markdown-it-py tokens.

Real articles carry more than CommonMark: raw HTML from converters, footnotes,
bare URLs, images and aligned tables. Each becomes plain text a reader can
quote; nothing is shown as markup syntax, and every URL stays reachable as a
link span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Required, TypedDict, Unpack

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from tui.core.document.layout import display_width
from tui.core.files.article import Article, ArticleMeta, Block, Span
from tui.core.files.htmltext import HIDDEN, html_paragraphs, image_label, inline_tag, link_target

_INLINE_STYLES = {"strong": "bold", "em": "italic", "s": "strike", "link": "link"}
FOOTNOTE_RULE = "───"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html on so the tokens say what is HTML; _Inline and html_paragraphs then
    # reduce it to text. Nothing is ever rendered as HTML.
    parser = MarkdownIt("commonmark", {"html": True, "linkify": True})
    parser.enable(["table", "strikethrough", "linkify"])
    _quick_pretest(parser.linkify)
    return parser.use(footnote_plugin)


# linkify-it's pretest is one 1,500-character case-insensitive regex run on
# every text token (1.5 s of a 5 MB article). Whatever it matches holds a ':'
# or '//' (schemas), '@', 'localhost', 'www.', a '.' before a letter (fuzzy
# hosts) or '.1.'-style digits (IPs), so text with none of them (say, numbers
# written 10.000) is ruled out first. Bare IPs are linked only with the
# fuzzy_ip option (off by default, and here): then a link still needs one of
# the others, a top-level domain being '.' and a letter, so numbers such as
# "91.357." at a sentence's end (which pass the pretest and cost linkify-it's
# full test, about 1 ms each) are ruled out too.
_MAY_LINK = re.compile(r"[:@]|//|\.[^\W\d_]|localhost|www\.", re.IGNORECASE)
_MAY_LINK_OR_IP = re.compile(r"[:@]|//|\.[^\W\d_]|\.\d{1,3}\.|localhost|www\.", re.IGNORECASE)


def _quick_pretest(linkify: Any) -> None:
    slow = linkify.pretest
    options = getattr(linkify, "_opts", None)
    fuzzy_ip = True if not isinstance(options, dict) else options.get("fuzzy_ip", True)
    may = _MAY_LINK_OR_IP if fuzzy_ip else _MAY_LINK
    linkify.pretest = lambda text: may.search(text) is not None and slow(text)


def footnote_marker(token: Token) -> str:
    return f"[{int(token.meta.get('id', 0)) + 1}]"


class _BlockKind(TypedDict, total=False):
    """The fields of a Block besides its place and spans."""

    kind: Required[str]
    level: int
    indent: int
    quote: int
    marker: str
    header: bool


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, spans: list[Span], **kind: Unpack[_BlockKind]) -> None:
        if self.blocks:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        shifted = tuple(Span(s.start + start, s.end + start, s.style, s.href) for s in spans)
        self.blocks.append(Block(start=start, end=self.length, spans=shifted, **kind))


class _Inline:
    """The text and spans of one inline token, built child by child."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.spans: list[Span] = []
        self.open_at: dict[str, list[tuple[int, str]]] = {}
        self.length = 0
        self.hidden = 0  # inside an inline <script> or <style>
        self.dropped = False  # HTML just vanished: "a <!-- x --> b" must not keep two spaces

    def put(self, text: str, style: str = "", href: str = "") -> None:
        if self.dropped and text.startswith(" ") and (not self.out or self.out[-1].endswith(" ")):
            text = text[1:]
        if not text:
            return
        self.dropped = False
        if style and text:
            self.spans.append(Span(self.length, self.length + len(text), style, href))
        self.out.append(text)
        self.length += len(text)

    def open(self, name: str, href: str = "") -> None:
        self.open_at.setdefault(name, []).append((self.length, href))

    def close(self, name: str) -> None:
        if self.open_at.get(name):
            start, href = self.open_at[name].pop()
            if name in _INLINE_STYLES and self.length > start and (href or name != "link"):
                self.spans.append(Span(start, self.length, _INLINE_STYLES[name], href))

    def html(self, raw: str) -> None:
        """Raw inline HTML gives way to its text: tags vanish, `<br>` breaks."""
        name, closing, attrs = inline_tag(raw)
        self.dropped = True
        if name in HIDDEN:
            self.hidden = max(0, self.hidden + (-1 if closing else 1))
        elif self.hidden or not name:
            return  # comments, declarations, anything inside a script
        elif name == "br":
            self.put("\n")
        elif name == "img":
            self.put(image_label(attrs.get("alt", "")), "link", link_target(attrs.get("src", "")))
        elif name == "a" and closing:
            self.close("link")
        elif name == "a":
            self.open("link", link_target(attrs.get("href", "")))

    def child(self, child: Token) -> None:
        kind = child.type
        if kind == "html_inline":
            self.html(child.content)
        elif self.hidden:
            return
        elif kind == "text":
            self.put(child.content)
        elif kind == "code_inline":
            self.put(child.content, "code")
        elif kind == "softbreak":
            self.put(" ")
        elif kind == "hardbreak":
            self.put("\n")
        elif kind == "image":
            src = str(child.attrs.get("src", ""))
            alt = "".join(c.content for c in child.children or [] if c.type in ("text", "code_inline"))
            self.put(image_label(alt or child.content), "link" if src else "", src)
        elif kind == "footnote_ref":
            self.put(footnote_marker(child))
        elif kind.endswith("_open"):
            name = kind[: -len("_open")]
            self.open(name, str(child.attrs.get("href", "")) if name == "link" else "")
        elif kind.endswith("_close"):
            self.close(kind[: -len("_close")])


def _inline(token: Token) -> tuple[str, list[Span]]:
    build = _Inline()
    for child in token.children or []:
        build.child(child)
    return "".join(build.out), build.spans


@dataclass
class _Table:
    rows: list[tuple[list[tuple[str, list[Span]]], bool]] = field(default_factory=list)
    aligns: dict[int, str] = field(default_factory=dict)
    row: list[tuple[str, list[Span]]] = field(default_factory=list)


@dataclass
class _State:
    """Where the walk over block tokens is: nesting, markers, the open table."""

    lists: list[dict[str, int | str]] = field(default_factory=list)
    quote: int = 0
    marker: str = ""  # list or footnote marker owed to the next text block
    heading: int = 0
    footnote: bool = False
    table: _Table | None = None
    in_cell: bool = False
    in_header: bool = False

    @property
    def indent(self) -> int:
        return len(self.lists) + (1 if self.footnote else 0)


def _place(build: _Builder, state: _State, text: str, spans: list[Span]) -> None:
    """Add a block of text as what surrounds it makes it: heading, item or paragraph."""
    if state.heading:
        build.add(
            text, spans, kind="heading", level=state.heading, quote=state.quote, indent=len(state.lists)
        )
    elif state.lists or state.footnote:
        build.add(text, spans, kind="item", quote=state.quote, indent=state.indent, marker=state.marker)
        state.marker = ""
    else:
        build.add(text, spans, kind="quote" if state.quote else "paragraph", quote=state.quote)


def _structure(token: Token, state: _State, build: _Builder) -> bool:
    """Track nesting tokens; return whether the token was one."""
    kind = token.type
    if kind == "blockquote_open":
        state.quote += 1
    elif kind == "blockquote_close":
        state.quote -= 1
    elif kind in ("bullet_list_open", "ordered_list_open"):
        start = int(token.attrs.get("start", 1) or 1)
        state.lists.append({"ordered": kind.startswith("ordered"), "n": start})
    elif kind in ("bullet_list_close", "ordered_list_close"):
        state.lists.pop()
    elif kind == "list_item_open":
        current = state.lists[-1]
        if current["ordered"]:
            state.marker = f"{current['n']}."
            current["n"] = int(current["n"]) + 1
        else:
            state.marker = "•"
    elif kind == "heading_open":
        state.heading = int(token.tag[1:])
    elif kind == "heading_close":
        state.heading = 0
    elif kind == "footnote_block_open":
        build.add(FOOTNOTE_RULE, [], kind="rule")
    elif kind == "footnote_open":
        state.footnote = True
        state.marker = footnote_marker(token)
    elif kind == "footnote_close":
        state.footnote = False
        state.marker = ""
    else:
        return False
    return True


def _table_token(token: Token, state: _State, build: _Builder) -> bool:
    """Collect table rows; lay the whole table out on its closing token."""
    kind = token.type
    if kind == "table_open":
        state.table = _Table()
    elif state.table is None:
        return False
    elif kind in ("th_open", "td_open"):
        state.in_cell = True
        style = str(token.attrs.get("style", ""))
        if style.startswith("text-align:"):
            state.table.aligns.setdefault(len(state.table.row), style.split(":", 1)[1])
    elif kind in ("th_close", "td_close"):
        state.in_cell = False
    elif kind == "thead_open":
        state.in_header = True
    elif kind == "thead_close":
        state.in_header = False
    elif kind == "tr_open":
        state.table.row = []
    elif kind == "tr_close":
        state.table.rows.append((state.table.row, state.in_header))
    elif kind == "table_close":
        add_table(build, state.table, state.quote, len(state.lists))
        state.table = None
    elif kind == "inline" and state.in_cell:
        text, spans = _inline(token)
        state.table.row.append((text.replace("\n", " "), spans))
    else:
        return False
    return True


def parse_markdown(article_id: str, path: Path, source: str) -> Article:
    tokens = _parser().parse(source)
    build = _Builder()
    state = _State()
    for token in tokens:
        kind = token.type
        if _structure(token, state, build) or _table_token(token, state, build):
            continue
        if kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            build.add(code, [], kind="code", quote=state.quote, indent=len(state.lists))
        elif kind == "hr":
            build.add("───", [], kind="rule", quote=state.quote)
        elif kind == "html_block":
            for text, spans in html_paragraphs(token.content):
                _place(build, state, text, spans)
        elif kind == "inline":
            text, spans = _inline(token)
            if text.strip() or state.marker:
                _place(build, state, text, spans)
    text = "".join(build.parts)
    first = next((b for b in build.blocks if b.kind == "heading"), None)
    if first is None and build.blocks:
        first = build.blocks[0]
    title = text[first.start : first.end] if first else ""
    lead = build.blocks[0] if build.blocks else None
    heading = text[lead.start : lead.end] if lead and lead.kind == "heading" and lead.level == 1 else ""
    return Article(article_id, path, text, build.blocks, ArticleMeta(title=title, heading=heading), "md")


def _pad(text: str, width: int, align: str) -> tuple[str, int]:
    """The cell padded to width; also how many spaces went before it."""
    room = max(0, width - display_width(text))
    before = room if align == "right" else room // 2 if align == "center" else 0
    return " " * before + text + " " * (room - before), before


def add_table(build: _Builder, table: _Table, quote: int, indent: int) -> None:
    """Rows as blocks with columns padded to a common width, honouring `:--:` and `--:`."""
    if not table.rows:
        return
    columns = max(len(cells) for cells, _ in table.rows)
    widths = [0] * columns
    for cells, _ in table.rows:
        for number, (text, _spans) in enumerate(cells):
            widths[number] = max(widths[number], display_width(text))
    for cells, header in table.rows:
        parts: list[str] = []
        spans: list[Span] = []
        offset = 0
        used = max((n + 1 for n, (text, _s) in enumerate(cells) if text.strip()), default=0)
        for number in range(used):  # empty cells at the end leave no trailing " | "
            text, cell_spans = cells[number]
            if number:
                parts.append(" | ")
                offset += 3
            padded, before = _pad(text, widths[number], table.aligns.get(number, ""))
            spans.extend(
                Span(s.start + offset + before, s.end + offset + before, s.style, s.href) for s in cell_spans
            )
            parts.append(padded)
            offset += len(padded)
        build.add("".join(parts).rstrip(), spans, kind="table", header=header, quote=quote, indent=indent)
