"""The stores' own servers: `hospnet neo4j start|stop|status` and `hospnet store status|stop`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..settings import Settings
from .app import neo4j_app, store_app
from .output import console, opened_store, say


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (the first start downloads it) and print its Bolt and Neo4j Browser addresses."""
    from ..graph import neo4j_server

    settings = Settings()
    uri = neo4j_server.start(settings)
    say(f"Neo4j answers at {uri}; use it with HOSPNET_NEO4J_URI={uri}")
    browser = neo4j_server.status(settings)["browser"]
    if browser:
        say(f"Neo4j Browser: {browser} (user {settings.neo4j_user}, the HOSPNET_NEO4J_PASSWORD)")


@neo4j_app.command("import")
def neo4j_import(
    folder: Path = typer.Argument(
        ..., help="A folder written by `hospnet export --format csv --out DIR`."
    ),
) -> None:
    """Bulk-load a csv export into the stopped local Neo4j with neo4j-admin (replaces its database), then start it."""
    from ..corrections import apply_all
    from ..graph import neo4j_server
    from ..graph.neo4j_admin import import_csv
    from .corrections import report_corrections

    settings = Settings()
    nodes, rels = import_csv(settings, folder)
    say(f"imported {nodes} nodes and {rels} relationships; the local Neo4j runs again")
    # Like every way the graph is made, the import ends with the corrections ledger applied.
    local = settings.model_copy(
        update={"store": "neo4j", "neo4j_uri": neo4j_server.start(settings)}
    )
    with opened_store(local) as store:
        report_corrections(apply_all(store, settings.corrections_path))


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j cleanly."""
    from ..graph import neo4j_server

    console.print("stopped" if neo4j_server.stop(Settings()) else "not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, where, and which version."""
    from ..graph import neo4j_server

    console.print_json(json.dumps(neo4j_server.status(Settings()), default=str))


@store_app.command("status")
def store_status() -> None:
    """Say whether the embedded server runs, and where."""
    from ..graph import falkordb_server

    console.print_json(json.dumps(falkordb_server.status(Settings().data_dir)))


@store_app.command("stop")
def store_stop() -> None:
    """Stop the embedded server cleanly (it saves first)."""
    from ..graph import falkordb_server

    stopped = falkordb_server.stop(Settings().data_dir)
    console.print("stopped" if stopped else "not running")
