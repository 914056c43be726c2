"""A tile-grid map of the 34 provinces of 2025: one square per province near its geographic position.

No package here ships boundaries of the 2025 provinces, so the map draws no geometry: each
province's centre is snapped to a grid cell, and a province whose cell is taken moves to the
nearest free one (provinces in code order, so the layout is stable).

>>> tiles = layout()
>>> len(tiles), len({(t.col, t.row) for t in tiles})
(34, 34)
>>> [t.short for t in tiles if t.name in ("Hà Nội", "Thành phố Hồ Chí Minh", "Quảng Ninh", "Quảng Ngãi")]
['HN', 'QNi', 'QNg', 'HCM']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..places import places

COLS, ROWS = 8, 17
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 102.2, 109.4, 8.6, 23.4
TILE = 44  # px in SVG units, gap included
COLOURS = ("#1b7837", "#a6dba0", "#fee08b", "#f46d43", "#a50026")  # few gaps → many gaps


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    short: str
    col: int
    row: int


def _initials(name: str) -> str:
    words = name.replace("Thành phố ", "").split()
    return "".join(w[0].upper() for w in words)


def _shorts(names: list[str]) -> dict[str, str]:
    """Initials, with the last word's next letter where two provinces share them."""
    first = {n: _initials(n) for n in names}
    out = {}
    for n in names:
        if sum(v == first[n] for v in first.values()) > 1:
            out[n] = first[n] + n.split()[-1][1]
        else:
            out[n] = first[n]
    return out


@functools.lru_cache(maxsize=1)
def layout() -> tuple[Tile, ...]:
    provinces = places()
    shorts = _shorts([p.name for p in provinces])
    taken: set[tuple[int, int]] = set()
    tiles = []
    for p in provinces:
        col = round((p.lon - LON_MIN) / (LON_MAX - LON_MIN) * (COLS - 1))
        row = round((LAT_MAX - p.lat) / (LAT_MAX - LAT_MIN) * (ROWS - 1))
        free = sorted(
            ((c, r) for c in range(COLS) for r in range(ROWS) if (c, r) not in taken),
            key=lambda cell: ((cell[0] - col) ** 2 + (cell[1] - row) ** 2, cell[1], cell[0]),
        )
        cell = free[0]
        taken.add(cell)
        tiles.append(Tile(p.code, p.name, shorts[p.name], *cell))
    return tuple(tiles)


def colour_for(gaps: int, most: int) -> str:
    """The tile's colour: five equal bins from 0 to the largest gap count."""
    if most <= 0:
        return COLOURS[0]
    return COLOURS[min(len(COLOURS) - 1, gaps * len(COLOURS) // (most + 1))]


def legend(most: int) -> list[tuple[str, str]]:
    """(colour, range text) per bin that can occur."""
    out = []
    for i, colour in enumerate(COLOURS):
        low = -(-i * (most + 1) // len(COLOURS))
        high = -(-(i + 1) * (most + 1) // len(COLOURS)) - 1
        if low <= high:
            out.append((colour, f"{low}" if low == high else f"{low}–{high}"))
    return out
