"""How the network page draws each kind of thing: colours and shapes, in one place, so the legend is
drawn from the same table as the nodes and cannot show a circle where the page draws a star.

>>> node_style({"label": "Hospital", "level": "central"})
('#c0392b', 'dot')
>>> node_style({"label": "Person"})
('#2e86c1', 'triangle')
>>> 'points="' in shape_svg("star", "#d4ac0d")
True
"""

from __future__ import annotations

import math

import networkx as nx
from markupsafe import Markup

LEVEL_COLOURS = {
    "central": "#c0392b",
    "provincial": "#e67e22",
    "district": "#27ae60",
    "private": "#8e44ad",
    "other": "#7f8c8d",
}
LABEL_COLOURS = {
    "Hospital": "#f5b041",
    "Person": "#2e86c1",
    "Organization": "#6e4b3a",
    "Technique": "#16a085",
    "Program": "#d4ac0d",
    "Agreement": "#e84393",
    "Province": "#85c1e9",
    "Document": "#bdc3c7",
}
LABEL_SHAPES = {
    "Hospital": "dot",
    "Person": "triangle",
    "Organization": "hexagon",
    "Technique": "diamond",
    "Program": "star",
    "Agreement": "triangleDown",
    "Province": "square",
    "Document": "dot",
}
REL_COLOURS = {
    "SUPPORTS": "#c0392b",
    "TRANSFERS": "#16a085",
    "HAS_TECHNIQUE": "#76d7c4",
    "REFERS_TO": "#8e44ad",
    "PARTY_TO": "#e84393",
    "SIGNED_BY": "#f1948a",
    "UNDER": "#d4ac0d",
    "HOLDS_POSITION": "#2e86c1",
    "LOCATED_IN": "#b3b6b7",
    "ISSUED_BY": "#a04000",
    "MENTIONED_IN": "#bdc3c7",
}
# What the page shows before the reader asks for more: hospitals and how they help each other.
DEFAULT_LABELS = ("Hospital",)
DEFAULT_TYPES = ("SUPPORTS", "TRANSFERS", "REFERS_TO")


def node_style(data: dict) -> tuple[str, str]:
    """(colour, vis-network shape): hospitals coloured by level, everything else by label."""
    label = data.get("label", "")
    if label == "Hospital" and data.get("level") in LEVEL_COLOURS:
        colour = LEVEL_COLOURS[data["level"]]
    else:
        colour = LABEL_COLOURS.get(label, "#97c2fc")
    return colour, LABEL_SHAPES.get(label, "dot")


def _polygon(corners: int, radius: float, start: float, inner: float | None = None) -> str:
    points = []
    steps = corners * (2 if inner else 1)
    for i in range(steps):
        r = inner if inner and i % 2 else radius
        angle = start + 2 * math.pi * i / steps
        points.append(f"{8 + r * math.cos(angle):.2f},{8 + r * math.sin(angle):.2f}")
    return " ".join(points)


_UP = -math.pi / 2
_SHAPES = {
    "square": _polygon(4, 7.5, math.pi / 4),
    "triangle": _polygon(3, 7.5, _UP),
    "triangleDown": _polygon(3, 7.5, math.pi / 2),
    "diamond": _polygon(4, 7.5, _UP),
    "hexagon": _polygon(6, 7.5, 0),
    "star": _polygon(5, 7.8, _UP, inner=3.3),
}


def shape_svg(shape: str, colour: str) -> Markup:
    """A 16 px drawing of a vis-network shape, for the legend (our constants only, never document text)."""
    if shape in _SHAPES:
        body = (
            f'<polygon points="{_SHAPES[shape]}" fill="{colour}" stroke="#333" stroke-width="0.6"/>'
        )
    else:
        body = f'<circle cx="8" cy="8" r="7" fill="{colour}" stroke="#333" stroke-width="0.6"/>'
    return Markup(
        f'<svg class="shape" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{body}</svg>'
    )


def legend(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """The kinds present in this view, each with the colour and shape it is drawn with."""
    labels = {d.get("label") for _, d in graph.nodes(data=True)}
    levels = {d.get("level") for _, d in graph.nodes(data=True) if d.get("label") == "Hospital"}
    types = {d.get("type") for _, _, d in graph.edges(data=True)}
    kinds = [
        {"label": label, "colour": colour, "shape": LABEL_SHAPES[label]}
        for label, colour in LABEL_COLOURS.items()
        if label in labels
    ]
    hospital_levels = [
        {"level": level, "colour": colour, "shape": LABEL_SHAPES["Hospital"]}
        for level, colour in LEVEL_COLOURS.items()
        if level in levels
    ]
    if "Hospital" in labels and not levels <= set(LEVEL_COLOURS):
        hospital_levels.append(
            {"level": "", "colour": LABEL_COLOURS["Hospital"], "shape": LABEL_SHAPES["Hospital"]}
        )
    edges = [{"type": rel, "colour": colour} for rel, colour in REL_COLOURS.items() if rel in types]
    return {"kinds": kinds, "levels": hospital_levels, "types": edges}
