"""What the network page holds for each node and relationship beyond what vis-network draws: the
side panel's properties, evidence and documents, the facets the page's filters test, and the
curvature that keeps parallel relationships apart.

Everything here is plain data; the page's script writes it with `textContent`, never as markup.

>>> curves([("a", "b"), ("a", "b"), ("b", "a"), ("a", "c")])
[None, {'enabled': True, 'type': 'curvedCW', 'roundness': 0.25}, {'enabled': True, 'type': 'curvedCW', 'roundness': 0.25}, None]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from ..corrections.facts import relationship_target
from ..names import search_key

MENTIONS_SHOWN = 3
SOURCES_SHOWN = 3
ROUNDNESS_STEP = 0.25
# Shown elsewhere in the panel (heading, evidence, documents) or only for machines; each document's
# own sentence (`source_evidence`) is on its report page, and would weigh down a national page.
_NOT_PROPERTIES = {
    "label",
    "search",
    "sources",
    "source_evidence",
    "mentions",
    "evidence",
    "type",
    "name",
}


def _value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return value if isinstance(value, (int, float, bool)) else str(value)


def properties(data: dict) -> dict[str, Any]:
    return {
        key: _value(value)
        for key, value in sorted(data.items())
        if key not in _NOT_PROPERTIES and value not in (None, "", [], ())
    }


def node_details(node_id: str, data: dict) -> dict[str, Any]:
    """The side panel of a node: its properties and the sentences that mention it."""
    mentions = data.get("mentions") or []
    return {
        "props": properties({**data, "id": node_id}),
        "mentions": [{"doc": doc, "sentence": text} for doc, text in mentions[:MENTIONS_SHOWN]],
        "mentions_total": len(mentions),
    }


def discriminator(data: dict) -> dict[str, Any]:
    """What POST /corrections needs beyond the type and the ends (the edge's own `from`, `to`)."""
    target = relationship_target(data["type"], "", "", data)
    return {k: v for k, v in target.items() if k not in ("type", "from", "to")}


def edge_details(graph: nx.MultiDiGraph, a: str, b: str, data: dict) -> dict[str, Any]:
    """The side panel of a relationship: properties (a technique by its name), evidence, documents.
    The relationship's ends are the vis-network edge's own `from` and `to`."""
    props = properties(data)
    technique = data.get("technique")
    if technique in graph and graph.nodes[technique].get("name"):
        props["technique"] = str(graph.nodes[technique]["name"])
    sources = [str(s) for s in data.get("sources") or []]
    return {
        "props": props,
        "evidence": str(data["evidence"]) if data.get("evidence") else None,
        "sources": sources[:SOURCES_SHOWN],
        "sources_total": len(sources),
        "disc": discriminator(data),
    }


def search_text(data: dict) -> str:
    """The folded names the page's search box matches ("bach mai" finds "Bệnh viện Bạch Mai")."""
    names = [data.get("name"), data.get("title"), *(data.get("aliases") or [])]
    return search_key(*(str(n) for n in names if n))


def curves(pairs: list[tuple[str, str]]) -> list[dict | None]:
    """A smooth setting per edge: the first of a pair of nodes straight (None), each further one
    curved to alternating sides with growing roundness, so every parallel relationship can be
    reached by a tap. Sides are fixed by the pair, not the direction: b→a curves opposite a→b."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(pairs):
        if a != b:
            groups[(min(a, b), max(a, b))].append(i)
    out: list[dict | None] = [None] * len(pairs)
    for (low, _), members in groups.items():
        for rank, i in enumerate(members[1:], start=1):
            clockwise = rank % 2 == 1
            if pairs[i][0] != low:
                clockwise = not clockwise
            out[i] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": ROUNDNESS_STEP * ((rank + 1) // 2),
            }
    return out
