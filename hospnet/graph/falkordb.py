"""The embedded default store: FalkorDB over a unix socket; user reads go through GRAPH.RO_QUERY."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node as FNode
from falkordb.path import Path as FPath
from falkordb.query_result import QueryResult
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..errors import (
    DataFolderError,
    QueryRejected,
    QueryTimeout,
    QueryTooLarge,
    StoreError,
    StoreUnavailable,
    TransientStoreError,
)
from ..model import LABELS
from ..settings import Settings
from . import falkordb_server
from .base import Batch, QueryLog, Row, Statement, schema_identifier
from .falkordb_cypher import chain, in_query_order, limited, takes_limit, with_params
from .query_cost import check_construction
from .readonly import check_no_writes, check_parameters, check_ranges, check_user_query


def plain(value: Any) -> Any:
    """Driver objects to JSON-able values, the same shape the Neo4j backend returns."""
    if isinstance(value, FNode):
        return {**{k: plain(v) for k, v in value.properties.items()}, "_labels": list(value.labels)}
    if isinstance(value, Edge):
        return {**{k: plain(v) for k, v in value.properties.items()}, "_type": value.relation}
    if isinstance(value, FPath):
        return [plain(n) for n in value.nodes()]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def _translate(
    exc: Exception, *, waited: float | None = None, folder: Path | None = None
) -> Exception:
    """A driver error as hospnet's; `waited` is the socket timeout of a read, when it ran out;
    `folder` the server's folder, named when the server cannot write to it."""
    text = str(exc)
    if (
        "MISCONF" in text
    ):  # the append-only file or a snapshot cannot be written (also as EXECABORT)
        where = f"its folder {folder}" if folder else "its folder"
        reason = text[text.index("MISCONF") :]  # not the command the pipeline names before it
        return DataFolderError(f"the embedded store cannot write to {where}: {reason}")
    if isinstance(exc, redis.TimeoutError) and waited is not None and "connect" not in text:
        return QueryTimeout(f"the embedded store gave no answer within {waited:.0f}s")
    if isinstance(exc, (redis.ConnectionError, redis.TimeoutError, ConnectionError, OSError)):
        return StoreUnavailable(f"embedded FalkorDB is not reachable: {text}")
    if "timed out" in text.lower() or "timeout" in text.lower():
        return QueryTimeout(f"query ran over its time limit: {text}")
    if "mem consumption exceeded capacity" in text:
        return QueryTooLarge(f"the query needed more memory than a query may take ({text})")
    if "Max pending queries exceeded" in text:
        return TransientStoreError(f"the embedded store has too many queries waiting ({text})")
    if "read-only" in text or "RO_QUERY" in text:
        return QueryRejected(f"query refused: it writes to the graph ({text})")
    if "LOADING" in text or "BUSY" in text:
        return TransientStoreError(text)
    return StoreError(f"FalkorDB error: {text}")


def _rows(result: Any, limit: int | None, order_of: str | None = None) -> list[Row]:
    header = [str(h[1] if isinstance(h, (list, tuple)) else h) for h in result.header]
    rows = result.result_set if limit is None else result.result_set[:limit]
    records = [{col: plain(val) for col, val in zip(header, row)} for row in rows]
    if order_of is None:
        return records
    columns = in_query_order(header, order_of)
    return [{col: record[col] for col in columns} for record in records]


# Beyond a read's own time limit, how long the store may take to say it stopped the query.
SOCKET_GRACE = 2.0
# hospnet's own writes and schema changes: batches of a few hundred rows, never minutes.
WRITE_SOCKET_TIMEOUT = 300.0


class FalkorDBStore:
    """GraphStore on the embedded FalkorDB; starts the server when none is running.

    Every socket has a timeout, so a request never hangs on a server that stopped answering, and a
    connection the server dropped is opened again once, at once (no backoff), so the first request
    after a restart is answered. With `supervise` (a long-running process: the API) the server is
    started again when it dies; meanwhile every call raises StoreUnavailable at once.
    """

    name = "falkordb"

    def __init__(self, settings: Settings, *, supervise: bool = False) -> None:
        self.settings = settings
        self._folder = falkordb_server.server_dir(settings.data_dir)
        self._socket = falkordb_server.start(settings.data_dir)
        self._clients: dict[float, FalkorDB] = {}
        self._db = self._client(WRITE_SOCKET_TIMEOUT)
        self._graph = self._db.select_graph(settings.graph_name)
        self._conn = self._db.connection
        # The graph version lives in a key beside the graph: bumped in the MULTI of every write.
        self._version_key = f"hospnet:version:{settings.graph_name}"
        self.queries = QueryLog()
        self._supervisor = falkordb_server.Supervisor(settings.data_dir) if supervise else None

    def _client(self, socket_timeout: float) -> FalkorDB:
        """A client whose sockets give up after `socket_timeout` seconds (one per timeout, kept)."""
        client = self._clients.get(socket_timeout)
        if client is None:
            try:  # the client connects eagerly
                client = FalkorDB(
                    unix_socket_path=str(self._socket),
                    socket_connect_timeout=falkordb_server.PING_TIMEOUT,
                    socket_timeout=socket_timeout,
                    retry=Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,)),
                )
            except Exception as exc:
                raise _translate(exc, folder=self._folder) from exc
            self._clients[socket_timeout] = client
        return client

    def _reader(self, timeout: float) -> tuple[FalkorDB, Any, float]:
        """The client and graph handle for a read of `timeout` seconds, and their socket timeout."""
        waited = timeout + SOCKET_GRACE
        client = self._client(waited)
        return client, client.select_graph(self.settings.graph_name), waited

    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        limit: int | None = None,
    ) -> list[Row]:
        check_user_query(cypher)
        check_no_writes(cypher)
        check_ranges(cypher, params)
        check_construction(cypher, params)
        self.queries.record(cypher)
        timeout = self.settings.query_timeout if timeout is None else timeout
        check_parameters(params)
        wrapped = limit is not None and takes_limit(cypher)
        text = limited(cypher, limit) if wrapped and limit is not None else cypher
        text = with_params(text, params)  # a parameter it cannot take is refused before the store
        _, graph, waited = self._reader(timeout)
        try:
            result = self._ro_query(graph, text, timeout)
        except redis.ResponseError as exc:
            if "empty key" not in str(exc):
                raise self._explained(exc, cypher, params, wrapped) from exc
            # A graph nothing was written to has no key yet; create it (empty, indexed) and ask
            # again, so `count(n)` says 0 instead of the query giving no row at all.
            self.ensure_schema()
            try:
                result = self._ro_query(graph, text, timeout)
            except Exception as again:
                raise self._explained(again, cypher, params, wrapped, waited) from again
        except Exception as exc:
            raise self._explained(exc, cypher, params, wrapped, waited) from exc
        return _rows(result, limit, order_of=cypher if wrapped else None)

    def _explained(
        self,
        exc: Exception,
        cypher: str,
        params: dict[str, Any] | None,
        wrapped: bool,
        waited: float | None = None,
    ) -> Exception:
        """The error to show for a read: for a wrapped user query the store refused, the user's own
        query's error, or one line saying it needs a RETURN the row limit can follow."""
        error = _translate(exc, waited=waited, folder=self._folder)
        if type(error) is not StoreError or not wrapped:
            return error
        try:
            self._graph.explain(with_params(cypher, params))
        except Exception as own:
            return _translate(own, folder=self._folder)
        return QueryRejected(
            "on the embedded store a read must end with RETURN (the row limit follows it)",
            hint="end the query with RETURN …",
        )

    def read_many(
        self, queries: Sequence[Statement], *, timeout: float | None = None
    ) -> list[list[Row]]:
        """All queries sent in one round trip (a pipeline) and run one after the other by the
        server; an error in any of them falls back to one read each, which says which failed."""
        timeout = self.settings.query_timeout if timeout is None else timeout
        texts = []
        for cypher, params in queries:
            check_user_query(cypher)
            self.queries.record(cypher)
            texts.append(with_params(cypher, params))
        client, graph, _ = self._reader(timeout)
        pipe = client.connection.pipeline(transaction=False)
        for text in texts:
            pipe.execute_command(
                "GRAPH.RO_QUERY",
                self.settings.graph_name,
                text,
                "--compact",
                "timeout",
                max(1, int(timeout * 1000)),
            )
        try:
            replies = pipe.execute(raise_on_error=False)
            if not any(isinstance(reply, Exception) for reply in replies):
                return [_rows(QueryResult(graph, reply), None) for reply in replies]
        except Exception:  # noqa: S110 - answered below, one query at a time, with the error translated
            pass
        return [self.read(cypher, params, timeout=timeout) for cypher, params in queries]

    @staticmethod
    def _ro_query(graph: Any, cypher: str, timeout: float) -> Any:
        return graph.ro_query(cypher, None, timeout=max(1, int(timeout * 1000)))

    def write_batch(self, batch: Batch) -> None:
        """Apply a batch so that it commits, fails and becomes visible as one.

        Redis MULTI/EXEC is not enough: it has no rollback (a failing command leaves the others
        applied, so a Document node could be stored beside a failed statement of its facts) and
        readers run between its commands (a reader could see a Document node before its
        MENTIONED_IN). One GRAPH.QUERY is atomic on both counts, so the batch is chained into one
        query, whatever its statements say. Transient faults are retried by the caller's policy.
        """
        if not batch:
            return
        cypher, params = chain(batch.statements())
        self.queries.record(cypher)
        pipe = self._conn.pipeline(
            transaction=True
        )  # no reader runs between the write and the bump
        pipe.execute_command(
            "GRAPH.QUERY", self.settings.graph_name, with_params(cypher, params), "--compact"
        )
        pipe.incr(self._version_key)
        try:
            replies = pipe.execute(raise_on_error=False)
        except Exception as exc:
            raise _translate(exc, folder=self._folder) from exc
        if isinstance(replies[0], Exception):
            raise _translate(replies[0], folder=self._folder) from replies[0]

    def version(self) -> str:
        self.queries.record("GET graph version")
        try:
            # read before every cached answer: a stalled server must not hold a request long
            value = self._client(falkordb_server.PING_TIMEOUT).connection.get(self._version_key)
        except Exception as exc:
            raise _translate(exc, folder=self._folder) from exc
        return "falkordb:" + (value.decode() if isinstance(value, bytes) else str(value or 0))

    def last_version(self) -> str:
        """The same counter: a batch and its bump are one MULTI, no reader sees one without the other."""
        return self.version()

    def bump_version(self) -> None:
        try:
            self._conn.incr(self._version_key)
        except Exception as exc:
            raise _translate(exc, folder=self._folder) from exc

    def ensure_schema(self) -> None:
        statements = [
            f"CREATE INDEX FOR (n:{schema_identifier(label, LABELS)}) ON (n.id)" for label in LABELS
        ]
        statements.append("CREATE INDEX FOR (n:Province) ON (n.code)")
        for cypher in statements:
            try:
                self._graph.query(cypher)
            except redis.ResponseError as exc:
                if "already" not in str(exc).lower():
                    raise _translate(exc, folder=self._folder) from exc
            except Exception as exc:
                raise _translate(exc, folder=self._folder) from exc

    def clear(self) -> None:
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no such graph yet
        except Exception as exc:
            raise _translate(exc, folder=self._folder) from exc
        self.bump_version()

    def ping(self) -> None:
        self.queries.record("PING")
        try:
            self._client(falkordb_server.PING_TIMEOUT).connection.ping()
        except Exception as exc:
            raise _translate(exc, folder=self._folder) from exc

    def close(self) -> None:
        if self._supervisor is not None:
            self._supervisor.stop()
        for client in self._clients.values():
            try:
                client.connection.close()
            except Exception:  # noqa: S110 - closing a dead connection is not an error worth reporting
                pass
