"""Reading the facts a correction touches, and the statements that write them back whole.

Ids carry their label (`hospital:…`), so every lookup matches on a label and its indexed id.
Relationship types, labels and property names pass `schema_identifier`, never text from a user.
"""

from __future__ import annotations

from typing import Any

from ..graph.base import GraphStore, Statement, schema_identifier
from ..model import LABELS, REL_DISCRIMINATOR, REL_TYPES
from .ledger import CorrectionError

_DISCRIMINATORS = tuple(d for d in REL_DISCRIMINATOR.values() if d)

_PREFIXES = {label.lower(): label for label in LABELS}


def label_of(node_id: str) -> str:
    """The label an id names: `hospital:benh-vien-e` is a Hospital.

    >>> label_of("hospital:benh-vien-e")
    'Hospital'
    """
    prefix = str(node_id).split(":", 1)[0]
    if prefix not in _PREFIXES or ":" not in str(node_id):
        raise CorrectionError(
            f"{node_id!r} is not a node id (ids look like hospital:benh-vien-e)",
            hint="copy the id from `hospnet query run search_names` or the API",
        )
    return _PREFIXES[prefix]


def rel_type(name: str) -> str:
    try:
        return schema_identifier(str(name).upper(), REL_TYPES)
    except ValueError:
        raise CorrectionError(
            f"unknown relationship type {name!r}: use one of {', '.join(REL_TYPES)}"
        ) from None


def relationship_target(
    rel_type: str, start: str, end: str, props: dict[str, Any]
) -> dict[str, Any]:
    """How a correction names a relationship: its type, its ends, and the property that tells
    repeated ones apart (a transfer's technique, a position's title), as pages send it.

    >>> relationship_target("TRANSFERS", "hospital:a", "hospital:b", {"technique": "technique:x", "status": "done"})
    {'type': 'TRANSFERS', 'from': 'hospital:a', 'to': 'hospital:b', 'technique': 'technique:x'}
    """
    target: dict[str, Any] = {"type": rel_type, "from": start, "to": end}
    disc = REL_DISCRIMINATOR.get(rel_type)
    if disc and props.get(disc) is not None:
        target[disc] = props[disc]
    return target


def node(store: GraphStore, node_id: str) -> dict[str, Any] | None:
    label = schema_identifier(label_of(node_id), LABELS)
    rows = store.read(
        f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS props", {"id": node_id}
    )
    return rows[0]["props"] if rows else None


def _on_relationship(key: dict[str, Any], action: str) -> Statement:
    """`MATCH` the relationship a target names (type, ends, discriminator), then `action` on `r`."""
    type_ = schema_identifier(rel_type(key["type"]), REL_TYPES)
    start = schema_identifier(label_of(key["from"]), LABELS)
    end = schema_identifier(label_of(key["to"]), LABELS)
    disc = REL_DISCRIMINATOR.get(type_)
    where = (
        f" WHERE coalesce(r.{schema_identifier(disc, _DISCRIMINATORS)}, '') = $disc"
        if disc and key.get(disc) is not None
        else ""
    )
    return (
        f"MATCH (:{start} {{id: $a}})-[r:{type_}]->(:{end} {{id: $b}}){where} {action}",
        {"a": key["from"], "b": key["to"], "disc": key.get(disc or "", "")},
    )


def relationship(store: GraphStore, key: dict[str, Any]) -> dict[str, Any] | None:
    """The properties of the relationship a target names, or None."""
    rows = store.read(*_on_relationship(key, "RETURN properties(r) AS props"))
    return rows[0]["props"] if rows else None


def relationships_of(store: GraphStore, node_id: str) -> list[dict[str, Any]]:
    """Every relationship at a node, as {type, from, to, props}, outgoing and incoming."""
    label = schema_identifier(label_of(node_id), LABELS)
    out = store.read(
        f"MATCH (n:{label} {{id: $id}})-[r]->(o) RETURN type(r) AS type, o.id AS other, properties(r) AS props",
        {"id": node_id},
        limit=None,
    )
    into = store.read(
        f"MATCH (o)-[r]->(n:{label} {{id: $id}}) RETURN type(r) AS type, o.id AS other, properties(r) AS props",
        {"id": node_id},
        limit=None,
    )
    return [
        {"type": r["type"], "from": node_id, "to": r["other"], "props": r["props"]} for r in out
    ] + [{"type": r["type"], "from": r["other"], "to": node_id, "props": r["props"]} for r in into]


def put_node(node_id: str, props: dict[str, Any]) -> Statement:
    """Replace a node's properties (creating it when absent)."""
    label = schema_identifier(label_of(node_id), LABELS)
    return f"MERGE (n:{label} {{id: $id}}) SET n = $props", {
        "id": node_id,
        "props": {**props, "id": node_id},
    }


def delete_node(node_id: str) -> Statement:
    label = schema_identifier(label_of(node_id), LABELS)
    return f"MATCH (n:{label} {{id: $id}}) DETACH DELETE n", {"id": node_id}


def detach(node_id: str) -> Statement:
    """Delete a node's relationships, keeping the node."""
    label = schema_identifier(label_of(node_id), LABELS)
    return f"MATCH (n:{label} {{id: $id}})-[r]-() DELETE r", {"id": node_id}


def put_relationship(rel: dict[str, Any]) -> Statement:
    """Replace one relationship's properties (creating it when absent); its ends must exist."""
    type_ = schema_identifier(rel_type(rel["type"]), REL_TYPES)
    start = schema_identifier(label_of(rel["from"]), LABELS)
    end = schema_identifier(label_of(rel["to"]), LABELS)
    disc = REL_DISCRIMINATOR.get(type_)
    props = {k: v for k, v in rel["props"].items() if v is not None}
    merged = f" {{{schema_identifier(disc, _DISCRIMINATORS)}: $disc}}" if disc else ""
    if disc:
        props.setdefault(disc, "")
    return (
        f"MATCH (a:{start} {{id: $a}}) MATCH (b:{end} {{id: $b}}) MERGE (a)-[x:{type_}{merged}]->(b) SET x = $props",
        {"a": rel["from"], "b": rel["to"], "disc": props.get(disc or "", ""), "props": props},
    )


def delete_relationship(key: dict[str, Any]) -> Statement:
    return _on_relationship(key, "DELETE r")


def with_provenance(props: dict[str, Any], who: str, correction_id: str) -> dict[str, Any]:
    """Properties plus the person and the correction that changed them, beside the document evidence."""
    out = dict(props)
    out["curated_by"] = sorted(set(out.get("curated_by") or []) | {who})
    out["corrections"] = sorted(set(out.get("corrections") or []) | {correction_id})
    return out
