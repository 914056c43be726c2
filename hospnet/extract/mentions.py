"""A span of text that names (or points back to) an entity, before it becomes a node."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    """One entity mention: label, canonical name and properties, where it is in the document.

    `ref` marks a back-reference ("Bệnh viện tỉnh", "hai bên") that resolve.py turns
    into the entity it means; its `name` is empty until then.
    """

    label: str
    name: str
    start: int
    end: int
    surface: str
    props: dict = field(default_factory=dict)
    ref: str | None = None
    priority: int = 2
    rule: str = (
        ""  # the id of the pattern that read it (gazetteer, grammar), for scoring rules one by one
    )


def choose(candidates: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: higher priority first, then the longer, then the earlier."""
    taken: list[Mention] = []
    for m in sorted(candidates, key=lambda m: (-m.priority, -(m.end - m.start), m.start)):
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def distinct(ms: list[Mention]) -> list[Mention]:
    """The mentions with the first of each name, in order."""
    seen: set[str] = set()
    out: list[Mention] = []
    for x in ms:
        if x.name not in seen:
            seen.add(x.name)
            out.append(x)
    return out
