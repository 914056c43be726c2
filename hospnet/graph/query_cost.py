"""How much one evaluation of a read query's expressions may build, bounded before any store runs it.

Neither store stops an expression while it runs: FalkorDB counts an allocation against
QUERY_MEM_CAPACITY only after it succeeded and checks its time limit between records, and Neo4j's
transaction memory limit counts what operators keep (rows, aggregations), not the values an
expression builds. Nested replace()s, a reduce() whose step grows its accumulator, a comprehension
over a large range or ranges nested in each other therefore ran until the embedded server ran out
of its address space (or for minutes past the time limit on Neo4j: a transaction is terminated
between rows). So the gate sizes what a query builds, from its text and parameter values: every
value gets an upper bound of its size (characters, list elements), every construct what it builds
(a comprehension: its body times its source's length; a reduce(): each step's accumulator, the
steps' growth extrapolated), and the total per row must stay under MAX_BUILT. What the gate cannot
size it assumes large: a value read from the graph is UNKNOWN_BYTES, a list from the graph
UNKNOWN_LENGTH long, and a range() whose bounds it cannot compute is iterated without end
(Neo4j's range is lazy: UNWIND and size() of it stay fine; FalkorDB's check_ranges refuses it).

>>> check_construction("MATCH (h:Hospital) RETURN [x IN collect(h.name) | toUpper(x)] AS names")
>>> check_construction("RETURN reduce(s = 'ab', i IN range(1, 40) | replace(s, 'a', 'aa')) AS s")
Traceback (most recent call last):
...
hospnet.errors.QueryRejected: reduce() could build more than an exabyte for one row, over the 268 MB one query may build; neither store stops an expression while it runs: build less at once (a smaller range, fewer nested replace(), a reduce() that does not grow its accumulator at every step)
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping

from ..errors import QueryRejected
from .value_bounds import (
    ANY,
    NUM,
    SLOT,
    UNKNOWN_BYTES,
    UNKNOWN_LENGTH,
    Val,
    arithmetic,
    biggest,
    HELD,
    over,
    of_parameter,
    sized_call,
)

# Bytes one row's expressions may build (the sizes are upper bounds, not typical).
MAX_BUILT = 1 << 28
MAX_VISITS = 20_000  # operands read while sizing (a legitimate query reads a few hundred)


class _TooComplex(Exception):
    pass


_TOO_COMPLEX = "too complex"

_TOKEN = re.compile(
    r"""(?P<space>\s+|//[^\n]*|/\*.*?\*/)
      |(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      |(?P<name>`(?:[^`]|``)*`|[^\W\d][\w]*)
      |(?P<num>0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)
      |(?P<param>\$(?:`(?:[^`]|``)*`|\w+))
      |(?P<op>\.\.|<>|<=|>=|=~|->|<-|\+=|.)""",
    re.VERBOSE | re.DOTALL,
)
_CLAUSES = {
    "MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP", "LIMIT", "UNION", "CALL",
    "YIELD", "WHERE", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "USE",
    "FINISH", "ON", "OFFSET",
}  # fmt: skip
_STOPS = {"AS", "WHERE", "THEN", "ELSE", "WHEN", "END", "BY", "ASC", "DESC", "ASCENDING",
          "DESCENDING", "DISTINCT"} | _CLAUSES  # fmt: skip
_CLOSERS = {",", ")", "]", "}", "|", ";"}
_WORD_OPERATORS = {"AND", "OR", "XOR", "IN", "CONTAINS", "STARTS", "ENDS", "IS", "NOT"}
_QUANTIFIERS = {"all", "any", "none", "single"}


class _Sizer:
    """A permissive reader of Cypher's expressions: what it does not know it reads as an operand."""

    def __init__(self, tokens: list[tuple[str, str]], params: Mapping[str, Any]) -> None:
        self.tokens = tokens
        self.at = 0
        self.params = params
        self.scopes: list[dict[str, Val]] = [{}]
        self.worst = (0.0, "")
        self.visited = 0

    # -- tokens ---------------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> tuple[str, str]:
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else ("end", "")

    def word(self, ahead: int = 0) -> str:
        kind, text = self.peek(ahead)
        return text.upper() if kind == "name" else ""

    def take(self, text: str) -> bool:
        kind, token = self.peek()
        if token == text or (kind == "name" and token.upper() == text):
            self.at += 1
            return True
        return False

    def stopped(self) -> bool:
        kind, text = self.peek()
        if kind == "end" or (kind == "op" and text in _CLOSERS):
            return True
        if kind == "name" and text.upper() in _STOPS:
            # WITH after STARTS or ENDS is an operator, not a clause
            return not (text.upper() == "WITH" and self.word(-1) in ("STARTS", "ENDS"))
        return False

    def note(self, cost: float, what: str) -> float:
        if math.isnan(cost):  # no times an endless range
            cost = 0.0
        if cost > self.worst[0] or (math.isinf(cost) and not math.isinf(self.worst[0])):
            self.worst = (cost, what)
        return cost

    def lookup(self, name: str) -> Val:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return ANY

    # -- clauses --------------------------------------------------------------------------------
    def query(self, closer: str = "") -> float:
        """The cost of the clauses up to `closer` (a subquery's `}`) or the end."""
        total = 0.0
        while self.peek()[0] != "end" and self.peek()[1] != closer:
            before = self.at
            word = self.word()
            if word in ("WITH", "RETURN", "YIELD"):
                self.at += 1
                self.take("DISTINCT")
                total += self.projections()
            elif word == "UNWIND":
                self.at += 1
                value, cost = self.expression()
                total += cost
                if self.take("AS"):
                    self.bind(value.item())
            elif self.peek()[1] == "{":
                self.at += 1
                total += self.query("}")
                self.take("}")
            elif not self.stopped() or word in ("WHERE", "BY"):
                if word:
                    self.at += 1
                total += self.expression()[1]
            if self.at == before:
                self.at += 1  # a token nothing here reads: skip it
        return total

    def projections(self) -> float:
        total = 0.0
        while True:
            if self.take("*"):
                value, cost = ANY, 0.0
            else:
                value, cost = self.expression()
            total += cost
            if self.take("AS"):
                self.bind(value)
            if not self.take(","):
                return total

    def bind(self, value: Val) -> None:
        kind, name = self.peek()
        if kind == "name":
            self.scopes[0][name.strip("`")] = value
            self.at += 1

    # -- expressions ----------------------------------------------------------------------------
    def expression(self) -> tuple[Val, float]:
        """A chain of operands and operators: its value's bound and what evaluating it builds."""
        values, cost, operators = [], 0.0, []
        while not self.stopped():
            before = self.at
            value, built = self.operand()
            values.append(value)
            cost += built
            kind, text = self.peek()
            if kind == "op" and text not in _CLOSERS:
                operators.append(text)
                self.at += 1
            elif self.word() in _WORD_OPERATORS:
                operators.append(self.word())
                self.at += 1
            elif self.at == before:
                self.at += 1
            elif self.stopped():
                break
        if not values:
            return NUM, cost
        if len(values) == 1:
            return values[0], cost
        kinds = {v.kind for v in values}
        if kinds <= {"num"} and set(operators) <= set("+-*/%^"):
            return Val("num", number=arithmetic(values, operators)), cost
        if "+" not in operators:
            return NUM, cost  # a comparison, a test, arithmetic: a scalar
        if kinds <= {"num"}:
            return NUM, cost
        if "list" in kinds:
            elem = biggest(
                [v.item() for v in values if v.kind == "list"]
                + [v for v in values if v.kind != "list"]
            )
            result = Val("list", sum(v.length if v.kind == "list" else 1 for v in values), elem)
        elif "str" in kinds or "any" in kinds:
            # a number added to an accumulated string grows it by a number's digits
            result = Val(
                "str",
                sum(
                    v.length if v.kind == "str" else 20 if v.kind == "num" else UNKNOWN_BYTES
                    for v in values
                ),
            )
        else:
            result = ANY
        return result, cost + self.note(result.bytes, "joining strings or lists with +")

    def operand(self) -> tuple[Val, float]:
        self.visited += 1  # a reduce() reads its step twice: nested ones, twice each
        if self.visited > MAX_VISITS:
            raise _TooComplex
        value, cost = self.atom()
        while True:  # postfix: a property, an index or slice, a map projection
            kind, text = self.peek()
            if text == "." and self.peek(1)[0] == "name":
                self.at += 2
                value = ANY
            elif text == "[":
                self.at += 1
                parts = []
                while not self.take("]") and self.peek()[0] != "end":
                    part, built = self.expression()
                    parts.append(part)
                    cost += built
                    if not (self.take("..") or self.take(",")) and self.peek()[1] != "]":
                        self.at += 1
                value = value if len(parts) != 1 else value.item()
            elif text == "{" and kind == "op":
                self.at += 1
                items, built = self.items("}")
                cost += built
                value = Val("str", sum(v.bytes for v in items) + value.bytes)
            else:
                return value, cost

    def atom(self) -> tuple[Val, float]:
        kind, text = self.peek()
        self.at += 1
        if kind == "str":
            return Val("str", len(text) - 2), 0.0
        if kind == "num":
            try:
                return Val(
                    "num", number=abs(float(int(text, 0) if text.startswith("0x") else float(text)))
                ), 0.0
            except ValueError:
                return NUM, 0.0
        if kind == "param":
            name = text[1:].strip("`")
            return (of_parameter(self.params[name]) if name in self.params else ANY), 0.0
        if text in ("-", "+") or (kind == "name" and text.upper() == "NOT"):
            return self.operand()
        if text == "(":
            value, cost = self.expression()
            while not self.take(")") and self.peek()[0] != "end":
                self.at += 1  # what a pattern holds beyond one expression
                cost += self.expression()[1]
            return value, cost
        if text == "[":
            return self.bracket()
        if text == "{":
            if self.word() in _CLAUSES or self.peek()[1] == "(":
                cost = self.query("}")
                self.take("}")
                return ANY, cost
            items, cost = self.items("}")
            return Val("str", sum(v.bytes for v in items)), cost
        if kind != "name":
            return NUM, 0.0
        upper = text.upper()
        if upper in ("TRUE", "FALSE", "NULL"):
            return NUM, 0.0
        if upper == "CASE":
            return self.case()
        if upper in ("EXISTS", "COUNT", "COLLECT") and self.peek()[1] == "{":
            self.at += 1
            cost = self.query("}")
            self.take("}")
            return (Val("list", UNKNOWN_LENGTH, ANY) if upper == "COLLECT" else NUM), cost
        name = text.strip("`")
        while self.peek()[1] == "." and self.peek(1)[0] == "name" and self.peek(2)[1] == "(":
            name += "." + self.peek(1)[1].strip("`")
            self.at += 2
        if self.peek()[1] == "(":
            self.at += 1
            return self.call(name)
        return self.lookup(name), 0.0

    def items(self, closer: str) -> tuple[list[Val], float]:
        values, cost = [], 0.0
        while not self.take(closer) and self.peek()[0] != "end":
            if self.peek()[0] == "name" and self.peek(1)[1] == ":":
                self.at += 2  # a map key
            value, built = self.expression()
            values.append(value)
            cost += built
            if not self.take(",") and self.peek()[1] != closer:
                self.at += 1
        return values, cost

    def case(self) -> tuple[Val, float]:
        values, cost = [], 0.0
        while not self.take("END") and self.peek()[0] != "end":
            branch = self.take("THEN") or self.take("ELSE")
            if not branch:
                self.take("WHEN")
            value, built = self.expression()
            cost += built
            if branch:
                values.append(value)
            elif (
                self.at < len(self.tokens)
                and self.stopped()
                and self.word() not in ("THEN", "ELSE", "WHEN", "END")
            ):
                self.at += 1
        return biggest(values), cost

    def header(self) -> tuple[str, Val, float] | None:
        """`x IN source` opening a comprehension, a quantifier or reduce()'s second part."""
        if self.peek()[0] == "name" and self.word(1) == "IN":
            name = self.peek()[1].strip("`")
            self.at += 2
            source, cost = self.expression()
            return name, source, cost
        return None

    def iterate(
        self, name: str, source: Val, body_closers: tuple[str, ...]
    ) -> tuple[Val, float, float]:
        """The body after a header, evaluated once per element of `source`."""
        self.scopes.append({name: source.item()})
        try:
            value, cost = NUM, 0.0
            while any(self.take(closer) for closer in body_closers):
                value, built = self.expression()
                cost += built
            return value, cost, source.count()
        finally:
            self.scopes.pop()

    def bracket(self) -> tuple[Val, float]:
        header = self.header()
        if header is not None:
            name, source, cost = header
            value, body, times = self.iterate(name, source, ("WHERE", "|"))
            self.take("]")
            result = Val("list", times, value if value is not NUM else source.item())
            built = cost + self.note(
                times * (body + SLOT) + result.bytes, over("a list comprehension", times)
            )
            return result, built
        items, cost = [], 0.0
        while self.peek()[0] != "end" and not self.take("]"):
            value, built = self.expression()
            items.append(value)
            cost += built
            if self.take("WHERE") or self.peek()[1] == "|":  # a pattern comprehension
                self.take("|") or self.expression()
                self.take("|")
                value, body = self.expression()
                self.take("]")
                built = UNKNOWN_LENGTH * (body + SLOT)
                return Val("list", UNKNOWN_LENGTH, value), cost + self.note(
                    built, "a pattern comprehension"
                )
            if not self.take(",") and self.peek()[1] != "]":
                self.at += 1
        return Val("list", len(items), biggest(items)), cost

    def arguments(self) -> tuple[list[Val], float]:
        self.take("DISTINCT")
        if self.take("*"):
            self.take(")")
            return [], 0.0
        return self.items(")")

    def call(self, name: str) -> tuple[Val, float]:
        lower = name.lower()
        if lower == "reduce":
            return self.fold()
        if lower in _QUANTIFIERS:
            header = self.header()
            if header is not None:
                variable, source, cost = header
                _, body, times = self.iterate(variable, source, ("WHERE", "|"))
                self.take(")")
                return NUM, cost + self.note(times * (body + SLOT), over(f"{name}()", times))
        args, cost = self.arguments()
        value = sized_call(lower, args)
        built = value.bytes if value.kind in ("str", "list") and lower not in HELD else 0.0
        return value, cost + self.note(built, f"{name}()")

    def fold(self) -> tuple[Val, float]:
        """reduce(acc = init, x IN source | step): the step's growth found from two sizes of the
        accumulator, then extrapolated over the source's length."""
        if not (self.peek()[0] == "name" and self.peek(1)[1] == "="):
            args, cost = self.arguments()
            return ANY, cost
        accumulator = self.peek()[1].strip("`")
        self.at += 2
        initial, cost = self.expression()
        self.take(",")
        header = self.header()
        if header is None:
            self.items(")")
            return ANY, cost
        variable, source, built = header
        cost += built
        self.take("|")
        step_at = self.at
        small = self.step(accumulator, initial, variable, source, step_at)
        larger = Val(initial.kind, initial.length * 2 + 1, initial.elem, initial.number)
        large = self.step(accumulator, larger, variable, source, step_at)
        self.take(")")
        (first, step_cost), (second, _) = small, large
        times = source.count()
        slope = max(0.0, (second.bytes - first.bytes) / max(larger.bytes - initial.bytes, 1.0))
        growth = first.bytes - slope * initial.bytes
        if slope > 1.000001:
            final = initial.bytes * slope ** min(times, 4000.0) + growth * (
                slope ** min(times, 4000.0) - 1
            ) / (slope - 1)
            if not math.isfinite(final):
                final = math.inf
            total = final * slope / (slope - 1)
        elif slope > 0.999999:  # each step adds about `growth` and copies what it had
            final = initial.bytes + times * max(growth, 0.0)
            total = times * initial.bytes + max(growth, 0.0) * times * times / 2
        else:
            final = first.bytes
            total = times * first.bytes
        total += times * (step_cost + SLOT)
        kind = first.kind if first.kind != "num" or initial.kind == "num" else "any"
        value = Val("str", final) if kind in ("str", "any") and final > UNKNOWN_BYTES else first
        return value, cost + self.note(total, over("reduce()", times))

    def step(
        self, accumulator: str, acc: Val, variable: str, source: Val, at: int
    ) -> tuple[Val, float]:
        self.at = at
        self.scopes.append({accumulator: acc, variable: source.item()})
        try:
            return self.expression()
        finally:
            self.scopes.pop()


def built(cypher: str, params: Mapping[str, Any] | None = None) -> tuple[float, str]:
    """Bytes one row's expressions may build, and the construct that builds the most.

    >>> round(built("RETURN [x IN range(1, 1000) | toString(x)] AS xs")[0])
    88192
    """
    tokens = [
        (match.lastgroup or "op", match.group(0))
        for match in _TOKEN.finditer(cypher)
        if match.lastgroup != "space"
    ]
    sizer = _Sizer(tokens, params or {})
    try:
        total = sizer.query()
    except RecursionError:  # deeper than MAX_NESTING allows, refused before this
        return 0.0, ""
    except _TooComplex:
        return math.inf, _TOO_COMPLEX
    return total, sizer.worst[1]


def check_construction(cypher: str, params: Mapping[str, Any] | None = None) -> None:
    """Raise QueryRejected when one row's expressions may build over MAX_BUILT bytes."""
    total, what = built(cypher, params)
    if what == _TOO_COMPLEX:
        raise QueryRejected(
            f"the query nests too many reduce() calls or comprehensions for the gate to size "
            f"(over {MAX_VISITS:,} steps); nest fewer"
        )
    if math.isinf(total) and "range" in what:
        raise QueryRejected(
            f"{what} could run without end: write each bound of the range() it goes through as "
            "an integer, a $parameter or size(x)/length(x) of a variable"
        )
    if total > MAX_BUILT:
        raise QueryRejected(
            f"{what or 'the query'} could build {_human(total)} for one row, over the "
            f"{_human(MAX_BUILT)} one query may build; neither store stops an expression while "
            "it runs: build less at once (a smaller range, fewer nested replace(), a reduce() "
            "that does not grow its accumulator at every step)"
        )


def _human(size: float) -> str:
    if not math.isfinite(size) or size >= 1e18:
        return "more than an exabyte"
    for unit, scale in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return (
                f"{size / scale:.1f} {unit}" if size < 10 * scale else f"{size / scale:.0f} {unit}"
            )
    return f"{size:.0f} bytes"
