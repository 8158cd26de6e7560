"""`crossread screenshot`: render the first view headless and save it as SVG."""

from __future__ import annotations

import asyncio
from pathlib import Path


def save_screenshot(root: Path, open_ids: list[str], size: tuple[int, int], output: Path) -> None:
    from tui.ui.app import CrossreadApp

    async def run() -> None:
        app = CrossreadApp(root, open_ids)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            svg = app.export_screenshot(title="crossread")
        output.write_text(svg, encoding="utf-8")

    asyncio.run(run())
