"""How far each province is from the central hospitals that support it (great-circle km).

A hospital sits at its own lat/lon when it has them, else at its province's centre.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .coverage import province_coverage
from ..places import haversine_km
from .places import coordinates_of, province_coordinates


@dataclass(frozen=True)
class ProvinceDistance:
    """The nearest supporting central hospital of a province; None when no central hospital supports it."""

    code: str
    province: str
    status: str
    nearest_supporter: str | None
    km: float | None
    supporters: int
    hosts_central: bool


def distance_to_support(G: nx.MultiDiGraph) -> list[ProvinceDistance]:
    """For each of the 34 provinces: km to its nearest supporting central hospital (any kind of support)."""
    centres = province_coordinates(G)
    out = []
    for item in province_coverage(G):
        here = centres.get(item.province)
        best: tuple[float, str] | None = None
        central_ids = {(e.supporter_id, e.supporter) for e in item.evidence if e.central}
        for supporter_id, name in central_ids:
            there = coordinates_of(G, supporter_id, centres)
            if here and there:
                km = haversine_km(here, there)
                if best is None or (km, name) < best:
                    best = (km, name)
        out.append(
            ProvinceDistance(
                item.code,
                item.province,
                item.status,
                best[1] if best else None,
                round(best[0], 1) if best else None,
                len(central_ids),
                bool(item.hosted_central),
            )
        )
    return sorted(out, key=lambda d: (d.km is None, -(d.km or 0), d.province))
