"""The graph the coverage and network pages share, read from the store once per change of the graph.

Reading a national graph into NetworkX takes seconds; /coverage, /provinces/{code}/coverage,
/report and /viz would each pay that on every request. The graph only grows by ingest and import,
both of which change the count of nodes or relationships, so those two counts (cheap on both
stores) tell whether the copy held here is still the store's graph. Each part is read on first use
by one request while concurrent ones wait for it.
"""

from __future__ import annotations

import threading

import networkx as nx
from fastapi import Depends, Request

from ..analysis import coverage
from ..analysis.network import read_graph
from ..graph.base import GraphStore
from ..viz.views import drawable
from .deps import get_store

COUNTS = "MATCH (n) RETURN count(n) AS n UNION ALL MATCH ()-[r]->() RETURN count(r) AS n"


class Snapshot:
    """The store's graph as it was when `fingerprint` (node and relationship counts) was read."""

    def __init__(self, store: GraphStore, fingerprint: tuple[int, ...], on_read) -> None:
        self.fingerprint = fingerprint
        self._store = store
        self._on_read = on_read
        self._lock = threading.Lock()
        self._parts: dict[str, object] = {}

    def _part(self, name: str, make):
        with self._lock:
            if name not in self._parts:
                self._parts[name] = make()
            return self._parts[name]

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Without MENTIONED_IN edges: what the analyses and the report use."""
        def read():
            self._on_read()
            return read_graph(self._store, mentions=False)
        return self._part("graph", read)

    @property
    def province_coverage(self) -> list:
        graph = self.graph
        return self._part("coverage", lambda: coverage.province_coverage(graph))

    @property
    def network(self) -> nx.MultiDiGraph:
        """What the network page draws from: no Document nodes, each node with its sources."""
        def read():
            self._on_read()
            return drawable(read_graph(self._store))
        return self._part("network", read)


class SnapshotCache:
    """Holds the snapshot of the latest fingerprint."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self.reads = 0  # graphs read from the store, for the tests and the curious

    def _count_read(self) -> None:
        self.reads += 1

    def get(self, store: GraphStore) -> Snapshot:
        fingerprint = tuple(row["n"] for row in store.read(COUNTS))
        with self._lock:
            if self._current is None or self._current.fingerprint != fingerprint:
                self._current = Snapshot(store, fingerprint, self._count_read)
            return self._current


def get_snapshot(request: Request, store: GraphStore = Depends(get_store)) -> Snapshot:
    cache: SnapshotCache = request.app.state.snapshots
    return cache.get(store)
