"""Where things are: the 34 provinces of 2025 (or the 63 before them), and the province each node lies in.

A hospital's province is the Province it is LOCATED_IN, else its `province` property; its
pre-2025 province is `legacy_province` when set, else the same name (SCHEMA "Names").
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
from dataclasses import dataclass

import networkx as nx

from ..extract.provinces import all_provinces

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    """A province the analyses report on; `parent` is the 2025 province of a pre-2025 one."""

    code: str
    name: str
    lat: float
    lon: float
    parent: str
    legacy_names: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def _legacy_coordinates() -> dict[str, tuple[str, float, float]]:
    """Code and centre of each pre-2025 province, from the package data (not exposed by extract.provinces)."""
    raw = json.loads((importlib.resources.files("vietnamadminunits") / "data" / "parser_legacy.json").read_text("utf-8"))
    out = {}
    for info in raw["DICT_PROVINCE"].values():
        short = info["provinceShort"]
        name = "Thành phố Hồ Chí Minh" if short == "Hồ Chí Minh" else short
        out[name] = (info["provinceCode"], float(info["provinceLat"]), float(info["provinceLon"]))
    return out


@functools.lru_cache(maxsize=2)
def places(legacy: bool = False) -> tuple[Place, ...]:
    """The 34 provinces of 2025 by code, or with `legacy` the 63 pre-2025 provinces by code.

    >>> len(places()), len(places(legacy=True))
    (34, 63)
    >>> [p.parent for p in places(legacy=True) if p.name == "Bắc Kạn"]
    ['Thái Nguyên']
    """
    provinces = all_provinces()
    if not legacy:
        return tuple(Place(p.code, p.name, p.lat, p.lon, p.name, tuple(p.legacy_names)) for p in provinces)
    coords = _legacy_coordinates()
    out = []
    for p in provinces:
        for old in p.legacy_names:
            code, lat, lon = coords.get(old, (p.code, p.lat, p.lon))
            out.append(Place(code, old, lat, lon, p.name, ()))
    return tuple(sorted(out, key=lambda place: (place.code, place.name)))


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
        if data.get("label") == "Province" and data.get("name") and data.get("lat") is not None and data.get("lon") is not None:
            table[data["name"]] = (float(data["lat"]), float(data["lon"]))
    return table


def coordinates_of(G: nx.MultiDiGraph, node_id: str, centres: dict[str, tuple[float, float]]) -> tuple[float, float] | None:
    """A node's own lat/lon, else its province's centre (from `province_coordinates`)."""
    data = G.nodes[node_id]
    if data.get("lat") is not None and data.get("lon") is not None:
        return float(data["lat"]), float(data["lon"])
    province = province_of(G, node_id)
    return centres.get(province) if province else None


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km((21.0278, 105.8342), (10.7769, 106.7009)))
    1144
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
