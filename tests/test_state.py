"""Remembered between runs: the theme in the config file, and per corpus the
panes, their positions, the focused pane and the list filters."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from tui.core.files.config import config_path, load_config, save_value, with_value
from tui.core.files.state import PaneState, ReaderState, load_state, save_state, state_path
from tui.ui.memory import reader
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.lists import AnnotationList

A0, A1, A3 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "003_abe2c13c9f7a9bff"

# ------------------------------------------------------------ config file


USER_CONFIG = """# my crossread settings
author = "jürgen"   # that's me

[later]
theme = "not this one"
"""


def test_setting_the_theme_keeps_other_keys_and_comments() -> None:
    text = with_value(USER_CONFIG, "theme", "nord")
    assert text.startswith('# my crossread settings\nauthor = "jürgen"   # that\'s me\n')
    assert tomllib.loads(text)["theme"] == "nord"
    assert tomllib.loads(text)["later"] == {"theme": "not this one"}
    again = with_value(text, "theme", "dracula")
    assert again == text.replace('"nord"', '"dracula"')


def test_an_existing_theme_line_is_edited_in_place() -> None:
    text = 'theme = "nord" # chosen in the app\nauthor = "al"'
    assert with_value(text, "theme", "gruvbox") == 'theme = "gruvbox" # chosen in the app\nauthor = "al"'
    assert with_value("", "theme", "nord") == 'theme = "nord"\n'
    assert with_value('author = "al"', "theme", "nord") == 'author = "al"\ntheme = "nord"\n'


def test_save_value_writes_atomically_and_leaves_a_broken_file_alone() -> None:
    path = config_path()
    assert save_value("theme", "nord") == ""
    assert load_config().text("theme") == "nord"
    path.write_text(USER_CONFIG, encoding="utf-8")
    assert save_value("theme", "gruvbox") == ""
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith(USER_CONFIG.split("\n[later]")[0])
    assert tomllib.loads(saved)["theme"] == "gruvbox"
    assert not [p for p in path.parent.iterdir() if p.name != "config.toml"]  # no temp left
    path.write_text("theme = \n", encoding="utf-8")
    assert "was not changed" in save_value("theme", "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"
    assert load_config().problem


# ------------------------------------------------------------ state file


def test_state_round_trips(tmp_path: Path) -> None:
    state = ReaderState(
        (PaneState(A0, 120, 300, "claim"), PaneState(A1)),
        1,
        {"kind": "source", "whole_corpus": True, "author": ""},
    )
    path = tmp_path / "s.json"
    assert save_state(path, state)
    assert load_state(path) == state


BROKEN = {
    "empty": b"",
    "cut": b"{",
    "not utf-8": b"\xff\xfe",
    "a list": b"[]",
    "other version": b'{"version": 99, "panes": []}',
    "wrong types": b'{"version": 1, "panes": "x", "focused": -3, "filters": []}',
    "odd panes": b'{"version": 1, "panes": [{"article": 5}, {"top": 1}, 7], "focused": "a"}',
    "deep": b"[" * 100000,
    "many panes": b'{"version": 1, "panes": [' + b'{"article": "x"},' * 3000 + b"{}]}",
    "too big": b" " * (1 << 20),
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_state_file_is_an_empty_state(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(content)
    state = load_state(path)
    assert isinstance(state, ReaderState) and len(state.panes) <= 8
    assert state.focused == 0


def test_odd_fields_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "focused": 1,
                "panes": [
                    {"article": A0, "top": -5, "cursor": True, "jump_filter": "x; rm"},
                    {"article": A1, "top": 40, "cursor": 41},
                ],
            }
        ),
        encoding="utf-8",
    )
    assert load_state(path).panes == (PaneState(A0, 0, 0, "all"), PaneState(A1, 40, 41))
    assert load_state(path).focused == 1


def test_missing_folder_fifo_and_directory_are_empty_states(tmp_path: Path) -> None:
    assert load_state(tmp_path / "none" / "s.json") == ReaderState()
    (tmp_path / "dir.json").mkdir()
    assert load_state(tmp_path / "dir.json") == ReaderState()
    os.mkfifo(tmp_path / "fifo.json")
    assert load_state(tmp_path / "fifo.json") == ReaderState()  # does not hang


def test_state_is_kept_per_corpus(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert state_path(one) != state_path(two)
    assert "state" in state_path(one).parts  # the user's state folder (XDG_STATE_HOME)


# ------------------------------------------------------------ in the reader


def visible_text(view: ArticleView) -> list[str]:
    """The article lines as the pane draws them now."""
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


async def test_panes_positions_focus_and_filters_come_back(corpus_dir: Path) -> None:
    app = reader(corpus_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A0, A1]
        app.reader.pane_manager.open_article(A3, new_pane=True)
        await pilot.pause()
        top_of_a3 = visible_text(app.reader.panes[2].view)
        await pilot.press("tab", "tab")  # to the third pane
        assert app.reader.pane_manager.current_pane == 2
        await pilot.press("space", "space", "j", "j")
        await pilot.press("tab", "space", "j")  # the first pane scrolls too
        await pilot.press("tab")  # the second pane, A1, stays at the top
        await pilot.press("a", "f", "f")  # the annotations list shows sources
        await pilot.press("tab", "tab")  # back to the second pane, then the third
        await pilot.pause()
        assert app.reader.pane_manager.current_pane == 2
        before = {p.article.id: visible_text(p.view) for p in app.reader.panes}
        cursors = [p.view.cursor for p in app.reader.panes]
        assert before[A3] != top_of_a3 and cursors[0] > 0 and cursors[2] > 0
        assert app.query_one(AnnotationList).kind == "source"
        await pilot.press("q")
    assert state_path(corpus_dir).is_file()

    again = reader(corpus_dir)
    async with again.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert [p.article.id for p in again.reader.panes] == [A0, A1, A3]
        assert {p.article.id: visible_text(p.view) for p in again.reader.panes} == before
        assert [p.view.cursor for p in again.reader.panes] == cursors
        assert (
            again.reader.pane_manager.current_pane == 2 and again.screen.focused is again.reader.panes[2].view
        )
        annotations = again.query_one(AnnotationList)
        assert annotations.kind == "source"
        assert "· source" in str(annotations.border_title)


async def test_open_on_the_command_line_wins(corpus_dir: Path) -> None:
    save_state(state_path(corpus_dir), ReaderState((PaneState(A1, 500, 500), PaneState(A3))))
    app = reader(corpus_dir, [A3])
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A3]


async def test_a_saved_article_that_is_gone_is_skipped(corpus_dir: Path) -> None:
    save_state(state_path(corpus_dir), ReaderState((PaneState("gone"), PaneState(A3))))
    app = reader(corpus_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert [p.article.id for p in app.reader.panes] == [A3]
        assert not app.corpus.diagnostics or all("gone" not in str(d) for d in app.corpus.diagnostics)


async def test_the_chosen_theme_is_remembered(corpus_dir: Path) -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text(USER_CONFIG, encoding="utf-8")
    app = reader(corpus_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"theme")
        await pilot.press("enter")
        await pilot.press(*"gruvbox")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "gruvbox"
        await pilot.press("q")
    saved = config_path().read_text(encoding="utf-8")
    assert saved.startswith('# my crossread settings\nauthor = "jürgen"   # that\'s me\n')
    assert tomllib.loads(saved)["theme"] == "gruvbox"

    again = reader(corpus_dir)
    async with again.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert again.theme == "gruvbox"
        view = again.query_one(ArticleView)
        assert view.rich_style.bgcolor.triplet.hex == "#3c3836"  # gruvbox's surface


async def test_an_unknown_theme_in_the_config_is_named(corpus_dir: Path) -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = reader(corpus_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)
