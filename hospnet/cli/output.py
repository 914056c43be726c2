"""What every command shares: the consoles, the store it opens, `--param` parsing and row printing."""

from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import typer
from rich.console import Console
from rich.table import Table

from ..errors import HospnetError
from ..settings import Settings
from ..spreadsheet import safe_cell

console = Console()
err = Console(stderr=True)


def say(text: str, *, to: Console = console, style: str | None = None) -> None:
    """One line of output as written: no markup read into it, no highlighting, never wrapped, so
    names, ids and paths print exactly and a script can read them."""
    to.print(text, style=style, markup=False, highlight=False, soft_wrap=True)


@contextmanager
def opened_store(settings: Settings) -> Iterator[Any]:
    from ..graph import open_store

    store = open_store(settings)
    try:
        yield store
    finally:
        store.close()


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise HospnetError(f"--param takes key=value, got {pair!r}")
        key, value = pair.split("=", 1)
        params[key.strip()] = value
    return params


def print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        console.print_json(json.dumps(rows, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    k: safe_cell(
                        json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                    )
                    for k, v in row.items()
                }
            )
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(show_lines=False)
        for column in rows[0] if rows else []:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(
                *[
                    json.dumps(v, ensure_ascii=False)
                    if isinstance(v, (list, dict))
                    else ("" if v is None else str(v))
                    for v in row.values()
                ]
            )
        console.print(table)
        console.print(f"{len(rows)} row(s)")


ROW_FORMATS = ("table", "json", "csv")


def check_format(value: str) -> str:
    """An unknown --format is a usage error (exit 2) before any query runs, not a table by default."""
    if value not in ROW_FORMATS:
        raise typer.BadParameter(f"unknown format {value!r}; use one of: {', '.join(ROW_FORMATS)}")
    return value


FORMAT = typer.Option("table", "--format", "-f", help="table, json or csv.", callback=check_format)
