"""No Cypher in the package is built by formatting a value into the query string.

Values travel as $parameters. The only interpolation allowed is of schema identifiers (labels,
relationship types, list-property names) that pass `schema_identifier(...)` against the schema's own
constants, and fragments assembled only from such pieces and literals.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hospnet"
CYPHER = re.compile(
    r"\b(MATCH|MERGE|CREATE|UNWIND|RETURN|DETACH DELETE|SET|WHERE|OPTIONAL MATCH)\b"
)
SAFE_CALLS = {"schema_identifier", "_union", "_fresh_list"}
# Reviewed functions that compose Cypher from hospnet's own statements, never from values.
REVIEWED = {
    (
        "hospnet/corrections/facts.py",
        "_on_relationship",
    ): "its `action` is one of two literals, written by its two callers",
    (
        "hospnet/graph/falkordb_cypher.py",
        "chain",
    ): "joins a Batch of hospnet's own statements; each part's parameters are renamed $p<i>_<name>",
    (
        "hospnet/graph/falkordb_cypher.py",
        "limited",
    ): "wraps a user's read, which the gate checked, in CALL { } with an int() row limit",
    (
        "hospnet/exports/cypher_script.py",
        "_create_nodes",
    ): "writes a script file, which has no parameters: values pass literal() (JSON strings)",
    (
        "hospnet/exports/cypher_script.py",
        "_create_relationships",
    ): "writes a script file, which has no parameters: values pass literal() (JSON strings)",
}


def _is_cypher(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(CYPHER.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_cypher(v) for v in node.values)
    return False


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        return (
            func.id
            if isinstance(func, ast.Name)
            else func.attr
            if isinstance(func, ast.Attribute)
            else None
        )
    return None


def _safe(expr: ast.AST, bindings: dict[str, ast.AST], seen: frozenset = frozenset()) -> bool:
    """True when `expr` can only hold schema identifiers and literals."""
    if isinstance(expr, ast.Constant):
        return True
    if _call_name(expr) in SAFE_CALLS:
        return True
    if isinstance(expr, ast.Name):
        if expr.id in seen or expr.id not in bindings:
            return False
        return _safe(bindings[expr.id], bindings, seen | {expr.id})
    if isinstance(expr, ast.JoinedStr):
        return all(
            _safe(v.value, bindings, seen) for v in expr.values if isinstance(v, ast.FormattedValue)
        )
    if isinstance(expr, ast.IfExp):
        return _safe(expr.body, bindings, seen) and _safe(expr.orelse, bindings, seen)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return _safe(expr.left, bindings, seen) and _safe(expr.right, bindings, seen)
    if isinstance(expr, (ast.List, ast.Tuple)):
        return all(_safe(e, bindings, seen) for e in expr.elts)
    if isinstance(expr, ast.ListComp):
        return _safe(expr.elt, bindings, seen) and not isinstance(expr.elt, ast.Name)
    if _call_name(expr) == "join" and isinstance(expr.func, ast.Attribute):
        return isinstance(expr.func.value, ast.Constant) and all(
            _safe(a, bindings, seen) for a in expr.args
        )
    return False


def violations(source: str, filename: str) -> list[str]:
    tree = ast.parse(source, filename)
    found = []
    module_bindings = {
        t.id: n.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    scopes = [(tree, module_bindings)] + [
        (
            fn,
            {
                **module_bindings,
                **{
                    t.id: n.value
                    for n in ast.walk(fn)
                    if isinstance(n, ast.Assign)
                    for t in n.targets
                    if isinstance(t, ast.Name)
                },
            },
        )
        for fn in ast.walk(tree)
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    for scope, bindings in scopes:
        if (filename, getattr(scope, "name", None)) in REVIEWED:
            continue
        body = (
            [
                n
                for n in scope.body
                if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            ]
            if isinstance(scope, ast.Module)
            else [scope]
        )
        for node in (n for top in body for n in ast.walk(top)):
            where = f"{filename}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.JoinedStr) and _is_cypher(node) and not _safe(node, bindings):
                found.append(f"{where}: f-string Cypher interpolates a value")
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Mod)
                and _is_cypher(node.left)
            ):
                found.append(f"{where}: %-formatted Cypher")
            elif (
                _call_name(node) == "format"
                and isinstance(node.func, ast.Attribute)
                and _is_cypher(node.func.value)
            ):
                found.append(f"{where}: str.format on Cypher")
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and (_is_cypher(node.left) or _is_cypher(node.right))
                and not _safe(node, bindings)
            ):
                found.append(f"{where}: Cypher concatenated with a value")
    return sorted(set(found))


def test_scanner_catches_formatting():
    bad = "def f(name):\n    return f\"MATCH (n {{name: '{name}'}}) RETURN n\"\n"
    assert violations(bad, "bad.py")
    assert violations('def f(x):\n    return "MATCH (n) WHERE n.id = %s" % x\n', "bad.py")
    assert violations('def f(x):\n    return "MATCH (n) RETURN n LIMIT {}".format(x)\n', "bad.py")
    assert violations(
        'def f(x):\n    return "MATCH (n) WHERE n.name = \'" + x + "\' RETURN n"\n', "bad.py"
    )
    good = 'def f(label):\n    label = schema_identifier(label, LABELS)\n    return f"MATCH (n:{label}) WHERE n.id = $id RETURN n"\n'
    assert violations(good, "good.py") == []


def test_package_builds_no_cypher_by_formatting():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert found == [], "\n".join(found)
