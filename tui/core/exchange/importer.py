"""Import W3C Web Annotations (crossread's own export, Hypothesis, Recogito, others).

Everything is checked first; then every importable item is saved in one write,
or nothing is. What cannot be imported is counted and reported by reason.
Items the corpus already holds (by id, by origin, or by kind and anchor) are
"already present", so a round trip adds nothing twice.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.document.anchoring import resolve
from tui.core.document.text import escape_line
from tui.core.exchange.import_json import ImportError_, read_json
from tui.core.exchange.interop import jsonld
from tui.core.exchange.interop.items import Item, read_item
from tui.core.exchange.interop.matching import Existing, Targets, aliases_of
from tui.core.exchange.interop.records import RecordMaker
from tui.core.exchange.interop.selectors import MAX_OFFSET, as_list, is_offset, locate
from tui.core.files.store import Record
from tui.core.model.annotations import Match
from tui.core.model.corpus import Corpus
from tui.core.review.session import Session

__all__ = ["ImportError_", "ImportReport", "annotations_in", "import_file", "plan_import"]


@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    matches: Counter[str] = field(default_factory=Counter)
    records: list[Record] = field(default_factory=list)
    saved_to: Path | None = None  # set only when records were written

    def lines(self) -> list[str]:
        """The report for a terminal: reasons quote values from the file (such
        as selector types), so every line is escaped."""
        out = [
            f"imported {self.imported} items "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.matches.items())) or 'none'})"
        ]
        if self.already_present:
            out.append(f"already present, not added again: {self.already_present}")
        for reason, count in sorted(self.skipped.items()):
            out.append(f"not imported, {reason}: {count}")
        out.append(
            f"saved to {self.saved_to}"
            if self.saved_to is not None
            else "nothing new to save; no file was written"
        )
        return [escape_line(line) for line in out]


def _check_positions(items: list[Any]) -> None:
    """Every top-level TextPositionSelector's start and end is a whole number
    that fits, else the whole file is refused before anything is planned."""
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            continue
        for target in as_list(item.get("target")):
            if not isinstance(target, dict):
                continue
            for selector in as_list(target.get("selector")):
                if not isinstance(selector, dict) or selector.get("type") != "TextPositionSelector":
                    continue
                for key in ("start", "end"):
                    if key in selector and not is_offset(selector[key]):
                        shown = json.dumps(selector[key])
                        shown = shown if len(shown) <= 40 else shown[:39] + "…"
                        raw_id = item.get("id", item.get("@id"))
                        name = f" ({raw_id})" if isinstance(raw_id, str) else ""
                        raise ImportError_(
                            f"item {number}{name}: TextPositionSelector {key} must be a "
                            f"whole number from 0 to {MAX_OFFSET}, not {shown}; "
                            "nothing was imported"
                        )


def annotations_in(data: Any) -> list[Any]:
    """A single annotation, a list, a page or a collection, compacted or
    expanded or flattened JSON-LD: the annotations."""
    if jsonld.looks_expanded(data):
        try:
            data = jsonld.compacted(data)
        except jsonld.OfflineOnly as exc:
            raise ImportError_(str(exc)) from None
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportError_(f"expected a JSON object or list of annotations, got {type(data).__name__}")
    kinds = as_list(data.get("type"))
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict):
            return list(as_list(first.get("items")))
        if isinstance(first, str):
            raise ImportError_(
                "the collection's first page is only a link; download the pages and import them"
            )
        return list(as_list(data.get("items")))
    if "AnnotationPage" in kinds:
        return list(as_list(data.get("items")))
    if isinstance(data.get("rows"), list):  # Hypothesis search API result
        return data["rows"] + [r for r in as_list(data.get("replies")) if isinstance(r, dict)]
    return [data]


def plan_import(
    corpus: Corpus, session: Session, items: list[Any], article: str | None = None
) -> ImportReport:
    """Work out every record to add, without saving anything. `article` takes
    targets that name no document, or one the corpus does not know."""
    report = ImportReport()
    existing = Existing.of(corpus, session)
    targets = Targets(corpus, article)
    maker = RecordMaker(corpus, session, existing)
    replies: list[Item] = []
    for raw in items:
        if not isinstance(raw, dict):
            report.skipped["not an annotation object"] += 1
            continue
        kinds = {str(k).rpartition("#")[2] for k in as_list(raw.get("type"))}
        if kinds and "Annotation" not in kinds and "target" not in raw:
            report.skipped["not an Annotation"] += 1
            continue
        item = read_item(raw)
        if existing.has_origin(item):
            report.already_present += 1
            continue
        if (
            item.parent
            or "replying" in item.motivations
            and _replies_to_note(raw, existing)
            or _on_in_this_file(item, corpus)
        ):
            replies.append(item)
            continue
        _plan_item(item, raw, targets, maker, existing, report)
    # After their parents, which may be in the same file, and may be replies themselves.
    while replies:
        waiting = [item for item in replies if _parent_of(item, existing) is None]
        if len(waiting) == len(replies):
            break
        for item in replies:
            if item not in waiting:
                _plan_reply(item, maker, existing, report)
        replies = waiting
    for item in replies:
        if _on_in_this_file(item, corpus):  # its parent is not here: a note on the words
            _plan_item(item, item.raw, targets, maker, existing, report)
        else:
            report.skipped["reply to an annotation that was not imported"] += 1
    maker.drop_dangling(report.records)
    report.matches = +report.matches
    report.imported = len(report.records)
    return report


def _replies_to_note(raw: dict[str, Any], existing: Existing) -> bool:
    return any(isinstance(t, str) and existing.note_for(t) for t in as_list(raw.get("target")))


def _plan_item(
    item: Item,
    raw: dict[str, Any],
    targets: Targets,
    maker: RecordMaker,
    existing: Existing,
    report: ImportReport,
) -> None:
    target_list = as_list(raw.get("target"))
    if not target_list:
        report.skipped["no target"] += 1
        return
    if "linking" in item.motivations and len(target_list) > 1:
        refs = [_claim_at(targets, t) for t in target_list]
        if any(r is None for r in refs) or len(set(refs)) < 2:
            report.skipped["link between things that are not claims here"] += 1
            return
        _add(maker.link(item, [r for r in refs if r]), "link", existing, report)
        return
    aliases = aliases_of(raw)
    for number, target in enumerate(target_list):
        span = _span(targets, target, report, aliases)
        if span is None:
            continue
        article_id, start, end, match = span
        record = maker.for_span(item, article_id, start, end, suffix=f"-{number + 1}" if number else "")
        if record is None:
            report.skipped["verdict on text that is not a claim here"] += 1
            continue
        _add(record, match, existing, report)


def _add(record: Record | None, match: str, existing: Existing, report: ImportReport) -> None:
    if record is None or existing.has_record(record):
        report.already_present += 1
        return
    existing.remember(record)
    report.records.append(record)
    report.matches[match] += 1


def _span(
    targets: Targets, target: Any, report: ImportReport, aliases: list[str]
) -> tuple[str, int, int, str] | None:
    """(article, start, end, how it matched) for a target, or None with the reason counted."""
    if isinstance(target, str):
        report.skipped["whole document (no selector)"] += 1
        return None
    if not isinstance(target, dict):
        report.skipped["invalid target"] += 1
        return None
    if "selector" not in target:  # state, styleClass, scope or nothing: the whole resource
        report.skipped["whole document (no selector)"] += 1
        return None
    article_id = targets.article_for(target, aliases)
    if article_id is None:
        named = target.get("source") or aliases
        report.skipped[
            "target in another document" if named else "names no document (give --article ID)"
        ] += 1
        return None
    located = locate(target)
    if not located.usable:
        report.skipped[f"unsupported selector ({', '.join(sorted(located.other)) or 'none'})"] += 1
        return None
    text = targets.corpus.articles[article_id].text
    quote, start = located.quote, located.start
    if not quote:
        if located.end is None or not (0 <= (start or 0) < located.end <= len(text)):
            report.skipped["position outside the article"] += 1
            return None
        quote = text[start : located.end]
    from tui.core.model.annotations import Anchor

    found = resolve(
        targets.corpus.text_index(article_id), Anchor(quote, located.prefix, located.suffix, 0, start)
    )
    if found.match is Match.ORPHAN:
        report.skipped["quote not found in the article"] += 1
        return None
    return article_id, found.start, found.end, found.match.value


def _claim_at(targets: Targets, target: Any) -> str | None:
    """The claim whose span a target's selectors describe exactly."""
    scratch = ImportReport()
    span = _span(targets, target, scratch, [])
    if span is None:
        return None
    article_id, start, end, _ = span
    claim = next(
        (
            a
            for a in targets.corpus.annotations.get(article_id, [])
            if a.kind == "claim" and a.start == start and a.end == end
        ),
        None,
    )
    return claim.ref if claim else None


def _on_in_this_file(item: Item, corpus: Corpus) -> bool:
    """A note from crossread's export (`crossread:on`) on an annotation the corpus
    does not hold yet: its parent may come in the same file."""
    on = item.ext("on")
    return isinstance(on, str) and item.ext("kind") == "note" and corpus.get(on) is None


def _parent_of(item: Item, existing: Existing) -> tuple[str, str] | None:
    """(article, id) of the annotation a reply answers, once it is planned or present."""
    on = item.ext("on")
    for parent in (
        item.parent,
        on if isinstance(on, str) else "",
        *(t for t in as_list(item.raw.get("target")) if isinstance(t, str)),
    ):
        found = existing.note_for(parent)
        if found is not None:
            return found
    return None


def _plan_reply(item: Item, maker: RecordMaker, existing: Existing, report: ImportReport) -> None:
    found = _parent_of(item, existing)
    if found is None:
        report.skipped["reply to an annotation that was not imported"] += 1
        return
    _add(maker.reply(item, *found), "reply", existing, report)


def import_file(session: Session, path: Path, article: str | None = None) -> ImportReport:
    """Import every importable item of a file in one save, or none."""
    items = annotations_in(read_json(path))
    _check_positions(items)
    if article is not None and article not in session.corpus.articles:
        raise ImportError_(f"no article {article!r} in this corpus")
    report = plan_import(session.corpus, session, items, article)
    if report.records:
        result = session.add_records(report.records).save
        if not result.ok:
            raise ImportError_(
                f"{result.error}; nothing was imported"
                + (f" (a copy is in {result.recovery})" if result.recovery else "")
            )
        report.saved_to = session.path
    return report
