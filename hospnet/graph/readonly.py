"""The first gate of the read-only path, before a query reaches any store.

Each store adds its own check behind this one (FalkorDB: GRAPH.RO_QUERY; Neo4j: EXPLAIN's query
type, then a read transaction). This gate refuses what a store might let through or that reaches
outside the graph: LOAD CSV, procedures outside an allow-list (however the name is written:
backticks, no parentheses), CALL { } IN TRANSACTIONS, TERMINATE, and SHOW commands. A query with
a carriage return, NUL or another control or line-separator character is refused outright: the
stores end a `//` comment at characters this gate would otherwise have to agree on exactly (Neo4j
ends it at `\r` too). Parameter names must be plain identifiers, since FalkorDB writes them into
the query's `CYPHER name=value` header. A query longer than MAX_QUERY_CHARS or nested deeper than
MAX_NESTING (brackets, CASE, runs of NOT or unary signs) is refused before any store parses it: a
parser recursing a thousand levels deep answered nothing for 40 s. `check_ranges` is the embedded
store's own extra check: it refuses a `range()` with literal bounds spanning over MAX_RANGE values,
since FalkorDB allocates the whole list before its memory limit is checked (10^9 values took 16 GB;
Neo4j's range is lazy and its memory guard holds). `check_no_writes` is its other one: FalkorDB
registers the property names of a query it parses, so a CREATE it then refuses as a write still
added its names to db.propertyKeys(); a write clause is refused before that store sees it.
What a query's expressions may build (nested replace(), a growing reduce(), comprehensions over
large ranges) is sized by `query_cost.check_construction`, beside this gate on both stores.
`check_ranges` also refuses a bound it cannot size: anything but integer literals, integer
parameters and one `size(x)` or `length(x)` of a variable (the support_chains module's
`range(0, length(path) - 1)`), since `range(1, toInteger('1000000000'))` allocated just the same.

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
>>> check_user_query("MATCH (n) RETURN n // x\\rLOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: the query holds a carriage return (U+000D); write it on lines ended by a line feed only
>>> check_user_query("RETURN " + "[" * 100 + "]" * 100)
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: the query is nested 100 levels deep; at most 40 levels are allowed
>>> check_parameters({"x=1 CALL dbms.procedures() //": 1})
Traceback (most recent call last):
...
hospnet.errors.QueryParameterError: parameter name 'x=1 CALL dbms.procedures() //' is not allowed: use letters, digits and _, not starting with a digit
"""

from __future__ import annotations

import re

import unicodedata
from typing import Any, Mapping

from ..errors import QueryParameterError, QueryRejected

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
_LEXEMES = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n\r\x85\u2028\u2029]*|/\*.*?\*/""",
    re.DOTALL,
)
_NAME_PART = r"(?:`(?:[^`]|``)*`|[^\W\d][\w$]*)"
PROCEDURE_CALL = re.compile(rf"\bCALL\s*({_NAME_PART}(?:\s*\.\s*{_NAME_PART})*)", re.IGNORECASE)
_TERMINATE = re.compile(r"\bTERMINATE\s+TRANSACTIONS?\b", re.IGNORECASE)
# SHOW and TERMINATE are administration, whatever a planner calls them ("SHOW show" aside: a
# variable named show followed by AS stays a read).
_SHOW = re.compile(r"(?<![\w.$`])SHOW\s+(?!AS\b)([A-Za-z]+)", re.IGNORECASE)
_TERMINATE_ANY = re.compile(r"(?<![\w.$`])TERMINATE\b", re.IGNORECASE)
PARAMETER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_QUERY_CHARS = 20_000
MAX_NESTING = 40
MAX_RANGE = 10_000_000
# What opens and closes a level of nesting, and runs of prefix operators, each of which the
# parsers recurse into.
_NESTING = re.compile(
    r"[(\[{]|[)\]}]|\bCASE\b|\bEND\b|(?:\bNOT\b\s*){2,}|(?:[-+]\s*){2,}",
    re.IGNORECASE,
)
_RANGE_CALL = re.compile(r"(?<![\w.$`])range\s*\(", re.IGNORECASE)
# One term of a range() bound: an integer literal, a $parameter, or size()/length() of a variable
# (bounded by a list or path the query already holds), each with its sign.
_BOUND_TERM = re.compile(
    r"\s*([-+])?\s*(?:(\d+)|\$([A-Za-z_]\w*)|(?:size|length)\s*\(\s*[A-Za-z_]\w*\s*\))\s*",
    re.IGNORECASE,
)
# Tab and \n are the only control characters a query may hold.
_ALLOWED_CONTROLS = {"\t", "\n"}


def _forbidden_character(cypher: str) -> str | None:
    for char in cypher:
        if char in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char == "\ufeff":
            return char
    return None


def check_parameters(params: Mapping[str, Any] | None) -> None:
    """Raise QueryParameterError unless every name is a plain identifier and every value one a driver can send."""
    for name in params or {}:
        if not isinstance(name, str) or not PARAMETER_NAME.fullmatch(name):
            raise QueryParameterError(
                f"parameter name {name!r} is not allowed: use letters, digits and _, not starting with a digit"
            )
    for name, value in (params or {}).items():
        _check_value(name, value, depth=0)


INT64 = (-(2**63), 2**63 - 1)
MAX_PARAMETER_DEPTH = 32


def _check_value(name: str, value: Any, depth: int) -> None:
    """A parameter value a driver can send: 64-bit integers, valid Unicode without NUL, bounded nesting."""
    if depth > MAX_PARAMETER_DEPTH:
        raise QueryParameterError(
            f"parameter {name!r} is nested over {MAX_PARAMETER_DEPTH} levels deep"
        )
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return
    if isinstance(value, int):
        if not INT64[0] <= value <= INT64[1]:
            raise QueryParameterError(f"parameter {name!r} holds an integer beyond 64 bits")
    elif isinstance(value, str):
        if "\x00" in value:
            raise QueryParameterError(f"parameter {name!r} holds a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise QueryParameterError(
                f"parameter {name!r} is not valid Unicode (a lone surrogate)"
            ) from None
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_value(name, item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key:
                raise QueryParameterError(f"parameter {name!r} holds a map with an empty key")
            _check_value(name, key, depth + 1)
            _check_value(name, item, depth + 1)


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
    bad = _forbidden_character(cypher)
    if bad is not None:
        what = {"\r": "a carriage return", "\x00": "a NUL character"}.get(
            bad, f"the control character {unicodedata.name(bad, 'without a name')}"
        )
        raise QueryRejected(
            f"the query holds {what} (U+{ord(bad):04X}); write it on lines ended by a line feed only"
        )
    if len(cypher) > MAX_QUERY_CHARS:
        raise QueryRejected(
            f"the query is {len(cypher):,} characters long; at most {MAX_QUERY_CHARS:,} are allowed"
        )
    code = code_only(cypher)
    depth = nesting(code)
    if depth > MAX_NESTING:
        raise QueryRejected(
            f"the query is nested {depth} levels deep; at most {MAX_NESTING} levels are allowed"
        )
    if re.search(r"\bLOAD\s+CSV\b", code, re.IGNORECASE):
        raise QueryRejected("LOAD CSV is not allowed on the read-only path")
    if re.search(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", code, re.IGNORECASE):
        raise QueryRejected("CALL { } IN TRANSACTIONS is not allowed on the read-only path")
    for name in procedures(code):
        if name.lower() not in ALLOWED_PROCEDURES:
            raise QueryRejected(f"procedure {name} is not allowed on the read-only path")
    if _TERMINATE.search(code) or _TERMINATE_ANY.search(code):
        raise QueryRejected("TERMINATE TRANSACTIONS is not allowed on the read-only path")
    shown = _SHOW.search(code)
    if shown:
        raise QueryRejected(f"SHOW {shown.group(1).upper()} is not allowed on the read-only path")


def nesting(code: str) -> int:
    """How deep the query's expressions nest (strings and comments already removed).

    >>> nesting("RETURN [1, (2 + 3)], NOT NOT NOT true, CASE WHEN x THEN {a: (1)} END")
    3
    """
    depth = deepest = 0
    for match in _NESTING.finditer(code):
        token = match.group(0).strip().upper()
        if token in ("(", "[", "{", "CASE"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (")", "]", "}", "END"):
            depth = max(depth - 1, 0)
        else:  # a run of NOT or of signs: each one a level the parser descends
            run = len(re.findall(r"NOT|[-+]", token))
            deepest = max(deepest, depth + run)
    return deepest


_WRITE_CLAUSE = re.compile(
    r"(?<![\w.$`:])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH)\b", re.IGNORECASE
)


def check_no_writes(cypher: str) -> None:
    """Raise QueryRejected for a write clause, strings and comments aside.

    >>> check_no_writes("MATCH (n:Hospital) RETURN n.name AS name // CREATE nothing, 'SET' either")
    >>> check_no_writes("MATCH (n) SET n.x = 1")
    Traceback (most recent call last):
    ...
    hospnet.errors.QueryRejected: query refused: it writes to the graph (SET is a write clause)
    """
    found = _WRITE_CLAUSE.search(code_only(cypher))
    if found:
        raise QueryRejected(
            f"query refused: it writes to the graph ({found.group(1).upper()} is a write clause)"
        )


def check_ranges(cypher: str, params: Mapping[str, Any] | None = None) -> None:
    """Raise QueryRejected for a range() over MAX_RANGE values, or one whose bounds it cannot size.

    >>> check_ranges("RETURN count(range(1, 1000000000))")
    Traceback (most recent call last):
    ...
    hospnet.errors.QueryRejected: range(1, 1000000000) builds 1,000,000,000 values; at most 10,000,000 are allowed
    >>> check_ranges("MATCH p = ()-[*1..4]-() RETURN all(i IN range(0, length(p) - 1) WHERE i >= 0)")
    >>> check_ranges("RETURN range(1, $n)", {"n": 30})
    >>> check_ranges("RETURN size(range(1, toInteger('1000000000')))")
    Traceback (most recent call last):
    ...
    hospnet.errors.QueryRejected: range(1, toInteger('…')) has a bound the gate cannot size; write each bound as an integer, a $parameter or size(x)/length(x) of a variable
    """
    code = code_only(cypher)
    for call in _RANGE_CALL.finditer(code):
        arguments, end = _arguments(code, call.end())
        text = code[call.start() : end].replace("''", "'…'")  # strings were blanked
        bounds = [_bound(argument, params or {}) for argument in arguments]
        if len(arguments) not in (2, 3) or any(bound is None for bound in bounds):
            raise QueryRejected(
                f"{text} has a bound the gate cannot size; write each bound as an integer, "
                "a $parameter or size(x)/length(x) of a variable"
            )
        (start, start_sized), (stop, stop_sized) = bounds[0], bounds[1]  # type: ignore[misc]
        step, step_sized = bounds[2] if len(bounds) == 3 else (1, False)  # type: ignore[misc]
        if step_sized or step == 0:
            raise QueryRejected(f"{text} needs a step that is a non-zero integer")
        if start_sized or stop_sized:
            # A list's or a path's size, moved by at most MAX_RANGE: as long as what it measures.
            values = abs(start) + abs(stop)
        else:
            values = max(0, (stop - start) // step + 1)
        if values > MAX_RANGE:
            raise QueryRejected(
                f"{text} builds {values:,} values; at most {MAX_RANGE:,} are allowed"
            )


def _arguments(code: str, at: int) -> tuple[list[str], int]:
    """The top-level comma-separated arguments of the call whose `(` ends before `at`, and where the call ends."""
    depth, arguments, begun = 0, [], at
    for index in range(at, len(code)):
        char = code[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                arguments.append(code[begun:index])
                return arguments, index + 1
            depth -= 1
        elif char == "," and depth == 0:
            arguments.append(code[begun:index])
            begun = index + 1
    return [], len(code)  # unclosed: the store's parser refuses it


def _bound(argument: str, params: Mapping[str, Any]) -> tuple[int, bool] | None:
    """The sum of a bound's literal and parameter terms, and whether it holds a size(); None: unsizable."""
    total, sized, position = 0, False, 0
    while position < len(argument):
        term = _BOUND_TERM.match(argument, position)
        if term is None or term.end() == position or (position and term.group(1) is None):
            return None
        sign = -1 if term.group(1) == "-" else 1
        if term.group(2) is not None:
            total += sign * int(term.group(2))
        elif term.group(3) is not None:
            value = params.get(term.group(3))
            if isinstance(value, bool) or not isinstance(value, int):
                return None
            total += sign * value
        elif sized:
            return None  # two sizes could add up to any multiple of what they measure
        else:
            sized = True
        position = term.end()
    return (total, sized) if position else None
