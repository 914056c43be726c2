"""A local Neo4j Community server without Docker, run by a tiny Java launcher: start, stop, status.

Everything lives under `settings.data_dir / "neo4j"`: the install (m2/, <version>/, see
neo4j_install), and

    db/                      the store (Neo4j home: data/, logs/debug.log)
    neo4j.pid, neo4j.log     the running server and its console output

`start` installs on first use (neo4j_install: Java 17 and Maven, about 160 MB), then starts in
about ten seconds; the server runs detached until `stop`.

    python -m hospnet.graph.neo4j_server start|stop|status
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from hospnet.errors import ConfigError, HospnetError, StoreUnavailable
from hospnet.settings import Settings

from hospnet.graph.neo4j_install import (
    JVM_OPTIONS,
    LAUNCHER_CLASS,
    Launcher,
    check_password,
    log_tail,
    prepare,
)

READY_MARKER = b"HOSPNET_NEO4J_READY"  # printed by the launcher once the password is set
_CHILDREN: list[subprocess.Popen[bytes]] = []
READY_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0


def home(settings: Settings) -> Path:
    return Path(settings.data_dir) / "neo4j"


def bolt_uri(settings: Settings) -> str:
    return f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"


def http_url(settings: Settings) -> str | None:
    """Where Neo4j Browser (/browser/) and the Query API (/db/neo4j/query/v2) answer; None with HTTP off."""
    return f"http://127.0.0.1:{settings.neo4j_http_port}" if settings.neo4j_http_port else None


def start(settings: Settings) -> str:
    """Start the local Neo4j (downloading it first if needed) and return its Bolt URI; no-op if running."""
    check_password(settings)
    root = home(settings)
    root.mkdir(parents=True, exist_ok=True)
    with _lock(root / "start.lock"):
        pid = _running_pid(root)
        if pid is not None:
            state = _read_state(root)
            uri = str(state.get("uri", bolt_uri(settings)))
            _wait_until_ready(uri, settings, pid, root, timeout=READY_TIMEOUT)
            return uri
        launcher = prepare(settings, root)
        _check_port_free(settings.neo4j_bolt_port)
        if settings.neo4j_http_port:
            _check_port_free(settings.neo4j_http_port, "HOSPNET_NEO4J_HTTP_PORT")
        uri = bolt_uri(settings)
        pid = _spawn(launcher, settings, root)
        _write_state(
            root,
            {
                "pid": pid,
                "uri": uri,
                "version": settings.neo4j_version,
                "port": settings.neo4j_bolt_port,
                "http": http_url(settings),
            },
        )
        _wait_until_ready(uri, settings, pid, root, timeout=READY_TIMEOUT, fresh=True)
        return uri


def stop(settings: Settings) -> bool:
    """Stop the local Neo4j (SIGTERM runs its shutdown hook; SIGKILL after a minute); True if one ran."""
    root = home(settings)
    pid = _running_pid(root)
    if pid is None:
        _clear_state(root)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)
    _clear_state(root)
    return True


def status(settings: Settings) -> dict[str, Any]:
    """What a user asks first: is it installed, is it running, where, and is Bolt answering."""
    root = home(settings)
    pid = _running_pid(root)
    state = _read_state(root) if pid is not None else {}
    uri = state.get("uri", bolt_uri(settings))
    version = state.get("version", settings.neo4j_version)
    http = state.get("http") if pid is not None else http_url(settings)
    return {
        "running": pid is not None,
        "responding": pid is not None and _responds(uri, settings),
        "pid": pid,
        "uri": uri,
        "browser": f"{http}/browser/" if http else None,
        "query_api": f"{http}/db/neo4j/query/v2" if http else None,
        "version": version,
        "installed": (root / version / "classpath.txt").exists(),
        "store": str(root / "db"),
        "log": str(root / "neo4j.log"),
    }


# -- process bookkeeping ------------------------------------------------------------------------


def _pid_file(root: Path) -> Path:
    return root / "neo4j.pid"


def _read_state(root: Path) -> dict[str, Any]:
    try:
        info: dict[str, Any] = json.loads(_pid_file(root).read_text())
        return info
    except (OSError, ValueError):
        return {}


def _write_state(root: Path, state: dict[str, Any]) -> None:
    _pid_file(root).write_text(json.dumps(state))


def _clear_state(root: Path) -> None:
    _pid_file(root).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own exited child, not yet reaped) counts as gone.
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z"):
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            return False
    return True


def _running_pid(root: Path) -> int | None:
    """The pid from the pid file if that process is alive and is our launcher (pids get reused)."""
    pid = _read_state(root).get("pid")
    if not isinstance(pid, int) or not _alive(pid):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return pid  # no /proc (macOS): trust the pid file
    return pid if LAUNCHER_CLASS.encode() in cmdline else None


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """Two concurrent starts (two test runs) must not launch two servers on one store."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# -- run ------------------------------------------------------------------------------------------


def _check_port_free(port: int, setting: str = "HOSPNET_NEO4J_BOLT_PORT") -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise ConfigError(
                f"port {port} on 127.0.0.1 is already in use by another program",
                hint=f"stop that program or set {setting} to a free port",
            )


def _spawn(launcher: Launcher, settings: Settings, root: Path) -> int:
    store = root / "db"
    store.mkdir(parents=True, exist_ok=True)
    cmd = [
        launcher.java,
        *JVM_OPTIONS,
        "-cp",
        os.pathsep.join([str(launcher.classes), *launcher.classpath]),
        LAUNCHER_CLASS,
        str(store),
        str(settings.neo4j_bolt_port),
        str(settings.neo4j_http_port),
    ]
    # The password goes through a pipe, never argv or the environment: `ps` does not show it, and
    # neither does the JVM's /proc/PID/environ. hospnet's own secrets are not inherited either.
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("HOSPNET_") and ("PASSWORD" in k or "KEY" in k))
    }
    with open(root / "neo4j.log", "wb") as log:
        process = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=str(root),
            start_new_session=True,
        )
    assert process.stdin is not None
    process.stdin.write(settings.neo4j_password.encode("utf-8") + b"\n")
    process.stdin.close()
    _CHILDREN.append(process)  # keep a reference: a collected Popen warns that its child still runs
    return process.pid


def _driver(uri: str, settings: Settings) -> Any:
    import neo4j

    return neo4j.GraphDatabase.driver(
        uri, auth=(settings.neo4j_user, settings.neo4j_password), connection_timeout=3.0
    )


def _responds(uri: str, settings: Settings) -> bool:
    import neo4j.exceptions

    try:
        with _driver(uri, settings) as driver:
            driver.verify_connectivity()
        return True
    except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError):
        return False


def _wait_until_ready(
    uri: str, settings: Settings, pid: int, root: Path, *, timeout: float, fresh: bool = False
) -> None:
    """Wait until Bolt answers with our credentials; fail early, with the log, if the JVM died.

    A fresh server opens Bolt before the launcher has set the password, so until the launcher's
    ready line is in the log an authentication failure only means "not yet".
    """
    import neo4j.exceptions

    log = root / "neo4j.log"
    deadline = time.monotonic() + timeout
    while True:
        if not fresh or _has_ready_line(log):
            try:
                with _driver(uri, settings) as driver:
                    driver.verify_connectivity()
                return
            except neo4j.exceptions.AuthError:
                raise ConfigError(
                    f"the Neo4j at {uri} refused user {settings.neo4j_user!r} with the configured password",
                    hint="set HOSPNET_NEO4J_PASSWORD to the password this store was started with, or stop it and start again",
                ) from None
            except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError, OSError):
                pass
        if not _alive(pid):
            _clear_state(root)
            raise StoreUnavailable(
                f"the local Neo4j exited while starting:\n{log_tail(log)}",
                hint=f"see {log} and {root / 'db' / 'logs' / 'debug.log'}",
            )
        if time.monotonic() > deadline:
            raise StoreUnavailable(
                f"the local Neo4j did not answer on {uri} within {timeout:.0f} s",
                hint=f"see {log}; `python -m hospnet.graph.neo4j_server stop` ends it",
            )
        time.sleep(0.3)


def _has_ready_line(log: Path) -> bool:
    try:
        return READY_MARKER in log.read_bytes()
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    """`python -m hospnet.graph.neo4j_server start|stop|status`, for CI scripts before the CLI exists."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in {"start", "stop", "status"}:
        print("usage: python -m hospnet.graph.neo4j_server start|stop|status", file=sys.stderr)
        return 2
    settings = Settings()
    try:
        if args[0] == "start":
            began = time.monotonic()
            uri = start(settings)
            print(
                f"Neo4j {settings.neo4j_version} is running at {uri} ({time.monotonic() - began:.1f} s)"
            )
        elif args[0] == "stop":
            print("stopped" if stop(settings) else "not running")
        else:
            print(json.dumps(status(settings), indent=2))
    except HospnetError as error:
        print(f"Error: {error}\n{error.hint}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
