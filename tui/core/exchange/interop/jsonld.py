"""JSON-LD with the W3C Web Annotation context shipped inside the package.

`anno.jsonld` beside this module is the W3C Recommendation context
(http://www.w3.org/ns/anno.jsonld). The document loader serves that file for
its two addresses and refuses every other URL, so neither export checks nor
imports of expanded or flattened JSON-LD ever touch the network.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CONTEXT_URLS = {W3C_CONTEXT, "https://www.w3.org/ns/anno.jsonld"}
NAMESPACE = "https://w3id.org/crossread/ns#"
"""crossread's own terms (kind, value, origin...): an https IRI, so an RDF
consumer sees a web namespace, not a made-up URI scheme."""

# The inline context the W3C export carries after the W3C one. `assessing` is
# spelled out because copies of the W3C context from before the errata lack it
# and turn it into a relative IRI.
CROSSREAD_CONTEXT: dict[str, Any] = {
    "crossread": NAMESPACE,
    "assessing": "http://www.w3.org/ns/oa#assessing",
}
EXPORT_CONTEXT: list[Any] = [W3C_CONTEXT, CROSSREAD_CONTEXT]


class OfflineOnly(Exception):
    """A JSON-LD document named a context other than the shipped W3C one."""


@cache
def w3c_context() -> dict[str, Any]:
    """The shipped W3C context document (parsed once)."""
    text = files("tui.core.exchange.interop").joinpath("anno.jsonld").read_text(encoding="utf-8")
    return json.loads(text)


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader: the shipped W3C context, nothing else."""
    if url in _CONTEXT_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": w3c_context()}
    from pyld.jsonld import JsonLdError

    raise JsonLdError(
        f"crossread does not fetch JSON-LD documents ({url})",
        "jsonld.LoadDocumentError",
        {"url": url},
        code="loading document failed",
    )


def _options() -> dict[str, Any]:
    return {"documentLoader": offline_loader}


def expand(document: Any, dropped: list[str] | None = None) -> Any:
    """Expanded JSON-LD; each property the context could not map goes in `dropped`."""
    from pyld import jsonld

    def note(name: str | None) -> None:
        if dropped is not None:
            dropped.append(str(name))

    return jsonld.expand(document, _options(), on_property_dropped=note)


def compact(document: Any, context: Any = None) -> dict[str, Any]:
    from pyld import jsonld

    return jsonld.compact(document, context if context is not None else EXPORT_CONTEXT, _options())


def looks_expanded(data: Any) -> bool:
    """Expanded or flattened JSON-LD (IRIs as keys, or an @graph), not the
    compacted form the W3C model shows."""
    samples = data if isinstance(data, list) else [data]
    for item in samples[:50]:
        if not isinstance(item, dict):
            continue
        if "@graph" in item and "@context" not in item:
            return True
        if any(
            isinstance(key, str)
            and key.startswith(("http://www.w3.org/ns/oa#", "http://www.w3.org/ns/activitystreams#"))
            for key in item
        ):
            return True
        kinds = item.get("@type")
        if isinstance(kinds, list) and any(str(k).startswith("http") for k in kinds):
            return True
    return False


def compacted(data: Any) -> Any:
    """Expanded or flattened JSON-LD as the compacted W3C form, with nodes that a
    flattened document lists apart (bodies, targets, selectors) embedded again."""
    for url in _remote_contexts(data):
        if url not in _CONTEXT_URLS:
            raise OfflineOnly(
                f"it names the JSON-LD context {url}, which crossread does not "
                "fetch (only the W3C annotation context is built in)"
            )
    try:
        result = compact(data, EXPORT_CONTEXT)
    except Exception as exc:  # pyld raises its own error type and others on bad input
        raise OfflineOnly(f"not readable as JSON-LD: {_reason(exc)}") from None
    result.pop("@context", None)
    nodes = result.get("@graph")
    if not isinstance(nodes, list):
        return result
    by_id = {n["id"]: n for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)}
    return [_embed(n, by_id, frozenset()) for n in nodes if isinstance(n, dict) and _is_annotation(n)]


def _remote_contexts(data: Any) -> list[str]:
    """Every context named by URL, walked without recursion."""
    found: list[str] = []
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "@context":
                    found.extend(c for c in as_list_(item) if isinstance(c, str))
                else:
                    stack.append(item)
    return found


def as_list_(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _is_annotation(node: dict[str, Any]) -> bool:
    kinds = node.get("type")
    return "Annotation" in (kinds if isinstance(kinds, list) else [kinds])


def _embed(value: Any, by_id: dict[str, Any], path: frozenset[str]) -> Any:
    """Replace references ({"id": x}, or the bare id that compaction leaves for
    terms typed `@id` such as `creator` and `target`) by the node itself, whether
    a blank node or one named by an IRI (a creator's `https://…/u/tom`), never
    twice on one path (a cycle). Another annotation stays a reference: a reply's
    target names its parent, it does not contain it."""
    if isinstance(value, list):
        return [_embed(v, by_id, path) for v in value]
    if isinstance(value, str):
        if _embeddable(value, by_id, path):
            return _embed(by_id[value], by_id, path | {value})
        return value
    if not isinstance(value, dict):
        return value
    ident = value.get("id")
    if isinstance(ident, str) and set(value) == {"id"} and _embeddable(ident, by_id, path):
        value = by_id[ident]
    if isinstance(ident, str):
        path = path | {ident}
    out = {}
    for key, item in value.items():
        out[key] = item if key in ("id", "type") else _embed(item, by_id, path)
    if isinstance(out.get("id"), str) and out["id"].startswith("_:"):
        del out["id"]  # a blank node's label means nothing outside this file
    return out


def _embeddable(ident: str, by_id: dict[str, Any], path: frozenset[str]) -> bool:
    return ident in by_id and ident not in path and not _is_annotation(by_id[ident])


def _reason(exc: Exception) -> str:
    cause = getattr(exc, "cause", None)
    while cause is not None and getattr(cause, "cause", None) is not None:
        cause = cause.cause
    return str(cause or exc).splitlines()[0][:200]
