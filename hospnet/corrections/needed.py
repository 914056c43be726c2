"""Which corrections an extractor makes unnecessary: the ledger read against what it now extracts.

Every correction is a person fixing the extractor's reading; a better extractor makes some of them moot.
An `add` is unnecessary once the fact is extracted; a `reject` once the fact is no longer extracted while
both its ends still are (the documents still speak of them); a `merge` once the gone name is no longer
read at all. A `split` or a `set` changes what no extraction decides, so it is not judged.

>>> c = Correction(id="c-1", op="add", who="lan", when="2026-01-01", why="missed",
...                target={"type": "SUPPORTS", "from": "hospital:a", "to": "hospital:b"})
>>> unnecessary([c], {"hospital:a", "hospital:b"}, {("SUPPORTS", "hospital:a", "hospital:b", None)}).moot
['c-1']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .ledger import Correction


@dataclass
class Needed:
    """The active corrections sorted by what the extraction says of them."""

    moot: list[str] = field(default_factory=list)
    still_needed: list[str] = field(default_factory=list)
    not_judged: list[str] = field(default_factory=list)

    def line(self) -> str:
        total = len(self.moot) + len(self.still_needed) + len(self.not_judged)
        return (
            f"corrections: {total} in the ledger; {len(self.moot)} made unnecessary by this extractor, "
            f"{len(self.still_needed)} still needed, {len(self.not_judged)} not judged (split, set)"
        )


def unnecessary(
    corrections: list[Correction], node_ids: set[str], relationship_keys: set[tuple]
) -> Needed:
    """Sort `corrections` (active ones, no undos) against the ids and relationships an extraction gave."""
    out = Needed()
    for c in corrections:
        verdict = _verdict(c, node_ids, relationship_keys)
        {True: out.moot, False: out.still_needed, None: out.not_judged}[verdict].append(c.id)
    return out


def _verdict(c: Correction, node_ids: set[str], keys: set[tuple]) -> bool | None:
    t = c.target
    if c.op == "merge":
        return t.get("gone") not in node_ids
    if c.op == "reject" and "node" in t:
        return t["node"] not in node_ids
    if c.op in ("add", "reject") and "type" in t:
        key = (t["type"], t.get("from"), t.get("to"), t.get("technique"))
        if c.op == "add":
            return key in keys
        if not {t.get("from"), t.get("to")} <= node_ids:
            return None  # these documents say nothing of its ends: no verdict
        return key not in keys
    return None
