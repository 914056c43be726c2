"""`hospnet serve --workers 2`: two server processes over the same store, both answering."""

from __future__ import annotations

import re
import subprocess

import httpx

from .conftest import HOSPNET, cli_env, wait_for, write_documents
from .test_concurrency import free_port


def test_two_workers_serve_the_same_graph(rsettings, tmp_path):
    docs = write_documents(tmp_path / "docs", 3)
    built = subprocess.run([str(HOSPNET), "build", str(docs)], env=cli_env(rsettings), capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as handle:
        server = subprocess.Popen([str(HOSPNET), "serve", "--port", str(port), "--workers", "2"], env=cli_env(rsettings),
                                  stdout=handle, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(base + "/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(lambda: up() or server.poll() is not None, timeout=120, what="the API to answer")
        assert server.poll() is None, log.read_text()
        wait_for(lambda: len(re.findall(r"Application startup complete", log.read_text())) == 2, timeout=60,
                 what="both workers to start")
        answers = [httpx.get(base + "/health", timeout=30).json() for _ in range(10)]
        assert {a["status"] for a in answers} == {"ok"}
        assert {a["nodes"]["Document"] for a in answers} == {3}
        assert "2 workers" in log.read_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
