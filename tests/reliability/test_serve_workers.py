"""`hospnet serve --workers 2`: two server processes over the same store, both answering, neither
serving a cached answer the other worker's write has made stale."""

from __future__ import annotations

import re
import subprocess

import httpx

from hospnet.names import make_id

from .conftest import HOSPNET, cli_env, serving, wait_for, write_documents

KEY = "workers-test-key"
BACH_MAI = make_id("Hospital", "Bệnh viện Bạch Mai")
# Our own sentences: two reports of Bạch Mai sending techniques to provincial hospitals.
ARTICLES = [
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật ghép giác mạc cho Bệnh viện Đa khoa tỉnh Điện Biên.",
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật lọc máu liên tục cho Bệnh viện Đa khoa tỉnh Hà Tĩnh năm 2023.",
]


def test_two_workers_serve_the_same_graph(rsettings, tmp_path):
    docs = write_documents(tmp_path / "docs", 3)
    built = subprocess.run(
        [str(HOSPNET), "build", str(docs)],
        env=cli_env(rsettings),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    log = tmp_path / "serve.log"
    with serving(cli_env(rsettings, api_key=KEY), log, "--workers", "2") as (_, base):
        wait_for(
            lambda: len(re.findall(r"Application startup complete", log.read_text())) == 2,
            timeout=60,
            what="both workers to start",
        )
        answers = [httpx.get(base + "/health", timeout=30).json() for _ in range(10)]
        assert {a["status"] for a in answers} == {"ok"}
        assert {
            httpx.get(base + "/stats", timeout=30).json()["nodes"]["Document"] for _ in range(10)
        } == {3}
        assert "2 workers" in log.read_text()

        def post(text: str) -> None:
            answer = httpx.post(
                base + "/documents", json=[{"text": text}], headers={"X-API-Key": KEY}, timeout=120
            )
            assert answer.status_code == 200 and answer.json()["stored"] == 1, answer.text

        def sources_totals() -> set[int]:
            # fresh connections, so the kernel hands them to both workers
            return {
                httpx.get(f"{base}/hospitals/{BACH_MAI}", timeout=30).json()["sources_total"]
                for _ in range(20)
            }

        post(ARTICLES[0])
        (before,) = sources_totals()  # both workers now hold this profile in their caches
        post(ARTICLES[1])
        assert sources_totals() == {before + 1}, (
            "a worker served a profile cached before the other worker's write"
        )
        assert {
            httpx.get(base + "/stats", timeout=30).json()["nodes"]["Document"] for _ in range(10)
        } == {5}
