"""Reading a large corpus on every core.

The extraction reads one sentence at a time and nothing it finds depends on
another sentence, so the texts can be cut into parts, each read in its own
process, and the findings joined again in text order. The result is the one a
single process gives (tests/test_analysis_workers.py compares them).

Processes, not threads: the rules are Python, and threads take turns. Each child
is a fresh interpreter running `tui.core.analysis.child`, its parts and findings
passed as pickles over its pipes. Not `multiprocessing`: its children run the
parent's main script again (which fails for some, and prints on the reader's
screen), and their errors reach the terminal; these children write nothing there.
A child costs about 0.6 s to start, so a corpus under `PARALLEL_CHARS` is read in
this process, and so is everything when a child cannot start or fails.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

from tui.core.analysis.claims import analyse_document, story_keywords
from tui.core.analysis.records import Analysis, Document, Event, Figure
from tui.core.analysis.segment import Sentence
from tui.core.analysis.stance import Statement, statements

PARALLEL_CHARS = 1_000_000  # below this, the children's start costs more than they save

Part = tuple[int, int, int]  # the document's index, the part's first and last offset
Job = tuple[Document, int, int]
# The statements come pickled, and stay so until the pairing has let the figures go:
# both at once would raise the peak memory the reader keeps.
Found = tuple[list[Figure], list[Event], list[Sentence], bytes]
Stated = dict[str, list[bytes]]  # a document's id -> its parts' statements, pickled

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[3])  # where `tui` is, for a child's imports


class Stopped(Exception):
    """The analysis was stopped from another thread (`Stopper`)."""


class Stopper:
    """Lets another thread end an analysis under way: the reader quits without
    waiting seconds for children reading a large corpus. Its children are killed,
    and no process reads in their place."""

    def __init__(self) -> None:
        self.stopped = False
        self._children: list[subprocess.Popen[bytes]] = []
        self._lock = threading.Lock()

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            for child in self._children:
                if child.poll() is None:
                    child.kill()

    def adopt(self, child: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._children.append(child)
            if self.stopped:
                child.kill()


def cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def analyse_all(
    docs: list[Document], workers: int | None = None, stopper: Stopper | None = None
) -> tuple[list[Analysis], Stated]:
    """Every document's analysis, in the order given, and, when children read
    them, their statements too (made there, as the rest is; read here, the
    pairing makes them). `workers` forces that many children (tests); by
    default a large corpus uses every core."""
    count = workers if workers is not None else cores()
    if count < 2 or (workers is None and sum(len(d.text) for d in docs) < PARALLEL_CHARS):
        return [analyse_document(d) for d in docs], {}
    parts = cut(docs, count)
    shares = [parts[i::count] for i in range(count)]  # about equal: the parts are
    found = run_children([[(docs[i], low, high) for i, low, high in share] for share in shares], stopper)
    if stopper is not None and stopper.stopped:
        raise Stopped
    if found is None:
        return [analyse_document(d) for d in docs], {}
    out = [Analysis(d) for d in docs]
    stated: Stated = {d.id: [] for d in docs}
    by_part = {
        part: result
        for share, results in zip(shares, found, strict=True)
        for part, result in zip(share, results, strict=True)
    }
    for part in parts:  # in text order
        figures, events, stances, made = by_part[part]
        index = part[0]
        out[index].figures.extend(figures)
        out[index].events.extend(events)
        out[index].sentences.extend(stances)
        stated[docs[index].id].append(made)
    for analysis in out:
        analysis.keywords = story_keywords(analysis.document.text)
    return out, stated


def cut(docs: list[Document], count: int) -> list[Part]:
    """Parts of about equal length, a few per child so that one long text does
    not leave a core idle. Each ends at a line break, where a sentence always
    ends, or with its text: a text without one is a single part."""
    total = sum(len(d.text) for d in docs)
    size = max(1, -(-total // (count * 2)))
    parts: list[Part] = []
    for index, doc in enumerate(docs):
        low = 0
        while low < len(doc.text):
            high = doc.text.find("\n", low + size)
            high = len(doc.text) if high < 0 or len(doc.text) - high < size // 2 else high
            parts.append((index, low, high))
            low = high
    return parts


def run_children(shares: list[list[Job]], stopper: Stopper | None = None) -> list[list[Found]] | None:
    """Each share read by its own child, all at once; None when one could not
    start, failed or answered what cannot be read."""
    path = os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path)
    children: list[subprocess.Popen[bytes]] = []
    try:
        for _ in shares:  # all started before any is fed: they import the rules side by side
            child = subprocess.Popen(
                [sys.executable, "-m", "tui.core.analysis.child"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            children.append(child)
            if stopper is not None:
                stopper.adopt(child)
        for child, share in zip(children, shares, strict=True):
            assert child.stdin is not None
            # Streamed both ways, not built as bytes first: a share holds whole texts
            # (5 MB for the benchmark corpus), and every byte held raises the peak.
            pickle.dump(share, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            child.stdin.close()
        out = []
        for child in children:
            assert child.stdout is not None
            out.append(pickle.load(child.stdout))  # noqa: S301 - our own child's findings
            if child.wait() != 0:
                return None
        return out
    except (OSError, pickle.UnpicklingError, EOFError):
        return None
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


def statements_of(analysis: Analysis, stated: Stated) -> list[Statement]:
    """The statements of one article: those its children made, or made now."""
    blobs = stated.get(analysis.document.id)
    if blobs is None:
        return statements(analysis)
    return [st for blob in blobs for st in pickle.loads(blob)]  # noqa: S301 - our own child's


def read_share(share: list[Job]) -> list[Found]:
    """In a child: the findings of each part, without the text they came from
    (the parent holds it already)."""
    out = []
    for doc, low, high in share:
        analysis = analyse_document(doc, low, high)
        made = pickle.dumps(statements(analysis), protocol=pickle.HIGHEST_PROTOCOL)
        out.append((analysis.figures, analysis.events, analysis.sentences, made))
    return out
