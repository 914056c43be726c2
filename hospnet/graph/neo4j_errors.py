"""Neo4j driver errors become the hospnet errors a caller can act on, here at the seam (STYLE habit 2)."""

from __future__ import annotations

import neo4j.exceptions as nx

from ..errors import (
    ConfigError,
    QueryRejected,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    TransientStoreError,
)


def translate(
    exc: Exception, *, uri: str, user: str, database: str | None, user_query: bool
) -> Exception:
    """The hospnet error for a driver error; `user_query` makes a refused query the user's mistake."""
    code = getattr(exc, "code", None) or ""
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, nx.AuthError):
        return ConfigError(
            f"Neo4j at {uri} refused user {user!r}: {message}",
            hint="check HOSPNET_NEO4J_USER and HOSPNET_NEO4J_PASSWORD",
        )
    if isinstance(
        exc, (nx.ServiceUnavailable, nx.SessionExpired, nx.ConnectionAcquisitionTimeoutError)
    ):
        return StoreUnavailable(f"Neo4j at {uri} is not reachable ({message})")
    if "TransactionTimedOut" in code or "TransactionTimeout" in code:
        return QueryTimeout(f"the query ran over its time limit ({message})")
    if "OutOfMemoryError" in code:
        return QueryTooLarge(
            f"the query needed more memory than a transaction may take ({message})"
        )
    if isinstance(exc, nx.TransientError):
        return TransientStoreError(f"Neo4j is busy, try again ({code}: {message})")
    if isinstance(exc, nx.DatabaseUnavailable) or code.startswith(
        "Neo.ClientError.Database.DatabaseNotFound"
    ):
        return StoreUnavailable(
            f"Neo4j database {database or '(default)'} is not available at {uri} ({message})"
        )
    if user_query and isinstance(exc, nx.ClientError):
        if code.endswith("AccessMode") or code.endswith("ForbiddenOnReadOnlyDatabase"):
            return QueryRejected(f"only read-only queries are accepted here ({message})")
        return QueryRejected(
            f"Neo4j cannot run this query: {message}",
            hint="check the Cypher: see the message for the position of the problem",
        )
    return StoreError(
        f"Neo4j error {code}: {message}" if code else f"Neo4j driver error: {message}"
    )
