"""Reading one imported annotation: its bodies, tags, author and provenance.

Hypothesis API rows (`text`, `tags`, `user`, `uri`, `references`), Hypothesis
JSON-LD, RecogitoJS, @recogito/text-annotator and crossread's own export all
say the same things in slightly different places; this gathers them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from tui.core.exchange.interop.selectors import as_list
from tui.core.files.store import validate_author

ID_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")
_HYPOTHESIS_ACCOUNT = re.compile(r"acct:([^@\s]+)@hypothes\.is\Z")
HYPOTHESIS_PAGE = "https://hypothes.is/a/"
CROSSREAD = "crossread:"


def is_absolute_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_SCHEME.match(value)) and not value.startswith("_:")


@dataclass
class Item:
    """One annotation's content, tool-independent."""

    raw: dict[str, Any]
    origin: str = ""  # its id in the tool it came from
    comments: list[str] = field(default_factory=list)
    describing: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    assessing: str = ""
    motivations: set[str] = field(default_factory=set)
    author: str = ""  # a name crossread can show; '' when the file names none
    creator: str = ""  # the creator's IRI or account, kept for export
    created: str = ""
    modified: str = ""
    parent: str = ""  # the annotation this one replies to

    def ext(self, key: str) -> Any:
        """A crossread extension value (`crossread:kind`...), from our own export."""
        return self.raw.get(CROSSREAD + key)

    @property
    def text(self) -> str:
        return "\n\n".join(t for t in self.comments + self.describing if t.strip())


def read_item(raw: dict[str, Any]) -> Item:
    item = Item(raw)
    ident = raw.get("id", raw.get("@id"))
    if isinstance(ident, str) and ident and not ident.startswith("_:"):
        item.origin = ident
    kept = raw.get(CROSSREAD + "origin")
    if isinstance(kept, str) and kept:
        item.origin = kept  # an id that is no IRI, written back by crossread's export
    if isinstance(raw.get("user"), str) and isinstance(raw.get("uri"), str):
        _hypothesis_row(raw, item)
    item.motivations = {str(m).rpartition("#")[2] for m in as_list(raw.get("motivation"))}
    if isinstance(raw.get("bodyValue"), str):
        _add_body(item, raw["bodyValue"], "")
    for body in as_list(raw.get("body")):
        _read_body(item, body)
        if isinstance(body, dict) and "creator" not in raw and not item.author:
            _read_creator(item, body.get("creator"))  # RecogitoJS: the creator is the body's
    for tag in as_list(raw.get("tags")):  # Hypothesis API rows
        if isinstance(tag, str) and tag.strip() and tag not in item.tags:
            item.tags.append(tag)
    if item.creator == "" and item.author == "":
        _read_creator(item, raw.get("creator"))
    item.created = _text(raw.get("created"))
    item.modified = _text(raw.get("modified")) or _text(raw.get("updated")) or item.created
    replied = as_list(raw.get("references"))
    if replied and isinstance(replied[-1], str):
        item.parent = replied[-1]
    return item


def _hypothesis_row(raw: dict[str, Any], item: Item) -> None:
    """The API's JSON: `text`, `tags`, `user` (acct:name@host), `references`."""
    links = raw.get("links")
    if not isinstance(links, dict):
        links = {}
    page = links.get("html") if isinstance(links.get("html"), str) else ""
    account = _HYPOTHESIS_ACCOUNT.match(raw["user"])
    if page and is_absolute_iri(page):
        item.origin = page
    elif account and item.origin and ID_OK.match(item.origin):
        item.origin = HYPOTHESIS_PAGE + item.origin
    if isinstance(raw.get("text"), str) and raw["text"].strip():
        item.comments.append(raw["text"])
    _read_creator(item, raw["user"])


def _read_body(item: Item, body: Any) -> None:
    if isinstance(body, str):
        _add_body(item, body, "")
        return
    if not isinstance(body, dict):
        return
    kinds = {str(k).rpartition("#")[2] for k in as_list(body.get("type"))}
    if "Choice" in kinds:  # the first option is the default one
        options = as_list(body.get("items"))
        if options:
            _read_body(item, options[0])
        return
    purposes = {str(p).rpartition("#")[2] for p in as_list(body.get("purpose"))}
    value = body.get("value")
    if not isinstance(value, str):
        source = body.get("source", body.get("id"))
        value = source if is_absolute_iri(source) else None
    if value is None:
        return
    _add_body(item, value, next(iter(sorted(purposes)), ""))


def _add_body(item: Item, value: str, purpose: str) -> None:
    if purpose == "tagging":
        if value.strip() and value not in item.tags:
            item.tags.append(value)
    elif purpose == "assessing":
        item.assessing = item.assessing or value
    elif purpose in ("describing", "identifying", "linking"):
        if value.strip():
            item.describing.append(value)
    elif value.strip():
        item.comments.append(value)


def _read_creator(item: Item, creator: Any) -> None:
    name = ""
    if isinstance(creator, list):
        creator = creator[0] if creator else None
    if isinstance(creator, str):
        account = re.match(r"acct:([^@\s]+)@", creator)
        if account:
            name = account.group(1)
        if is_absolute_iri(creator):
            item.creator = creator
        elif not name:
            name = creator
    elif isinstance(creator, dict):
        name = _text(creator.get("name")) or _text(creator.get("nickname")) or _text(creator.get("nick"))
        if is_absolute_iri(creator.get("id")):
            item.creator = creator["id"]
    if name and not validate_author(name):
        item.author = name


def record_id(item: Item, suffix: str = "") -> str:
    """A record id for crossread's notes file: crossread's own id, or the
    tool's id where it is a valid id (Hypothesis: `h:<id>`), else a hash."""
    own = item.ext("id")
    if isinstance(own, str) and not own.startswith("verdict:"):
        ident = own.rpartition("#")[2]
        if ID_OK.match(ident) and len(ident) <= 120:
            return ident + suffix
    origin = item.origin
    if origin.startswith(HYPOTHESIS_PAGE) and ID_OK.match(origin[len(HYPOTHESIS_PAGE) :]):
        return "h:" + origin[len(HYPOTHESIS_PAGE) :] + suffix
    if origin and ID_OK.match(origin) and len(origin) <= 120:
        return origin + suffix
    basis = origin or json.dumps(item.raw, sort_keys=True, default=str)
    digest = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return f"w3c-{digest}{suffix}"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
