"""Technique gaps: for each technique and specialty, the provinces where no hospital performs it.

A hospital performs a technique when it HAS_TECHNIQUE, or received it by a TRANSFERS that is
under way or done (a transfer that is only planned does not count yet).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .network import edges_of_type
from ..places import places
from .places import province_of


@dataclass(frozen=True)
class TechniqueGap:
    technique_id: str
    technique: str
    specialty: str
    provinces_with: tuple[str, ...]
    provinces_without: tuple[str, ...]


@dataclass(frozen=True)
class SpecialtyGap:
    specialty: str
    techniques: int
    provinces_with: tuple[str, ...]
    provinces_without: tuple[str, ...]


def _performed(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Technique id -> 2025 provinces where some hospital performs it."""
    where: dict[str, set[str]] = defaultdict(set)
    for start, end, _ in edges_of_type(G, "HAS_TECHNIQUE"):
        province = province_of(G, start)
        if province:
            where[end].add(province)
    for _, end, data in edges_of_type(G, "TRANSFERS"):
        province = province_of(G, end)
        if province and data.get("technique") and (data.get("status") or "done") != "planned":
            where[data["technique"]].add(province)
    return where


def technique_gaps(G: nx.MultiDiGraph) -> list[TechniqueGap]:
    """Every technique with the 2025 provinces that lack it, widest gap first."""
    names = [p.name for p in places()]
    where = _performed(G)
    out = []
    for node, data in G.nodes(data=True):
        if data.get("label") == "Technique":
            have = where.get(node, set())
            out.append(
                TechniqueGap(
                    node,
                    data.get("name") or node,
                    data.get("specialty") or "unknown",
                    tuple(n for n in names if n in have),
                    tuple(n for n in names if n not in have),
                )
            )
    return sorted(out, key=lambda g: (-len(g.provinces_without), g.specialty, g.technique))


def specialty_gaps(G: nx.MultiDiGraph) -> list[SpecialtyGap]:
    """Per specialty, the provinces where no technique of it is performed, widest gap first."""
    names = [p.name for p in places()]
    grouped: dict[str, list[TechniqueGap]] = defaultdict(list)
    for gap in technique_gaps(G):
        grouped[gap.specialty].append(gap)
    out = []
    for specialty, gaps in grouped.items():
        have = {p for g in gaps for p in g.provinces_with}
        out.append(
            SpecialtyGap(
                specialty,
                len(gaps),
                tuple(n for n in names if n in have),
                tuple(n for n in names if n not in have),
            )
        )
    return sorted(out, key=lambda g: (-len(g.provinces_without), g.specialty))
