"""Answers kept per graph version: a repeated lookup costs one version read, not the queries behind it.

The store keeps a version that changes with every write, in whichever process made it (see
GraphStore.version), so an answer computed at one version is the answer for as long as the store
says that version: no expiry to tune, and an ingest, import or correction in another worker is
seen by the next request here. Each answer carries an ETag made of the version and the URL; a
client that sends it back in If-None-Match gets 304 with no body.

The version is read before the answer's queries and again after them. Neo4j reads at read
committed, so a write that commits in between can show in the answer (wholly or, across several
queries, in part) while the first reading names the older version: such an answer is sent without
an ETag and not kept, so no tag ever names a version its body was not read at.

The cache is bounded by entries and by bytes (least recently used goes first), and only holds
answers of the current version: the first answer at a new version drops the others.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

import orjson
from fastapi import Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from ..graph.base import GraphStore
from .deps import get_store

JSON = "application/json"


@dataclass(frozen=True)
class Entry:
    etag: str
    body: bytes
    media_type: str


class ResponseCache:
    """Response bodies by URL, all of one graph version; at most `max_entries` and `max_bytes`.

    >>> cache = ResponseCache(max_entries=2, max_bytes=10)
    >>> for url in ("/a", "/b", "/c"): cache.put("v1", url, Entry('"x"', b"12345", JSON))
    >>> cache.get("v1", "/a"), cache.get("v1", "/c").body, cache.size()
    (None, b'12345', (2, 10))
    >>> cache.get("v2", "/c"), cache.size()
    (None, (0, 0))
    """

    def __init__(self, max_entries: int = 2048, max_bytes: int = 64_000_000) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._version: str | None = None
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0
        # A seam for tests: called between the first version read and the answer's queries, so a
        # test can commit a write from another connection exactly there.
        self.before_compute: Callable[[], None] | None = None
        self.unstable = 0  # answers read while the version moved: sent, never kept
        self.version_reads = NextRead()

    def _switch(self, version: str) -> None:
        if version != self._version:
            self._version, self._entries, self._bytes = version, OrderedDict(), 0

    def get(self, version: str, url: str) -> Entry | None:
        with self._lock:
            self._switch(version)
            entry = self._entries.get(url)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(url)
            self.hits += 1
            return entry

    def put(self, version: str, url: str, entry: Entry) -> None:
        if len(entry.body) > self.max_bytes:
            return
        with self._lock:
            self._switch(version)
            old = self._entries.pop(url, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[url] = entry
            self._bytes += len(entry.body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def count_unstable(self) -> None:
        with self._lock:
            self.unstable += 1

    def size(self) -> tuple[int, int]:
        """(entries, bytes) held now."""
        with self._lock:
            return len(self._entries), self._bytes


class NextRead:
    """One version read for every request that arrives while another is on its way.

    A request waits for the first read that *starts* after it arrived (never the one already in
    flight, which may predate a write this client has just seen close), and every request that
    arrives meanwhile shares that read. Under load that is one round trip per round trip's worth
    of requests instead of one each; alone, a request reads at once. What the read raises reaches
    every request that shared it.

    >>> reads = NextRead()
    >>> reads(lambda: "v1"), reads(lambda: "v2")
    ('v1', 'v2')
    """

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._started = 0  # reads begun so far; one is running while it is ahead of `_finished`
        self._finished = 0
        self._outcome: tuple[object, BaseException | None] = (None, None)

    def __call__(self, read: Callable[[], str]) -> str:
        with self._turn:
            wanted = self._started + 1  # the first read to start from now on
            while self._finished < wanted:
                if self._started == self._finished < wanted:  # none running: lead the next one
                    self._started = wanted
                    break
                self._turn.wait()
            else:
                return self._result()
        try:
            outcome: tuple[object, BaseException | None] = (read(), None)
        except BaseException as exc:  # every sharer gets it, as a caller of `read` would
            outcome = (None, exc)
        with self._turn:
            self._outcome, self._finished = outcome, wanted
            self._turn.notify_all()
            return self._result()

    def _result(self) -> str:
        value, error = self._outcome
        if error is not None:
            raise error
        return str(value)


def etag(version: str, url: str) -> str:
    """A strong ETag: the same for one URL at one graph version, different across either."""
    return '"' + hashlib.blake2b(f"{version} {url}".encode(), digest_size=12).hexdigest() + '"'


def _matches(header: str | None, tag: str) -> bool:
    if not header:
        return False
    return header.strip() == "*" or tag in (
        part.strip().removeprefix("W/") for part in header.split(",")
    )


def _model(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot send {type(value).__name__} as JSON")


def json_bytes(value: object) -> bytes:
    """orjson's bytes of pydantic models, or plain values holding them, as FastAPI would send them.

    >>> json_bytes({"total": 0, "items": []})
    b'{"total":0,"items":[]}'
    """
    return orjson.dumps(value, default=_model)


class Cached:
    """What a cached endpoint is handed: `respond(compute)` gives the stored answer, a 304, or
    computes, stores and sends a fresh one."""

    def __init__(self, request: Request, store: GraphStore) -> None:
        self.request = request
        self.store = store
        self.cache: ResponseCache = request.app.state.responses
        self.url = str(request.url.path) + ("?" + request.url.query if request.url.query else "")

    @cached_property
    def version(self) -> str:
        """Read on first use, in the endpoint's worker thread: building this object does no I/O, so
        FastAPI runs the dependency on the event loop instead of handing it to a thread of its own."""
        return self.cache.version_reads(self.store.last_version)

    @cached_property
    def etag(self) -> str:
        return etag(self.version, self.url)

    def respond(
        self,
        compute: Callable[[], object],
        media_type: str = JSON,
        headers: dict[str, str] | None = None,
    ) -> Response:
        headers = {"ETag": self.etag, "Cache-Control": "no-cache", **(headers or {})}
        if _matches(self.request.headers.get("if-none-match"), self.etag):
            return Response(status_code=304, headers=headers)
        entry = self.cache.get(self.version, self.url)
        if entry is None:
            if self.cache.before_compute is not None:
                self.cache.before_compute()
            value = compute()
            body = value.encode() if isinstance(value, str) else json_bytes(value)
            if self.store.version() != self.version:  # a write committed while this was read
                self.cache.count_unstable()
                del headers["ETag"]
                return Response(body, media_type=media_type, headers=headers)
            entry = Entry(self.etag, body, media_type)
            self.cache.put(self.version, self.url, entry)
        return Response(entry.body, media_type=entry.media_type, headers=headers)


async def cached(request: Request, store: GraphStore = Depends(get_store)) -> Cached:
    return Cached(request, store)
