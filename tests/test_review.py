"""Pilot tests of the review flows: real keys, then the screen and the YAML on disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.core.files.store import parse
from tui.core.model.corpus import load_corpus
from tui.ui.app import CrossreadApp
from tui.ui.screens.editors import ConfirmScreen, NoteScreen, PromptScreen

SIZE = (160, 50)
A0, A1 = "000_f0337515d6951f32", "001_6604a57b5a9e0757"


def notes_file(root: Path, author: str = "alice") -> Path:
    return root / "annotations" / "notes" / f"{author}.yaml"


def records(root: Path, author: str = "alice") -> dict:
    path = notes_file(root, author)
    return parse(path.read_bytes(), path)[0] if path.exists() else {}


def app_for(root: Path, *open_ids: str, author: str = "alice") -> CrossreadApp:
    return CrossreadApp(root, list(open_ids), author=author)


def inspector(app: CrossreadApp) -> str:
    return str(app.query_one("#inspector-text").render())


async def test_select_note_type_save(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        text = view.article.text
        view.move_cursor(text.index("Kleine Zeitung"))
        await pilot.press("v", *"l" * 13)  # select "Kleine Zeitung"
        assert view.selection == (text.index("Kleine Zeitung"), text.index("Kleine Zeitung") + 14)
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"check the original", "enter", *"second line", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        saved = [r for r in records(corpus_dir).values() if r["kind"] == "note"]
        assert len(saved) == 1
        note = saved[0]
        assert note["quote"] == "Kleine Zeitung" and note["text"] == "check the original\nsecond line"
        assert note["author"] == "alice" and note["created"].endswith("Z")
        assert note["start"] == text.index("Kleine Zeitung") and len(note["prefix"]) == 32
        assert view.selection is None
        await pilot.press("left_square_bracket")  # back onto "Kleine Zeitung"
        assert "check the original" in inspector(app)
    again = app_for(corpus_dir, A0)
    async with again.run_test(size=SIZE) as pilot:  # restarting shows it again
        await pilot.pause()
        assert any(
            a.text.startswith("check the original")
            for a in again.corpus.annotations[A0]
            if a.author == "alice"
        )


async def test_note_on_annotation_edit_delete_and_cancel(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        claim = app.corpus.get(f"{A0}#troops-10k")
        view.jump_to(claim)
        await pilot.press("n", *"first", "ctrl+s")
        await pilot.pause()
        assert "first" in inspector(app)
        await pilot.press("e", "end", *" and more", "ctrl+s")
        await pilot.pause()
        assert [r["text"] for r in records(corpus_dir).values()] == ["first and more"]
        await pilot.press("n", *"typed", "escape")  # changed: asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, (NoteScreen, ConfirmScreen))
        assert len(records(corpus_dir)) == 1
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert records(corpus_dir) == {}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [r["text"] for r in records(corpus_dir).values()] == ["first and more"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert records(corpus_dir) == {}


async def test_verdict_keys_and_progress(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        total = app.corpus.counts().claims
        legend = lambda: str(app.query_one("#legend").render())  # noqa: E731
        assert f"verdicts 0/{total}" in legend()
        await pilot.press("u")  # first unreviewed claim
        view = app.reader.panes[0].view
        first = view.selected
        assert first is not None and first.kind == "claim"
        await pilot.press("3")
        await pilot.pause()
        assert f"verdicts 1/{total}" in legend()
        assert "disputed" in inspector(app)
        await pilot.press("u", "2", "u", "4")
        await pilot.pause()
        assert f"verdicts 3/{total}" in legend()
        saved = {r["on"]: r["verdict"] for r in records(corpus_dir).values()}
        assert saved[first.ref] == "disputed"
        assert sorted(saved.values()) == ["disputed", "false", "supported"]
        await pilot.press("V", *"HUR and Kleine Zeitung agree", "enter")
        await pilot.pause()
        assert any(r.get("comment") == "HUR and Kleine Zeitung agree" for r in records(corpus_dir).values())
        await pilot.press("a", *["f"] * 8)  # annotations list: filter "disputed"
        listing = app.query_one("#annotations")
        assert listing.kind == "disputed" and listing.option_count == 1


async def test_next_unreviewed_crosses_panes(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, "002", "003")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        claims = app.corpus.claims(["002_413bc77aeb3face7"])
        for _ in claims:
            await pilot.press("u", "2")
        await pilot.pause()
        await pilot.press("u")
        assert app.screen.focused is app.reader.panes[1].view
        assert app.reader.panes[1].view.selected.kind == "claim"


async def test_mark_and_link_across_panes(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = (p.view for p in app.reader.panes)
        left.jump_to(app.corpus.get(f"{A0}#troops-10k"))
        await pilot.press("m", "tab")
        right.jump_to(app.corpus.get(f"{A1}#troops-11k"))
        await pilot.press("x")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Over 10,000 vs at least 11,000", "enter")
        await pilot.pause()
        links = [r for r in records(corpus_dir).values() if r["kind"] == "link"]
        assert links and links[0]["claims"] == [f"{A0}#troops-10k", f"{A1}#troops-11k"]
        assert links[0]["relation"] == "contradicts"
        assert "Over 10,000 vs at least 11,000" in inspector(app)
        # the new link is followable like a curated one
        claim = app.corpus.get(f"{A1}#troops-11k")
        assert any(link.summary.startswith("Over 10,000") for link in app.corpus.links_of(claim))
        await pilot.press("m")
        left.focus()
        await pilot.pause()
        left.jump_to(app.corpus.get(f"{A0}#hur-10k"))
        await pilot.press("equals_sign", *"same order of magnitude", "enter")
        await pilot.pause()
        relations = sorted(r["relation"] for r in records(corpus_dir).values() if r["kind"] == "link")
        assert relations == ["contradicts", "corroborates"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len([r for r in records(corpus_dir).values() if r["kind"] == "link"]) == 1


async def test_own_claim_and_source(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.reader.panes[0].view
        text = view.article.text
        view.move_cursor(text.index("Tausende nordkoreanische"))
        await pilot.press("v", "w", "e" if False else "w", "h", "c")
        await pilot.pause()
        await pilot.press("enter")  # the claim form (source, topic, tags), left empty
        await pilot.pause()
        kinds = [r["kind"] for r in records(corpus_dir).values()]
        assert kinds == ["claim"]
        view.move_cursor(text.index("Telepolis berichtete"))
        await pilot.press("v", "w", "h", "h", "s")
        await pilot.pause()
        source = [r for r in records(corpus_dir).values() if r["kind"] == "source"][0]
        assert source["quote"] == "Telepolis" and source["name"] == "Telepolis"
        assert app.corpus.counts(A1).claims == 19


async def test_save_failure_is_shown_and_work_kept(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.panes[0].view.jump_to(app.corpus.get(f"{A0}#troops-10k"))

        def broken(path, data):  # type: ignore[no-untyped-def]
            raise OSError(28, "No space left on device", str(path))

        monkeypatch.setattr("tui.core.files.store.atomic_write", broken)
        await pilot.press("2")
        await pilot.pause()
        assert "NOT SAVED" in str(app.query_one("#legend").render())
        assert any("No space left" in str(n.message) for n in app._notifications)
        assert app.corpus.verdict_of(f"{A0}#troops-10k").value == "supported"
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)  # quitting warns first
        await pilot.press("n")
        monkeypatch.undo()
        await pilot.press("q")  # the retry on quit succeeds, so it just quits
    assert records(corpus_dir)


def test_author_that_escapes_is_rejected(corpus_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(corpus_dir), "--author", "../x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "could escape the notes folder" in result.stderr
    assert not (corpus_dir / "annotations" / "x.yaml").exists()


def test_everyones_notes_are_shown(corpus_dir: Path) -> None:
    from tui.core.review.session import Session

    for author in ("alice", "bob"):
        Session(load_corpus(corpus_dir), author).add_note(f"by {author}", A0, on="troops-10k")
    corpus = load_corpus(corpus_dir)
    notes = corpus.notes_on(corpus.get(f"{A0}#troops-10k"))
    assert sorted(n.author for n in notes) == ["alice", "bob"]
    assert corpus.authors() == ["alice", "bob"]


async def test_control_characters_in_notes_are_kept_but_shown_escaped(corpus_dir: Path) -> None:
    from tui.ui.screens.editors import SafeTextArea

    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.reader.panes[0].view.jump_to(app.corpus.get(f"{A0}#troops-10k"))
        await pilot.press("n")
        area = app.screen.query_one(SafeTextArea)
        area.insert("bell\x07 esc\x1b[31m red")
        await pilot.pause()
        drawn = "".join(strip.text for strip in area.render_lines(area.region.reset_offset))
        assert "\x1b" not in drawn and "\x07" not in drawn and "\u241b[31m" in drawn
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [r["text"] for r in records(corpus_dir).values()] == ["bell\x07 esc\x1b[31m red"]
        shown = str(app.query_one("#inspector-text").render())
        assert "\x1b" not in shown and "^[[31m" in shown


async def open_note_editor(app: CrossreadApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    app.reader.panes[0].view.jump_to(app.corpus.get(f"{A0}#troops-10k"))
    await pilot.press("n")
    await pilot.pause()


def burst(app: CrossreadApp, text: str, last_key: str) -> None:
    """Queue keys all at once, as a fast typist or a terminal multiplexer sends them."""
    from textual import events

    for ch in text:
        app.post_message(events.Key(ch, ch))
    app.post_message(events.Key(last_key, None))


async def test_fast_typing_then_save_loses_no_keystroke(corpus_dir: Path) -> None:
    """Keys that arrive in one burst (a fast typist, tmux, a paste of keys) are all
    in the note before ctrl+s saves it."""

    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await open_note_editor(app, pilot)
        typed = "not HUR's count"
        burst(app, typed, "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert [r["text"] for r in records(corpus_dir).values()] == [typed]


async def test_fast_typing_then_escape_still_asks(corpus_dir: Path) -> None:

    app = app_for(corpus_dir, A0)
    async with app.run_test(size=SIZE) as pilot:
        await open_note_editor(app, pilot)
        burst(app, "typed fast", "escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # changed text: it asks first
