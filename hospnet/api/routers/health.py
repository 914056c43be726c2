"""GET /health (is the store reachable: a ping, never a scan) and GET /stats (how big the graph is).

A load balancer probes /health every few seconds, under load too; counting a national graph on
each probe took seconds and timed out, and a healthy server was restarted. The counts are on
/stats, counted once per graph version and kept by the response cache.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from ...build import graph_counts
from ...errors import DataFolderError, StoreError
from ..cache import Cached, cached
from ..deps import open_app_store
from ..models import Health, Stats

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "The store is down."}},
)
def health(request: Request) -> Health | JSONResponse:
    """`ok` when the process is up and the store answers a ping; 503 `degraded` when it does not."""
    settings = request.app.state.settings
    try:
        store = open_app_store(request.app)
        store.ping()
    except (StoreError, DataFolderError, OSError) as exc:
        body = Health(status="degraded", store=settings.backend, message=str(exc))
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return Health(status="ok", store=store.name)


@router.get("/stats", response_model=Stats)
def stats(cache: Cached = Depends(cached)) -> Response:
    """Nodes by label and relationships by type, counted once per graph version."""

    def count() -> Stats:
        nodes, relationships = graph_counts(cache.store)
        return Stats(
            store=cache.store.name, version=cache.version, nodes=nodes, relationships=relationships
        )

    return cache.respond(count)
