"""A large corpus is read by child processes (tui.core.analysis.workers): what they
find, joined, is what one process finds, and a child that fails costs nothing but time.
Real children, started as the reader starts them."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from benchmarks.evaluate import EVAL_DIR, load_stories
from tui.core.analysis import Document, Stopped, documents, suggest, to_json, workers
from tui.core.analysis.claims import analyse_document
from tui.core.analysis.stance import statements
from tui.core.analysis.workers import analyse_all, cut, statements_of
from tui.core.model.corpus import bundled_corpus, load_corpus


def _docs() -> list[Document]:
    """The bundled corpus and one story of the evaluation set: German and English,
    figures, dates and statements."""
    story = next(s for s in load_stories(EVAL_DIR) if s.name == "hafenbrand")
    return documents(load_corpus(bundled_corpus())) + list(story.documents)


def test_children_find_what_one_process_finds() -> None:
    docs = _docs()
    read, stated = analyse_all(docs, workers=3)
    assert stated, "the children were not used"
    for doc, together in zip(docs, read, strict=True):
        alone = analyse_document(doc)
        assert together.document is doc  # the parent's text, not a copy from a child
        assert together.figures == alone.figures and together.figures
        assert together.events == alone.events
        assert together.sentences == alone.sentences
        assert together.keywords == alone.keywords
        assert statements_of(together, stated) == statements(alone)


def test_a_large_corpus_gets_the_suggestions_one_process_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs()
    alone = to_json("c", suggest(docs))
    monkeypatch.setattr(workers, "PARALLEL_CHARS", 0)  # every corpus counts as large
    monkeypatch.setattr(workers, "cores", lambda: 2)
    assert analyse_all(docs)[1], "the children were not used"
    assert to_json("c", suggest(docs)) == alone


def test_a_child_that_fails_leaves_the_reading_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs()
    assert workers.run_children([[(docs[0], 0, 10)]]) is not None
    monkeypatch.setattr(sys, "executable", "/bin/false")  # a child that starts and fails at once
    assert workers.run_children([[(docs[0], 0, 10)]]) is None
    read, stated = analyse_all(docs, workers=2)
    assert stated == {}
    assert [a.figures for a in read] == [analyse_document(d).figures for d in docs]


def test_a_child_that_cannot_start_leaves_the_reading_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    docs = _docs()[:1]
    read, stated = analyse_all(docs, workers=2)
    assert stated == {} and read[0].figures == analyse_document(docs[0]).figures


@pytest.mark.parametrize(
    ("lengths", "count"),
    [((1000,), 2), ((10, 5000, 20), 2), ((3000, 3000), 4), ((7,), 8), ((0, 400), 2)],
)
def test_parts_cover_every_text_once_and_end_at_line_breaks(lengths: tuple[int, ...], count: int) -> None:
    docs = [
        Document(f"d{i}", ("Ein Satz. " * 9 + "\n") * (n // 100) + "x" * (n % 100))
        for i, n in enumerate(lengths)
    ]
    parts = cut(docs, count)
    for index, doc in enumerate(docs):
        mine = [(low, high) for i, low, high in parts if i == index]
        if not doc.text:
            assert mine == []
            continue
        assert mine[0][0] == 0 and mine[-1][1] == len(doc.text)
        assert all(a[1] == b[0] for a, b in zip(mine, mine[1:], strict=False))  # no gap, no overlap
        assert all(doc.text.startswith("\n", high) for _, high in mine[:-1])


def test_a_text_read_in_parts_has_the_sentences_it_has_whole() -> None:
    """Every part ends at a line break, where a sentence always ends."""
    from tui.core.analysis.segment import sentences

    cut_texts = 0
    for story in load_stories(EVAL_DIR):
        for doc in story.documents:
            parts = cut([doc], 4)
            cut_texts += len(parts) > 1
            joined = [s for _, low, high in parts for s in sentences(doc.text, low, high)]
            assert joined == sentences(doc.text), (story.name, doc.id)
    assert cut_texts > 100


class _Watched(workers.Stopper):
    """A stopper that says when both children have started."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.children: list[subprocess.Popen[bytes]] = []

    def adopt(self, child: subprocess.Popen[bytes]) -> None:
        super().adopt(child)
        self.children.append(child)
        if len(self.children) == 2:
            self.started.set()


def test_a_stopped_analysis_kills_its_children_and_reads_nothing_itself() -> None:
    """The reader quitting mid-analysis: the children die, no process reads in
    their place, and the analysis ends with `Stopped` instead of suggestions."""
    text = "\n\n".join(f"Am {d % 28 + 1}. März wurden {d} Soldaten verlegt, sagte Kim." for d in range(20000))
    docs = [Document("a", text), Document("b", text)]
    stopper = _Watched()
    ended: list[BaseException] = []

    def run() -> None:
        try:
            suggest(docs, stopper=stopper)
        except BaseException as exc:  # noqa: BLE001 - what ended it is the assertion
            ended.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert stopper.started.wait(60)
    stopper.stop()
    thread.join(60)
    assert not thread.is_alive()
    assert [type(e) for e in ended] == [Stopped]
    assert all(child.poll() is not None for child in stopper.children)


def test_a_stopper_stopped_before_the_children_start_kills_each_as_it_starts() -> None:
    stopper = workers.Stopper()
    stopper.stop()
    docs = _docs()
    with pytest.raises(Stopped):
        analyse_all(docs, workers=2, stopper=stopper)


@pytest.mark.parametrize(
    "text",
    [
        "The all-clear came at 1.30 p.m.\nSchools reopened at 7 p.m. Tuesday.",
        "Er kam am 3.\nMärz 2024 an. Das war in 2017.\nIts director left.",
        "„Wir bleiben“, sagte er.\n\n» Nein.«\nDr.\nMüller kam ca.\n5 Minuten später.",
        "Line one without an end\nline two. Und Nr.\n12 folgt.\n",
    ],
)
def test_a_cut_at_any_line_break_keeps_the_sentences(text: str) -> None:
    from tui.core.analysis.segment import sentences

    whole = sentences(text)
    for at in (i for i, c in enumerate(text) if c == "\n"):
        assert sentences(text, 0, at) + sentences(text, at) == whole, at
