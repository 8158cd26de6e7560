import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tui.core.document.anchoring import TextIndex, context_of, resolve
from tui.core.document.text import escape_controls, fold
from tui.core.model.annotations import Anchor, Match

TEXT = (
    "Laut Kleine Zeitung hat Nordkorea über 10.000 Soldaten verlegt. Lawrow sprach von "
    "einer „unbesiegbaren Kampfgemeinschaft“.\nDer Vertrag\u00a0wurde im Juni 2024 "
    "unterzeichnet – so Kim. Kim sagte, Kim habe nichts gesagt."
)


def found(anchor: Anchor, text: str = TEXT) -> tuple[str, Match, bool]:
    result = resolve(TextIndex(text), anchor)
    span = text[result.start : result.end] if result.resolved else ""
    return span, result.match, result.ambiguous


@pytest.mark.parametrize(
    ("anchor", "span", "match", "ambiguous"),
    [
        (Anchor("über 10.000 Soldaten"), "über 10.000 Soldaten", Match.EXACT, False),
        (
            Anchor('"unbesiegbaren Kampfgemeinschaft"'),
            "„unbesiegbaren Kampfgemeinschaft“",
            Match.EXACT,
            False,
        ),
        (Anchor("Der Vertrag wurde"), "Der Vertrag\u00a0wurde", Match.EXACT, False),
        (Anchor("Soldaten verlegt.   Lawrow"), "Soldaten verlegt. Lawrow", Match.EXACT, False),
        (Anchor("Juni 2024 unterzeichnet - so"), "Juni 2024 unterzeichnet – so", Match.EXACT, False),
        (Anchor("Kim"), "Kim", Match.EXACT, True),
        (Anchor("Kim", occurrence=2), "Kim", Match.EXACT, False),
        (Anchor("Kim", occurrence=9), "", Match.ORPHAN, False),
        (Anchor("über 10.000 Soldatn"), "über 10.000 Soldaten", Match.FUZZY, False),
        (Anchor("Kleine Zeitnug hat Nordkorea"), "Kleine Zeitung hat Nordkorea", Match.FUZZY, False),
        (Anchor("völlig anderer Satz, der fehlt"), "", Match.ORPHAN, False),
        (Anchor(""), "", Match.ORPHAN, False),
        (Anchor("Kim", start=0), "Kim", Match.EXACT, False),
    ],
)
def test_resolution_table(anchor: Anchor, span: str, match: Match, ambiguous: bool) -> None:
    assert found(anchor) == (span, match, ambiguous)


def test_prefix_and_suffix_pick_the_occurrence() -> None:
    second = TEXT.index("Kim habe")
    result = resolve(TextIndex(TEXT), Anchor("Kim", prefix="sagte, ", suffix=" habe"))
    assert (result.start, result.ambiguous) == (second, False)


def test_position_hint_is_used_first_and_checked() -> None:
    last = TEXT.rindex("Kim")
    assert resolve(TextIndex(TEXT), Anchor("Kim", start=last)).start == last
    stale = resolve(TextIndex(TEXT), Anchor("über 10.000", start=3))  # text moved
    assert TEXT[stale.start : stale.end] == "über 10.000"


def test_index_and_scan_agree() -> None:
    index = TextIndex(TEXT * 3)
    for quote in ["Kim sagte", "Nordkorea über", "2024", "„unbesiegbaren"]:
        assert index.occurrences(quote, True) == TextIndex(TEXT * 3).occurrences(quote, False)


def test_context_for_new_anchors() -> None:
    start = TEXT.index("Lawrow")
    prefix, suffix = context_of(TEXT, start, start + 6)
    assert prefix == TEXT[start - 32 : start] and suffix == TEXT[start + 6 : start + 38]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mb", "a^[[31mb"),
        ("x\x07", "x^G"),
        ("tab\tnl\n", "tab\tnl\n"),
        ("del\x7f", "del\\x7f"),
        ("c1\x9b", "c1\\x9b"),
        ("plain [bold]", "plain [bold]"),
    ],
)
def test_controls_become_visible(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("„a“", '"a"'),
        ("‚a‘", "'a'"),
        ("a\u00a0\n  b", "a b"),
        ("x–y—z", "x-y-z"),
        ("Sol\u00addaten", "Soldaten"),
    ],
)
def test_folding(raw: str, folded: str) -> None:
    assert fold(raw) == folded


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
    min_size=20,
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(words, st.data())
def test_quote_from_text_resolves_exactly(tokens: list[str], data: st.DataObject) -> None:
    text = " ".join(tokens)
    start = data.draw(st.integers(0, len(text) - 8))
    end = data.draw(st.integers(start + 8, min(len(text), start + 80)))
    quote = text[start:end]
    prefix, suffix = context_of(text, start, end)
    result = resolve(TextIndex(text), Anchor(quote, prefix, suffix, start=start))
    assert (result.start, result.end, result.match) == (start, end, Match.EXACT)
    # Without the position hint, prefix and suffix still find the same span
    # unless the whole context repeats.
    again = resolve(TextIndex(text), Anchor(quote, prefix, suffix))
    assert text[again.start : again.end] == quote


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 3), st.sampled_from("xqzj"))
def test_small_edit_resolves_fuzzily(seed: int, kind: int, letter: str) -> None:
    sentences = [f"Satz {n}: Die Truppe {n * 7} meldet {n * 13} Soldaten an der Grenze." for n in range(40)]
    text = " ".join(sentences)
    target = sentences[seed % 40]
    start = text.index(target)
    pos = 10 + seed % (len(target) - 20)
    edits = [
        target[:pos] + target[pos + 1 :],
        target[:pos] + letter + target[pos:],
        target[:pos] + letter + target[pos + 1 :],
        target[:pos] + target[pos + 1] + target[pos] + target[pos + 2 :],
    ]
    quote = edits[kind]
    assume(quote not in text)
    result = resolve(TextIndex(text), Anchor(quote))
    assert result.match is Match.FUZZY
    assert abs(result.start - start) <= 2 and abs(result.end - (start + len(target))) <= 2


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 29))
def test_deleted_passage_becomes_orphan(which: int) -> None:
    sentences = [f"Absatz {n} berichtet über Ereignis {n * 31} in der Stadt Nummer {n}." for n in range(30)]
    quote = "Ein völlig eigener Satz über Pjöngjang, der gelöscht wurde."
    sentences.insert(which, quote)
    original = " ".join(sentences)
    assert resolve(TextIndex(original), Anchor(quote)).match is Match.EXACT
    edited = original.replace(quote + " ", "").replace(" " + quote, "")
    assert resolve(TextIndex(edited), Anchor(quote)).match is Match.ORPHAN
