"""One build at a time per store: an exclusive lock on a file, which the kernel frees when its
holder dies, so a build killed with SIGKILL never leaves a stale lock behind.

The embedded store's lock lives in its own folder. A Neo4j server has no folder of ours: its lock
is a file in the system's temporary folder named after the URI and database as written, so it
keeps out builds from this machine only.
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
def build_lock(settings: Settings) -> Iterator[None]:
    """Hold the store's build lock, or raise StoreLocked naming the build that holds it."""
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
            holder = handle.read().strip() or "unknown"
            where = "the embedded store" if settings.backend == "falkordb" else settings.neo4j_uri
            raise StoreLocked(
                f"another build (pid {holder}) is writing to {where}; lock file {path}"
            ) from None
        try:
            handle.truncate(0)
            handle.write(str(os.getpid()))  # for the message the next build gets
            handle.flush()
        except OSError as exc:
            raise DataFolderError(f"cannot write the build lock {path}: {exc.strerror}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
