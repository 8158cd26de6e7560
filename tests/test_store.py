"""Saving notes: atomic, merged, recoverable. Includes the fault tests."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.core.files import store as store_module
from tui.core.files.atomic import atomic_write
from tui.core.files.store import RecordStore, merge, notes_path, parse, validate_author
from tui.core.model.corpus import load_corpus
from tui.core.review.session import Session, SessionError

A0, A1 = "000_f0337515d6951f32", "001_6604a57b5a9e0757"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setattr(store_module, "user_data_dir", lambda: data)
    return data


def session(root: Path, author: str = "alice") -> Session:
    return Session(load_corpus(root), author)


def test_note_verdict_link_round_trip(corpus_dir: Path) -> None:
    s = session(corpus_dir)
    text = s.corpus.articles[A0].text
    start = text.index("Kleine Zeitung")
    note = s.add_note("check the original", A0, start, start + 14).annotation
    s.set_verdict(f"{A0}#troops-10k", "disputed", "HUR says more than 10,000")
    s.link([f"{A0}#troops-10k", f"{A1}#troops-11k"], "Two counts", "contradicts")
    again = load_corpus(corpus_dir)
    reloaded = again.get(note.ref)
    assert reloaded is not None and reloaded.text == "check the original"
    assert (reloaded.start, reloaded.end, reloaded.author) == (start, start + 14, "alice")
    verdict = again.verdict_of(f"{A0}#troops-10k", "alice")
    assert verdict is not None and verdict.value == "disputed" and verdict.comment
    assert any(link.summary == "Two counts" for link in again.links)
    assert again.progress("alice") == (1, again.counts().claims)
    record = s.store.records[note.id]
    assert record["prefix"] == text[start - 32 : start] and record["suffix"] == text[start + 14 : start + 46]
    assert record["created"].endswith("Z") and record["author"] == "alice"
    # curated files are untouched
    assert (corpus_dir / "annotations" / f"{A0}.yaml").read_bytes() == (
        ROOT / "annotations" / f"{A0}.yaml"
    ).read_bytes()


def test_undo_and_redo_cover_every_change(corpus_dir: Path) -> None:
    s = session(corpus_dir)
    note = s.add_note("one", A0, on="troops-10k").annotation
    s.edit_text(note.ref, "two")
    s.set_verdict(f"{A0}#troops-10k", "false")
    s.delete(note.ref)
    assert s.corpus.get(note.ref) is None
    s.undo()
    assert s.corpus.get(note.ref).text == "two"
    s.undo()
    assert s.corpus.verdict_of(f"{A0}#troops-10k") is None
    s.undo()
    assert s.corpus.get(note.ref).text == "one"
    s.redo()
    assert s.corpus.get(note.ref).text == "two"
    assert load_corpus(corpus_dir).get(note.ref).text == "two"
    s.undo()
    s.undo()
    assert load_corpus(corpus_dir).get(note.ref) is None
    with pytest.raises(SessionError):
        s.undo()


def test_own_claims_and_sources(corpus_dir: Path) -> None:
    s = session(corpus_dir)
    text = s.corpus.articles[A1].text
    start = text.index("Kyiv Independent")
    src = s.add_annotation("source", A1, start, start + 16).annotation
    claim = s.add_annotation("claim", A1, 0, 20).annotation
    s.set_verdict(claim.ref, "supported")
    assert src.kind == "source" and src.name == "Kyiv Independent"
    assert load_corpus(corpus_dir).get(claim.ref).kind == "claim"
    with pytest.raises(SessionError):
        s.delete(f"{A1}#kcna")  # a curated annotation is not the user's to delete


@pytest.mark.parametrize(
    "name", ["../x", "/", "a/b", "nul\x00", "..", "", ".hidden", "a" * 65, "back\\slash"]
)
def test_bad_author_names_are_rejected(name: str) -> None:
    assert validate_author(name)


@pytest.mark.parametrize("name", ["alice", "bob.smith", "r2-d2", "X_1"])
def test_good_author_names(name: str) -> None:
    assert validate_author(name) == ""


def test_installed_corpus_notes_go_to_user_data(tmp_path: Path, private_data_dir: Path) -> None:
    fake = tmp_path / "lib" / "site-packages" / "tui" / "corpus"
    fake.mkdir(parents=True)
    path = notes_path(fake, "alice")
    assert path.is_relative_to(private_data_dir) and path.name == "alice.yaml"
    assert notes_path(tmp_path, "bob") == tmp_path.resolve() / "annotations/notes/bob.yaml"


def test_concurrent_edit_is_merged(corpus_dir: Path) -> None:
    first, second = session(corpus_dir), session(corpus_dir)
    a = first.add_note("from the first window", A0, on="troops-10k").annotation
    b = second.add_note("from the second window", A0, on="hur-10k").annotation
    on_disk = load_corpus(corpus_dir)
    assert on_disk.get(a.ref) is not None and on_disk.get(b.ref) is not None
    first.edit_text(a.ref, "edited in first")  # first must merge b before writing
    on_disk = load_corpus(corpus_dir)
    assert on_disk.get(a.ref).text == "edited in first" and on_disk.get(b.ref) is not None


def test_real_conflict_keeps_both_versions(corpus_dir: Path) -> None:
    first = session(corpus_dir)
    note = first.add_note("base", A0, on="troops-10k").annotation
    second = session(corpus_dir)
    second.edit_text(note.ref, "theirs")
    result = first.store.put(dict(first.store.records[note.id], text="mine"))
    assert result is not None
    saved = first.store.save()
    assert saved.ok and saved.conflicts == [note.id]
    records, _ = parse(first.store.path.read_bytes(), first.store.path)
    assert records[note.id]["text"] == "theirs" and records[note.id]["conflict"]
    assert records[f"{note.id}~mine"]["text"] == "mine"


def test_merge_table() -> None:
    base = {"a": {"id": "a", "t": 1}, "b": {"id": "b", "t": 1}, "c": {"id": "c", "t": 1}}
    ours = {"a": {"id": "a", "t": 2}, "b": {"id": "b", "t": 1}, "d": {"id": "d", "t": 1}}
    theirs = {
        "a": {"id": "a", "t": 1},
        "b": {"id": "b", "t": 3},
        "c": {"id": "c", "t": 1},
        "e": {"id": "e", "t": 1},
    }
    merged, conflicts = merge(base, ours, theirs, ours_deleted={"c": "2026-01-01T00:00:00Z"})
    assert merged == {
        "a": {"id": "a", "t": 2},
        "b": {"id": "b", "t": 3},
        "e": {"id": "e", "t": 1},
        "d": {"id": "d", "t": 1},
    }
    assert conflicts == []
    # missing without a tombstone is "never seen here", not a deletion
    merged, _ = merge(base, ours, theirs)
    assert merged["c"] == {"id": "c", "t": 1}
    # deleted here but edited there: the edit survives
    merged, _ = merge({"x": {"id": "x", "t": 1}}, {}, {"x": {"id": "x", "t": 2}}, ours_deleted={"x": "t"})
    assert merged == {"x": {"id": "x", "t": 2}}


X1, X2 = {"id": "x", "t": 1}, {"id": "x", "t": 2}
TOMB = {"x": "2026-01-01T00:00:00Z"}


@pytest.mark.parametrize(
    ("base", "ours", "ours_del", "theirs", "theirs_del", "expected"),
    [
        # the case that lost 284 of 600 notes: a record only we have, a file without it
        ({}, {"x": X1}, {}, {}, {}, {"x": X1}),
        ({"x": X1}, {"x": X1}, {}, {}, {}, {"x": X1}),  # file replaced by an older copy
        ({"x": X1}, {"x": X1}, {}, {}, TOMB, {}),  # deleted there, untouched here
        ({"x": X1}, {"x": X2}, {}, {}, TOMB, {"x": X2}),  # deleted there, edited here
        ({"x": X1}, {}, TOMB, {"x": X1}, {}, {}),  # deleted here, untouched there
        ({"x": X1}, {}, TOMB, {"x": X2}, {}, {"x": X2}),  # deleted here, edited there
        ({}, {}, {}, {"x": X1}, {}, {"x": X1}),  # new there
        ({"x": X1}, {}, TOMB, {}, TOMB, {}),  # deleted on both sides
    ],
)
def test_merge_with_tombstones(
    base: dict, ours: dict, ours_del: dict, theirs: dict, theirs_del: dict, expected: dict
) -> None:
    merged, conflicts = merge(base, ours, theirs, ours_del, theirs_del)
    assert merged == expected and conflicts == []


def test_unreadable_disk_version_is_not_overwritten(corpus_dir: Path) -> None:
    s = session(corpus_dir)
    s.add_note("keep me", A0, on="troops-10k")
    s.store.path.write_text("records: [\n", encoding="utf-8")  # someone broke it
    result = s.add_note("second", A0, on="hur-10k").save
    assert result is not None and not result.ok and "cannot be read" in result.error
    assert s.store.path.read_text(encoding="utf-8") == "records: [\n"
    assert result.recovery is not None and "second" in result.recovery.read_text()


def test_disk_full_keeps_original_and_work(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session(corpus_dir)
    s.add_note("saved", A0, on="troops-10k")
    before = s.store.path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    changes = s.add_note("unsaved", A0, on="hur-10k")
    note, result = changes.annotation, changes.save
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert result is not None and not result.ok and "No space left" in result.error
    assert s.store.path.read_bytes() == before
    assert s.corpus.get(note.ref).text == "unsaved" and s.unsaved
    assert not list(s.store.path.parent.glob("*.tmp"))
    assert s.retry().ok and load_corpus(corpus_dir).get(note.ref) is not None


def test_read_only_folder(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = session(corpus_dir)
    s.add_note("saved", A0, on="troops-10k")
    before = s.store.path.read_bytes()
    folder = s.store.path.parent
    if os.geteuid() != 0:
        folder.chmod(0o555)
    else:  # root ignores permission bits; make the folder refuse files instead
        real_mkstemp = tempfile.mkstemp

        def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(kwargs.get("dir", "")) == folder:
                raise PermissionError(errno.EROFS, "Read-only file system", str(folder))
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr("tempfile.mkstemp", refuse)
    try:
        changes = s.add_note("pending", A0, on="hur-10k")
        note, result = changes.annotation, changes.save
    finally:
        folder.chmod(0o755)
        monkeypatch.undo()
    assert result is not None and not result.ok
    assert s.store.path.read_bytes() == before
    assert result.recovery is not None and "pending" in result.recovery.read_text()
    assert s.corpus.get(note.ref) is not None


def test_file_size_limit_leaves_original(corpus_dir: Path, private_data_dir: Path) -> None:
    code = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from tui.core.files import store as store_module
        store_module.user_data_dir = lambda: Path({str(private_data_dir)!r})
        from tui.core.model.corpus import load_corpus
        from tui.core.review.session import Session
        s = Session(load_corpus(Path({str(corpus_dir)!r})), "alice")
        s.add_note("small", "{A0}", on="troops-10k")
        size = s.store.path.stat().st_size
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 100, size + 100))
        r = s.add_note("x" * 5000, "{A0}", on="hur-10k").save
        print(r.ok, "|", r.error, "|", r.recovery)
    """)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    ok, error, _ = out.strip().split(" | ")
    assert ok == "False" and "too large" in error.lower()
    again = load_corpus(corpus_dir)
    texts = [a.text for a in again.annotations[A0] if a.author == "alice"]
    assert texts == ["small"]


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tui.core.files.store import RecordStore
    store = RecordStore(Path(sys.argv[1]), "alice")
    store.load()
    n = len(store.records)
    while True:
        store.put({"id": f"r{n}", "kind": "note", "article": "a", "text": "x" * (n % 300)})
        store.save()
        print(n + 1, flush=True)  # saved: the file now holds n + 1 records
        n += 1
""")


def test_sigkill_during_saves_never_corrupts(tmp_path: Path) -> None:
    """Kill a writer after a chosen number of acknowledged saves, mid-way through the next.

    The kill point is counted in saves, not seconds, so a slow machine changes
    nothing: every acknowledged save must survive, and the file must parse.
    """
    path = tmp_path / "notes" / "alice.yaml"
    path.parent.mkdir()
    rng = random.Random(4)
    seen_counts = set()
    for _ in range(40):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        wanted = rng.randint(1, 6)
        acknowledged = 0
        for _saved in range(wanted):
            acknowledged = int(child.stdout.readline())
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        records, problems = parse(path.read_bytes(), path)
        assert not problems
        count = len(records)
        assert count >= acknowledged
        assert list(records) == [f"r{i}" for i in range(count)]
        assert all(r.get("text", "") == "x" * (i % 300) for i, r in enumerate(records.values()))
        seen_counts.add(count)
    assert len(seen_counts) > 20  # the kills really landed at many different points


def test_permissions_kept_and_symlink_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert real.stat().st_mode & 0o777 == 0o640


def test_store_reports_unparsable_file(tmp_path: Path) -> None:
    path = tmp_path / "bob.yaml"
    path.write_text("version: 1\nrecords:\n  - 5\n", encoding="utf-8")
    problems = RecordStore(path, "bob").load()
    assert [(p.line, "record must be a mapping" in p.message) for p in problems] == [(3, True)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1).filter(lambda t: t.strip()))
@example("next\x85line\u2028sep\x00nul")
@example("  leading and trailing  ")
@example("no")
@example("1.10")
@example("2024-02-30")
@example("[@click=app.quit] \x1b[31m")
def test_note_text_round_trips_exactly(corpus_dir: Path, text: str) -> None:
    s = session(corpus_dir, "hypo")
    note = s.add_note(text, A0, on="troops-10k").annotation
    assert load_corpus(corpus_dir).get(note.ref).text == text
