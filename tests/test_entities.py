"""annotations/entities.yaml: the loader's messages and positions, its effect on
name suggestions, and `crossread check` naming file:line:col."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tui.core.analysis import Document, suggest
from tui.core.files.entities import Entity, parse_entities_file
from tui.core.model.corpus import load_corpus
from tui.core.model.diagnostics import Problems

GOOD = (
    "version: 1\nentities:\n  - name: Wolodymyr Selenskyj\n"
    "    aliases: [Selenskij, Volodymyr Zelenskyy]\n    role: Präsident\n"
    "  - name: Kim Jong Un\n    aliases:\n      - Kim Jong-un\n"
)


def parse(tmp_path: Path, text: str) -> tuple[list[Entity], Problems]:
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems(path)
    return parse_entities_file(path, problems), problems


def test_good_file(tmp_path: Path) -> None:
    entities, problems = parse(tmp_path, GOOD)
    assert list(problems) == []
    assert entities == [
        Entity("Wolodymyr Selenskyj", ("Selenskij", "Volodymyr Zelenskyy"), "Präsident", 3, 5),
        Entity("Kim Jong Un", ("Kim Jong-un",), "", 6, 5),
    ]
    assert entities[1].spellings == ("Kim Jong Un", "Kim Jong-un")


@pytest.mark.parametrize(
    ("text", "level", "line", "column", "message"),
    [
        ("version: 1\nentities: [oops\n", "error", 3, 1, "YAML syntax error"),
        ("- a\n- b\n", "error", 1, 1, "the file must be a mapping with 'version' and 'entities'"),
        ("version: 2\nentities: []\n", "error", 1, 10, "unsupported schema version 2"),
        ("entities: []\n", "warning", 1, 1, "no schema 'version'; assuming 1"),
        ("version: 1\nentities: {a: 1}\n", "error", 2, 11, "'entities' must be a list"),
        ("version: 1\nentites: []\n", "warning", 2, 1, "unknown key 'entites' in the file"),
        ("version: 1\nentities:\n  - Kim\n", "error", 3, 5, "an entity must be a mapping, not str"),
        ("version: 1\nentities:\n  - aliases: [Kim]\n", "error", 3, 5, "this entity has no 'name'"),
        ("version: 1\nentities:\n  - name: Kim Jong Un\n", "error", 3, 5, "this entity has no 'aliases'"),
        (
            "version: 1\nentities:\n  - name: Kim Jong Un\n    aliases: {a: b}\n",
            "error",
            4,
            14,
            "'aliases' must be a list of text values",
        ),
        (
            "version: 1\nentities:\n  - name: [Kim]\n    aliases: [Kim Jong-un]\n",
            "error",
            3,
            11,
            "'name' must be text, not a list",
        ),
        (
            "version: 1\nentities:\n  - name: Kim Jong Un\n    aliases: [kim jong un, '']\n",
            "error",
            4,
            14,
            "'aliases' of 'Kim Jong Un' names no other spelling",
        ),
        (
            "version: 1\nentities:\n  - name: Kim Jong Un\n    aliases: [Kim Jong-un]\n    rolle: x\n",
            "warning",
            5,
            5,
            "unknown key 'rolle' in this entity; it is ignored",
        ),
        (
            "version: 1\nentities:\n  - name: Kim Jong Un\n    aliases: [Kim Jong-un]\n"
            "  - name: Kim\n    aliases: [KIM JONG-UN]\n",
            "error",
            5,
            5,
            "'KIM JONG-UN' is already a spelling of 'Kim Jong Un'",
        ),
    ],
)
def test_bad_files(tmp_path: Path, text: str, level: str, line: int, column: int, message: str) -> None:
    _, problems = parse(tmp_path, text)
    found = [(d.level.value, d.line, d.column) for d in problems if message in d.message]
    assert found == [(level, line, column)], [str(d) for d in problems]


def test_bad_entity_does_not_hide_the_next(tmp_path: Path) -> None:
    entities, problems = parse(
        tmp_path, "version: 1\nentities:\n  - name: X\n  - name: Kim Jong Un\n    aliases: [Kim Jong-un]\n"
    )
    assert [e.name for e in entities] == ["Kim Jong Un"]
    assert [d.line for d in problems] == [3]


DOCS = [
    Document("a", "Der Präsident Wolodymyr Selenskyj reiste am Montag nach Berlin.", None, "de"),
    Document("b", "President Volodymyr Zelenskyy travelled to Berlin on Monday.", None, "en"),
    Document("c", "Der Chef Hans Maier sagte nichts.", None, "de"),
    Document("d", "Der Chef Hans Meier sagte nichts.", None, "de"),
]


def _name_pairs(entities: list[Entity]) -> set[tuple[str, frozenset[str]]]:
    return {
        (s.relation, frozenset(m.text for m in s.members))
        for s in suggest(DOCS, entities=entities)
        if s.reason == "name"
    }


def test_aliases_are_no_variant_or_error() -> None:
    selenskyj = ("variant", frozenset({"Wolodymyr Selenskyj", "Volodymyr Zelenskyy"}))
    maier = ("contradicts", frozenset({"Hans Maier", "Hans Meier"}))
    without = _name_pairs([])
    assert selenskyj in without and maier in without
    entities = [
        Entity("Wolodymyr Selenskyj", ("Volodymyr Zelenskyy",)),
        Entity("Hans Maier", ("hans meier",)),
    ]
    assert _name_pairs(entities) == without - {selenskyj, maier}
    # Names that are not spellings of one entity are still compared.
    assert _name_pairs(
        [Entity("Hans Maier", ("Wolodymyr Selenskyj",)), Entity("Hans Meier", ("Hans Müller",))]
    ) == without - {selenskyj}


def test_corpus_reads_entities_not_as_an_article(make_corpus) -> None:
    root = make_corpus({"articles/a.txt": "Title\nKim Jong Un sprach.\n", "annotations/entities.yaml": GOOD})
    corpus = load_corpus(root)
    assert [e.name for e in corpus.entities] == ["Wolodymyr Selenskyj", "Kim Jong Un"]
    assert corpus.diagnostics == []
    assert "entities" not in corpus.annotations


def test_check_names_file_line_column(make_corpus) -> None:
    root = make_corpus(
        {
            "articles/a.txt": "Title\nKim Jong Un sprach.\n",
            "annotations/entities.yaml": "version: 1\nentities:\n"
            "  - name: Kim Jong Un\n"
            "    aliases: {a: b}\n",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(root)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert (
        "annotations/entities.yaml:4:14: error: 'aliases' must be a list of text values" in result.stdout
    ), result.stdout
    assert "no article 'entities'" not in result.stdout
