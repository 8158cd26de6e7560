"""The links file is served from the cache while its bytes are unchanged, and
never when they changed or the entry is broken: then it is parsed again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.files import cache, schema
from tui.core.model.corpus import load_corpus

LINKS = "annotations/contradictions.yaml"


def _entries() -> list[Path]:
    folder = cache.cache_dir() / "links"
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


def _no_parse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the links file was parsed, not served from the cache")


def _shape(corpus) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [
        (link.id, link.relation, link.summary, link.members, link.path, link.line, link.member_marks)
        for link in corpus.links
    ]


def test_unchanged_links_come_from_the_cache(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_corpus(corpus_dir)
    assert fresh.links and len(_entries()) == 1
    monkeypatch.setattr(schema, "parse_links_file", _no_parse)
    cached = load_corpus(corpus_dir)
    assert _shape(cached) == _shape(fresh)
    assert [d.format() for d in cached.diagnostics] == [d.format() for d in fresh.diagnostics]


def test_changed_links_file_is_read_again(corpus_dir: Path) -> None:
    load_corpus(corpus_dir)
    path = corpus_dir / LINKS
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: october-1500-vs-3000", "id: october-renamed"), encoding="utf-8")
    ids = [link.id for link in load_corpus(corpus_dir).links]
    assert "october-renamed" in ids and "october-1500-vs-3000" not in ids
    assert len(_entries()) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00garbage", b"\xe9" * 7, None],  # None: a valid entry cut in half
)
def test_a_broken_entry_is_ignored(corpus_dir: Path, damage: bytes | None) -> None:
    fresh = load_corpus(corpus_dir)
    (entry,) = _entries()
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2] if damage is None else damage)
    assert _shape(load_corpus(corpus_dir)) == _shape(fresh)
    assert entry.read_bytes() == whole  # parsed again, and the entry written anew


def test_an_entry_of_another_shape_is_ignored(corpus_dir: Path) -> None:
    import marshal

    fresh = load_corpus(corpus_dir)
    (entry,) = _entries()
    names, rows = marshal.loads(entry.read_bytes())
    entry.write_bytes(marshal.dumps((names[:-1], [row[:-1] for row in rows])))
    assert _shape(load_corpus(corpus_dir)) == _shape(fresh)


def test_a_file_with_problems_is_not_cached_and_reports_each_time(corpus_dir: Path) -> None:
    path = corpus_dir / LINKS
    path.write_text(path.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    for _ in range(2):
        corpus = load_corpus(corpus_dir)
        assert any("unknown key 'colour'" in d.message for d in corpus.diagnostics)
        assert corpus.links
    assert _entries() == []


def test_no_cache_parses_and_writes_nothing(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSREAD_NO_CACHE", "1")
    assert load_corpus(corpus_dir).links
    assert _entries() == []


def test_a_cached_start_does_not_import_yaml(corpus_dir: Path, tmp_path: Path) -> None:
    """Importing yaml was 12-24 ms of the first frame; only a parse or a write needs it."""
    code = (
        "import sys; from pathlib import Path; from tui.ui import app; "
        "from tui.core.model.corpus import load_corpus; "
        "load_corpus(Path(sys.argv[1])); print('yaml' in sys.modules)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "own-cache"))
    env.pop("CROSSREAD_NO_CACHE", None)
    root = Path(__file__).resolve().parent.parent
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(corpus_dir)],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
