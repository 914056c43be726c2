"""The HTTP API over the graph: `create_app(settings)` builds it; `hospnet serve` runs it with uvicorn.

One store is opened when the app starts and closed when it stops. If the store is down at
startup the app still starts: /health answers 503 "degraded" and each request tries to open the
store again, so the API recovers by itself when the store comes back.
"""

from __future__ import annotations

import logging
from typing import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute

from ..errors import StoreUnavailable
from ..settings import Settings
from . import docs, errors
from .cache import ResponseCache
from .cypher_pool import CypherPool
from .limits import BodyLimit
from .snapshot import SnapshotCache
from .models import ERROR_RESPONSES
from .routers import (
    corrections,
    documents,
    entities,
    health,
    hospitals,
    paths,
    provinces,
    queries,
    report_site,
    views,
)

log = logging.getLogger("hospnet.api")

DESCRIPTION = """A knowledge graph of the Vietnamese hospital support network, read from news articles and decisions.

Every list is paginated (`limit`, `offset`, `total`). Every failure has the shape
`{"error": {"status": int, "code": str, "message": str}}`. Only `POST /documents` and `POST`/`DELETE /corrections` write, and only
with the `X-API-Key` header set to the server's HOSPNET_API_KEY.
"""


def _operation_id(route: APIRoute) -> str:
    """The endpoint function's name, so a generated client has methods like `list_hospitals`."""
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    """A FastAPI app over the store `settings` describe."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from ..graph import open_store

        try:
            app.state.store = open_store(settings, supervise=True)
        except StoreUnavailable as exc:
            log.warning("store unavailable at startup, will retry on each request: %s", exc)
            app.state.store = None
        try:
            yield
        finally:
            app.state.cypher_pool.close()
            store, app.state.store = app.state.store, None
            if store is not None:
                store.close()

    app = FastAPIOffline(  # Swagger UI served from the package, so /docs works offline
        redoc_url=None,  # ReDoc: docs.py serves it without its one image from another host
        swagger_ui_parameters={"validatorUrl": None},  # no badge from validator.swagger.io
        title="hospnet",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        responses=ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.store = None
    app.state.snapshots = SnapshotCache()
    app.state.health_ping = health.SharedPing()
    app.state.cypher_pool = CypherPool(settings)
    app.state.responses = ResponseCache(
        max_entries=settings.cache_entries, max_bytes=settings.cache_bytes
    )
    errors.install(app)
    for router in (
        docs.router,
        health.router,
        hospitals.router,
        entities.router,
        provinces.router,
        paths.router,
        documents.router,
        queries.router,
        views.router,
        corrections.router,
        report_site.router,
    ):
        app.include_router(router)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    return app


def server_command(host: str, port: int, workers: int = 1) -> list[str]:
    """The command line that runs the API in a process of its own, with the protocol `serve` runs
    and quiet logs (a load test's or a reliability test's server; settings from its HOSPNET_* env)."""
    import sys

    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "hospnet.api.app:create_app",
        "--http",
        "hospnet.api.http:ApiH11Protocol",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the API with uvicorn until interrupted (what `hospnet serve` does).

    With several workers each process builds its app from the same HOSPNET_* environment the
    settings were read from (uvicorn needs an import string to start them).
    """
    import uvicorn

    from .http import server_options

    if workers > 1:
        uvicorn.run(
            "hospnet.api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            **server_options(),
        )
    else:
        uvicorn.run(
            create_app(settings), host=host, port=port, log_level="info", **server_options()
        )
