"""How far each district and provincial hospital is from a central one, climbing the support network.

One step up goes from a hospital to one of its supporters (a SUPPORTS followed backwards) or to
the hospital it refers patients to (REFERS_TO). One breadth-first search from all central
hospitals at once gives every hospital's distance; ties go to the supporter step, then the
smaller id, so the chain is the same on every run.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import networkx as nx

from .network import edges_of_type, name_of
from .places import province_of

LEVELS = ("district", "provincial")
_STEP_ORDER = {"SUPPORTS": 0, "REFERS_TO": 1}


@dataclass(frozen=True)
class ChainToCentral:
    """The shortest climb from one hospital to a central one; `central` is None when there is none."""

    hospital_id: str
    hospital: str
    level: str
    province: str | None
    central_id: str | None
    central: str | None
    hops: int | None
    chain: tuple[str, ...]  # names, from the hospital to the central one
    chain_ids: tuple[str, ...]
    steps: tuple[str, ...]  # SUPPORTS / REFERS_TO per step

    @property
    def reached(self) -> bool:
        return self.central_id is not None


def _upward_steps(G: nx.MultiDiGraph) -> dict[str, dict[str, str]]:
    """For each hospital, the hospitals one step up and the best step type to each."""
    up: dict[str, dict[str, str]] = {}

    def add(lower: str, upper: str, step: str) -> None:
        if (
            G.nodes[lower].get("label") != "Hospital"
            or G.nodes[upper].get("label") != "Hospital"
            or lower == upper
        ):
            return
        known = up.setdefault(lower, {}).get(upper)
        if known is None or _STEP_ORDER[step] < _STEP_ORDER[known]:
            up[lower][upper] = step

    for start, end, _ in edges_of_type(G, "SUPPORTS"):
        add(end, start, "SUPPORTS")
    for start, end, _ in edges_of_type(G, "REFERS_TO"):
        add(start, end, "REFERS_TO")
    return up


def chains_to_central(G: nx.MultiDiGraph, levels: tuple[str, ...] = LEVELS) -> list[ChainToCentral]:
    """For every hospital of the given levels, its shortest chain up to a central hospital (or none)."""
    up = _upward_steps(G)
    down: dict[str, list[str]] = {}
    for lower, uppers in up.items():
        for upper in uppers:
            down.setdefault(upper, []).append(lower)
    centrals = sorted(
        n
        for n, d in G.nodes(data=True)
        if d.get("label") == "Hospital" and d.get("level") == "central"
    )
    distance = dict.fromkeys(centrals, 0)
    queue = deque(centrals)
    while queue:
        node = queue.popleft()
        for lower in down.get(node, ()):
            if lower not in distance:
                distance[lower] = distance[node] + 1
                queue.append(lower)

    def next_up(node: str) -> str:
        options = [u for u in up[node] if distance.get(u) == distance[node] - 1]
        return min(options, key=lambda u: (_STEP_ORDER[up[node][u]], u))

    out = []
    for node_id, data in G.nodes(data=True):
        if data.get("label") != "Hospital" or data.get("level") not in levels:
            continue
        path, steps = [node_id], []
        if node_id in distance:
            while distance[path[-1]] > 0:
                upper = next_up(path[-1])
                steps.append(up[path[-1]][upper])
                path.append(upper)
        reached = node_id in distance
        out.append(
            ChainToCentral(
                hospital_id=node_id,
                hospital=name_of(G, node_id),
                level=data["level"],
                province=province_of(G, node_id),
                central_id=path[-1] if reached else None,
                central=name_of(G, path[-1]) if reached else None,
                hops=distance.get(node_id),
                chain=tuple(name_of(G, n) for n in path) if reached else (),
                chain_ids=tuple(path) if reached else (),
                steps=tuple(steps),
            )
        )
    out.sort(key=lambda c: (c.reached, c.province or "", c.hospital))
    return out


def unreachable_hospitals(G: nx.MultiDiGraph) -> list[ChainToCentral]:
    """District and provincial hospitals with no chain to any central hospital."""
    return [c for c in chains_to_central(G) if not c.reached]
