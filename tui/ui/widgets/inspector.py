"""Everything known about the annotation under the caret."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import Static

from tui.core.model.annotations import Annotation, Match
from tui.core.model.corpus import Corpus
from tui.core.views.filters import claims_resting_on, source_label
from tui.core.views.lookup import NotesIndex, SourceIndex
from tui.ui.messages import CorpusChanged
from tui.ui.styles import one_line, safe

_VERDICT_STYLE = {
    "supported": "bold green",
    "disputed": "bold yellow",
    "false": "bold red",
    "unverifiable": "bold magenta",
    "unreviewed": "dim",
}
_QUOTES = "\"'„“”‚‘’«»"


def quoted(text: str) -> str:
    """Wrap in quotation marks unless the text already carries its own."""
    return text if text[:1] in _QUOTES and text[-1:] in _QUOTES else f"“{text}”"


def describe(
    annotation: Annotation | None, corpus: Corpus, author: str = "", lookups: Lookups | None = None
) -> Text:
    """The annotation in full; `lookups` answers the per-key questions from
    indexes built once per change (tui/core/views/lookup.py)."""
    if annotation is None:
        return Text("Move the caret onto a highlight, or press ] for the next annotation.", style="dim")
    a = annotation
    r = a.resolution
    out = Text()
    out.append_text(safe(a.kind.upper(), "bold reverse"))
    out.append(" ")
    out.append_text(safe(a.id, "bold"))
    match = {
        Match.EXACT: "exact",
        Match.FUZZY: f"fuzzy {r.score:.2f}",
        Match.ORPHAN: "orphan: quote not found",
    }[r.match]
    out.append(f"  ({match})\n", "dim")
    if a.anchor is not None:
        out.append_text(safe(quoted(a.anchor.quote), "italic"))
        out.append("\n")
    if a.kind == "source" and a.name:
        out.append("Name: ", "bold")
        out.append_text(safe(a.name))
        out.append("\n")
    if a.source:
        src = corpus.get(a.source, a.article)
        out.append("Source: ", "bold")
        out.append_text(safe(src.name or src.id if src else a.source))
        if src is not None and src.anchor is not None:
            out.append_text(safe(" — " + quoted(one_line(src.anchor.quote, 60)), "dim"))
        out.append("\n")
    if a.topic or a.tags:
        out.append("Topic: ", "bold")
        out.append_text(
            safe(" · ".join([a.topic] + [f"#{t}" for t in a.tags] if a.topic else [f"#{t}" for t in a.tags]))
        )
        out.append("\n")
    if a.value is not None or a.as_of or a.event:
        out.append("Figure: ", "bold")
        low, high = a.value or (0.0, 0.0)
        number = "" if a.value is None else (f"{low:,.10g}" if low == high else f"{low:,.10g}–{high:,.10g}")
        out.append_text(safe(" ".join(x for x in (number, a.unit, a.counts) if x)))
        if a.as_of:
            out.append_text(safe(f" · as of {a.as_of}", "dim"))
        if a.event:
            out.append_text(safe(f" · {a.event}", "dim"))
        out.append("\n")
    if a.author:
        out.append("By: ", "bold")
        out.append_text(safe(f"{a.author} · {a.modified or a.created}", "dim"))
        out.append("\n")
    if a.conflict:
        out.append("Conflict: ", "bold red")
        out.append_text(safe(f"two versions were kept when merging; see {a.conflict}\n"))
    if a.kind == "claim":
        out.append("Verdict: ", "bold")
        mine = corpus.verdict_of(a.ref, author) if author else None
        if mine is None:
            out.append("unreviewed", "dim")
            out.append(" (1-5 to judge)\n", "dim")
        else:
            out.append_text(safe(mine.value, _VERDICT_STYLE.get(mine.value, "bold")))
            out.append_text(safe(f" — {mine.author}, {mine.modified}\n", "dim"))
            if mine.comment:
                out.append("  ")
                out.append_text(safe(mine.comment, "italic"))
                out.append("\n")
        for other in corpus.verdicts.get(a.ref, []):
            if other.author == author:
                continue
            out.append_text(safe(f"  {other.author}: ", "dim"))
            out.append_text(safe(other.value, _VERDICT_STYLE.get(other.value, "")))
            if other.comment:
                out.append_text(safe(f" — {one_line(other.comment, 80)}", "dim"))
            out.append("\n")
    if a.text and a.kind != "note":
        out.append_text(safe(a.text))
        out.append("\n")
    if a.kind == "note":
        out.append("Note: ", "bold")
        out.append_text(safe(a.text))
        out.append("\n")
    notes = lookups.notes(a.article).notes_on(a) if lookups is not None else corpus.notes_on(a)
    if notes:
        out.append(f"Notes ({len(notes)}):\n", "bold")
        for note in notes:
            out.append(" • ")
            out.append_text(safe(note.text.strip()))
            if note.author:
                out.append_text(safe(f" — {note.author}", "dim"))
            out.append("\n")
    for relation, mark, title, style in (
        ("contradicts", "✗", "Contradictions", "bold red"),
        ("updates", "→", "Updates", "bold cyan"),
        ("corroborates", "✓", "Corroborations", "bold green"),
    ):
        links = [link for link in corpus.links_of(a) if link.relation == relation]
        if not links:
            continue
        out.append(f"{title} ({len(links)}):\n", style)
        for link in links:
            out.append(f" {mark} ")
            out.append_text(safe(link.summary))
            out.append("\n")
            for ref in link.members:
                if ref == a.ref:
                    continue
                partner = corpus.get(ref)
                article = corpus.articles.get(ref.partition("#")[0])
                where = article.title if article else ref
                out.append("    ↳ ", "dim")
                out.append_text(safe(one_line(where, 40), "dim"))
                out.append(": ")
                quote = partner.anchor.quote if partner and partner.anchor else ref
                out.append_text(safe(quoted(one_line(quote, 90)), "italic"))
                out.append("\n")
    if corpus.links_of(a):
        out.append("enter: show the other side\n", "dim")
    if a.kind == "source":
        out.append_text(resting_on(a, corpus, lookups))
    return out


SHOWN_CLAIMS = 12


def resting_on(source: Annotation, corpus: Corpus, lookups: Lookups | None = None) -> Text:
    """Every claim across the corpus resting on this source (by normalised
    name), grouped by article; the annotations list's `r` lists them to jump."""
    use = lookups.sources().use(source) if lookups is not None else claims_resting_on(corpus, source)
    out = Text()
    articles = len(use.claims)
    out.append(
        f"Claims resting on it ({use.count} in {articles} article{'s' if articles != 1 else ''}):\n", "bold"
    )
    others = [n for n in use.names if n != source_label(source)]
    if others:
        out.append_text(safe(f"  also named: {one_line('; '.join(others), 100)}\n", "dim"))
    from tui.core.views.matrix import claim_words  # the matrix module loads when first needed

    shown = 0
    for article_id, claims in use.claims:
        article = corpus.articles.get(article_id)
        out.append_text(safe(f"  {article_id[:3]} {one_line(article.title if article else '', 40)}\n", "dim"))
        for claim in claims:
            if shown == SHOWN_CLAIMS:
                break
            shown += 1
            out.append("   • ")
            out.append_text(safe(quoted(one_line(claim_words(corpus, claim), 90)), "italic"))
            out.append("\n")
    if use.count > shown:
        out.append(f"  … and {use.count - shown} more\n", "dim")
    if use.count:
        out.append("a, then r: list them in the annotations list, enter to jump\n", "dim")
    return out


class Lookups:
    """The inspector's indexes, made when first asked and dropped on a change."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._notes: dict[str, NotesIndex] = {}
        self._sources: SourceIndex | None = None

    def notes(self, article_id: str) -> NotesIndex:
        found = self._notes.get(article_id)
        if found is None:
            found = self._notes[article_id] = NotesIndex(self.corpus, article_id)
        return found

    def sources(self) -> SourceIndex:
        if self._sources is None:
            self._sources = SourceIndex(self.corpus)
        return self._sources

    def used(self) -> tuple[list[str], bool]:
        """The articles whose notes were asked for, and whether the sources were:
        what to make again after a change."""
        return list(self._notes), self._sources is not None

    def build(self, article_ids: list[str], sources: bool = True) -> None:
        """Make them now (in a worker thread: 0.3 s for an article's notes and
        0.8 s for the sources at 16 MB, which the first keys that asked paid)."""
        for article_id in article_ids:
            self.notes(article_id)
        if sources:
            self.sources()


class Inspector(Static):
    """The annotation under the caret, redrawn whenever it or the data changes."""

    def __init__(self, corpus: Corpus, author: str = "", *, id: str | None = None) -> None:
        super().__init__(describe(None, corpus), classes="data-view", id=id)
        self.corpus = corpus
        self.author = author
        self.annotation: Annotation | None = None
        self.suggestions: Text | None = None
        self.lead = False  # the review queue's suggestion comes first
        self.lookups = Lookups(corpus)

    def show(self, annotation: Annotation | None, force: bool = False) -> None:
        if annotation is self.annotation and not force:
            return  # same annotation: skip re-rendering on every caret move
        self.annotation = annotation
        if self.suggestions is not None and annotation is None:
            self.update(self.suggestions)
            return
        body = describe(annotation, self.corpus, self.author, self.lookups)
        if self.suggestions is not None:
            body = (
                Text.assemble(self.suggestions, body) if self.lead else Text.assemble(body, self.suggestions)
            )
        self.update(body)

    def show_suggestions(self, text: Text | None, lead: bool = False) -> None:
        """The suggestions under the caret (tui/ui/suggestions.py), below the
        annotation, or above it (`lead`) for the review queue's suggestion."""
        if text is None and self.suggestions is None:
            return
        self.suggestions, self.lead = text, lead
        self.show(self.annotation, force=True)

    def prepare(self, article_ids: list[str], sources: bool = True) -> None:
        """Build the lookups for these articles (and the sources) off the UI
        thread, before a key asks for them; a change meanwhile drops them."""
        lookups = self.lookups

        def build() -> None:
            try:
                lookups.build(article_ids, sources)
            except RuntimeError:  # the data changed while it was read: asked for later, as before
                pass

        self.run_worker(build, thread=True, group="inspector-lookups", exit_on_error=False)

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        articles, sources = self.lookups.used()
        self.lookups = Lookups(self.corpus)
        if articles or sources:
            self.prepare(articles, sources)
        current = self.annotation
        self.show(self.corpus.get(current.ref) if current is not None else None, force=True)
