"""The store contract every backend implements; nothing above graph/ knows which one is live."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Protocol, Sequence, runtime_checkable

Row = dict[str, Any]


def schema_identifier(name: str | None, allowed: tuple[str, ...]) -> str:
    """Labels, types and property names are never taken from text: only the schema's own pass."""
    if name not in allowed:
        raise ValueError(f"{name!r} is not in the schema")
    assert name is not None
    return name


Statement = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Batch:
    """hospnet's own writes, grouped by what they hold, so no store reads Cypher text to order or commit them.

    A store applies `nodes`, then `relationships`, then `seals` (the Document nodes and their
    MENTIONED_IN edges, which say "this document is complete"), all or nothing: a reader sees the
    whole batch or none of it. Statements return nothing.

    >>> Batch(nodes=[("CREATE (:A)", {})]).statements()
    [('CREATE (:A)', {})]
    """

    nodes: Sequence[Statement] = ()
    relationships: Sequence[Statement] = ()
    seals: Sequence[Statement] = ()

    def statements(self) -> list[Statement]:
        return [*self.nodes, *self.relationships, *self.seals]

    def __bool__(self) -> bool:
        return bool(self.nodes or self.relationships or self.seals)


class QueryLog:
    """The latest query texts a store ran, newest last: lets a test (or a person debugging) see
    what an endpoint asked of the store.

    >>> log = QueryLog(size=2)
    >>> for q in ("A", "B", "C"): log.record(q)
    >>> log.texts()
    ['B', 'C']
    """

    def __init__(self, size: int = 256) -> None:
        self._texts: deque[str] = deque(maxlen=size)

    def record(self, cypher: str) -> None:
        self._texts.append(cypher)

    def texts(self) -> list[str]:
        return list(self._texts)

    def clear(self) -> None:
        self._texts.clear()


@runtime_checkable
class GraphStore(Protocol):
    """A Cypher graph store.

    - `read` runs a query that must be read-only (user Cypher goes only through here); rows are
      plain dicts of JSON-able values (nodes become their property dicts plus `_labels`).
    - `write_batch` applies a `Batch` of hospnet's own parameterised statements atomically.
    - `version` is the graph's version: a value the store keeps beside the graph that changes with
      every `write_batch` and `clear` (FalkorDB: a counter bumped in the same MULTI; Neo4j: the
      last closed transaction, read after any `write_batch` being applied), so every process
      reading the store sees a change of the graph by reading one value, never by counting it.
      It is a seqlock: equal versions read before and after a read mean no batch landed during
      it, so the read saw one whole state. Whoever changes the graph without `write_batch` calls
      `bump_version` after the change.
    - `queries` records the texts of the queries run (reads, writes, version reads).
    - Driver errors are translated to hospnet.errors at this seam.
    """

    name: str
    queries: QueryLog

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> list[Row]: ...

    def read_many(
        self, queries: Sequence[Statement], *, timeout: float | None = None
    ) -> list[list[Row]]:
        """Several read-only queries as one consistent read (one transaction where the store has
        them): the rows of each, in order."""
        ...

    def write_batch(self, batch: Batch) -> None: ...

    def version(self) -> str:
        """The graph version, opaque: compare it for equality only; one cheap read."""
        ...

    def last_version(self) -> str:
        """The version of the last write that closed, without waiting for one in flight: what a
        cached answer is looked up by. `version` after a query still waits, so an answer read
        across a write is never kept (the seqlock of the API's cache)."""
        ...

    def bump_version(self) -> None:
        """Say "the graph changed": every cache keyed by `version` is stale from now on."""

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""

    def clear(self) -> None:
        """Delete every node and relationship (tests, re-import)."""

    def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot be reached."""

    def close(self) -> None: ...
