"""GET /hospitals (search and filters) and GET /hospitals/{id} (the whole profile of one hospital)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from ...errors import NotFound
from ...graph.base import GraphStore, Row
from ..cache import Cached, cached
from ..deps import ID_PATTERN, MAX_PAGE, Window, page_window, read_page
from ..models import (
    AgreementRef,
    DocumentRef,
    HospitalProfile,
    HospitalSummary,
    Level,
    Link,
    Page,
    PersonAt,
    TechniqueHeld,
)
from ..search import province_name, search_text

router = APIRouter(tags=["hospitals"])

_FILTER = (
    "MATCH (h:Hospital) "
    "WHERE ($q IS NULL OR h.search CONTAINS $q) "
    "AND ($province IS NULL OR h.province = $province OR h.legacy_province = $province) "
    "AND ($level IS NULL OR h.level = $level) "
)
COUNT = _FILTER + "RETURN count(h) AS n"
PAGE = (
    _FILTER + "RETURN h.id AS id, h.name AS name, h.level AS level, h.province AS province, "
    "h.legacy_province AS legacy_province, h.aliases AS aliases ORDER BY name, id SKIP $offset LIMIT $limit"
)

_LINK = (
    "{id: x.id, name: coalesce(x.name, x.title, x.id), label: labels(x)[0], kinds: r.kinds, "
    "evidence: r.evidence, sources: r.sources, date: r.since, curated_by: r.curated_by, corrections: r.corrections}"
)
_TRANSFER = (
    "OPTIONAL MATCH (t:Technique {id: r.technique}) "
    "WITH x, r, coalesce(t.name, r.technique) AS technique ORDER BY technique, coalesce(x.name, x.id) "
    "RETURN collect({id: x.id, name: coalesce(x.name, x.id), label: labels(x)[0], technique: technique, "
    "status: r.status, date: r.date, evidence: r.evidence, sources: r.sources, curated_by: r.curated_by, corrections: r.corrections})"
)
# The whole profile in one query (one round trip): each part a subquery that collects its rows in
# order. A central hospital is mentioned in thousands of articles: it lists the newest and counts the rest.
PROFILE = (
    "MATCH (h:Hospital {id: $id}) "
    "CALL { WITH h MATCH (x)-[r:SUPPORTS]->(h) WITH x, r ORDER BY coalesce(x.name, x.title, x.id), x.id "
    "RETURN collect(" + _LINK + ") AS supporters } "
    "CALL { WITH h MATCH (h)-[r:SUPPORTS]->(x) WITH x, r ORDER BY coalesce(x.name, x.title, x.id), x.id "
    "RETURN collect(" + _LINK + ") AS supported } "
    "CALL { WITH h MATCH (x)-[r:TRANSFERS]->(h) " + _TRANSFER + " AS transfers_in } "
    "CALL { WITH h MATCH (h)-[r:TRANSFERS]->(x) " + _TRANSFER + " AS transfers_out } "
    "CALL { WITH h MATCH (h)-[r:HAS_TECHNIQUE]->(t:Technique) WITH t, r ORDER BY t.name "
    "RETURN collect({id: t.id, name: t.name, specialty: t.specialty, acquired_from: r.acquired_from}) AS techniques } "
    "CALL { WITH h MATCH (p:Person)-[r:HOLDS_POSITION]->(h) WITH p, r ORDER BY p.name, r.title "
    "RETURN collect({id: p.id, name: p.name, title: r.title, as_of: r.as_of}) AS people } "
    "CALL { WITH h MATCH (h)-[r:PARTY_TO]->(a:Agreement) WITH a, r ORDER BY a.date, a.id "
    "RETURN collect({id: a.id, title: a.title, date: a.date, kind: a.kind, role: r.role}) AS agreements } "
    "CALL { WITH h MATCH (h)-[:MENTIONED_IN]->(d:Document) WITH DISTINCT d ORDER BY d.date DESC, d.id LIMIT $sources_limit "
    "RETURN collect({id: d.id, title: d.title, date: d.date, source: d.source}) AS sources } "
    "CALL { WITH h MATCH (h)-[:MENTIONED_IN]->(d:Document) RETURN count(DISTINCT d) AS sources_total } "
    "RETURN h AS h, supporters, supported, transfers_in, transfers_out, techniques, people, agreements, sources, sources_total"
)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def summary(row: Row) -> HospitalSummary:
    return HospitalSummary(
        id=row["id"],
        name=row.get("name") or row["id"],
        level=_text(row.get("level")),
        province=_text(row.get("province")),
        legacy_province=_text(row.get("legacy_province")),
        aliases=_list(row.get("aliases")),
    )


def link(row: Row) -> Link:
    return Link(
        id=row["id"],
        name=str(row.get("name") or row["id"]),
        label=row.get("label") or "",
        kinds=_list(row.get("kinds")),
        technique=_text(row.get("technique")),
        status=_text(row.get("status")),
        date=_text(row.get("date")),
        evidence=_text(row.get("evidence")),
        sources=_list(row.get("sources")),
        curated_by=_list(row.get("curated_by")),
        corrections=_list(row.get("corrections")),
    )


@router.get("/hospitals", response_model=Page[HospitalSummary])
def list_hospitals(
    q: str | None = Query(
        None,
        max_length=200,
        description="Part of the name or an alias, with or without diacritics (`bach mai`).",
    ),
    province: str | None = Query(
        None,
        max_length=100,
        description="2025 province (name or code) or a pre-2025 province name.",
    ),
    level: Level | None = Query(None, description="Hospital level."),
    window: Window = Depends(page_window),
    cache: Cached = Depends(cached),
) -> Response:
    """Hospitals by name, province and level, sorted by name."""
    params = {"q": search_text(q), "province": province_name(province), "level": level}
    return cache.respond(lambda: read_page(cache.store, COUNT, PAGE, params, window, summary))


@router.get("/hospitals/{id}", response_model=HospitalProfile)
def get_hospital(
    id: str = Path(
        ...,
        max_length=300,
        pattern=ID_PATTERN,
        description="Hospital id, e.g. `hospital:benh-vien-bach-mai`.",
        openapi_examples={
            "bach_mai": {
                "summary": "Bệnh viện Bạch Mai (in the sample corpus)",
                "value": "hospital:benh-vien-bach-mai",
            }
        },
    ),
    sources_limit: int = Query(
        100, ge=0, le=MAX_PAGE, description="Most source documents to list, newest first."
    ),
    cache: Cached = Depends(cached),
) -> Response:
    """One hospital: who supports it, whom it supports, transfers in and out, techniques, people, agreements, sources."""
    return cache.respond(lambda: profile(cache.store, id, sources_limit))


def profile(store: GraphStore, id: str, sources_limit: int) -> HospitalProfile:
    found = store.read(PROFILE, {"id": id, "sources_limit": sources_limit})
    if not found:
        raise NotFound(f"no hospital with id {id!r}")
    row = found[0]
    h = row["h"]
    return HospitalProfile(
        **summary({**h, "id": id}).model_dump(),
        curated_by=_list(h.get("curated_by")),
        corrections=_list(h.get("corrections")),
        specialties=_list(h.get("specialties")),
        supporters=[link(r) for r in row["supporters"]],
        supported=[link(r) for r in row["supported"]],
        transfers_in=[link(r) for r in row["transfers_in"]],
        transfers_out=[link(r) for r in row["transfers_out"]],
        techniques=[
            TechniqueHeld(
                id=r["id"],
                name=r.get("name") or r["id"],
                specialty=_text(r.get("specialty")),
                acquired_from=_text(r.get("acquired_from")),
            )
            for r in row["techniques"]
        ],
        people=[
            PersonAt(
                id=r["id"],
                name=r.get("name") or r["id"],
                title=_text(r.get("title")),
                as_of=_text(r.get("as_of")),
            )
            for r in row["people"]
        ],
        agreements=[
            AgreementRef(
                id=r["id"],
                title=_text(r.get("title")),
                date=_text(r.get("date")),
                kind=_text(r.get("kind")),
                role=_text(r.get("role")),
            )
            for r in row["agreements"]
        ],
        sources=[
            DocumentRef(
                id=r["id"],
                title=_text(r.get("title")),
                date=_text(r.get("date")),
                source=_text(r.get("source")),
            )
            for r in row["sources"]
        ],
        sources_total=row["sources_total"] or 0,
    )
