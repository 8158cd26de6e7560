"""The collector is off while the first frame is built, and on again once it is shown."""

from __future__ import annotations

import gc
from pathlib import Path

from tui.core.model.corpus import bundled_corpus
from tui.ui import app as app_module
from tui.ui.app import CrossreadApp

CSS = str(Path(app_module.__file__).with_name("app.tcss"))  # a subclass here would look in tests/


async def test_collector_is_paused_until_the_first_frame() -> None:
    seen: list[bool] = []

    class Probe(CrossreadApp):
        CSS_PATH = CSS

        def on_mount(self) -> None:
            seen.append(gc.isenabled())

    app = Probe(bundled_corpus(), author="tester")
    assert gc.isenabled()  # made, not yet running: nothing paused
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
    assert seen == [False]
    assert gc.isenabled()


async def test_an_app_that_quits_before_resuming_resumes_the_collector() -> None:
    class Quitter(CrossreadApp):
        CSS_PATH = CSS

        def on_ready(self) -> None:  # not CrossreadApp's: exit alone must resume
            self.exit()

    app = Quitter(bundled_corpus(), author="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert gc.isenabled()
