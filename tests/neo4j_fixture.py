"""The Neo4j the test suite runs against: the local server of hospnet.graph.neo4j_server.

It lives in HOSPNET_TEST_NEO4J_DIR (default ~/.cache/hospnet-test-neo4j), so the Neo4j jars are
downloaded once (about a minute, the first run) and a server left running is reused by the next
run (about ten seconds saved). It listens on HOSPNET_TEST_NEO4J_PORT (default 17687), not 7687,
so tests never clear the graph of a developer's own `hospnet neo4j start`. Test runs that share
one server share one graph: give concurrent runs different HOSPNET_TEST_NEO4J_PORTs.

Stop it with:  HOSPNET_DATA_DIR=~/.cache/hospnet-test-neo4j HOSPNET_NEO4J_BOLT_PORT=17687 \
               python -m hospnet.graph.neo4j_server stop
Or point the tests at any Neo4j 5 with HOSPNET_TEST_NEO4J_URI (and _USER, _PASSWORD).
"""

from __future__ import annotations

import os
from pathlib import Path

from hospnet.settings import Settings

DEFAULT_DIR = Path.home() / ".cache" / "hospnet-test-neo4j"
DEFAULT_PORT = 17687
PASSWORD = "hospnet-test"


def server_settings() -> Settings:
    """Settings of the local test server (its install and store folder, port and password).

    Another HOSPNET_TEST_NEO4J_PORT gets its own store (a folder `port-<n>` beside the default
    one) but shares the downloaded jars, so two checkouts can test at once without clearing
    each other's graph.
    """
    base = Path(os.environ.get("HOSPNET_TEST_NEO4J_DIR") or DEFAULT_DIR).expanduser()
    port = int(os.environ.get("HOSPNET_TEST_NEO4J_PORT") or DEFAULT_PORT)
    data_dir = base if port == DEFAULT_PORT else base / f"port-{port}"
    if data_dir != base:
        share_jars(base, data_dir)
    # HTTP (Browser) stays off on the shared server, so concurrent runs never race for one HTTP port.
    http_port = int(os.environ.get("HOSPNET_TEST_NEO4J_HTTP_PORT") or 0)
    return Settings(
        _env_file=None,
        data_dir=data_dir,
        neo4j_bolt_port=port,
        neo4j_http_port=http_port,
        neo4j_password=PASSWORD,
    )


def share_jars(source_data_dir: Path, data_dir: Path) -> None:
    """Point data_dir's Maven repository at source_data_dir's, so the jars are downloaded once."""
    shared = Path(source_data_dir) / "neo4j" / "m2"
    shared.mkdir(parents=True, exist_ok=True)
    link = Path(data_dir) / "neo4j" / "m2"
    link.parent.mkdir(parents=True, exist_ok=True)
    if not link.exists() and not link.is_symlink():
        link.symlink_to(shared, target_is_directory=True)


def neo4j_settings(tmp_root: Path) -> Settings:
    """Settings for a test run on Neo4j, starting the local server if none runs (never skips).

    `tmp_root` becomes the data folder for everything else a test writes (exports, reports).
    """
    uri = os.environ.get("HOSPNET_TEST_NEO4J_URI")
    user = os.environ.get("HOSPNET_TEST_NEO4J_USER", "neo4j")
    password = os.environ.get("HOSPNET_TEST_NEO4J_PASSWORD", PASSWORD)
    if not uri:
        from hospnet.graph import neo4j_server

        server = server_settings()
        uri = neo4j_server.start(server)
        user, password = server.neo4j_user, server.neo4j_password
    return Settings(
        _env_file=None,
        store="neo4j",
        data_dir=Path(tmp_root),
        neo4j_uri=uri,
        neo4j_user=user,
        neo4j_password=password,
        query_timeout=20.0,
    )


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spare_settings(data_dir: Path) -> Settings:
    """A second local Neo4j of the test run's own, with HTTP (Browser, Query API) on free ports.

    For what the shared server cannot do: be stopped and bulk-imported, receive a script into an
    empty database while the shared one holds the source graph, and serve Neo4j Browser.
    """
    base = Path(os.environ.get("HOSPNET_TEST_NEO4J_DIR") or DEFAULT_DIR).expanduser()
    share_jars(base, data_dir)
    bolt, http = free_port(), int(os.environ.get("HOSPNET_TEST_NEO4J_HTTP_PORT") or free_port())
    return Settings(
        _env_file=None,
        store="neo4j",
        data_dir=data_dir,
        neo4j_bolt_port=bolt,
        neo4j_http_port=http,
        neo4j_password=PASSWORD,
        neo4j_uri=f"bolt://127.0.0.1:{bolt}",
        query_timeout=60.0,
    )
