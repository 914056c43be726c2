"""Report tables as plain rows, and how a cell is shown: one rule for HTML, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from ..spreadsheet import safe_cell

T = TypeVar("T")


@dataclass
class Table:
    """One ranked table of the report; `rows` are JSON-able dicts keyed by `columns`."""

    name: str  # file stem and HTML id
    title: str
    description: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def ranked(table: Table, items: Iterable[T], row: Callable[[T], dict[str, Any]]) -> Table:
    """`table` with a row for each of `items`, in their order, numbered from 1 in its `rank` column."""
    table.rows = [{"rank": i, **row(item)} for i, item in enumerate(items, 1)]
    return table


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
        return [
            text if isinstance(text, str) else str(text) for text in (display(v) for v in value)
        ]
    return str(value)


# How much of a table the pages show; the CSV and JSON files always hold every row and item. On the
# national graph the full evidence made an 18 MB page that a browser opens slowly.
PAGE_ROWS = 300
PAGE_ITEMS = 64  # every province of a list of provinces (63 before 2025) stays whole


@dataclass
class Excerpt:
    """The part of a table a page shows: `rows` of displayed cells, and what was left out."""

    table: Table
    rows: list[list[str | list[str]]]
    hidden_rows: int
    hidden_items: int  # list items left out of the shown cells
    max_items: int

    @property
    def note(self) -> str:
        """One line that says what was left out and where it is, or "" when nothing was."""
        if not (self.hidden_rows or self.hidden_items):
            return ""
        parts = []
        if self.hidden_rows:
            parts.append(f"the first {len(self.rows):,} of {len(self.table.rows):,} rows are shown")
        if self.hidden_items:
            parts.append(
                f"long lists are cut at {self.max_items} items ({self.hidden_items:,} items not shown)"
            )
        return (
            "; ".join(parts) + f"; every row and item is in tables/{self.table.name}.csv and .json"
        )


def excerpt(table: Table, max_rows: int = PAGE_ROWS, max_items: int = PAGE_ITEMS) -> Excerpt:
    """The displayed cells of the first `max_rows` rows, each list cut at `max_items` with a closing
    "… N more" item."""
    rows, hidden_items = [], 0
    for row in table.rows[:max_rows]:
        cells = []
        for column in table.columns:
            shown = display(row.get(column))
            if isinstance(shown, list) and len(shown) > max_items:
                hidden_items += len(shown) - max_items
                shown = shown[:max_items] + [f"… {len(shown) - max_items:,} more"]
            cells.append(shown)
        rows.append(cells)
    return Excerpt(table, rows, max(0, len(table.rows) - max_rows), hidden_items, max_items)


def json_text(table: Table) -> str:
    payload = {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "columns": table.columns,
        "rows": table.rows,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def csv_text(table: Table) -> str:
    handle = io.StringIO(newline="")
    writer = csv.writer(handle)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(c)) for c in table.columns])
    return handle.getvalue()


def write_json(table: Table, path: Path) -> Path:
    path.write_text(json_text(table), encoding="utf-8")
    return path


def _csv_cell(value: Any) -> Any:
    """Lists as JSON, text made safe for spreadsheets (a sentence is never a formula), the rest as shown."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return safe_cell(value)
    return display(value)


def write_csv(table: Table, path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(csv_text(table))
    return path
