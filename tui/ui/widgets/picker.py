"""The article picker (`o`, `O`): a box over the reader, not a screen.

Pushed as a modal screen, it cost a frame of the whole terminal on every `o`:
Textual draws every line of the reader below a screen that is pushed, dimmed
or not (some 30 ms of 50 over a 2,000-article archive). Shown as a widget on
its own layer, only the box's room is drawn. It holds the keys as a modal
screen would: `is_modal` ends the binding chain at the box, so the reader's
keys do not run behind it; losing the focus to a click elsewhere closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.core.files.article import Article
from tui.core.model.corpus import Corpus
from tui.core.views.picking import finds
from tui.ui.messages import CorpusChanged
from tui.ui.widgets.pick_list import PickList
from tui.ui.widgets.row_list import RowList

PICKER_ROWS = 60  # more is never read (a screen shows ~40); a team's archive has thousands

LIST_KEYS = frozenset(
    key
    for binding in (*RowList.BINDINGS, *PickList.BINDINGS)
    if isinstance(binding, Binding)
    for key in binding.key.split(",")
)
"""Keys the list moves or opens by; other letters typed on it go on with the query."""

Chosen = Callable[[str, bool], None]
"""Called with the article chosen and whether it opens in a new pane."""


class ArticlePicker(Vertical):
    """Fuzzy-find an article by title, outlet or id.

    One instance serves every `o`, made hidden once loading is over; it readies
    itself for the next pick once closed, while nobody waits. A press then
    costs no compose, no styling of new widgets and no refill."""

    DEFAULT_CSS = """
    ArticlePicker {
        layer: picker;
        width: 80%;
        max-width: 110;
        height: auto;
        max-height: 85%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ArticlePicker #picker-title { margin-bottom: 1; }
    ArticlePicker #picker-list { height: auto; max-height: 24; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="picker.close"),
        Binding("tab,shift+tab", "switch", "Between the filter and the list", id="picker.switch", show=False),
    ]

    def __init__(self, corpus: Corpus, chosen: Chosen, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.chosen = chosen
        self.new_pane = False
        self._return_to: Widget | None = None
        self._haystacks: list[tuple[str, str, Article]] = []
        self._lowered: list[str] = []
        self._index()
        self.add_class("data-view")  # told of every change (ReaderScreen.publish)
        self._changed = False

    @property
    def is_modal(self) -> bool:
        """Keys not taken here or in the box do nothing: the reader is behind."""
        return True

    @property
    def is_open(self) -> bool:
        return self.display

    def _index(self) -> None:
        """What typing searches, built again when the articles changed."""
        self._haystacks = [
            (f"{article.title} {article.meta.outlet} {aid}", aid, article)
            for aid, article in self.corpus.articles.items()
        ]
        self._lowered = [hay.lower() for hay, _, _ in self._haystacks]

    def _stale(self) -> bool:
        articles = self.corpus.articles.values()
        return len(articles) != len(self._haystacks) or any(
            article is not kept for article, (_, _, kept) in zip(articles, self._haystacks, strict=False)
        )

    def _title(self) -> Text:
        return Text("Open article in a new pane" if self.new_pane else "Open article", style="bold")

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="picker-title")
        yield Input(
            placeholder="Type to filter by title, outlet or id", id="picker-input", select_on_focus=False
        )
        yield PickList(id="picker-list")

    def on_mount(self) -> None:
        # Textual mounts nothing into a widget being removed: made as the app
        # closed, the picker has no list to fill.
        if self.query(PickList):
            self._fill("")

    # ------------------------------------------------------------ open and close

    def open(self, new_pane: bool) -> None:
        """Shown over the reader, the query empty, the title saying where the
        article opens. The focus moves now, not after queued events: keys typed
        right after `o` must land in the box."""
        if self.new_pane != new_pane:
            self.new_pane = new_pane
            self.query_one("#picker-title", Static).update(self._title())
        if self._changed:  # articles came or went while it was closed
            self._reset()
        focused = self.screen.focused
        self._return_to = focused if focused is not None and self not in focused.ancestors else None
        self.display = True
        self.screen.set_focus(self.query_one("#picker-input", Input))

    def close(self, article_id: str | None = None) -> None:
        """Hidden, the focus back where it was; then readied for the next `o`."""
        if not self.display:
            return
        back = self._return_to
        self._return_to = None
        if back is not None and back.is_attached and back.display:
            self.screen.set_focus(back)
        elif self.has_focus_within:
            self.screen.set_focus(None)
        self.display = False
        self.call_later(self._reset)
        if article_id:
            self.chosen(article_id, self.new_pane)

    def action_close(self) -> None:
        self.close()

    def action_switch(self) -> None:
        """The filter or the list (where j and k move): the reader's tab is held."""
        search = self.query_one("#picker-input", Input)
        target = self.query_one("#picker-list", PickList) if search.has_focus else search
        self.screen.set_focus(target)

    @on(events.DescendantBlur)
    def _blurred(self) -> None:
        # A click elsewhere took the focus: the pick is abandoned.
        self.call_after_refresh(self._left)

    def _left(self) -> None:
        if self.display and not self.has_focus_within:
            self._return_to = None
            self.close()

    @on(CorpusChanged)
    def _data_changed(self, event: CorpusChanged) -> None:
        """Articles come and go only with a (re)load (`changes` None): if the
        picker is open its rows follow now, else at its next opening."""
        if event.changes is not None:
            return  # notes, verdicts, links: no title or outlet changed
        if not self.display:
            self._changed = True  # looked at on the next opening (open)
        elif self._stale():
            self._index()
            self._fill(self.query_one("#picker-input", Input).value)

    def _reset(self) -> None:
        """Empty query, every article listed, the first highlighted."""
        if self.display:
            return  # opened again meanwhile: what is typed now stays
        if self._changed:
            self._changed = False
            if self._stale():
                self._index()
        search = self.query_one("#picker-input", Input)
        with search.prevent(Input.Changed):
            search.value = ""
        self._fill("")

    # ------------------------------------------------------------ typing and choosing

    def _fill(self, query: str) -> None:
        options = self.query_one("#picker-list", PickList)
        found = finds(query, self._lowered)
        scored = [self._haystacks[index] for index in found]
        options.set_rows(
            [
                (
                    aid,
                    article.title,
                    " · ".join(x for x in (article.meta.outlet, article.meta.published, aid) if x),
                )
                for _, aid, article in scored[:PICKER_ROWS]
            ]
        )
        if len(scored) > PICKER_ROWS:
            options.border_subtitle = f"best {PICKER_ROWS} of {len(scored)}: type to narrow"
        else:
            options.border_subtitle = ""

    @on(Input.Changed, "#picker-input")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#picker-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(self.query_one("#picker-list", PickList).highlighted_id)

    @on(PickList.Picked, "#picker-list")
    def _picked(self, event: PickList.Picked) -> None:
        event.stop()
        self.close(event.article_id)

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#picker-input", Input)
        listing = self.query_one("#picker-list", PickList)
        if listing.has_focus and event.is_printable and event.character:
            if event.key not in LIST_KEYS:
                # A letter typed on the list (j, k, g, G move it) goes on with the query.
                self.screen.set_focus(search)
                search.insert_text_at_cursor(event.character)
                event.stop()
        elif event.key in ("down", "up") and search.has_focus:
            listing.action_move(1 if event.key == "down" else -1)
            event.stop()
