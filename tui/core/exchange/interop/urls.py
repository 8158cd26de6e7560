"""Comparing the address an annotation names with an article's own URL.

Tools record the page as the browser saw it: http or https, with or without a
trailing slash, a #fragment, `utm_*` tracking parameters. None of that makes
it a different article, so both sides are normalised before comparing.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid"}
)


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING


def normalise_url(url: str) -> str:
    """A key that is equal for two addresses of the same web page; other IRIs
    (urn:, acct:) only lose surrounding spaces."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return url
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k)]
    key = f"web://{host}{path}"
    if query:
        key += "?" + urlencode(sorted(query))
    return key
