"""The Cypher script export, run statement by statement into an empty Neo4j, gives the same graph."""

from __future__ import annotations

import io

import neo4j

from hospnet.build import build
from hospnet.exports.cypher_script import statements, write_cypher
from hospnet.graph import open_store
from hospnet.graph.jsonl import export_records


def test_cypher_script_rebuilds_the_graph_in_an_empty_neo4j(store, settings, spare_neo4j):
    build(None, store, settings)
    source = export_records(store)
    script = io.StringIO()
    count = write_cypher(source, script)
    lines = statements(script.getvalue())
    assert len(lines) == count
    target = open_store(spare_neo4j)
    try:
        target.clear()
        auth = (spare_neo4j.neo4j_user, spare_neo4j.neo4j_password)
        with (
            neo4j.GraphDatabase.driver(spare_neo4j.neo4j_uri, auth=auth) as driver,
            driver.session() as session,
        ):
            for line in lines:  # as cypher-shell -f runs them: each statement on its own
                session.run(line).consume()
        assert export_records(target) == source
    finally:
        target.clear()
        target.close()
