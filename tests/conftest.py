from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT_DAY = date(2026, 3, 5)  # a Thursday


def relations(
    reason: str, *reports: tuple[str, str] | tuple[str, str, date], day: date = REPORT_DAY
) -> list[str]:
    """The relations the analysis proposes, for one reason, between short reports:
    `(text, language)` published on `day`, or `(text, language, published)`."""
    from tui.core.analysis import Document, suggest

    docs = [Document(f"d{i}", r[0], r[2] if len(r) == 3 else day, r[1]) for i, r in enumerate(reports)]
    return [s.relation for s in suggest(docs) if s.reason == reason]


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("CROSSREAD_AUTHOR", "tester")
    return home


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus (seeds and curated annotations)."""
    import shutil

    root = tmp_path / "case"
    root.mkdir()
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "annotations", root / "annotations")
    return root


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write a corpus folder from {relative path: text or bytes}."""

    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "corpus"
        (root / "articles").mkdir(parents=True, exist_ok=True)
        (root / "annotations").mkdir(exist_ok=True)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


PUBLISHER_TOML = """[publisher]
name = "Example Fact Check"
url = "https://factcheck.example.org"
review_url = "https://factcheck.example.org/reviews/{id}"
"""


def with_publisher(root: Path) -> Path:
    """A corpus that may export ClaimReview: its crossread.toml names a publisher."""
    (root / "crossread.toml").write_text(PUBLISHER_TOML, encoding="utf-8")
    return root
