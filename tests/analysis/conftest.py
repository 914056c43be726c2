import pytest

from hospnet.analysis.network import graph_from_records
from tests.fixture_graph import fixture_records


@pytest.fixture(scope="module")
def G():
    """The fixture graph (tests/fixture_graph.py) as the analyses see it; test_network checks the stores give the same."""
    return graph_from_records(*fixture_records())
