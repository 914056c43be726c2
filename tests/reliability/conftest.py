"""Reliability tests run the real `hospnet` command against a real store, each on its own graph.

`rsettings` is the `settings` fixture with, for the embedded store, a data directory and server
of the test's own: the failure ledger lives in the data directory, and one test stops its server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from hospnet.graph import falkordb_server, open_store
from hospnet.graph.base import GraphStore
from hospnet.graph.jsonl import export_records
from hospnet.settings import Settings
from hospnet.synth import synthesize
from tests.neo4j_fixture import free_port

HOSPNET = Path(sys.executable).with_name("hospnet")


@pytest.fixture
def rsettings(settings):
    """Settings for one test's empty graph; on falkordb with a data dir and server of its own."""
    if settings.backend == "falkordb":
        folder = Path(tempfile.mkdtemp(prefix="hr-"))
        falkordb_server.start(folder)
        yield settings.model_copy(update={"data_dir": folder})
        falkordb_server.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)
    else:
        clear(settings)
        yield settings
        clear(settings)


def clear(settings: Settings) -> None:
    store = open_store(settings)
    try:
        store.clear()
        store.ensure_schema()
    finally:
        store.close()


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment that points a `hospnet` subprocess at the store `settings` describe."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOSPNET_")}
    env.update(settings.store_environment())
    env.update({f"HOSPNET_{k.upper()}": str(v) for k, v in extra.items()})
    return env


def hospnet(
    settings: Settings, *args: str, timeout: float = 600, **extra: str
) -> subprocess.CompletedProcess:
    """Run the real CLI (`.venv/bin/hospnet …`) against the test's store."""
    return subprocess.run(
        [str(HOSPNET), *args],
        env=cli_env(settings, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def export(settings: Settings) -> list[dict]:
    store = open_store(settings)
    try:
        return export_records(store)
    finally:
        store.close()


def wait_for(predicate, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def wait_for_first_documents(store, proc: subprocess.Popen, timeout: float = 300) -> None:
    """Until the build running in `proc` has stored a document, or has ended."""
    wait_for(
        lambda: (
            store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] > 0
            or proc.poll() is not None
        ),
        timeout=timeout,
        what="the first stored documents",
    )


@contextmanager
def build_under_way(
    settings: Settings, corpus: Path, env: dict[str, str], **popen: Any
) -> Iterator[tuple[subprocess.Popen, GraphStore]]:
    """A real `hospnet build` of `corpus` running in the background, and a store open on its graph,
    handed over once the build has stored its first documents (or has ended); the store is closed
    on the way out, the build is the test's to end. Output is captured as text unless `popen` says
    otherwise."""
    proc = subprocess.Popen(
        [str(HOSPNET), "build", str(corpus)],
        env=env,
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, **popen},
    )
    store = open_store(settings)
    try:
        wait_for_first_documents(store, proc)
        yield proc, store
    finally:
        store.close()


@contextmanager
def serving(env: dict[str, str], log: Path, *args: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """A real `hospnet serve` on a free port with `args`, its output in `log`: the server and its
    base URL once /health answers 200; terminated on the way out."""
    port = free_port()
    with open(log, "w") as handle:
        server = subprocess.Popen(
            [str(HOSPNET), "serve", "--port", str(port), *args],
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(base + "/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            return server.poll() is not None

    try:
        wait_for(up, timeout=120, what="the API to answer")
        assert server.poll() is None, log.read_text()
        yield server, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def write_documents(folder: Path, count: int, seed: int = 1) -> Path:
    """`count` small distinct Vietnamese news documents in `folder`, from the synthetic corpus."""
    return synthesize(count, seed, folder).docs_dir
