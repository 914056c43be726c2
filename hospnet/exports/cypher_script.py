"""The graph as a Cypher script that cypher-shell (`-f FILE`) or Neo4j Browser runs into an empty database.

A script file cannot carry parameters, so this is the one place values become Cypher literals;
`literal` writes each through JSON (a JSON string is a valid Cypher string literal), and labels,
types and property names pass `schema_identifier` (names are also backquoted). The script makes
the same `<Label>_id` constraints hospnet's own store does, then creates nodes and relationships
in UNWIND batches of a few hundred rows, one statement per line, each ending in `;`.
"""

from __future__ import annotations

import json
import math
from typing import IO, Any, Iterable

from ..graph.base import schema_identifier
from ..model import LABELS, REL_TYPES

BATCH = 200
HEADER = "// hospnet graph export: run into an empty Neo4j 5 database (cypher-shell -f FILE, or paste into Neo4j Browser).\n"


def literal(value: Any) -> str:
    """A value as a Cypher literal.

    >>> literal({"name": 'Bệnh viện "K"', "aliases": ["K"], "year": 2024, "ok": True})
    '{`name`: "Bệnh viện \\\\"K\\\\"", `aliases`: ["K"], `year`: 2024, `ok`: true}'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_name(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise ValueError(f"a {type(value).__name__} has no Cypher literal")


def _name(key: str) -> str:
    return "`" + str(key).replace("`", "``") + "`"


def _batches(rows: list, size: int = BATCH) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _constraint(label: str) -> str:
    label = schema_identifier(label, LABELS)
    return f"CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;"


def _create_nodes(label: str, rows: list[dict]) -> str:
    label = schema_identifier(label, LABELS)
    return f"UNWIND {literal(rows)} AS row CREATE (n:{label}) SET n = row;"


def _create_relationships(rel_type: str, start_label: str, end_label: str, rows: list[dict]) -> str:
    rel_type = schema_identifier(rel_type, REL_TYPES)
    start_label = schema_identifier(start_label, LABELS)
    end_label = schema_identifier(end_label, LABELS)
    return (
        f"UNWIND {literal(rows)} AS row MATCH (a:{start_label} {{id: row.from}}) MATCH (b:{end_label} {{id: row.to}}) "
        f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.properties;"
    )


def write_cypher(records: list[dict], out: IO[str]) -> int:
    """Write the script for export records (graph.jsonl.export_records); returns the statement count."""
    out.write(HEADER)
    count = 0
    labels = {r["id"]: r["label"] for r in records if r["kind"] == "node"}
    for label in sorted(set(labels.values())):
        out.write(_constraint(label) + "\n")
        count += 1
    out.write("CALL db.awaitIndexes(300);\n")
    for label in sorted(set(labels.values())):
        rows = [
            {**r["properties"], "id": r["id"]}
            for r in records
            if r["kind"] == "node" and r["label"] == label
        ]
        for batch in _batches(rows):
            out.write(_create_nodes(label, batch) + "\n")
            count += 1
    groups: dict[tuple, list] = {}
    for r in (r for r in records if r["kind"] == "relationship"):
        groups.setdefault((r["type"], labels[r["from"]], labels[r["to"]]), []).append(
            {"from": r["from"], "to": r["to"], "properties": r["properties"]}
        )
    for (rel_type, start_label, end_label), rows in sorted(groups.items()):
        for batch in _batches(rows):
            out.write(_create_relationships(rel_type, start_label, end_label, batch) + "\n")
            count += 1
    return count + 1


def statements(script: str) -> list[str]:
    """The statements of a script this module wrote (one a line), for running it through a driver."""
    return [
        line[:-1]
        for line in script.splitlines()
        if line.strip() and not line.startswith("//") and line.endswith(";")
    ]
