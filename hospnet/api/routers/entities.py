"""GET /people, /techniques and /programs: searchable, paginated lists of the graph's other nodes."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from ...graph.base import Row
from ..cache import Cached, cached
from ..deps import Window, page_window, read_page
from ..models import Page, PersonSummary, Position, ProgramSummary, TechniqueSummary
from ..search import search_text

router = APIRouter(tags=["entities"])

Q = Query(None, max_length=200, description="Part of the name, with or without diacritics.")

PEOPLE_COUNT = "MATCH (p:Person) WHERE $q IS NULL OR p.search CONTAINS $q RETURN count(p) AS n"
PEOPLE = (
    "MATCH (p:Person) WHERE $q IS NULL OR p.search CONTAINS $q "
    "WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $limit "
    "OPTIONAL MATCH (p)-[r:HOLDS_POSITION]->(x) "
    "WITH p, r, x ORDER BY r.title "
    "RETURN p.id AS id, p.name AS name, p.titles AS titles, "
    "collect(CASE WHEN x IS NULL THEN NULL ELSE [r.title, x.id, coalesce(x.name, x.id)] END) AS positions "
    "ORDER BY name, id"
)
TECHNIQUES_COUNT = (
    "MATCH (t:Technique) WHERE $q IS NULL OR t.search CONTAINS $q RETURN count(t) AS n"
)
TECHNIQUES = (
    "MATCH (t:Technique) WHERE $q IS NULL OR t.search CONTAINS $q "
    "WITH t ORDER BY t.name, t.id SKIP $offset LIMIT $limit "
    "OPTIONAL MATCH (h:Hospital)-[:HAS_TECHNIQUE]->(t) "
    "WITH t, count(DISTINCT h) AS hospitals "
    "OPTIONAL MATCH ()-[x:TRANSFERS]->() WHERE x.technique = t.id "
    "RETURN t.id AS id, t.name AS name, t.specialty AS specialty, hospitals, count(x) AS transfers ORDER BY name, id"
)
PROGRAMS_COUNT = "MATCH (p:Program) WHERE $q IS NULL OR p.search CONTAINS $q OR p.code = $code RETURN count(p) AS n"
PROGRAMS = (
    "MATCH (p:Program) WHERE $q IS NULL OR p.search CONTAINS $q OR p.code = $code "
    "WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $limit "
    "OPTIONAL MATCH (a:Agreement)-[:UNDER]->(p) "
    "RETURN p.id AS id, p.name AS name, p.code AS code, p.year AS year, count(DISTINCT a) AS agreements ORDER BY name, id"
)


def _person(row: Row) -> PersonSummary:
    positions = [
        Position(title=None if t is None else str(t), at_id=at_id, at=str(at))
        for t, at_id, at in (row.get("positions") or [])
        if at_id
    ]
    return PersonSummary(
        id=row["id"],
        name=row.get("name") or row["id"],
        titles=[str(t) for t in row.get("titles") or []],
        positions=positions,
    )


def _technique(row: Row) -> TechniqueSummary:
    return TechniqueSummary(
        id=row["id"],
        name=row.get("name") or row["id"],
        specialty=row.get("specialty"),
        hospitals=row.get("hospitals") or 0,
        transfers=row.get("transfers") or 0,
    )


def _program(row: Row) -> ProgramSummary:
    code = row.get("code")
    return ProgramSummary(
        id=row["id"],
        name=row.get("name") or row["id"],
        code=None if code is None else str(code),
        year=row.get("year"),
        agreements=row.get("agreements") or 0,
    )


@router.get("/people", response_model=Page[PersonSummary])
def list_people(
    q: str | None = Q, window: Window = Depends(page_window), cache: Cached = Depends(cached)
) -> Response:
    """People named in the documents, with their titles and positions."""
    return cache.respond(
        lambda: read_page(cache.store, PEOPLE_COUNT, PEOPLE, {"q": search_text(q)}, window, _person)
    )


@router.get("/techniques", response_model=Page[TechniqueSummary])
def list_techniques(
    q: str | None = Q, window: Window = Depends(page_window), cache: Cached = Depends(cached)
) -> Response:
    """Techniques, with how many hospitals perform them and how many transfers there were."""
    return cache.respond(
        lambda: read_page(
            cache.store, TECHNIQUES_COUNT, TECHNIQUES, {"q": search_text(q)}, window, _technique
        )
    )


@router.get("/programs", response_model=Page[ProgramSummary])
def list_programs(
    q: str | None = Query(
        None, max_length=200, description="Part of the name, or the exact code (`1816`)."
    ),
    window: Window = Depends(page_window),
    cache: Cached = Depends(cached),
) -> Response:
    """Programmes and decisions (Đề án 1816, …), with how many agreements implement them."""
    return cache.respond(
        lambda: read_page(
            cache.store,
            PROGRAMS_COUNT,
            PROGRAMS,
            {"q": search_text(q), "code": q},
            window,
            _program,
        )
    )
