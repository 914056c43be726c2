"""The `hospnet` command and its groups; each command lives in the module of its job and registers here."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="hospnet: the Vietnamese hospital support network as a knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
)
query_app = typer.Typer(help="Run the named Cypher query modules.", no_args_is_help=True)
store_app = typer.Typer(
    help="The embedded FalkorDB server (started on demand by every command).", no_args_is_help=True
)
neo4j_app = typer.Typer(
    help="A local Neo4j 5.26 Community server, fetched from Maven Central (needs Java 17 and Maven).",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")
app.add_typer(store_app, name="store")
app.add_typer(neo4j_app, name="neo4j")
DEBUG = {"on": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    """hospnet: build, query, analyse and serve the hospital support network."""
    DEBUG["on"] = debug
