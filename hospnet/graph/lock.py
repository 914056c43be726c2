"""One writer of documents at a time per store (`hospnet build`, `hospnet import`, POST
/documents): an exclusive lock on a file, which the kernel frees when its holder dies, so a
writer killed with SIGKILL never leaves a stale lock behind.

The embedded store's lock lives in its own folder. A Neo4j server has no folder of ours: its lock
is a file in the system's temporary folder named after the URI and database as written, so it
keeps out writers from this machine only. A lock in the store itself would reach every machine,
but neither form is cheap: a lock node is seen by every reader (the export, the counts, /cypher)
and outlives a holder killed with SIGKILL, so it needs a lease renewed by a thread; and a lock
held by an open transaction is cut by the server's own transaction time limit (600 s on the
launcher's), well before a national build ends.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import DataFolderError, StoreLocked
from ..settings import Settings
from . import falkordb_server


def lock_path(settings: Settings) -> Path:
    if settings.backend == "falkordb":
        return falkordb_server.server_dir(settings.data_dir) / "build.lock"
    key = f"{settings.neo4j_uri}|{settings.neo4j_database or ''}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"hospnet-build-{digest}.lock"


@contextmanager
def build_lock(settings: Settings, writer: str = "hospnet build") -> Iterator[None]:
    """Hold the store's build lock, or raise StoreLocked naming the writer that holds it."""
    path = lock_path(settings)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+", encoding="utf-8")
    except OSError as exc:
        raise DataFolderError(f"cannot write the build lock {path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            pid, _, holder = handle.read().strip().partition(" ")
            where = "the embedded store" if settings.backend == "falkordb" else settings.neo4j_uri
            raise StoreLocked(
                f"another writer ({holder or 'hospnet build'}, pid {pid or 'unknown'}) is "
                f"writing to {where}; lock file {path}"
            ) from None
        try:
            handle.truncate(0)
            handle.write(f"{os.getpid()} {writer}")  # for the message the next writer gets
            handle.flush()
        except OSError as exc:
            raise DataFolderError(f"cannot write the build lock {path}: {exc.strerror}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
