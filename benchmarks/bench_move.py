"""The national graph moved from the embedded store to Neo4j with `hospnet import FILE --store neo4j`.

The graph built by the ingest benchmark is exported from FalkorDB, imported into an empty Neo4j
by the real CLI command, exported again, and the two exports compared record by record.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hospnet.graph import open_store
from hospnet.graph.jsonl import export_jsonl, export_records

from .context import Context, Row, timed


def run(ctx: Context) -> list[Row]:
    if "neo4j" not in ctx.stores:
        return [Row("move embedded -> Neo4j", "neo4j", "skipped: neo4j not among --stores")]
    source_settings = ctx.exports.get("falkordb")
    if source_settings is None:
        return [
            Row(
                "move embedded -> Neo4j",
                "falkordb->neo4j",
                "needs the ingest benchmark's embedded graph (run with ingest)",
            )
        ]
    path = ctx.root / "national.jsonl"
    source = open_store(source_settings)
    try:
        with open(path, "w", encoding="utf-8") as handle, timed() as exported:
            records = export_jsonl(source, handle)
        before = export_records(source)
    finally:
        source.close()
    target, settings = ctx.open("neo4j")  # empty
    target.close()
    env = {
        **os.environ,
        "HOSPNET_NEO4J_URI": settings.neo4j_uri,
        "HOSPNET_NEO4J_USER": settings.neo4j_user,
        "HOSPNET_NEO4J_PASSWORD": settings.neo4j_password,
        "HOSPNET_DATA_DIR": str(ctx.root / "cli-data"),
    }
    with timed() as imported:
        done = subprocess.run(
            [sys.executable, "-m", "hospnet.cli", "import", str(path), "--store", "neo4j"],
            env=env,
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    if done.returncode != 0:
        return [
            Row(
                "move embedded -> Neo4j",
                "falkordb->neo4j",
                f"import failed: {done.stderr.strip()[-300:]}",
            )
        ]
    target = open_store(settings)
    try:
        after = export_records(target)
    finally:
        target.close()  # the moved graph stays: it is the national graph the API benchmark reads on Neo4j
    equal = before == after
    differing = (
        ""
        if equal
        else f"; {sum(a != b for a, b in zip(before, after))} records differ, {len(before)} vs {len(after)}"
    )
    return [
        Row(
            f"move {ctx.docs:,}-doc graph embedded -> Neo4j",
            "falkordb->neo4j",
            f"{records / imported['seconds']:,.0f} records/s import ({records:,} records, {imported['seconds']:.0f}s)",
            f"{records / exported['seconds']:,.0f} records/s export from embedded",
            f"{exported['seconds'] / imported['seconds']:.2f}x",
            f"exports equal: {'yes' if equal else 'NO'}{differing}",
        )
    ]
