"""Which nodes a view keeps: filters, neighbourhoods and the cap, on the fixture graph read from each store."""

from __future__ import annotations

import networkx as nx
import pytest

from hospnet.errors import NotFound, UnknownName
from hospnet.viz.views import Filters, build_view, select
from tests.fixture_graph import (
    BACH_MAI,
    CHO_RAY,
    E,
    HAU_LOC,
    LOC_MANG_BUNG,
    PROGRAM_1816,
    TAY_NINH,
    THANH_HOA,
    write_fixture,
)


@pytest.fixture
def graph(store):
    write_fixture(store)
    return store


def test_whole_network_leaves_documents_out_and_keeps_their_titles(graph):
    view = build_view(graph)
    expected = graph.read("MATCH (n) WHERE NOT n:Document RETURN count(n) AS n")[0]["n"]
    assert view.graph.number_of_nodes() == expected == view.total_nodes
    assert all(d["label"] != "Document" for _, d in view.graph.nodes(data=True))
    assert "Thanh Hóa nhận chuyển giao kỹ thuật" in view.graph.nodes[BACH_MAI]["sources"]
    assert view.title == "whole network" and view.messages == []


def test_filters(graph):
    province = build_view(graph, Filters(province="thanh hoa")).graph
    assert {THANH_HOA, HAU_LOC, BACH_MAI, E} <= set(province) and CHO_RAY not in province
    technique = build_view(graph, Filters(technique="loc mang bung")).graph
    assert set(technique) == {LOC_MANG_BUNG, E, THANH_HOA, CHO_RAY, TAY_NINH}
    program = build_view(graph, Filters(program="1816")).graph
    assert PROGRAM_1816 in program and THANH_HOA in program and CHO_RAY not in program
    supports = build_view(graph, Filters(rel_type="SUPPORTS")).graph
    assert {d["type"] for _, _, d in supports.edges(data=True)} == {"SUPPORTS"}
    both = build_view(graph, Filters(province="Thanh Hóa", rel_type="TRANSFERS")).graph
    assert set(both) == {E, THANH_HOA, HAU_LOC}


def test_neighbourhood(graph):
    one = build_view(graph, Filters(center=E, depth=1)).graph
    assert set(one) == {E, THANH_HOA, LOC_MANG_BUNG, "province:ha-noi"}
    two = build_view(graph, Filters(center=E, depth=2)).graph
    assert HAU_LOC in two and set(one) < set(two)
    with pytest.raises(NotFound):
        build_view(graph, Filters(center="hospital:khong-co"))


def test_unknown_names_are_errors(graph):
    """A name that matches nothing is an error (CLI exit 2, API 422), never an empty page."""
    for filters in (
        Filters(province="Atlantis"),
        Filters(program="Đề án 9999"),
        Filters(technique="ghep tim nhan tao"),
        Filters(rel_type="LOVES"),
        Filters(rel_type="MENTIONED_IN"),
    ):
        with pytest.raises(UnknownName):
            build_view(graph, filters)
    # A real province with nothing drawn in it is not an error: the page says so.
    view = build_view(graph, Filters(province="Cà Mau"))
    assert view.graph.number_of_nodes() == 0 and view.messages == ["No province matches 'Cà Mau'."]
    assert view.say("vi") == ["Không có tỉnh, thành phố nào khớp 'Cà Mau'."]  # the page's words


def test_cap_keeps_the_best_connected_and_says_so():
    graph = nx.MultiDiGraph()
    for i in range(40):
        graph.add_node(f"h{i}", label="Hospital", name=f"H{i}")
    for i in range(1, 40):
        graph.add_edge("h0", f"h{i}", type="SUPPORTS")
    view = select(graph, Filters(), max_nodes=10)
    assert view.graph.number_of_nodes() == 10 and "h0" in view.graph
    assert view.total_nodes == 40
    assert "40 nodes" in view.messages[0] and "10" in view.messages[0]


def test_the_command_refuses_unknown_names_with_one_line_and_exit_2(settings, graph, tmp_path):
    """`hospnet viz` as a user runs it: an unknown province, type or language, or a --site that is
    no report site, is one line and exit 2; nothing is written."""
    import os
    import subprocess
    import sys

    env = {**os.environ, **settings.store_environment(), "COLUMNS": "200", "NO_COLOR": "1"}
    out = tmp_path / "x.html"
    for args, says in (
        (["--province", "Narnia"], "no province matches 'Narnia'"),
        (["--type", "MENTIONED_IN"], "unknown or undrawn relationship type 'MENTIONED_IN'"),
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--site", str(tmp_path)], "holds no report site"),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "hospnet.cli", "viz", "--out", str(out), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 2 and says in " ".join(run.stderr.split()), run.stderr
        assert not out.exists()
