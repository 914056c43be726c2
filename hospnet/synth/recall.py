"""How much of the ground truth a build found: node and relationship recall (and precision).

Nodes match by id, relationships by (type, from, to[, technique]). Two kinds of node are matched
by what SCHEMA says makes them the same rather than by id, since their id is composed by the
extractor: an `Agreement` by its parties and date, a `Province` by its code. `Document` nodes and
`MENTIONED_IN` are provenance, not facts, and are left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

PROVENANCE_LABELS = ("Document",)
PROVENANCE_TYPES = ("MENTIONED_IN",)


@dataclass
class Recall:
    nodes: float
    relationships: float
    node_precision: float
    relationship_precision: float
    truth_nodes: int
    truth_relationships: int
    by_label: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (found, expected)
    by_type: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed_nodes: list[str] = field(default_factory=list)
    missed_relationships: list[tuple] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"nodes recall {self.nodes:.4f} ({self.truth_nodes}), precision {self.node_precision:.4f}",
            f"relationships recall {self.relationships:.4f} ({self.truth_relationships}), precision {self.relationship_precision:.4f}",
        ]
        out += [f"  {k}: {found}/{n}" for k, (found, n) in sorted(self.by_label.items())]
        out += [f"  {k}: {found}/{n}" for k, (found, n) in sorted(self.by_type.items())]
        return out


def read_records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _keys(records: Iterable[dict]) -> tuple[dict[tuple, str], set[tuple]]:
    """Each fact node's matching key (with its label), and each fact relationship's key."""
    records = list(records)
    labels = {r["id"]: r["label"] for r in records if r["kind"] == "node"}
    parties: dict[str, list[str]] = {}
    for r in records:
        if r["kind"] == "relationship" and r["type"] == "PARTY_TO":
            parties.setdefault(r["to"], []).append(r["from"])
    node_key: dict[str, tuple] = {}
    for r in records:
        if r["kind"] != "node" or r["label"] in PROVENANCE_LABELS:
            continue
        props = r.get("properties", {})
        if r["label"] == "Agreement":
            node_key[r["id"]] = (
                "Agreement",
                tuple(sorted(parties.get(r["id"], []))),
                props.get("date"),
            )
        elif r["label"] == "Province":
            node_key[r["id"]] = ("Province", props.get("code") or props.get("name"))
        else:
            node_key[r["id"]] = (r["id"],)
    nodes = {key: labels[node_id] for node_id, key in node_key.items()}
    rels = set()
    for r in records:
        if r["kind"] != "relationship" or r["type"] in PROVENANCE_TYPES:
            continue
        if r["from"] not in node_key or r["to"] not in node_key:
            continue
        technique = r.get("properties", {}).get("technique") if r["type"] == "TRANSFERS" else None
        rels.add((r["type"], node_key[r["from"]], node_key[r["to"]], technique))
    return nodes, rels


def recall(truth: Iterable[dict], found: Iterable[dict]) -> Recall:
    """Compare two lists of export records (truth first)."""
    t_nodes, t_rels = _keys(truth)
    f_nodes, f_rels = _keys(found)
    hit_nodes = [k for k in t_nodes if k in f_nodes]
    hit_rels = t_rels & f_rels
    by_label: dict[str, list[int]] = {}
    for key, label in t_nodes.items():
        entry = by_label.setdefault(label, [0, 0])
        entry[0] += key in f_nodes
        entry[1] += 1
    by_type: dict[str, list[int]] = {}
    for key in t_rels:
        entry = by_type.setdefault(key[0], [0, 0])
        entry[0] += key in f_rels
        entry[1] += 1
    ratio = lambda a, b: a / b if b else 1.0  # noqa: E731
    return Recall(
        nodes=ratio(len(hit_nodes), len(t_nodes)),
        relationships=ratio(len(hit_rels), len(t_rels)),
        node_precision=ratio(len(hit_nodes), len(f_nodes)),
        relationship_precision=ratio(len(hit_rels), len(f_rels)),
        truth_nodes=len(t_nodes),
        truth_relationships=len(t_rels),
        by_label={k: (v[0], v[1]) for k, v in by_label.items()},
        by_type={k: (v[0], v[1]) for k, v in by_type.items()},
        missed_nodes=sorted(str(k) for k in t_nodes if k not in f_nodes),
        missed_relationships=sorted(t_rels - f_rels, key=str),
    )
