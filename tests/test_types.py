"""Static checks as tests: mypy (with the pyproject configuration) on everything but
the UI, which is being restructured, and ruff on the code and the tests."""

import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT

TYPED = [
    "tui/__init__.py",
    "tui/__main__.py",
    "tui/cli.py",
    "tui/ingest_cli.py",
    "tui/suggest_cli.py",
    "tui/core",
    "tui/web",
]
UNTYPED = ["tui.ui", "tui.ui.*"]  # still followed for the types it gives the rest


def _tail(result: subprocess.CompletedProcess[str], lines: int = 40) -> str:
    return "\n".join((result.stdout + result.stderr).splitlines()[-lines:])


def _ini_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _mypy_config(folder: Path) -> Path:
    """pyproject's [tool.mypy] as a mypy.ini, with the UI's errors left out: whether
    mypy reports the modules it follows into depends on how crossread is installed."""
    settings = dict(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"])
    overrides = settings.pop("overrides", [])
    settings.pop("packages", None)  # the files to check are named on the command line
    sections: dict[str, dict[str, object]] = {"mypy": settings}
    for override in overrides:
        override = dict(override)
        modules = override.pop("module")
        for module in modules if isinstance(modules, list) else [modules]:
            sections.setdefault(f"mypy-{module}", {}).update(override)
    for module in UNTYPED:
        sections.setdefault(f"mypy-{module}", {})["ignore_errors"] = True
    lines = []
    for name, values in sections.items():
        lines += [f"[{name}]"] + [f"{key} = {_ini_value(value)}" for key, value in values.items()]
    path = folder / "mypy.ini"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_mypy_is_clean_outside_the_ui(tmp_path: Path) -> None:
    config = _mypy_config(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), *TYPED],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, _tail(result)


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "tui", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, _tail(result)


def test_ruff_format_is_applied() -> None:
    """`ruff format` was applied once to the whole tree; it stays applied."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "tui", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, _tail(result)
