"""Fetching one web page: redirects followed, time and size bounded.

Plain http.client rather than urllib, so that every redirect is seen (only
http and https, at most MAX_REDIRECTS), the whole fetch has one deadline (a
server that drips a byte a second cannot hold it), and the body is counted
while it arrives, compressed or not, so an endless page is cut at the cap.
"""

from __future__ import annotations

import codecs
import http.client
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from tui.core.files.safeio import human_size

MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "crossread/0.1 (news article reader; +fact-checking)"
ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1"


class FetchError(Exception):
    """A URL that gave no page; the message names the URL and the reason."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # lower-case media type without parameters, "" when not sent
    charset: str = ""

    def text(self) -> str:
        """The body decoded by the charset the server named, else left to the reader."""
        name = self.charset
        try:
            codecs.lookup(name)
        except (LookupError, TypeError):
            name = "utf-8"
        return self.data.decode(name, errors="replace")


def _target(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or (443 if scheme == "https" else 80)
    except (UnicodeError, ValueError):
        raise FetchError(f"{url}: the host name or port is not valid") from None
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return scheme, host, port, path


def _media_type(header: str) -> tuple[str, str]:
    kind, _, params = (header or "").partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.strip().lower(), charset


class _Body:
    """Counts bytes as they arrive, inflating gzip or deflate within the same cap."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self.limit = limit
        self.url = url
        self.parts: list[bytes] = []
        self.size = 0
        encoding = encoding.lower().strip()
        if encoding in ("gzip", "x-gzip"):
            self.inflate: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.inflate = zlib.decompressobj()
        elif encoding in ("", "identity"):
            self.inflate = None
        else:
            raise FetchError(f"{url}: the server used the {encoding} encoding, which crossread cannot read")

    def add(self, chunk: bytes) -> None:
        if self.inflate is not None:
            try:
                chunk = self.inflate.decompress(chunk, self.limit + 1 - self.size)
            except zlib.error:
                raise FetchError(f"{self.url}: the compressed page is damaged") from None
        self.parts.append(chunk)
        self.size += len(chunk)
        if self.size > self.limit or (self.inflate is not None and self.inflate.unconsumed_tail):
            raise FetchError(
                f"{self.url}: the page is over the {human_size(self.limit)} limit",
                "save the page from the browser and add the file",
            )


def _get(url: str, deadline: float, max_bytes: int) -> tuple[int, str, http.client.HTTPMessage, bytes]:
    scheme, host, port, path = _target(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    if scheme == "https":
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            host, port, timeout=remaining, context=ssl.create_default_context()
        )
    else:
        conn = http.client.HTTPConnection(host, port, timeout=remaining)
    try:
        conn.request(
            "GET",
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate, identity",
            },
        )
        response = conn.getresponse()
        if response.status != 200:  # a redirect or an error: the caller decides
            return response.status, response.reason, response.headers, b""
        length = response.getheader("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes and not response.getheader("Content-Encoding"):
            raise FetchError(
                f"{url}: the page is {human_size(int(length))}, over the {human_size(max_bytes)} limit",
                "save the page from the browser and add the file",
            )
        body = _Body(response.getheader("Content-Encoding", ""), max_bytes, url)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if conn.sock is not None:
                conn.sock.settimeout(remaining)
            chunk = response.read(CHUNK)
            if not chunk:
                break
            body.add(chunk)
        return 200, response.reason, response.headers, b"".join(body.parts)
    finally:
        conn.close()


def fetch(
    url: str, timeout: float = 20.0, max_bytes: int = 10 * 1024 * 1024, max_redirects: int = MAX_REDIRECTS
) -> Fetched:
    """GET url, following redirects; the whole fetch takes at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(max_redirects + 1):
        host = urlsplit(current).hostname or current
        try:
            status, reason, headers, data = _get(current, deadline, max_bytes)
        except TimeoutError:
            raise FetchError(
                f"{current}: no complete answer within {timeout:g} s",
                "try again later, or save the page and add the file",
            ) from None
        except socket.gaierror:
            raise FetchError(
                f"{current}: cannot find the host {host}", "check the address and your network connection"
            ) from None
        except ConnectionRefusedError:
            raise FetchError(f"{current}: {host} refused the connection") from None
        except ssl.SSLError as exc:
            raise FetchError(f"{current}: the secure connection failed ({exc.reason or exc})") from None
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"{current}: the connection failed ({exc})") from None
        if status in (301, 302, 303, 307, 308):
            location = headers.get("Location", "")
            if not location:
                raise FetchError(f"{current}: redirect ({status}) without a new address")
            current = urljoin(current, location.strip())
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise FetchError(f"{url}: redirected to {current}, which is not a web address")
            continue
        if status != 200:
            raise FetchError(
                f"{current}: the server answered {status} {reason}".rstrip(), "check the address in a browser"
            )
        kind, charset = _media_type(headers.get("Content-Type", ""))
        return Fetched(current, data, kind, charset)
    raise FetchError(
        f"{url}: more than {max_redirects} redirects", "open it in a browser and add the address it ends at"
    )
