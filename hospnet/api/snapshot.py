"""The analysed graph the coverage endpoints share, read from the store once per change of the graph.

Reading a national graph into NetworkX takes seconds; /coverage, /provinces/{code}/coverage and
/report would each pay that on every request. The graph only grows by ingest and import, both of
which change the count of nodes or relationships, so those two counts (cheap on both stores) tell
whether the copy held here is still the store's graph.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property

import networkx as nx
from fastapi import Depends, Request

from ..analysis import coverage
from ..analysis.network import read_graph
from ..graph.base import GraphStore
from .deps import get_store

COUNTS = "MATCH (n) RETURN count(n) AS n UNION ALL MATCH ()-[r]->() RETURN count(r) AS n"


@dataclass
class Snapshot:
    """The graph as it was when `fingerprint` (node and relationship counts) was read."""

    fingerprint: tuple[int, ...]
    graph: nx.MultiDiGraph

    @cached_property
    def province_coverage(self) -> list:
        return coverage.province_coverage(self.graph)


class SnapshotCache:
    """Holds the latest snapshot; one reader rebuilds it while the others wait for the result."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self.reads = 0  # graphs read from the store, for the tests and the curious

    def get(self, store: GraphStore) -> Snapshot:
        fingerprint = tuple(row["n"] for row in store.read(COUNTS))
        with self._lock:
            if self._current is None or self._current.fingerprint != fingerprint:
                self._current = Snapshot(fingerprint, read_graph(store, mentions=False))
                self.reads += 1
            return self._current


def get_snapshot(request: Request, store: GraphStore = Depends(get_store)) -> Snapshot:
    cache: SnapshotCache = request.app.state.snapshots
    return cache.get(store)
