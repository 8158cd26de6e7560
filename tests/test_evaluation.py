"""The suggestion evaluation (benchmarks/evaluate.py): its matching and its
counts on a tiny gold set with a known answer. Not a quality threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.evaluate import EVAL_DIR, GoldItem, GoldMember, load_stories, main, matches, score
from tui.core.analysis import Member, Suggestion


def _suggestion(relation: str, *members: tuple[str, int, int]) -> Suggestion:
    return Suggestion(
        f"x-{relation}-{members}",
        relation,
        "number",
        "",
        0.5,
        tuple(Member(a, s, e, "") for a, s, e in members),
    )


def _gold(relation: str, *members: tuple[str, int, int]) -> GoldItem:
    return GoldItem(relation, "number", tuple(GoldMember(a, ((s, e),), "") for a, s, e in members))


def test_a_match_needs_the_relation_and_an_overlap_for_each_member_in_its_article() -> None:
    gold = _gold("contradicts", ("a", 10, 20), ("b", 5, 9))
    assert matches(_suggestion("contradicts", ("a", 15, 30), ("b", 0, 6)), gold)
    assert matches(_suggestion("contradicts", ("b", 8, 9), ("a", 19, 25)), gold)  # order is free
    assert not matches(_suggestion("corroborates", ("a", 15, 30), ("b", 0, 6)), gold)
    assert not matches(_suggestion("contradicts", ("a", 20, 30), ("b", 0, 6)), gold)  # only touches
    assert not matches(_suggestion("contradicts", ("a", 15, 30), ("c", 0, 6)), gold)  # other article
    # both gold members in one article need two distinct suggestion members
    same = _gold("variant", ("a", 0, 5), ("a", 3, 8))
    assert not matches(_suggestion("variant", ("a", 4, 5), ("b", 0, 1)), same)
    assert matches(_suggestion("variant", ("a", 0, 1), ("a", 6, 7)), same)


def test_precision_and_recall_per_relation_on_a_known_answer() -> None:
    gold = [
        _gold("contradicts", ("a", 0, 10), ("b", 0, 10)),
        _gold("contradicts", ("a", 20, 30), ("b", 20, 30)),
        _gold("corroborates", ("a", 40, 50), ("b", 40, 50)),
    ]
    made = [
        _suggestion("contradicts", ("a", 2, 4), ("b", 5, 6)),  # right
        _suggestion("contradicts", ("a", 60, 70), ("b", 60, 70)),  # not planted
        _suggestion("updates", ("a", 20, 30), ("b", 20, 30)),  # planted, wrong relation
        _suggestion("corroborates", ("a", 45, 46), ("b", 49, 52)),
    ]  # right
    tally = score(made, gold)
    assert tally.precision("contradicts") == 0.5 and tally.recall("contradicts") == 0.5
    assert tally.precision("corroborates") == 1.0 and tally.recall("corroborates") == 1.0
    assert tally.precision("updates") == 0.0 and tally.recall("updates") is None
    assert tally.precision() == 0.5 and tally.recall() == 2 / 3
    assert len(tally.missed) == 1 and len(tally.spurious) == 2


def test_the_stories_load_with_every_quote_found() -> None:
    stories = load_stories(EVAL_DIR)
    assert sum(not s.held_out for s in stories) >= 4  # tuning stories; held-out ones come and go
    languages = {d.language for s in stories for d in s.documents}
    assert languages == {"de", "en"}
    for story in stories:
        assert 2 <= len(story.documents) <= 4
        for item in story.gold:
            for member in item.members:
                text = next(d.text for d in story.documents if d.id == member.article)
                assert all(0 <= s < e <= len(text) for s, e in member.spans)


def test_the_evaluation_runs_and_prints_a_table(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "tiny"
    story.mkdir()
    (story / "a.md").write_text("Mindestens 11.000 Soldaten wurden verlegt.\n", encoding="utf-8")
    (story / "b.md").write_text("Etwa 10.000 Soldaten wurden verlegt.\n", encoding="utf-8")
    (story / "gold.yaml").write_text(
        "articles:\n  a: {file: a.md, published: 2025-01-02, language: de}\n"
        "  b: {file: b.md, published: 2025-01-02, language: de}\n"
        "relations:\n  - relation: contradicts\n    reason: number\n    members:\n"
        "      - {article: a, quote: 'Mindestens 11.000 Soldaten'}\n"
        "      - {article: b, quote: 'Etwa 10.000 Soldaten'}\n",
        encoding="utf-8",
    )
    assert main(["--eval-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| contradicts | 1.00 (1/1) | 1.00 (1/1) |" in out


def _story(root: Path, name: str, held_out: bool) -> None:
    story = root / name
    story.mkdir()
    (story / "a.md").write_text("Mindestens 11.000 Soldaten wurden verlegt.\n", encoding="utf-8")
    (story / "b.md").write_text("Etwa 10.000 Soldaten wurden verlegt.\n", encoding="utf-8")
    (story / "gold.yaml").write_text(
        f"held_out: {str(held_out).lower()}\n"
        "articles:\n  a: {file: a.md, published: 2025-01-02, language: de}\n"
        "  b: {file: b.md, published: 2025-01-02, language: de}\n"
        "relations:\n  - relation: corroborates\n    reason: number\n    members:\n"
        "      - {article: a, quote: 'Mindestens 11.000 Soldaten'}\n"
        "      - {article: b, quote: 'Etwa 10.000 Soldaten'}\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("held_out", [False, True])
def test_verbose_details_only_for_tuning_stories(tmp_path: Path, capsys, held_out: bool) -> None:  # type: ignore[no-untyped-def]
    _story(tmp_path, "planted", held_out)
    assert main(["--eval-dir", str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    details = [line for line in out.splitlines() if line.startswith(("MISSED", "SPURIOUS"))]
    if held_out:
        assert details == [] and "Soldaten" not in out
        assert "held-out stories: totals only, 1 missed, 1 spurious" in out
    else:
        assert any(line.startswith("MISSED   [planted]") for line in details)


def test_a_broken_held_out_story_does_not_show_its_quotes(tmp_path: Path) -> None:
    _story(tmp_path, "secret", True)
    gold = tmp_path / "secret" / "gold.yaml"
    gold.write_text(gold.read_text(encoding="utf-8").replace("Etwa 10.000", "Rund 9.000"), encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_stories(tmp_path)
    assert "secret" in str(caught.value) and "9.000" not in str(caught.value)
