"""The review report as one self-contained HTML file, for readers who do not
read Markdown: the same `Report` as the Markdown (review_report.py), with
its style inline, no script, no image, no font or stylesheet to fetch.

Every text from the corpus goes through `_h` (controls made visible, then
HTML-escaped); links are written only for http(s) URLs.
"""

from __future__ import annotations

import html
import re

from tui.core.document.text import escape_controls
from tui.core.exchange.review_report import (
    RELATION_TITLES,
    Note,
    Options,
    Report,
    Side,
    build_report,
    percent,
    quoted,
)
from tui.core.model.annotations import Verdict
from tui.core.model.corpus import Corpus

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem;
     border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
.meta, .details, .by { color: #555; }
.claim { margin: 1.2rem 0; }
.claim .words { margin-bottom: 0.2rem; }
.verdict { font-weight: bold; padding: 0 0.3em; border-radius: 3px; }
.verdict-supported { background: #d7f0d7; } .verdict-disputed { background: #fbefc4; }
.verdict-false { background: #f7d4d4; } .verdict-unverifiable { background: #e6dcf3; }
blockquote { margin: 0.5rem 0 0.5rem 0; padding: 0.1rem 1rem; border-left: 4px solid #bbb;
             background: #f6f6f6; }
.side footer { color: #555; font-size: 0.95rem; }
@media print { body { margin: 0; } h2 { break-after: avoid; } }
"""


def _h(text: str) -> str:
    """Text from a file, safe in HTML: controls shown as escapes, markup escaped."""
    return html.escape(escape_controls(text), quote=True)


def _link(url: str, label: str | None = None) -> str:
    flat = url.strip()
    if re.fullmatch(r"https?://[^\s<>\"']+", flat):
        return f'<a href="{_h(flat)}">{_h(label or flat)}</a>'
    return _h(label or flat)


def _verdict(verdict: Verdict | None) -> str:
    if verdict is None:
        return '<span class="unreviewed">unreviewed</span>'
    value = verdict.value if re.fullmatch(r"[a-z]+", verdict.value) else "other"
    out = f'<span class="verdict verdict-{value}">{_h(verdict.value)}</span>'
    if verdict.author:
        out += f" ({_h(verdict.author)})"
    if verdict.comment:
        out += f": {_h(' '.join(verdict.comment.split()))}"
    return out


def _note(note: Note) -> str:
    paragraphs = "".join(f"<p>{_h(p)}</p>" for p in note.paragraphs)
    by = f'<p class="by">— {_h(note.author)}</p>' if note.author else ""
    return f"<blockquote>{paragraphs}{by}</blockquote>"


def _side(side: Side) -> str:
    where = ", ".join(_h(x) for x in (side.outlet, side.published) if x)
    when = f" (as of {_h(side.as_of)})" if side.as_of else ""
    title = _link(side.url, side.title) if side.url else _h(side.title)
    return (
        f'<blockquote class="side"><p>{_h(" ".join(side.words.split()))}</p>'
        f"<footer>— <cite>{title}</cite>{', ' + where if where else ''}{when}"
        "</footer></blockquote>"
    )


def html_report(corpus: Corpus, options: Options | None = None) -> str:
    return render_html(build_report(corpus, options))


def render_html(report: Report) -> str:
    title = f"Review report: {report.title}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h(title)}</h1>",
        "<ul>",
    ]
    reviewers = ", ".join(_h(r) for r in report.reviewers) or "none yet"
    rows = [
        ("Reviewers", reviewers),
        ("Date", report.day.isoformat()),
        ("Progress", f"{percent(report.judged, report.total)} reviewed"),
        ("Claims with a verdict", f"{report.judged} of {report.total}"),
        ("Articles", str(len(report.articles))),
        ("Contradictions", str(report.counts.get("contradicts", 0))),
        ("Updates (a later figure or status)", str(report.counts.get("updates", 0))),
        ("Corroborations", str(report.counts.get("corroborates", 0))),
    ]
    if report.filters:
        rows.append(("Showing", _h(report.filters)))
    out += [f"<li>{name}: {value}</li>" for name, value in rows] + ["</ul>"]
    for article in report.articles:
        meta = [_h(x) for x in (article.outlet, article.published) if x]
        meta.append(f"<code>{_h(article.id)}</code>")
        if article.url:
            meta.append(_link(article.url))
        out += [f"<h2>{_h(article.title)}</h2>", f'<p class="meta">{" · ".join(meta)}</p>']
        if not article.total_claims:
            out.append("<p>No claims annotated.</p>")
        elif not article.claims:
            out.append("<p>No claims match the options of this report.</p>")
        for claim in article.claims:
            details = [f"Verdict: {_verdict(claim.verdict)}"]
            if claim.source:
                details.append(f"Source: {_h(claim.source)}")
            if claim.as_of:
                details.append(f"As of: {_h(claim.as_of)}")
            out += [
                '<div class="claim">',
                f'<p class="words"><b>{claim.number}.</b> {_h(quoted(claim.words))}</p>',
                f'<p class="details">{" · ".join(details)}</p>',
                *(_note(n) for n in claim.notes),
                "</div>",
            ]
        if article.text_notes:
            out.append("<h3>Notes on the text</h3>")
            for note in article.text_notes:
                out += [f"<p>On {_h(quoted(note.on))}:</p>", _note(note)]
    for relation, heading in RELATION_TITLES:
        out.append(f"<h2>{heading}</h2>")
        links = report.links.get(relation, ())
        if not links:
            out.append("<p>None recorded.</p>")
        for link in links:
            out.append(f"<h3>{_h(link.summary)}</h3>")
            out += [_side(side) for side in link.sides]
    out.append("<h2>Orphans</h2>")
    if not report.orphans:
        out.append("<p>Every annotation is anchored in its article.</p>")
    else:
        out.append("<ul>")
        out += [
            f"<li><code>{_h(ref)}</code> ({_h(kind)}): {_h(quote)}</li>"
            for ref, kind, quote in report.orphans
        ]
        out.append("</ul>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
