"""20 API clients read while a build writes: no server error, and never a half-written document.

A document is complete when its Document node is visible: its facts commit with it (Neo4j) or
before it (FalkorDB). So every read that shows a document must show all of its facts, the number
the finished graph has.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import defaultdict

import httpx

from hospnet.api.app import server_command
from hospnet.graph import open_store

from .conftest import HOSPNET, cli_env, free_port, wait_for, write_documents

CLIENTS = 20
MAX_REQUESTS = 400  # per client: the loops are bounded even if the build hangs
MIN_REQUESTS = 10  # per client, so each endpoint is read at least twice, during the build or after

# Documents first, then their facts: under read-committed isolation (Neo4j) a document that
# commits while the query runs can then only be missed, never seen without its facts.
SOURCES = (
    "MATCH (d:Document) WITH collect(d.id) AS done "
    "MATCH ()-[r]->() WHERE r.sources IS NOT NULL UNWIND r.sources AS s WITH done, s WHERE s IN done "
    "RETURN s AS id, count(*) AS n"
)
MENTIONS = (
    "MATCH (d:Document) OPTIONAL MATCH (d)<-[m:MENTIONED_IN]-() RETURN d.id AS id, count(m) AS n"
)


class Reader(threading.Thread):
    """One API client: a loop over the read endpoints until told to stop."""

    def __init__(self, base: str, number: int, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.base, self.number, self.stop = base, number, stop
        self.errors: list[str] = []
        self.counts: dict[str, list[tuple[str, int]]] = defaultdict(
            list
        )  # query -> (doc id, facts) seen
        self.sentences: list[tuple[str, int]] = []  # (doc id, sentences GET /documents/{id} gave)
        self.sizes: list[int] = []  # documents each /cypher read saw
        self.requests = 0

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while (
                not self.stop.is_set() or self.requests < MIN_REQUESTS
            ) and self.requests < MAX_REQUESTS:
                step = (self.requests + self.number) % 5
                try:
                    if step in (0, 1):
                        name, query = ("sources", SOURCES) if step == 0 else ("mentions", MENTIONS)
                        response = self.get(client, "/cypher", query=query, limit=500)
                        if response is not None:
                            rows = response.json()["rows"]
                            self.counts[name] += [(row["id"], row["n"]) for row in rows]
                            self.sizes.append(len(rows))
                    elif step == 2 and self.counts["mentions"]:
                        doc_id = self.counts["mentions"][
                            -1 - self.requests % len(self.counts["mentions"])
                        ][0]
                        response = self.get(client, f"/documents/{doc_id}")
                        if response is not None:
                            self.sentences.append((doc_id, mentions_given(response)))
                    elif self.number == 0 and self.requests % 10 == 3:
                        self.get(
                            client, "/coverage"
                        )  # a whole-graph analysis: one client, now and then
                    else:
                        self.get(client, ("/hospitals", "/health", "/queries")[self.requests % 3])
                except httpx.HTTPError as exc:
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                self.requests += 1
                time.sleep(0.02)

    def get(self, client: httpx.Client, path: str, **params) -> httpx.Response | None:
        response = get_when_free(client, path, **params)
        if response.status_code != 200:
            self.errors.append(f"GET {path} -> {response.status_code}: {response.text[:300]}")
            return None
        return response


def get_when_free(client: httpx.Client, path: str, **params) -> httpx.Response:
    """GET, coming back when told while /cypher's own pool is full, as a client should."""
    response = client.get(path, params=params)
    for _ in range(50):
        if response.status_code != 503 or "cypher_busy" not in response.text:
            break
        time.sleep(float(response.headers.get("Retry-After", "1")) / 10)
        response = client.get(path, params=params)
    return response


def document_mentions(client: httpx.Client, doc_id: str) -> int:
    """How many MENTIONED_IN sentences GET /documents/{id} gives once the build is over."""
    response = get_when_free(client, f"/documents/{doc_id}")
    assert response.status_code == 200, (
        f"GET /documents/{doc_id}: {response.status_code} {response.text[:300]}"
    )
    return mentions_given(response)


def mentions_given(response: httpx.Response) -> int:
    """The MENTIONED_IN sentences of one GET /documents/{id} answer."""
    return sum(s["via"] == "MENTIONED_IN" for s in response.json()["sentences"])


def test_twenty_readers_never_see_a_half_written_document(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 500)
    port = free_port()
    env = cli_env(rsettings, batch_size="100", row_limit="100000")
    log = tmp_path / "api.log"
    server = subprocess.Popen(
        server_command("127.0.0.1", port),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    stop = threading.Event()
    readers = [Reader(base, i, stop) for i in range(CLIENTS)]
    try:
        wait_for(
            lambda: _up(base) or server.poll() is not None, timeout=120, what="the API to answer"
        )
        assert server.poll() is None, log.read_text()
        for reader in readers:
            reader.start()
        build = subprocess.run(
            [str(HOSPNET), "build", str(corpus)],
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )
        stop.set()
        for reader in readers:
            reader.join(timeout=120)
        assert build.returncode == 0, build.stderr
        read_docs = {doc_id for reader in readers for doc_id, _ in reader.sentences}
        with httpx.Client(base_url=base, timeout=60) as client:
            final_sentences = {doc_id: document_mentions(client, doc_id) for doc_id in read_docs}
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    errors = [e for reader in readers for e in reader.errors]
    assert not errors, (
        f"{len(errors)} failed requests: {sorted({e[:120] for e in errors})}; the API log ends:\n{log.read_text()[-3000:]}"
    )
    assert all(r.requests for r in readers), "a client made no request"
    sizes = [n for reader in readers for n in reader.sizes]
    assert any(0 < n < 500 for n in sizes), (
        f"no read happened while the build was writing (documents seen: {sorted(set(sizes))})"
    )

    store = open_store(rsettings)
    try:
        final = {
            name: {row["id"]: row["n"] for row in store.read(query, limit=None)}
            for name, query in (("sources", SOURCES), ("mentions", MENTIONS))
        }
    finally:
        store.close()
    assert len(final["mentions"]) == 500
    for name in ("sources", "mentions"):
        seen = [pair for reader in readers for pair in reader.counts[name]]
        assert seen, f"no {name} read came back"
        for doc_id, n in seen:
            assert n == final[name][doc_id], (
                f"{doc_id} was read with {n} of its {final[name][doc_id]} facts ({name})"
            )
    sentences = [pair for reader in readers for pair in reader.sentences]
    assert sentences, "no GET /documents/{id} came back"
    for doc_id, n in sentences:
        assert n == final_sentences[doc_id], (
            f"GET /documents/{doc_id} gave {n} of its {final_sentences[doc_id]} mentions"
        )


def _up(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code in (200, 503)
    except httpx.HTTPError:
        return False
