"""The batch paths of anchoring give what the one-quote paths give.

The multi-pattern pass, the q-gram candidates and the two-scan folding are
there for speed only; these properties pin them to the plain methods.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.document import multisearch
from tui.core.document.anchoring import TextIndex, resolve, resolve_all
from tui.core.document.text import _RUN, Folded, _runs
from tui.core.model.annotations import Anchor, Match

# A small alphabet makes repeats, overlaps and shared key prefixes common.
ALPHABET = "ab „“\u00a0\n\u00ad-–"
texts = st.text(alphabet=ALPHABET, min_size=0, max_size=300)


def _needles(text: str, data: st.DataObject) -> list[str]:
    picked = []
    for _ in range(data.draw(st.integers(1, 12))):
        if text and data.draw(st.booleans()):
            start = data.draw(st.integers(0, len(text) - 1))
            end = data.draw(st.integers(start, min(len(text), start + 3 * multisearch.KEY)))
            picked.append(text[start:end])
        else:
            picked.append(data.draw(st.text(alphabet=ALPHABET, max_size=30)))
    return picked


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_one_pass_finds_what_find_loops_find(text: str, data: st.DataObject) -> None:
    needles = _needles(text, data)
    found = multisearch.find_all(text, needles)
    for needle in needles:
        if needle:
            assert found[needle] == multisearch.find_one(text, needle), needle


@settings(max_examples=150, deadline=None)
@given(texts, st.data())
def test_batch_resolves_like_one_by_one(text: str, data: st.DataObject) -> None:
    anchors = []
    for quote in _needles(text, data):
        occurrence = data.draw(st.sampled_from([0, 0, 1, 2, 5]))
        hint = data.draw(st.one_of(st.none(), st.integers(0, len(text) + 2)))
        anchors.append(Anchor(quote, occurrence=occurrence, start=hint))
    batch = resolve_all(TextIndex(text), anchors)
    single = [resolve(TextIndex(text), anchor) for anchor in anchors]
    assert batch == single


words = st.lists(
    st.sampled_from(
        [
            "Nordkorea",
            "Russland",
            "Soldaten",
            "10.000",
            "Kim",
            "und",
            "der",
            "Vertrag",
            "Juni",
            "„Bündnis“",
            "Kursk",
            "über",
        ]
    ),
    min_size=30,
    max_size=150,
)


@settings(max_examples=60, deadline=None)
@given(words, st.data())
def test_batch_of_article_quotes_matches_exact_spans(tokens: list[str], data: st.DataObject) -> None:
    """Quotes cut from the text, some with a typo, some typed with ASCII quotes."""
    text = " ".join(tokens)
    anchors = []
    for _ in range(20):
        start = data.draw(st.integers(0, len(text) - 12))
        quote = text[start : start + data.draw(st.integers(8, 60))]
        style = data.draw(st.integers(0, 2))
        if style == 1:
            quote = quote.replace("„", '"').replace("“", '"')
        elif style == 2 and len(quote) > 20:
            i = data.draw(st.integers(5, len(quote) - 6))
            quote = quote[:i] + quote[i + 1] + quote[i] + quote[i + 2 :]
        anchors.append(Anchor(quote))
    batch = resolve_all(TextIndex(text), anchors)
    for anchor, result in zip(anchors, batch, strict=True):
        alone = resolve(TextIndex(text), anchor)
        assert (result.start, result.end, result.match) == (alone.start, alone.end, alone.match)
        if anchor.quote in text:
            assert result.match is Match.EXACT and text[result.start : result.end] == anchor.quote


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u00ad\u200bab„\u2003", max_size=40))
def test_two_scan_runs_equal_the_single_pattern(source: str) -> None:
    assert _runs(source) == [m.span() for m in _RUN.finditer(source)]


def _fold_plainly(source: str) -> tuple[str, list[int], list[int]]:
    """Folding as first written: every run of _RUN, then every folding character."""
    from tui.core.document.text import _HAS_SPACE, _fold_chars

    pieces, folded_at, source_at, last, length = [], [0], [0], 0, 0
    for match in _RUN.finditer(source):
        start, end = match.span()
        pieces.append(source[last:start])
        length += start - last
        if _HAS_SPACE.search(source, start, end):
            folded_at.append(length)
            source_at.append(start)
            pieces.append(" ")
            length += 1
        folded_at.append(length)
        source_at.append(end)
        last = end
    pieces.append(source[last:])
    return _fold_chars("".join(pieces)), folded_at, source_at


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u00ad\u200bab„“–-'’\u2003«`´—", max_size=50))
def test_one_scan_folds_as_runs_then_characters(source: str) -> None:
    """Runs and folding characters found in one scan (a folding character
    followed by spaces included) fold the text as the two plain steps do."""
    folded = Folded(source)
    text, folded_at, source_at = _fold_plainly(source)
    assert folded.text == text
    if len(folded._folded_at) > 1 or len(folded_at) > 1:
        assert (folded._folded_at, folded._source_at) == (folded_at, source_at)


def test_folding_a_large_text_keeps_offsets() -> None:
    source = "Er sagte:\u00a0„Nein“ –  und  ging.\n\n" * 2000
    folded = Folded(source)
    assert folded.text.startswith('Er sagte: "Nein" - und ging. Er')
    start = folded.text.index("ging", 40)
    begin, end = folded.span_to_source(start, start + 4)
    assert source[begin:end] == "ging"


def test_without_pyahocorasick_the_batch_still_finds_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    text = "Kim sagte, Kim habe nichts gesagt. " * 3
    expected = multisearch.find_all(text, ["Kim", "nichts gesagt", "fehlt"])
    monkeypatch.setitem(sys.modules, "ahocorasick", None)  # import now fails
    assert multisearch.find_all(text, ["Kim", "nichts gesagt", "fehlt"]) == expected


def _one_edit(quote: str, at: int, kind: int, letter: str) -> str:
    if kind == 0:  # two neighbours swapped
        return quote[:at] + quote[at + 1] + quote[at] + quote[at + 2 :]
    if kind == 1:  # one character replaced
        return quote[:at] + letter + quote[at + 1 :]
    if kind == 2:  # one inserted
        return quote[:at] + letter + quote[at:]
    return quote[:at] + quote[at + 1 :]  # one deleted


@settings(max_examples=200, deadline=None)
@given(words, st.data())
def test_one_edit_keeps_the_true_place_among_the_candidates(tokens: list[str], data: st.DataObject) -> None:
    """Whatever grams a quote keeps, a quote one edit away from the text gets
    its true place as a candidate, or a place that is just as close."""
    from rapidfuzz import fuzz

    from tui.core.document import qgrams

    text = " ".join(tokens)
    start = data.draw(st.integers(0, len(text) - 24))
    true = text[start : start + data.draw(st.integers(12, 60))]
    at = data.draw(st.integers(1, len(true) - 3))
    quote = _one_edit(true, at, data.draw(st.integers(0, 3)), data.draw(st.sampled_from("aeäx .")))
    every = qgrams.grams(quote)
    items = sorted(data.draw(st.lists(st.sampled_from(every), min_size=1, unique=True))) if every else []
    hits = {gram: multisearch.find_one(text, gram) for _, gram in every}
    chosen = qgrams.candidates(quote, text, items, hits)
    if quote in text or not any(hits[g] for _, g in items):
        return
    best = max((fuzz.ratio(quote, text[p : p + len(quote)]) for p in chosen), default=0.0)
    whole = [g for g in items if quote[g[0] : g[0] + len(g[1])] == true[g[0] : g[0] + len(g[1])]]
    if whole:  # some gram it kept stands at the true place
        assert any(abs(p - start) <= 2 for p in chosen) or best >= qgrams.one_edit(len(quote))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab ", min_size=30, max_size=200), st.data())
def test_agreeing_places_hold_the_true_place_after_one_edit(text: str, data: st.DataObject) -> None:
    """With repeats everywhere (two letters), the places the grams agree on
    after one edit still hold the true place whenever a gram is known whole."""
    from tui.core.document import qgrams

    start = data.draw(st.integers(0, len(text) - 24))
    true = text[start : start + data.draw(st.integers(24, 40))]
    at = data.draw(st.integers(1, len(true) - 3))
    quote = _one_edit(true, at, data.draw(st.integers(0, 3)), data.draw(st.sampled_from("abx")))
    items = qgrams.grams(quote)
    hits = {gram: multisearch.find_one(text, gram) for _, gram in items}
    if not any(not hits[g] for _, g in items):
        return  # nothing known broken: the agreement rests on every gram, checked by ratio
    agreeing = qgrams._agreeing(items, hits)
    if agreeing:
        assert any(abs(p - start) <= 2 for p in agreeing)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcd ", min_size=9, max_size=60), st.data())
def test_kept_grams_survive_any_one_edit(quote: str, data: st.DataObject) -> None:
    """However rare or common each gram is, one edit anywhere (two neighbours
    swapped) leaves one of the grams a batch keeps whole."""
    from tui.core.document import qgrams

    items = qgrams.grams(quote)
    counts = {gram: [0] * data.draw(st.integers(0, 5)) for _, gram in items}
    kept = qgrams.spread(items, counts)
    for at in range(len(quote) - 1):
        assert any(off > at + 1 or off + len(gram) <= at for off, gram in kept), (at, kept)


def test_a_typo_across_three_grams_is_still_found_in_a_batch() -> None:
    """The grams a transposition breaks are the rarest in the text; a batch
    that kept only those found nothing (an orphan where one quote alone was found)."""
    text = " ".join(["Nordkorea"] * 60)
    quote = "Nordkorea Nrodkorea Nord"
    batch = resolve_all(TextIndex(text), [Anchor(quote)])[0]
    assert batch == resolve(TextIndex(text), Anchor(quote))
    assert (batch.start, batch.end, batch.match) == (0, 24, Match.FUZZY)


def test_a_quote_too_short_for_a_gapped_pair_keeps_every_gram() -> None:
    """'aaa-' has two grams that overlap, one of them broken; keeping only the
    rarer one (the broken one) made the batch orphan what one quote alone finds."""
    from tui.core.document import qgrams

    items = qgrams.grams("aaa-")
    assert qgrams.spread(items, {"aaa": [0]}) == items
    batch = resolve_all(TextIndex("aaa"), [Anchor("aaa-")])
    assert batch == [resolve(TextIndex("aaa"), Anchor("aaa-"))]
    assert batch[0].match is Match.FUZZY


def test_needles_that_open_alike_get_every_start() -> None:
    """Many quotes opening with the same common words (a longer key for them)
    and short ones inside them: every start, as find loops give."""
    text = "und der Vertrag und der Vertrag wurde und der Verteidigung und der Vertragspartner " * 20
    needles = [text[0:n] for n in range(3, 50)] + [text[32 : 32 + n] for n in range(5, 40)]
    needles += ["und der Ver", "und der Vertrag", "und der Vertragsp", "nicht da"]
    found = multisearch.find_all(text, needles)
    for needle in needles:
        assert found[needle] == multisearch.find_one(text, needle), needle


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u00ad\u200bab„“–-'’\u2003«`", max_size=40))
def test_folding_skips_only_text_it_would_leave_alone(source: str) -> None:
    """The shortcut for text with nothing to fold gives what folding gives."""
    from tui.core.document.text import _FOLDS, _fold_chars

    if _FOLDS.search(source) is None:
        assert _runs(source) == [] and _fold_chars(source) == source
    folded = Folded(source)
    for index in range(len(folded.text)):
        assert 0 <= folded.to_source(index) < len(source)


def test_results_filled_slot_by_slot_equal_constructed_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch fills its exact results' slots directly; they must be the
    Resolutions `__init__` makes, and `__init__` is used if that is unsafe."""
    from tui.core.document import anchoring
    from tui.core.model.annotations import Resolution

    assert anchoring._SLOTS is not None  # the direct path is the one taken
    text = "und der Vertrag und der Vertrag wurde. Kim sagte nichts."
    anchors = [Anchor(q) for q in ("der Vertrag wurde", "und der", "Kim", "fehlt hier", "Vertrag")]
    direct = resolve_all(TextIndex(text), anchors)
    assert direct[0] == Resolution(20, 37, Match.EXACT) and direct[0].score == 1.0
    assert not direct[0].ambiguous and direct[1].ambiguous
    monkeypatch.setattr(anchoring, "_SLOTS", None)
    assert resolve_all(TextIndex(text), anchors) == direct
