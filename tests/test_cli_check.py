import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.cli import main
from tui.core.model.corpus import bundled_corpus, load_corpus

SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True, text=True)


def test_check_bundled_corpus_is_clean() -> None:
    result = run(["check"])
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout
    assert "; 0 orphans" in result.stdout
    assert result.stderr == ""


def test_bundled_corpus_is_fully_annotated() -> None:
    corpus = load_corpus(bundled_corpus())
    counts = corpus.counts()
    assert len(corpus.articles) == 5
    assert counts.claims > 40 and counts.orphans == 0
    assert counts.contradictions > 5
    assert any(link.relation == "updates" for link in corpus.links)
    assert all(link.resolved for link in corpus.links)
    assert all(corpus.annotations[a] for a in corpus.articles)
    # Titles come from the annotation files where the first line is not one.
    assert corpus.articles["002_413bc77aeb3face7"].title.startswith("Nordkoreanische Soldaten")
    assert corpus.articles["004_0e9341f471240bd9"].title.startswith("Nordkoreanische Truppen")


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="shared/ is not beside this checkout")
def test_seeds_are_byte_identical() -> None:
    shared = sorted(p.name for p in SHARED_SEEDS.iterdir())
    assert sorted(p.name for p in (ROOT / "seeds").iterdir()) == shared
    for name in shared:
        assert (ROOT / "seeds" / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_check_json_document() -> None:
    result = run(["check", "--format", "json"])
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert {a["id"] for a in doc["articles"]} >= {"000_f0337515d6951f32"}
    lengths = {a["id"]: a["length"] for a in doc["articles"]}
    item = next(a for a in doc["annotations"] if a["id"] == "troops-11k")
    assert item["match"] == "exact" and item["score"] == 1.0
    assert item["text"] == item["quote"]
    assert 0 <= item["start"] < item["end"] <= lengths[item["article"]]
    link = next(c for c in doc["updates"] if c["id"] == "total-11k-vs-10k")
    assert link["resolved"] is True and len(link["claims"]) == 2 and link["summary"]


def test_check_broken_fixture(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/a.txt": "Title\nKim sagt etwas.\n",
            "articles/broken.txt": b"\xc3\x28",
            "annotations/a.yaml": "version: 1\nannotations:\n  - id: x\n    kind: claim\n"
            "    quote: Kim sagt\n  - id: o\n    kind: claim\n"
            "    quote: Das steht nirgends im Artikel\n  - id: y\n"
            "    kind: clam\n    quote: Kim\n",
            "annotations/contradictions.yaml": "version: 1\nlinks:\n  - id: l\n    summary: s\n"
            "    claims: [a#x, a#missing]\n",
        }
    )
    result = run(["check", str(root)])
    assert result.returncode == 1
    out = result.stdout
    assert "articles/broken.txt:1:1: error: invalid UTF-8" in out
    assert "annotations/a.yaml:10:11: error: unknown kind 'clam' (hint: did you mean 'claim'?)" in out
    assert "annotations/a.yaml:6:5: warning: orphan: 'o'" in out
    assert "contradictions.yaml:5:19: error: link 'l' names 'a#missing'" in out
    assert "1 orphans" in out
    assert "Traceback" not in result.stderr


def test_check_strict_fails_on_warnings(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/a.txt": "T\nKim und Kim\n",
            "annotations/a.yaml": "version: 1\nannotations:\n  - id: x\n    kind: claim\n    quote: Kim\n",
        }
    )
    assert main(["check", str(root)]) == 0
    assert main(["check", "--strict", str(root)]) == 1


@pytest.mark.parametrize(
    "args", [["check", "--format", "xml"], ["check", "/no/such/dir"], ["check", "a", "b"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr


def test_corpus_folder_layouts(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# Flat\n\nbody\n", encoding="utf-8")
    assert list(load_corpus(tmp_path).articles) == ["x"]
