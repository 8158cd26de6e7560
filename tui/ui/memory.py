"""What the reader remembers between runs: the theme (in the config file)
and, per corpus, the open panes, their positions, the focused pane and the
list filters (in the state folder).

Only an app started with `reader()` (the command line) remembers; tests,
screenshots and benchmarks start as they always did. The reader screen calls
`restore` once from on_mount, and the app calls `save` from exit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.theme import Theme

from tui.core.document.highlights import JUMP_FILTERS
from tui.core.files.config import load_config, save_value
from tui.core.files.state import PaneState, ReaderState, load_state, save_state, state_path
from tui.ui.widgets.lists import KIND_FILTERS, AnnotationList

if TYPE_CHECKING:
    from tui.ui.app import CrossreadApp


def reader(
    root: Path,
    open_ids: Sequence[str] = (),
    author: str | None = None,
    max_panes: int = 4,
    remember: bool = True,
) -> CrossreadApp:
    """The reader as the command line starts it: `--open` wins; without it
    the panes open on the articles that were open last time."""
    from tui.ui.app import CrossreadApp

    app = CrossreadApp(root, open_ids, author=author)
    app.remember = remember
    if remember and not open_ids:
        saved = load_state(state_path(root))
        ids = [p.article for p in saved.panes if p.article in app.corpus.articles]
        if ids:
            app.requested = list(dict.fromkeys(ids))[:max_panes]
    return app


def restore(app: CrossreadApp) -> None:
    """Theme now; positions, focus and filters once the panes have a size."""
    if not app.remember:
        return
    _restore_theme(app)
    saved = load_state(state_path(app.root))
    _restore_filters(app, saved)
    manager = app.reader.pane_manager
    if manager.panes and [p.article.id for p in manager.panes] == [p.article for p in saved.panes]:
        manager.focus_pane(saved.focused)  # at once: keys typed at start go to that pane
    app.call_after_refresh(_restore_panes, app, saved)


def save(app: CrossreadApp) -> None:
    """Write where the reader is; silent on failure (it is not user data)."""
    if not app.remember or not app.is_running:
        return
    try:
        save_state(state_path(app.root), current_state(app))
    except Exception:  # noqa: BLE001 - quitting must never fail over this
        pass


def current_state(app: CrossreadApp) -> ReaderState:
    panes = []
    manager = app.reader.pane_manager
    for pane in manager.panes:
        view = pane.view
        lines = view.lines
        y = view.scroll_offset.y
        top = lines[min(y, len(lines) - 1)].start if lines else 0
        panes.append(PaneState(pane.article.id, top, view.cursor, view.jump_filter))
    annotations = app.reader.query_one(AnnotationList)
    filters: dict[str, object] = {
        "kind": annotations.kind,
        "whole_corpus": annotations.whole_corpus,
        "author": annotations.author,
    }
    return ReaderState(tuple(panes), manager.current_pane, filters)


# ------------------------------------------------------------ restoring


def _restore_theme(app: CrossreadApp) -> None:
    config = load_config()
    name = config.text("theme")
    if name is not None and name in app.available_themes:
        app.theme = name
    elif name is not None:
        app.notify(
            f"The config file names an unknown theme {name!r}; using {app.theme}.",
            severity="warning",
            markup=False,
        )
    chosen = {"name": app.theme}

    def theme_changed(theme: Theme) -> None:
        if theme.name == chosen["name"]:
            return
        chosen["name"] = theme.name
        problem = save_value("theme", theme.name)
        if problem:
            app.notify(f"The theme is not remembered: {problem}", severity="warning", markup=False)

    app.theme_changed_signal.subscribe(app, theme_changed)


def _restore_filters(app: CrossreadApp, saved: ReaderState) -> None:
    annotations = app.reader.query_one(AnnotationList)
    kind = saved.filters.get("kind")
    if kind in KIND_FILTERS:
        annotations.kind = str(kind)
    annotations.whole_corpus = saved.filters.get("whole_corpus") is True
    author = saved.filters.get("author")
    if isinstance(author, str) and author in app.corpus.authors():
        annotations.author = author
    annotations.refill()


def _restore_panes(app: CrossreadApp, saved: ReaderState, tries: int = 20) -> None:
    """Each pane back at its text offsets once it has a size (a pane not laid
    out yet is tried again after the next refresh, a few times at most)."""
    panes = app.reader.panes
    waiting = []
    for pane, was in zip(panes, saved.panes, strict=False):
        if pane.article.id != was.article:
            continue
        view = pane.view
        if pane.display and (not view.size.height or not view.lines):
            waiting.append(was)
            continue
        if was.jump_filter in JUMP_FILTERS:
            view.jump_filter = was.jump_filter
        length = len(view.article.text)
        view.cursor = min(was.cursor, length)
        if view.size.height:
            view.scroll_to(y=view.line_of(min(was.top, length)), animate=False, immediate=True, force=True)
        # A pane hidden for want of width shows its caret when it appears.
    if waiting and tries:
        later = ReaderState(
            tuple(w if w in waiting else PaneState("") for w in saved.panes), saved.focused, saved.filters
        )
        app.call_after_refresh(_restore_panes, app, later, tries - 1)
