"""Two writers at once into one store: the second is refused with one line and exit 4 (a 409 in
the JSON error shape for POST /documents), the first goes on untouched. Real `hospnet build`
and `hospnet import` processes and the real API on each store."""

from __future__ import annotations

import json
from contextlib import contextmanager

from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from tests.api.conftest import API_KEY

from .conftest import build_under_way, cli_env, export, hospnet, write_documents
from .test_resume import summary_count


def test_a_second_build_into_the_same_store_is_refused(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 300)
    other = write_documents(tmp_path / "other", 5, seed=2)
    with build_under_way(rsettings, corpus, cli_env(rsettings, batch_size="50")) as (first, _):
        assert first.poll() is None, "the first build ended before the second started"
        second = hospnet(rsettings, "build", str(other), timeout=120)
        still_running = first.poll() is None
    out, err = first.communicate(timeout=900)

    assert still_running, "the second build was not refused while the first ran"
    assert second.returncode == 4, (second.stdout, second.stderr)
    lines = [  # the progress bar had drawn its empty first frame
        line
        for line in second.stderr.splitlines()
        if line.strip() and not line.startswith("building")
    ]
    assert len(lines) == 1, second.stderr
    assert lines[0].startswith("Error: another writer (hospnet build, pid "), lines[0]
    assert f"pid {first.pid})" in lines[0], lines[0]
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, err
    assert summary_count(out, "stored") == 300
    sources = {
        r["properties"].get("source")
        for r in export(rsettings)
        if r["kind"] == "node" and r["label"] == "Document"
    }
    assert len(sources) == 300  # nothing of the refused build was written

    after = hospnet(rsettings, "build", str(other), timeout=600)  # the lock is free again
    assert after.returncode == 0, after.stderr
    assert summary_count(after.stdout, "stored") == 5


def error_lines(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.strip() and not line.startswith("building")
    ]


@contextmanager
def a_build_running(rsettings, corpus):
    """A `hospnet build` of `corpus` that has stored its first documents and still runs."""
    with build_under_way(rsettings, corpus, cli_env(rsettings, batch_size="50")) as (first, _):
        try:
            assert first.poll() is None, "the build ended before the second writer started"
            yield first
            assert first.poll() is None, "the build ended before the second writer was refused"
        finally:
            out, err = first.communicate(timeout=900)
    assert first.returncode == 0, err
    assert summary_count(out, "stored") == 300


def test_an_import_while_a_build_writes_is_refused(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 300)
    graph = tmp_path / "other.jsonl"
    node = {
        "kind": "node",
        "label": "Hospital",
        "id": "hospital:lock-test",
        "properties": {"name": "Bệnh viện Khóa"},
    }
    graph.write_text(json.dumps(node) + "\n")
    with a_build_running(rsettings, corpus) as first:
        refused = hospnet(rsettings, "import", str(graph), timeout=120)
    assert refused.returncode == 4, (refused.stdout, refused.stderr)
    lines = error_lines(refused.stderr)
    assert len(lines) == 1, refused.stderr
    assert lines[0].startswith(f"Error: another writer (hospnet build, pid {first.pid}) "), lines
    ids = {r["id"] for r in export(rsettings) if r["kind"] == "node"}
    assert "hospital:lock-test" not in ids  # nothing of the refused import was written

    imported = hospnet(rsettings, "import", str(graph), timeout=120)  # the lock is free again
    assert imported.returncode == 0, imported.stderr
    assert "hospital:lock-test" in {r["id"] for r in export(rsettings) if r["kind"] == "node"}


def test_post_documents_while_a_build_writes_is_a_409(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 300)
    text = "Bệnh viện Bạch Mai hỗ trợ Bệnh viện Đa khoa tỉnh Lào Cai về kỹ thuật lọc máu."
    body = [{"name": "lock-test.txt", "text": text}]
    app = create_app(rsettings.model_copy(update={"api_key": API_KEY}))
    with TestClient(app) as client:
        with a_build_running(rsettings, corpus) as first:
            refused = client.post("/documents", json=body, headers={"X-API-Key": API_KEY})
        assert refused.status_code == 409, refused.text
        error = refused.json()["error"]
        assert set(refused.json()) == {"error"} and error["code"] == "store_locked"
        assert error["status"] == 409 and "\n" not in error["message"]
        assert f"hospnet build, pid {first.pid}" in error["message"], error
        sources = {
            r["properties"].get("source")
            for r in export(rsettings)
            if r["kind"] == "node" and r["label"] == "Document"
        }
        assert len(sources) == 300  # the refused request wrote nothing

        stored = client.post("/documents", json=body, headers={"X-API-Key": API_KEY})
        assert stored.status_code == 200, stored.text
        assert stored.json()["stored"] == 1
