"""Upper bounds of Cypher values (their kind, length and elements) and of what functions return.

query_cost.py reads a query's expressions; this module knows what each kind of value and each
function can weigh, so a new growing function is one entry in `sized_call`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

UNKNOWN_LENGTH = 1_000  # elements of a list read from the graph (collect(), nodes(p), a property)
UNKNOWN_BYTES = 100  # one value read from the graph
SLOT = 16  # bytes of one value in a list, or of a number

# Functions whose result can be longer than all their arguments together are sized by rule
# (sized_call); these return a string about as long as their first argument.
SAME_LENGTH = {
    "toupper", "tolower", "upper", "lower", "trim", "ltrim", "rtrim", "btrim", "reverse",
    "normalize", "substring", "left", "right", "tostring", "tostringornull",
}  # fmt: skip
# What these return the row already holds (a path's nodes, a node's labels, collected rows, which
# the stores count themselves) or, for range(), what Neo4j yields lazily (FalkorDB: check_ranges).
HELD = {"range", "collect", "nodes", "relationships", "labels", "keys", "properties", "type"}
NUMERIC = {
    "count", "sum", "avg", "min", "max", "size", "length", "id", "elementid", "tointeger",
    "tofloat", "toboolean", "abs", "ceil", "floor", "round", "sign", "rand", "exists", "isempty",
    "timestamp", "stdev", "stdevp", "percentilecont", "percentiledisc", "char_length",
    "character_length", "log", "log10", "exp", "sqrt", "e", "pi",
}  # fmt: skip


@dataclass(frozen=True)
class Val:
    """An upper bound of a value: its kind, its length (characters, elements) and its elements'."""

    kind: str  # num, str, list, any
    length: float = 1
    elem: "Val | None" = None
    number: float | None = None  # a number's largest magnitude, when the gate can tell

    @property
    def bytes(self) -> float:
        if self.kind == "str":
            return SLOT + self.length
        if self.kind == "list":
            return SLOT + self.length * (self.elem or ANY).bytes
        if self.kind == "any":
            return UNKNOWN_BYTES
        return SLOT

    def item(self) -> "Val":
        if self.kind == "list" and self.elem is not None:
            return self.elem
        return ANY

    def count(self) -> float:
        """How many elements iterating over this value visits."""
        return self.length if self.kind in ("list", "str") else UNKNOWN_LENGTH


ANY = Val("any", UNKNOWN_LENGTH)
NUM = Val("num")


def of_parameter(value: Any) -> Val:
    if isinstance(value, str):
        return Val("str", len(value))
    if isinstance(value, (list, tuple)):
        items = [of_parameter(item) for item in value]
        return Val("list", len(items), max(items, key=lambda v: v.bytes, default=NUM))
    if isinstance(value, dict):
        inner = [of_parameter(item) for item in value.values()]
        return Val("str", sum(v.bytes for v in inner))  # sized as its bytes
    if isinstance(value, bool) or value is None:
        return NUM
    if isinstance(value, (int, float)):
        return Val("num", number=abs(value))
    return ANY


def biggest(values: list[Val]) -> Val:
    return max(values, key=lambda v: v.bytes, default=NUM)


def over(what: str, times: float) -> str:
    return f"{what} over a range() the gate cannot size" if math.isinf(times) else what


def arithmetic(values: list[Val], operators: list[str]) -> float | None:
    """An upper bound of a number's magnitude computed left to right (signs ignored)."""
    bound = values[0].number
    for operator, value in zip(operators, values[1:]):
        if bound is None or value.number is None:
            return None
        if operator in "+-":
            bound = bound + value.number
        elif operator == "*":
            bound = bound * value.number
        elif operator == "^":
            bound = math.inf if bound > 1 and value.number > 64 else bound**value.number
        elif operator == "%":
            bound = min(bound, value.number)
    return bound


def sized_call(name: str, args: list[Val]) -> Val:
    """The bound of a function's result from its arguments' bounds."""
    first = args[0] if args else NUM
    if name == "replace" or name == "string.replaceregex":
        old = args[1].length if len(args) > 1 and args[1].kind == "str" and name == "replace" else 0
        new = args[2].length if len(args) > 2 and args[2].kind == "str" else UNKNOWN_BYTES
        text = first.length if first.kind == "str" else UNKNOWN_BYTES
        matches = text / old if old else text + 1
        return Val("str", text + matches * new)
    if name == "range":
        return Val("list", range_length(args), NUM)
    if name == "string.join":
        delimiter = args[1].length if len(args) > 1 and args[1].kind == "str" else 1
        return Val("str", first.count() * (first.item().bytes + delimiter))
    if name == "collect":
        return Val("list", UNKNOWN_LENGTH, first)
    if name in ("size", "length", "char_length", "character_length"):
        return Val("num", number=first.count() if first.kind in ("list", "str") else UNKNOWN_LENGTH)
    if name in NUMERIC:
        return Val(
            "num",
            number=first.number
            if name in ("tointeger", "abs", "min", "max", "round", "ceil", "floor")
            else None,
        )
    if name in SAME_LENGTH:
        return Val(
            "str",
            # a list's text (toString([s, s])) is about as long as its elements' together
            20 if first.kind == "num" else first.length if first.kind == "str" else first.bytes,
        )
    if name in ("head", "last"):
        return first.item()
    if name in ("tail", "coalesce", "split"):
        return (
            biggest(args)
            if name == "coalesce"
            else first
            if name == "tail"
            else Val("list", first.length, first)
        )
    if name in ("nodes", "relationships", "keys", "labels", "properties", "tolist"):
        return Val("list", UNKNOWN_LENGTH, ANY)
    if all(arg.kind == "num" for arg in args):
        return NUM
    return Val("str", sum(arg.bytes for arg in args)) if args else ANY


def range_length(args: list[Val]) -> float:
    """At most how many values range(start, stop[, step]) holds; infinite when a bound cannot be sized."""
    # A step is not trusted to shorten it: a bound the gate computed is an upper bound, not exact.
    start, stop = [arg.number if arg.kind == "num" else None for arg in (args + [NUM, NUM])[:2]]
    if start is None or stop is None:
        return math.inf
    return start + stop + 1
