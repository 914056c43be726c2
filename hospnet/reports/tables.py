"""Report tables as plain rows, and how a cell is shown: one rule for HTML, Markdown and CSV."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Table:
    """One ranked table of the report; `rows` are JSON-able dicts keyed by `columns`."""

    name: str  # file stem and HTML id
    title: str
    description: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def display(value: Any) -> str | list[str]:
    """What a reader sees in a cell: lists stay lists (one line each), None is blank.

    >>> display(None), display(113.2), display(True), display(["a", 1])
    ('', '113.2', 'yes', ['a', '1'])
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"
    if isinstance(value, (list, tuple)):
        return [text if isinstance(text, str) else str(text) for text in (display(v) for v in value)]
    return str(value)


def flat(value: Any) -> str:
    """A cell as one line of text (CSV, Markdown): list items joined by ' | '."""
    shown = display(value)
    return " | ".join(shown) if isinstance(shown, list) else shown


def write_json(table: Table, path: Path) -> Path:
    payload = {"name": table.name, "title": table.title, "description": table.description, "columns": table.columns, "rows": table.rows}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_csv(table: Table, path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([json.dumps(row.get(c), ensure_ascii=False) if isinstance(row.get(c), (list, dict)) else display(row.get(c))
                             for c in table.columns])
    return path
