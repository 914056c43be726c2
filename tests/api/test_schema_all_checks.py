"""The OpenAPI description is the contract: `schemathesis run --checks all` (every check, the
repository's schemathesis.toml) finds no failure of any kind against a live server over the fixture graph.
Sent without the API key, so the write routes answer their documented 403 and the graph stays as built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


from hospnet.api.app import create_app
from tests.live_server import live_server

ROOT = Path(__file__).resolve().parents[2]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def test_schemathesis_all_checks_pass(api_settings, graph):
    with live_server(create_app(api_settings)) as url:
        done = subprocess.run(
            [
                SCHEMATHESIS,
                "run",
                f"{url}/openapi.json",
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
    assert done.returncode == 0, done.stdout[-6000:]
    assert " passed" in done.stdout and "failure" not in done.stdout.split("SUMMARY")[-1]
