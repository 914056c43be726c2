"""The embedded store under `hospnet serve`: killed, it comes back by itself with nothing lost; stalled,
no request hangs on it. All real: a uvicorn subprocess on a free port, the embedded redis-server
killed with SIGKILL or stopped with SIGSTOP, answers read over HTTP."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from hospnet.graph import falkordb_server, open_store
from hospnet.settings import Settings

from .conftest import HOSPNET, cli_env, export, serving, wait_for, write_documents


@pytest.fixture
def embedded(tmp_path):
    """An embedded store of the test's own, built from 30 documents."""
    folder = Path(tempfile.mkdtemp(prefix="hs-"))  # short: unix socket paths are short
    settings = Settings(store="falkordb", data_dir=folder, graph_name="g", _env_file=None)
    built = subprocess.run(
        [str(HOSPNET), "build", str(write_documents(tmp_path / "docs", 30))],
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    yield settings
    pid = falkordb_server.server_pid(folder)
    if pid is not None:
        os.kill(pid, signal.SIGCONT)  # a test that stalled it and failed
    falkordb_server.stop(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def profile(embedded, served) -> str:
    """The profile URL of the best-connected hospital the 30 documents name (which ones the
    synthetic corpus picks follows the gazetteer, so none is named here)."""
    store = open_store(embedded)
    try:
        rows = store.read(
            "MATCH (h:Hospital)-[r]-() RETURN h.id AS id, count(r) AS n ORDER BY n DESC, id LIMIT 1"
        )
    finally:
        store.close()
    assert rows, "the 30 documents gave no hospital"
    return f"{served}/hospitals/{rows[0]['id']}"


@pytest.fixture
def served(embedded, tmp_path):
    """`hospnet serve` over the embedded store: its base URL."""
    log = tmp_path / "serve.log"
    try:
        with serving(cli_env(embedded, query_timeout="2"), log) as (_, base):
            yield base
    finally:
        print("".join(l for l in log.read_text().splitlines(True) if "INFO:" not in l))


def answers(url: str) -> int | None:
    try:
        return httpx.get(url, timeout=5).status_code
    except httpx.HTTPError:
        return None


def alive(pid: int) -> bool:
    """Running, stopped or sleeping; a zombie (killed, not yet reaped by init) is dead."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def address_space(pid: int) -> int | None:
    """The process's address-space ceiling in bytes (None: unlimited)."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            soft = line.split()[3]
            return None if soft == "unlimited" else int(soft)
    raise AssertionError(f"no address-space line for process {pid}")


def assert_unavailable_shape(response: httpx.Response) -> None:
    """503 with Retry-After, in the API's error shape (or /health's own `degraded` body)."""
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    if response.url.path == "/health":
        assert body["status"] == "degraded", body
    else:
        assert body["error"]["status"] == 503 and body["error"]["code"], body


def test_a_killed_embedded_store_is_restarted_with_nothing_lost(embedded, served, profile):
    assert httpx.get(profile, timeout=30).status_code == 200
    before = export(embedded)
    assert len(before) > 50
    pid = falkordb_server.server_pid(embedded.data_dir)
    assert pid is not None
    assert address_space(pid) == falkordb_server.ADDRESS_SPACE

    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    wait_for(lambda: not alive(pid), timeout=10, what="the server to die", interval=0.001)
    seen: list[httpx.Response] = []
    while time.monotonic() - killed < 10:
        round_ = [httpx.get(url, timeout=5) for url in (profile, served + "/health")]
        seen += round_
        if all(r.status_code == 200 for r in round_):
            break
        for response in round_:
            if response.status_code != 200:
                assert_unavailable_shape(response)
        time.sleep(0.05)
    recovered = time.monotonic() - killed
    assert all(r.status_code == 200 for r in seen[-2:]), (
        f"not answering {recovered:.1f}s after the kill: "
        + str([(r.url.path, r.status_code, r.text[:300]) for r in seen[-4:]])
    )
    assert recovered < 10
    assert any(r.status_code == 503 for r in seen), [
        (r.url.path, r.status_code, r.text[:200]) for r in seen
    ]
    restarted = falkordb_server.server_pid(embedded.data_dir)
    assert restarted not in (None, pid)
    assert export(embedded) == before, "the restarted store lost what was stored"
    # The supervisor's server runs under the same ceiling: a runaway allocation fails it alone.
    assert address_space(restarted) == falkordb_server.ADDRESS_SPACE


def test_a_stalled_embedded_store_holds_no_request(embedded, served, profile):
    """SIGSTOP: the server accepts connections and never answers. Each request ends in time; the
    supervisor starts no second server beside the stalled one, and all recovers on SIGCONT."""
    pid = falkordb_server.server_pid(embedded.data_dir)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        for url in (profile, served + "/health", served + "/stats"):
            started = time.monotonic()
            response = httpx.get(url, timeout=30)
            took = time.monotonic() - started
            assert took < 2 + 2 + 3, f"{url} took {took:.1f}s on a stalled store"
            assert response.status_code in (408, 503), response.text
            if response.status_code == 503:
                assert_unavailable_shape(response)
        time.sleep(3)  # several supervisor rounds
        assert falkordb_server.server_pid(embedded.data_dir) == pid
    finally:
        os.kill(pid, signal.SIGCONT)
    wait_for(
        lambda: answers(profile) == 200,
        timeout=10,
        what="the API to answer after SIGCONT",
    )


def test_a_store_stopped_on_purpose_stays_down_and_says_so(embedded, served, profile):
    assert falkordb_server.stop(embedded.data_dir)
    for url in (served + "/health", profile):
        assert_unavailable_shape(httpx.get(url, timeout=10))
    time.sleep(2)  # the supervisor leaves a stopped store down
    assert not falkordb_server.is_running(embedded.data_dir)
    falkordb_server.start(embedded.data_dir)
    wait_for(lambda: answers(served + "/health") == 200, timeout=10, what="/health to say ok")
