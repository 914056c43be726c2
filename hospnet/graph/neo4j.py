"""The real store: Neo4j over Bolt with the official driver; user Cypher passes three read-only gates.

The gates are in neo4j_read (the text, the planner's verdict, a READ transaction); driver errors
become hospnet errors in neo4j_errors.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Sequence, TypeVar

import neo4j
import neo4j.exceptions as nx

from ..errors import ConfigError, StoreUnavailable
from ..model import LABELS
from ..settings import Settings
from .base import Batch, QueryLog, Row, Statement, schema_identifier
from .neo4j_errors import translate
from .neo4j_read import Enough, ReadGate, fetch_size, plain_row
from .retry import DEFAULT as RETRY

T = TypeVar("T")

_SCHEMES = ("bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc", "neo4j+ssc")
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
# What `last_version` runs: any read returns the bookmark of the last closed transaction.
LAST_VERSION = "RETURN 1"


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
        self._gate = ReadGate(self._explain)
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
        self._gate.check(cypher, params, timeout)
        # The planning above counts against the query's time limit.
        timeout = max(timeout - (time.monotonic() - began), 0.001)

        @neo4j.unit_of_work(timeout=timeout)
        def fetch(tx: neo4j.ManagedTransaction) -> list[Row]:
            rows: list[Row] = []
            if limit is not None and limit <= 0:
                return rows
            try:
                for record in tx.run(cypher, params):
                    rows.append(plain_row(record))
                    if limit is not None and len(rows) >= limit:
                        # Rolling back ends the query at once; a commit would first have the
                        # server produce every remaining row, to be discarded.
                        raise Enough(rows)
            except nx.TransientError as exc:
                if "OutOfMemory" in (exc.code or ""):  # not retried: it would run out again
                    raise self._translate(exc, user_query=True) from exc
                raise
            return rows

        with self._session(neo4j.READ_ACCESS, fetch_size=fetch_size(limit)) as session:
            try:
                return self._call(lambda: session.execute_read(fetch), user_query=True)
            except Enough as enough:
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
            self._gate.check(cypher, params, timeout)

        @neo4j.unit_of_work(timeout=timeout)
        def fetch(tx: neo4j.ManagedTransaction) -> list[list[Row]]:
            return [
                [plain_row(record) for record in tx.run(cypher, params)]
                for cypher, params in queries
            ]

        with self._session(neo4j.READ_ACCESS) as session:
            return self._call(lambda: session.execute_read(fetch), user_query=True)

    def _read_timeout(self, timeout: float | None) -> float:
        timeout = self.settings.query_timeout if timeout is None else timeout
        return max(timeout, 0.001)  # Neo4j reads a timeout of 0 as "no limit"

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
        return self._bookmark_after(neo4j.WRITE_ACCESS, WRITE_LOCK)

    def last_version(self) -> str:
        """The bookmark a read-only round trip sees: the last closed transaction, with no lock (a
        third of the write-lock round trip's cost); a cache hit serves that version's answer."""
        return self._bookmark_after(neo4j.READ_ACCESS, LAST_VERSION)

    def _bookmark_after(self, access: str, cypher: str) -> str:
        """The bookmark one statement leaves. Auto-commit: one round trip (a managed transaction
        costs three: begin, run, commit), bounded like a read: a stalled writer is a QueryTimeout."""
        self.queries.record(cypher)
        query = neo4j.Query(cypher, timeout=self._read_timeout(None))

        def run() -> str:
            with self._session(access) as session:
                session.run(query).consume()
                return ",".join(sorted(session.last_bookmarks().raw_values))

        return self._retrying(run)

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
        """Delete everything in chunks: relationships first, then the bare nodes.

        A big graph in one transaction would exhaust memory, and so would a chunk of nodes that
        DETACH DELETE takes with all their relationships: 5,000 nodes of a 10,000-document graph
        (73,000 relationships, documents with hundreds of mentions) broke the server's
        128 MB-per-transaction limit. A chunk of relationships or of bare nodes has a fixed size."""
        # CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
        self._run_auto("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS")
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
        return translate(
            exc,
            uri=self.uri,
            user=self.settings.neo4j_user,
            database=self._database,
            user_query=user_query,
        )
