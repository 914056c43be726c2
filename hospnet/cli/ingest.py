"""Documents in: `hospnet build` and `hospnet synth`."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ..settings import Settings
from .app import app
from .corrections import report_corrections
from .output import console, err, opened_store, say


@app.command()
def build(
    paths: Optional[List[Path]] = typer.Argument(
        None, exists=True, help="Files or folders to read; the bundled sample corpus when none."
    ),
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="Also read again the sources that failed in earlier builds."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Exit with status 3 when any document failed."
    ),
) -> None:
    """Read documents into the graph (re-running skips what is stored).

    A bad document is skipped and listed (here and in failures.jsonl); the build still exits 0, so
    a few broken files do not stop a pipeline. Exit 1: the build stopped (store unreachable,
    settings); 2: a path that does not exist; 3: documents failed and --strict was given; 4: another
    build is writing to the same store.
    """

    from ..build import build as run_build

    settings = Settings()
    with (
        opened_store(settings) as store,
        Progress(
            TextColumn("[bold]building"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=False,
        ) as bar,
    ):
        task = bar.add_task("build", total=None, rate="")

        def progress(event: str, n: int) -> None:
            if event == "total":
                bar.update(task, total=n)
            elif event == "advance":
                bar.advance(task, n)
            elif event == "stored":  # a JSONL file holds many documents: the rate counts documents
                elapsed = bar.tasks[0].elapsed or 0
                bar.update(
                    task, rate=f"{n} docs stored, {n / elapsed:.1f} docs/s" if elapsed else ""
                )

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
    for note in summary.notes:
        say(note)
    for failure in summary.failed:  # one line each, file names and reasons printed as they are
        line = " ".join(f"{failure.source}: {failure.reason}".splitlines())
        say(f"failed: {line}", style="red")
    report_corrections(summary.corrections)
    if summary.errors_file:
        say(f"failures listed in {summary.errors_file}")
    if strict and summary.failed:
        raise typer.Exit(3)


@app.command()
def synth(
    docs: int = typer.Option(1000, "--docs", help="How many documents to write."),
    seed: int = typer.Option(1, "--seed", help="Same seed, same files."),
    out: Path = typer.Option(..., "--out", help="Folder for docs/*.txt and truth.jsonl."),
) -> None:
    """Write a synthetic national corpus and its ground truth (for recall tests and benchmarks)."""
    from ..synth import synthesize

    corpus = synthesize(docs, seed, out)
    say(
        f"wrote {corpus.documents} documents to {corpus.docs_dir} and the ground truth "
        f"({corpus.nodes} nodes, {corpus.relationships} relationships) to {corpus.truth}"
    )
    say(f"build the graph from it with: hospnet build {corpus.docs_dir}")
