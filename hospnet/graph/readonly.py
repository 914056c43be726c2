"""The first gate of the read-only path, before a query reaches any store.

Each store adds its own check behind this one (FalkorDB: GRAPH.RO_QUERY; Neo4j: EXPLAIN's query
type, then a read transaction). This gate refuses what a store might let through or that reaches
outside the graph: LOAD CSV, procedures outside an allow-list (however the name is written:
backticks, no parentheses), CALL { } IN TRANSACTIONS, TERMINATE TRANSACTIONS, and SHOW of
transactions or settings.

>>> check_user_query("CALL db.labels() YIELD label RETURN label // it's fine, CREATE in a comment")
>>> check_user_query("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: LOAD CSV is not allowed on the read-only path
>>> check_user_query("CALL `db`.`createLabel`('X')")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: procedure db.createLabel is not allowed on the read-only path
>>> check_user_query("MATCH (n) RETURN n // it's\\n CALL db.clearQueryCaches //'")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: procedure db.clearQueryCaches is not allowed on the read-only path
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

# One pass, so a quote inside a comment or a `//` inside a string cannot hide what follows.
_LEXEMES = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n]*|/\*.*?\*/""", re.DOTALL)
_NAME_PART = r"(?:`(?:[^`]|``)*`|[^\W\d][\w$]*)"
PROCEDURE_CALL = re.compile(rf"\bCALL\s*({_NAME_PART}(?:\s*\.\s*{_NAME_PART})*)", re.IGNORECASE)
_TERMINATE = re.compile(r"\bTERMINATE\s+TRANSACTIONS?\b", re.IGNORECASE)
_SHOW_PRIVATE = re.compile(r"\bSHOW\s+(?:\w+\s+)*?(TRANSACTIONS?|SETTINGS?)\b", re.IGNORECASE)


def code_only(cypher: str) -> str:
    """Strings blanked and comments removed; backticked names kept, since they can name procedures."""

    def keep_names(match: re.Match[str]) -> str:
        text = match.group(0)
        if text[0] == "`":
            return text
        return "''" if text[0] in "'\"" else " "

    return _LEXEMES.sub(keep_names, cypher)


def procedures(code: str) -> list[str]:
    """Names of the procedures a query calls, backticks and spaces removed."""
    return [re.sub(r"\s+", "", name).replace("`", "") for name in PROCEDURE_CALL.findall(code)]


def check_user_query(cypher: str) -> None:
    """Raise QueryRejected for what the read-only path never runs."""
    if not cypher or not cypher.strip():
        raise QueryRejected("empty query")
    code = code_only(cypher)
    if re.search(r"\bLOAD\s+CSV\b", code, re.IGNORECASE):
        raise QueryRejected("LOAD CSV is not allowed on the read-only path")
    if re.search(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", code, re.IGNORECASE):
        raise QueryRejected("CALL { } IN TRANSACTIONS is not allowed on the read-only path")
    for name in procedures(code):
        if name.lower() not in ALLOWED_PROCEDURES:
            raise QueryRejected(f"procedure {name} is not allowed on the read-only path")
    if _TERMINATE.search(code):
        raise QueryRejected("TERMINATE TRANSACTIONS is not allowed on the read-only path")
    shown = _SHOW_PRIVATE.search(code)
    if shown:
        raise QueryRejected(f"SHOW {shown.group(1).upper()} is not allowed on the read-only path")
