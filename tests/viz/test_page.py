"""The page a view becomes: offline, escaped, coloured, and drawable at 2,000 nodes."""

from __future__ import annotations

import json
import random
import re

import networkx as nx

from hospnet.viz.escape import escape_html, script_json
from hospnet.viz.layout import positions
from hospnet.viz.network import LEVEL_COLOURS, PHYSICS_LIMIT, render_html, to_pyvis, write_html
from hospnet.viz.views import Filters, select

EVIL = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>'
EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE
)


def network(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    levels = list(LEVEL_COLOURS)
    for i in range(n):
        graph.add_node(
            f"hospital:h{i}",
            label="Hospital",
            name=f"Bệnh viện {i}",
            level=levels[i % len(levels)],
            province="Thanh Hóa",
        )
    for i in range(1, n):
        graph.add_edge(
            f"hospital:h{rng.randrange(i)}", f"hospital:h{i}", type="SUPPORTS", kinds=["training"]
        )
    for _ in range(n // 4):
        graph.add_edge(
            f"hospital:h{rng.randrange(n)}", f"hospital:h{rng.randrange(n)}", type="TRANSFERS"
        )
    return graph


def test_escaping_function():
    assert "<" not in escape_html(EVIL) and "&lt;img" in escape_html(EVIL)
    encoded = script_json({"name": EVIL})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"name": EVIL}


def test_document_text_never_reaches_the_page_as_markup(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node(
        "hospital:evil", label="Hospital", name=EVIL, level="district", sources=[EVIL + " href"]
    )
    graph.add_node("hospital:ok", label="Hospital", name="Bệnh viện E", level="central")
    graph.add_edge("hospital:ok", "hospital:evil", type="SUPPORTS", evidence=EVIL)
    html = render_html(
        select(graph, Filters())
    )  # a hostile filter is refused before drawing (test_views)
    body = html.split("</head>", 1)[1]
    assert "<img" not in body and 'onerror="alert' not in body
    assert body.count("<script") == 1  # the page's own data script only
    assert "popup.innerHTML" not in html and "bootstrap" not in html
    assert not EXTERNAL.search(html)
    path = write_html(select(graph, Filters()), tmp_path / "out" / "net.html")
    assert path.read_text(encoding="utf-8").count("vis.Network") == 1


def test_colours_sizes_and_tooltips():
    graph = network(30)
    net = to_pyvis(select(graph, Filters()))
    nodes = {n["id"]: n for n in net.nodes}
    assert nodes["hospital:h0"]["color"] == LEVEL_COLOURS["central"]
    assert nodes["hospital:h1"]["color"] == LEVEL_COLOURS["provincial"]
    supported = len(
        {b for _, b, d in graph.out_edges("hospital:h0", data=True) if d["type"] == "SUPPORTS"}
    )
    assert nodes["hospital:h0"]["size"] > nodes["hospital:h29"]["size"] or supported == 0
    assert "province: Thanh Hóa" in nodes["hospital:h0"]["title"]
    assert {e["color"] for e in net.edges} >= {"#c0392b"}


def test_two_thousand_nodes_are_laid_out_up_front_with_physics_off():
    view = select(network(2000), Filters())
    net = to_pyvis(view)
    assert len(net.nodes) == 2000
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net.nodes)
    assert (
        len({(round(n["x"]), round(n["y"])) for n in net.nodes}) > 1900
    )  # spread out, not piled up
    assert net.options["physics"]["enabled"] is False and PHYSICS_LIMIT < 2000
    assert net.options["edges"]["smooth"] is False


def test_small_views_keep_physics():
    net = to_pyvis(select(network(50), Filters()))
    assert net.options["physics"]["enabled"] is True


def test_layout_handles_leaves_pairs_and_isolated_nodes():
    graph = nx.Graph([(1, 2), (3, 4), (4, 5), (4, 6)])
    graph.add_node(7)
    pos = positions(graph, scale=100)
    assert set(pos) == {1, 2, 3, 4, 5, 6, 7}
    assert len(set(pos.values())) == 7
