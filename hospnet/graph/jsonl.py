"""The whole graph as JSON lines: the export format, and how a graph moves between stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from ..errors import HospnetError
from ..model import Node, Relationship
from .base import GraphStore
from .whole import NODES, READ_TIMEOUT, RELATIONSHIPS
from .writer import BatchWriter


def _canonical(props: dict[str, Any]) -> dict[str, Any]:
    """Sorted keys and sorted lists, so two stores (or two runs) export byte-identical lines."""
    return {k: (sorted(v, key=str) if isinstance(v, list) else v) for k, v in sorted(props.items())}


def export_records(store: GraphStore) -> list[dict[str, Any]]:
    """Every node and relationship as an export record, sorted."""
    nodes = []
    for row in store.read(NODES, timeout=READ_TIMEOUT):
        props = _canonical(row["props"])
        nodes.append(
            {
                "kind": "node",
                "label": sorted(row["labels"])[0],
                "id": props.pop("id", None),
                "properties": props,
            }
        )
    rels = []
    for row in store.read(RELATIONSHIPS, timeout=READ_TIMEOUT):
        rels.append(
            {
                "kind": "relationship",
                "type": row["type"],
                "from": row["start"],
                "to": row["end"],
                "properties": _canonical(row["props"]),
            }
        )
    key = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)  # noqa: E731
    return sorted(nodes, key=key) + sorted(rels, key=key)


def export_jsonl(store: GraphStore, out: IO[str]) -> int:
    count = 0
    for record in export_records(store):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def is_export_file(path: Path) -> bool:
    """A JSONL file of export records (`hospnet export`, `hospnet synth`'s truth.jsonl): a graph, not documents."""
    if Path(path).suffix.lower() != ".jsonl":
        return False
    try:
        with open(path, encoding="utf-8") as handle:
            record = json.loads(handle.readline() or "null")
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and record.get("kind") in ("node", "relationship")
        and "properties" in record
    )


def read_jsonl(path: Path) -> tuple[list[Node], list[Relationship]]:
    """Parse an export file; a malformed line is an error naming the line."""
    nodes: list[Node] = []
    raw_rels: list[tuple[int, dict[str, Any]]] = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise HospnetError(
            f"cannot read {path}: {exc.strerror}",
            hint="give the path of a file written by `hospnet export`",
        ) from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if record["kind"] == "node":
                    nodes.append(
                        Node(
                            label=record["label"],
                            id=record["id"],
                            properties=record.get("properties", {}),
                        )
                    )
                elif record["kind"] == "relationship":
                    raw_rels.append((number, record))
                else:
                    raise ValueError(f"unknown kind {record['kind']!r}")
            except (ValueError, KeyError, TypeError) as exc:
                raise HospnetError(f"{path}:{number}: not an export record ({exc})") from exc
    labels = {n.id: n.label for n in nodes}
    rels = []
    for number, record in raw_rels:
        try:
            rels.append(
                Relationship(
                    type=record["type"],
                    start=record["from"],
                    start_label=labels[record["from"]],
                    end=record["to"],
                    end_label=labels[record["to"]],
                    properties=record.get("properties", {}),
                )
            )
        except KeyError as exc:
            raise HospnetError(
                f"{path}:{number}: relationship names a node that is not in the file ({exc})"
            ) from exc
    return nodes, rels


def import_jsonl(store: GraphStore, path: Path, batch_size: int = 500) -> tuple[int, int]:
    nodes, rels = read_jsonl(path)
    store.ensure_schema()
    BatchWriter(store, batch_size).write_graph(nodes, rels)
    return len(nodes), len(rels)
