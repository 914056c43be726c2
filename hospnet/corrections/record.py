"""Making a correction: check it against the graph and the ledger, append it, apply it.

A bad correction (an unknown id, a merge of a node into itself or across labels, one that
contradicts an earlier correction) raises CorrectionError with one line, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..graph.base import GraphStore
from . import facts
from .apply import Outcome, UndoStore, apply_all, apply_one
from .ledger import Correction, CorrectionError, Ledger, new_correction

LEVELS = ("central", "provincial", "district", "private", "other")
NODE_PROPERTIES = (
    "name",
    "level",
    "province",
    "legacy_province",
    "specialty",
    "kind",
    "title",
    "date",
    "code",
    "year",
)
RELATIONSHIP_PROPERTIES = ("status", "date", "since", "as_of", "program", "role", "kinds")


def _need_node(store: GraphStore, node_id: str) -> dict[str, Any]:
    found = facts.node(store, node_id)
    if found is None:
        raise CorrectionError(f"no node with id {node_id!r} in the graph")
    return found


def _same_fact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("type", "from", "to", "technique", "title")
    return all(a.get(k) == b.get(k) for k in keys)


def _plain(value: Any, where: str) -> None:
    """Values a store can hold: text, numbers, lists of text; one level of maps for properties and source."""
    ok = isinstance(value, (str, int, float, bool)) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )
    if not ok:
        raise CorrectionError(f"{where} must be text, a number or a list of text")


def check(store: GraphStore, ledger: Ledger, op: str, target: dict[str, Any]) -> None:
    """Raise CorrectionError when `target` cannot be recorded."""
    for key, value in target.items():
        for sub, item in (
            value.items()
            if isinstance(value, dict) and key in ("properties", "source")
            else [(None, value)]
        ):
            _plain(item, f"{key}.{sub}" if sub else key)
    active = ledger.active()
    if op == "reject" and "node" in target:
        _need_node(store, target["node"])
    elif op == "reject":
        facts.rel_type(target.get("type", ""))
        for node_id in (target["from"], target["to"]):
            _need_node(store, node_id)
        if facts.relationship(store, target) is None:
            raise CorrectionError(
                f"no {target['type']} from {target['from']} to {target['to']} in the graph"
            )
        for c in active:
            if c.op == "add" and _same_fact(c.target, target):
                raise CorrectionError(
                    f"this reject contradicts {c.id}, which added the same fact; undo {c.id} instead"
                )
    elif op == "add":
        facts.rel_type(target.get("type", ""))
        for node_id in (target["from"], target["to"]):
            _need_node(store, node_id)
        source = target.get("source") or {}
        if not (source.get("document") or source.get("citation")):
            raise CorrectionError(
                'an added fact needs a source: --document ID --sentence "…" or --citation "…"'
            )
        if source.get("document") and facts.node(store, source["document"]) is None:
            raise CorrectionError(f"no document with id {source['document']!r} in the graph")
        for c in active:
            if c.op == "reject" and _same_fact(c.target, target):
                raise CorrectionError(
                    f"this add contradicts {c.id}, which rejected the same fact; undo {c.id} instead"
                )
    elif op == "merge":
        keep, gone = target["keep"], target["gone"]
        if keep == gone:
            raise CorrectionError(
                f"cannot merge {keep} into itself", hint="give two different ids: KEEP_ID GONE_ID"
            )
        if facts.label_of(keep) != facts.label_of(gone):
            raise CorrectionError(
                f"cannot merge a {facts.label_of(gone)} into a {facts.label_of(keep)}: {gone} → {keep}"
            )
        _need_node(store, keep)
        _need_node(store, gone)
    elif op == "split":
        held = _need_node(store, target["node"])
        if target["alias"] not in (held.get("aliases") or []):
            raise CorrectionError(
                f"{target['node']} has no alias {target['alias']!r}; its aliases: {held.get('aliases') or []}"
            )
    elif op == "set":
        _check_set(store, target)


def _check_set(store: GraphStore, target: dict[str, Any]) -> None:
    prop, value = target["property"], target["value"]
    if "node" in target:
        _need_node(store, target["node"])
        if prop not in NODE_PROPERTIES:
            raise CorrectionError(
                f"cannot set {prop!r} on a node: use one of {', '.join(NODE_PROPERTIES)}"
            )
        if prop == "level" and value not in LEVELS:
            raise CorrectionError(f"unknown level {value!r}: use one of {', '.join(LEVELS)}")
        return
    if prop not in RELATIONSHIP_PROPERTIES:
        raise CorrectionError(
            f"cannot set {prop!r} on a relationship: use one of {', '.join(RELATIONSHIP_PROPERTIES)}"
        )
    if facts.relationship(store, target) is None:
        raise CorrectionError(
            f"no {target['type']} from {target['from']} to {target['to']} in the graph"
        )


def correct(
    store: GraphStore, ledger_path: Path, op: str, target: dict[str, Any], who: str, why: str
) -> tuple[Correction, Outcome]:
    """Check, record and apply one correction."""
    ledger = Ledger(ledger_path)
    if "type" in target:
        target = {**target, "type": facts.rel_type(target["type"])}
    correction = new_correction(op, target, who, why)
    check(store, ledger, op, correction.target)
    ledger.append(correction)
    return correction, apply_one(store, correction, UndoStore(ledger_path))


def undo(
    store: GraphStore, ledger_path: Path, correction_id: str, who: str, why: str
) -> Correction:
    """Cancel a correction: an undo record in the ledger, the touched facts put back, the rest re-applied."""
    ledger = Ledger(ledger_path)
    target = ledger.get(correction_id)
    if target.op == "undo":
        raise CorrectionError(
            f"{correction_id} is an undo; undo cannot be undone, make the correction again"
        )
    if correction_id in ledger.undone():
        raise CorrectionError(f"{correction_id} is undone already")
    record = new_correction("undo", {"undoes": correction_id}, who, why)
    ledger.append(record)
    if UndoStore(ledger_path).restore(store, correction_id):
        apply_all(store, ledger_path)
    return record
