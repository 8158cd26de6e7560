"""The Markdown review report: readable in a terminal, renders well on GitHub."""

from __future__ import annotations

import re

from tui.core.corpus import Corpus
from tui.core.model import RELATIONS, Annotation, Link
from tui.core.text import escape_controls


def _md(text: str) -> str:
    """Plain text safe inside Markdown: one line, controls and syntax escaped."""
    flat = " ".join(escape_controls(text).split())
    for ch in "\\`*_[]<>|#":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def _code(text: str) -> str:
    """An id as a Markdown code span: one line, controls escaped, and fenced
    with enough backticks that one inside cannot end it."""
    flat = " ".join(escape_controls(text).split())
    fence = "`" * (max((len(run) for run in re.findall("`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _quote(corpus: Corpus, a: Annotation) -> str:
    if a.resolution.resolved:
        return _md(corpus.articles[a.article].text[a.start:a.end])
    return _md(a.anchor.quote if a.anchor else a.text)


def _links_section(corpus: Corpus, title: str, links: list[Link]) -> list[str]:
    """Each link's summary, then every member quoted with its article and date."""
    out = [f"## {title}", ""]
    if not links:
        out += ["None recorded.", ""]
    for link in links:
        out += [f"### {_md(link.summary)}", ""]
        for ref in link.members:
            member = corpus.get(ref)
            article = corpus.articles.get(ref.partition("#")[0])
            where = _md(article.title) if article else _md(ref)
            words = _quote(corpus, member) if member else "(missing)"
            when = f" (as of {_md(member.as_of)})" if member and member.as_of else ""
            out += [f"> {words}", ">", f"> — *{where}*{when}", ""]
    return out


def _text_notes(corpus: Corpus, aid: str, shown: set[str]) -> list[str]:
    """Notes on the article's words or on its sources, which the claims table leaves out."""
    out = []
    for note in corpus.annotations.get(aid, []):
        if note.kind != "note":
            continue
        target = corpus.get(note.target, aid) if note.target else None
        if target is not None and target.ref in shown:
            continue
        on = target if target is not None else note
        by = f" ({_md(note.author)})" if note.author else ""
        out.append(f"- On “{_quote(corpus, on)}”: {_md(note.text)}{by}")
    return ["Notes on the text:", "", *out, ""] if out else []


def markdown_report(corpus: Corpus) -> str:
    from tui.core.export import corpus_name

    out: list[str] = [f"# Review report: {_md(corpus_name(corpus))}", ""]
    claims = corpus.claims()
    judged = [c for c in claims if (v := corpus.verdict_of(c.ref)) and v.value != "unreviewed"]
    by_relation = {relation: [link for link in corpus.links if link.relation == relation]
                   for relation in RELATIONS}
    out += ["## Progress", "",
            f"- Articles: {len(corpus.articles)}",
            f"- Claims with a verdict: {len(judged)} of {len(claims)}",
            f"- Contradictions: {len(by_relation['contradicts'])}",
            f"- Updates (a later figure or status): {len(by_relation['updates'])}",
            f"- Corroborations: {len(by_relation['corroborates'])}", ""]
    for aid, article in corpus.articles.items():
        meta = " · ".join(x for x in (_md(article.meta.outlet), _md(article.meta.published),
                                      _code(aid)) if x)
        out += [f"## {_md(article.title)}", "", meta, ""]
        own = [c for c in claims if c.article == aid]
        if not own:
            out += ["No claims annotated.", ""]
            continue
        out += ["| # | Claim | As of | Verdict | Source | Notes |", "|---|---|---|---|---|---|"]
        for number, claim in enumerate(own, 1):
            verdict = corpus.verdict_of(claim.ref)
            shown = "unreviewed"
            if verdict is not None:
                shown = f"**{_md(verdict.value)}**"
                if verdict.author:
                    shown += f" ({_md(verdict.author)})"
                if verdict.comment:
                    shown += f": {_md(verdict.comment)}"
            source = corpus.get(claim.source, claim.article) if claim.source else None
            source_name = _md(source.name or source.id) if source else ""
            notes = "; ".join(_md(n.text) + (f" ({_md(n.author)})" if n.author else "")
                              for n in corpus.notes_on(claim))
            out.append(f"| {number} | {_quote(corpus, claim)} | {_md(claim.as_of)} | {shown} | "
                       f"{source_name} | {notes} |")
        out.append("")
        out += _text_notes(corpus, aid, {c.ref for c in own})
    for relation, title in (("contradicts", "Contradictions"), ("updates", "Updates"),
                            ("corroborates", "Corroborations")):
        out += _links_section(corpus, title, by_relation[relation])
    orphans = [a for items in corpus.annotations.values() for a in items
               if a.anchor is not None and not a.resolution.resolved]
    out += ["## Orphans", ""]
    if not orphans:
        out += ["Every annotation is anchored in its article.", ""]
    for a in orphans:
        out.append(f"- {_code(a.ref)} ({_md(a.kind)}): "
                   f"{_md(a.anchor.quote if a.anchor else '')}")
    if orphans:
        out.append("")
    return "\n".join(out)
