"""`annotations/entities.yaml`: confirmed aliases of one person or organisation.

    version: 1
    entities:
      - name: Wolodymyr Selenskyj
        aliases: [Selenskij, Zelenskyy, Volodymyr Zelensky]
        role: Präsident          # optional

The analysis never proposes two aliases of one entity as a name variant or a
possible error. Every mistake is reported at its line and column with a hint,
like the other annotation files; nothing here raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.core.files import yamlio
from tui.core.model.diagnostics import Problems

ENTITIES_FILE = "entities.yaml"
FILE_KEYS = ("version", "entities")
ENTITY_KEYS = ("name", "aliases", "role")


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    aliases: tuple[str, ...]
    role: str = ""
    line: int = 0
    column: int = 0

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)


def parse_entities_file(
    path: Path, problems: Problems, root: Path | None = None, raw: bytes | None = None
) -> list[Entity]:
    """The entities of one file; what is wrong is in problems."""
    # Here, not at the top: the model imports Entity, and a cached start parses no file.
    from tui.core.files.fields import load_yaml_file, unknown_keys

    data = load_yaml_file(path, problems, root, raw)
    if data is None:
        return []
    if not isinstance(data, yamlio.YMap):
        problems.error(
            1,
            1,
            "the file must be a mapping with 'version' and 'entities'",
            "start the file with 'version: 1' and 'entities:'",
        )
        return []
    version = data.get("version")
    if version is None:
        line, col = data.mark
        problems.warning(line, col, "no schema 'version'; assuming 1", "add 'version: 1'")
    elif version != 1:
        line, col = data.mark_of("version")
        problems.error(line, col, f"unsupported schema version {version!r}", "this crossread reads version 1")
        return []
    unknown_keys(problems, data, FILE_KEYS, "the file")
    items = data.get("entities")
    if items is None:
        return []
    if not isinstance(items, yamlio.YList):
        line, col = data.mark_of("entities")
        problems.error(
            line,
            col,
            "'entities' must be a list",
            "start each entity with '- name: ...' and 'aliases: [...]' below it",
        )
        return []
    entities: list[Entity] = []
    owner: dict[str, str] = {}  # a spelling -> the entity that claims it
    for item, mark in zip(items, items.marks, strict=True):
        entity = _parse_entity(item, mark, problems)
        if entity is None:
            continue
        clash = next((s for s in entity.spellings if s.casefold() in owner), None)
        if clash is not None:
            problems.error(
                entity.line,
                entity.column,
                f"{clash!r} is already a spelling of {owner[clash.casefold()]!r}",
                "list each spelling under one entity only; merge the two entries",
            )
            continue
        for spelling in entity.spellings:
            owner[spelling.casefold()] = entity.name
        entities.append(entity)
    return entities


def _parse_entity(item: object, mark: tuple[int, int], problems: Problems) -> Entity | None:
    from tui.core.files.fields import Fields, type_name, unknown_keys

    line, col = mark
    if not isinstance(item, yamlio.YMap):
        problems.error(
            line,
            col,
            f"an entity must be a mapping, not {type_name(item)}",
            "write '- name: ...' with 'aliases: [...]' below it",
        )
        return None
    unknown_keys(problems, item, ENTITY_KEYS, "this entity")
    fields = Fields(item, problems, "this entity")
    name = fields.text(
        "name", required=True, hint="add the name most articles use, e.g. 'name: Kim Jong Un'"
    ).strip()
    role = fields.text("role").strip()
    if "aliases" not in item:
        problems.error(
            line,
            col,
            "this entity has no 'aliases'",
            "add 'aliases: [...]' with the other spellings of the name",
        )
        return None
    aliases = fields.text_list("aliases")
    if not fields.ok or not name:
        return None
    aliases = tuple(dict.fromkeys(a.strip() for a in aliases if a.strip()))
    others = tuple(a for a in aliases if a.casefold() != name.casefold())
    if not others:
        line, col = item.mark_of("aliases")
        problems.error(
            line,
            col,
            f"'aliases' of {name!r} names no other spelling",
            "list at least one spelling other than 'name', or remove the entity",
        )
        return None
    return Entity(name, others, role, line, col)
