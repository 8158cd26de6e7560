"""Pilot tests of the cross-article views (issue 16): what the screen shows."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from tui.core.model.corpus import bundled_corpus, load_corpus
from tui.core.review.session import Session
from tui.ui.app import CrossreadApp
from tui.ui.screens.matrix import MatrixScreen
from tui.ui.widgets.lists import AnnotationList

A0, A1, A3 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "003_abe2c13c9f7a9bff"
BIG, SMALL = (200, 50), (80, 24)


def screen_text(app: CrossreadApp) -> str:
    """Every line of the screen as drawn, top to bottom."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def widget_text(widget) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_matrix_troop_row_holds_figures_from_four_articles_on_one_screen() -> None:
    app = CrossreadApp(bundled_corpus())
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "000 " in line and "004 " in line)
        starts = [header.index(f"{n:03d} ") for n in range(5)]
        row = next(i for i, line in enumerate(lines) if "troop numbers" in line)
        # The row's lines, up to the next row label in the first column.
        block = [lines[row]] + [line for line in lines[row + 1 : row + 4] if not line[: starts[0]].strip()]
        cells = [
            "\n".join(line[a:b] for line in block)
            for a, b in zip(starts, starts[1:] + [len(header)], strict=True)
        ]
        with_figures = [c for c in cells if re.search(r"\d[\d.]*\d{3}|\d{4}", c)]
        assert len(with_figures) >= 4, cells
        assert "≠" in lines[row]  # the row disagrees and says so
        assert "etwa 10.000 (US Department of" in "\n".join(block)


async def test_matrix_at_80x24_shows_the_focused_cell_in_full_and_opens_it() -> None:
    app = CrossreadApp(bundled_corpus(), [A1])
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("M")
        await pilot.pause()
        text = screen_text(app)
        assert "troop numbers" in text
        # The cell under the cursor (troop numbers, 000) listed in full below the table.
        assert "“Nordkorea über 10.000 Soldaten und Waffen nach Russland verlegt”" in text
        await pilot.press("l", "enter")  # 001's only troop figure: opens at once
        await pilot.pause()
        assert not isinstance(app.screen, MatrixScreen)
        view = app.reader.current_view
        assert view is not None and view.article.id == A1
        assert view.current_annotation() is not None
        assert "mindestens 11.000" in view.current_annotation().anchor.quote


async def test_matrix_filter_and_enter_keep_the_other_panes() -> None:
    app = CrossreadApp(bundled_corpus(), [A0, A1])
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("M", "f")
        await pilot.press(*"ratification", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "3 rows × 5 articles · filter ratification" in text  # the topic, and tags
        assert "≠ ratification" in text
        assert "troop numbers" not in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("M")  # back where it was: the filter stays
        await pilot.pause()
        assert "filter ratification" in screen_text(app)
        await pilot.press("l", "l", "l", "h", "h", "enter")  # 001: several claims
        await pilot.pause()
        await pilot.press("j", "enter")  # the second of them
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A0, A1]
        quote = app.reader.current_view.current_annotation().anchor.quote  # type: ignore[union-attr]
        assert "am Montag" in quote


async def test_corpus_search_lists_kursk_in_four_articles_and_n_walks_them() -> None:
    app = CrossreadApp(bundled_corpus(), [A0])
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("F", *"kursk", "enter")
        await pilot.pause()
        seen = screen_text(app)
        for _ in range(4):
            await pilot.press("pagedown")
            seen += screen_text(app)
        assert "“kursk”: 20 matches in 5 articles" in seen
        headings = set(re.findall(r"\s(00\d) [^\n]*\(\d+\)", seen))
        assert len(headings) >= 4, headings
        assert re.search(r"….*Kursk.*in claim", seen)  # context, annotation
        await pilot.press("home", "enter")
        await pilot.pause()
        view = app.reader.current_view
        assert view is not None and view.article.id == A0
        first = view.cursor
        assert view.article.text[first : first + 5].casefold() == "kursk"
        status = widget_text(app.reader.panes[0].query_one(".pane-status"))
        assert "result 1/20" in status
        for _ in range(5):  # past the five results in 000
            await pilot.press("n")
            await pilot.pause()
        view = app.reader.current_view
        assert view is not None and view.article.id == A1
        assert "result 6/20" in widget_text(
            app.reader.panes[app.reader.pane_manager.current_pane].query_one(".pane-status")
        )
        await pilot.press("N")
        await pilot.pause()
        assert app.reader.current_view.article.id == A0  # type: ignore[union-attr]


async def test_filter_by_source_lists_exactly_the_claims_that_cite_it(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    session = Session(corpus, "tester")
    text = corpus.articles[A1].text
    start = text.index("Kursk")
    made = session.add_annotation("source", A1, start, start + 5, name="Pentagon")
    assert made.annotation is not None
    where = text.index("Moskau habe")
    session.add_annotation("claim", A1, where, where + 30, source=made.annotation.id, topic="troop numbers")
    app = CrossreadApp(corpus_dir, [A0], author="tester")
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("a", "ctrl+f")
        await pilot.pause()
        app.screen.query_one("#filter-source", Input).focus()
        await pilot.press(*"US Department of Defense", "enter")
        await pilot.pause()
        listing = app.query_one(AnnotationList)
        shown = widget_text(listing)
        rows = [line for line in shown.splitlines() if re.match(r"\W*C[ x!] ", line)]
        assert len(rows) == 2, shown
        flat = " ".join(shown.split())
        assert "wurden letzte Woche etwa 10.000" in flat
        assert "Moskau habe in Kursk eine Stre — tester" in flat
        title = str(listing.border_title)
        assert title.startswith("Annotations (2) · claims · source")  # cut to fit, count kept
        assert "\n" not in title


async def test_inspector_on_a_source_lists_the_claims_resting_on_it_and_r_lists_them() -> None:
    app = CrossreadApp(bundled_corpus(), [A3])
    async with app.run_test(size=BIG) as pilot:
        view = app.reader.current_view
        assert view is not None
        source = app.corpus.get(f"{A3}#pentagon")
        view.jump_to(source)
        await pilot.pause()
        inspector = widget_text(app.query_one("#inspector-text"))
        assert "Claims resting on it (1 in 1 article)" in inspector
        await pilot.press("a", "r")
        await pilot.pause()
        shown = widget_text(app.query_one(AnnotationList))
        assert "wurden letzte Woche etwa 10.000" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current_view.current_annotation().id == "pentagon-10k"  # type: ignore[union-attr]


async def test_history_shows_a_verdict_given_in_the_test(corpus_dir: Path) -> None:
    app = CrossreadApp(corpus_dir, [A3], author="tester")
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("u", "4")  # the first claim not yet judged: false
        await pilot.pause()
        claim = app.reader.current_view.current_annotation()  # type: ignore[union-attr]
        await pilot.press("H")
        await pilot.pause()
        text = screen_text(app)
        assert "History · tester" in text
        line = next(x for x in text.splitlines() if "verdict: false" in x)
        assert "003" in line and claim.anchor.quote[:20] in line
        await pilot.press("d", *"yesterday", "enter")
        await pilot.pause()
        assert "verdict: false" not in screen_text(app)
        await pilot.press("d", "ctrl+a", "ctrl+k", *"today", "enter", "enter")
        await pilot.pause()
        assert app.reader.current_view.current_annotation() is claim  # type: ignore[union-attr]


async def test_own_claim_gets_source_topic_tags_and_is_edited_with_e(corpus_dir: Path) -> None:
    app = CrossreadApp(corpus_dir, [A3], author="tester")
    async with app.run_test(size=BIG) as pilot:
        view = app.reader.current_view
        assert view is not None
        start = view.article.text.index("Kursk")
        view.cursor = start
        await pilot.press("v", *"llll", "c")
        await pilot.pause()
        await pilot.press(*"troop numbers", "tab", *"kursk, mine", "enter")
        await pilot.pause()
        claim = next(a for a in app.corpus.annotations[A3] if a.author == "tester")
        assert claim.topic == "troop numbers" and list(claim.tags) == ["kursk", "mine"]
        view.jump_to(claim)
        await pilot.pause()
        assert "troop numbers · #kursk · #mine" in widget_text(app.query_one("#inspector-text"))
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#claim-topic", Input).value = "war"
        await pilot.press("enter")
        await pilot.pause()
        edited = app.corpus.get(claim.ref)
        assert edited is not None and edited.topic == "war"
        assert "war · #kursk" in widget_text(app.query_one("#inspector-text"))


async def test_help_lists_the_new_keys() -> None:
    app = CrossreadApp(bundled_corpus())
    rows = app.help_rows()
    described = {(where, keys) for where, keys, _ in rows}
    for key in ("M", "F", "H"):
        assert ("Anywhere", key) in described
    assert ("Annotations list", "ctrl+f") in described
    assert ("Annotations list", "r") in described
    assert any(where == "Claim matrix (M)" and keys == "f" for where, keys in described)
    assert ("Articles list", "p") in described
    assert ("Articles list and picker", "down/j") in described
    assert ("Picker (o, O)", "esc") in described and ("Picker (o, O)", "enter") in described


def test_matrix_snapshot_200x50(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(CrossreadApp(bundled_corpus()), terminal_size=BIG, press=["M"])


def test_matrix_snapshot_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Narrow columns that scroll sideways, the focused cell in full below."""
    assert snap_compare(CrossreadApp(bundled_corpus()), terminal_size=SMALL, press=["M", "j", "l"])


async def test_palette_lists_the_new_keys() -> None:
    app = CrossreadApp(bundled_corpus())
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
    for wanted in (
        "Claim matrix: every topic across the articles",
        "Search every article (then n/N through the results)",
        "Review history: your verdicts, notes and links",
        "Filters: topic, tag, source, verdict, date…",
        "Claims resting on this source (any article)",
    ):
        assert wanted in titles
