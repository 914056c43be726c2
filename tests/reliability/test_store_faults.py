"""Faults in the store: it goes away mid-build, a statement fails, a batch hits a transient error.

The store is stopped for real (the embedded server shut down; Neo4j cut off by a TCP proxy we
close). The one fake is `FaultOnNthBatch`, for transient faults that cannot be caused on demand.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from hospnet.build import build
from hospnet.errors import StoreError, TransientStoreError
from hospnet.graph import falkordb_server
from hospnet.graph.jsonl import export_records
from hospnet.graph import retry
from hospnet.graph.writer import BatchWriter, batch
from hospnet.model import Document, Extraction, Node, Relationship
from hospnet.settings import Settings

from .conftest import build_under_way, clear, cli_env, export, hospnet, write_documents
from .tcp_proxy import TcpProxy


def facts_of(records: list[dict], doc_id: str) -> set[tuple]:
    """The relationships that name `doc_id` as a source or point at it (MENTIONED_IN)."""
    found = set()
    for r in records:
        if r["kind"] == "relationship" and (
            doc_id in (r["properties"].get("sources") or []) or r["to"] == doc_id
        ):
            found.add(
                (
                    r["type"],
                    r["from"],
                    r["to"],
                    r["properties"].get("technique"),
                    r["properties"].get("title"),
                )
            )
    return found


def document_ids(records: list[dict]) -> set[str]:
    return {r["id"] for r in records if r["kind"] == "node" and r["label"] == "Document"}


# -- the store goes away in the middle of a build -----------------------------------------------


def test_store_stopped_mid_build_fails_clearly_and_keeps_what_was_stored(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 500)
    clean = hospnet(rsettings, "build", str(corpus))
    assert clean.returncode == 0, clean.stderr
    expected = export(rsettings)
    clear(rsettings)

    proxy = None
    env = cli_env(rsettings, batch_size="100")
    if rsettings.backend == "neo4j":
        host, port = rsettings.neo4j_uri.split("://", 1)[1].rsplit(":", 1)
        proxy = TcpProxy(host, int(port))
        env["HOSPNET_NEO4J_URI"] = f"bolt://127.0.0.1:{proxy.port}"
    with build_under_way(rsettings, corpus, env) as (proc, _):
        assert proc.poll() is None, "the build finished before the store could be stopped"
        if proxy:
            proxy.cut()
        else:
            falkordb_server.stop(rsettings.data_dir)
        out, err = proc.communicate(timeout=120)

    assert proc.returncode == 1, (out, err)
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "not reachable" in errors[0], err
    assert "Traceback" not in err

    if not proxy:
        falkordb_server.start(rsettings.data_dir)  # the same data directory: what it saved is back
    after_fault = export(rsettings)
    stored = document_ids(after_fault)
    assert 0 < len(stored) < 500
    for doc_id in stored:
        assert facts_of(after_fault, doc_id) == facts_of(expected, doc_id), (
            f"{doc_id} lost facts in the fault"
        )

    resumed = hospnet(rsettings, "build", str(corpus))
    assert resumed.returncode == 0, resumed.stderr
    assert export(rsettings) == expected


def test_an_unreachable_store_is_one_error_line(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(
        _env_file=None, store="neo4j", neo4j_uri=f"bolt://127.0.0.1:{port}", data_dir=tmp_path
    )
    result = hospnet(settings, "build", str(tmp_path), timeout=120)
    assert result.returncode == 1
    lines = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not line.startswith("building")
    ]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "not reachable" in lines[0], (
        result.stderr
    )


def test_an_embedded_store_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    settings = Settings(_env_file=None, store="falkordb", data_dir=not_a_folder, graph_name="g")
    result = hospnet(settings, "build", str(tmp_path), timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot create the embedded store's folder"), (
        result.stderr
    )
    assert "Traceback" not in result.stderr


# -- a statement fails in the middle of a batch ---------------------------------------------------


def _extraction(n: int, bad: bool = False) -> Extraction:
    text = f"Bệnh viện Bạch Mai hỗ trợ chuyên môn Bệnh viện Đa khoa tỉnh số {n}."
    doc = Document.from_text(text, title=f"tin {n}", source=f"tin-{n}.txt")
    giver = Node(
        label="Hospital",
        id="hospital:benh-vien-bach-mai",
        properties={"name": "Bệnh viện Bạch Mai"},
    )
    taker = Node(
        label="Hospital",
        id=f"hospital:tinh-{n}",
        properties={"name": f"Bệnh viện Đa khoa tỉnh số {n}"},
    )
    props = {"kinds": ["training"], "sources": [doc.id], "evidence": text}
    if bad:
        props["note"] = {"a map": "which no store keeps as a property value"}
    rel = Relationship(
        type="SUPPORTS",
        start=giver.id,
        start_label="Hospital",
        end=taker.id,
        end_label="Hospital",
        properties=props,
    )
    return Extraction(document=doc, nodes=[giver, taker], relationships=[rel])


def test_a_failing_statement_never_leaves_its_document_marked_done(store):
    bad = _extraction(2, bad=True)
    with pytest.raises(StoreError):
        store.write_batch(batch([*bad.nodes, bad.document.node()], bad.relationships))
    assert store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0, (
        "a failed batch left part of itself behind"
    )


def test_a_document_the_store_refuses_is_reported_and_the_rest_of_its_batch_stored(store):
    extractions = [_extraction(1), _extraction(2, bad=True), _extraction(3)]
    writer = BatchWriter(store, batch_size=1000)
    for extraction in extractions:
        writer.add(extraction)
    writer.flush()
    assert [doc.id for doc, _ in writer.failed] == [extractions[1].document.id]
    stored = {r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id")}
    assert stored == {extractions[0].document.id, extractions[2].document.id}
    supported = {
        r["id"] for r in store.read("MATCH (:Hospital)-[:SUPPORTS]->(h) RETURN h.id AS id")
    }
    assert {"hospital:tinh-1", "hospital:tinh-3"} <= supported


# -- transient faults: retried with backoff, nothing written twice -------------------------------


class FaultOnNthBatch:
    """The store, except that its n-th write_batch raises a transient error, before or after committing."""

    def __init__(self, store, n: int, *, after_commit: bool = False, times: int = 1) -> None:
        self.store, self.n, self.after_commit, self.times = store, n, after_commit, times
        self.name = store.name
        self.calls = 0
        self.faults = 0

    def write_batch(self, work):
        self.calls += 1
        if self.calls >= self.n and self.faults < self.times:
            self.faults += 1
            if self.after_commit:
                self.store.write_batch(work)  # committed, but the answer is "lost"
            raise TransientStoreError(f"injected fault on batch {self.calls}")
        self.store.write_batch(work)

    def __getattr__(self, name):
        return getattr(self.store, name)


@pytest.fixture
def corpus40(tmp_path_factory) -> Path:
    return write_documents(tmp_path_factory.mktemp("c40") / "corpus", 40)


@pytest.mark.parametrize("after_commit", [False, True], ids=["before-commit", "after-commit"])
def test_a_transient_fault_is_retried_and_nothing_is_duplicated(
    store, settings, corpus40, monkeypatch, tmp_path, after_commit
):
    monkeypatch.setattr(retry, "DEFAULT", retry.RetryPolicy(backoff=0.01))
    small = settings.model_copy(update={"batch_size": 60, "workers": 1, "data_dir": tmp_path})
    build([corpus40], store, small)
    expected = export_records(store)
    store.clear()
    store.ensure_schema()

    faulty = FaultOnNthBatch(store, n=4, after_commit=after_commit, times=2)
    summary = build([corpus40], faulty, small)
    assert faulty.faults == 2 and faulty.calls > 6, (
        "the fault did not land in the middle of the build"
    )
    assert summary.stored == 40 and not summary.failed
    assert export_records(store) == expected


def test_a_fault_that_does_not_pass_stops_the_build_after_the_retries(
    store, settings, corpus40, monkeypatch, tmp_path
):
    monkeypatch.setattr(retry, "DEFAULT", retry.RetryPolicy(backoff=0.01))
    faulty = FaultOnNthBatch(store, n=2, times=10**6)
    with pytest.raises(TransientStoreError):
        build(
            [corpus40],
            faulty,
            settings.model_copy(update={"batch_size": 60, "workers": 1, "data_dir": tmp_path}),
        )
    assert faulty.faults == retry.DEFAULT.attempts
