"""The annotation cache gives back exactly what was put in, field by field."""

import marshal
from pathlib import Path

import pytest

from tui.core.files import cache
from tui.core.model.annotations import Anchor, Annotation, Match, Resolution
from tui.core.model.diagnostics import Diagnostic, Level


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CROSSREAD_NO_CACHE", raising=False)


def _samples(path: Path) -> list[Annotation]:
    plain = Annotation(
        "art",
        "c1",
        "claim",
        Anchor("über 10.000 Soldaten"),
        path,
        4,
        5,
        resolution=Resolution(10, 30, Match.EXACT),
    )
    rich = Annotation(
        "art",
        "c2",
        "claim",
        Anchor("Kim", "sagte, ", " habe", 2, 17),
        path,
        9,
        3,
        source="s1",
        topic="troops",
        tags=("a", "b"),
        author="ann",
        resolution=Resolution(40, 43, Match.FUZZY, 0.91, True),
    )
    rich.value, rich.unit, rich.as_of = (10000.0, 12000.0), "soldiers", "2024-10"
    note = Annotation(
        "art",
        "n1",
        "note",
        None,
        path,
        12,
        3,
        text="a remark",
        target="c1",
        resolution=Resolution(10, 30, Match.EXACT),
    )
    orphan = Annotation("art", "c3", "claim", Anchor("gone"), path, 15, 3)
    return [plain, rich, note, orphan]


def test_annotations_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "art.yaml"
    items = _samples(path)
    problems = [Diagnostic(path, 15, 3, Level.WARNING, "orphan: 'c3'", "copy it again")]
    cache.save_annotations("k1", items, {"title": "T"}, problems)
    loaded = cache.load_annotations("k1", path, "art")
    assert loaded is not None
    annotations, meta, diagnostics = loaded
    assert annotations == items
    assert meta == {"title": "T"} and diagnostics == problems


def _entry(key: str) -> Path:
    return cache.cache_dir() / "annotations" / f"{key}.marshal"


def test_entry_from_another_model_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "art.yaml"
    cache.save_annotations("k2", _samples(path), {}, [])
    data = marshal.loads(_entry("k2").read_bytes())
    data["extra"]["gone"] = [(0, "x")]
    _entry("k2").write_bytes(marshal.dumps(data))
    assert cache.load_annotations("k2", path, "art") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"\x00" + raw,  # not marshal
        lambda raw: marshal.dumps({"ids": ["a"], "quotes": []}),  # columns of unequal length
        lambda raw: marshal.dumps([1, 2]),  # not a mapping
    ],
)
def test_a_broken_entry_is_ignored(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "art.yaml"
    cache.save_annotations("k3", _samples(path), {}, [])
    _entry("k3").write_bytes(damage(_entry("k3").read_bytes()))
    assert cache.load_annotations("k3", path, "art") is None


def test_annotations_without_quotes_and_context_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "art.yaml"
    items = [a for a in _samples(path) if a.anchor is None or not a.anchor.prefix]
    cache.save_annotations("k4", items, {}, [])
    loaded = cache.load_annotations("k4", path, "art")
    assert loaded is not None and loaded[0] == items
    assert all(a.path is path for a in loaded[0])  # one Path object per file, as the loader expects


def test_cache_writes_leave_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "art.yaml"
    for n in range(3):
        cache.save_annotations(f"k{n}", _samples(path), {}, [])
    names = [p.name for p in (cache.cache_dir() / "annotations").iterdir()]
    assert sorted(names) == ["k0.marshal", "k1.marshal", "k2.marshal"]


def test_cache_writes_are_not_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache is not user data: no fsync, which costs a disk flush per entry."""

    def refuse(fd: int) -> None:
        raise AssertionError("fsync on a cache write")

    monkeypatch.setattr("os.fsync", refuse)
    path = tmp_path / "art.yaml"
    cache.save_annotations("k9", _samples(path), {}, [])
    assert cache.load_annotations("k9", path, "art") is not None
