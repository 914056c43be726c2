"""GET /queries, GET /queries/{name} (a named module, parameters from the query string) and /cypher.

Everything here runs on the store's read-only path with the configured time limit and row limit.
A user query the store cannot run (a syntax error) is the caller's mistake: 400, not 500.
"""

from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Depends, Path, Query, Request

from ... import queries
from ...errors import QueryRejected, QueryTimeout, StoreError, StoreUnavailable, TransientStoreError
from ...graph.base import GraphStore
from ...settings import Settings
from ..deps import get_settings, get_store
from ..models import CypherRequest, QueryInfo, QueryParam, Rows

router = APIRouter(tags=["queries"])


def _rows(
    store: GraphStore, settings: Settings, run: Callable[[int], list[dict[str, Any]]]
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
    return Rows(rows=rows[:limit], count=min(len(rows), limit), truncated=len(rows) > limit)


@router.get("/queries", response_model=list[QueryInfo])
def list_queries() -> list[QueryInfo]:
    """The named query modules and their parameters."""
    return [
        QueryInfo(
            name=m.name,
            title=m.title,
            description=m.description,
            params=[
                QueryParam(name=p.name, type=p.type, example=p.example, description=p.description)
                for p in m.params
            ],
        )
        for m in queries.modules().values()
    ]


@router.get("/queries/{name}", response_model=Rows)
def run_query(
    request: Request,
    name: str = Path(..., max_length=100, description="Module name, from GET /queries."),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run one module; its parameters come from the query string (`?id=hospital:benh-vien-e`)."""
    params = dict(request.query_params)
    queries.get(name)  # an unknown name is 404 before its parameters are checked
    return _rows(store, settings, lambda limit: queries.run(store, name, params, limit=limit))


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
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run read-only Cypher given in the URL; writes are refused (400)."""
    return _rows(
        store,
        settings,
        lambda limit: store.read(query, {}, timeout=settings.query_timeout, limit=limit),
    )


@router.post("/cypher", response_model=Rows, responses=CYPHER_ERRORS)
def cypher_post(
    body: CypherRequest,
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> Rows:
    """Run read-only Cypher with $parameters; writes are refused (400)."""
    return _rows(
        store,
        settings,
        lambda limit: store.read(
            body.query, body.params, timeout=settings.query_timeout, limit=limit
        ),
    )
