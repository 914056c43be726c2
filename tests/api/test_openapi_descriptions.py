"""The OpenAPI description explains every field and parameter: a walk over /openapi.json finds none
without a description (a new model field without `Field(description=…)` fails here)."""

from __future__ import annotations

from typing import Any, Iterator

from hospnet.api.app import create_app
from hospnet.settings import Settings


def _properties(name: str, schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of a schema, nested objects included, with a dotted path."""
    for prop, spec in schema.get("properties", {}).items():
        yield f"{name}.{prop}", spec
        yield from _properties(f"{name}.{prop}", spec)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield from _properties(f"{name}[]", schema[key])
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            yield from _properties(name, part)


def _schema() -> dict[str, Any]:
    return create_app(Settings()).openapi()


def test_every_field_of_every_model_has_a_description():
    schemas = _schema()["components"]["schemas"]
    assert {"HospitalProfile", "Link", "Rows", "CoverageSummary", "CorrectionOut"} <= set(schemas)
    missing = [
        path
        for name, schema in schemas.items()
        for path, spec in _properties(name, schema)
        if not str(spec.get("description", "")).strip()
    ]
    assert missing == [], f"fields without a description: {missing}"


def test_every_parameter_and_operation_is_described():
    missing = []
    for path, operations in _schema()["paths"].items():
        for method, operation in operations.items():
            if not operation.get("description") and not operation.get("summary"):
                missing.append(f"{method.upper()} {path}")
            for param in operation.get("parameters", []):
                if not str(param.get("description", "")).strip():
                    missing.append(f"{method.upper()} {path} ?{param['name']}")
    assert missing == [], f"operations or parameters without a description: {missing}"


def test_the_walk_finds_an_undescribed_field():
    """The check itself: a schema with one bare property is caught."""
    bare = {"properties": {"ok": {"description": "x"}, "bare": {"type": "string"}}}
    assert [p for p, s in _properties("M", bare) if not s.get("description")] == ["M.bare"]
