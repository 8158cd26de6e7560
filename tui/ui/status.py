"""What the reader says about its data: the legend line and the problems panel.

Both are drawn so that the screen is not laid out again when they change: the
legend is one line whatever it says (jump filter, load progress, verdicts,
suggestions, then the highlight samples), and the problems a background load
finds are announced rather than shown in a panel that would push the text up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.problems import ProblemsText

if TYPE_CHECKING:
    from tui.ui.reader import ReaderScreen

LEGEND = (
    ("claim", "claim"),
    ("source", "source"),
    ("contradiction", "contradiction"),
    ("note", "note"),
    ("orphan", "fuzzy/orphan"),
    ("selection", "selected"),
    ("suggestion", "suggested"),
)
LOAD_BAR = 12  # cells of the loading bar in the legend


class ReaderStatus:
    """The legend line and the problems panel of one reader screen."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.progress: tuple[str, int, int] = ("annotations", 0, 1)

    @staticmethod
    def problems_panel() -> ProblemsText:
        """The panel, made (not mounted) here: compose yields it when a corpus
        opens with problems; otherwise `show_problems` mounts it when needed."""
        return ProblemsText(id="issues")

    def update_legend(self) -> None:
        """What changes first (jump filter, progress, mark, suggestions), then the
        samples of each highlight, which a narrow terminal may cut off."""
        screen = self.screen
        view = screen.current_view
        legend = Text(no_wrap=True, overflow="ellipsis")
        legend.append(f" ] [ jump to: {view.jump_filter if view else 'all'}", "bold")
        legend.append_text(self._loading_text() if screen.host.loading else screen.review.progress_text())
        legend.append_text(screen.suggestions.legend())
        legend.append("  Legend: ", "dim")
        views = list(screen.query(ArticleView))
        for name, label in LEGEND:
            legend.append(label, views[0].painter.style(name) if views else "")
            legend.append(" ")
        screen.query_one("#legend", Static).update(legend, layout=False)  # always one line

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Progress of a background load, drawn in the legend line: a bar widget
        of its own made the screen lay out again when it went (80 ms at 5 MB)."""
        self.progress = (stage, done, max(1, total))
        self.update_legend()

    def _loading_text(self) -> Text:
        stage, done, total = self.progress
        share = min(1.0, done / total)
        filled = round(share * LOAD_BAR)
        return Text.assemble(
            (f" loading annotations: {stage} {share:4.0%} ", "bold"),
            ("█" * filled, "bold"),
            ("░" * (LOAD_BAR - filled), "dim"),
        )

    def show_problems(self, always: bool = False) -> None:
        """The problems panel with the corpus's problems: shown when there are
        some, or always (on `!`, where "none" is an answer too)."""
        from tui.ui.screens.modals import diagnostics_text

        screen = self.screen
        problems = screen.corpus.diagnostics
        found = screen.query("#issues").results(ProblemsText)
        panel = next(found, None)
        if panel is None and not problems and not always:
            return
        if panel is None:
            panel = self._mount_problems()
        errors = sum(1 for d in problems if d.is_error)
        panel.border_title = (
            f"Problems: {errors} errors, {len(problems) - errors} warnings · ! to hide"
            if problems
            else "Problems: none · ! to hide"
        )
        panel.update(diagnostics_text(problems, screen.host.root) if problems else Text())
        panel.display = always or bool(problems)

    def _mount_problems(self) -> ProblemsText:
        panel = self.problems_panel()
        self.screen.mount(panel, before=self.screen.query_one("#legend"))
        return panel

    def toggle_problems(self) -> None:
        found = self.screen.query("#issues")
        if found and found.first().display:
            found.first().display = False
        else:
            self.show_problems(always=True)

    def after_load(self) -> None:
        """Problems a background load found: into the panel if it is on screen,
        else announced (the layout stays as it is; `!` shows them)."""
        screen = self.screen
        found = screen.query("#issues")
        if found and found.first().display:
            self.show_problems()
        elif screen.corpus.diagnostics:
            count = len(screen.corpus.diagnostics)
            screen.app.notify(
                f"The annotations have {count} problem{'s' if count != 1 else ''}: press ! "
                "to see them, or run `crossread check`.",
                title="Problems",
                severity="warning",
            )
        self.update_legend()
