"""Corpora built to hang, exhaust or mislead the loader: each must end in a
positioned error while every other article still loads (issue 9)."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.core.files import safeio
from tui.core.files.article import ArticleError, load_article
from tui.core.files.store import corpus_key, user_data_dir
from tui.core.model.corpus import load_corpus, load_user_file

ARTICLE = "Title\nKim sagt nein. Soldaten kamen im Oktober. Kim sagt ja.\n"
CLAIMS = (
    "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Kim sagt nein\n"
    "  - id: y\n    kind: claim\n    quote: Soldaten kamen\n"
)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process; the timeout turns a hang into a failure."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def base(make_corpus, extra: dict[str, str] | None = None) -> Path:
    return make_corpus(
        {
            "articles/a.txt": ARTICLE,
            "articles/b.txt": "B\nanother text\n",
            "annotations/a.yaml": CLAIMS,
            **(extra or {}),
        }
    )


def messages(corpus) -> list[str]:
    return [d.format(corpus.root) for d in corpus.diagnostics]


def has(corpus, text: str) -> bool:
    return any(text in m for m in messages(corpus))


def still_loads(corpus) -> None:
    assert {"a", "b"} <= set(corpus.articles)
    assert {a.id for a in corpus.annotations["a"]} >= {"x", "y"}
    assert all(a.resolution.resolved for a in corpus.annotations["a"] if a.anchor)


# ---------------------------------------------------------------- not regular files


@pytest.mark.parametrize(
    "name",
    [
        "articles/pipe.txt",
        "annotations/b.yaml",
        "annotations/contradictions.yaml",
        "annotations/notes/bob.yaml",
    ],
)
def test_a_fifo_anywhere_is_named_and_check_finishes(make_corpus, name: str) -> None:
    root = base(make_corpus)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / name)
    result = run(["check", str(root)])
    assert result.returncode == 1, result.stdout
    assert (
        f"{name}: error: this is a FIFO (named pipe), not a regular file; it is not read "
        "(hint: only plain files are read; replace it with a real file)"
    ) in result.stdout
    assert "Traceback" not in result.stderr
    still_loads(load_corpus(root))


@pytest.mark.parametrize("name", ["articles/c.md", "annotations/notes/tester.yaml"])
def test_screenshot_of_a_corpus_with_a_fifo_finishes(make_corpus, tmp_path: Path, name: str) -> None:
    root = base(make_corpus)
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / name)  # the second is the notes file of this author (tester)
    out = tmp_path / "shot.svg"
    result = run(["screenshot", str(root), "--open", "a", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    assert "Kim sagt nein" in out.read_text(encoding="utf-8").replace("&#160;", " ")


def test_folder_and_socket_named_like_articles(make_corpus, tmp_path: Path) -> None:
    root = base(make_corpus)
    (root / "articles" / "folder.md").mkdir()
    (root / "annotations" / "dir.yaml").mkdir()
    # AF_UNIX paths are short; bind from inside the folder with a relative name.
    sock = socket.socket(socket.AF_UNIX)
    here = os.getcwd()
    try:
        os.chdir(root / "articles")
        sock.bind("sock.txt")
    finally:
        os.chdir(here)
    try:
        corpus = load_corpus(root)
    finally:
        sock.close()
    assert has(corpus, "articles/folder.md: error: this is a folder, not a regular file")
    assert has(corpus, "annotations/dir.yaml: error: this is a folder, not a regular file")
    assert has(corpus, "articles/sock.txt: error: this is a socket, not a regular file")
    still_loads(corpus)


# ---------------------------------------------------------------- size caps


def test_link_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ArticleError) as info:
        load_article(zero)  # no corpus root: the device itself is refused
    assert "this is a device, not a regular file" in info.value.diagnostic.message


def test_link_to_dev_zero_inside_a_corpus(make_corpus) -> None:
    root = base(make_corpus)
    (root / "articles" / "zero.txt").symlink_to("/dev/zero")
    (root / "annotations" / "b.yaml").symlink_to("/dev/zero")
    corpus = load_corpus(root)
    assert has(
        corpus, "articles/zero.txt: error: this is a link that leads outside the corpus folder, to /dev/zero"
    )
    assert has(corpus, "annotations/b.yaml: error: this is a link that leads outside")
    still_loads(corpus)


def test_sparse_8_gib_files_are_refused_by_size(make_corpus) -> None:
    root = base(make_corpus)
    for name in ("articles/huge.txt", "annotations/b.yaml"):
        with open(root / name, "wb") as handle:
            handle.truncate(8 << 30)
    corpus = load_corpus(root)
    assert has(corpus, "articles/huge.txt: error: the file is 8192.0 MiB, over the 16.0 MiB limit")
    assert has(corpus, "annotations/b.yaml: error: the file is 8192.0 MiB, over the 32.0 MiB limit")
    assert "huge" not in corpus.articles
    still_loads(corpus)


def test_cap_holds_while_reading_when_the_size_lies() -> None:
    # /proc files are regular files that report size 0 but hold text: only the
    # cap on the bytes actually read can stop them.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(safeio.UnsafeFile, match="over the 100 bytes limit"):
        safeio.read_capped(status, 100)
    assert b"Name:" in safeio.read_capped(status, 1 << 20)


# ---------------------------------------------------------------- links out of the corpus


def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "home" / ".ssh"
    secret.mkdir(parents=True)
    (secret / "id_rsa").write_text("Title\nSECRET KEY MATERIAL\n", encoding="utf-8")
    (secret / "notes.yaml").write_text(CLAIMS, encoding="utf-8")
    return secret


def test_links_leading_out_of_the_corpus_are_refused(make_corpus, tmp_path: Path) -> None:
    secret = outside(tmp_path)
    root = base(make_corpus, {"elsewhere/inside.txt": "Inside\nlinked but in the corpus\n"})
    (root / "articles" / "leak.txt").symlink_to(secret / "id_rsa")
    (root / "articles" / "alias.txt").symlink_to(root / "elsewhere" / "inside.txt")
    (root / "annotations" / "b.yaml").symlink_to(secret / "notes.yaml")
    (root / "annotations" / "notes").mkdir()
    (root / "annotations" / "notes" / "eve.yaml").symlink_to(secret / "notes.yaml")
    corpus = load_corpus(root)
    for name in ("articles/leak.txt", "annotations/b.yaml", "annotations/notes/eve.yaml"):
        assert has(
            corpus, f"{name}: error: this is a link that leads outside the corpus folder, to {secret}"
        ), messages(corpus)
    assert "leak" not in corpus.articles
    assert corpus.articles["alias"].text.startswith("Inside")
    still_loads(corpus)
    exported = run(["export", str(root), "--format", "markdown"])
    assert exported.returncode == 0 and "SECRET" not in exported.stdout


@pytest.mark.parametrize("folder", ["articles", "annotations", "annotations/notes"])
def test_a_folder_linked_out_of_the_corpus_is_refused(make_corpus, tmp_path: Path, folder: str) -> None:
    secret = outside(tmp_path)
    (secret / "id_rsa.txt").write_text("Key\nSECRET\n", encoding="utf-8")
    (secret / "alice.yaml").write_text("version: 1\nrecords: []\n", encoding="utf-8")
    root = make_corpus({"seeds/a.txt": ARTICLE, "seeds/b.txt": "B\nanother text\n"})
    target = root / folder
    if target.exists():
        target.rmdir()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(secret, target_is_directory=True)
    if folder == "articles":
        (root / "seeds").rename(root / "kept")  # else seeds/ would be the article folder
    private = user_data_dir() / "corpora" / corpus_key(root.resolve()) / "notes"
    private.mkdir(parents=True)
    (private / "tester.yaml").write_text("version: 1\nrecords: []\n", encoding="utf-8")
    corpus = load_corpus(root)
    assert has(
        corpus,
        f"{folder}: error: this is a link that leads outside the corpus folder, "
        f"to {secret}; nothing in it is read",
    ), messages(corpus)
    assert not any("SECRET" in a.text for a in corpus.articles.values())
    assert corpus.note_files == [private / "tester.yaml"]  # the user's own folder is fine
    assert not any("SECRET" in m or "alice" in m for m in messages(corpus))
    assert len([d for d in corpus.errors if "leads outside" in d.message]) == 1


def test_notes_in_the_users_data_folder_are_read(make_corpus) -> None:
    root = base(make_corpus)
    private = user_data_dir() / "corpora" / corpus_key(root.resolve()) / "notes"
    private.mkdir(parents=True)
    (private / "tester.yaml").write_text(
        "version: 1\nrecords:\n  - id: n1\n    kind: note\n    article: a\n    on: x\n    text: mine\n",
        encoding="utf-8",
    )
    corpus = load_corpus(root)
    assert corpus.get("a#n1") is not None and corpus.get("a#n1").text == "mine"
    assert not corpus.errors, messages(corpus)


# ---------------------------------------------------------------- numbers


def test_a_5000_digit_start_is_a_positioned_error(make_corpus) -> None:
    huge = "9" * 5000
    root = base(
        make_corpus,
        {
            "annotations/b.yaml": "version: 1\nannotations:\n  - id: z\n"
            f"    kind: claim\n    quote: B\n"
            f"    start: {huge}\n"
        },
    )
    result = run(["check", str(root)])
    assert result.returncode == 1
    assert (
        "annotations/b.yaml:6:12: error: a number of 5000 digits is too long (at most 30) "
        "(hint: fix the number, or put it in quotes if it is text)"
    ) in result.stdout
    assert "Traceback" not in result.stderr
    still_loads(load_corpus(root))


def test_a_5000_digit_front_matter_value(make_corpus) -> None:
    root = base(make_corpus, {"articles/c.md": f"---\ntitle: {'1' * 5000}\n---\n# C\n\nbody\n"})
    corpus = load_corpus(root)
    assert has(corpus, "articles/c.md:2:8: error: front matter: a number of 5000 digits is too long")
    assert corpus.articles["c"].title == "C"
    still_loads(corpus)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "'start' must be a whole number of at least 0, got -5"),
        ("100000000000000000000", "'start' is 100000000000000000000, more than any article holds"),
        ("5000", "'z' has 'start: 5000', beyond the end of the article (15 characters)"),
    ],
)
def test_numbers_that_do_not_fit_their_field(make_corpus, value: str, message: str) -> None:
    root = base(
        make_corpus,
        {
            "annotations/b.yaml": "version: 1\nannotations:\n  - id: z\n"
            f"    kind: claim\n    quote: another\n"
            f"    start: {value}\n"
        },
    )
    corpus = load_corpus(root)
    found = [d for d in corpus.errors if message in d.message]
    assert found, messages(corpus)
    assert found[0].path.name == "b.yaml" and found[0].line in (3, 6)
    still_loads(corpus)


# ---------------------------------------------------------------- loops


def test_a_claim_linked_to_itself(make_corpus) -> None:
    links = (
        "version: 1\nlinks:\n  - id: self\n    summary: s\n    claims: [a#x, a#x]\n"
        "  - id: fine\n    summary: s\n    claims: [a#x, a#y]\n"
    )
    corpus = load_corpus(base(make_corpus, {"annotations/contradictions.yaml": links}))
    assert has(
        corpus,
        "annotations/contradictions.yaml:5:19: error: link 'self' links claim "
        "'a#x' to itself (listed first at 5:14)",
    ), messages(corpus)
    assert [link.id for link in corpus.links] == ["fine"]
    still_loads(corpus)


def test_notes_on_themselves_and_on_each_other(make_corpus) -> None:
    notes = (
        CLAIMS + "  - id: n1\n    kind: note\n    on: n1\n    text: me\n"
        "  - id: n2\n    kind: note\n    on: n3\n    text: two\n"
        "  - id: n3\n    kind: note\n    on: n2\n    text: three\n"
        "  - id: n4\n    kind: note\n    on: x\n    text: fine\n"
    )
    corpus = load_corpus(base(make_corpus, {"annotations/a.yaml": notes}))
    assert has(corpus, "annotations/a.yaml:9:5: error: note 'n1' is on itself ('on: n1')")
    assert has(
        corpus,
        "annotations/a.yaml:13:5: error: note 'n2' is part of a loop of notes on each other: n2 -> n3 -> n2",
    )
    assert has(corpus, "annotations/a.yaml:17:5: error: note 'n3' is part of a loop")
    assert len(corpus.errors) == 3, messages(corpus)
    assert corpus.get("a#n4").resolution == corpus.get("a#x").resolution
    still_loads(corpus)


def test_a_loop_across_two_authors_files(make_corpus) -> None:
    def note(ident: str, on: str) -> str:
        return (
            f"version: 1\nrecords:\n  - id: {ident}\n    kind: note\n    article: a\n"
            f"    on: {on}\n    text: t\n"
        )

    root = base(
        make_corpus,
        {"annotations/notes/alice.yaml": note("na", "nb"), "annotations/notes/bob.yaml": note("nb", "na")},
    )
    corpus = load_corpus(root)
    assert has(corpus, "annotations/notes/alice.yaml:3:5: error: note 'na' is part of a loop")
    assert has(corpus, "annotations/notes/bob.yaml:3:5: error: note 'nb' is part of a loop")
    # An author's file added again later (as after a save) is checked on its own.
    carol = root / "annotations" / "notes" / "carol.yaml"
    carol.write_text(note("nc", "nc"), encoding="utf-8")
    load_user_file(corpus, carol)
    assert has(corpus, "annotations/notes/carol.yaml:3:5: error: note 'nc' is on itself")
    still_loads(corpus)


# ---------------------------------------------------------------- names and syntax


def test_two_articles_with_one_stem(make_corpus) -> None:
    root = base(
        make_corpus, {"articles/c.md": "# C from md\n\nbody\n", "articles/c.txt": "C from txt\nbody\n"}
    )
    result = run(["check", str(root)])
    assert result.returncode == 1
    assert (
        "articles/c.txt: error: c.md and c.txt both give the article id 'c'; only c.md is loaded"
    ) in result.stdout
    corpus = load_corpus(root)
    assert corpus.articles["c"].title == "C from md"
    still_loads(corpus)


def test_unterminated_quote_is_placed_where_it_starts(make_corpus) -> None:
    broken = (
        'version: 1\nannotations:\n  - id: z\n    kind: claim\n    quote: "another\n'
        "  - id: w\n    kind: claim\n    quote: text\n"
    )
    result = run(["check", str(base(make_corpus, {"annotations/b.yaml": broken}))])
    assert (
        "annotations/b.yaml:5:12: error: YAML syntax error: unterminated quoted string starting at 5:12"
    ) in result.stdout, result.stdout


def test_quote_closed_by_a_later_quote_points_back(make_corpus) -> None:
    broken = (
        'version: 1\nannotations:\n  - id: z\n    kind: claim\n    quote: "another\n'
        '  - id: w\n    kind: claim\n    quote: "text"\n'
    )
    corpus = load_corpus(base(make_corpus, {"annotations/b.yaml": broken}))
    error = next(d for d in corpus.errors if d.path.name == "b.yaml")
    assert error.line == 8
    assert "the quoted string starting at 5:12 runs over 4 lines" in error.hint
    still_loads(corpus)


def test_a_31_digit_start_costs_one_record_not_the_file(make_corpus) -> None:
    root = base(
        make_corpus,
        {
            "annotations/b.yaml": "version: 1\nannotations:\n  - id: z\n"
            "    kind: claim\n    quote: B\n"
            f"    start: {'9' * 31}\n"
            "  - id: y\n    kind: claim\n    quote: B\n"
        },
    )
    corpus = load_corpus(root)
    assert has(corpus, "annotations/b.yaml:6:12: error: a number of 31 digits is too long")
    assert [a.id for a in corpus.annotations["b"]] == ["y"]
