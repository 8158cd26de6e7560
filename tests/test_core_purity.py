"""The core must stay usable without textual or rich (CLI, batch tools, tests)."""

import subprocess
import sys

from conftest import ROOT

CORE_MODULES = [
    "tui.core.files.article",
    "tui.core.files.markdown",
    "tui.core.document.anchoring",
    "tui.core.model.corpus",
    "tui.core.files.schema",
    "tui.core.files.yamlio",
    "tui.core.exchange.check_output",
    "tui.core.document.text",
    "tui.core.model.annotations",
    "tui.cli",
]


def test_core_imports_no_textual_or_rich() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "from tui.core.model.corpus import load_corpus, bundled_corpus\n"
        + "load_corpus(bundled_corpus())\n"
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: the core stays pure, layers one-way."""
    code = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
    result = subprocess.run(
        [sys.executable, "-c", code, "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert "0 broken" in result.stdout, result.stdout[-2000:]
    assert result.returncode == 0
