"""`hospnet export --format csv` → `hospnet neo4j import` into a fresh database → the same JSONL export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from hospnet.build import build
from hospnet.corrections.ledger import Ledger, new_correction
from hospnet.exports import export
from hospnet.graph import neo4j_server
from hospnet.graph.jsonl import export_jsonl

HOSPNET = str(Path(sys.executable).with_name("hospnet"))


def _env(spare) -> dict:
    return {
        **os.environ,
        "HOSPNET_DATA_DIR": str(spare.data_dir),
        "HOSPNET_NEO4J_BOLT_PORT": str(spare.neo4j_bolt_port),
        "HOSPNET_NEO4J_HTTP_PORT": str(spare.neo4j_http_port),
        "HOSPNET_NEO4J_PASSWORD": spare.neo4j_password,
        "HOSPNET_NEO4J_URI": spare.neo4j_uri,
        "HOSPNET_STORE": "neo4j",
    }


def _hospnet(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([HOSPNET, *args], env=env, capture_output=True, text=True, timeout=600)


def test_csv_export_imports_with_neo4j_admin_into_a_fresh_database(
    store, settings, spare_neo4j, tmp_path
):
    build(None, store, settings)
    folder = tmp_path / "csv"
    export(store, "csv", folder)
    with open(folder / "nodes_Hospital.csv", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in header
    with open(folder / "relationships_SUPPORTS.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle))[:3] == [":START_ID", ":END_ID", ":TYPE"]
    with open(folder / "nodes_Province.csv", encoding="utf-8") as handle:
        assert "lat:double" in next(csv.reader(handle))

    env = _env(spare_neo4j)
    # The ledger is applied after the import, as after every build: one rejected fact stays out.
    first = json.loads(next(line for line in _lines(store) if '"SUPPORTS"' in line))
    rejected = {"type": "SUPPORTS", "from": first["from"], "to": first["to"]}
    ledger = Ledger(tmp_path / "corrections.jsonl")
    ledger.append(new_correction("reject", rejected, "lan", "not in the contract"))
    env["HOSPNET_CORRECTIONS_FILE"] = str(ledger.path)
    refused = _hospnet(
        "neo4j", "import", str(folder), env=env
    )  # the server runs: nothing is touched
    assert refused.returncode == 1 and "hospnet neo4j stop" in refused.stderr
    try:
        neo4j_server.stop(spare_neo4j)
        imported = _hospnet("neo4j", "import", str(folder), env=env)
        assert imported.returncode == 0, imported.stderr + imported.stdout
        assert "imported" in imported.stdout
        assert "corrections: 1 applied" in imported.stdout
    finally:
        neo4j_server.start(spare_neo4j)
    exported = _hospnet("export", "--format", "jsonl", env=env)
    assert exported.returncode == 0, exported.stderr
    kept = [line for line in _lines(store) if line != json.dumps(first, ensure_ascii=False)]
    assert len(kept) == len(_lines(store)) - 1
    assert sorted(exported.stdout.splitlines()) == sorted(kept)


def _lines(store) -> list[str]:
    out = io.StringIO()
    export_jsonl(store, out)
    return out.getvalue().splitlines()


def test_neo4j_import_names_a_folder_without_a_manifest(tmp_path, spare_neo4j):
    done = _hospnet("neo4j", "import", str(tmp_path), env=_env(spare_neo4j))
    assert done.returncode == 1
    assert "import.json" in done.stderr and "hospnet export --format csv" in done.stderr
