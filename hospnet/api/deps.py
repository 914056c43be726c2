"""What an endpoint is handed: the settings, the one open store, a page window, the write permission."""

from __future__ import annotations

import hmac
import threading
from typing import Any, Callable, Literal
from dataclasses import dataclass

from fastapi import Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader

from ..errors import StoreUnavailable
from ..graph.base import GraphStore
from ..labels import pick_language
from ..settings import Settings
from .errors import ApiError

MAX_PAGE = 500
# Ids never hold control characters (names are normalised), and the embedded store cuts a query at NUL.
ID_PATTERN = r"^[^\x00-\x1f\x7f]+$"

_lock = threading.Lock()
api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The key set in HOSPNET_API_KEY."
)


def page_language(
    lang: Literal["vi", "en"] | None = Query(
        None, description="`vi` (default) or `en`; else Accept-Language decides."
    ),
    accept_language: str | None = Header(
        None, max_length=500, description="The browser's languages; used when `lang` is not given."
    ),
) -> str:
    """The language a page is written in: `lang` when given, else the browser's choice."""
    return pick_language(lang, accept_language)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def open_app_store(app: Any) -> GraphStore:
    """The app's store, opened now if the store was down at startup (or was lost since)."""
    with _lock:
        if app.state.store is None:
            from ..graph import open_store

            app.state.store = open_store(app.state.settings, supervise=True)
        store: GraphStore = app.state.store
        return store


async def get_store(request: Request) -> GraphStore:
    """The open store, handed over on the event loop (no thread hop per request); opening one
    (the store was down) blocks, so that alone runs in a worker thread."""
    store: GraphStore | None = request.app.state.store
    if store is not None:
        return store
    try:
        return await run_in_threadpool(open_app_store, request.app)
    except StoreUnavailable:
        raise
    except OSError as exc:
        raise StoreUnavailable(f"cannot open the store: {exc}") from exc


@dataclass
class Window:
    limit: int
    offset: int


async def page_window(
    limit: int = Query(50, ge=1, le=MAX_PAGE, description="Most items to return."),
    offset: int = Query(0, ge=0, le=1_000_000, description="Items to skip."),
) -> Window:
    """Async although it awaits nothing: FastAPI runs a plain `def` dependency in a worker thread,
    a thread hop per listing request (a cached search is otherwise two: the endpoint and this)."""
    return Window(limit=limit, offset=offset)


def require_api_key(
    key: str | None = Depends(api_key_header), settings: Settings = Depends(get_settings)
) -> None:
    """Writes need HOSPNET_API_KEY in the X-API-Key header; with no key configured they are off."""
    if not settings.api_key:
        raise ApiError(
            403,
            "writes_disabled",
            "writing is off on this server: set HOSPNET_API_KEY to enable POST /documents",
        )
    if not key or not hmac.compare_digest(key.encode("utf-8"), settings.api_key.encode("utf-8")):
        raise ApiError(401, "unauthorized", "missing or wrong X-API-Key header")


def read_module_page(
    store: GraphStore,
    name: str,
    params: dict[str, Any],
    window: Window,
    item: Callable[[dict[str, Any]], Any],
) -> dict[str, Any]:
    """A Page from a query module that answers one row of `total` and `items` (its own
    `SKIP $offset LIMIT $limit`), so a list is one named read and one round trip."""
    from .. import queries

    (row,) = queries.run(
        store, name, {**params, "offset": window.offset, "limit": window.limit}, limit=None
    )
    return {
        "total": row["total"],
        "limit": window.limit,
        "offset": window.offset,
        "items": [item(r) for r in row["items"]],
    }


def without_nulls(value: Any) -> Any:
    """A row with its null properties left out at every depth, so the model's defaults stand for them."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value
