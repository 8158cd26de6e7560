"""Where the reader was, per corpus: open panes, their positions, the focused
pane and the list filters, in the user's state folder.

This is not user data: a missing, broken or foreign file is ignored without
a word and the reader starts fresh. Positions are text offsets, not line
numbers, so they survive a different terminal width.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tui.core.files.atomic import atomic_write
from tui.core.files.safeio import UnsafeFile, read_capped
from tui.core.files.store import corpus_key

STATE_LIMIT = 64 * 1024
VERSION = 1
MAX_PANES = 8
"""More than the reader opens, fewer than a hostile file could ask for."""


@dataclass(frozen=True, slots=True)
class PaneState:
    article: str
    top: int = 0
    """Text offset of the first visible line."""
    cursor: int = 0
    jump_filter: str = "all"


@dataclass(frozen=True, slots=True)
class ReaderState:
    panes: tuple[PaneState, ...] = ()
    focused: int = 0
    filters: dict[str, object] = field(default_factory=dict)
    """The annotations list: kind, whole_corpus, author."""


def state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("crossread", appauthor=False))


def state_path(root: Path) -> Path:
    return state_dir() / "corpora" / f"{corpus_key(root)}.json"


def load_state(path: Path) -> ReaderState:
    """The saved state, or an empty one for anything unreadable."""
    try:
        data = json.loads(read_capped(path, STATE_LIMIT).decode("utf-8"))
    except (OSError, UnsafeFile, UnicodeDecodeError, ValueError, RecursionError):
        return ReaderState()
    return from_json(data)


def from_json(data: object) -> ReaderState:
    """Take what is well-formed, drop the rest: fields of the wrong type
    fall back to their defaults one by one."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return ReaderState()
    panes = []
    raw_panes = data.get("panes")
    for raw in raw_panes[:MAX_PANES] if isinstance(raw_panes, list) else ():
        if not isinstance(raw, dict) or not isinstance(raw.get("article"), str):
            continue
        panes.append(
            PaneState(
                raw["article"],
                _count(raw.get("top")),
                _count(raw.get("cursor")),
                _word(raw.get("jump_filter"), "all"),
            )
        )
    filters = data.get("filters")
    clean: dict[str, object] = {}
    if isinstance(filters, dict):
        clean = {
            k: v
            for k, v in filters.items()
            if isinstance(k, str) and isinstance(v, (str, bool)) and len(str(v)) <= 200
        }
    focused = _count(data.get("focused"))
    return ReaderState(tuple(panes), focused if focused < max(1, len(panes)) else 0, clean)


def to_json(state: ReaderState) -> dict[str, object]:
    data = asdict(state)
    data["version"] = VERSION
    data["panes"] = [asdict(p) for p in state.panes]
    return data


def save_state(path: Path, state: ReaderState) -> bool:
    """Write atomically; False when it could not be written (never raises)."""
    text = json.dumps(to_json(state), ensure_ascii=False, indent=1) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))
    except OSError:
        return False
    return True


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _word(value: object, default: str) -> str:
    return value if isinstance(value, str) and value.isidentifier() else default
