"""The store contract every backend implements; nothing above graph/ knows which one is live."""

from __future__ import annotations

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


@runtime_checkable
class GraphStore(Protocol):
    """A Cypher graph store.

    - `read` runs a query that must be read-only (user Cypher goes only through here); rows are
      plain dicts of JSON-able values (nodes become their property dicts plus `_labels`).
    - `write_batch` applies a `Batch` of hospnet's own parameterised statements atomically.
    - Driver errors are translated to hospnet.errors at this seam.
    """

    name: str

    def read(self, cypher: str, params: dict[str, Any] | None = None, *, timeout: float | None = None, limit: int | None = None) -> list[Row]:
        ...

    def read_many(self, queries: Sequence[Statement], *, timeout: float | None = None) -> list[list[Row]]:
        """Several read-only queries as one consistent read (one transaction where the store has
        them): the rows of each, in order."""
        ...

    def write_batch(self, batch: Batch) -> None:
        ...

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""

    def clear(self) -> None:
        """Delete every node and relationship (tests, re-import)."""

    def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot be reached."""

    def close(self) -> None:
        ...
