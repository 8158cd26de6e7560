import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tui.core.files import yamldump, yamlio


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a: &x 1\nb: *x\n", 2, 4, "aliases are not allowed"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a'"),
        ("a: [1, 2\n", 2, 1, "YAML syntax error"),
        ("x: !!python/object/apply:os.system ['echo hi']\n", 1, 4, "is not allowed"),
        ("x: !custom 1\n", 1, 4, "is not allowed"),
        ("[" * 40 + "]" * 40, 1, 33, "nesting is deeper than 32"),
        ("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
        ("? [a]\n: 1\n", 1, 3, "mapping key must be a plain value"),
    ],
)
def test_load_errors_are_positioned(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(yamlio.YamlError) as info:
        yamlio.load(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert message in info.value.message
    assert info.value.hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: 1.10", "1.10"),
        ("v: 2024-02-30", "2024-02-30"),
        ("v: 007", "007"),
        ("v: 12", 12),
        ("v: true", True),
        ("v: ~", None),
        ("v: '12'", "12"),
        ("on: 1", 1),
    ],
)
def test_scalars_keep_what_was_typed(text: str, expected: object) -> None:
    data = yamlio.load(text)
    assert list(data.values()) == [expected]


def test_oversized_document_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    with pytest.raises(yamlio.YamlError, match="larger than"):
        yamlio.load("a: " + "x" * 200)


def test_billion_laughs_is_refused_fast() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    with pytest.raises(yamlio.YamlError, match="aliases"):
        yamlio.load(bomb)


def test_marks_point_at_values() -> None:
    data = yamlio.load("top:\n  - id: a\n    kind: claim\n")
    item = data["top"][0]
    assert data["top"].marks[0] == (2, 5)
    assert item.mark_of("kind") == (3, 11)


def test_dump_uses_blocks_and_drops_empty_fields() -> None:
    out = yamldump.dump({"id": "n1", "text": "line one\nline two", "tags": [], "topic": ""})
    assert out == "id: n1\ntext: |-\n  line one\n  line two\n"


@given(st.text(min_size=1))
@example("next\x85line\u2028sep")
@example("nul\x00byte")
@example("  leading and trailing  ")
@example("two\n\nblank\n\n")
@example("no")
@example("1.10")
@example("2024-02-30")
@example("[@click=app.quit]")
def test_any_text_round_trips(text: str) -> None:
    assert yamlio.load(yamldump.dump({"text": text, "n": 1})) == {"text": text, "n": 1}
