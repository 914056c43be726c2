"""The real store: Neo4j over Bolt with the official driver; user Cypher passes three read-only gates.

The read path refuses a query (QueryRejected) at the first gate it fails:
  1. text: `readonly.check_user_query` (LOAD CSV, IN TRANSACTIONS, procedures outside the allow-list
     however written, TERMINATE and SHOW, which EXPLAIN may call read-only, and control characters);
  2. `EXPLAIN <query>`: the planner's query type must be 'r';
  3. the query runs in a READ transaction, so the server itself refuses any write that slipped by.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any, Callable, Sequence, TypeVar

import neo4j
import neo4j.exceptions as nx
import neo4j.graph
import neo4j.spatial
import neo4j.time

from ..errors import (
    ConfigError,
    QueryRejected,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    TransientStoreError,
)
from ..model import LABELS
from ..settings import Settings
from .base import Batch, QueryLog, Row, Statement, schema_identifier
from .retry import DEFAULT as RETRY
from .readonly import check_parameters, check_user_query, code_only, procedures

T = TypeVar("T")

_SCHEMES = ("bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc")
_VERDICTS_KEPT = 2048  # distinct query texts whose read/write verdict is remembered
_FULLTEXT_LABELS = ("Hospital", "Person", "Organization", "Technique", "Program", "Province")

PING = "RETURN 1 AS ok"
# hospnet's own writes find every node by a unique-constraint seek, a plan that does not depend on
# the graph's size; without this, Neo4j replans each of them again and again while a build grows
# the graph from empty (its statistics diverge), and the replanning cost more than the writes.
OWN_WRITES = "CYPHER replan=skip "

# The write lock (see Neo4jStore.version): MERGE on a key a uniqueness constraint covers takes an
# exclusive lock on that index entry and holds it until its transaction has closed; the node the
# MERGE makes is deleted in the same statement, so no commit ever holds it and no reader sees it.
WRITE_LOCK_SCHEMA = (
    "CREATE CONSTRAINT hospnet_write_lock IF NOT EXISTS "
    "FOR (l:HospnetWriteLock) REQUIRE l.id IS UNIQUE"
)
WRITE_LOCK = "MERGE (l:HospnetWriteLock {id: 'graph'}) DELETE l"

_ADMIN_VERB = re.compile(
    r"\b(CREATE|DROP|ALTER|GRANT|DENY|REVOKE|SHOW|START|STOP|RENAME|ENABLE|DISABLE|TERMINATE|DEALLOCATE|REALLOCATE)\b",
    re.IGNORECASE,
)


def _is_dbms_read(cypher: str) -> bool:
    """EXPLAIN types a call of a DBMS-mode procedure (dbms.components) as 's', like a schema command.

    Such a query is let through when every procedure in it is on the allow-list (checked before) and
    it has no verb a schema or administration command needs; the READ transaction still guards it.
    """
    code = code_only(cypher)
    calls_dbms = any(name.lower().startswith("dbms.") for name in procedures(code))
    return calls_dbms and not _ADMIN_VERB.search(code)


def plain(value: Any) -> Any:
    """Driver values to JSON-able ones, the same shape the FalkorDB backend returns."""
    if isinstance(value, neo4j.graph.Node):
        return {**{k: plain(v) for k, v in value.items()}, "_labels": sorted(value.labels)}
    if isinstance(value, neo4j.graph.Relationship):
        return {**{k: plain(v) for k, v in value.items()}, "_type": value.type}
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(
        value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time, neo4j.time.Duration)
    ):
        return value.iso_format()
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return neo4j.time.Duration(seconds=value.total_seconds()).iso_format()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


class Neo4jStore:
    """GraphStore on a Neo4j 5 server (bolt://, neo4j://, bolt+s://, neo4j+s://)."""

    name = "neo4j"

    def __init__(self, settings: Settings) -> None:
        if not settings.neo4j_uri:
            raise ConfigError(
                "no Neo4j address: HOSPNET_NEO4J_URI is not set",
                hint="set HOSPNET_NEO4J_URI, e.g. bolt://127.0.0.1:7687 (`hospnet neo4j start` runs one)",
            )
        self.settings = settings
        self.uri = settings.neo4j_uri
        # The planner's read/write verdict per query text: it depends on the text, never on the
        # parameters, so the API's own queries pay for EXPLAIN once instead of on every request.
        self._verdicts: dict[str, str | None] = {}
        self._database = settings.neo4j_database
        self._lock_ready = False  # WRITE_LOCK_SCHEMA made sure of, once per store
        self.queries = QueryLog()
        scheme = self.uri.split("://", 1)[0].lower() if "://" in self.uri else ""
        if scheme not in _SCHEMES:
            # The driver also takes http:// (a preview Query API); hospnet speaks Bolt only.
            raise ConfigError(
                f"cannot use Neo4j address {self.uri!r}: expected one of {', '.join(s + '://' for s in _SCHEMES)}",
                hint="set HOSPNET_NEO4J_URI, e.g. bolt://127.0.0.1:7687",
            )
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri,
                auth=(settings.neo4j_user, settings.neo4j_password),
                connection_timeout=5.0,
                connection_acquisition_timeout=30.0,
                # The driver retries transient faults (and lost connections) in managed transactions,
                # within the budget of hospnet's one retry policy.
                max_transaction_retry_time=RETRY.driver_budget,
                # Deprecation notes would otherwise be logged as warnings for every user query.
                notifications_min_severity="OFF",
            )
        except (nx.ConfigurationError, ValueError) as exc:
            raise ConfigError(
                f"cannot use Neo4j address {self.uri!r}: {exc}",
                hint="use bolt://host:port, neo4j://, bolt+s:// or neo4j+s://",
            ) from exc

    # -- reading ----------------------------------------------------------------------------

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> list[Row]:
        """Run user Cypher if, and only if, it is read-only; rows as plain dicts, at most `limit`."""
        self.queries.record(cypher)
        timeout = self._read_timeout(timeout)
        params = params or {}
        began = time.monotonic()
        self._check_read_only(cypher, params, timeout)
        # The planning above counts against the query's time limit.
        timeout = max(timeout - (time.monotonic() - began), 0.001)

        @neo4j.unit_of_work(timeout=timeout)
        def fetch(tx: neo4j.ManagedTransaction) -> list[Row]:
            rows: list[Row] = []
            if limit is not None and limit <= 0:
                return rows
            try:
                for record in tx.run(cypher, params):
                    rows.append({key: plain(value) for key, value in record.items()})  # type: ignore[no-untyped-call]
                    if limit is not None and len(rows) >= limit:
                        # Rolling back ends the query at once; a commit would first have the
                        # server produce every remaining row, to be discarded.
                        raise _Enough(rows)
            except nx.TransientError as exc:
                if "OutOfMemory" in (exc.code or ""):  # not retried: it would run out again
                    raise self._translate(exc, user_query=True) from exc
                raise
            return rows

        with self._session(neo4j.READ_ACCESS, fetch_size=_fetch_size(limit)) as session:
            try:
                return self._call(lambda: session.execute_read(fetch), user_query=True)
            except _Enough as enough:
                return enough.rows

    def read_many(
        self, queries: Sequence[Statement], *, timeout: float | None = None
    ) -> list[list[Row]]:
        """Several read-only queries in one read transaction: one consistent view, one round of
        transaction set-up instead of one per query."""
        timeout = self._read_timeout(timeout)
        queries = [(cypher, params or {}) for cypher, params in queries]
        for cypher, params in queries:
            self.queries.record(cypher)
            self._check_read_only(cypher, params, timeout)

        @neo4j.unit_of_work(timeout=timeout)
        def fetch(tx: neo4j.ManagedTransaction) -> list[list[Row]]:
            return [
                [
                    {key: plain(value) for key, value in record.items()}  # type: ignore[no-untyped-call]
                    for record in tx.run(cypher, params)
                ]
                for cypher, params in queries
            ]

        with self._session(neo4j.READ_ACCESS) as session:
            return self._call(lambda: session.execute_read(fetch), user_query=True)

    def _read_timeout(self, timeout: float | None) -> float:
        timeout = self.settings.query_timeout if timeout is None else timeout
        return max(timeout, 0.001)  # Neo4j reads a timeout of 0 as "no limit"

    def _check_read_only(self, cypher: str, params: dict[str, Any], timeout: float) -> None:
        """Refuse unless the names and text pass the lexical gate and the planner types it as a read."""
        check_parameters(params)
        check_user_query(cypher)
        query_type = self._verdicts.get(cypher)
        if query_type is None:
            query_type = self._explain(cypher, params, timeout)
            if len(self._verdicts) < _VERDICTS_KEPT:
                self._verdicts[cypher] = query_type
        if query_type != "r" and not (query_type == "s" and _is_dbms_read(cypher)):
            raise QueryRejected(
                f"only read-only queries are accepted here; Neo4j plans this one as {_QUERY_TYPES.get(query_type, query_type)}"
            )

    def _explain(self, cypher: str, params: dict[str, Any], timeout: float) -> str | None:
        """The planner's verdict without running anything: 'r', 'w', 'rw' or 's' (schema)."""

        def plan() -> str | None:
            with self._session(neo4j.READ_ACCESS) as session:
                result = session.run(neo4j.Query("EXPLAIN " + cypher, timeout=timeout), params)
                return result.consume().query_type

        return self._retrying(plan, user_query=True)

    # -- writing ----------------------------------------------------------------------------

    def write_batch(self, batch: Batch) -> None:
        """Apply a batch in one write transaction, in its order: all of it, or none.

        Its last statement takes the write lock, which the transaction then holds while Neo4j
        applies the commit to the store; `version` waits for it (taken last, so a version read
        waits for a commit, not for the statements before it, and no deadlock can form: the
        lock's holder waits for nothing else)."""
        if not batch:
            return
        self._ensure_write_lock()
        statements = [*batch.statements(), (WRITE_LOCK, {})]
        for cypher, _ in statements:
            self.queries.record(cypher)

        def write(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(OWN_WRITES + cypher, params or {}).consume()

        with self._session(neo4j.WRITE_ACCESS) as session:
            self._call(lambda: session.execute_write(write))

    def version(self) -> str:
        """The bookmark of a transaction that only takes the write lock: one round trip, no scan.

        A bookmark names the last transaction Neo4j has closed, so it moves with every commit,
        whoever made it (an ingest, a correction, Neo4j Browser). Alone it cannot serve as a
        seqlock: Neo4j reads at read-committed isolation, applies a commit to the store record
        by record (a query running meanwhile sees part of it: "non-repeatable reads may occur")
        and closes the transaction, moving the bookmark, only after that. A reader checking the
        bookmark before and after its query could see half a write with the same bookmark on
        both sides. Readers take no locks in Neo4j, but a write transaction may take a lock a
        writer holds: so this waits until any `write_batch` in flight has closed. Then a version
        read before a query and one after it are equal only when no batch was applied meanwhile,
        and a cache keyed on the version never keeps an answer read from half a write.
        """
        self._ensure_write_lock()
        self.queries.record(WRITE_LOCK)

        # The wait for a commit is bounded like a read: a stalled writer is a QueryTimeout here.
        @neo4j.unit_of_work(timeout=self._read_timeout(None))
        def take(tx: neo4j.ManagedTransaction) -> None:
            tx.run(WRITE_LOCK).consume()

        def locked() -> str:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.execute_write(take)
                return ",".join(sorted(session.last_bookmarks().raw_values))

        return self._call(locked)

    def _ensure_write_lock(self) -> None:
        """Without its constraint, the lock's MERGE would lock nothing: make sure of it, once."""
        if not self._lock_ready:
            self._run_auto(WRITE_LOCK_SCHEMA)
            self._lock_ready = True

    def bump_version(self) -> None:
        """Nothing to do: every commit already moves the bookmark `version` reads."""

    def ensure_schema(self) -> None:
        """Uniqueness of `id` on every label, Province.code, a name full-text index, Hospital.search."""
        statements = []
        for name in LABELS:
            label = schema_identifier(name, LABELS)
            statements.append(
                f"CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            )
        statements += [
            WRITE_LOCK_SCHEMA,
            "CREATE INDEX province_code IF NOT EXISTS FOR (n:Province) ON (n.code)",
            "CREATE INDEX hospital_search IF NOT EXISTS FOR (n:Hospital) ON (n.search)",
            f"CREATE FULLTEXT INDEX name_search IF NOT EXISTS FOR (n:{'|'.join(_FULLTEXT_LABELS)}) ON EACH [n.name]",
            # New indexes fill in the background; wait, so a search right after a build sees them.
            "CALL db.awaitIndexes(120)",
        ]
        for cypher in statements:
            self._run_auto(cypher)

    def clear(self) -> None:
        """Delete everything in chunks (a big graph in one transaction would exhaust memory)."""
        # CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
        self._run_auto("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")

    def _run_auto(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        def run() -> None:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.run(cypher, params or {}).consume()

        self._retrying(run)

    # -- connection -------------------------------------------------------------------------

    def ping(self) -> None:
        """One trivial query: the server answers queries, not only the handshake."""
        self.queries.record(PING)

        def read() -> None:
            with self._session(neo4j.READ_ACCESS) as session:
                session.run(PING).consume()

        self._retrying(read)

    def close(self) -> None:
        try:
            self._driver.close()
        except Exception:  # closing a broken connection is not an error worth reporting
            pass

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the error seam ---------------------------------------------------------------------

    def _session(self, access_mode: str, **config: Any) -> neo4j.Session:
        return self._driver.session(
            database=self._database, default_access_mode=access_mode, **config
        )

    def _retrying(self, work: Callable[[], T], *, user_query: bool = False) -> T:
        """Auto-commit work is not retried by the driver: the store's retry policy does it."""
        return RETRY.run(lambda: self._call(work, user_query=user_query))

    def _call(self, work: Callable[[], T], *, user_query: bool = False) -> T:
        try:
            return work()
        except (nx.Neo4jError, nx.DriverError) as exc:
            raise self._translate(exc, user_query=user_query) from exc
        except OSError as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} is not reachable: {exc}") from exc

    def _translate(self, exc: Exception, *, user_query: bool) -> Exception:
        """Each driver error becomes the hospnet error a caller can act on (STYLE habit 2)."""
        code = getattr(exc, "code", None) or ""
        message = getattr(exc, "message", None) or str(exc)
        if isinstance(exc, nx.AuthError):
            return ConfigError(
                f"Neo4j at {self.uri} refused user {self.settings.neo4j_user!r}: {message}",
                hint="check HOSPNET_NEO4J_USER and HOSPNET_NEO4J_PASSWORD",
            )
        if isinstance(
            exc, (nx.ServiceUnavailable, nx.SessionExpired, nx.ConnectionAcquisitionTimeoutError)
        ):
            return StoreUnavailable(f"Neo4j at {self.uri} is not reachable ({message})")
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
                f"Neo4j database {self._database or '(default)'} is not available at {self.uri} ({message})"
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


class _Enough(Exception):
    """Raised inside a read transaction that has its rows, so the driver rolls it back."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__(f"{len(rows)} rows")
        self.rows = rows


_QUERY_TYPES = {
    "w": "a write",
    "rw": "a read and write",
    "s": "a schema or administration command",
    None: "nothing",
}


def _fetch_size(limit: int | None) -> int:
    """Ask the server for no more records than will be kept."""
    return 1000 if limit is None or limit <= 0 else min(limit, 1000)
