"""GET /people, /techniques and /programs: searchable, paginated lists of the graph's other nodes."""

from __future__ import annotations

from typing import Callable, TypeVar

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from ...graph.base import Row
from ..cache import Cached, cached
from ..deps import Window, page_window, read_module_page, without_nulls
from ..models import Page, PersonSummary, ProgramSummary, TechniqueSummary
from ..search import search_text

router = APIRouter(tags=["entities"])
M = TypeVar("M", PersonSummary, TechniqueSummary, ProgramSummary)

Q = Query(None, max_length=200, description="Part of the name, with or without diacritics.")


def _shaped(model: type[M]) -> Callable[[Row], M]:
    """A list module's item as the API's model (nulls left to the model's defaults)."""
    return lambda row: model.model_validate(without_nulls(row))


@router.get("/people", response_model=Page[PersonSummary])
def list_people(
    q: str | None = Q, window: Window = Depends(page_window), cache: Cached = Depends(cached)
) -> Response:
    """People named in the documents, with their titles and positions."""
    return cache.respond(
        lambda: read_module_page(
            cache.store, "person_search", {"q": search_text(q)}, window, _shaped(PersonSummary)
        )
    )


@router.get("/techniques", response_model=Page[TechniqueSummary])
def list_techniques(
    q: str | None = Q, window: Window = Depends(page_window), cache: Cached = Depends(cached)
) -> Response:
    """Techniques, with how many hospitals perform them and how many transfers there were."""
    return cache.respond(
        lambda: read_module_page(
            cache.store,
            "technique_search",
            {"q": search_text(q)},
            window,
            _shaped(TechniqueSummary),
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
        lambda: read_module_page(
            cache.store,
            "program_search",
            {"q": search_text(q), "code": q},
            window,
            _shaped(ProgramSummary),
        )
    )
