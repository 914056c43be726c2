"""What Neo4j hands back to a read, in hospnet's terms, and the planner's verdict on user Cypher.

A user query is refused (QueryRejected) at the first of three gates it fails:
  1. text: `readonly.check_user_query` (LOAD CSV, IN TRANSACTIONS, procedures outside the allow-list
     however written, TERMINATE and SHOW, which EXPLAIN may call read-only, and control characters)
     and `query_cost.check_construction` (what one row's expressions may build);
  2. `EXPLAIN <query>`: the planner's query type must be 'r' (`ReadGate` here);
  3. the query runs in a READ transaction, so the server itself refuses any write that slipped by.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

import neo4j.graph
import neo4j.spatial
import neo4j.time

from ..errors import QueryRejected
from .base import Row
from .query_cost import check_construction
from .readonly import check_parameters, check_user_query, code_only, procedures

_VERDICTS_KEPT = 2048  # distinct query texts whose read/write verdict is remembered
_ADMIN_VERB = re.compile(
    r"\b(CREATE|DROP|ALTER|GRANT|DENY|REVOKE|SHOW|START|STOP|RENAME|ENABLE|DISABLE|TERMINATE|DEALLOCATE|REALLOCATE)\b",
    re.IGNORECASE,
)
_QUERY_TYPES = {
    "w": "a write",
    "rw": "a read and write",
    "s": "a schema or administration command",
    None: "nothing",
}

# The planner's verdict without running anything: 'r', 'w', 'rw' or 's' (schema).
Explain = Callable[[str, dict[str, Any], float], str | None]


class ReadGate:
    """Gates 1 and 2 for one store; the planner's verdict is kept per query text.

    The verdict depends on the text, never on the parameters, so the API's own queries pay for
    EXPLAIN once instead of on every request.
    """

    def __init__(self, explain: Explain) -> None:
        self._explain = explain
        self.verdicts: dict[str, str | None] = {}

    def check(self, cypher: str, params: dict[str, Any], timeout: float) -> None:
        """Refuse unless the names and text pass the lexical gate and the planner types it as a read."""
        check_parameters(params)
        check_user_query(cypher)
        check_construction(cypher, params)
        query_type = self.verdicts.get(cypher)
        if query_type is None:
            query_type = self._explain(cypher, params, timeout)
            if len(self.verdicts) < _VERDICTS_KEPT:
                self.verdicts[cypher] = query_type
        if query_type != "r" and not (query_type == "s" and _is_dbms_read(cypher)):
            raise QueryRejected(
                f"only read-only queries are accepted here; Neo4j plans this one as {_QUERY_TYPES.get(query_type, query_type)}"
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


def plain_row(record: neo4j.Record) -> Row:
    return {key: plain(value) for key, value in record.items()}  # type: ignore[no-untyped-call]


class Enough(Exception):
    """Raised inside a read transaction that has its rows, so the driver rolls it back."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__(f"{len(rows)} rows")
        self.rows = rows


def fetch_size(limit: int | None) -> int:
    """Ask the server for no more records than will be kept."""
    return 1000 if limit is None or limit <= 0 else min(limit, 1000)
