"""The first gate of the read-only path, before a query reaches any store.

Each store adds its own check behind this one (FalkorDB: GRAPH.RO_QUERY; Neo4j: EXPLAIN's query
type, then a read transaction). This gate refuses what a store might let through or that reaches
outside the graph: LOAD CSV, procedures outside an allow-list, CALL { } IN TRANSACTIONS.

>>> check_user_query("MATCH (n) RETURN n // CREATE in a comment is fine")
>>> check_user_query("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: LOAD CSV is not allowed on the read-only path
"""

from __future__ import annotations

import re

from ..errors import QueryRejected

ALLOWED_PROCEDURES = {
    "db.labels",
    "db.relationshiptypes",
    "db.propertykeys",
    "db.indexes",
    "db.schema.visualization",
    "db.index.fulltext.querynodes",
    "db.idx.fulltext.querynodes",
    "dbms.components",
}

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_PROCEDURE = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*\(", re.IGNORECASE)


def _code_only(cypher: str) -> str:
    """The query with comments and literals blanked, so keywords inside strings do not count."""
    return _COMMENTS.sub(" ", _STRINGS.sub("''", cypher))


def check_user_query(cypher: str) -> None:
    """Raise QueryRejected for what the read-only path never runs."""
    if not cypher or not cypher.strip():
        raise QueryRejected("empty query")
    code = _code_only(cypher)
    if re.search(r"\bLOAD\s+CSV\b", code, re.IGNORECASE):
        raise QueryRejected("LOAD CSV is not allowed on the read-only path")
    if re.search(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", code, re.IGNORECASE):
        raise QueryRejected("CALL { } IN TRANSACTIONS is not allowed on the read-only path")
    for name in _PROCEDURE.findall(code):
        if name.lower() not in ALLOWED_PROCEDURES:
            raise QueryRejected(f"procedure {name} is not allowed on the read-only path (allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})")
