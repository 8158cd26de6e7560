"""Notes under real faults: two writers, broken or linked files, files deleted underneath.

Every case uses real files, and the concurrency test real processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from tui.core.files import store as store_module
from tui.core.files.records import parse_notes
from tui.core.files.store import RecordStore
from tui.core.model.corpus import load_corpus
from tui.core.review.session import Session

A0 = "000_f0337515d6951f32"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setattr(store_module, "user_data_dir", lambda: data)
    return data


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.core.files.store import RecordStore
    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = RecordStore(path, "alice")
    store.load()
    for i in range(count):
        rid = f"{name}-{i}"
        store.put({"id": rid, "kind": "note", "article": "a", "on": "a#c", "text": rid})
        if store.save().ok:
            print(rid, flush=True)  # acknowledged: the user was told it is saved
""")


def run_writers(path: Path, count: int, pythonpath: Path = ROOT) -> tuple[set[str], set[str]]:
    """Two processes saving notes for one author at once; (acknowledged, on disk)."""
    env = dict(os.environ, PYTHONPATH=str(pythonpath))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(count)],
            cwd=pythonpath,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    acked: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0
        acked.update(out.split())
    notes, problems = parse_notes(path.read_bytes(), path)
    assert not problems
    return acked, set(notes.records)


def test_two_writers_lose_no_acknowledged_note(tmp_path: Path) -> None:
    path = tmp_path / "notes" / "alice.yaml"
    path.parent.mkdir()
    acked, on_disk = run_writers(path, 300)
    assert len(acked) == 600
    assert acked - on_disk == set()


def test_unreadable_notes_file_is_never_written_over(corpus_dir: Path) -> None:
    path = corpus_dir / "annotations" / "notes" / "alice.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    earlier = Session(load_corpus(corpus_dir), "alice")
    earlier.add_note("an earlier note", A0, on="troops-10k")
    good = path.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    conflicted = "".join(lines[:3] + ["<<<<<<< HEAD\n", "=======\n", ">>>>>>> theirs\n"] + lines[3:])
    path.write_text(conflicted, encoding="utf-8")

    s = Session(load_corpus(corpus_dir), "alice")
    [problem] = [p for p in s.load_problems if p.is_error]
    assert (problem.line, problem.column) == (4, 1)
    assert "git conflict" in problem.message and "resolve the git conflict" in problem.hint
    assert s.store.blocked.startswith(f"{path}:4:1")

    result = s.add_note("typed while the file was broken", A0, on="hur-10k").save
    assert result is not None and not result.ok and "not writing over it" in result.error
    assert path.read_text(encoding="utf-8") == conflicted  # untouched
    assert result.recovery is not None
    assert "typed while the file was broken" in result.recovery.read_text(encoding="utf-8")

    path.write_text(good, encoding="utf-8")  # the user resolves the conflict
    assert s.add_note("after the fix", A0, on="troops-10k").ok
    texts = sorted(a.text for a in load_corpus(corpus_dir).annotations[A0] if a.author == "alice")
    assert texts == ["after the fix", "an earlier note", "typed while the file was broken"]


@pytest.mark.parametrize(
    "broken",
    [
        "version: 1\nrecords:\n\t- id: x\n",  # tab-indented line
        "version: 1\nrecords:\n  - 5\n",  # one bad record
        "version: 1\nrecords: [\n",  # cut off
    ],
)
def test_broken_notes_file_at_start_keeps_its_bytes(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "alice.yaml"
    path.write_text(broken, encoding="utf-8")
    store = RecordStore(path, "alice")
    problems = store.load()
    assert any(p.is_error and p.line >= 2 for p in problems)
    store.put({"id": "n1", "kind": "note", "text": "new"})
    result = store.save()
    assert not result.ok and path.read_text(encoding="utf-8") == broken
    assert result.recovery is not None and "new" in result.recovery.read_text(encoding="utf-8")


def test_notes_file_linked_outside_its_folder_is_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "elsewhere" / "bashrc"
    victim.parent.mkdir()
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    path = tmp_path / "notes" / "alice.yaml"
    path.parent.mkdir()
    path.symlink_to(victim)
    store = RecordStore(path, "alice")
    [problem] = store.load()
    assert "outside the notes folder" in problem.message and problem.is_error
    store.put({"id": "n1", "kind": "note", "text": "mine"})
    result = store.save()
    assert not result.ok and "outside the notes folder" in result.error
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert path.is_symlink()
    assert result.recovery is not None and "mine" in result.recovery.read_text(encoding="utf-8")


def test_notes_file_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "alice.yaml"
    os.mkfifo(path)
    store = RecordStore(path, "alice")
    [problem] = store.load()
    assert "FIFO" in problem.message
    store.put({"id": "n1", "kind": "note", "text": "mine"})
    assert not store.save().ok


def test_notes_file_deleted_while_running_keeps_every_note(corpus_dir: Path) -> None:
    s = Session(load_corpus(corpus_dir), "alice")
    for text in ("one", "two", "three"):
        s.add_note(text, A0, on="troops-10k")
    s.path.unlink()  # someone removes the file while the app runs
    assert s.add_note("four", A0, on="hur-10k").ok
    texts = sorted(a.text for a in load_corpus(corpus_dir).annotations[A0] if a.author == "alice")
    assert texts == ["four", "one", "three", "two"]
    assert len(s.store.records) == 4


def test_deletion_reaches_the_other_window_through_a_tombstone(corpus_dir: Path) -> None:
    first = Session(load_corpus(corpus_dir), "alice")
    note = first.add_note("to go", A0, on="troops-10k").annotation
    second = Session(load_corpus(corpus_dir), "alice")
    first.delete(note.ref)
    second.add_note("other", A0, on="hur-10k")  # merges the deletion, does not resurrect
    texts = [a.text for a in load_corpus(corpus_dir).annotations[A0] if a.author == "alice"]
    assert texts == ["other"]
    notes, _ = parse_notes(first.path.read_bytes(), first.path)
    assert note.id in notes.deleted


def test_check_names_the_git_conflict(corpus_dir: Path) -> None:
    notes = corpus_dir / "annotations" / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    (notes / "bob.yaml").write_text(
        "version: 1\nrecords:\n<<<<<<< HEAD\n  - id: a\n=======\n  - id: b\n>>>>>>> main\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(corpus_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        "annotations/notes/bob.yaml:3:1: error: the file holds an unresolved git conflict "
        "(hint: resolve the git conflict"
    ) in result.stdout


def test_lock_file_that_is_a_link_is_refused_with_a_hint(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    path = tmp_path / "alice.yaml"
    (tmp_path / ".alice.yaml.lock").symlink_to(victim)
    store = RecordStore(path, "alice")
    store.put({"id": "n1", "kind": "note", "text": "mine"})
    result = store.save()
    assert not result.ok and "lock file is a symbolic link" in result.error
    assert victim.read_text(encoding="utf-8") == "keep\n" and not path.exists()
