"""GET /health: is the store reachable, and how big is the graph."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ...build import graph_counts
from ...errors import StoreError
from ..deps import open_app_store
from ..models import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health, "description": "The store is down."}})
def health(request: Request) -> Health | JSONResponse:
    """`ok` with node and relationship counts, or 503 `degraded` when the store cannot be reached."""
    settings = request.app.state.settings
    try:
        store = open_app_store(request.app)
        store.ping()
        nodes, relationships = graph_counts(store)
    except (StoreError, OSError) as exc:
        body = Health(status="degraded", store=settings.backend, message=str(exc))
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return Health(status="ok", store=store.name, nodes=nodes, relationships=relationships)
