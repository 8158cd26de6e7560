"""Writing YAML: block style, multi-line text as literal blocks, empty fields dropped.

Apart from yamlio (reading) so that the dumper subclass, which needs `yaml`
imported to be defined, is built only by a process that writes a file.
"""

from __future__ import annotations

from typing import Any

import yaml

from tui.core.files.yamlio import YList, YMap

try:  # libyaml is much faster when present
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


class _BlockDumper(_Dumper):
    pass


def _represent_str(dumper: Any, data: str) -> Any:
    # The emitter itself falls back to quoting when a literal block could not
    # carry the text exactly (trailing spaces, special line breaks, controls).
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_BlockDumper.add_representer(str, _represent_str)
_BlockDumper.add_representer(YMap, _BlockDumper.represent_dict)
_BlockDumper.add_representer(YList, _BlockDumper.represent_list)


def prune(value: Any) -> Any:
    """Drop empty fields so written files stay short and readable."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = prune(item)
            if item is None or item == "" or item == [] or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [prune(item) for item in value]
    return value


def dump(value: Any) -> str:
    return yaml.dump(
        prune(value),
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
