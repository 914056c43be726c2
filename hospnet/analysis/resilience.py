"""Where the support network is thin: units with one supporter, supporters a province depends on,
and the cut points of the support graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .coverage import STATUSES, central_hospitals_by_place, coverage_from_evidence, support_evidence
from .network import edges_of_type, name_of
from .places import province_of


@dataclass(frozen=True)
class SingleSupporter:
    """A unit (hospital, province, organisation) that exactly one hospital supports."""

    unit_id: str
    unit: str
    label: str
    province: str | None
    supporter_id: str
    supporter: str


def single_supporter_units(G: nx.MultiDiGraph) -> list[SingleSupporter]:
    """Units with exactly one distinct supporter (SUPPORTS); losing it leaves them with none."""
    supporters: dict[str, set[str]] = defaultdict(set)
    for start, end, _ in edges_of_type(G, "SUPPORTS"):
        supporters[end].add(start)
    out = []
    for unit, found in supporters.items():
        if len(found) == 1:
            (only,) = found
            out.append(
                SingleSupporter(
                    unit,
                    name_of(G, unit),
                    G.nodes[unit].get("label", ""),
                    province_of(G, unit),
                    only,
                    name_of(G, only),
                )
            )
    return sorted(out, key=lambda s: (s.province or "", s.unit))


@dataclass(frozen=True)
class CriticalSupporter:
    """A supporter whose loss lowers the coverage status of some provinces (e.g. covered -> uncovered)."""

    supporter_id: str
    supporter: str
    level: str
    provinces: tuple[str, ...]
    changes: tuple[str, ...]  # "Thái Nguyên: covered -> uncovered"


def critical_supporters(G: nx.MultiDiGraph, *, legacy: bool = False) -> list[CriticalSupporter]:
    """Supporters whose removal would leave provinces less covered than they are, most provinces first."""
    evidence = support_evidence(G, legacy=legacy)
    hosted = central_hospitals_by_place(G, legacy=legacy)
    before = {
        c.province: c.status
        for c in coverage_from_evidence(G, evidence, legacy=legacy, hosted_by_place=hosted)
    }
    rank = {status: i for i, status in enumerate(STATUSES)}
    out = []
    for supporter in sorted({e.supporter_id for e in evidence}):
        after = coverage_from_evidence(
            G, evidence, legacy=legacy, without=frozenset({supporter}), hosted_by_place=hosted
        )
        worse = [c for c in after if rank[c.status] > rank[before[c.province]]]
        if worse:
            out.append(
                CriticalSupporter(
                    supporter,
                    name_of(G, supporter),
                    G.nodes[supporter].get("level") or "",
                    tuple(c.province for c in worse),
                    tuple(f"{c.province}: {before[c.province]} -> {c.status}" for c in worse),
                )
            )
    return sorted(out, key=lambda c: (-len(c.provinces), c.supporter))


def support_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of SUPPORTS between any nodes (hospitals, provinces, organisations)."""
    H = nx.Graph()
    for start, end, _ in edges_of_type(G, "SUPPORTS"):
        if start != end:
            H.add_edge(start, end)
    return H


@dataclass(frozen=True)
class WeakPoints:
    """Nodes and links whose loss splits the support graph into more pieces."""

    articulation_points: tuple[tuple[str, str], ...]  # (id, name)
    bridges: tuple[tuple[str, str, str, str], ...]  # (id, name, id, name), ids in order


def support_weak_points(G: nx.MultiDiGraph) -> WeakPoints:
    """Articulation points and bridges of the undirected support graph."""
    H = support_graph(G)
    points = sorted(nx.articulation_points(H))
    bridges = sorted(tuple(sorted(edge)) for edge in nx.bridges(H))
    return WeakPoints(
        articulation_points=tuple((p, name_of(G, p)) for p in points),
        bridges=tuple((a, name_of(G, a), b, name_of(G, b)) for a, b in bridges),
    )
