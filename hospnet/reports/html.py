"""The report as one self-contained HTML page: inline style, inline SVG map and bar charts, no script,
no external URL; every text from a document goes through Jinja's autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, FunctionLoader, select_autoescape

from .data import Bar, MapPoint, ReportData
from .tables import PAGE_ITEMS, PAGE_ROWS, display, excerpt

COLOURS = {"covered": "#2e7d32", "partly": "#f9a825", "uncovered": "#c62828"}

# Vietnam's bounding box (degrees) and the map's size in SVG units (1 degree of longitude is about
# 0.96 of a degree of latitude here, so the box keeps its shape).
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 102.0, 110.0, 8.3, 23.6
MAP_WIDTH, MAP_HEIGHT, MAP_PAD = 330, 620, 20
BAR_WIDTH = 420


@dataclass
class PlacedPoint:
    point: MapPoint
    x: float
    y: float
    colour: str


@dataclass
class PlacedBar:
    bar: Bar
    y: float
    width: float


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection of a point onto the map's SVG box."""
    x = MAP_PAD + (lon - LON_MIN) / (LON_MAX - LON_MIN) * (MAP_WIDTH - 2 * MAP_PAD)
    y = MAP_PAD + (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * (MAP_HEIGHT - 2 * MAP_PAD)
    return round(x, 1), round(y, 1)


def place_points(points: list[MapPoint]) -> list[PlacedPoint]:
    return [PlacedPoint(p, *project(p.lat, p.lon), COLOURS.get(p.status, "#777")) for p in points]


def place_bars(bars: list[Bar], row_height: int = 22) -> list[PlacedBar]:
    """Bar geometry: widths in proportion to the largest value (geometry only; values come from the analyses)."""
    top = max((b.value for b in bars), default=0) or 1
    return [
        PlacedBar(b, i * row_height, round(b.value / top * BAR_WIDTH, 1))
        for i, b in enumerate(bars)
    ]


def _template(name: str) -> str:
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


def environment() -> Environment:
    env = Environment(
        loader=FunctionLoader(_template),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cell"] = display
    return env


def render_html(data: ReportData, *, max_rows: int = PAGE_ROWS, max_items: int = PAGE_ITEMS) -> str:
    """The page; each table shows its first `max_rows` rows and lists of up to `max_items` items."""
    tables = [excerpt(t, max_rows, max_items) for t in data.tables]
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            data=data,
            tables=tables,
            points=place_points(data.map_points),
            colours=COLOURS,
            specialty_bars=place_bars(data.specialty_bars),
            load_bars=place_bars(data.load_bars),
            map_width=MAP_WIDTH,
            map_height=MAP_HEIGHT,
            bar_width=BAR_WIDTH,
        )
    )
