"""GET /hospitals (search and filters) and GET /hospitals/{id} (the whole profile of one hospital)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query

from ...errors import NotFound
from ...graph.base import GraphStore, Row
from ..deps import ID_PATTERN, MAX_PAGE, Window, get_store, page_window, read_page
from ..models import AgreementRef, DocumentRef, HospitalProfile, HospitalSummary, Level, Link, Page, PersonAt, TechniqueHeld
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

HOSPITAL = "MATCH (h:Hospital {id: $id}) RETURN h AS h"
_LINK = (
    "x.id AS id, coalesce(x.name, x.title, x.id) AS name, labels(x)[0] AS label, r.kinds AS kinds, "
    "r.evidence AS evidence, r.sources AS sources, r.since AS date"
)
SUPPORTERS = "MATCH (x)-[r:SUPPORTS]->(:Hospital {id: $id}) RETURN " + _LINK + " ORDER BY name, id"
SUPPORTED = "MATCH (:Hospital {id: $id})-[r:SUPPORTS]->(x) RETURN " + _LINK + " ORDER BY name, id"
_TRANSFER = (
    "OPTIONAL MATCH (t:Technique {id: r.technique}) "
    "RETURN x.id AS id, coalesce(x.name, x.id) AS name, labels(x)[0] AS label, coalesce(t.name, r.technique) AS technique, "
    "r.status AS status, r.date AS date, r.evidence AS evidence, r.sources AS sources ORDER BY technique, name"
)
TRANSFERS_IN = "MATCH (x)-[r:TRANSFERS]->(:Hospital {id: $id}) " + _TRANSFER
TRANSFERS_OUT = "MATCH (:Hospital {id: $id})-[r:TRANSFERS]->(x) " + _TRANSFER
TECHNIQUES = (
    "MATCH (:Hospital {id: $id})-[r:HAS_TECHNIQUE]->(t:Technique) "
    "RETURN t.id AS id, t.name AS name, t.specialty AS specialty, r.acquired_from AS acquired_from ORDER BY name"
)
PEOPLE = (
    "MATCH (p:Person)-[r:HOLDS_POSITION]->(:Hospital {id: $id}) "
    "RETURN p.id AS id, p.name AS name, r.title AS title, r.as_of AS as_of ORDER BY name, title"
)
AGREEMENTS = (
    "MATCH (:Hospital {id: $id})-[r:PARTY_TO]->(a:Agreement) "
    "RETURN a.id AS id, a.title AS title, a.date AS date, a.kind AS kind, r.role AS role ORDER BY date, id"
)
# A central hospital is mentioned in thousands of articles: the profile lists the newest and counts the rest.
SOURCES = (
    "MATCH (:Hospital {id: $id})-[:MENTIONED_IN]->(d:Document) WITH DISTINCT d "
    "RETURN d.id AS id, d.title AS title, d.date AS date, d.source AS source ORDER BY date DESC, id LIMIT $sources_limit"
)
SOURCES_TOTAL = "MATCH (:Hospital {id: $id})-[:MENTIONED_IN]->(d:Document) RETURN count(DISTINCT d) AS n"


def _text(value) -> str | None:
    return None if value is None else str(value)


def _list(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def summary(row: Row) -> HospitalSummary:
    return HospitalSummary(id=row["id"], name=row.get("name") or row["id"], level=_text(row.get("level")),
                           province=_text(row.get("province")), legacy_province=_text(row.get("legacy_province")),
                           aliases=_list(row.get("aliases")))


def link(row: Row) -> Link:
    return Link(id=row["id"], name=str(row.get("name") or row["id"]), label=row.get("label") or "", kinds=_list(row.get("kinds")),
                technique=_text(row.get("technique")), status=_text(row.get("status")), date=_text(row.get("date")),
                evidence=_text(row.get("evidence")), sources=_list(row.get("sources")))


@router.get("/hospitals", response_model=Page[HospitalSummary])
def list_hospitals(
    q: str | None = Query(None, max_length=200, description="Part of the name or an alias, with or without diacritics (`bach mai`)."),
    province: str | None = Query(None, max_length=100, description="2025 province (name or code) or a pre-2025 province name."),
    level: Level | None = Query(None, description="Hospital level."),
    window: Window = Depends(page_window),
    store: GraphStore = Depends(get_store),
):
    """Hospitals by name, province and level, sorted by name."""
    params = {"q": search_text(q), "province": province_name(province), "level": level}
    return read_page(store, COUNT, PAGE, params, window, summary)


@router.get("/hospitals/{id}", response_model=HospitalProfile)
def get_hospital(
    id: str = Path(..., max_length=300, pattern=ID_PATTERN, description="Hospital id, e.g. `hospital:benh-vien-bach-mai`."),
    sources_limit: int = Query(100, ge=0, le=MAX_PAGE, description="Most source documents to list, newest first."),
    store: GraphStore = Depends(get_store),
):
    """One hospital: who supports it, whom it supports, transfers in and out, techniques, people, agreements, sources."""
    found = store.read(HOSPITAL, {"id": id})
    if not found:
        raise NotFound(f"no hospital with id {id!r}")
    h = found[0]["h"]
    params = {"id": id, "sources_limit": sources_limit}
    supporters, supported, transfers_in, transfers_out, techniques, people, agreements, sources, total = store.read_many(
        [(query, params) for query in (SUPPORTERS, SUPPORTED, TRANSFERS_IN, TRANSFERS_OUT, TECHNIQUES, PEOPLE, AGREEMENTS, SOURCES,
                                       SOURCES_TOTAL)])
    return HospitalProfile(
        **summary({**h, "id": id}).model_dump(),
        specialties=_list(h.get("specialties")),
        supporters=[link(r) for r in supporters],
        supported=[link(r) for r in supported],
        transfers_in=[link(r) for r in transfers_in],
        transfers_out=[link(r) for r in transfers_out],
        techniques=[TechniqueHeld(id=r["id"], name=r.get("name") or r["id"], specialty=_text(r.get("specialty")),
                                  acquired_from=_text(r.get("acquired_from"))) for r in techniques],
        people=[PersonAt(id=r["id"], name=r.get("name") or r["id"], title=_text(r.get("title")), as_of=_text(r.get("as_of")))
                for r in people],
        agreements=[AgreementRef(id=r["id"], title=_text(r.get("title")), date=_text(r.get("date")), kind=_text(r.get("kind")),
                                 role=_text(r.get("role"))) for r in agreements],
        sources=[DocumentRef(id=r["id"], title=_text(r.get("title")), date=_text(r.get("date")), source=_text(r.get("source")))
                 for r in sources],
        sources_total=total[0]["n"] if total else 0,
    )
