"""The floors: what Textual costs before crossread does anything.

    python benchmarks/floor.py              # a bare app that paints one Static and exits
    python benchmarks/floor.py structure    # crossread's widget tree with dummy text

The structure floor composes the reader's layout (two article panes with a header,
text and status line, the inspector and the annotations list, the legend and one
line of keys) from plain Textual widgets, styled by crossread's own app.tcss, with
dummy text and no crossread import: what Textual charges for that layout alone.
"""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static

APP_CSS = Path(__file__).resolve().parent.parent / "tui" / "ui" / "app.tcss"
WORDS = "Nordkorea verstärkt militärische Unterstützung für Russland laut Geheimdienst".split()


def dummy_text(paragraphs: int = 30, seed: int = 1) -> str:
    out = []
    for p in range(paragraphs):
        words = [WORDS[(p * 7 + i * (seed + 3)) % len(WORDS)] for i in range(40 + p % 17)]
        out.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(out)


class Floor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Nordkorea verstärkt militärische Unterstützung für Russland")

    def on_ready(self) -> None:
        self.exit()


class StructureFloor(App[None]):
    CSS_PATH = str(APP_CSS)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Horizontal(id="panes"):
                for number in range(2):
                    with Vertical(classes="pane"):
                        yield Static(
                            f"Bericht {number}\nBlatt · 2025-01-0{number + 1}\n"
                            "12 claims · 4 src · 3 contra · 2 notes",
                            classes="pane-header",
                        )
                        with VerticalScroll():
                            yield Static(dummy_text(seed=number))
                        yield Static("", classes="pane-status")
            with Vertical(id="side"):
                with VerticalScroll(id="inspector"):
                    yield Static("Move the caret onto a highlight, or press ] for the next annotation.")
                yield OptionList(
                    *(f"C  {' '.join(WORDS[i % 5 : i % 5 + 4])}" for i in range(30)), id="annotations"
                )
        yield Static(" Legend: claim  source  contradiction  note  fuzzy/orphan  selected", id="legend")
        yield Static(" q Quit  ? Help  o Open  C Contradictions  ] Next annotation  [ Previous", id="keys")

    def on_mount(self) -> None:
        self.query_one("#inspector").border_title = "Inspector"
        self.query_one("#keys").styles.dock = "bottom"

    def on_ready(self) -> None:
        self.exit()


if __name__ == "__main__":
    from peak import report_peak_memory

    (StructureFloor() if sys.argv[1:] == ["structure"] else Floor()).run(headless=True)
    report_peak_memory()
