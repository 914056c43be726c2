"""`hospnet …`: one thin command per library function; the only module that prints or exits."""

from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .errors import HospnetError
from .settings import Settings

app = typer.Typer(help="hospnet: the Vietnamese hospital support network as a knowledge graph.", no_args_is_help=True, add_completion=False)
query_app = typer.Typer(help="Run the named Cypher query modules.", no_args_is_help=True)
store_app = typer.Typer(help="The embedded FalkorDB server (started on demand by every command).", no_args_is_help=True)
app.add_typer(query_app, name="query")
app.add_typer(store_app, name="store")
neo4j_app = typer.Typer(help="A local Neo4j 5.26 Community server, fetched from Maven Central (needs Java 17 and Maven).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

console = Console()
err = Console(stderr=True)
_debug = {"on": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    """hospnet: build, query, analyse and serve the hospital support network."""
    _debug["on"] = debug


def run() -> None:
    """Entry point: HospnetError becomes one red line and exit 1; a traceback only with --debug."""
    try:
        app()
    except HospnetError as exc:
        if _debug["on"]:
            raise
        hint = f" ({exc.hint})" if exc.hint else ""
        line = " ".join(f"{exc}{hint}".split())  # one line, whatever the driver's message held
        err.print(f"[bold red]Error:[/] {escape(line)}", markup=True, highlight=False, soft_wrap=True)
        sys.exit(1)


@contextmanager
def opened_store(settings: Settings) -> Iterator:
    from .graph import open_store

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


def print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        console.print_json(json.dumps(rows, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()})
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(show_lines=False)
        for column in rows[0] if rows else []:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else ("" if v is None else str(v)) for v in row.values()])
        console.print(table)
        console.print(f"{len(rows)} row(s)")


FORMAT = typer.Option("table", "--format", "-f", help="table, json or csv.")


@app.command()
def build(
    paths: Optional[List[Path]] = typer.Argument(None, exists=True, help="Files or folders to read; the bundled sample corpus when none."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Also read again the sources that failed in earlier builds."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 3 when any document failed."),
) -> None:
    """Read documents into the graph (re-running skips what is stored).

    A bad document is skipped and listed (here and in failures.jsonl); the build still exits 0, so
    a few broken files do not stop a pipeline. Exit 1: the build stopped (store unreachable,
    settings); 2: a path that does not exist; 3: documents failed and --strict was given.
    """
    from rich.markup import escape

    from .build import build as run_build

    settings = Settings()
    with opened_store(settings) as store, Progress(
        TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=err, transient=False,
    ) as bar:
        task = bar.add_task("build", total=None, rate="")

        def progress(event: str, n: int) -> None:
            if event == "total":
                bar.update(task, total=n)
            elif event == "advance":
                bar.advance(task, n)
            elif event == "stored":  # a JSONL file holds many documents: the rate counts documents
                elapsed = bar.tasks[0].elapsed or 0
                bar.update(task, rate=f"{n} docs stored, {n / elapsed:.1f} docs/s" if elapsed else "")

        summary = run_build(paths, store, settings, progress=progress, retry_failed=retry_failed)
    table = Table(title=f"hospnet build ({store.name})")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(summary.read))
    table.add_row("stored", str(summary.stored))
    table.add_row("skipped (already ingested)", str(summary.skipped))
    table.add_row("failed", str(len(summary.failed)))
    for label, n in sorted(summary.nodes.items()):
        table.add_row(f"nodes: {label}", str(n))
    for rel, n in sorted(summary.relationships.items()):
        table.add_row(f"relationships: {rel}", str(n))
    console.print(table)
    for failure in summary.failed:  # one line each, file names and reasons printed as they are
        line = " ".join(f"{failure.source}: {failure.reason}".splitlines())
        console.print(f"[red]failed:[/] {escape(line)}", highlight=False, soft_wrap=True)
    if summary.errors_file:
        console.print(f"failures listed in {escape(str(summary.errors_file))}", highlight=False, soft_wrap=True)
    if strict and summary.failed:
        raise typer.Exit(3)


@app.command()
def synth(
    docs: int = typer.Option(1000, "--docs", help="How many documents to write."),
    seed: int = typer.Option(1, "--seed", help="Same seed, same files."),
    out: Path = typer.Option(..., "--out", help="Folder for docs/*.txt and truth.jsonl."),
) -> None:
    """Write a synthetic national corpus and its ground truth (for recall tests and benchmarks)."""
    from .synth import synthesize

    corpus = synthesize(docs, seed, out)
    console.print(f"wrote {corpus.documents} documents to {corpus.docs_dir} and the ground truth "
                  f"({corpus.nodes} nodes, {corpus.relationships} relationships) to {corpus.truth}", highlight=False)


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", help="Export format (jsonl)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write; standard output when omitted."),
) -> None:
    """Write the whole graph as JSON lines (nodes, then relationships)."""
    from .graph.jsonl import export_jsonl

    if fmt != "jsonl":
        raise HospnetError(f"unknown export format {fmt!r}; only jsonl is supported")
    with opened_store(Settings()) as store:
        if out:
            with open(out, "w", encoding="utf-8") as handle:
                count = export_jsonl(store, handle)
            err.print(f"wrote {count} records to {out}")
        else:
            export_jsonl(store, sys.stdout)


@app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="A JSONL file written by `hospnet export`."),
    store_name: Optional[str] = typer.Option(None, "--store", help="falkordb or neo4j; the configured store when omitted."),
) -> None:
    """Load an exported graph (also how a graph moves from the embedded store to Neo4j)."""
    from .graph.jsonl import import_jsonl

    settings = Settings(store=store_name) if store_name else Settings()
    with opened_store(settings) as store:
        nodes, rels = import_jsonl(store, file, settings.batch_size)
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
    from . import queries

    table = Table()
    for column in ("name", "title", "parameters"):
        table.add_column(column, overflow="fold")
    for module in queries.modules().values():
        params = ", ".join(f"{p.name}:{p.type} (e.g. {p.example})" for p in module.params)
        table.add_row(module.name, module.title, params)
    console.print(table)


@query_app.command("run")
def query_run(
    name: str = typer.Argument(..., help="Module name, from `hospnet query list`."),
    param: List[str] = typer.Option([], "--param", "-p", help="key=value, repeatable."),
    fmt: str = FORMAT,
) -> None:
    """Run one query module by name."""
    from . import queries

    settings = Settings()
    with opened_store(settings) as store:
        rows = queries.run(store, name, parse_params(param), limit=settings.row_limit)
    print_rows(rows, fmt)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes; more serve more clients at once."),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs, the network page at /viz)."""
    from .api.app import serve as run_server

    settings = Settings()
    err.print(f"hospnet API on http://{host}:{port} (docs: /docs, network: /viz, store: {settings.backend}, "
              f"{workers} worker{'s' if workers > 1 else ''})", highlight=False, soft_wrap=True)
    run_server(settings, host=host, port=port, workers=workers)


@app.command()
def viz(
    out: Path = typer.Option(..., "--out", "-o", help="HTML file to write; it opens offline."),
    province: Optional[str] = typer.Option(None, "--province", help="Hospitals of a province and their partners."),
    program: Optional[str] = typer.Option(None, "--program", help="A programme's name or code (1816)."),
    technique: Optional[str] = typer.Option(None, "--technique", help="A technique's name, with or without diacritics."),
    rel_type: Optional[str] = typer.Option(None, "--type", help="Only relationships of this type (SUPPORTS, TRANSFERS, ...)."),
    center: Optional[str] = typer.Option(None, "--center", help="Id of the node at the centre of a neighbourhood."),
    depth: int = typer.Option(1, "--depth", help="Neighbourhood depth around --center."),
) -> None:
    """Draw the network, or a part of it, as an interactive HTML page."""
    from .viz.network import write_html
    from .viz.views import Filters, build_view

    filters = Filters(province=province, program=program, technique=technique, rel_type=rel_type, center=center, depth=depth)
    with opened_store(Settings()) as store:
        view = build_view(store, filters)
    write_html(view, out)
    for message in view.messages:
        err.print(message, style="yellow", markup=False, highlight=False)
    console.print(f"wrote {out}: {view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} relationships ({view.title})",
                  markup=False, highlight=False, soft_wrap=True)


@app.command()
def report(
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write report.html, report.md and tables/ into."),
    legacy: bool = typer.Option(False, "--legacy", help="Coverage by the 63 pre-2025 provinces instead of the 34 of 2025."),
) -> None:
    """Write the coverage-gap report: HTML (offline), Markdown, and CSV/JSON for every table."""
    from .reports import build_report

    with opened_store(Settings()) as store:
        files = build_report(store, out, legacy=legacy)
    assert files.data is not None
    for label, value in files.data.summary:
        console.print(f"{label}: {value}", markup=False, highlight=False)
    console.print(f"wrote {files.html}, {files.markdown} and {len(files.tables)} table files in {out / 'tables'}", markup=False, highlight=False)


@app.command("eval")
def eval_cmd(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files, one per document."),
    docs_dir: Path = typer.Argument(..., help="Folder holding the documents the gold files name."),
    seeds_dir: Optional[Path] = typer.Option(None, "--seeds", help="Folder of the seed articles, for gold files marked \"seed\": true."),
    misses: bool = typer.Option(True, "--misses/--no-misses", help="List what was missed and what was extra."),
) -> None:
    """Score extraction against hand-annotated gold files: precision, recall and F1."""
    from .evaluate import evaluate, format_report

    report = evaluate(gold_dir, docs_dir, seeds_dir=seeds_dir)
    console.print(format_report(report, misses=misses), highlight=False, markup=False)


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (the first start downloads it) and print its Bolt address."""
    from .graph import neo4j_server

    uri = neo4j_server.start(Settings())
    console.print(f"Neo4j answers at {uri}; use it with HOSPNET_NEO4J_URI={uri}", highlight=False)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly."""
    from .graph import neo4j_server

    console.print("stopped" if neo4j_server.stop(Settings()) else "not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, where, and which version."""
    from .graph import neo4j_server

    console.print_json(json.dumps(neo4j_server.status(Settings()), default=str))


@store_app.command("status")
def store_status() -> None:
    """Say whether the embedded server runs, and where."""
    from .graph import falkordb_server

    console.print_json(json.dumps(falkordb_server.status(Settings().data_dir)))


@store_app.command("stop")
def store_stop() -> None:
    """Stop the embedded server cleanly (it saves first)."""
    from .graph import falkordb_server

    stopped = falkordb_server.stop(Settings().data_dir)
    console.print("stopped" if stopped else "not running")


if __name__ == "__main__":  # pragma: no cover
    run()
