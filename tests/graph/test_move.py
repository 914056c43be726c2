"""A graph built on the embedded store moves to Neo4j with `hospnet import FILE --store neo4j`."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from hospnet.build import build
from hospnet.graph import open_store
from hospnet.graph.jsonl import export_records
from hospnet.settings import Settings

HOSPNET = str(Path(sys.executable).with_name("hospnet"))


def test_import_moves_an_embedded_graph_into_neo4j(
    falkordb_dir, neo4j_base_settings, seeds_dir, tmp_path
):
    embedded = Settings(
        _env_file=None,
        store="falkordb",
        data_dir=falkordb_dir,
        graph_name=f"m{uuid.uuid4().hex[:10]}",
    )
    source = open_store(embedded)
    target = open_store(neo4j_base_settings)
    try:
        target.clear()
        build([seeds_dir], source, embedded)
        env = {
            **os.environ,
            "HOSPNET_DATA_DIR": str(falkordb_dir),
            "HOSPNET_GRAPH_NAME": embedded.graph_name,
            "HOSPNET_STORE": "falkordb",
        }
        env.pop("HOSPNET_NEO4J_URI", None)
        out = tmp_path / "graph.jsonl"
        exported = subprocess.run(
            [HOSPNET, "export", "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert exported.returncode == 0, exported.stderr
        env.update(
            HOSPNET_NEO4J_URI=neo4j_base_settings.neo4j_uri,
            HOSPNET_NEO4J_USER=neo4j_base_settings.neo4j_user,
            HOSPNET_NEO4J_PASSWORD=neo4j_base_settings.neo4j_password,
        )
        moved = subprocess.run(
            [HOSPNET, "import", str(out), "--store", "neo4j"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert moved.returncode == 0, moved.stderr
        assert "into neo4j" in moved.stdout
        assert export_records(target) == export_records(source)
    finally:
        target.clear()
        source.clear()
        source.close()
        target.close()
