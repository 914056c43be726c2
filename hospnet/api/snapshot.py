"""The graph the coverage and network pages share, read from the store once per graph version.

Reading a national graph into NetworkX takes seconds; /coverage, /provinces/{code}/coverage,
/report and /viz would each pay that on every request. The store's version (GraphStore.version,
one cheap read) changes with every write, so it tells whether the copy held here is still the
store's graph. Each part is read on first use by one request while concurrent ones wait for it.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

import networkx as nx
from fastapi import Depends, Request

from ..analysis import coverage, gaps
from ..analysis.network import read_graph
from ..graph.base import GraphStore
from ..viz.views import drawable
from .cache import Cached, cached


class Snapshot:
    """The store's graph at graph version `version`."""

    def __init__(self, store: GraphStore, version: str, on_read: Callable[[], None]) -> None:
        self.version = version
        self._store = store
        self._on_read = on_read
        self._lock = threading.RLock()  # a part may be made of other parts
        self._parts: dict[str, object] = {}

    def _part(self, name: str, make: Callable[[], Any]) -> Any:
        with self._lock:
            if name not in self._parts:
                self._parts[name] = make()
            return self._parts[name]

    def part(self, name: str, make: Callable[[], Any]) -> Any:
        """Something derived from this graph, made once (the report site's pages, per language)."""
        return self._part(name, make)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Without MENTIONED_IN edges: what the analyses and the report use."""

        def read() -> nx.MultiDiGraph:
            self._on_read()
            return read_graph(self._store, mentions=False)

        graph: nx.MultiDiGraph = self._part("graph", read)
        return graph

    @property
    def province_coverage(self) -> list[Any]:
        graph = self.graph
        rows: list[Any] = self._part("coverage", lambda: coverage.province_coverage(graph))
        return rows

    @property
    def answer(self) -> gaps.Answer:
        graph = self.graph
        found: gaps.Answer = self._part("answer", lambda: gaps.answer(graph))
        return found

    @property
    def network(self) -> nx.MultiDiGraph:
        """What the network page draws from: no Document nodes, each node with its sources."""

        def read() -> nx.MultiDiGraph:
            self._on_read()
            return drawable(read_graph(self._store))

        network: nx.MultiDiGraph = self._part("network", read)
        return network


class SnapshotCache:
    """Holds the snapshot of the latest graph version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self.reads = 0  # graphs read from the store, for the tests and the curious

    def _count_read(self) -> None:
        self.reads += 1

    def get(self, store: GraphStore, version: str) -> Snapshot:
        with self._lock:
            if self._current is None or self._current.version != version:
                self._current = Snapshot(store, version, self._count_read)
            return self._current


def get_snapshot(request: Request, cache: Cached = Depends(cached)) -> Snapshot:
    """The snapshot at the version this request's response cache read (one version read a request)."""
    snapshots: SnapshotCache = request.app.state.snapshots
    return snapshots.get(cache.store, cache.version)
