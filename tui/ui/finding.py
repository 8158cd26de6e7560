"""Finding an article to read: the picker (`o`, `O`) and the articles list (`t`).

Both are made ahead, where that takes work off the key that shows them: one
picker serves every `o`, and the list is made hidden once loading is over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ui.panes import CORPUS_AUTO
from tui.ui.widgets.article_list import CorpusList

if TYPE_CHECKING:
    from tui.ui.reader import ReaderScreen
    from tui.ui.screens.modals import PickerScreen

LOADING_RETRY = 1.0  # seconds: the list is made once the annotations have loaded


class ArticleFinder:
    """Composed by the reader's screen; its actions `o`, `O` and `t` call here."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self._picker: PickerScreen | None = None  # one, reused: see PickerScreen

    def open_picker(self, new_pane: bool = False) -> None:
        from tui.ui.screens.modals import PickerScreen

        screen = self.screen

        def chosen(article_id: str | None) -> None:
            if article_id:
                screen.pane_manager.open_and_focus(article_id, new_pane)

        if self._picker is None:
            self._picker = PickerScreen(screen.corpus, new_pane)
            screen.app.install_screen(self._picker, "picker")
        else:
            self._picker.reopen(new_pane)
        screen.app.push_screen(self._picker, chosen)

    def prebuild(self) -> None:
        """Make the articles list, hidden, once loading is over: the first `t`
        then only shows it (made on that key over a 2,000-article archive, it
        took 100 ms, and its rows kept coming for half a second)."""
        screen = self.screen
        if not screen.is_attached or not screen.query("#body"):
            return  # closing
        if screen.host.loading:
            screen.set_timer(LOADING_RETRY, self.prebuild)  # the screen's: it stops with it
        elif not screen.query(CorpusList):
            corpus = self._mount_list()
            # Styled now for where it will show: a class set on the key restyles it.
            corpus.set_class(screen.app.size.width < CORPUS_AUTO, "in-side-room")

    def _mount_list(self) -> CorpusList:
        corpus = CorpusList(self.screen.corpus, id="corpus")
        corpus.display = False
        # Last, docked left as a column (app.tcss): shown or hidden where the
        # side panels were, it leaves the widgets before it their painting
        # order, so only its room is drawn again, not the whole screen.
        self.screen.query_one("#body").mount(corpus)
        return corpus

    def toggle_list(self) -> None:
        screen = self.screen
        found = screen.query(CorpusList)
        corpus = found.first() if found else self._mount_list()
        had_focus = corpus.has_focus
        screen.pane_manager.show_corpus(corpus, not corpus.display)
        if corpus.display:
            screen.focus_now(corpus)
        elif had_focus and screen.pane_manager.panes:  # back to the pane it came from
            screen.pane_manager.focus_pane(screen.pane_manager.current_pane)
