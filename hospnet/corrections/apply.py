"""Applying the ledger to a store: after every build, import and POST /documents, and on demand.

Each correction is planned from what the store holds now and written as one `Batch`, so a reader
sees the graph before or after it, never half a merge, and a killed apply leaves whole
corrections only: the re-run plans the rest. A correction whose graph already says what it says
plans nothing (`held`), which makes re-running a no-op; one whose target is gone is `lost`,
reported with the reason and kept in the ledger for the next build. Before a correction changes
the graph, the facts it touches are kept in `corrections-undo/<id>.json`, which `undo` restores.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..graph.base import Batch, GraphStore, Statement
from ..model import source_evidence
from ..names import fold, search_key
from . import facts
from .ledger import Correction, Ledger


@dataclass
class Outcome:
    id: str
    op: str
    status: str  # applied | held | lost
    reason: str = ""


@dataclass
class ApplyReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def of(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def lost(self) -> list[Outcome]:
        return self.of("lost")


@dataclass
class Plan:
    statements: list[Statement] = field(default_factory=list)
    touched_nodes: list[str] = field(default_factory=list)  # restored whole on undo
    touched_relationship: dict[str, Any] | None = None  # or just this relationship
    lost: str = ""


def _rel_key(target: dict[str, Any]) -> dict[str, Any]:
    return {
        k: target[k]
        for k in ("type", "from", "to", "technique", "title")
        if target.get(k) is not None
    }


def _plan_reject(store: GraphStore, c: Correction) -> Plan:
    t = c.target
    if "node" in t:
        return (
            Plan([facts.delete_node(t["node"])], touched_nodes=[t["node"]])
            if facts.node(store, t["node"])
            else Plan()
        )
    key = _rel_key(t)
    if facts.relationship(store, key) is not None:
        return Plan([facts.delete_relationship(key)], touched_relationship=key)
    missing = [i for i in (t["from"], t["to"]) if facts.node(store, i) is None]
    return Plan(lost=f"{' and '.join(missing)} not in the graph") if missing else Plan()


def _plan_add(store: GraphStore, c: Correction) -> Plan:
    t = c.target
    missing = [i for i in (t["from"], t["to"]) if facts.node(store, i) is None]
    if missing:
        return Plan(lost=f"{' and '.join(missing)} not in the graph")
    key = _rel_key({**t, **(t.get("properties") or {})})
    held = facts.relationship(store, key) or {}
    source = t.get("source") or {}
    props = {**held, **(t.get("properties") or {})}
    props["sources"] = sorted(
        set(held.get("sources") or []) | ({source["document"]} if source.get("document") else set())
    )
    props["evidence"] = held.get("evidence") or source.get("sentence") or source.get("citation")
    if source.get("document") and source.get("sentence"):
        item = source_evidence(source["document"], source["sentence"])
        kept = list(held.get("source_evidence") or [])
        props["source_evidence"] = kept + [item] if item not in kept else kept
    props = facts.with_provenance(props, c.who, c.id)
    if props == held:
        return Plan()
    return Plan([facts.put_relationship({**key, "props": props})], touched_relationship=key)


def _combined(kept: dict[str, Any], moved: dict[str, Any]) -> dict[str, Any]:
    """Two relationships that become one: the kept one's values win, lists are unioned."""
    out = dict(moved)
    for k, v in kept.items():
        out[k] = sorted(set(v) | set(moved.get(k) or []), key=str) if isinstance(v, list) else v
    return out


def _moves(
    store: GraphStore, old: str, new: str, keep: Callable[[dict[str, Any]], bool], c: Correction
) -> list[Statement]:
    """Statements moving old's relationships (those `keep` picks) to new, merged with new's own."""
    present = {
        (r["type"], r["from"], r["to"], _disc(r)): r for r in facts.relationships_of(store, new)
    }
    out: list[Statement] = []
    for rel in facts.relationships_of(store, old):
        if not keep(rel):
            continue
        moved = {
            **rel,
            "from": new if rel["from"] == old else rel["from"],
            "to": new if rel["to"] == old else rel["to"],
        }
        if moved["from"] == moved["to"]:
            continue  # a fact between the two names of one node says nothing
        held = present.get((moved["type"], moved["from"], moved["to"], _disc(moved)))
        props = _combined(held["props"], rel["props"]) if held else dict(rel["props"])
        out.append(
            facts.put_relationship({**moved, "props": facts.with_provenance(props, c.who, c.id)})
        )
    return out


def _disc(rel: dict[str, Any]) -> str:
    from ..model import REL_DISCRIMINATOR

    prop = REL_DISCRIMINATOR.get(rel["type"])
    return str(rel["props"].get(prop) or "") if prop else ""


def _plan_merge(store: GraphStore, c: Correction) -> Plan:
    keep_id, gone_id = c.target["keep"], c.target["gone"]
    keep, gone = facts.node(store, keep_id), facts.node(store, gone_id)
    if keep is None:
        return Plan(lost=f"{keep_id} not in the graph")
    if gone is None:
        return Plan()  # merged already, and no build brought the other name back
    props = {**{k: v for k, v in gone.items() if not isinstance(v, list)}, **keep}
    names = [gone.get("name"), *(gone.get("aliases") or []), *(keep.get("aliases") or [])]
    props["aliases"] = sorted({n for n in names if n and n != keep.get("name")})
    props["search"] = "|".join(
        sorted(
            set((keep.get("search") or "").split("|"))
            | set((gone.get("search") or "").split("|")) - {""}
        )
    )
    for key in ("specialties", "legacy_names", "titles"):
        if keep.get(key) or gone.get(key):
            props[key] = sorted(set(keep.get(key) or []) | set(gone.get(key) or []))
    statements = [facts.put_node(keep_id, facts.with_provenance(props, c.who, c.id))]
    statements += _moves(store, gone_id, keep_id, lambda rel: True, c)
    statements.append(facts.delete_node(gone_id))
    return Plan(statements, touched_nodes=[keep_id, gone_id])


def _plan_split(store: GraphStore, c: Correction) -> Plan:
    node_id, alias = c.target["node"], c.target["alias"]
    held = facts.node(store, node_id)
    if held is None:
        return Plan(lost=f"{node_id} not in the graph")
    if alias not in (held.get("aliases") or []):
        return Plan()
    new_id = facts.label_of(node_id).lower() + ":" + "-".join(fold(alias).split())
    aliases = sorted(a for a in held["aliases"] if a != alias)
    props = {**held, "aliases": aliases, "search": search_key(held.get("name") or "", *aliases)}
    statements = [
        facts.put_node(node_id, facts.with_provenance(props, c.who, c.id)),
        facts.put_node(
            new_id, facts.with_provenance({"name": alias, "search": search_key(alias)}, c.who, c.id)
        ),
    ]

    def names_alias(rel):
        return fold(alias) in fold(
            str(rel["props"].get("evidence") or rel["props"].get("sentence") or "")
        )  # noqa: E731

    statements += _moves(store, node_id, new_id, names_alias, c)
    statements += [
        facts.delete_relationship(
            {
                "type": r["type"],
                "from": r["from"],
                "to": r["to"],
                **({} if not _disc(r) else {_disc_name(r): _disc(r)}),
            }
        )
        for r in facts.relationships_of(store, node_id)
        if names_alias(r)
    ]
    return Plan(statements, touched_nodes=[node_id, new_id])


def _disc_name(rel: dict[str, Any]) -> str:
    from ..model import REL_DISCRIMINATOR

    return str(REL_DISCRIMINATOR.get(rel["type"]))


def _plan_set(store: GraphStore, c: Correction) -> Plan:
    t = c.target
    if "node" in t:
        held = facts.node(store, t["node"])
        if held is None:
            return Plan(lost=f"{t['node']} not in the graph")
        props = facts.with_provenance({**held, t["property"]: t["value"]}, c.who, c.id)
        if t["property"] == "name" and held.get("name") and held["name"] != t["value"]:
            props["aliases"] = sorted(set(held.get("aliases") or []) | {held["name"]})
            props["search"] = search_key(t["value"], *props["aliases"])
        return (
            Plan() if props == held else Plan([facts.put_node(t["node"], props)], touched_nodes=[])
        )
    key = _rel_key(t)
    rel = facts.relationship(store, key)
    if rel is None:
        return Plan(lost=f"no {key['type']} from {key['from']} to {key['to']} in the graph")
    props = facts.with_provenance({**rel, t["property"]: t["value"]}, c.who, c.id)
    return (
        Plan()
        if props == rel
        else Plan([facts.put_relationship({**key, "props": props})], touched_relationship=key)
    )


PLANNERS = {
    "reject": _plan_reject,
    "add": _plan_add,
    "merge": _plan_merge,
    "split": _plan_split,
    "set": _plan_set,
}


def plan(store: GraphStore, correction: Correction) -> Plan:
    p = PLANNERS[correction.op](store, correction)
    if correction.op == "set" and "node" in correction.target and p.statements:
        p.touched_nodes = [correction.target["node"]]
    return p


class UndoStore:
    """The facts each correction touched, as they were before it last changed the graph."""

    def __init__(self, ledger_path: Path) -> None:
        self.folder = Path(ledger_path).parent / "corrections-undo"

    def keep(self, store: GraphStore, correction: Correction, p: Plan) -> None:
        image: dict[str, Any] = {"nodes": {}, "relationships": [], "relationship": None}
        for node_id in p.touched_nodes:
            image["nodes"][node_id] = facts.node(store, node_id)
            image["relationships"] += facts.relationships_of(store, node_id)
        if p.touched_relationship is not None:
            image["relationship"] = {
                "key": p.touched_relationship,
                "props": facts.relationship(store, p.touched_relationship),
            }
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{correction.id}.tmp"
        tmp.write_text(json.dumps(image, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.folder / f"{correction.id}.json")

    def restore(self, store: GraphStore, correction_id: str) -> bool:
        """Put the touched facts back as they were; False when this machine never applied it."""
        path = self.folder / f"{correction_id}.json"
        if not path.exists():
            return False
        image = json.loads(path.read_text(encoding="utf-8"))
        # Nodes that were there are updated in place (not deleted and made again), their edges redrawn.
        nodes: list[Statement] = [
            facts.delete_node(i) if props is None else facts.detach(i)
            for i, props in image["nodes"].items()
        ]
        nodes += [
            facts.put_node(i, props) for i, props in image["nodes"].items() if props is not None
        ]
        rels: list[Statement] = [facts.put_relationship(r) for r in _unique(image["relationships"])]
        one = image["relationship"]
        if one is not None:
            rels.append(facts.delete_relationship(one["key"]))
            if one["props"] is not None:
                rels.append(facts.put_relationship({**one["key"], "props": one["props"]}))
        store.write_batch(Batch(nodes=nodes, relationships=rels))
        path.unlink()
        return True


def _unique(rels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in rels:
        key = json.dumps([r["type"], r["from"], r["to"], _disc(r)])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def apply_one(store: GraphStore, correction: Correction, undo: UndoStore) -> Outcome:
    p = plan(store, correction)
    if p.lost:
        return Outcome(correction.id, correction.op, "lost", p.lost)
    if not p.statements:
        return Outcome(correction.id, correction.op, "held")
    undo.keep(store, correction, p)
    store.write_batch(Batch(nodes=p.statements))  # one atomic write: the statements run in order
    return Outcome(correction.id, correction.op, "applied")


def apply_all(
    store: GraphStore, ledger_path: Path, progress: Callable[[Outcome], None] | None = None
) -> ApplyReport:
    """Apply every active correction of the ledger, in order; idempotent."""
    ledger, undo, report = Ledger(ledger_path), UndoStore(ledger_path), ApplyReport()
    for correction in ledger.active():
        outcome = apply_one(store, correction, undo)
        report.outcomes.append(outcome)
        if progress:
            progress(outcome)
    return report
