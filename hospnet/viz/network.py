"""A view drawn as a pyvis (vis-network) page that opens offline and shows document text only as text.

pyvis builds the node and edge records and the options; the page itself comes from our own
template (templates/network.html), not pyvis's, because pyvis 0.3.2's template loads Bootstrap
from a CDN, writes its heading unescaped and switches to an `innerHTML` popup when a tooltip
contains "href". Ours inlines vis-network 9.1.2 from the pyvis package, autoescapes every
`{{ }}`, and passes data as script-safe JSON. vis-network 9 shows string tooltips with
`innerText`, so tooltips are plain text.

Everything else the page does (search, filters, the side panel, corrections) is its own script,
templates/network.js, reading the data from a JSON block: the script never changes, so the static
file's Content-Security-Policy names it (and vis-network) by hash, and the API's by nonce.

Large views stay usable: positions come from a NetworkX layout computed here, physics is off past
PHYSICS_LIMIT nodes (and switched off after stabilising below it), and only parallel edges curve.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import math
import os
import secrets
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from ..labels import Labels
from ..names import file_stem
from . import layout, records, style
from .escape import escape_html, script_json
from .views import View, programme_tags, province_tags

PHYSICS_LIMIT = 300


def display_name(node_id: str, data: dict) -> str:
    return str(data.get("name") or data.get("title") or node_id)


def _lines(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p not in (None, "", []))


def node_tooltip(node_id: str, data: dict, supported: int, t: Labels | None = None) -> str:
    """Plain text (vis-network 9 writes string titles with innerText); the side panel has the rest."""
    t = t or Labels("en", "network_labels")
    kind = t.word("labels", data.get("label", ""))
    return _lines(
        display_name(node_id, data),
        kind + (f" · {data['level']}" if data.get("level") else ""),
        data.get("province"),
        t.ui("tooltip_supports", n=supported) if supported else None,
        node_id,
    )


def edge_tooltip(data: dict, t: Labels | None = None) -> str:
    """The type and kinds only: the evidence is in the side panel, once."""
    t = t or Labels("en", "network_labels")
    kinds = data.get("kinds") or []
    return t.word("types", data["type"]) + (f" ({', '.join(map(str, kinds))})" if kinds else "")


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
            "selectionWidth": 2.5,
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
            "selectConnectedEdges": False,
        },
    }


def to_pyvis(view: View, lang: str = "vi") -> Network:
    """The view as a pyvis Network: colours, shapes, sizes, positions, and under `hn` what the
    page's script needs (kind, level, search key, facets, side panel)."""
    graph = view.graph
    t = Labels(lang, "network_labels")
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    supported = supported_counts(graph)
    positions = layout.positions(graph)
    places = province_tags(graph)
    programmes = programme_tags(graph)
    for node_id, data in graph.nodes(data=True):
        x, y = positions[node_id]
        units = supported.get(node_id, 0)
        colour, shape = style.node_style(data)
        net.add_node(
            node_id,
            label=display_name(node_id, data),
            title=node_tooltip(node_id, data, units, t),
            color=colour,
            shape=shape,
            size=12 + 6 * math.sqrt(units),
            x=x,
            y=y,
            hn={
                "kind": data.get("label", ""),
                "level": (data.get("level") or "") if data.get("label") == "Hospital" else None,
                "search": records.search_text(data),
                "places": places.get(node_id, []),
                "programs": programmes.get(node_id, []),
                **records.node_details(node_id, data),
            },
        )
    edges = list(graph.edges(data=True))
    curves = records.curves([(a, b) for a, b, _ in edges])
    for i, ((a, b, data), smooth) in enumerate(zip(edges, curves)):
        extra = {"smooth": smooth} if smooth else {}
        net.add_edge(
            a,
            b,
            id=f"e{i}",
            title=edge_tooltip(data, t),
            color=style.REL_COLOURS.get(data["type"], "#999999"),
            hn={"type": data["type"], **records.edge_details(graph, a, b, data)},
            **extra,
        )
    net.options = options(graph.number_of_nodes())
    return net


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8"
    )


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


@functools.lru_cache(maxsize=1)
def scripts() -> tuple[str, str, str]:
    """vis-network, the page's own script, and the static page's policy naming both by hash."""
    vis_js = _vis_asset("vis-network.min.js")
    page_js = (resources.files(__package__) / "templates" / "network.js").read_text("utf-8")
    policy = (
        f"default-src 'none'; script-src {_sha256(vis_js)} {_sha256(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return vis_js, page_js, policy


def _environment() -> Environment:
    folder = Path(str(resources.files(__package__) / "templates"))
    env = Environment(
        loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"], default=True)
    )
    env.filters["e"] = escape_html
    return env


def _documents(graph: nx.MultiDiGraph, nodes: list[dict], edges: list[dict]) -> list[dict]:
    """Id, title, date and page name of each document the side panel can link to; the nodes' and
    edges' records then name a document by its place in this list (a national page names tens of
    thousands of sources, each id 41 characters long)."""
    known = graph.graph.get("documents") or {}
    wanted = {m["doc"] for n in nodes for m in n["hn"]["mentions"]}
    wanted |= {doc for e in edges for doc in e["hn"]["sources"]}
    listed = sorted(wanted)
    place = {doc: i for i, doc in enumerate(listed)}
    for n in nodes:
        for mention in n["hn"]["mentions"]:
            mention["doc"] = place[mention["doc"]]
    for e in edges:
        e["hn"]["sources"] = [place[doc] for doc in e["hn"]["sources"]]
    return [
        {"id": doc, **known.get(doc, {"title": "", "date": None}), "page": file_stem(doc)}
        for doc in listed
    ]


def render_html(
    view: View,
    *,
    nonce: str | None = None,
    lang: str = "vi",
    documents_href: str | None = None,
    documents_query: str = "",
    corrections: dict | None = None,
) -> str:
    """The whole page as one self-contained HTML string (no network access needed to open it).

    `documents_href` is where the report site's document pages are (`/report/documents/` on the
    API, a relative folder for a file beside a written site; None: documents are named, not
    linked). `corrections` (`{"url": "/corrections", "writes": bool}`) only when an API serves the
    page: then the side panel offers reject and merge.
    """
    t = Labels(lang, "network_labels")
    net = to_pyvis(view, lang)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    config = {
        "lang": lang,
        "ui": t.group("ui"),
        "labels": t.group("labels"),
        "levels": t.group("levels"),
        "types": t.group("types"),
        "properties": t.group("properties"),
        "defaults": {"kinds": list(style.DEFAULT_LABELS), "types": list(style.DEFAULT_TYPES)},
        "documents": _documents(view.graph, nodes, edges),
        "documents_href": documents_href,
        "documents_query": documents_query,
        "corrections": corrections,
    }
    vis_js, page_js, policy = scripts()
    return (
        _environment()
        .get_template("network.html")
        .render(
            t=t,
            title=view.filters.describe(lang),
            messages=view.say(lang),
            node_count=len(nodes),
            edge_count=len(edges),
            legend=style.legend(view.graph),
            shape_svg=style.shape_svg,
            provinces=sorted({p for n in nodes for p in n["hn"]["places"]}),
            programs=sorted(
                (n for n in nodes if n["hn"]["kind"] == "Program"), key=lambda n: n["label"]
            ),
            default_kinds=style.DEFAULT_LABELS,
            default_types=style.DEFAULT_TYPES,
            data_json=script_json(
                {"nodes": nodes, "edges": edges, "options": net.options, "config": config}
            ),
            vis_js=Markup(vis_js),
            page_js=Markup(page_js),
            vis_css=Markup(_vis_asset("vis-network.css")),
            nonce=nonce,
            policy=None if nonce else policy,
        )
    )


def new_nonce() -> str:
    """A fresh script nonce for the page's Content-Security-Policy."""
    return secrets.token_urlsafe(18)


def write_html(view: View, path: Path, *, lang: str = "vi", site: Path | None = None) -> Path:
    """Write the page to `path` (what `hospnet viz --out` does); with `site`, the folder of a report
    site written by `hospnet report`, the side panel links to its document pages."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    href = None
    if site is not None:
        relative = os.path.relpath(Path(site).resolve() / "documents", path.parent.resolve())
        href = Path(relative).as_posix().rstrip("/") + "/"
    path.write_text(render_html(view, lang=lang, documents_href=href), encoding="utf-8")
    return path
