"""A view drawn as a pyvis (vis-network) page that opens offline and shows document text only as text.

pyvis builds the node and edge records and the options; the page itself comes from our own
template (templates/network.html), not pyvis's, because pyvis 0.3.2's template loads Bootstrap
from a CDN, writes its heading unescaped and switches to an `innerHTML` popup when a tooltip
contains "href". Ours inlines vis-network 9.1.2 from the pyvis package, autoescapes every
`{{ }}`, and passes data as script-safe JSON. vis-network 9 shows string tooltips with
`innerText`, so tooltips are plain text.

Large views stay usable: positions come from a NetworkX layout computed here, physics is off past
PHYSICS_LIMIT nodes, and edges are straight.
"""

from __future__ import annotations

import math
import secrets
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from . import layout
from .escape import escape_html, script_json
from .views import View

PHYSICS_LIMIT = 300

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
MAX_SOURCES_SHOWN = 5


def node_colour(data: dict) -> str:
    """Hospitals by level, everything else by label."""
    if data.get("label") == "Hospital" and data.get("level") in LEVEL_COLOURS:
        return LEVEL_COLOURS[data["level"]]
    return LABEL_COLOURS.get(data.get("label", ""), "#97c2fc")


def display_name(node_id: str, data: dict) -> str:
    return str(data.get("name") or data.get("title") or node_id)


def _lines(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p not in (None, "", []))


def node_tooltip(node_id: str, data: dict, supported: int) -> str:
    """Plain text: vis-network 9 writes string titles with innerText."""
    sources = [str(s) for s in data.get("sources") or []]
    more = len(sources) - MAX_SOURCES_SHOWN
    return _lines(
        display_name(node_id, data),
        data.get("label", "") + (f" · {data['level']}" if data.get("level") else ""),
        f"province: {data['province']}" if data.get("province") else None,
        f"supports {supported} unit(s)" if supported else None,
        "sources: "
        + "; ".join(sources[:MAX_SOURCES_SHOWN])
        + (f" (+{more} more)" if more > 0 else "")
        if sources
        else None,
        node_id,
    )


def edge_tooltip(data: dict) -> str:
    kinds = data.get("kinds") or []
    return _lines(
        data["type"] + (f" ({', '.join(map(str, kinds))})" if kinds else ""),
        data.get("evidence"),
        f"{len(data.get('sources') or [])} source document(s)" if data.get("sources") else None,
    )


def supported_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Units each node supports (SUPPORTS out-degree, distinct targets): the node's size."""
    counts: dict[str, set] = {}
    for a, b, d in graph.edges(data=True):
        if d.get("type") == "SUPPORTS":
            counts.setdefault(a, set()).add(b)
    return {n: len(targets) for n, targets in counts.items()}


def options(node_count: int) -> dict:
    physics = node_count <= PHYSICS_LIMIT
    return {
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "width": 1.2,
        },
        "physics": {
            "enabled": physics,
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "avoidOverlap": 0.2},
        },
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": node_count > 500,
            "navigationButtons": False,
        },
    }


def to_pyvis(view: View) -> Network:
    """The view as a pyvis Network: colours, sizes, tooltips and fixed starting positions."""
    graph = view.graph
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    supported = supported_counts(graph)
    positions = layout.positions(graph)
    for node_id, data in graph.nodes(data=True):
        x, y = positions[node_id]
        units = supported.get(node_id, 0)
        net.add_node(
            node_id,
            label=display_name(node_id, data),
            title=node_tooltip(node_id, data, units),
            color=node_colour(data),
            shape=LABEL_SHAPES.get(data.get("label", ""), "dot"),
            size=12 + 6 * math.sqrt(units),
            x=x,
            y=y,
        )
    for a, b, data in graph.edges(data=True):
        net.add_edge(
            a,
            b,
            title=edge_tooltip(data),
            color=REL_COLOURS.get(data["type"], "#999999"),
            rel_type=data["type"],
        )
    net.options = options(graph.number_of_nodes())
    return net


def legend(graph: nx.MultiDiGraph) -> dict[str, list[tuple[str, str]]]:
    """The colours present in this view, for the legend beside the network."""
    labels = {d.get("label") for _, d in graph.nodes(data=True)}
    levels = {d.get("level") for _, d in graph.nodes(data=True) if d.get("label") == "Hospital"}
    types = {d.get("type") for _, _, d in graph.edges(data=True)}
    nodes = [
        (f"Hospital: {level}", colour) for level, colour in LEVEL_COLOURS.items() if level in levels
    ]
    nodes += [
        (label, colour)
        for label, colour in LABEL_COLOURS.items()
        if label in labels and not (label == "Hospital" and levels <= set(LEVEL_COLOURS))
    ]
    edges = [(rel, colour) for rel, colour in REL_COLOURS.items() if rel in types]
    return {"nodes": nodes, "edges": edges}


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8"
    )


def _environment() -> Environment:
    folder = Path(str(resources.files(__package__) / "templates"))
    env = Environment(
        loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"], default=True)
    )
    env.filters["e"] = escape_html
    return env


def render_html(view: View, *, nonce: str | None = None) -> str:
    """The whole page as one self-contained HTML string (no network access needed to open it)."""
    from markupsafe import Markup

    net = to_pyvis(view)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    return (
        _environment()
        .get_template("network.html")
        .render(
            title=view.title,
            messages=view.messages,
            node_count=len(nodes),
            edge_count=len(edges),
            total_nodes=view.total_nodes,
            legend=legend(view.graph),
            nodes_json=script_json(nodes),
            edges_json=script_json(edges),
            options_json=script_json(net.options),
            vis_js=Markup(_vis_asset("vis-network.min.js")),
            vis_css=Markup(_vis_asset("vis-network.css")),
            nonce=nonce,
        )
    )


def new_nonce() -> str:
    """A fresh script nonce for the page's Content-Security-Policy."""
    return secrets.token_urlsafe(18)


def write_html(view: View, path: Path) -> Path:
    """Write the page to `path` (what `hospnet viz --out` does)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(view), encoding="utf-8")
    return path
