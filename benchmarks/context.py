"""What every benchmark shares: the stores (started once), the generated corpus, a row of the table."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from hospnet.settings import Settings


BENCH_NEO4J_DIR = Path.home() / ".cache" / "hospnet-bench-neo4j"
BENCH_NEO4J_PORT = 27688
BENCH_NEO4J_PASSWORD = "hospnet-bench"


@dataclass
class Row:
    """One figure, the baseline it is compared with (measured in the same process), and their ratio."""

    benchmark: str
    store: str
    figure: str
    baseline: str = ""
    ratio: str = ""
    note: str = ""


@contextmanager
def load_note(notes: list[str]) -> Iterator[None]:
    """Appends the machine's 1-minute load average before and after the block: seconds measured
    under another process's load say so beside them."""
    before = os.getloadavg()[0]
    try:
        yield
    finally:
        notes.append(
            f"load average {before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )


@contextmanager
def timed() -> Iterator[dict]:
    box: dict = {}
    start = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - start


@dataclass
class Context:
    """Stores, folders and the corpus, created on first use and cleaned up by `close`."""

    docs: int = 10_000
    seed: int = 2025
    stores: tuple[str, ...] = ("falkordb", "neo4j")
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="hn-bench-")))
    _falkordb_dir: Path | None = None
    _neo4j: Settings | None = None
    _neo4j_server: Settings | None = None
    _corpus: dict = field(default_factory=dict)
    exports: dict = field(default_factory=dict)  # store -> export file of the 10k-document build

    def settings(self, store: str) -> Settings:
        """Settings for a fresh, empty graph on `store`."""
        if store == "falkordb":
            if self._falkordb_dir is None:
                from hospnet.graph import falkordb_server

                # A short path: the unix socket path must stay under about 100 characters.
                self._falkordb_dir = Path(tempfile.mkdtemp(prefix="hnb-"))
                falkordb_server.start(self._falkordb_dir)
            return Settings(
                _env_file=None,
                store="falkordb",
                data_dir=self._falkordb_dir,
                graph_name=f"b{uuid.uuid4().hex[:10]}",
            )
        if store == "neo4j":
            if self._neo4j is None:
                self._neo4j = self._start_neo4j()
            return self._neo4j
        raise ValueError(f"unknown store {store!r}")

    def _start_neo4j(self) -> Settings:
        """Neo4j at HOSPNET_BENCH_NEO4J_URI, else a server of the benchmarks' own.

        Not the test suite's shared server: a test run elsewhere clears that graph mid-benchmark.
        The jars are taken from the test server's Maven folder when it has them (no second download).
        """
        uri = os.environ.get("HOSPNET_BENCH_NEO4J_URI")
        base = {
            "_env_file": None,
            "store": "neo4j",
            "data_dir": self.root / "neo4j-run",
            "neo4j_user": "neo4j",
            "neo4j_password": os.environ.get("HOSPNET_BENCH_NEO4J_PASSWORD", BENCH_NEO4J_PASSWORD),
        }
        if uri:
            return Settings(**base, neo4j_uri=uri)
        from hospnet.graph import neo4j_server

        server = Settings(
            _env_file=None,
            data_dir=BENCH_NEO4J_DIR,
            neo4j_bolt_port=BENCH_NEO4J_PORT,
            neo4j_password=BENCH_NEO4J_PASSWORD,
        )
        m2 = neo4j_server.home(server) / "m2"
        shared = Path.home() / ".cache" / "hospnet-test-neo4j" / "neo4j" / "m2"
        if not m2.exists() and shared.is_dir():
            m2.parent.mkdir(parents=True, exist_ok=True)
            m2.symlink_to(shared)
        self._neo4j_server = server
        return Settings(
            **{**base, "neo4j_password": BENCH_NEO4J_PASSWORD}, neo4j_uri=neo4j_server.start(server)
        )

    def open(self, store: str):
        """A fresh, empty store with its schema."""
        from hospnet.graph import open_store

        settings = self.settings(store)
        handle = open_store(settings)
        handle.clear()
        handle.ensure_schema()
        return handle, settings

    def corpus(self, docs: int | None = None):
        """The generated corpus of `docs` documents (default: the run's size), made once."""
        from hospnet.synth import synthesize

        docs = docs or self.docs
        if docs not in self._corpus:
            self._corpus[docs] = synthesize(docs, self.seed, self.root / f"corpus-{docs}")
        return self._corpus[docs]

    def server_pid(self, store: str) -> int | None:
        """The store server's process, for its peak memory (VmHWM)."""
        try:
            if store == "falkordb" and self._falkordb_dir is not None:
                from hospnet.graph import falkordb_server

                pid_file = falkordb_server.server_dir(self._falkordb_dir) / "redis.pid"
                return int(pid_file.read_text().strip()) if pid_file.exists() else None
            if store == "neo4j" and self._neo4j is not None:
                from hospnet.graph import neo4j_server

                return (
                    neo4j_server.status(self._neo4j_server).get("pid")
                    if self._neo4j_server
                    else None
                )
        except (OSError, ValueError):
            return None
        return None

    def close(self) -> None:
        if self._neo4j_server is not None:
            from hospnet.graph import neo4j_server

            neo4j_server.stop(self._neo4j_server)
        if self._falkordb_dir is not None:
            from hospnet.graph import falkordb_server

            falkordb_server.stop(self._falkordb_dir)
            shutil.rmtree(self._falkordb_dir, ignore_errors=True)
        shutil.rmtree(self.root, ignore_errors=True)


def peak_rss_mb(pid: int | None) -> float | None:
    """A process's peak resident memory (VmHWM) in MB, from /proc."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
