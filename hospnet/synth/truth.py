"""The ground truth: every fact a generated document states, merged as the store merges them.

A fact stated by two documents is one record with two `sources`, as SCHEMA requires of the
store, so the truth file and a build's export can be compared record by record.
"""

from __future__ import annotations

import json
from typing import IO, Any

from ..model import REL_DISCRIMINATOR

_LIST_PROPS = ("kinds", "sources", "titles", "legacy_names", "specialties", "aliases")


class Facts:
    """Nodes and relationships keyed as the store keys them; list properties union on re-statement."""

    def __init__(self) -> None:
        self.nodes: dict[str, tuple[str, dict[str, Any]]] = {}
        self.relationships: dict[tuple, dict[str, Any]] = {}

    def node(self, label: str, node_id: str, **props: Any) -> str:
        props = {k: v for k, v in props.items() if v is not None}
        if node_id in self.nodes:
            _merge(self.nodes[node_id][1], props)
        else:
            self.nodes[node_id] = (label, props)
        return node_id

    def relationship(self, rel_type: str, start: str, end: str, **props: Any) -> None:
        disc = REL_DISCRIMINATOR.get(rel_type)
        key = (rel_type, start, end, props.get(disc) if disc else None)
        props = {k: v for k, v in props.items() if v is not None}
        if key in self.relationships:
            _merge(self.relationships[key], props)
        else:
            self.relationships[key] = props

    def update(self, other: "Facts", source: str) -> None:
        """Add one document's facts, each relationship citing the document."""
        for node_id, (label, props) in other.nodes.items():
            self.node(label, node_id, **props)
        for (rel_type, start, end, _), props in other.relationships.items():
            self.relationship(rel_type, start, end, **props, sources=[source])

    def records(self) -> list[dict]:
        """Export records (hospnet/graph/jsonl.py format), sorted the way an export sorts them."""
        nodes = [
            {"kind": "node", "label": label, "id": node_id, "properties": _canonical(props)}
            for node_id, (label, props) in self.nodes.items()
        ]
        rels = [
            {
                "kind": "relationship",
                "type": key[0],
                "from": key[1],
                "to": key[2],
                "properties": _canonical(props),
            }
            for key, props in self.relationships.items()
        ]
        order = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)  # noqa: E731
        return sorted(nodes, key=order) + sorted(rels, key=order)

    def write_jsonl(self, out: IO[str]) -> int:
        records = self.records()
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        return len(records)


def _merge(target: dict[str, Any], props: dict[str, Any]) -> None:
    for key, value in props.items():
        if key in _LIST_PROPS and isinstance(value, list):
            target[key] = target.get(key, []) + [v for v in value if v not in target.get(key, [])]
        elif key not in target:
            target[key] = value


def _canonical(props: dict) -> dict:
    return {k: (sorted(v, key=str) if isinstance(v, list) else v) for k, v in sorted(props.items())}
