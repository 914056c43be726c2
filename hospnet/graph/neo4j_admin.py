"""`hospnet neo4j import DIR`: neo4j-admin's bulk import of a `--format csv` folder into the local Neo4j.

The import tool (org.neo4j.cli.AdminTool, `database import full`) is on the launcher's classpath,
so no Neo4j install is needed. It writes a whole new store, far faster than transactions, and
replaces the local server's `neo4j` database: the server must be stopped first. Then the
server is started, hospnet's constraints and indexes are made, and the lists neo4j-admin could
not write (empty ones, listed in import.json) are set; the server is left running.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

from ..errors import ConfigError, StoreUnavailable
from ..settings import Settings
from . import neo4j_server
from .neo4j_install import log_tail, require_tool, resolve_classpath
from ..model import LABELS, LIST_PROPERTIES, REL_TYPES
from .admin_csv import admin_import_arguments, read_manifest
from .base import Batch, schema_identifier

ADMIN_CLASS = "org.neo4j.cli.AdminTool"
IMPORT_TIMEOUT = 3600.0


def import_csv(settings: Settings, folder: Path) -> tuple[int, int]:
    """Import the folder into the (stopped) local Neo4j and start it; returns (nodes, relationships) imported."""
    arguments = admin_import_arguments(folder)  # a bad folder fails before anything is touched
    root = neo4j_server.home(settings)
    if neo4j_server.status(settings)["running"]:
        raise ConfigError(
            "the local Neo4j is running, and an import replaces its database",
            hint="run `hospnet neo4j stop`, then the import, then `hospnet neo4j start`",
        )
    java = require_tool("java")
    root.mkdir(parents=True, exist_ok=True)
    classpath = resolve_classpath(settings, root)
    (root / "db").mkdir(exist_ok=True)
    log = root / "import.log"
    env = {**os.environ, "NEO4J_HOME": str(root / "db")}
    env.pop("NEO4J_CONF", None)
    with open(log, "w") as out:
        try:
            report = f"--report-file={root / 'import.report'}"  # not the caller's working folder
            done = subprocess.run(
                [
                    java,
                    "-Xmx512m",
                    "-cp",
                    os.pathsep.join(classpath),
                    ADMIN_CLASS,
                    *arguments[:-1],
                    report,
                    arguments[-1],
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=IMPORT_TIMEOUT,
                cwd=str(root),
            )
        except subprocess.TimeoutExpired:
            raise StoreUnavailable(
                f"neo4j-admin import took over {IMPORT_TIMEOUT:.0f} s", hint=f"see {log}"
            ) from None
    text = log.read_text(errors="replace")
    counts = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", text)
    if done.returncode != 0 or counts is None:
        raise StoreUnavailable(
            f"neo4j-admin import failed:\n{log_tail(log)}", hint=f"full log: {log}"
        )
    _finish(
        settings.model_copy(update={"neo4j_uri": neo4j_server.start(settings), "store": "neo4j"}),
        read_manifest(folder),
    )
    return int(counts.group(1)), int(counts.group(2))


def _finish(settings: Settings, manifest: dict[str, Any]) -> None:
    """hospnet's schema, and the empty lists back, on the freshly imported database."""
    from .neo4j import Neo4jStore

    store = Neo4jStore(settings)
    try:
        store.ensure_schema()
        store.write_batch(
            Batch(nodes=[_empty_list_statement(entry) for entry in manifest.get("empty_lists", [])])
        )
    finally:
        store.close()


def _empty_list_statement(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    prop = schema_identifier(entry["property"], LIST_PROPERTIES)
    if "label" in entry:
        label = schema_identifier(entry["label"], LABELS)
        return f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET n.{prop} = []", {
            "rows": entry["rows"]
        }
    rel_type = schema_identifier(entry["type"], REL_TYPES)
    return (
        f"UNWIND $rows AS row MATCH (a {{id: row.from}})-[r:{rel_type}]->(b {{id: row.to}}) WHERE r.{prop} IS NULL "
        f"SET r.{prop} = []",
        {"rows": entry["rows"]},
    )
