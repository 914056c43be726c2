"""The graph itself: `export`, `import`, read-only `cypher`, and the named `query` modules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..settings import Settings
from .app import app, query_app
from .output import FORMAT, console, err, opened_store, parse_params, print_rows, say


@app.command("export")
def export_cmd(
    fmt: str = typer.Option(
        "jsonl",
        "--format",
        help="jsonl, graphml, gexf, csv (a neo4j-admin import folder) or cypher.",
    ),
    out: Optional[Path] = typer.Option(
        None,
        "--out",
        "-o",
        help="File (a folder for csv) to write; standard output for jsonl and cypher when omitted.",
    ),
) -> None:
    """Write the whole graph for another tool: JSON lines, GraphML/GEXF (Gephi), neo4j-admin CSV or a Cypher script."""
    from ..exports import FORMATS, export

    if fmt not in FORMATS:
        say(f"Error: unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}", to=err)
        raise typer.Exit(2)
    with opened_store(Settings()) as store:
        said = export(store, fmt, out, sys.stdout)
    if said:
        say(said, to=err)


@app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="A JSONL file written by `hospnet export`."),
    store_name: Optional[str] = typer.Option(
        None, "--store", help="falkordb or neo4j; the configured store when omitted."
    ),
) -> None:
    """Load an exported graph (also how a graph moves from the embedded store to Neo4j).

    Exit 4: another writer (a build, an import, POST /documents) is writing to the same store.
    """
    from ..corrections import apply_all
    from ..graph.jsonl import import_jsonl
    from ..graph.lock import build_lock
    from .corrections import report_corrections

    settings = Settings(store=store_name) if store_name else Settings()
    with opened_store(settings) as store, build_lock(settings, "hospnet import"):
        nodes, rels = import_jsonl(store, file, settings.batch_size)
        report_corrections(apply_all(store, settings.corrections_path))
    console.print(f"imported {nodes} nodes and {rels} relationships into {store.name}")


@app.command()
def cypher(
    query: str = typer.Argument(..., help="A read-only Cypher query."),
    param: List[str] = typer.Option([], "--param", "-p", help="key=value, repeatable."),
    fmt: str = FORMAT,
) -> None:
    """Run a read-only Cypher query (writes are refused)."""
    settings = Settings()
    with opened_store(settings) as store:
        rows = store.read(query, parse_params(param), limit=settings.row_limit)
    print_rows(rows, fmt)


@query_app.command("list")
def query_list() -> None:
    """List the query modules with their parameters."""
    from .. import queries

    table = Table()
    for column in ("name", "title", "parameters"):
        table.add_column(column, overflow="fold")
    for module in queries.modules().values():
        params = ", ".join(
            f"{p.name}:{p.type}{'?' if p.optional else ''} (e.g. {p.example})"
            for p in module.params
        )
        table.add_row(module.name, module.title, params)
    console.print(table)


@query_app.command("run")
def query_run(
    name: str = typer.Argument(..., help="Module name, from `hospnet query list`."),
    param: List[str] = typer.Option([], "--param", "-p", help="key=value, repeatable."),
    fmt: str = FORMAT,
) -> None:
    """Run one query module by name."""
    from .. import queries

    settings = Settings()
    with opened_store(settings) as store:
        rows = queries.run(store, name, parse_params(param), limit=settings.row_limit)
    print_rows(rows, fmt)
