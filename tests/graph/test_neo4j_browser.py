"""Neo4j Browser without Docker: the local server serves /browser/ and the HTTP Query API on 127.0.0.1.

Runs Debian's `chromium` (/usr/bin/chromium) through the playwright package.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from hospnet import queries
from hospnet.build import build
from hospnet.graph import neo4j_server, open_store

CHROMIUM = Path("/usr/bin/chromium")
HOSPNET = str(Path(sys.executable).with_name("hospnet"))
BACH_MAI = "hospital:benh-vien-bach-mai"


def _query(
    url: str, statement: str, parameters: dict, auth: tuple[str, str] | None
) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps({"statement": statement, "parameters": parameters}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    if auth:
        request.add_header(
            "Authorization", "Basic " + base64.b64encode(":".join(auth).encode()).decode()
        )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, {}


def test_browser_loads_and_the_query_api_answers_over_the_built_graph(spare_neo4j):
    store = open_store(spare_neo4j)
    try:
        store.clear()
        build(None, store, spare_neo4j)
    finally:
        store.close()
    state = neo4j_server.status(spare_neo4j)
    assert state["responding"]
    assert state["browser"] == f"http://127.0.0.1:{spare_neo4j.neo4j_http_port}/browser/"

    auth = (spare_neo4j.neo4j_user, spare_neo4j.neo4j_password)
    status, body = _query(
        state["query_api"],
        "MATCH (h:Hospital {id: $id}) RETURN h.name AS name",
        {"id": BACH_MAI},
        auth,
    )
    assert status in (200, 202), body
    assert body["data"]["fields"] == ["name"] and body["data"]["values"] == [["Bệnh viện Bạch Mai"]]
    assert _query(state["query_api"], "RETURN 1", {}, None)[0] == 401  # authentication stays on
    for (
        module
    ) in queries.modules().values():  # what a researcher pastes into Browser runs there as written
        params = queries.bind(module, {p.name: p.example for p in module.params})
        status, body = _query(state["query_api"], module.cypher, params, auth)
        assert status in (200, 202), (module.name, body)
        assert "data" in body, module.name

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.goto(state["browser"], wait_until="load", timeout=60_000)
            page.wait_for_function("document.title.includes('Neo4j Browser')", timeout=60_000)
            page.get_by_text("Connect", exact=False).first.wait_for(
                timeout=60_000
            )  # the app drew its connect form
        finally:
            browser.close()

    env = {
        **os.environ,
        "HOSPNET_DATA_DIR": str(spare_neo4j.data_dir),
        "HOSPNET_NEO4J_BOLT_PORT": str(spare_neo4j.neo4j_bolt_port),
        "HOSPNET_NEO4J_HTTP_PORT": str(spare_neo4j.neo4j_http_port),
        "HOSPNET_NEO4J_PASSWORD": spare_neo4j.neo4j_password,
    }
    shown = subprocess.run(
        [HOSPNET, "neo4j", "status"], env=env, capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0, shown.stderr
    assert (
        state["browser"] in shown.stdout
        and state["query_api"] in shown.stdout
        and state["uri"] in shown.stdout
    )
