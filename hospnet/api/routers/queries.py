"""GET /queries, GET /queries/{name} (a named module, parameters from the query string) and /cypher.

Everything here runs on the store's read-only path with the configured time limit and row limit.
A user query the store cannot run (a syntax error) is the caller's mistake: 400, not 500.
Rows come a page at a time (`limit`, `offset`), like every list: the query runs once to the row
limit, so `total` is exact up to it, and the answer holds the page.
/cypher runs at most HOSPNET_CYPHER_CONCURRENCY queries at once per API worker, in worker processes
apart from the API's own reads, so heavy queries cannot starve lookups; one more is answered 503
with Retry-After. Its time limit counts from the request's arrival.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ... import queries
from ...errors import QueryTimeout
from ...graph.base import GraphStore
from ...settings import Settings
from ..cypher_pool import CypherPool, user_rows
from ..deps import Window, get_settings, get_store, page_window
from ..errors import ApiError
from ..models import CypherRequest, QueryInfo, QueryParam, Rows

router = APIRouter(tags=["queries"])
PAGE_PARAMS = ("limit", "offset")  # the page window's, never a module's


@router.get("/queries", response_model=list[QueryInfo])
def list_queries() -> list[QueryInfo]:
    """The named query modules and their parameters."""
    return [
        QueryInfo(
            name=m.name,
            title=m.title,
            description=m.description,
            params=[
                QueryParam(
                    name=p.name,
                    type=p.type,
                    example=p.example,
                    description=p.description,
                    optional=p.optional,
                )
                for p in m.params
            ],
        )
        for m in queries.modules().values()
    ]


@router.get("/queries/{name}", response_model=Rows)
def run_query(
    request: Request,
    name: str = Path(..., max_length=100, description="Module name, from GET /queries."),
    window: Window = Depends(page_window),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run one module; its parameters come from the query string (`?id=hospital:benh-vien-e`).

    `limit` and `offset` page the rows here; a module's own `limit` parameter is the page size."""
    module = queries.get(name)  # an unknown name is 404 before its parameters are checked
    params: dict[str, Any] = {k: v for k, v in request.query_params.items() if k not in PAGE_PARAMS}

    def run(limit: int) -> list[dict[str, Any]]:
        if any(p.name == "limit" for p in module.params):
            params["limit"] = limit  # the module runs to the row limit; the window pages it
        return queries.run(store, name, params, limit=limit)

    return user_rows(run, settings.row_limit, window.limit, window.offset)


# A URL must fit the HTTP server's request-line limit (h11: 16 KB) even when every character is
# percent-encoded UTF-8 (up to 12 bytes each); longer Cypher goes in the body of POST /cypher.
GET_QUERY_MAX = 1000

CYPHER_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "The Cypher is not read-only, is too long or nested too deep, or the store refused it (syntax, unknown function)."
    },
    408: {
        "description": "The query ran over HOSPNET_QUERY_TIMEOUT, counted from the request's arrival."
    },
    413: {"description": "The query needed more memory than a query may take."},
    503: {
        "description": "HOSPNET_CYPHER_CONCURRENCY queries are already running, or the store is unavailable (see Retry-After)."
    },
}
_SLOTS_LOCK = threading.Lock()


def _user_query(
    request: Request, settings: Settings, window: Window, query: str, params: dict[str, Any]
) -> Response:
    """Run a /cypher query in one of the worker's slots, with what is left of its time limit."""
    with _SLOTS_LOCK:
        slots = getattr(request.app.state, "cypher_slots", None)
        if slots is None:
            slots = request.app.state.cypher_slots = threading.BoundedSemaphore(
                settings.cypher_concurrency
            )
    if not slots.acquire(blocking=False):
        raise ApiError(
            503,
            "cypher_busy",
            f"{settings.cypher_concurrency} Cypher queries are already running "
            "(HOSPNET_CYPHER_CONCURRENCY); try again shortly",
        )
    try:
        pool: CypherPool = request.app.state.cypher_pool
        arrived = getattr(request.state, "arrived", time.monotonic())
        if pool.start():  # the workers' one-time start is not the query's time
            arrived = time.monotonic()
        left = settings.query_timeout - (time.monotonic() - arrived)
        if left <= 0:
            raise QueryTimeout(
                f"the query waited over its time limit of {settings.query_timeout:g} s before it could run"
            )
        body = pool.read(
            query,
            params,
            timeout=left,
            row_limit=settings.row_limit,
            limit=window.limit,
            offset=window.offset,
        )
        return Response(content=body, media_type="application/json")
    finally:
        slots.release()


@router.get("/cypher", response_model=Rows, responses=CYPHER_ERRORS)
def cypher_get(
    request: Request,
    query: str = Query(
        ...,
        min_length=1,
        max_length=GET_QUERY_MAX,
        description=f"Read-only Cypher, without parameters; at most {GET_QUERY_MAX} characters (POST /cypher takes longer ones).",
    ),
    window: Window = Depends(page_window),
    settings: Settings = Depends(get_settings),
) -> Response:
    """Run read-only Cypher given in the URL, a page of rows at a time; writes are refused (400)."""
    return _user_query(request, settings, window, query, {})


@router.post("/cypher", response_model=Rows, responses=CYPHER_ERRORS)
def cypher_post(
    request: Request,
    body: CypherRequest,
    window: Window = Depends(page_window),
    settings: Settings = Depends(get_settings),
) -> Response:
    """Run read-only Cypher with $parameters, a page of rows at a time (`limit`, `offset` in the
    query string); writes are refused (400)."""
    return _user_query(request, settings, window, body.query, body.params)
