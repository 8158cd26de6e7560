"""Author names in any script; names that could leave the notes folder or hide
controls are refused, and refused before any command does its work."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tui.core.files.store import id_word, validate_author
from tui.core.model.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
A0 = "000_f0337515d6951f32"


@pytest.mark.parametrize(
    "name", ["jürgen", "José", "José Pérez", "Ἀθηνᾶ", "张伟", "O'Brien", "महेश", "Zoë_2", "a" * 64, "7of9"]
)
def test_names_in_any_script_are_accepted(name: str) -> None:
    assert validate_author(name) == ""


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "a/b",
        "a\\b",
        "..",
        "x..y",
        "nul\x00",
        "bell\x07",
        "del\x7f",
        "c1\x85",
        "esc\x1b[31m",
        "tab\tname",
        "new\nline",
        "",
        ".",
        "...",
        " ",
        " . ",
        ".hidden",
        " alice",
        "alice ",
        "alice.",
        "a" * 65,
        "ü" * 65,
        "rtl\u202eevil",
        "bom\ufeff",
        "a:b",
        "a*b",
        "-x",
    ],
)
def test_unsafe_names_are_refused(name: str) -> None:
    assert validate_author(name)


def test_the_refusal_says_why_without_raw_controls() -> None:
    message = validate_author("bell\x07")
    assert "U+0007" in message and "\x07" not in message
    assert "64" in validate_author("a" * 65)
    assert "could escape the notes folder" in validate_author("../x")


def test_record_ids_stay_ascii_for_any_name() -> None:
    assert id_word("jürgen") == "jurgen"
    assert id_word("José Pérez") == "Jose-Perez"
    assert id_word("张伟").startswith("u") and id_word("张伟").isascii()
    assert id_word("张伟") != id_word("李娜")


def test_notes_by_a_non_ascii_author_are_saved_and_read_back(corpus_dir: Path) -> None:
    from tui.core.review.session import Session

    for name in ("jürgen", "Ἀθηνᾶ", "张伟"):
        session = Session(load_corpus(corpus_dir), name)
        session.add_note(f"by {name}", A0, on="troops-10k")
        assert session.path.name == f"{name}.yaml"
    again = load_corpus(corpus_dir)
    assert {"jürgen", "Ἀθηνᾶ", "张伟"} <= set(again.authors())
    assert not again.diagnostics


def crossread(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--author", "../x"],
        ["check", "--format", "json", "--author", "a/b"],
        ["import", "missing.json", "--author", "../x"],
        ["import", "definitely-missing.json"],
    ],
)
def test_usage_errors_come_before_any_work(command: list[str], corpus_dir: Path) -> None:
    """Nothing on stdout: the corpus was not checked (before the fix, `check`
    printed the whole report, then refused the author)."""
    done = crossread(command[0], str(corpus_dir), *command[1:])
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert "could escape the notes folder" in done.stderr or "no such file" in done.stderr


def test_check_with_a_non_ascii_author_names_its_file(corpus_dir: Path) -> None:
    done = crossread("check", str(corpus_dir), "--author", unicodedata.normalize("NFD", "jürgen"))
    assert done.returncode == 0, done.stderr
    assert "notes by jürgen are saved to" in done.stdout  # NFC, one file whatever was typed
    assert str(corpus_dir / "annotations" / "notes" / "jürgen.yaml") in done.stdout
