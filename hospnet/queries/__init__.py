"""Named, documented `.cypher` modules: parsed from their header, run by name on the read-only path.

A module opens with `// name:`, `// title:`, `// description:`, one `// param: NAME TYPE EXAMPLE -- meaning`
line per parameter (`TYPE?` when it may be left out: it is then null, and the filter it feeds
is off) and `// example:` lines, then Cypher a researcher can paste into Neo4j Browser.
Where the embedded store needs another form, a `// variant: falkordb` line starts that form.
Parameter types: string, int, float, list (comma-separated), and search (folded: case and
diacritics removed before the query runs, to match the `search` property).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError, QueryNotFound, QueryParameterError
from ..graph.base import GraphStore, Row
from ..names import fold

_PARAM = re.compile(
    r'^(?P<name>\w+)\s+(?P<type>string|int|float|list|search)(?P<optional>\?)?\s+(?P<example>"[^"]*"|\[[^\]]*\]|\S+)(?:\s+--\s*(?P<doc>.*))?$'
)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    example: Any
    description: str = ""
    optional: bool = False


@dataclass(frozen=True)
class QueryModule:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    variants: dict[str, str] = field(default_factory=dict)
    example: str = ""

    def text_for(self, store_name: str) -> str:
        return self.variants.get(store_name, self.cypher)


def convert(param: Param, value: Any) -> Any:
    """A parameter value (often a CLI or URL string) converted to its declared type."""
    try:
        if param.type == "int":
            return int(value)
        if param.type == "float":
            return float(value)
        if param.type == "list":
            return (
                [v.strip() for v in value.split(",") if v.strip()]
                if isinstance(value, str)
                else list(value)
            )
        if param.type == "search":
            return fold(str(value))
        return str(value)
    except (TypeError, ValueError) as exc:
        raise QueryParameterError(
            f"parameter {param.name} must be {param.type}, got {value!r}"
        ) from exc


def parse(text: str, fallback_name: str = "") -> QueryModule:
    header: dict[str, list[str]] = {}
    body: list[str] = []
    variants: dict[str, list[str]] = {}
    current = body
    for line in text.splitlines():
        match = re.match(r"^//\s*(name|title|description|param|example|variant):\s?(.*)$", line)
        if match and match.group(1) == "variant":
            current = variants.setdefault(match.group(2).strip(), [])
        elif match and current is body and not any(l.strip() for l in body):
            header.setdefault(match.group(1), []).append(match.group(2).rstrip())
        else:
            current.append(line)
    params = []
    for spec in header.get("param", []):
        m = _PARAM.match(spec.strip())
        if not m:
            raise ValueError(f"query {fallback_name}: bad param line {spec!r}")
        raw = m.group("example")
        example = json.loads(raw) if raw[0] in '"[0123456789-' else raw
        params.append(
            Param(
                m.group("name"),
                m.group("type"),
                example,
                (m.group("doc") or "").strip(),
                optional=bool(m.group("optional")),
            )
        )
    return QueryModule(
        name=(header.get("name") or [fallback_name])[0].strip(),
        title=" ".join(header.get("title", [])).strip(),
        description=" ".join(header.get("description", [])).strip(),
        params=tuple(params),
        cypher="\n".join(body).strip(),
        variants={k: "\n".join(v).strip() for k, v in variants.items()},
        example="\n".join(header.get("example", [])),
    )


@lru_cache(maxsize=1)
def modules() -> dict[str, QueryModule]:
    """Every bundled query module by name."""
    found = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            module = parse(entry.read_text(encoding="utf-8"), entry.name[:-7])
            found[module.name] = module
    return found


def get(name: str) -> QueryModule:
    try:
        return modules()[name]
    except KeyError:
        raise QueryNotFound(f"no query module named {name!r}") from None


def bind(module: QueryModule, given: dict[str, Any]) -> dict[str, Any]:
    """Check and convert the given parameters. A missing one takes its example if it pages (`limit`,
    `sources_limit`, `offset`), is null if optional, and is an error otherwise; a null is missing."""
    given = {k: v for k, v in given.items() if v is not None}
    unknown = set(given) - {p.name for p in module.params}
    if unknown:
        raise QueryParameterError(
            f"query {module.name} has no parameter {', '.join(sorted(unknown))}"
        )
    bound = {}
    for param in module.params:
        if param.name in given:
            bound[param.name] = convert(param, given[param.name])
        elif param.name in ("limit", "offset") or param.name.endswith("_limit"):
            bound[param.name] = param.example
        elif param.optional:
            bound[param.name] = None
        else:
            raise QueryParameterError(
                f"query {module.name} needs parameter {param.name} ({param.type}, e.g. {param.example})"
            )
    return bound


def run(
    store: GraphStore, name: str, params: dict[str, Any] | None = None, *, limit: int | None = None
) -> list[Row]:
    """Run a query module by name on the read-only path."""
    module = get(name)
    return store.read(module.text_for(store.name), bind(module, params or {}), limit=limit)


def run_frame(store: GraphStore, name: str, /, **params: Any) -> Any:
    """Run a query module into a pandas DataFrame (columns in the query's RETURN order), for notebooks.

    `run_frame(store, "supporters", name="thanh hoa")`: the module's parameters as keywords (a
    module's own `name` or `limit` too); needs pandas (`pip install 'hospnet[notebook]'`).
    """
    try:
        import pandas as pd
    except ImportError:
        raise ConfigError(
            "run_frame needs pandas, which is not installed", hint="pip install 'hospnet[notebook]'"
        ) from None
    rows = run(store, name, params)
    return pd.DataFrame.from_records(rows, columns=list(rows[0]) if rows else None)
