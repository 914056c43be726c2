"""The reader: a store gives the same NetworkX graph as the records written into it."""

from hospnet.analysis.network import graph_from_records, read_graph
from tests.fixture_graph import fixture_records, write_fixture


def _canonical(G):
    nodes = {
        n: {k: (sorted(v) if isinstance(v, list) else v) for k, v in d.items()}
        for n, d in G.nodes(data=True)
    }
    edges = sorted(
        (
            a,
            b,
            k,
            tuple(sorted((x, str(sorted(y) if isinstance(y, list) else y)) for x, y in d.items())),
        )
        for a, b, k, d in G.edges(keys=True, data=True)
    )
    return nodes, edges


def test_read_graph_matches_the_records(store):
    write_fixture(store)
    read = read_graph(store)
    built = graph_from_records(*fixture_records())
    assert read.number_of_nodes() == 31 and read.number_of_edges() == 37
    assert _canonical(read) == _canonical(built)
    assert read.nodes["hospital:benh-vien-e"]["label"] == "Hospital"
    assert (
        read.edges[
            "hospital:benh-vien-cho-ray",
            "hospital:benh-vien-da-khoa-tinh-tay-ninh",
            "TRANSFERS:technique:loc-mang-bung",
        ]["status"]
        == "in_progress"
    )
