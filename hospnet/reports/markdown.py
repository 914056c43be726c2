"""The report as Markdown (report.md): the same tables and method note, for reading in a repository or an editor."""

from __future__ import annotations

from .data import ReportData
from .tables import Table, excerpt


def _cell(shown: str | list[str]) -> str:
    """A cell that cannot break the table: pipes and newlines escaped, HTML-significant characters too."""
    text = " | ".join(shown) if isinstance(shown, list) else shown
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_table(table: Table) -> str:
    shown = excerpt(table)
    lines = [f"## {table.title}", "", table.description, ""]
    if shown.note:
        lines += [f"_{_cell(shown.note[0].upper() + shown.note[1:])}._", ""]
    lines.append("| " + " | ".join(table.columns) + " |")
    lines.append("|" + "---|" * len(table.columns))
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in shown.rows]
    lines.append("")
    return "\n".join(lines)


def render_markdown(data: ReportData) -> str:
    parts = [f"# {data.title}", ""]
    parts += [f"- **{label}**: {value}" for label, value in data.summary]
    parts.append("")
    parts += [render_table(t) for t in data.tables if t.name != "evidence"]
    parts.append(
        "The evidence table (one row per relationship and document) is in tables/evidence.csv and tables/evidence.json.\n"
    )
    parts += ["## Method", ""] + [f"{p}\n" for p in data.method]
    return "\n".join(parts)
