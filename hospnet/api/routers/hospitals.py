"""GET /hospitals (search and filters) and GET /hospitals/{id} (the whole profile of one hospital)."""

from __future__ import annotations


from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from ... import queries
from ...errors import NotFound
from ...graph.base import GraphStore, Row
from ..cache import Cached, cached
from ..deps import ID_PATTERN, MAX_PAGE, Window, page_window, read_module_page, without_nulls
from ..models import HospitalProfile, HospitalSummary, Level, Page
from ..search import province_name, search_text

router = APIRouter(tags=["hospitals"])


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
    return cache.respond(
        lambda: read_module_page(cache.store, "hospital_search", params, window, summary)
    )


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
    """The hospital_profile query module's one row as the API's model (the CLI and Browser run the same read)."""
    found = queries.run(store, "hospital_profile", {"id": id, "sources_limit": sources_limit})
    if not found:
        raise NotFound(f"no hospital with id {id!r}")
    row = without_nulls(found[0])
    return HospitalProfile.model_validate({**row, "name": row.get("name") or id})
