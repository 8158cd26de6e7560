"""SVG snapshots of the main views at a fixed size (update: pytest --snapshot-update)."""

from __future__ import annotations

from tui.core.model.corpus import bundled_corpus
from tui.ui.app import CrossreadApp

SIZE = (160, 50)


async def analysed(pilot) -> None:  # type: ignore[no-untyped-def]
    """The suggestions arrive from a worker: wait for them, so the look is fixed."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_view(snap_compare) -> None:
    assert snap_compare(CrossreadApp(bundled_corpus()), terminal_size=SIZE, run_before=analysed)


def test_inspector_on_contradiction(snap_compare) -> None:
    app = CrossreadApp(bundled_corpus(), ["003", "001"])

    async def follow(pilot) -> None:  # type: ignore[no-untyped-def]
        await analysed(pilot)
        await pilot.press("right_curly_bracket", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=follow)


def test_help_screen(snap_compare) -> None:
    app = CrossreadApp(bundled_corpus())
    # The real notes path depends on the machine; the Pilot test checks it.
    app.help_notes = lambda: "Your notes are saved at once to: <notes path>"  # type: ignore[method-assign]
    assert snap_compare(app, terminal_size=SIZE, run_before=analysed, press=["question_mark"])


def test_broken_corpus(snap_compare, make_corpus) -> None:
    root = make_corpus(
        {
            "articles/good.md": "# A good article\n\nKim sagt **etwas** über [Kursk](https://x.org).\n",
            "articles/bad.txt": b"Title\n\xff\xfe broken",
            "articles/empty.txt": "",
            "annotations/good.yaml": "version: 1\nannotations:\n  - id: k\n    kind: claim\n"
            "    quote: Kim sagt etwas\n  - id: x\n    kind: clam\n"
            "    quote: Kursk\n  - id: o\n    kind: claim\n"
            "    quote: nicht im Text\n",
            "annotations/contradictions.yaml": "version: 1\nlinks: [\n",
        }
    )
    assert snap_compare(CrossreadApp(root), terminal_size=SIZE, run_before=analysed)


def test_picker_over_the_reader_80x24(snap_compare) -> None:
    """The picker is a box on the reader (not a dimmed screen): the text stays
    readable around it, and typing narrows the rows."""
    assert snap_compare(
        CrossreadApp(bundled_corpus()),
        terminal_size=(80, 24),
        run_before=analysed,
        press=["o", "k", "i", "m"],
    )
