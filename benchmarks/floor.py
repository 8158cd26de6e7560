"""The floor: a bare Textual app that paints one Static and exits."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Floor(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Nordkorea verstärkt militärische Unterstützung für Russland")

    def on_ready(self) -> None:
        self.exit()


def report_peak_memory() -> None:
    import os
    from pathlib import Path

    target = os.environ.get("CROSSREAD_BENCH_RSS_FILE")
    if target:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                Path(target).write_text(line.split()[1], encoding="utf-8")


if __name__ == "__main__":
    Floor().run(headless=True)
    report_peak_memory()
