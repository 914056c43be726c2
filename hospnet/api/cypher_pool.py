"""/cypher runs in worker processes of its own, HOSPNET_CYPHER_CONCURRENCY of them per API worker.

Turning 10,000 rows of a reply into JSON takes a core for a few hundred milliseconds; inside the
API's process that held the interpreter lock, and every lookup meanwhile (/health, a hospital
profile) waited on it. A worker sends back the finished JSON body, so the API process only
passes bytes along. Each worker opens the store once and reuses it.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from ..errors import HospnetError, QueryRejected, QueryTimeout, StoreError, StoreUnavailable
from ..graph.base import GraphStore
from ..settings import Settings
from .models import Rows

# How long past the query's own limit the API waits for a worker (the store gives up first).
GRACE = 1.8

_store: GraphStore | None = None


def _start(settings_json: str) -> None:
    """In a new worker: leave Ctrl-C to the server, open the store."""
    global _store
    from ..graph import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _store = open_store(Settings.model_validate_json(settings_json))


def _ready() -> bool:
    return _store is not None


def user_rows(
    run: Callable[[int], list[dict[str, Any]]], row_limit: int, limit: int, offset: int
) -> Rows:
    """One page of a user query's rows: `run` reads up to row_limit + 1 (one more says the rows
    were cut); a query the store cannot run is the caller's mistake (400), not a 500."""
    try:
        rows = run(row_limit + 1)
    except StoreError as exc:
        if type(exc) is not StoreError:  # a timeout, a refusal, a store away: each says so itself
            raise
        raise QueryRejected(
            f"the store could not run this query: {exc}", hint="check the Cypher"
        ) from None
    total = min(len(rows), row_limit)
    page = rows[offset : min(offset + limit, total)]
    return Rows(
        rows=page,
        count=len(page),
        total=total,
        limit=limit,
        offset=offset,
        truncated=len(rows) > row_limit,
    )


def _read(
    cypher: str, params: dict[str, Any], timeout: float, row_limit: int, limit: int, offset: int
) -> bytes:
    store = _store
    assert store is not None

    def run(most: int) -> list[dict[str, Any]]:
        return store.read(cypher, params, timeout=timeout, limit=most)

    try:
        return user_rows(run, row_limit, limit, offset).model_dump_json().encode()
    except HospnetError:
        raise
    except Exception as exc:  # what cannot cross back to the API is said in words
        raise StoreError(f"the query failed in its worker: {exc}") from None


class CypherPool:
    """A small pool of worker processes that run user Cypher and answer JSON bodies."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=self._settings.cypher_concurrency,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self._settings.model_dump_json(),),
                )
                # Started now, and waited for: starting a worker is not the query's time.
                self._executor.submit(_ready).result(timeout=120)
            return self._executor

    def start(self) -> bool:
        """Start the workers unless they run; True when they were started now."""
        started = self._executor is None
        try:
            self._pool()
        except BrokenProcessPool as exc:
            self._reset()
            raise StoreUnavailable(f"the Cypher worker could not open the store: {exc}") from exc
        return started

    def read(
        self,
        cypher: str,
        params: dict[str, Any],
        *,
        timeout: float,
        row_limit: int,
        limit: int,
        offset: int,
    ) -> bytes:
        """The JSON body of a page of the query's rows, or the hospnet error the worker raised."""
        future = self._pool().submit(_read, cypher, params, timeout, row_limit, limit, offset)
        try:
            return future.result(timeout=timeout + GRACE)
        except FutureTimeout:
            raise QueryTimeout(
                f"the query ran over its time limit of {timeout:.1f} s (no answer from its worker)"
            ) from None
        except BrokenProcessPool as exc:
            self._reset()
            raise StoreUnavailable(f"the Cypher worker stopped: {exc}") from exc
        except HospnetError:
            raise
        except Exception as exc:
            raise StoreError(f"the query failed in its worker: {exc}") from exc

    def _reset(self, *, wait: bool = False) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers, waiting for them (a query running ends within its time limit)."""
        self._reset(wait=True)
