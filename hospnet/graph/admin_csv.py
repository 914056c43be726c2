"""The graph as `neo4j-admin database import` CSV files: the fast initial load of a new Neo4j database.

One nodes file per label and one relationships file per type, with neo4j-admin's typed headers:

    nodes_Hospital.csv        id:ID,:LABEL,aliases:string[],level,name,...
    relationships_SUPPORTS.csv :START_ID,:END_ID,:TYPE,kinds:string[],program,sources:string[],...

Node ids are one id space (hospnet ids are unique across labels, `hospital:...`, `province:...`),
kept as the `id` property. A missing property is an unquoted empty field (neo4j-admin reads
null); every present value is quoted, so an empty string stays one. List items are joined by
the array delimiter written in `import.json` (the first of `;|¦` that no item contains), which
also lists the files: `hospnet neo4j import DIR` reads it. neo4j-admin reads an empty array
field as null, so import.json also lists where the lists were empty (`empty_lists`), and
`hospnet neo4j import` sets those back to `[]` after the import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ..errors import HospnetError
from ..model import LABELS, REL_TYPES
from .base import schema_identifier

MANIFEST = "import.json"
DELIMITERS = (";", "|", "¦")
_SCALAR_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def _type_of(value: Any) -> str:
    if isinstance(value, list):
        items = {_type_of(v) for v in value}
        if len(items) > 1 or "[]" in "".join(items):
            raise ValueError("a list of mixed or nested values")
        return (items.pop() if items else "") + "[]"
    for python_type, name in _SCALAR_TYPES:
        if isinstance(value, python_type):
            return name
    raise ValueError(f"a {type(value).__name__} value")


def _column_types(rows: list[dict[str, Any]], where: str) -> dict[str, str]:
    """One neo4j-admin type per property; an empty list takes its column's item type."""
    types: dict[str, set[str]] = {}
    for props in rows:
        for name, value in props.items():
            if value is not None:
                try:
                    types.setdefault(name, set()).add(_type_of(value))
                except ValueError as exc:
                    raise HospnetError(
                        f"{where}.{name} holds {exc}, which neo4j-admin cannot import"
                    ) from None
    out = {}
    for name, found in sorted(types.items()):
        known = found - {"[]"}
        if {"long", "double"} == known:
            known = {"double"}
        if len(known) > 1:
            raise HospnetError(
                f"{where}.{name} mixes {', '.join(sorted(known))}, which one CSV column cannot hold",
                hint="use --format jsonl or cypher for this graph",
            )
        out[name] = known.pop() if known else "string[]"
    return out


def _field(value: Any, delimiter: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = delimiter.join(_text(v) for v in value)
    return '"' + _text(value).replace('"', '""') + '"'


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _delimiter(records: list[dict[str, Any]]) -> str:
    items = [
        str(v)
        for r in records
        for value in r["properties"].values()
        if isinstance(value, list)
        for v in value
    ]
    for candidate in DELIMITERS:
        if not any(candidate in item for item in items):
            return candidate
    raise HospnetError(
        f"every array delimiter neo4j-admin could use ({' '.join(DELIMITERS)}) occurs in a list value",
        hint="use --format jsonl or cypher for this graph",
    )


def _write(path: Path, header: list[str], lines: Iterable[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for fields in lines:
            out.write(",".join(fields) + "\n")


def _empty_lists(
    kind: str, name: str, rows: list[dict[str, Any]], key: Any
) -> list[dict[str, Any]]:
    found: dict[str, list[Any]] = {}
    for r in rows:
        for prop, value in r["properties"].items():
            if value == []:
                found.setdefault(prop, []).append(key(r))
    return [{kind: name, "property": prop, "rows": keys} for prop, keys in sorted(found.items())]


def read_manifest(folder: Path) -> dict[str, Any]:
    folder = Path(folder).resolve()
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        for field in ("nodes", "relationships", "array_delimiter"):
            manifest[field]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise HospnetError(
            f"{folder} holds no readable {MANIFEST} ({exc})",
            hint="give a folder written by `hospnet export --format csv --out DIR`",
        ) from None
    return manifest


def write_admin_csv(records: list[dict[str, Any]], folder: Path) -> dict[str, Any]:
    """Write the files and import.json into `folder` (created); returns the manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    delimiter = _delimiter(records)
    manifest: dict[str, Any] = {
        "array_delimiter": delimiter,
        "nodes": [],
        "relationships": [],
        "empty_lists": [],
    }
    for label in sorted({r["label"] for r in records if r["kind"] == "node"}):
        schema_identifier(label, LABELS)
        rows = [r for r in records if r["kind"] == "node" and r["label"] == label]
        types = _column_types([r["properties"] for r in rows], label)
        header = ["id:ID", ":LABEL", *(_header(n, t) for n, t in types.items())]
        name = f"nodes_{label}.csv"
        _write(
            folder / name,
            header,
            (
                [
                    _field(r["id"], delimiter),
                    label,
                    *(_field(r["properties"].get(n), delimiter) for n in types),
                ]
                for r in rows
            ),
        )
        manifest["nodes"].append(name)
        manifest["empty_lists"] += _empty_lists("label", label, rows, lambda r: {"id": r["id"]})
    for rel_type in sorted({r["type"] for r in records if r["kind"] == "relationship"}):
        schema_identifier(rel_type, REL_TYPES)
        rows = [r for r in records if r["kind"] == "relationship" and r["type"] == rel_type]
        types = _column_types([r["properties"] for r in rows], rel_type)
        header = [":START_ID", ":END_ID", ":TYPE", *(_header(n, t) for n, t in types.items())]
        name = f"relationships_{rel_type}.csv"
        _write(
            folder / name,
            header,
            (
                [
                    _field(r["from"], delimiter),
                    _field(r["to"], delimiter),
                    rel_type,
                    *(_field(r["properties"].get(n), delimiter) for n in types),
                ]
                for r in rows
            ),
        )
        manifest["relationships"].append(name)
        manifest["empty_lists"] += _empty_lists(
            "type", rel_type, rows, lambda r: {"from": r["from"], "to": r["to"]}
        )
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def admin_import_arguments(folder: Path, database: str = "neo4j") -> list[str]:
    """The `neo4j-admin database import full` arguments for a folder written by write_admin_csv."""
    folder = Path(folder).resolve()
    manifest = read_manifest(folder)
    nodes, rels, delimiter = (
        manifest["nodes"],
        manifest["relationships"],
        manifest["array_delimiter"],
    )
    return [
        "database", "import", "full",
        *(f"--nodes={folder / name}" for name in nodes),
        *(f"--relationships={folder / name}" for name in rels),
        f"--array-delimiter={delimiter}", "--multiline-fields=true", "--overwrite-destination=true",
        database,
    ]  # fmt: skip
