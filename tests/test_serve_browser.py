"""`crossread serve` in a real browser: Debian's Chromium driven by Playwright. Waits
are on the page's own websocket frames and on animation frames, never on time."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import test_serve
from test_serve import AUTHOR, FOCUSED, TIMEOUT, Server, first_title, plain

server = test_serve.server  # the fixture: a `crossread serve` process, stopped after the test

CHROMIUM = Path("/usr/bin/chromium")

INK_MAP = """async ([png, cols, rows, box]) => {
  // Per terminal cell: '#' if any pixel differs from the cell's own background, else '.'.
  const bytes = Uint8Array.from(atob(png), c => c.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], {type: "image/png"}));
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  const cw = box.width / cols, ch = box.height / rows, lines = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const counts = new Map();
      const x0 = Math.ceil(box.x + c * cw), x1 = Math.floor(box.x + (c + 1) * cw);
      const y0 = Math.ceil(box.y + r * ch), y1 = Math.floor(box.y + (r + 1) * ch);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
        const i = (y * image.width + x) * 4, key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const background = Math.max(...counts.values());
      line += (x1 - x0) * (y1 - y0) - background > 2 ? "#" : ".";
    }
    lines.push(line);
  }
  return lines;
}"""


class BrowserTab:
    """A Chromium page on the server, with the bytes its websocket received."""

    def __init__(self, page, url: str) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.url = url
        self.raw = bytearray()
        self.size = (0, 0)
        self.socket = None
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.context.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("websocket", self._socket)
        self.downloads: list = []  # type: ignore[type-arg]
        # The page opens /download/<key> in a new tab; Chromium reports it on this page.
        page.on("download", lambda download: self.downloads.append(download))

    def _socket(self, socket) -> None:  # type: ignore[no-untyped-def]
        self.socket = socket
        socket.on("framereceived", lambda data: self.raw.extend(data) if isinstance(data, bytes) else None)
        socket.on("framesent", self._sent)

    def _sent(self, data: str | bytes) -> None:
        message = json.loads(data)
        if message[0] == "resize":
            self.size = (message[1]["width"], message[1]["height"])

    def drawn(self, *needles: str, since: int = 0) -> None:
        """Wait, frame by frame, until the page's websocket has carried every needle."""
        if self.socket is None:
            self.page.wait_for_event("websocket", timeout=TIMEOUT * 1000)
        while not all(needle in plain(bytes(self.raw[since:])) for needle in needles):
            assert self.socket is not None
            self.socket.wait_for_event("framereceived", timeout=TIMEOUT * 1000)

    def settle(self) -> None:
        """Let xterm.js paint what it received: two animation frames."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def ink(self, shot: bytes) -> list[str]:
        box = self.page.locator(".xterm-screen").bounding_box()
        return self.page.evaluate(INK_MAP, [base64.b64encode(shot).decode(), *self.size, box])


def test_browser_draws_the_reader_and_follows_keys(
    server: Callable[..., Server], tmp_path: Path, corpus_dir: Path
) -> None:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "needs Debian's chromium: apt-get install -y chromium (.ci/run does)"
    served = server(str(corpus_dir), "--author", AUTHOR)  # a copy: others may edit the repo's
    url = served.start()
    title = first_title(corpus_dir)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 860}, accept_downloads=True)
            tab = BrowserTab(context.new_page(), url)
            tab.page.goto(url)
            assert tab.page.title() == f"crossread · {corpus_dir.name}"
            tab.page.wait_for_selector("body.-first-byte .xterm-screen canvas", timeout=TIMEOUT * 1000)
            tab.drawn(title)
            # No click: the page gives the terminal the keyboard by itself.
            tab.drawn(FOCUSED)
            tab.settle()
            article = tab.page.screenshot(path=tmp_path / "serve-article.png")
            cells = tab.ink(article)
            cols, rows = tab.size
            # The first pane's title row: ink in every cell of a letter, none in the padding.
            assert all(cells[1][2 + i] == "#" for i, ch in enumerate(title) if ch != " "), cells[1]
            assert all(cells[row][1] == "." for row in range(1, 10))

            mark = len(tab.raw)
            tab.page.keyboard.press("?")
            tab.drawn("crossread — keys", f"(author {AUTHOR})", since=mark)
            tab.settle()
            help_cells = tab.ink(tab.page.screenshot(path=tmp_path / "serve-help.png"))
            changed = sum(
                a != b
                for old, new in zip(cells, help_cells, strict=True)
                for a, b in zip(old, new, strict=True)
            )
            assert changed > cols * rows // 10, f"only {changed} cells changed"

            tab.page.keyboard.press("Escape")
            mark = len(tab.raw)
            tab.page.keyboard.press("Control+p")
            tab.drawn("Search for commands", since=mark)
            tab.page.keyboard.type("Download W3C")
            tab.drawn("Download W3C annotations", since=mark)
            tab.page.keyboard.press("Enter")
            while not tab.downloads:
                tab.page.wait_for_event("download", timeout=TIMEOUT * 1000)
            assert tab.downloads[0].suggested_filename == f"{corpus_dir.name}-annotations.jsonld"
            assert (
                Path(tab.downloads[0].path()).read_text(encoding="utf-8")
                == subprocess.run(
                    [sys.executable, "-m", "tui", "export", str(corpus_dir), "--format", "w3c"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )

            origin = url.rstrip("/")
            assert tab.requests and all(r.startswith(origin) for r in tab.requests), tab.requests
            assert tab.socket is not None and tab.socket.url.startswith(origin.replace("http", "ws"))
            assert tab.page.evaluate("document.fonts.check(\"16px 'Roboto Mono'\")")
            assert tab.errors == []
        finally:
            browser.close()
    served.stop()
