"""The Cypher text FalkorDB is sent: values in its parameter header, a batch as one query, a row
limit inside a user's read, and the columns back in the order the query named them.

Apart from the store because they are functions of text alone: each has a doctest, none a server.
"""

from __future__ import annotations

import math
import re
from typing import Any, Sequence

from ..errors import QueryParameterError, QueryRejected, StoreError
from .base import Statement
from .readonly import check_parameters, code_only


def cypher_literal(value: Any) -> str:
    """A value as FalkorDB's CYPHER parameter header wants it; strings escaped, never spliced into a query.

    >>> cypher_literal({"a": ['x"y', True, None]})
    '{`a`:["x\\\\"y",true,null]}'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        if "\x00" in value:  # FalkorDB reads the query as a C string: a NUL would cut it short
            raise QueryParameterError(
                "a parameter value holds a NUL character, which the embedded store cannot take"
            )
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float):
        return "null" if math.isnan(value) or math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            key = str(key)
            if not key or "`" in key:
                raise StoreError(f"property name {key!r} cannot be stored")
            parts.append(f"`{key}`:{cypher_literal(item)}")
        return "{" + ",".join(parts) + "}"
    return cypher_literal(str(value))


def with_params(cypher: str, params: dict[str, Any] | None) -> str:
    """The query with its parameters in FalkorDB's header; names are checked, since the header holds them as written."""
    if not params:
        return cypher
    check_parameters(params)
    header = " ".join(f"{name}={cypher_literal(value)}" for name, value in params.items())
    return f"CYPHER {header} {cypher}"


_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def chain(statements: Sequence[Statement]) -> Statement:
    """Several of hospnet's own write statements as one query, so that FalkorDB runs them atomically.

    Each part's parameters are renamed `$p<i>_<name>`, so parts never read each other's values, and
    `WITH count(*)` closes one part before the next starts: it yields a row even when a part
    matched nothing, so every part runs. Only trusted statements come here (they hold no `$` in a
    string literal); user Cypher goes through `read`, never through a batch.

    >>> chain([("UNWIND $rows AS r MERGE (n:A {id: r.id})", {"rows": [1]}),
    ...        ("MERGE (n:B {id: $id})", {"id": 2})])
    ('UNWIND $p0_rows AS r MERGE (n:A {id: r.id}) WITH count(*) AS part0 MERGE (n:B {id: $p1_id})', {'p0_rows': [1], 'p1_id': 2})
    """
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, (cypher, statement_params) in enumerate(statements):
        if parts:
            parts.append(f"WITH count(*) AS part{i - 1}")
        parts.append(_PARAMETER.sub(f"$p{i}_\\1", cypher))
        params.update({f"p{i}_{name}": value for name, value in (statement_params or {}).items()})
    return " ".join(parts), params


_STANDALONE_CALL = re.compile(
    r"\s*CALL\s+[\w.`]+\s*(?:\([^(){}]*\))?(?:\s+YIELD\s+[\w\s,`]+)?\s*", re.IGNORECASE
)


def takes_limit(cypher: str) -> bool:
    """Whether `limited` can wrap the query: a lone procedure call has no RETURN to put a LIMIT
    after, and what it lists is bounded by the schema.

    >>> takes_limit("CALL db.labels() YIELD label"), takes_limit("MATCH (n) RETURN n")
    (False, True)
    """
    return not _STANDALONE_CALL.fullmatch(code_only(cypher))


def limited(cypher: str, limit: int) -> str:
    """User Cypher with the row limit inside it, so the store stops at `limit` rows instead of
    sending every row to be cut here (7 million rows once took the API process to 4.8 GB).

    >>> limited("MATCH (n) RETURN n.id // a comment", 3)
    'CALL { MATCH (n) RETURN n.id // a comment\\n} RETURN * LIMIT 3'
    """
    code = code_only(cypher)
    if "/*" in code or not _balanced(code):
        raise QueryRejected("the query has an unclosed comment or unbalanced brackets")
    return f"CALL {{ {cypher}\n}} RETURN * LIMIT {int(limit)}"


def _balanced(code: str) -> bool:
    depth = 0
    for char in code:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def in_query_order(header: list[str], cypher: str) -> list[str]:
    """The columns in the order the query's last RETURN names them: `RETURN *` sorts them by name.

    >>> in_query_order(["a.id", "name"], "MATCH (a) WITH a, a.name AS name RETURN name, a.id")
    ['name', 'a.id']
    """
    code = code_only(cypher)
    returns = list(re.finditer(r"\bRETURN\b", code, re.IGNORECASE))
    tail = code[returns[-1].end() :] if returns else code

    def position(column: str) -> int:
        name = re.escape(column)
        for pattern in (rf"\bAS\s+`?{name}`?(?![\w`])", rf"(?<![\w.`]){name}(?![\w`])"):
            found = re.search(pattern, tail, re.IGNORECASE)
            if found:
                return found.start()
        return len(tail)

    return sorted(header, key=position)
