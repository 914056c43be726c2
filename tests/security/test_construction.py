"""Reads whose expressions grow values geometrically are refused before either store runs them.

Neither store stops an expression while it runs (FalkorDB aborted on a failed allocation or ran a
thread for minutes, Neo4j ran past its transaction timeout or out of heap), so each of these must
be refused by the gate, with the store's process unchanged and a normal query answered after.
The researcher's queries (the query modules, the README's) must still be let through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hospnet.errors import QueryRejected
from hospnet.graph import falkordb_server, neo4j_server
from hospnet.graph.query_cost import check_construction
from hospnet.queries import modules


def _nested_replace(depth: int) -> str:
    text = "'aaaaaaaa'"
    for _ in range(depth):
        text = f"replace({text}, 'a', 'aaaaaaaa')"
    return text


GROWING = {
    "nested replace": f"RETURN size({_nested_replace(12)}) AS n",
    "replace in a reduce step": (
        "RETURN size(reduce(s = 'ab', i IN range(1, 40) | replace(s, 'a', 'aa'))) AS n"
    ),
    "concatenation in a long reduce": (
        "RETURN size(reduce(s = '', i IN range(1, 5000000) | s + 'aaaaaaaaaaaaaaaaaaaaaaaa')) AS n"
    ),
    "a comprehension over a large range": (
        "RETURN size([x IN range(1, 10000000) | 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' + toString(x)]) AS n"
    ),
    "nested ranges": "RETURN size([x IN range(1, 100000) | range(1, 100000)]) AS n",
    "three comprehensions over collected nodes": (
        "MATCH (n) WITH collect(n) AS ns RETURN size([a IN ns | [b IN ns | [c IN ns | 1]]]) AS n"
    ),
    "doubling through WITH": "WITH 'aaaaaaaa' AS s "
    + " ".join(f"WITH {a} + {a} AS {b}" for a, b in [("s", "t"), ("t", "s")] * 17)
    + " RETURN size(s) AS n",
    "a list's text in a reduce step": (
        "RETURN size(reduce(s = 'ab', i IN range(1, 40) | toString([s, s]))) AS n"
    ),
    "a map doubled in a reduce step": (
        "RETURN size(keys(reduce(m = {a: 'x'}, i IN range(1, 40) | {a: m, b: m}))) AS n"
    ),
    "a subquery": (
        "CALL { RETURN reduce(s = 'ab', i IN range(1, 40) | replace(s, 'a', 'aa')) AS s } "
        "RETURN size(s) AS n"
    ),
    "a parameter's size": "RETURN size(replace(replace($s, 'a', $s), 'a', $s)) AS n",
    "a quantifier over an unsizable range": (
        "RETURN any(i IN range(1, toInteger('1000000000')) WHERE i < 0) AS x"
    ),
    "a parameter replaced in a comprehension": (
        "RETURN size([i IN range(1, 1000000) | replace('ab', 'a', $s)]) AS n"
    ),
}
PARAMS = {"s": "a" * 2000}
LEGIT = [
    "MATCH (h:Hospital {level: $level}) RETURN h.name AS name ORDER BY name LIMIT 3",
    "RETURN reduce(total = 0, x IN range(1, 1000000) | total + x) AS total",
    "MATCH (n) WITH collect(n) AS ns RETURN reduce(m = 0, x IN ns | CASE WHEN x.v > m THEN x.v ELSE m END) AS m",
    "MATCH (n) WITH collect(n.name) AS names RETURN reduce(s = '', x IN names | s + ', ' + x) AS s",
    "MATCH (n) WITH collect(n) AS ns RETURN size([a IN ns | [b IN ns WHERE b.id > a.id | b.id]]) AS pairs",
    "RETURN size([x IN range(1, 100000) | x * 2]) AS n",
    "RETURN replace(replace('Bệnh viện', 'Bệnh', 'BV'), ' ', '-') AS s",
    "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.level = 'central' } RETURN count(n) AS c",
    "MATCH (a) RETURN [(a)-->(b) WHERE b.level = 'central' | b.name] AS names",
]


@pytest.mark.parametrize("query", GROWING.values(), ids=list(GROWING))
def test_the_gate_refuses_what_grows_without_bound(query):
    with pytest.raises(QueryRejected, match="could build|could run without end|cannot size"):
        check_construction(query, PARAMS)


@pytest.mark.parametrize("query", LEGIT)
def test_the_gate_lets_researchers_queries_through(query):
    check_construction(query, {"level": "central"})


def test_every_query_module_passes_the_gate():
    for module in modules().values():
        check_construction(module.cypher, {})


def _store_pid(store) -> int | None:
    settings = store.settings
    if settings.backend == "falkordb":
        return falkordb_server.server_pid(Path(settings.data_dir))
    from tests.neo4j_fixture import server_settings

    return neo4j_server._running_pid(neo4j_server.home(server_settings()))


@pytest.mark.parametrize("query", GROWING.values(), ids=list(GROWING))
def test_a_store_is_never_sent_what_grows_without_bound(store, query):
    before = _store_pid(store)
    with pytest.raises(QueryRejected, match="could build|could run without end|cannot size"):
        store.read(query, PARAMS, timeout=3.0, limit=10)
    assert _store_pid(store) == before is not None
    assert store.read("RETURN 1 AS one", timeout=3.0) == [{"one": 1}]
