"""Trafilatura's extracted tree to Markdown that parses back to the same text.

Trafilatura's own Markdown output drops block quotes and escapes little, so a
sentence that starts with "1." or holds a `*` would turn into markup. Writing
the Markdown here keeps every structure the issue asks for (headings,
paragraphs, lists, quotes, tables, links) and escapes the text of the page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)]))")
_BLOCK = frozenset({"p", "ab", "head", "list", "quote", "table", "div", "note", "code", "fw"})
_STRONG = {"#b": "**", "#i": "*", "#del": "~~"}
_SCHEMES = ("http://", "https://", "mailto:")


def escape(text: str | None) -> str:
    """Page text as Markdown that shows exactly that text."""
    if not text:
        return ""
    text = _SPACE.sub(" ", text)
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))


def _escape_line_start(line: str) -> str:
    """A paragraph that starts like a heading, list item or rule stays a paragraph."""
    match = _LINE_START.match(line)
    if not match:
        return line
    if match.group(1)[0].isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def _wrap(mark: str, inner: str) -> str:
    """Emphasis around the words only: `** word **` would not parse."""
    core = inner.strip()
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _code_span(text: str) -> str:
    text = _SPACE.sub(" ", text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link_url(target: str, base: str) -> str:
    if not target:
        return ""
    url = urljoin(base, target.strip()) if base else target.strip()
    if not url.lower().startswith(_SCHEMES):
        return ""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


class Writer:
    """Walks one extracted tree; `base` resolves relative links."""

    def __init__(self, base: str = "") -> None:
        self.base = base

    # ---------------------------------------------------------------- inline

    def inline(self, element: etree._Element) -> str:
        parts = [escape(element.text)]
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self._inline_child(child))
            parts.append(escape(child.tail))
        return "".join(parts)

    def _inline_child(self, child: etree._Element) -> str:
        tag = child.tag
        if tag == "lb":
            return "\\\n"
        if tag == "graphic":
            return ""
        if tag == "hi" and child.get("rend") == "#t" or tag == "code":
            return _code_span("".join(child.itertext()))
        inner = self.inline(child)
        if tag == "hi" and child.get("rend") in _STRONG:
            return _wrap(_STRONG[child.get("rend", "")], inner)
        if tag == "del":
            return _wrap("~~", inner)
        if tag == "ref":
            url = _link_url(child.get("target", ""), self.base)
            core = inner.strip()
            if url and core:
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()) :]
                target = f"<{url}>" if "(" in url or ")" in url else url
                return f"{lead}[{core.replace(chr(10), ' ')}]({target}){trail}"
        return inner

    def _text_block(self, element: etree._Element) -> str:
        text = self.inline(element).strip()
        text = re.sub(r"(\\\n\s*)+$", "", text)  # a break at the end breaks nothing
        return "\n".join(_escape_line_start(line.strip()) for line in text.split("\n")).strip()

    # ----------------------------------------------------------------- blocks

    def blocks(self, element: etree._Element) -> list[str]:
        """Markdown blocks of a container: loose text becomes paragraphs."""
        out: list[str] = []
        loose: list[str] = [escape(element.text)]

        def flush() -> None:
            text = "".join(loose).strip()
            if text:
                out.append(_escape_line_start(text))
            loose.clear()

        for child in element:
            if not isinstance(child.tag, str):
                loose.append(escape(child.tail))
                continue
            if child.tag in _BLOCK or child.tag in ("item", "row", "cell"):
                flush()
                out.extend(self.block(child))
            else:
                loose.append(self._inline_child(child))
            loose.append(escape(child.tail))
        flush()
        return out

    def block(self, element: etree._Element) -> list[str]:
        tag = element.tag
        if tag in ("p", "ab", "fw"):
            text = self._text_block(element)
            return [text] if text else []
        if tag == "head":
            text = self.inline(element).replace("\\\n", " ").strip()
            level = element.get("rend", "h2")[-1:]
            hashes = "#" * (int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2)
            return [f"{hashes} {text}"] if text else []
        if tag == "list":
            return self._list(element)
        if tag == "quote":
            inner = self.blocks(element)
            return ["\n>\n".join(_prefix(b, "> ", "> ") for b in inner)] if inner else []
        if tag == "table":
            return self._table(element)
        if tag == "code":
            return [_fence("".join(element.itertext()))]
        return self.blocks(element)

    def _list(self, element: etree._Element) -> list[str]:
        ordered = element.get("rend", "") in ("ol", "ordered")
        lines: list[str] = []
        number = 1
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "item":
                continue
            parts = self.blocks(item)
            if not parts:
                continue
            marker = f"{number}. " if ordered else "- "
            number += 1
            lines.append(_prefix("\n\n".join(parts), marker, " " * len(marker)))
        return ["\n".join(lines)] if lines else []

    def _table(self, element: etree._Element) -> list[str]:
        rows: list[list[str]] = []
        for row in element.iter("row"):
            cells = [
                self.inline(cell).replace("\\\n", " ").replace("\n", " ").strip()
                for cell in row
                if isinstance(cell.tag, str) and cell.tag == "cell"
            ]
            if any(cells):
                rows.append(cells)
        if not rows:
            return []
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
        return ["\n".join(lines)]


def _prefix(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        (first if n == 0 else rest) + line if line else rest.rstrip() for n, line in enumerate(lines)
    )


def _fence(code: str) -> str:
    longest = max((len(run) for run in re.findall(r"`{3,}", code)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}\n{code.strip(chr(10))}\n{fence}"


def to_markdown(body: etree._Element, base: str = "") -> str:
    """The Markdown of trafilatura's body element, blocks separated by blank lines."""
    blocks = Writer(base).blocks(body)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n" if blocks else ""
