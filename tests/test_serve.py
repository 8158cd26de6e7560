"""`crossread serve` end to end: a real server process and a websocket client speaking
the page's protocol (the browser is in test_serve_browser.py). Every wait is bounded and
waits for a condition (a line printed, bytes on the socket), never for time."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest
from conftest import with_publisher

from tui.core.model.corpus import bundled_corpus, load_corpus

TIMEOUT = 30.0
AUTHOR = "web-test"
FOCUSED = "v Select"  # the footer once the article pane has focus: keys reach it from now on
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P^_].*?\x1b\\"
    rb"|\x1b[ -/]*[0-~]",
    re.S,
)


def plain(stream: bytes) -> str:
    """What the app drew, without the terminal's escape sequences."""
    return ESCAPES.sub(b"", stream).decode("utf-8", "replace")


def first_title(root: Path | None = None) -> str:
    """The start of the first article's title: short enough never to wrap in a pane."""
    corpus = load_corpus(root or bundled_corpus())
    title = next(iter(corpus.articles.values())).title
    return " ".join(title.split()[:3])


class Server:
    """`crossread serve` as a child process in its own session, its output read by a thread."""

    def __init__(self, *args: str) -> None:
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()
        with self.changed:
            self.lines.append("")  # end of output
            self.changed.notify_all()

    def wait_line(self, pattern: str) -> re.Match[str]:
        """The first output line matching `pattern`; fails if the server ends first."""
        regex = re.compile(pattern)
        with self.changed:
            found: list[re.Match[str]] = []

            def seen() -> bool:
                found[:] = [m for m in map(regex.search, self.lines) if m][:1]
                return bool(found) or (bool(self.lines) and self.lines[-1] == "")

            assert self.changed.wait_for(seen, TIMEOUT), f"no {pattern!r} in {self.lines}"
            assert found, f"server ended without {pattern!r}:\n{''.join(self.lines)}"
            return found[0]

    def start(self) -> str:
        return self.wait_line(r"Serving .* at (http://\S+/)").group(1)

    def children(self) -> set[int]:
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.add(int(stat.parent.name))
        return pids

    def stop(self) -> set[int]:
        """SIGTERM, as a service manager would; returns the reader processes it had."""
        children = self.children()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(TIMEOUT)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(TIMEOUT)
        return children


@pytest.fixture
def server() -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(*args: str) -> Server:
        started.append(Server(*args))
        return started[-1]

    yield start
    for each in started:
        if each.process.poll() is None:
            os.killpg(each.process.pid, signal.SIGKILL)
            each.process.wait(TIMEOUT)


class Stream:
    """One tab's websocket, as the page uses it: resize, then keys as ["stdin", text]."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse, served: Server) -> None:
        self.socket = socket
        self.served = served
        self.raw = bytearray()
        self.messages: list[list[object]] = []

    async def ready(self, text: str) -> None:
        """Wait for `text`, then focus the terminal as a click in the page does, and wait
        for the footer to show the pane's keys: from then on keys reach the article."""
        await self.drawn(text)
        await self.socket.send_str(json.dumps(["focus"]))
        await self.drawn(FOCUSED)

    async def send_keys(self, text: str) -> None:
        await self.socket.send_str(json.dumps(["stdin", text]))

    def mark(self) -> int:
        return len(self.raw)

    async def until(self, done: Callable[[], bool]) -> None:
        async def read() -> None:
            while not done():
                message = await self.socket.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.raw += message.data
                elif message.type == aiohttp.WSMsgType.TEXT:
                    self.messages.append(json.loads(message.data))
                else:
                    raise AssertionError(
                        f"socket ended: {message}; drawn: {self.text()[-2000:]}"
                        f"\nserver said: {''.join(self.served.lines)[-3000:]}"
                    )

        try:
            await asyncio.wait_for(read(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"not drawn in {TIMEOUT}s; drawn: {self.text()[-3000:]}") from None

    async def drawn(self, *needles: str, since: int = 0) -> None:
        await self.until(lambda: all(needle in self.text(since) for needle in needles))

    async def message(self, kind: str) -> list[object]:
        await self.until(lambda: any(m[0] == kind for m in self.messages))
        return next(m for m in self.messages if m[0] == kind)

    def text(self, since: int = 0) -> str:
        return plain(bytes(self.raw[since:]))


async def open_tab(session: aiohttp.ClientSession, url: str, served: Server) -> Stream:
    socket = await session.ws_connect(url.replace("http://", "ws://") + "ws?width=160&height=50")
    await socket.send_str(json.dumps(["resize", {"width": 160, "height": 50}]))
    return Stream(socket, served)


# ---------------------------------------------------------------- websocket, no browser


async def test_websocket_shows_article_and_help(server: Callable[..., Server]) -> None:
    served = server("--author", AUTHOR)
    url = served.start()
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, url, served)
        await tab.ready(first_title())
        assert len(served.children()) == 1  # this tab's reader
        mark = tab.mark()
        await tab.send_keys("?")
        await tab.drawn("crossread — keys", f"(author {AUTHOR})", "Next annotation", since=mark)
        await tab.socket.send_str(json.dumps(["ping", "42"]))
        assert await tab.message("pong") == ["pong", "42"]
        readers = served.stop()
    assert served.process.returncode == 0
    assert readers and not any(Path(f"/proc/{pid}").exists() for pid in readers)


async def test_palette_downloads_the_report(server: Callable[..., Server], corpus_dir: Path) -> None:
    served = server(str(corpus_dir), "--author", AUTHOR)  # a copy: others may edit the repo's
    url = served.start()
    expected = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "markdown"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, url, served)
        await tab.ready(first_title(corpus_dir))
        mark = tab.mark()
        await tab.send_keys("\x10")  # ctrl+p
        await tab.drawn("Search for commands", since=mark)
        await tab.send_keys("Download report")
        await tab.drawn("Download report (Markdown)", since=mark)
        await tab.send_keys("\r")
        _, key = await tab.message("deliver_file_start")
        async with session.get(f"{url}download/{key}") as response:
            assert response.status == 200
            assert (
                response.headers["Content-Disposition"]
                == f"attachment; filename*=UTF-8''{corpus_dir.name}-report.md"
            )
            assert response.content_type == "text/markdown"
            assert await response.text() == expected
        await tab.drawn("sent to your browser", since=mark)
    served.stop()


async def test_two_tabs_of_one_author_merge_their_saves(
    server: Callable[..., Server], corpus_dir: Path
) -> None:
    import shutil

    shutil.rmtree(corpus_dir / "annotations" / "notes", ignore_errors=True)
    served = server(str(corpus_dir), "--author", AUTHOR)
    url = served.start()
    async with aiohttp.ClientSession() as session:
        first, second = await open_tab(session, url, served), await open_tab(session, url, served)
        await first.ready(first_title(corpus_dir))
        await second.ready(first_title(corpus_dir))
        assert len(served.children()) == 2
        mark = first.mark()
        await first.send_keys("u")  # the first claim without a verdict
        await first.send_keys("2")  # supported
        await first.drawn("verdicts 1/", since=mark)
        mark = second.mark()
        await second.send_keys("u")
        await second.send_keys("u")  # the second one: this tab has not seen the other's verdict
        await second.send_keys("3")  # disputed
        await second.drawn("verdicts 2/", since=mark)  # its save merged the other tab's
    served.stop()
    exported = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(with_publisher(corpus_dir)), "--format", "claimreview"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    verdicts = sorted(r["reviewRating"]["alternateName"] for r in json.loads(exported))
    assert verdicts == ["Disputed", "Supported"]


async def test_links_open_in_the_browser_not_on_the_server(
    server: Callable[..., Server], make_corpus: Callable[..., Path]
) -> None:
    root = make_corpus({"articles/link.md": "# Links\n\nSee [the web page](https://example.org/x) first.\n"})
    served = server(str(root), "--author", AUTHOR)
    url = served.start()
    async with aiohttp.ClientSession() as session:
        tab = await open_tab(session, url, served)
        await tab.ready("See the web page")
        mark = tab.mark()
        await tab.send_keys("/")
        await tab.drawn("Search", since=mark)
        await tab.send_keys("web")
        await tab.drawn("web", since=mark)
        await tab.send_keys("\r")
        await tab.drawn("1 match for 'web'", since=mark)
        mark = tab.mark()
        await tab.send_keys("L")
        await tab.drawn("https://example.org/x", since=mark)
        await tab.send_keys("y")
        assert await tab.message("open_url") == [
            "open_url",
            {"url": "https://example.org/x", "new_tab": True},
        ]
    served.stop()


async def test_page_loads_nothing_from_outside(server: Callable[..., Server]) -> None:
    served = server("--author", AUTHOR)
    url = served.start()
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            page = await response.text()
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        references = re.findall(r'(?:src|href)="([^"]*)"', page)
        assert "/static/js/textual.js" in references and "googleapis" not in page
        for ref in references:
            assert ref.startswith(("/", "data:")), ref
            if ref.startswith("/"):
                async with session.get(url.rstrip("/") + ref) as asset:
                    assert asset.status == 200, ref
        async with session.get(url, headers={"Host": "rebound.example"}) as response:
            assert response.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(
                url.replace("http", "ws") + "ws", headers={"Origin": "http://evil.example"}
            )
        assert refused.value.status == 403
    served.stop()


# ---------------------------------------------------------------- binding and author


def listening_addresses(port: int) -> set[str]:
    """Local addresses of LISTEN sockets on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                raw = bytes.fromhex(address)
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                import ipaddress

                found.add(str(ipaddress.ip_address(words)))
    return found


def test_default_bind_is_loopback_only(server: Callable[..., Server]) -> None:
    served = server("--author", AUTHOR)
    url = served.start()
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert url.startswith("http://127.0.0.1:")
    assert listening_addresses(port) == {"127.0.0.1"}
    assert not any("WARNING" in line for line in served.lines)
    served.stop()


def test_non_loopback_host_warns(server: Callable[..., Server]) -> None:
    # 192.0.2.1 (TEST-NET-1) is on no interface: the warning prints, then binding fails.
    served = server("--author", AUTHOR, "--host", "192.0.2.1")
    served.wait_line(r"WARNING: listening on 192\.0\.2\.1.*anyone who can reach this port")
    served.wait_line(r"cannot listen on 192\.0\.2\.1")
    assert served.process.wait(TIMEOUT) == 1


def test_author_fallback_is_announced(server: Callable[..., Server], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREAD_AUTHOR")
    monkeypatch.setenv("USER", "loginname")
    served = server()
    served.wait_line(r"every tab saves as 'loginname', from the server's login name")
    served.start()
    served.stop()


def test_author_from_config_is_used_quietly(server: Callable[..., Server], isolated_user_dirs: Path) -> None:
    config = isolated_user_dirs / "config" / "crossread" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('author = "desk"\n', encoding="utf-8")
    served = server()
    served.wait_line(r"Notes by desk are saved to .*desk\.yaml")
    served.start()
    assert not any("No --author" in line for line in served.lines)
    served.stop()


# ---------------------------------------------------------------- the same commands in a terminal


async def test_palette_download_in_a_terminal_saves_to_downloads(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from tui.ui.app import CrossreadApp

    monkeypatch.setenv("HOME", str(tmp_path))  # Textual saves to ~/Downloads
    with_publisher(corpus_dir)
    expected = subprocess.run(
        [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "claimreview"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    app = CrossreadApp(corpus_dir, author=AUTHOR)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Download ClaimReview")
        hits = app.screen.query_one(OptionList)
        for _ in range(200):  # the palette searches in a worker; each pause yields to it
            if hits.option_count and "Download ClaimReview" in str(hits.get_option_at_index(0).prompt):
                break
            await pilot.pause()
        await pilot.press("enter")
        saved = tmp_path / "Downloads" / f"{corpus_dir.name}-claimreview.json"
        for _ in range(200):  # the driver writes in a thread; each pause yields to it
            if app._notifications:
                break
            await pilot.pause()
        assert [str(n.message) for n in app._notifications] == [f"Download ClaimReview: sent to {saved}."]
    assert saved.read_text(encoding="utf-8") == expected


async def test_claimreview_download_without_a_publisher_says_what_to_add(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.ui.app import CrossreadApp
    from tui.web.downloads import deliver

    monkeypatch.setenv("HOME", str(tmp_path))
    app = CrossreadApp(corpus_dir, author=AUTHOR)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert deliver(app, "claimreview") is None
        await pilot.pause()
        [message] = [str(n.message) for n in app._notifications]
        assert message.startswith("Download ClaimReview:") and "crossread.toml" in message
    assert not (tmp_path / "Downloads").exists() or not any((tmp_path / "Downloads").iterdir())
