"""The OpenAPI description is the contract: `schemathesis run --checks all` (every check, the
repository's schemathesis.toml) finds no failure of any kind against a live server over the fixture graph.
Sent without the API key, so the write routes answer their documented 403 and the graph stays as built."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import uvicorn

from hospnet.api.app import create_app
from tests.neo4j_fixture import free_port

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def test_schemathesis_all_checks_pass(api_settings, graph):
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(api_settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        done = subprocess.run(
            [
                SCHEMATHESIS,
                "run",
                f"http://127.0.0.1:{port}/openapi.json",
                "--checks",
                "all",
                "-n",
                "10",
                "--seed",
                "14",
                "--no-color",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    assert done.returncode == 0, done.stdout[-6000:]
    assert " passed" in done.stdout and "failure" not in done.stdout.split("SUMMARY")[-1]
