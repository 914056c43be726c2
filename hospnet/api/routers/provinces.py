"""GET /provinces, /provinces/{code}/coverage and /coverage: where central support reaches, and where not."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from ... import queries
from ...analysis import coverage as coverage_analysis
from ...places import places
from ...errors import NotFound, UnknownName
from ...graph.base import GraphStore
from ..cache import Cached, cached
from ..deps import Window, get_store, page_window
from ..snapshot import Snapshot, get_snapshot
from ..search import province_name
from ..models import (
    CoverageGap,
    CoverageSummary,
    Page,
    ProvinceCoverage,
    ProvinceSummary,
)

router = APIRouter(tags=["provinces"])


def _coverage_model(item: Any) -> ProvinceCoverage:
    return ProvinceCoverage(
        code=item.code,
        province=item.province,
        status=item.status,
        reason=item.reason,
        central_supporters=list(item.central_supporters),
        other_supporters=list(item.other_supporters),
        hosted_central=list(item.hosted_central),
        kinds=list(item.kinds),
        specialties=list(item.specialties),
        evidence=list(item.evidence),
    )


@router.get("/provinces", response_model=Page[ProvinceSummary])
def list_provinces(
    window: Window = Depends(page_window), store: GraphStore = Depends(get_store)
) -> Page[ProvinceSummary]:
    """The 34 provinces of 2025 by code, with how many hospitals the graph places in each."""
    counts = {
        row["province"]: row["hospitals"]
        for row in queries.run(store, "hospitals_by_province", limit=None)
    }
    everything = [
        ProvinceSummary(
            code=p.code,
            name=p.name,
            legacy_names=list(p.legacy_names),
            hospitals=counts.get(p.name, 0),
        )
        for p in places()
    ]
    return Page[ProvinceSummary](
        total=len(everything),
        limit=window.limit,
        offset=window.offset,
        items=everything[window.offset : window.offset + window.limit],
    )


@router.get("/provinces/{code}/coverage", response_model=ProvinceCoverage)
def get_province_coverage(
    code: str = Path(..., max_length=100, description="Province code (`38`) or name."),
    cache: Cached = Depends(cached),
    snapshot: Snapshot = Depends(get_snapshot),
) -> Response:
    """How central hospitals support one province, with the evidence sentences and documents."""

    def one() -> ProvinceCoverage:
        try:
            name = province_name(code)
        except UnknownName:
            name = None
        for item in snapshot.province_coverage:
            if item.code == code or item.province == name:
                return _coverage_model(item)
        raise NotFound(f"no 2025 province with code or name {code!r}")

    return cache.respond(one)


@router.get("/coverage", response_model=CoverageSummary)
def get_coverage(
    window: Window = Depends(page_window),
    cache: Cached = Depends(cached),
    snapshot: Snapshot = Depends(get_snapshot),
) -> Response:
    """The gap summary: which of the 34 provinces no central hospital supports; the ranked gaps a page at a time (`limit`, `offset`)."""

    def summary() -> CoverageSummary:
        items = snapshot.province_coverage
        answer = snapshot.answer
        gaps = answer.gaps()
        counts = {
            status: sum(1 for i in items if i.status == status)
            for status in coverage_analysis.STATUSES
        }
        return CoverageSummary(
            counts=counts,
            uncovered=[i.province for i in items if i.status == "uncovered"],
            partly=[i.province for i in items if i.status == "partly"],
            provinces=[_coverage_model(i) for i in items],
            without_central_supporter=[p.name for p in answer.without_central_supporter()],
            specialties=list(answer.specialties),
            gaps_total=len(gaps),
            limit=window.limit,
            offset=window.offset,
            gaps=[
                CoverageGap(
                    rank=i,
                    code=c.code,
                    province=c.province,
                    specialty=c.specialty,
                    status=c.status,
                    planned_by=sorted({s.supporter for s in c.supports}),
                )
                for i, c in enumerate(gaps, 1)
                if window.offset < i <= window.offset + window.limit
            ],
        )

    return cache.respond(summary)
