"""Where the graph's nodes are: the province each node lies in, and its centre (the provinces
themselves live in hospnet.places).

A hospital's province is the Province it is LOCATED_IN, else its `province` property; its
pre-2025 province is `legacy_province` when set, else the same name (SCHEMA "Names").
"""

from __future__ import annotations

import networkx as nx

from ..places import places


def province_of(G: nx.MultiDiGraph, node_id: str) -> str | None:
    """The 2025 province a node lies in (a Province node is its own)."""
    data = G.nodes[node_id]
    if data.get("label") == "Province":
        return data.get("name")
    for _, target, edge in G.out_edges(node_id, data=True):
        if edge.get("type") == "LOCATED_IN" and G.nodes[target].get("label") == "Province":
            return G.nodes[target].get("name")
    return data.get("province")


def legacy_provinces_of(G: nx.MultiDiGraph, node_id: str) -> tuple[str, ...]:
    """The pre-2025 province(s) of a node; a 2025 Province node stands for all of its old ones."""
    data = G.nodes[node_id]
    if data.get("label") == "Province":
        names = tuple(data.get("legacy_names") or ())
        return names or ((data.get("name"),) if data.get("name") else ())
    if data.get("legacy_province"):
        return (data["legacy_province"],)
    province = province_of(G, node_id)
    return (province,) if province else ()


def province_coordinates(G: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Centre of each 2025 province: the Province node's lat/lon, else the 2025 list's."""
    table = {place.name: (place.lat, place.lon) for place in places()}
    for _, data in G.nodes(data=True):
        if (
            data.get("label") == "Province"
            and data.get("name")
            and data.get("lat") is not None
            and data.get("lon") is not None
        ):
            table[data["name"]] = (float(data["lat"]), float(data["lon"]))
    return table


def coordinates_of(
    G: nx.MultiDiGraph, node_id: str, centres: dict[str, tuple[float, float]]
) -> tuple[float, float] | None:
    """A node's own lat/lon, else its province's centre (from `province_coordinates`)."""
    data = G.nodes[node_id]
    if data.get("lat") is not None and data.get("lon") is not None:
        return float(data["lat"]), float(data["lon"])
    province = province_of(G, node_id)
    return centres.get(province) if province else None
