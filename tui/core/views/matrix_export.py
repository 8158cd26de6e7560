"""The claim matrix as CSV (for a spreadsheet) and as a Markdown table.

Every cell goes through `escape_line`: the text comes from article and
annotation files, and a CSV opened with `cat` or a Markdown file shown in a
terminal must not carry escape sequences or fake lines. CSV cells that a
spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading
apostrophe, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tui.core.document.text import escape_line
from tui.core.model.corpus import Corpus
from tui.core.views.matrix import CONFLICT_MARK, VERDICT_MARKS, Matrix, build_matrix

MATRIX_FORMATS = ("csv", "md")


def matrix_format(given: str | None, output: Path | None) -> str:
    """--matrix-format wins; else a .md or .markdown file name means Markdown; else CSV."""
    if given:
        return given
    if output is not None and output.suffix.lower() in (".md", ".markdown"):
        return "md"
    return "csv"


def _csv_cell(text: str) -> str:
    flat = escape_line(" ".join(text.split()))
    return "'" + flat if flat[:1] in ("=", "+", "-", "@") else flat


def matrix_csv(matrix: Matrix) -> str:
    """Header: topic, kind, disagree, conflict, then one column per article."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["topic", "kind", "disagree", "conflict", *(_csv_cell(c.heading) for c in matrix.columns)]
    )
    for row in matrix.rows:
        writer.writerow(
            [
                _csv_cell(row.label),
                row.kind,
                "yes" if row.disagree else "",
                "yes" if row.conflict else "",
                *(_csv_cell(cell.text(full=True)) for cell in row.cells),
            ]
        )
    return out.getvalue()


def _md(text: str) -> str:
    flat = escape_line(" ".join(text.split()))
    for ch in "\\`*_[]<>|":
        flat = flat.replace(ch, "\\" + ch)
    return flat


def matrix_markdown(matrix: Matrix, title: str = "") -> str:
    """A heading, a legend, the table, and the articles the short headings stand for."""
    marks = ", ".join(f"{mark} {name}" for name, mark in VERDICT_MARKS.items() if mark)
    out = [
        f"# Claim matrix{': ' + _md(title) if title else ''}",
        "",
        f"Rows that disagree come first (**bold**). {CONFLICT_MARK} marks a claim in a "
        f"curated contradiction with another claim of its row. Verdicts: {marks}.",
        "",
    ]
    out.append("| Topic | " + " | ".join(_md(c.label) for c in matrix.columns) + " |")
    out.append("|---|" + "---|" * len(matrix.columns))
    for row in matrix.rows:
        label = f"**{_md(row.label)}**" if row.disagree else _md(row.label)
        cells = (_md(cell.text(full=True)) for cell in row.cells)
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out += ["", "Articles:", ""]
    out += [f"- {_md(c.label)}: {_md(c.heading)}" for c in matrix.columns]
    return "\n".join(out) + "\n"


def matrix_export(
    corpus: Corpus, fmt: str = "csv", article_ids: list[str] | None = None, reviewer: str | None = None
) -> str:
    """What `crossread export --format matrix` writes, titled as the review report is
    (crossread.toml's `title`, else the corpus's name)."""
    from tui.core.exchange.review_report import corpus_title

    matrix = build_matrix(corpus, article_ids, reviewer)
    if fmt == "md":
        return matrix_markdown(matrix, corpus_title(corpus))
    return matrix_csv(matrix)
