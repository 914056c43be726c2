"""GET /health (is the store reachable: a ping, never a scan) and GET /stats (how big the graph is).

A load balancer probes /health every few seconds, under load too; counting a national graph on
each probe took seconds and timed out, and a healthy server was restarted. The counts are on
/stats, counted once per graph version and kept by the response cache. Probes that arrive while a
ping is on its way share its answer (`SharedPing`), so a burst of probes costs one round trip.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ...build import graph_counts
from ...errors import DataFolderError, StoreError
from ..cache import Cached, cached
from ..deps import open_app_store
from ..models import Health, Stats

router = APIRouter(tags=["health"])


class SharedPing:
    """One ping in flight at a time; a caller that arrives meanwhile awaits the same answer.

    The answer is never kept after the ping returns: the next caller pings again, so /health
    says what the store said at most one round trip ago, and a failure reaches every waiter."""

    def __init__(self) -> None:
        self._running: asyncio.Future[Any] | None = None

    async def __call__(self, ping: Callable[[], Any]) -> Any:
        """What `ping` returns (or raises), from this call's ping or from the one in flight."""
        if self._running is None:
            running = asyncio.ensure_future(run_in_threadpool(ping))
            self._running = running
            running.add_done_callback(self._finished)
        return await asyncio.shield(self._running)

    def _finished(self, done: asyncio.Future[Any]) -> None:
        self._running = None
        if not done.cancelled():
            done.exception()  # retrieved here too, so a failure nobody awaited is not logged as lost


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "The store is down."}},
)
async def health(request: Request) -> Health | JSONResponse:
    """`ok` when the process is up and the store answers a ping; 503 `degraded` when it does not."""
    settings = request.app.state.settings

    def ping() -> str:
        store = open_app_store(request.app)
        store.ping()
        return store.name

    try:
        name = await request.app.state.health_ping(ping)
    except (StoreError, DataFolderError, OSError) as exc:
        body = Health(status="degraded", store=settings.backend, message=str(exc))
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return Health(status="ok", store=name)


@router.get("/stats", response_model=Stats)
def stats(cache: Cached = Depends(cached)) -> Response:
    """Nodes by label and relationships by type, counted once per graph version."""

    def count() -> Stats:
        nodes, relationships = graph_counts(cache.store)
        return Stats(
            store=cache.store.name, version=cache.version, nodes=nodes, relationships=relationships
        )

    return cache.respond(count)
