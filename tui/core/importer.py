"""Import W3C Web Annotations (crossread's own export, Hypothesis, others).

Everything is checked first; then every importable item is saved in one write,
or nothing is. What cannot be imported is counted and reported by reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.anchoring import resolve
from tui.core.corpus import Corpus
from tui.core.export import source_iri, stable_id
from tui.core.import_json import ImportError_, read_json
from tui.core.model import RELATIONS, VERDICTS, Anchor, Match
from tui.core.session import Session
from tui.core.store import Record, utc_now
from tui.core.text import escape_line

MAX_OFFSET = 2**31 - 1  # far beyond any article (they are capped in MiB)
_ID_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")


@dataclass
class ImportReport:
    imported: int = 0
    already_present: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    matches: Counter[str] = field(default_factory=Counter)
    records: list[Record] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report for a terminal: reasons quote values from the file (such
        as selector types), so every line is escaped."""
        out = [f"imported {self.imported} items "
               f"({', '.join(f'{k} {v}' for k, v in sorted(self.matches.items())) or 'none'})"]
        if self.already_present:
            out.append(f"already present, not added again: {self.already_present}")
        for reason, count in sorted(self.skipped.items()):
            out.append(f"not imported, {reason}: {count}")
        return [escape_line(line) for line in out]


def _is_offset(value: Any) -> bool:
    """A text position: an int (not a bool, which Python counts as one) that fits."""
    return type(value) is int and 0 <= value <= MAX_OFFSET


def _check_positions(items: list[Any]) -> None:
    """Every TextPositionSelector's start and end is a whole number that fits,
    else the whole file is refused before anything is planned or saved."""
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            continue
        for target in _as_list(item.get("target")):
            if not isinstance(target, dict):
                continue
            for selector in _as_list(target.get("selector")):
                if not isinstance(selector, dict) or \
                        selector.get("type") != "TextPositionSelector":
                    continue
                for key in ("start", "end"):
                    if key in selector and not _is_offset(selector[key]):
                        shown = json.dumps(selector[key])
                        shown = shown if len(shown) <= 40 else shown[:39] + "…"
                        raw_id = item.get("id", item.get("@id"))
                        name = f" ({raw_id})" if isinstance(raw_id, str) else ""
                        raise ImportError_(
                            f"item {number}{name}: TextPositionSelector {key} must be a "
                            f"whole number from 0 to {MAX_OFFSET}, not {shown}; "
                            "nothing was imported")


def annotations_in(data: Any) -> list[Any]:
    """A single annotation, a list, a page or a collection: the annotations."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportError_("expected a JSON object or list of annotations, got "
                           f"{type(data).__name__}")
    kind = data.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict):
            return list(first.get("items") or [])
        if isinstance(first, str):
            raise ImportError_("the collection's first page is only a link; "
                               "download the pages and import them")
        return list(data.get("items") or [])
    if "AnnotationPage" in kinds:
        return list(data.get("items") or [])
    if isinstance(data.get("rows"), list):  # Hypothesis search API result
        return data["rows"]
    return [data]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _article_for(corpus: Corpus, source: Any) -> str | None:
    if not isinstance(source, str):
        return None
    for aid in corpus.articles:
        if source in (source_iri(corpus, aid), aid) or source.endswith(f":{aid}"):
            return aid
    return None


def _text_bodies(item: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(item.get("bodyValue"), str):
        out.append((item["bodyValue"], ""))
    for body in _as_list(item.get("body")):
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            out.append((body["value"], str(body.get("purpose", ""))))
        elif isinstance(body, str):
            out.append((body, ""))
    if isinstance(item.get("text"), str) and item["text"]:  # Hypothesis API format
        out.append((item["text"], "commenting"))
    return out


def _selectors(target: dict[str, Any]) -> tuple[Anchor | None, set[str]]:
    """Text selectors of a target as an anchor, and the other selector types seen."""
    quote = prefix = suffix = ""
    start: int | None = None
    other: set[str] = set()
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            other.add("invalid")
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            quote = selector["exact"]
            prefix = str(selector.get("prefix", ""))
            suffix = str(selector.get("suffix", ""))
        elif kind == "TextPositionSelector" and _is_offset(selector.get("start")):
            start = selector["start"]
            end = selector.get("end")
            if not quote and _is_offset(end):
                quote = ""  # filled from the text once the article is known
                other.discard("position-only")
                target.setdefault("_position_end", end)
        else:
            other.add(str(kind or "unknown"))
    if not quote and start is None:
        return None, other
    return Anchor(quote, prefix, suffix, 0, start), other


def _record_id(raw: Any, corpus: Corpus, item: dict[str, Any]) -> str:
    if isinstance(raw, str) and _ID_OK.match(raw) and len(raw) <= 120:
        return raw
    basis = raw if isinstance(raw, str) else json.dumps(item, sort_keys=True)
    return "w3c-" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def plan_import(corpus: Corpus, session: Session, items: list[Any]) -> ImportReport:
    """Work out every record to add, without saving anything."""
    report = ImportReport()
    existing_ids = _existing_ids(corpus, session)
    for item in items:
        if not isinstance(item, dict):
            report.skipped["not an annotation object"] += 1
            continue
        types = _as_list(item.get("type"))
        if types and not ({"Annotation", "oa:Annotation"} & set(map(str, types))) \
                and "target" not in item:
            report.skipped["not an Annotation"] += 1
            continue
        raw_id = item.get("id", item.get("@id"))
        if isinstance(raw_id, str) and raw_id in existing_ids:
            report.already_present += 1
            continue
        targets = [t for t in _as_list(item.get("target"))]
        if not targets:
            report.skipped["no target"] += 1
            continue
        if "linking" in _as_list(item.get("motivation")) and len(targets) > 1:
            link = _link_record(corpus, session, item, raw_id, targets)
            if link is None:
                report.skipped["link between things that are not claims here"] += 1
            elif link["id"] in existing_ids:
                report.already_present += 1
            else:
                existing_ids.add(link["id"])
                report.records.append(link)
                report.matches["link"] += 1
            continue
        target = targets[0]
        if isinstance(target, str):
            report.skipped["target is a whole document (no text selector)"] += 1
            continue
        if not isinstance(target, dict):
            report.skipped["invalid target"] += 1
            continue
        article_id = _article_for(corpus, target.get("source"))
        if article_id is None:
            report.skipped["target in another document"] += 1
            continue
        anchor, other = _selectors(dict(target))
        if anchor is None:
            reason = f"unsupported selector ({', '.join(sorted(other)) or 'none'})"
            report.skipped[reason] += 1
            continue
        text = corpus.articles[article_id].text
        if not anchor.quote and anchor.start is not None:
            end = target.get("selector")
            end_pos = next((s.get("end") for s in _as_list(end) if isinstance(s, dict)
                            and s.get("type") == "TextPositionSelector"), None)
            if _is_offset(end_pos) and 0 <= anchor.start < end_pos <= len(text):
                anchor = Anchor(text[anchor.start:end_pos], start=anchor.start)
            else:
                report.skipped["position outside the article"] += 1
                continue
        found = resolve(corpus.text_index(article_id), anchor)
        if found.match is Match.ORPHAN:
            report.skipped["quote not found in the article"] += 1
            continue
        report.matches[found.match.value] += 1
        record = _record(corpus, session, item, raw_id, article_id, found.start, found.end)
        if record is None:
            report.matches[found.match.value] -= 1
            report.skipped["nothing to import (no text or verdict)"] += 1
            continue
        if record["id"] in existing_ids:
            report.matches[found.match.value] -= 1
            report.already_present += 1
            continue
        existing_ids.add(record["id"])
        report.records.append(record)
    report.matches = +report.matches
    report.imported = len(report.records)
    return report


def _record(corpus: Corpus, session: Session, item: dict[str, Any], raw_id: Any,
            article_id: str, start: int, end: int) -> Record | None:
    bodies = _text_bodies(item)
    motivation = " ".join(map(str, _as_list(item.get("motivation"))))
    created = item.get("created") if isinstance(item.get("created"), str) else utc_now()
    modified = item.get("modified") if isinstance(item.get("modified"), str) else created
    assessing = [value for value, purpose in bodies if purpose == "assessing"]
    if "assessing" in motivation and assessing and assessing[0] in VERDICTS:
        claim = next((a for a in corpus.annotations.get(article_id, [])
                      if a.kind == "claim" and a.start == start and a.end == end), None)
        if claim is None:
            return None
        comment = " ".join(v for v, p in bodies if p == "commenting")
        record: Record = {"id": f"verdict:{claim.article}:{claim.id}", "kind": "verdict",
                          "on": claim.ref, "verdict": assessing[0]}
        if comment:
            record["comment"] = comment
    else:
        text = "\n\n".join(v for v, p in bodies if v and p not in ("tagging",))
        if not text.strip():
            return None
        record = {"id": _record_id(raw_id, corpus, item), "kind": "note",
                  "article": article_id}
        article_text = corpus.articles[article_id].text
        record.update({"quote": article_text[start:end],
                       "prefix": article_text[max(0, start - 32):start],
                       "suffix": article_text[end:end + 32], "start": start, "text": text})
    record.update({"author": session.author, "created": created, "modified": modified})
    return record


def _claim_at(corpus: Corpus, target: Any) -> str | None:
    """The claim whose span a target's selectors describe exactly."""
    if not isinstance(target, dict):
        return None
    article_id = _article_for(corpus, target.get("source"))
    anchor, _ = _selectors(dict(target))
    if article_id is None or anchor is None or not anchor.quote:
        return None
    found = resolve(corpus.text_index(article_id), anchor)
    if not found.resolved:
        return None
    claim = next((a for a in corpus.annotations.get(article_id, []) if a.kind == "claim"
                  and a.start == found.start and a.end == found.end), None)
    return claim.ref if claim else None


def _link_record(corpus: Corpus, session: Session, item: dict[str, Any], raw_id: Any,
                 targets: list[Any]) -> Record | None:
    refs = [_claim_at(corpus, t) for t in targets]
    if any(r is None for r in refs) or len(set(refs)) < 2:
        return None
    bodies = _text_bodies(item)
    relation = next((v for v, p in bodies if p == "tagging" and v in RELATIONS), "contradicts")
    summary = next((v for v, p in bodies if p != "tagging" and v.strip()), "linked claims")
    created = item.get("created") if isinstance(item.get("created"), str) else utc_now()
    return {"id": _record_id(raw_id, corpus, item), "kind": "link", "relation": relation,
            "summary": " ".join(summary.split()), "claims": refs, "author": session.author,
            "created": created,
            "modified": item.get("modified") if isinstance(item.get("modified"), str)
            else created}


def _existing_ids(corpus: Corpus, session: Session) -> set[str]:
    ids = set(session.store.records)
    for items in corpus.annotations.values():
        for a in items:
            ids.add(a.id)
            ids.add(stable_id(corpus, a.article, a.id))
    for verdicts in corpus.verdicts.values():
        for v in verdicts:
            ids.add(stable_id(corpus, "verdict", v.author, v.target))
    for link in corpus.links:
        ids.add(stable_id(corpus, "link", link.id))
    return ids


def import_file(session: Session, path: Path) -> ImportReport:
    """Import every importable item of a file in one save, or none."""
    items = annotations_in(read_json(path))
    _check_positions(items)
    report = plan_import(session.corpus, session, items)
    if report.records:
        result = session.add_records(report.records).save
        if not result.ok:
            raise ImportError_(f"{result.error}; nothing was imported"
                               + (f" (a copy is in {result.recovery})" if result.recovery else ""))
    return report
