"""The page a view becomes: offline, escaped, coloured, and drawable at 2,000 nodes."""

from __future__ import annotations

import json
import random
import re

import networkx as nx

from hospnet.viz.escape import escape_html, script_json
from hospnet.viz.layout import positions
from hospnet.viz.network import PHYSICS_LIMIT, render_html, scripts, to_pyvis, write_html
from hospnet.viz.records import curves
from hospnet.viz.style import LABEL_SHAPES, LEVEL_COLOURS, legend
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
    # the data block (not executable) and the page's own fixed script, nothing else
    assert body.count("<script") == 2 and body.count('<script type="application/json"') == 1
    assert scripts()[1] in body and EVIL not in body
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
    assert "Thanh Hóa" in nodes["hospital:h0"]["title"]
    assert nodes["hospital:h0"]["title"].split("\n")[1] == "Bệnh viện · central"  # Vietnamese
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


def test_the_static_page_names_its_two_scripts_by_hash(tmp_path):
    """Opened from a file there is no server header: the page's own policy allows vis-network and
    the page script by hash, and nothing else (no request anywhere)."""
    import base64
    import hashlib
    from html import unescape

    html = render_html(select(network(5), Filters()))
    policy = unescape(
        re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    )
    for script in scripts()[:2]:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy and f">{script}</script>" in html
    assert "connect-src 'none'" in policy and "default-src 'none'" in policy
    assert "Content-Security-Policy" not in render_html(select(network(5), Filters()), nonce="n1")


def test_parallel_relationships_are_drawn_apart():
    graph = nx.MultiDiGraph()
    for n in "abc":
        graph.add_node(n, label="Hospital", name=n)
    for technique in ("t1", "t2", "t3"):
        graph.add_edge("a", "b", key=technique, type="TRANSFERS", technique=technique)
    graph.add_edge("b", "a", type="REFERS_TO")
    graph.add_edge("a", "c", type="SUPPORTS")
    net = to_pyvis(select(graph, Filters()))
    between = [e for e in net.edges if {e["from"], e["to"]} == {"a", "b"}]
    drawn = set()
    for e in between:
        smooth = e.get("smooth")
        # the side each curve bends to, in the pair's own direction, and how far
        if not smooth:
            drawn.add(("straight", 0))
        else:
            clockwise = (smooth["type"] == "curvedCW") == (e["from"] == "a")
            drawn.add((clockwise, smooth["roundness"]))
    assert len(drawn) == len(between) == 4  # no two share a line
    # what POST /corrections needs beyond the type and ends to name each one
    assert sorted(str(e["hn"]["disc"]) for e in between) == [
        "{'technique': 't1'}",
        "{'technique': 't2'}",
        "{'technique': 't3'}",
        "{}",
    ]
    assert [e.get("smooth") for e in net.edges if e["to"] == "c"] == [None]
    assert curves([("x", "x"), ("x", "x")]) == [None, None]  # a self-loop is drawn as a loop


def test_legend_shapes_are_the_drawn_shapes():
    graph = nx.MultiDiGraph()
    for i, label in enumerate(LABEL_SHAPES):
        if label != "Document":
            graph.add_node(f"{label.lower()}:{i}", label=label, name=label, level="central")
    net = to_pyvis(select(graph, Filters()))
    entries = legend(graph)
    by_kind = {k["label"]: k["shape"] for k in entries["kinds"]}
    for node in net.nodes:
        assert by_kind[node["hn"]["kind"]] == node["shape"]
    html = render_html(select(graph, Filters()))
    for label, shape in by_kind.items():
        assert f'data-legend-kind="{label}" data-shape="{shape}"' in html


def test_english_page_and_document_links(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("hospital:a", label="Hospital", name="Bệnh viện A", level="central")
    graph.add_node("hospital:b", label="Hospital", name="Bệnh viện B", level="district")
    graph.add_edge(
        "hospital:a",
        "hospital:b",
        type="SUPPORTS",
        evidence="A hỗ trợ B.",
        sources=["document:x/1"],
        source_evidence=["document:x/1 A hỗ trợ B."],
    )
    graph.graph["documents"] = {"document:x/1": {"title": "Tin A", "date": "2025-01-02"}}
    view = select(graph, Filters())
    vi, en = render_html(view), render_html(view, lang="en")
    assert '<html lang="vi">' in vi and "Tìm nút" in vi and "Find a node" not in vi
    assert '<html lang="en">' in en and "Find a node" in en
    words = (
        json.loads(re.search(r'id="hn-data">(.*?)</script>', vi, re.S).group(1))["config"]["ui"],
    )
    assert "hover" not in (en.split("<body>")[1].split("<script")[0] + str(words)).lower()
    data = json.loads(re.search(r'id="hn-data">(.*?)</script>', en, re.S).group(1))
    assert data["config"]["documents"] == [
        {"id": "document:x/1", "title": "Tin A", "date": "2025-01-02", "page": "document_x_1"}
    ]
    assert [e["hn"]["sources"] for e in data["edges"]] == [[0]]
    assert "source_evidence" not in data["edges"][0]["hn"]["props"]  # the report pages quote it
    site = tmp_path / "site"
    (site / "documents").mkdir(parents=True)
    page = write_html(view, tmp_path / "pages" / "net.html", site=site)
    data = json.loads(re.search(r'id="hn-data">(.*?)</script>', page.read_text(), re.S).group(1))
    assert data["config"]["documents_href"] == "../site/documents/"
    assert data["config"]["corrections"] is None
