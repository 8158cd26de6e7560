"""The floor: a bare Textual app that paints one Static and exits."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Floor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Nordkorea verstärkt militärische Unterstützung für Russland")

    def on_ready(self) -> None:
        self.exit()


if __name__ == "__main__":
    from peak import report_peak_memory

    Floor().run(headless=True)
    report_peak_memory()
