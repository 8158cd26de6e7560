"""The article view's pure models: wrapping, caret motions, highlights, matches."""

from __future__ import annotations

from pathlib import Path

from tui.core.document.highlights import Highlights, Matches
from tui.core.document.layout import Cells
from tui.core.document.wrapped import ArticleNavigator, WrappedArticle
from tui.core.files.article import parse_plain
from tui.core.model.annotations import Anchor, Annotation, Match, Resolution

TEXT = (
    "Erster Absatz mit einigen Wörtern, die umbrechen müssen.\n\n"
    "Zweiter Absatz. Er hat zwei Sätze.\n\n" + "Ein kurzer Absatz.\n\n" * 600
)


def wrapped(width: int = 20) -> WrappedArticle:
    article = parse_plain("a", Path("a.txt"), TEXT)
    model = WrappedArticle(article, Cells())
    assert model.rewrap(width) and not model.rewrap(width)
    return model


def test_lines_are_laid_out_only_as_far_as_asked() -> None:
    model = wrapped()
    model.extend(min_lines=3)
    assert 3 <= len(model.lines) < 600 and not model.complete
    assert model.height() > len(model.lines)  # the rest is estimated
    far = len(TEXT) - 10
    index = model.line_of(far)
    assert model.lines[index].start <= far <= model.lines[index].end
    model.finish()
    assert model.complete and model.height() == len(model.lines)


def test_offsets_and_columns_round_trip() -> None:
    model = wrapped()
    model.finish()
    for offset in (0, 7, 25, 60):
        index = model.line_of(offset)
        assert model.offset_at(index, model.column_of(offset)) == offset


def test_line_motions_keep_the_column_and_skip_blank_lines() -> None:
    model = wrapped()
    nav = ArticleNavigator(model)
    model.extend(min_lines=10)
    down = nav.lines(3, 1)
    assert model.line_of(down) == 1 and model.column_of(down) == 3
    start_second = TEXT.index("Zweiter")
    last_of_first = model.lines[model.line_of(start_second) - 2].start
    assert model.lines[model.line_of(last_of_first) + 1].block < 0  # a blank line between
    assert model.line_of(nav.lines(last_of_first, 1)) == model.line_of(start_second)
    assert nav.lines(0, -5) == 0 and nav.left(0) == 0
    assert nav.sentence_right(start_second) == TEXT.index("Er hat")


def claim(ident: str, start: int, end: int, kind: str = "claim") -> Annotation:
    a = Annotation(
        id=ident, kind=kind, article="a", path=Path("a.yaml"), anchor=Anchor(quote=TEXT[start:end])
    )
    a.resolution = Resolution(start, end, Match.EXACT)
    return a


def test_jumps_wrap_around_and_follow_the_filter() -> None:
    marks = [claim("c1", 0, 6), claim("s1", 14, 20, "source"), claim("c2", 30, 40)]
    found = Highlights(marks, {"a#c2"})
    assert found.jump(0, True, "all").id == "s1"
    assert found.jump(30, True, "all").id == "c1"  # wraps to the first
    assert found.jump(0, False, "claim").id == "c2"  # wraps to the last
    assert found.jump(0, True, "contradiction").id == "c2"
    assert found.jump(0, True, "note") is None
    assert found.at(15).id == "s1" and found.at(25) is None


def test_contradiction_jumps_go_in_text_order_whatever_the_file_order() -> None:
    # In the file out of order, two starting together (the longer is met first),
    # a plain claim in between and an orphan that } never reaches.
    orphan = claim("c0", 2, 4)
    orphan.resolution = Resolution(2, 4, Match.ORPHAN)
    marks = [claim("c4", 30, 40), claim("c3", 14, 18), claim("c2", 14, 20), claim("p", 8, 10), orphan]
    found = Highlights(marks, {"a#c4", "a#c3", "a#c2", "a#c0"})
    forward, here = [], 0
    for _ in range(4):
        target = found.jump(here, True, "contradiction")
        forward.append(target.id)
        here = target.start
    assert forward == ["c2", "c4", "c2", "c4"]  # c3 starts with c2, the longer: passed over, as by ]
    assert found.jump(30, False, "contradiction").id == "c3"
    assert found.jump(35, False, "contradiction").id == "c4"
    assert found.jump(14, False, "contradiction").id == "c4"  # wraps to the last


def test_matches_fold_case_and_typography_and_skip_hidden_text() -> None:
    text = "„Kursk“ und KURSK und kursk"
    every = Matches(text, '"kursk"')
    assert every.spans == [(0, 7)]
    plain = Matches(text, "kursk", first=2)
    assert [s for s, _ in plain.spans] == [12, 22]
    assert plain.next(12) == 22 and plain.next(22) == 12 and plain.previous(12) == 22
    assert Matches(text, "").spans == [] and Matches(text, "").next(0) is None


def test_in_article_and_corpus_search_find_the_same_spans() -> None:
    from tui.core.views.search import find_all

    # "İ" lower-cases to two characters; one such letter once hid every match.
    text = "İzmir, Kursk und kursk; ‚KURSK‘"
    assert Matches(text, "kursk").spans == find_all(text, "kursk")
    assert len(Matches(text, "kursk").spans) == 3
