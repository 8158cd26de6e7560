"""Markdown to the plain-text stream and blocks, via markdown-it-py tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.core.article import Article, ArticleMeta, Block, Span

_INLINE_STYLES = {"strong": "bold", "em": "italic", "s": "strike", "link": "link"}


def _parser() -> MarkdownIt:
    # html off: raw HTML is shown as text, never interpreted.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, spans: list[Span], **kind: object) -> None:
        if self.blocks:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        shifted = tuple(Span(s.start + start, s.end + start, s.style, s.href) for s in spans)
        self.blocks.append(Block(start=start, end=self.length, spans=shifted, **kind))  # type: ignore[arg-type]


def _inline(token: Token) -> tuple[str, list[Span]]:
    out: list[str] = []
    spans: list[Span] = []
    open_at: dict[str, list[tuple[int, str]]] = {}
    length = 0
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "html_inline"):
            out.append(child.content)
            length += len(child.content)
        elif kind == "code_inline":
            spans.append(Span(length, length + len(child.content), "code"))
            out.append(child.content)
            length += len(child.content)
        elif kind == "softbreak":
            out.append(" ")
            length += 1
        elif kind == "hardbreak":
            out.append("\n")
            length += 1
        elif kind == "image":
            alt = child.content or "image"
            out.append(alt)
            length += len(alt)
        elif kind.endswith("_open"):
            name = kind[: -len("_open")]
            href = str(child.attrs.get("href", "")) if name == "link" else ""
            open_at.setdefault(name, []).append((length, href))
        elif kind.endswith("_close"):
            name = kind[: -len("_close")]
            if open_at.get(name):
                start, href = open_at[name].pop()
                if name in _INLINE_STYLES and length > start:
                    spans.append(Span(start, length, _INLINE_STYLES[name], href))
    return "".join(out), spans


def parse_markdown(article_id: str, path: Path, source: str) -> Article:
    tokens = _parser().parse(source)
    build = _Builder()
    lists: list[dict[str, int | str]] = []  # bullet or ordered counters
    quote = 0
    item_marker = ""
    heading_level = 0
    row: list[tuple[str, list[Span]]] = []
    in_header = False
    in_cell = False
    for token in tokens:
        kind = token.type
        if kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            lists.append({"ordered": kind.startswith("ordered"), "n": start})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            current = lists[-1]
            if current["ordered"]:
                item_marker = f"{current['n']}."
                current["n"] = int(current["n"]) + 1
            else:
                item_marker = "•"
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            _add_row(build, row, in_header, quote, len(lists))
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            build.add(code, [], kind="code", quote=quote, indent=len(lists))
        elif kind == "hr":
            build.add("───", [], kind="rule", quote=quote)
        elif kind == "inline":
            text, spans = _inline(token)
            if in_cell:
                row.append((text, spans))
                continue
            if heading_level:
                build.add(text, spans, kind="heading", level=heading_level, quote=quote,
                          indent=len(lists))
            elif lists:
                build.add(text, spans, kind="item", quote=quote, indent=len(lists),
                          marker=item_marker)
                item_marker = ""
            else:
                build.add(text, spans, kind="quote" if quote else "paragraph", quote=quote)
    text = "".join(build.parts)
    first = next((b for b in build.blocks if b.kind == "heading"), None)
    if first is None and build.blocks:
        first = build.blocks[0]
    title = text[first.start:first.end] if first else ""
    return Article(article_id, path, text, build.blocks, ArticleMeta(title=title), "md")


def _add_row(build: _Builder, row: list[tuple[str, list[Span]]], header: bool,
             quote: int, indent: int) -> None:
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for number, (text, cell_spans) in enumerate(row):
        if number:
            parts.append(" | ")
            offset += 3
        spans.extend(Span(s.start + offset, s.end + offset, s.style, s.href) for s in cell_spans)
        parts.append(text)
        offset += len(text)
    build.add("".join(parts), spans, kind="table", header=header, quote=quote, indent=indent)
