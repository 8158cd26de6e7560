"""The review report an editor reads: Markdown here, HTML in report_html.py.

Both render one `Report`, built once from the corpus and the options of
`crossread export --format markdown|html` (articles, a reviewer, reviewed
claims only, work since a day), so the two formats never say different
things. The report holds raw text; each renderer escapes for its format.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tui.core.document.text import escape_controls
from tui.core.model.annotations import RELATIONS, Annotation, Link, Verdict
from tui.core.model.corpus import Corpus
from tui.core.views.days import record_day
from tui.core.views.matrix import claim_words

RELATION_TITLES = (
    ("contradicts", "Contradictions"),
    ("updates", "Updates"),
    ("corroborates", "Corroborations"),
)


@dataclass(frozen=True)
class Options:
    """What to report; the defaults report everything, by everyone."""

    articles: tuple[str, ...] = ()  # article ids; () for all
    author: str | None = None  # only this reviewer's verdicts, notes and links
    reviewed_only: bool = False  # only claims with a verdict
    since: date | None = None  # only claims, notes and links worked on since this day
    today: date | None = None  # the date in the header (tests pin it)

    def describe(self) -> str:
        parts = []
        if self.articles:
            parts.append("articles " + ", ".join(a[:3] for a in self.articles))
        if self.author:
            parts.append(f"verdicts, notes and links by {self.author}")
        if self.reviewed_only:
            parts.append("claims with a verdict only")
        if self.since:
            parts.append(f"work since {self.since.isoformat()}")
        return " · ".join(parts)


@dataclass(frozen=True)
class Note:
    paragraphs: tuple[str, ...]
    author: str
    on: str = ""  # the words it is on, for notes on the text


@dataclass(frozen=True)
class ClaimEntry:
    number: int
    ref: str
    words: str
    verdict: Verdict | None  # None when unreviewed, or reset to unreviewed
    source: str
    as_of: str
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class ArticleEntry:
    id: str
    title: str
    outlet: str
    published: str
    url: str
    claims: tuple[ClaimEntry, ...]
    text_notes: tuple[Note, ...]
    total_claims: int


@dataclass(frozen=True)
class Side:
    """One quoted side of a link, with where and when it was said."""

    words: str
    title: str
    outlet: str
    published: str
    as_of: str
    url: str


@dataclass(frozen=True)
class LinkEntry:
    summary: str
    relation: str
    author: str
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Report:
    title: str
    reviewers: tuple[str, ...]
    day: date
    judged: int
    total: int
    filters: str
    articles: tuple[ArticleEntry, ...]
    links: dict[str, tuple[LinkEntry, ...]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    orphans: tuple[tuple[str, str, str], ...] = ()  # (ref, kind, quote)


def corpus_title(corpus: Corpus) -> str:
    """`title` from crossread.toml, else the corpus's name."""
    from tui.core.exchange.exports import corpus_name

    try:
        data = tomllib.loads((corpus.root / "crossread.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}
    title = data.get("title")
    return title.strip() if isinstance(title, str) and title.strip() else corpus_name(corpus)


def paragraphs(text: str) -> tuple[str, ...]:
    """A note's paragraphs: blank lines separate them, single line breaks are
    the wrapping of a YAML block and become spaces."""
    return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def _since(stamp: str, since: date | None) -> bool:
    if since is None:
        return True
    day = record_day(stamp)
    return day is not None and day >= since


def _verdict(corpus: Corpus, claim: Annotation, author: str | None) -> Verdict | None:
    """The verdict to print: never a reset to unreviewed."""
    verdict = corpus.verdict_of(claim.ref, author)
    return verdict if verdict is not None and verdict.value != "unreviewed" else None


def _note(note: Annotation, on: str = "") -> Note:
    return Note(paragraphs(note.text), note.author, on)


def _side(corpus: Corpus, ref: str) -> Side:
    member = corpus.get(ref)
    article = corpus.articles.get(ref.partition("#")[0])
    words = claim_words(corpus, member) if member is not None else "(missing)"
    if article is None:
        return Side(words, ref, "", "", member.as_of if member else "", "")
    return Side(
        words,
        article.title,
        article.meta.outlet,
        article.meta.published,
        member.as_of if member else "",
        article.meta.url,
    )


def build_report(corpus: Corpus, options: Options | None = None) -> Report:
    opts = options or Options()
    ids = [a for a in (opts.articles or tuple(corpus.articles)) if a in corpus.articles]
    by = opts.author

    def mine(record: Annotation | Link) -> bool:  # curated records belong to everyone
        return by is None or record.author in ("", by)

    articles: list[ArticleEntry] = []
    reviewers: set[str] = set()
    judged = total = 0
    for aid in ids:
        article = corpus.articles[aid]
        claims = [c for c in corpus.claims([aid])]
        claims.sort(key=lambda c: (0, c.start, c.end) if c.resolution.resolved else (1, 0, 0))
        entries: list[ClaimEntry] = []
        placed: set[str] = set()  # notes listed under a claim, each under one only
        for claim in claims:
            verdict = _verdict(corpus, claim, by)
            total += 1
            judged += verdict is not None
            notes = [n for n in corpus.notes_on(claim) if mine(n) and n.ref not in placed]
            if opts.reviewed_only and verdict is None:
                continue
            if opts.since and not (
                (verdict is not None and _since(verdict.modified or verdict.created, opts.since))
                or any(n.author and _since(n.modified or n.created, opts.since) for n in notes)
            ):
                continue
            if verdict is not None and verdict.author:
                reviewers.add(verdict.author)
            reviewers.update(n.author for n in notes if n.author)
            placed.update(n.ref for n in notes)
            source = corpus.get(claim.source, aid) if claim.source else None
            entries.append(
                ClaimEntry(
                    len(entries) + 1,
                    claim.ref,
                    claim_words(corpus, claim),
                    verdict,
                    (source.name or source.id) if source else "",
                    claim.as_of,
                    tuple(_note(n) for n in notes),
                )
            )
        shown = {c.ref for c in claims}
        text_notes = []
        if not opts.reviewed_only:
            for note in corpus.annotations.get(aid, []):
                if note.kind != "note" or not mine(note) or note.ref in placed:
                    continue
                if opts.since and not (note.author and _since(note.modified or note.created, opts.since)):
                    continue
                target = corpus.get(note.target, aid) if note.target else None
                if target is not None and target.ref in shown:
                    continue
                reviewers.update([note.author] if note.author else [])
                text_notes.append(_note(note, claim_words(corpus, target or note)))
        articles.append(
            ArticleEntry(
                aid,
                article.title,
                article.meta.outlet,
                article.meta.published,
                article.meta.url,
                tuple(entries),
                tuple(text_notes),
                len(claims),
            )
        )
    chosen = set(ids)
    links: dict[str, list[LinkEntry]] = {relation: [] for relation in RELATIONS}
    for link in corpus.links:
        if not any(ref.partition("#")[0] in chosen for ref in link.members) or not mine(link):
            continue
        if opts.since and not (link.author and _since(link.modified or link.created, opts.since)):
            continue
        links.setdefault(link.relation, []).append(
            LinkEntry(
                link.summary, link.relation, link.author, tuple(_side(corpus, ref) for ref in link.members)
            )
        )
    orphans = tuple(
        (a.ref, a.kind, a.anchor.quote if a.anchor else "")
        for aid in ids
        for a in corpus.annotations.get(aid, [])
        if a.anchor is not None and not a.resolution.resolved
    )
    return Report(
        corpus_title(corpus),
        (by,) if by else tuple(sorted(reviewers)),
        opts.today or report_day(),
        judged,
        total,
        opts.describe(),
        tuple(articles),
        {k: tuple(v) for k, v in links.items()},
        {k: len(v) for k, v in links.items()},
        orphans,
    )


def report_day() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def percent(done: int, total: int) -> str:
    return f"{round(100 * done / total)}%" if total else "0%"


# ------------------------------------------------------------ Markdown


_QUOTES = "\"'„“”‚‘’«»"


def quoted(text: str) -> str:
    """In quotation marks, unless the words carry their own."""
    flat = " ".join(text.split())
    return flat if flat[:1] in _QUOTES and flat[-1:] in _QUOTES else f"“{flat}”"


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


def _url(url: str) -> str:
    """An autolink for http(s) URLs only; anything else is shown as text."""
    flat = escape_controls(url.strip())
    if re.fullmatch(r"https?://[^\s<>]+", flat):
        return f"<{flat}>"
    return _md(flat)


def md_verdict(verdict: Verdict | None) -> str:
    if verdict is None:
        return "unreviewed"
    shown = f"**{_md(verdict.value)}**"
    if verdict.author:
        shown += f" ({_md(verdict.author)})"
    if verdict.comment:
        shown += f": {_md(verdict.comment)}"
    return shown


def _md_note(note: Note, quote: bool = True) -> list[str]:
    """Each paragraph its own paragraph, the author after the last one."""
    out: list[str] = []
    for index, paragraph in enumerate(note.paragraphs):
        text = _md(paragraph)
        if index == len(note.paragraphs) - 1 and note.author:
            text += f" ({_md(note.author)})"
        if out:
            out.append(">" if quote else "")
        out.append(f"> {text}" if quote else text)
    return out + [""]


def _md_side(side: Side) -> list[str]:
    where = ", ".join(_md(x) for x in (side.outlet, side.published) if x)
    when = f" (as of {_md(side.as_of)})" if side.as_of else ""
    link = f" {_url(side.url)}" if side.url else ""
    return [
        f"> {_md(side.words)}",
        ">",
        f"> — *{_md(side.title)}*{', ' + where if where else ''}{when}{link}",
        "",
    ]


def markdown_report(corpus: Corpus, options: Options | None = None) -> str:
    return render_markdown(build_report(corpus, options))


def render_markdown(report: Report) -> str:
    out = [f"# Review report: {_md(report.title)}", ""]
    reviewers = ", ".join(_md(r) for r in report.reviewers) or "none yet"
    out += [
        f"- Reviewers: {reviewers}",
        f"- Date: {report.day.isoformat()}",
        f"- Progress: {percent(report.judged, report.total)} reviewed",
        f"- Claims with a verdict: {report.judged} of {report.total}",
        f"- Articles: {len(report.articles)}",
        f"- Contradictions: {report.counts.get('contradicts', 0)}",
        f"- Updates (a later figure or status): {report.counts.get('updates', 0)}",
        f"- Corroborations: {report.counts.get('corroborates', 0)}",
    ]
    if report.filters:
        out.append(f"- Showing: {_md(report.filters)}")
    out.append("")
    for article in report.articles:
        meta = " · ".join(
            x
            for x in (
                _md(article.outlet),
                _md(article.published),
                _code(article.id),
                _url(article.url) if article.url else "",
            )
            if x
        )
        out += [f"## {_md(article.title)}", "", meta, ""]
        if not article.total_claims:
            out += ["No claims annotated.", ""]
        elif not article.claims:
            out += ["No claims match the options of this report.", ""]
        for claim in article.claims:
            out += [f"**{claim.number}.** {_md(quoted(claim.words))}", ""]
            details = [f"Verdict: {md_verdict(claim.verdict)}"]
            if claim.source:
                details.append(f"Source: {_md(claim.source)}")
            if claim.as_of:
                details.append(f"As of: {_md(claim.as_of)}")
            out += [" · ".join(details), ""]
            for note in claim.notes:
                out += _md_note(note)
        if article.text_notes:
            out += ["### Notes on the text", ""]
            for note in article.text_notes:
                out += [f"On {_md(quoted(note.on))}:", ""] + _md_note(note)
    for relation, title in RELATION_TITLES:
        out += [f"## {title}", ""]
        links = report.links.get(relation, ())
        if not links:
            out += ["None recorded.", ""]
        for link in links:
            out += [f"### {_md(link.summary)}", ""]
            for side in link.sides:
                out += _md_side(side)
    out += ["## Orphans", ""]
    if not report.orphans:
        out += ["Every annotation is anchored in its article.", ""]
    for ref, kind, quote in report.orphans:
        out.append(f"- {_code(ref)} ({_md(kind)}): {_md(quote)}")
    if report.orphans:
        out.append("")
    return "\n".join(out)
