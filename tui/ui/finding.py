"""Finding an article to read: the picker (`o`, `O`) and the articles list (`t`).

Both are made ahead, where that takes work off the key that shows them: one
picker serves every `o`, and the list is made hidden once loading is over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.ui.panes import CORPUS_AUTO
from tui.ui.widgets.article_list import CorpusList
from tui.ui.widgets.picker import ArticlePicker

if TYPE_CHECKING:
    from textual.widget import AwaitMount, Widget

    from tui.ui.reader import ReaderScreen

LOADING_RETRY = 1.0  # seconds: the list is made once the annotations have loaded


class ArticleFinder:
    """Composed by the reader's screen; its actions `o`, `O` and `t` call here."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self._picker: ArticlePicker | None = None  # one, kept: a query of the DOM per key cost 1 ms
        self._mounting: AwaitMount | None = None

    def _make_picker(self) -> ArticlePicker:
        """The one picker, hidden on the reader's picker layer (ArticlePicker)."""
        picker = self._picker = ArticlePicker(self.screen.corpus, self._chosen, id="picker")
        picker.display = False
        return picker

    def _mount_picker(self, picker: ArticlePicker) -> AwaitMount:
        """The screen's first child, though it shows on top (its layer): Textual
        numbers the painting order from the last child back, so a box shown
        last renumbered every widget, and the whole screen was drawn again."""
        return self.screen.mount(picker, before=0)

    def _chosen(self, article_id: str, new_pane: bool) -> None:
        self.screen.pane_manager.open_and_focus(article_id, new_pane)

    async def open_picker(self, new_pane: bool = False) -> None:
        picker = self._picker
        if picker is None:
            picker = self._make_picker()
            self._mounting = self._mount_picker(picker)
        if not picker.is_mounted and self._mounting is not None:
            await self._mounting  # `o` before it was made: the key waits, and the keys behind it
        picker.open(new_pane)

    def clicked(self, widget: Widget | None) -> None:
        """A click beside the open picker abandons the pick, as one on a
        widget that takes the focus does (ArticlePicker._left)."""
        picker = self._picker
        if picker is not None and picker.is_open:
            if widget is None or (widget is not picker and picker not in widget.ancestors):
                picker.close()

    def picker_open(self) -> bool:
        return self._picker is not None and self._picker.is_open

    def prebuild(self) -> None:
        """Make the articles list and the picker, hidden, once loading is over:
        the first `t` or `o` then only shows them (the list made on that key
        over a 2,000-article archive took 100 ms, and its rows kept coming for
        half a second)."""
        screen = self.screen
        if not screen.is_attached or not screen.query("#body"):
            return  # closing
        if screen.host.loading:
            screen.set_timer(LOADING_RETRY, self.prebuild)  # the screen's: it stops with it
        else:
            if not screen.query(CorpusList):
                corpus = self._mount_list()
                # Styled now for where it will show: a class set on the key restyles it.
                corpus.set_class(screen.app.size.width < CORPUS_AUTO, "in-side-room")
            if self._picker is None:
                self._mounting = self._mount_picker(self._make_picker())

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
