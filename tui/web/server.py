"""`crossread serve`: each browser tab runs its own reader process through textual-serve.

textual-serve's `AppService` starts the app with Textual's web driver and relays its
output; this module supplies the HTTP side: an offline page (no CDN fonts), the
websocket with Host/Origin checks, downloads, a loopback default and clean shutdown.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import ipaddress
import json
import os
import shlex
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote, urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
STOP_APP_SECONDS = 5.0
TEMPLATE = Path(__file__).with_name("index.html")
FOCUS_SCRIPT = Path(__file__).with_name("focus.js")


def serve_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crossread serve", description="Serve the reader to web browsers; each tab is its own session."
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: bundled)")
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port to listen on (default: {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--author",
        help="the name every tab saves notes and verdicts as "
        "(default: config file, then the server's login name)",
    )
    return parser


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(root: Path, author: str) -> str:
    """The shell command textual-serve runs per tab. `exec` leaves no shell in between,
    and -P keeps a `tui` folder in the server's working directory off the import path."""
    argv = [sys.executable, "-P", "-m", "tui.web.tab", str(root.resolve()), author]
    return "exec " + shlex.join(argv)


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class WebReader:
    """The aiohttp application: page, static files, websocket per tab, downloads."""

    def __init__(self, command: str, title: str, host: str) -> None:
        from textual_serve.download_manager import DownloadManager

        self.command = command
        self.title = title
        self.check_host = is_loopback(host)
        self.port = 0  # set once the socket is bound
        self.downloads = DownloadManager()
        self.sockets: set[Any] = set()
        self.serving: set[str] = set()  # download keys being streamed
        self.page = Template(TEMPLATE.read_text(encoding="utf-8"))

    def application(self) -> Any:
        import textual_serve
        from aiohttp import web

        app = web.Application(middlewares=[self._host_guard()])
        static = Path(textual_serve.__file__).parent / "static"
        app.add_routes(
            [
                web.get("/", self._index),
                web.get("/ws", self._socket),
                web.get("/download/{key}", self._download),
                web.static("/static", static),
                web.get("/crossread/focus.js", self._focus_script),
            ]
        )
        app.on_shutdown.append(self._close_sockets)
        return app

    async def _focus_script(self, request: Any) -> Any:
        from aiohttp import web

        return web.Response(
            text=FOCUS_SCRIPT.read_text(encoding="utf-8"), content_type="application/javascript"
        )

    def allowed_hosts(self) -> set[str]:
        names = ("127.0.0.1", "localhost", "[::1]")
        bare = set(names) if self.port == 80 else set()  # browsers omit the default port
        return bare | {f"{name}:{self.port}" for name in names}

    def _host_guard(self) -> Any:
        from aiohttp import web

        @web.middleware
        async def guard(request: Any, handler: Callable[[Any], Any]) -> Any:
            # On loopback, a page from another site that rebinds its DNS name to
            # 127.0.0.1 would still send its own name as Host: refuse it.
            if self.check_host and request.host.lower() not in self.allowed_hosts():
                raise web.HTTPForbidden(text="unknown Host header\n")
            return await handler(request)

        return guard

    async def _index(self, request: Any) -> Any:
        from aiohttp import web

        scheme = "wss" if request.secure else "ws"
        try:
            font_size = min(40, max(8, int(request.query.get("fontsize", "16"))))
        except ValueError:
            font_size = 16
        body = self.page.substitute(
            title=html.escape(self.title),
            heading=html.escape(self.title),
            websocket_url=html.escape(f"{scheme}://{request.host}/ws"),
            font_size=font_size,
        )
        policy = (
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:; font-src 'self'; connect-src 'self' "
            f"{scheme}://{request.host}; frame-ancestors 'none'; base-uri 'none'"
        )
        return web.Response(
            text=body,
            content_type="text/html",
            headers={
                "Content-Security-Policy": policy,
                "Cache-Control": "no-store",
                "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff",
            },
        )

    async def _socket(self, request: Any) -> Any:
        """One tab: start a reader process, relay keys and sizes until either side closes."""
        from aiohttp import WSMsgType, web

        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            # Browsers send Origin on websockets; another site's page must not drive the app.
            raise web.HTTPForbidden(text="cross-origin websocket refused\n")
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        service = _reader_service()(
            self.command,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=socket.close,
            download_manager=self.downloads,
        )
        self.sockets.add(socket)
        try:
            await service.start(_size(request.query.get("width"), 80), _size(request.query.get("height"), 24))
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    await _dispatch(service, socket, message.data)
        finally:
            self.sockets.discard(socket)
            await _stop(service)
        return socket

    async def _download(self, request: Any) -> Any:
        from aiohttp import web

        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="no such download\n") from None
        if key in self.serving:
            # Two readers of one key would each get some of its chunks: one download per key.
            raise web.HTTPConflict(text="this download is already being fetched\n")
        self.serving.add(key)
        try:
            return await self._stream(request, key, meta)
        finally:
            self.serving.discard(key)

    async def _stream(self, request: Any, key: str, meta: Any) -> Any:
        from aiohttp import web

        response = web.StreamResponse(
            headers={
                "Content-Type": (meta.mime_type or "application/octet-stream")
                + (f"; charset={meta.encoding}" if meta.encoding else ""),
                "Content-Disposition": ("inline" if meta.open_method == "browser" else "attachment")
                + f"; filename*=UTF-8''{quote(meta.file_name)}",
                "X-Content-Type-Options": "nosniff",
            }
        )
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def _close_sockets(self, _app: Any) -> None:
        from aiohttp import WSCloseCode

        await asyncio.gather(
            *(s.close(code=WSCloseCode.GOING_AWAY) for s in list(self.sockets)), return_exceptions=True
        )


def _reader_service() -> type:
    from textual_serve.app_service import AppService

    class ReaderService(AppService):
        """Closes the tab's socket when the reader process ends, even if it never started
        (stock textual-serve only closes on the app's exit message), so the page says so."""

        async def run(self) -> None:
            await super().run()
            await self.remote_close()

    return ReaderService


def _size(text: str | None, default: int) -> int:
    try:
        return min(1000, max(2, int(text or default)))
    except ValueError:
        return default


async def _dispatch(service: Any, socket: Any, data: str) -> None:
    """The page's messages: ["stdin", text], ["resize", {width, height}], ping, focus, blur."""
    try:
        message = json.loads(data)
    except ValueError:
        return
    if not isinstance(message, list) or not message:
        return
    kind, payload = message[0], (message[1] if len(message) > 1 else None)
    if kind == "stdin" and isinstance(payload, str):
        await service.send_bytes(payload.encode("utf-8"))
    elif kind == "resize" and isinstance(payload, dict):
        await service.set_terminal_size(
            _size(str(payload.get("width")), 80), _size(str(payload.get("height")), 24)
        )
    elif kind == "ping":
        await socket.send_json(["pong", payload])
    elif kind == "focus":
        await service.focus()
    elif kind == "blur":
        await service.blur()


async def _stop(service: Any) -> None:
    """Ask the reader to quit and wait until it has exited (so shutdown leaves no
    process behind); kill it if it does not within a few seconds."""
    process = getattr(service, "_process", None)
    try:
        await asyncio.wait_for(service.stop(), STOP_APP_SECONDS)
        if process is not None:
            await asyncio.wait_for(process.wait(), STOP_APP_SECONDS)
    except TimeoutError:
        if process is not None and process.returncode is None:
            process.kill()
            await process.wait()


async def serve(reader: WebReader, host: str, port: int, started: Callable[[str], None]) -> None:
    """Listen until SIGINT or SIGTERM, then close every tab and stop its reader."""
    from aiohttp import web

    runner = web.AppRunner(
        reader.application(), handle_signals=False, shutdown_timeout=STOP_APP_SECONDS * 2, access_log=None
    )
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        reader.port = runner.addresses[0][1]
        started(f"http://{url_host(host)}:{reader.port}/")
        await stop.wait()
    finally:
        await runner.cleanup()


def run_serve(argv: Sequence[str]) -> int:
    from tui.cli import _config_author, config_path, resolve_author
    from tui.core.files.store import notes_path
    from tui.core.model.corpus import bundled_corpus

    parser = serve_parser()
    args = parser.parse_args(argv)
    root = args.corpus or bundled_corpus()
    if not root.is_dir():
        parser.error(f"{root}: no such folder")
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be 0-65535, got {args.port}")
    author = resolve_author(parser, args.author)
    say = _say
    if args.author is None and _config_author() is None:
        origin = (
            "$CROSSREAD_AUTHOR" if os.environ.get("CROSSREAD_AUTHOR") == author else "the server's login name"
        )
        say(
            f"No --author and no author in {config_path()}: every tab saves as {author!r}, "
            f"from {origin}. Pass --author NAME to choose."
        )
    say(f"Notes by {author} are saved to {notes_path(root, author)}")
    if not is_loopback(args.host):
        say(
            f"WARNING: listening on {args.host}, not this machine only. There is no "
            "login: anyone who can reach this port can read the corpus and write notes "
            f"as {author}."
        )
    name = "demo corpus" if root.resolve() == bundled_corpus().resolve() else root.resolve().name
    reader = WebReader(app_command(root, author), f"crossread · {name}", args.host)
    try:
        asyncio.run(
            serve(reader, args.host, args.port, lambda url: say(f"Serving {root} at {url} (ctrl+c to stop)"))
        )
    except OSError as exc:
        print(
            f"crossread serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    return 0


def _say(line: str) -> None:
    print(line, flush=True)
