"""Neo4jStore and the local server, against a real Neo4j 5.26 (tests/neo4j_fixture.py starts it).

The read-only gates are tested by what matters: the query is refused *and* the graph is unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path
import os
import socket
import subprocess
import sys
import time

import pytest

from hospnet.errors import ConfigError, QueryRejected, QueryTimeout, StoreError, StoreUnavailable
from hospnet.graph import neo4j_server
from hospnet.graph.base import Batch
from hospnet.graph.neo4j import Neo4jStore
from tests.neo4j_fixture import neo4j_settings, server_settings, share_jars

HOSPITAL = "MERGE (h:Hospital {id: $id}) SET h.name = $name, h.level = $level, h.search = $search"
SUPPORT = (
    "MATCH (a:Hospital {id: $a}), (b:Hospital {id: $b}) "
    "MERGE (a)-[r:SUPPORTS]->(b) SET r.kinds = $kinds, r.since = date($since), r.sources = $sources"
)


@pytest.fixture(scope="module")
def base_settings(tmp_path_factory):
    return neo4j_settings(tmp_path_factory.mktemp("neo4j-backend"))


@pytest.fixture
def store(base_settings):
    store = Neo4jStore(base_settings)
    store.clear()
    store.ensure_schema()
    store.write_batch(
        Batch(
            nodes=[
                (
                    HOSPITAL,
                    {
                        "id": "hospital:benh-vien-e",
                        "name": "Bệnh viện E",
                        "level": "central",
                        "search": "benh vien e",
                    },
                ),
                (
                    HOSPITAL,
                    {
                        "id": "hospital:bvdk-thanh-hoa",
                        "name": "Bệnh viện Đa khoa tỉnh Thanh Hóa",
                        "level": "provincial",
                        "search": "benh vien da khoa tinh thanh hoa",
                    },
                ),
                (
                    SUPPORT,
                    {
                        "a": "hospital:benh-vien-e",
                        "b": "hospital:bvdk-thanh-hoa",
                        "kinds": ["technique_transfer"],
                        "since": "2025-11-21",
                        "sources": ["document:b"],
                    },
                ),
            ]
        )
    )
    yield store
    store.clear()
    store.close()


def snapshot(store: Neo4jStore) -> tuple:
    """Everything a refused query could have changed: nodes, relationships, properties, label tokens."""
    rows = store.read("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r ORDER BY n.id")
    labels = store.read("CALL db.labels() YIELD label RETURN label ORDER BY label")
    return json.dumps(rows, sort_keys=True), tuple(row["label"] for row in labels)


def test_write_batch_then_read_gives_plain_rows(store):
    rows = store.read(
        "MATCH p = (a:Hospital)-[r:SUPPORTS]->(b:Hospital) WHERE a.name = $name RETURN a, r, b.name AS target, p",
        {"name": "Bệnh viện E"},
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["a"] == {
        "id": "hospital:benh-vien-e",
        "name": "Bệnh viện E",
        "level": "central",
        "search": "benh vien e",
        "_labels": ["Hospital"],
    }
    assert row["r"] == {
        "kinds": ["technique_transfer"],
        "since": "2025-11-21",
        "sources": ["document:b"],
        "_type": "SUPPORTS",
    }
    assert row["target"] == "Bệnh viện Đa khoa tỉnh Thanh Hóa"
    assert [node["id"] for node in row["p"]] == ["hospital:benh-vien-e", "hospital:bvdk-thanh-hoa"]
    json.dumps(rows)  # rows are plain JSON-able values


def test_read_stops_at_the_limit(store):
    assert store.read("UNWIND range(1, 100000) AS i RETURN i", limit=3) == [
        {"i": 1},
        {"i": 2},
        {"i": 3},
    ]
    assert len(store.read("UNWIND range(1, 2500) AS i RETURN i")) == 2500


def test_write_batch_is_one_transaction(store):
    before = snapshot(store)
    with pytest.raises(StoreError, match="already exists"):
        store.write_batch(
            Batch(
                nodes=[
                    (
                        "CREATE (:Hospital {id: $id, name: $name})",
                        {"id": "hospital:new", "name": "Bệnh viện mới"},
                    ),
                    (
                        "CREATE (:Hospital {id: $id})",
                        {"id": "hospital:benh-vien-e"},
                    ),  # breaks the uniqueness constraint
                ]
            )
        )
    assert snapshot(store) == before


def test_version_waits_for_a_write_in_flight_and_moves_when_it_closes(store):
    """The seqlock's half in Neo4j: a version read cannot pass a commit being applied.

    A second connection holds the write lock inside an open write transaction, as `write_batch`
    does while Neo4j applies its commit; the version read must wait for it, then differ."""
    import threading

    import neo4j

    from hospnet.graph.neo4j import WRITE_LOCK

    before = store.version()
    assert store.version() == before, "the version moved with nothing written"
    read: list[str] = []
    with (
        neo4j.GraphDatabase.driver(
            store.uri, auth=(store.settings.neo4j_user, store.settings.neo4j_password)
        ) as driver,
        driver.session() as session,
    ):
        tx = session.begin_transaction()
        tx.run("CREATE (:Hospital {id: 'hospital:in-flight'})").consume()
        tx.run(WRITE_LOCK).consume()
        reader = threading.Thread(target=lambda: read.append(store.version()))
        reader.start()
        reader.join(timeout=1.5)
        assert reader.is_alive() and not read, "version() passed a write holding the lock"
        tx.commit()
        reader.join(timeout=20)
    assert read and read[0] != before, "version() did not see the commit it waited for"
    assert store.read("MATCH (h:HospnetWriteLock) RETURN count(h) AS n") == [{"n": 0}]


def test_ensure_schema_is_idempotent_and_indexes_names(store):
    store.ensure_schema()
    found = store.read(
        "CALL db.index.fulltext.queryNodes('name_search', $q) YIELD node, score RETURN node.id AS id ORDER BY score DESC",
        {"q": "Thanh Hóa"},
    )
    assert found[0]["id"] == "hospital:bvdk-thanh-hoa"
    # SHOW is refused on the read-only path, so the test asks the server directly.
    import neo4j

    with neo4j.GraphDatabase.driver(
        store.uri, auth=(store.settings.neo4j_user, store.settings.neo4j_password)
    ) as driver:
        records, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name")
    indexes = {record["name"] for record in records}
    assert {
        "Hospital_id",
        "Province_id",
        "Document_id",
        "province_code",
        "hospital_search",
        "name_search",
    } <= indexes


def test_clear_deletes_everything(store):
    store.clear()
    assert store.read("MATCH (n) RETURN count(n) AS nodes") == [{"nodes": 0}]


REFUSED = [
    "CREATE (:X {id: 'x'})",
    "MERGE (h:Hospital {id: 'hospital:x'}) RETURN h",
    "MATCH (h:Hospital) SET h.name = 'changed'",
    "MATCH (h:Hospital) DETACH DELETE h",
    "MATCH (h:Hospital) REMOVE h.level",
    "CALL { CREATE (:X) } IN TRANSACTIONS",
    "MATCH (h:Hospital) CALL (h) { DETACH DELETE h } IN TRANSACTIONS OF 1 ROWS",
    "CALL () { MATCH (h:Hospital) SET h.level = 'x' } RETURN 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "CALL db.createLabel('X')",
    "CALL `db`.`createLabel`('X')",
    "CALL db.clearQueryCaches",
    "MATCH (n) RETURN n // it's\n CALL dbms.listConfig() YIELD name RETURN name //'",
    "CREATE INDEX x_y IF NOT EXISTS FOR (n:X) ON (n.y)",
    "DROP CONSTRAINT Hospital_id",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW SETTINGS",
    "",
]


@pytest.mark.parametrize("cypher", REFUSED)
def test_read_path_refuses_and_leaves_the_graph_unchanged(store, cypher):
    before = snapshot(store)
    with pytest.raises(QueryRejected):
        store.read(cypher)
    assert snapshot(store) == before


def test_the_planners_verdict_is_remembered_per_query_text(store):
    """A text is planned once: a refused one stays refused, a read one is not planned again."""
    write = "MATCH (n) SET n.touched = $v RETURN n"
    before = snapshot(store)
    for value in (1, 2):
        with pytest.raises(QueryRejected):
            store.read(write, {"v": value})
    assert snapshot(store) == before
    read = "MATCH (n) WHERE n.touched = $v RETURN count(n) AS n"
    assert store.read(read, {"v": 1}) == [{"n": 0}]
    assert store._gate.verdicts[write] == "rw" and store._gate.verdicts[read] == "r"
    store._gate.verdicts[read] = (
        "w"  # a planted verdict shows the cache is consulted: the read is now refused
    )
    with pytest.raises(QueryRejected):
        store.read(read, {"v": 1})


@pytest.mark.parametrize(
    "cypher",
    [
        "CALL db.labels() YIELD label RETURN label",
        "CALL () { MATCH (h:Hospital) RETURN h.name AS name } RETURN name",
        "MATCH (h:Hospital) WHERE h.name <> 'CREATE (:X) LOAD CSV' RETURN h.name AS name",
        "CALL dbms.components() YIELD name RETURN name",
    ],
)
def test_read_path_accepts_read_only_queries(store, cypher):
    assert store.read(cypher)


def test_invalid_cypher_is_rejected_with_the_servers_reason(store):
    with pytest.raises(QueryRejected, match="Invalid input"):
        store.read("MATCH (n RETURN n")


def test_slow_query_over_its_timeout_raises_query_timeout(store):
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        store.read(
            "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 100 RETURN count(i) AS n",
            timeout=0.5,
        )
    assert time.monotonic() - started < 15
    assert store.read("RETURN 1 AS one") == [{"one": 1}]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_server_is_store_unavailable(base_settings):
    uri = f"bolt://127.0.0.1:{_free_port()}"
    store = Neo4jStore(base_settings.model_copy(update={"neo4j_uri": uri}))
    with pytest.raises(StoreUnavailable, match=f"Neo4j at {uri} is not reachable"):
        store.read("RETURN 1")
    with pytest.raises(StoreUnavailable):
        store.ping()
    store.close()


def test_wrong_password_is_a_config_error_with_a_hint(base_settings):
    store = Neo4jStore(base_settings.model_copy(update={"neo4j_password": "not-the-password"}))
    with pytest.raises(ConfigError) as caught:
        store.ping()
    assert "HOSPNET_NEO4J_PASSWORD" in caught.value.hint
    store.close()


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687"])
def test_non_bolt_address_is_a_config_error(base_settings, uri):
    with pytest.raises(ConfigError, match="bolt://"):
        Neo4jStore(base_settings.model_copy(update={"neo4j_uri": uri}))


# -- the local server ----------------------------------------------------------------------------


def test_second_start_is_a_no_op_that_returns_the_uri(base_settings):
    server = server_settings()
    before = neo4j_server.status(server)
    started = time.monotonic()
    assert neo4j_server.start(server) == before["uri"]
    assert time.monotonic() - started < 5
    after = neo4j_server.status(server)
    assert after["running"] and after["responding"] and after["pid"] == before["pid"]
    assert after["version"] == server.neo4j_version and after["installed"]


def test_module_entry_point_prints_status(base_settings):
    server = server_settings()
    env = {
        **os.environ,
        "HOSPNET_DATA_DIR": str(server.data_dir),
        "HOSPNET_NEO4J_BOLT_PORT": str(server.neo4j_bolt_port),
        "HOSPNET_NEO4J_PASSWORD": server.neo4j_password,
    }
    done = subprocess.run(
        [sys.executable, "-m", "hospnet.graph.neo4j_server", "status"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["running"] is True


def test_start_stop_lifecycle_in_a_fresh_folder(tmp_path):
    """A second server on its own store and port; the downloaded jars are shared, not fetched again."""
    shared = server_settings()
    settings = shared.model_copy(
        update={
            "data_dir": tmp_path,
            "neo4j_bolt_port": _free_port(),
            "neo4j_password": "lifecycle-pw",
        }
    )
    share_jars(shared.data_dir, tmp_path)
    assert neo4j_server.status(settings)["running"] is False
    uri = neo4j_server.start(settings)
    try:
        assert uri == f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"
        with Neo4jStore(settings.model_copy(update={"neo4j_uri": uri})) as store:
            store.write_batch(
                Batch(
                    nodes=[
                        (
                            HOSPITAL,
                            {"id": "hospital:x", "name": "X", "level": "other", "search": "x"},
                        )
                    ]
                )
            )
            assert store.read("MATCH (h:Hospital) RETURN h.id AS id") == [{"id": "hospital:x"}]
        # The password never sits in the JVM's environment, and the server itself refuses file URLs
        # in LOAD CSV and bounds a transaction's memory, whatever gate is in front of it.
        pid = neo4j_server.status(settings)["pid"]
        environ = Path(f"/proc/{pid}/environ").read_bytes()
        assert b"lifecycle-pw" not in environ and b"HOSPNET_NEO4J_PASSWORD" not in environ
        import neo4j

        with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "lifecycle-pw")) as driver:
            with pytest.raises(
                neo4j.exceptions.Neo4jError, match="allow_csv_import_from_file_urls|file URL"
            ):
                driver.execute_query("LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l")
            with pytest.raises(neo4j.exceptions.Neo4jError, match="(?i)memory"):
                driver.execute_query("UNWIND range(1, 100000000) AS i RETURN size(collect(i)) AS n")
    finally:
        assert neo4j_server.stop(settings) is True
    status = neo4j_server.status(settings)
    assert status["running"] is False and not (tmp_path / "neo4j" / "neo4j.pid").exists()
    assert neo4j_server.stop(settings) is False
