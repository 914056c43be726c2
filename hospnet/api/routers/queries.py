"""GET /queries, GET /queries/{name} (a named module, parameters from the query string) and /cypher.

Everything here runs on the store's read-only path with the configured time limit and row limit.
A user query the store cannot run (a syntax error) is the caller's mistake: 400, not 500.
Rows come a page at a time (`limit`, `offset`), like every list: the query runs once to the row
limit, so `total` is exact up to it, and the answer holds the page.
"""

from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Depends, Path, Query, Request

from ... import queries
from ...errors import QueryRejected, QueryTimeout, StoreError, StoreUnavailable, TransientStoreError
from ...graph.base import GraphStore
from ...settings import Settings
from ..deps import Window, get_settings, get_store, page_window
from ..models import CypherRequest, QueryInfo, QueryParam, Rows

router = APIRouter(tags=["queries"])
PAGE_PARAMS = ("limit", "offset")  # the page window's, never a module's


def _rows(
    store: GraphStore,
    settings: Settings,
    window: Window,
    run: Callable[[int], list[dict[str, Any]]],
) -> Rows:
    limit = settings.row_limit
    try:
        rows = run(limit + 1)
    except (QueryTimeout, QueryRejected, StoreUnavailable, TransientStoreError):
        raise
    except StoreError as exc:
        raise QueryRejected(
            f"the store could not run this query: {exc}", hint="check the Cypher"
        ) from exc
    total = min(len(rows), limit)
    page = rows[window.offset : min(window.offset + window.limit, total)]
    return Rows(
        rows=page,
        count=len(page),
        total=total,
        limit=window.limit,
        offset=window.offset,
        truncated=len(rows) > limit,
    )


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

    return _rows(store, settings, window, run)


# A URL must fit the HTTP server's request-line limit (h11: 16 KB) even when every character is
# percent-encoded UTF-8 (up to 12 bytes each); longer Cypher goes in the body of POST /cypher.
GET_QUERY_MAX = 1000

CYPHER_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "description": "The Cypher is not read-only, or the store refused it (syntax, unknown function)."
    }
}


@router.get("/cypher", response_model=Rows, responses=CYPHER_ERRORS)
def cypher_get(
    query: str = Query(
        ...,
        min_length=1,
        max_length=GET_QUERY_MAX,
        description=f"Read-only Cypher, without parameters; at most {GET_QUERY_MAX} characters (POST /cypher takes longer ones).",
    ),
    window: Window = Depends(page_window),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run read-only Cypher given in the URL, a page of rows at a time; writes are refused (400)."""
    return _rows(
        store,
        settings,
        window,
        lambda limit: store.read(query, {}, timeout=settings.query_timeout, limit=limit),
    )


@router.post("/cypher", response_model=Rows, responses=CYPHER_ERRORS)
def cypher_post(
    body: CypherRequest,
    window: Window = Depends(page_window),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run read-only Cypher with $parameters, a page of rows at a time (`limit`, `offset` in the
    query string); writes are refused (400)."""
    return _rows(
        store,
        settings,
        window,
        lambda limit: store.read(
            body.query, body.params, timeout=settings.query_timeout, limit=limit
        ),
    )
