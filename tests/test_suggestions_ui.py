"""Pilot tests of suggestions in the reader (issue 15): drawn in their own
style, explained in the inspector, walked by the review queue (S), accepted as
the user's link, rejected for good."""

from __future__ import annotations

from pathlib import Path

from tui.core.files.store import parse
from tui.core.model.corpus import load_corpus
from tui.core.review.session import Session
from tui.ui.app import CrossreadApp
from tui.ui.widgets.article_view import ArticleView

SIZE = (160, 50)
A0, A1 = "000_f0337515d6951f32", "001_6604a57b5a9e0757"


def app_for(root: Path, *open_ids: str) -> CrossreadApp:
    return CrossreadApp(root, list(open_ids), author="alice")


async def analysed(app: CrossreadApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the analysis worker and the frame after its result."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def text_of(widget_id: str, app: CrossreadApp) -> str:
    return str(app.query_one(widget_id).render())


def flat(text: str) -> str:
    return " ".join(text.split())


def visible_text(view: ArticleView) -> str:
    return flat(" ".join(view.render_line(y).text for y in range(view.size.height)))


def overlined(view: ArticleView) -> str:
    """The text of every drawn segment in the suggestion style (overline),
    which tells it apart without colour too."""
    return " ".join(
        "".join(
            segment.text
            for segment in view.render_line(y)
            if segment.style is not None and segment.style.overline
        )
        for y in range(view.size.height)
    )


def header(app: CrossreadApp, index: int) -> str:
    return str(app.reader.panes[index].query_one(".pane-header").render())


def records(root: Path) -> dict:
    path = root / "annotations" / "notes" / "alice.yaml"
    return parse(path.read_bytes(), path)[0] if path.exists() else {}


async def test_suggestions_drawn_in_their_own_style_and_explained(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(app, pilot)
        legend = text_of("#legend", app)
        assert "suggested" in legend
        assert f"{len(app.reader.suggestions.visible)} suggestions (S)" in legend
        view = app.reader.panes[0].view
        s = next(
            s
            for s in app.reader.suggestions.visible
            if s.members[0].article == A0 and s.members[1].article == A1
        )
        here, there = s.members
        view.move_cursor(here.start)
        await pilot.pause()
        drawn = overlined(view)
        assert all(word in drawn for word in here.text.split())
        shown = text_of("#inspector-text", app)
        assert f"SUGGESTION ✓ {s.relation}" in shown or f"SUGGESTION ✗ {s.relation}" in shown
        assert f"score {s.score:.2f}" in shown
        assert "Other side:" in shown and flat(there.text) in flat(shown)
        assert "Telepolis" in shown  # the other side's article, by outlet
        await pilot.press("ctrl+t")  # hidden: no overline left, inspector forgets them
        await pilot.pause()
        assert overlined(view).strip() == ""
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert overlined(view).strip()


async def test_queue_shows_both_sides_and_accept_makes_a_link(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(app, pilot)
        total = len(app.reader.suggestions.visible)
        await pilot.press("S")
        await pilot.pause()
        queue = text_of("#suggestion-queue", app)
        first = app.reader.suggestions.visible[0]
        assert f"Suggestion 1/{total}" in queue
        assert "a accept" in queue and "r reject" in queue and "s skip" in queue
        app.reader.panes[0].view.focus()
        await pilot.press("S")  # again, with the queue open: no second queue, no crash
        await pilot.pause()
        assert len(app.query("#suggestion-queue")) == 1 and app.screen.focused is app.query_one(
            "#suggestion-queue"
        )
        left, right = (p.view for p in app.reader.panes[:2])
        assert {left.article.id, right.article.id} == {m.article for m in first.members}
        for view in (left, right):
            member = next(m for m in first.members if m.article == view.article.id)
            assert flat(member.text) in visible_text(view)
        assert text_of("#inspector-text", app).startswith("SUGGESTION")
        # Skip to the first contradiction, then accept it: the header counts it.
        while (
            app.reader.suggestions.visible[app.query_one("#suggestion-queue").position].relation
            != "contradicts"
        ):
            await pilot.press("s")
            await pilot.pause()
        position = app.query_one("#suggestion-queue").position
        chosen = app.reader.suggestions.visible[position]
        await pilot.pause()
        before = {p.article.id: header(app, i) for i, p in enumerate(app.reader.panes)}
        await pilot.press("a")
        await pilot.pause()
        assert "1 accepted" in text_of("#suggestion-queue", app)
        assert chosen not in app.reader.suggestions.visible
        links = [r for r in records(corpus_dir).values() if r["kind"] == "link"]
        assert len(links) == 1 and links[0]["relation"] == "contradicts"
        assert "Telepolis" in links[0]["summary"] or "vs" in links[0]["summary"]
        for i, pane in enumerate(app.reader.panes):
            if pane.article.id in {m.article for m in chosen.members}:
                old = int(before[pane.article.id].split(" contra")[0].split("·")[-1])
                assert f"{old + 1} contra" in header(app, i)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query("#suggestion-queue")
        assert isinstance(app.screen.focused, ArticleView)


async def test_reject_is_remembered_in_the_notes_file(corpus_dir: Path) -> None:
    app = app_for(corpus_dir, A0, A1)
    async with app.run_test(size=SIZE) as pilot:
        await analysed(app, pilot)
        total = len(app.reader.suggestions.visible)
        rejected = app.reader.suggestions.visible[0]
        await pilot.press("S", "r")
        await pilot.pause()
        queue = text_of("#suggestion-queue", app)
        assert "1 rejected" in queue and f"Suggestion 2/{total}" in queue
        assert rejected not in app.reader.suggestions.visible
        saved = records(corpus_dir)
        assert saved[f"rejection:{rejected.id}"]["suggestion"] == rejected.id
    again = app_for(corpus_dir, A0, A1)
    async with again.run_test(size=SIZE) as pilot:  # a new reader on the same corpus
        await analysed(again, pilot)
        assert rejected.id in {s.id for s in again.reader.suggestions.all}
        assert rejected.id not in {s.id for s in again.reader.suggestions.visible}
        assert f"{total - 1} suggestions (S)" in text_of("#legend", again)
        await pilot.press("S")
        await pilot.pause()
        assert f"Suggestion 1/{total - 1}" in text_of("#suggestion-queue", again)
        for view in (p.view for p in again.reader.panes):
            spans = [m for m in rejected.members if m.article == view.article.id]
            for m in spans:
                assert all(item.id != rejected.id for item in view.suggestions_at(m.start))
    # The record is no problem for `crossread check`.
    corpus = load_corpus(corpus_dir)
    assert not [d for d in corpus.diagnostics if "alice" in str(d.path)]


def test_reject_then_undo_in_a_session(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    session = Session(corpus, "alice")
    done = session.reject_suggestion("number-abc")
    assert done.ok and done.records[0].kind == "rejection"
    assert "rejection:number-abc" in session.store.records
    session.undo()
    assert "rejection:number-abc" not in session.store.records
    assert not session.load_problems and not [d for d in corpus.diagnostics if "alice" in str(d.path)]
