"""The report as Markdown (report.md): the same tables and method note, for reading in a repository or an editor."""

from __future__ import annotations

from .data import ReportData
from .tables import Table, flat


def _cell(value) -> str:
    """A cell that cannot break the table: pipes and newlines escaped, HTML-significant characters too."""
    text = flat(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_table(table: Table) -> str:
    lines = [f"## {table.title}", "", table.description, ""]
    lines.append("| " + " | ".join(table.columns) + " |")
    lines.append("|" + "---|" * len(table.columns))
    lines += ["| " + " | ".join(_cell(row.get(c)) for c in table.columns) + " |" for row in table.rows]
    lines.append("")
    return "\n".join(lines)


def render_markdown(data: ReportData) -> str:
    parts = [f"# {data.title}", ""]
    parts += [f"- **{label}**: {value}" for label, value in data.summary]
    parts.append("")
    parts += [render_table(t) for t in data.tables if t.name != "evidence"]
    parts.append("The evidence table (one row per relationship and document) is in tables/evidence.csv and tables/evidence.json.\n")
    parts += ["## Method", ""] + [f"{p}\n" for p in data.method]
    return "\n".join(parts)
