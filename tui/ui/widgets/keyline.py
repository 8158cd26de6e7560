"""One line of keys for the focused widget, drawn as text.

Textual's Footer builds a widget per key and rebuilds them on every focus
change (11 rebuilds and 84 restyles before the first frame of the reader);
this draws the same information as one `Text`, redrawn only when the line
changes. Mouse users have the command palette (ctrl+p) instead of clicks.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static


class KeyLine(Static):
    """Component classes: `keyline--key` (the key) and `keyline--description`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keyline--key", "keyline--description"}
    DEFAULT_CSS = """
    KeyLine {
        height: 1;
        dock: bottom;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    KeyLine > .keyline--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyLine > .keyline--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    _shown: tuple[tuple[str, str, bool], ...] = ()  # (key, description, enabled) drawn now

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, *_: object) -> None:
        # After the frame of the key that changed them: a line across the whole
        # bottom row, drawn in that frame, made Textual draw every row above too.
        self.call_after_refresh(self._draw_keys)

    def _draw_keys(self) -> None:
        seen: set[str] = set()
        shown: list[tuple[str, str, bool]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((self.app.get_key_display(binding), binding.description, enabled))
        if tuple(shown) == self._shown:
            return
        self._shown = tuple(shown)
        key_style = self.get_component_rich_style("keyline--key", partial=True)
        text_style = self.get_component_rich_style("keyline--description", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, description, enabled in shown:
            part = Text.assemble((f" {key} ", key_style), (f"{description} ", text_style))
            if not enabled:
                part.stylize("dim")
            line.append_text(part)
        line.append_text(Text.assemble((" ^p ", key_style), ("palette", text_style)))
        self.update(line, layout=False)  # one line, always: no need to lay the screen out
