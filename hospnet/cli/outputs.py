"""What the graph is for: `serve` (the API), `viz` (the network page), `report`, and `eval` of extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..settings import Settings
from .app import app
from .output import err, opened_store, say


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes; more serve more clients at once."
    ),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs, the network page at /viz)."""
    from ..api.app import serve as run_server

    settings = Settings()
    say(
        f"hospnet API on http://{host}:{port} (docs: /docs, network: /viz, store: {settings.backend}, "
        f"{workers} worker{'s' if workers > 1 else ''})",
        to=err,
    )
    run_server(settings, host=host, port=port, workers=workers)


@app.command()
def viz(
    out: Path = typer.Option(..., "--out", "-o", help="HTML file to write; it opens offline."),
    province: Optional[str] = typer.Option(
        None, "--province", help="Hospitals of a province and their partners."
    ),
    program: Optional[str] = typer.Option(
        None, "--program", help="A programme's name or code (1816)."
    ),
    technique: Optional[str] = typer.Option(
        None, "--technique", help="A technique's name, with or without diacritics."
    ),
    rel_type: Optional[str] = typer.Option(
        None, "--type", help="Only relationships of this type (SUPPORTS, TRANSFERS, ...)."
    ),
    center: Optional[str] = typer.Option(
        None, "--center", help="Id of the node at the centre of a neighbourhood."
    ),
    depth: int = typer.Option(1, "--depth", help="Neighbourhood depth around --center."),
    lang: str = typer.Option("vi", "--lang", help="Language of the page: vi or en."),
    site: Optional[Path] = typer.Option(
        None,
        "--site",
        help="Folder of a report site (hospnet report --out): the side panel links to its document pages.",
    ),
) -> None:
    """Draw the network, or a part of it, as an interactive HTML page."""
    from ..labels import Labels
    from ..viz.network import write_html
    from ..viz.views import Filters, build_view

    Labels(lang)  # an unknown language stops here, before the store is opened
    if site is not None and not (site / "documents").is_dir():
        raise typer.BadParameter(
            f"{site} holds no report site (no documents/ folder): write one with hospnet report --out {site}",
            param_hint="--site",
        )

    filters = Filters(
        province=province,
        program=program,
        technique=technique,
        rel_type=rel_type,
        center=center,
        depth=depth,
    )
    with opened_store(Settings()) as store:
        view = build_view(store, filters)
    write_html(view, out, lang=lang, site=site)
    for message in view.messages:
        say(message, to=err, style="yellow")
    say(
        f"wrote {out}: {view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} relationships ({view.title})"
    )


@app.command()
def report(
    out: Path = typer.Option(
        ..., "--out", "-o", help="Folder to write report.html, report.md and tables/ into."
    ),
    legacy: bool = typer.Option(
        False, "--legacy", help="Coverage by the 63 pre-2025 provinces instead of the 34 of 2025."
    ),
    lang: str = typer.Option("vi", "--lang", help="Language of the site's pages: vi or en."),
) -> None:
    """Write the coverage-gap report: the site (index.html, provinces/, documents/), report.html, Markdown, CSV/JSON."""
    from ..reports import build_report
    from ..labels import Labels

    Labels(lang)  # an unknown language stops here, before the store is opened
    with opened_store(Settings()) as store:
        files = build_report(store, out, legacy=legacy, lang=lang)
    assert files.data is not None
    for label, value in files.data.summary:
        say(f"{label}: {value}")
    say(
        f"wrote {files.html}, {files.markdown} and {len(files.tables)} table files in {out / 'tables'}"
    )
    if files.index is not None:
        say(f"wrote the site: {files.index} and {files.pages - 1} province and document pages")


@app.command("eval")
def eval_cmd(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files, one per document."),
    docs_dir: Path = typer.Argument(..., help="Folder holding the documents the gold files name."),
    seeds_dir: Optional[Path] = typer.Option(
        None, "--seeds", help='Folder of the seed articles, for gold files marked "seed": true.'
    ),
    misses: bool = typer.Option(
        True, "--misses/--no-misses", help="List what was missed and what was extra."
    ),
    by_rule: bool = typer.Option(
        False,
        "--by-rule",
        help="Also print the precision of each extraction rule (the `rule` property).",
    ),
    corrections: Optional[Path] = typer.Option(
        None,
        "--corrections",
        help="A corrections ledger (corrections.jsonl): also say how many of its corrections "
        "this extractor makes unnecessary.",
    ),
) -> None:
    """Score extraction against hand-annotated gold files: precision, recall and F1."""
    from ..corrections.ledger import Ledger
    from ..corrections.needed import unnecessary
    from ..evaluate import evaluate, format_report

    if corrections is not None and not corrections.is_file():
        say(
            f"Error: no corrections ledger at {corrections}; give the corrections.jsonl file",
            to=err,
        )
        raise typer.Exit(2)
    report = evaluate(gold_dir, docs_dir, seeds_dir=seeds_dir)
    say(format_report(report, misses=misses, by_rule=by_rule))
    if corrections is not None:
        needed = unnecessary(
            Ledger(corrections).active(), report.node_ids, report.relationship_keys
        )
        say(needed.line())
