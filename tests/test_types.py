"""Static checks as tests: mypy (with the pyproject configuration) on the whole
package, at most ten `# type: ignore` in it, and ruff on the code and the tests."""

import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT

MAX_IGNORES = 10


def _tail(result: subprocess.CompletedProcess[str], lines: int = 40) -> str:
    return "\n".join((result.stdout + result.stderr).splitlines()[-lines:])


def _ini_value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _mypy_config(folder: Path) -> Path:
    """pyproject's [tool.mypy] as a mypy.ini (files named on the command line)."""
    settings = dict(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"])
    overrides = settings.pop("overrides", [])
    settings.pop("packages", None)  # the files to check are named on the command line
    sections: dict[str, dict[str, object]] = {"mypy": settings}
    for override in overrides:
        override = dict(override)
        modules = override.pop("module")
        for module in modules if isinstance(modules, list) else [modules]:
            sections.setdefault(f"mypy-{module}", {}).update(override)
    lines = []
    for name, values in sections.items():
        lines += [f"[{name}]"] + [f"{key} = {_ini_value(value)}" for key, value in values.items()]
    path = folder / "mypy.ini"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_mypy_is_clean(tmp_path: Path) -> None:
    config = _mypy_config(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config), "tui"],
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


def test_few_type_ignores() -> None:
    """Untyped corners are fixed, not silenced."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "tui").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "# type: ignore" in line
    ]
    assert len(found) <= MAX_IGNORES, found
