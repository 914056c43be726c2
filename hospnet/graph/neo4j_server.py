"""A local Neo4j Community server without Docker: jars from Maven Central, run by a tiny Java launcher.

Everything lives under `settings.data_dir / "neo4j"`:

    m2/                      Maven repository: the Neo4j jars, downloaded once
    <version>/classpath.txt  the resolved classpath of org.neo4j:neo4j + org.neo4j:neo4j-bolt
    <version>/classes/       HospnetNeo4j.class, compiled from neo4j_launcher/ with javac
    db/                      the store (Neo4j home: data/, logs/debug.log)
    neo4j.pid, neo4j.log     the running server and its console output

Needs Java 17 (or newer) and Maven on PATH. `start` downloads on first use (about 160 MB),
then starts in about ten seconds; the server runs detached until `stop`.

    python -m hospnet.graph.neo4j_server start|stop|status
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from hospnet.errors import ConfigError, HospnetError, StoreUnavailable
from hospnet.settings import Settings

LAUNCHER_CLASS = "HospnetNeo4j"
READY_MARKER = b"HOSPNET_NEO4J_READY"  # printed by the launcher once the password is set
_CHILDREN: list[subprocess.Popen[bytes]] = []
READY_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0
MAVEN_TIMEOUT = 1800.0
JVM_OPTIONS = (
    "-Xms256m",
    "-Xmx768m",
    "-XX:+UseG1GC",
    "-Dfile.encoding=UTF-8",
    # What Neo4j's own start script opens, so the page cache and Netty avoid slow fallbacks.
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


def home(settings: Settings) -> Path:
    return Path(settings.data_dir) / "neo4j"


def bolt_uri(settings: Settings) -> str:
    return f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"


def http_url(settings: Settings) -> str | None:
    """Where Neo4j Browser (/browser/) and the Query API (/db/neo4j/query/v2) answer; None with HTTP off."""
    return f"http://127.0.0.1:{settings.neo4j_http_port}" if settings.neo4j_http_port else None


def start(settings: Settings) -> str:
    """Start the local Neo4j (downloading it first if needed) and return its Bolt URI; no-op if running."""
    _check_password(settings)
    root = home(settings)
    root.mkdir(parents=True, exist_ok=True)
    with _lock(root / "start.lock"):
        pid = _running_pid(root)
        if pid is not None:
            state = _read_state(root)
            uri = str(state.get("uri", bolt_uri(settings)))
            _wait_until_ready(uri, settings, pid, root, timeout=READY_TIMEOUT)
            return uri
        java = _require_tool("java")
        _check_java_version(java)
        classpath = _resolve_classpath(settings, root)
        classes = _compile_launcher(root / settings.neo4j_version, classpath)
        _check_port_free(settings.neo4j_bolt_port)
        if settings.neo4j_http_port:
            _check_port_free(settings.neo4j_http_port, "HOSPNET_NEO4J_HTTP_PORT")
        uri = bolt_uri(settings)
        pid = _spawn(java, classes, classpath, settings, root)
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


# -- install: Maven resolves the jars, javac compiles the launcher -----------------------------


def _require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ConfigError(
            f"`{name}` was not found on PATH; the local Neo4j needs Java 17 and Maven",
            hint="install a JDK 17 and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), or point HOSPNET_NEO4J_URI at a running Neo4j",
        )
    return path


def _check_java_version(java: str) -> None:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    if match and int(match.group(1)) < 17:
        raise ConfigError(
            f"Neo4j 5 needs Java 17 or newer; `java -version` says: {out.splitlines()[0]}",
            hint="install a JDK 17 and put it first on PATH",
        )


def _check_password(settings: Settings) -> None:
    if len(settings.neo4j_password) < 8:
        raise ConfigError(
            "Neo4j 5 refuses passwords shorter than 8 characters",
            hint="set HOSPNET_NEO4J_PASSWORD to at least 8 characters",
        )


def _launcher_dir() -> Path:
    return Path(str(resources.files("hospnet.graph") / "neo4j_launcher"))


def _resolve_classpath(settings: Settings, root: Path) -> list[str]:
    """Resolve (and download, the first time) the Neo4j jars into root/m2; cached in classpath.txt."""
    version_dir = root / settings.neo4j_version
    cp_file = version_dir / "classpath.txt"
    pom_digest = hashlib.sha256((_launcher_dir() / "pom.xml").read_bytes()).hexdigest()
    stamp = version_dir / "classpath.pom.sha256"  # a changed pom (a new dependency) resolves again
    if cp_file.exists() and stamp.exists() and stamp.read_text() == pom_digest:
        entries = [e for e in cp_file.read_text().strip().split(os.pathsep) if e]
        if entries and all(Path(e).exists() for e in entries):
            return entries
    mvn = _require_tool("mvn")
    version_dir.mkdir(parents=True, exist_ok=True)
    # Maven writes next to the pom, and the package folder may be read-only: work on a copy.
    pom = version_dir / "pom.xml"
    shutil.copyfile(_launcher_dir() / "pom.xml", pom)
    log = version_dir / "maven.log"
    cmd = [
        mvn, "-B", "-q", "-f", str(pom),
        f"-Dmaven.repo.local={root / 'm2'}",
        f"-Dneo4j.version={settings.neo4j_version}",
        "dependency:build-classpath",
        f"-Dmdep.outputFile={cp_file}",
    ]  # fmt: skip
    with open(log, "w") as out:
        try:
            done = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, timeout=MAVEN_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise StoreUnavailable(
                f"downloading Neo4j {settings.neo4j_version} took over {MAVEN_TIMEOUT:.0f} s",
                hint=f"check access to Maven Central; log: {log}",
            ) from None
    if done.returncode != 0 or not cp_file.exists():
        cp_file.unlink(missing_ok=True)
        raise StoreUnavailable(
            f"Maven could not resolve Neo4j {settings.neo4j_version} (org.neo4j:neo4j, org.neo4j:neo4j-bolt):\n{_tail(log)}",
            hint=f"check access to Maven Central and HOSPNET_NEO4J_VERSION (a 5.26.x release); full log: {log}",
        )
    stamp.write_text(pom_digest)
    return [e for e in cp_file.read_text().strip().split(os.pathsep) if e]


def _compile_launcher(version_dir: Path, classpath: list[str]) -> Path:
    """Compile HospnetNeo4j.java against the jars; recompiled only when the source changes."""
    source = _launcher_dir() / f"{LAUNCHER_CLASS}.java"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    classes = version_dir / "classes"
    stamp = classes / "source.sha256"
    if (
        (classes / f"{LAUNCHER_CLASS}.class").exists()
        and stamp.exists()
        and stamp.read_text() == digest
    ):
        return classes
    javac = _require_tool("javac")
    shutil.rmtree(classes, ignore_errors=True)
    classes.mkdir(parents=True)
    done = subprocess.run(
        [
            javac,
            "-nowarn",
            "-encoding",
            "UTF-8",
            "-cp",
            os.pathsep.join(classpath),
            "-d",
            str(classes),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise StoreUnavailable(
            f"javac could not compile the Neo4j launcher:\n{done.stderr[-2000:]}",
            hint="use a JDK 17 (javac), not only a JRE",
        )
    stamp.write_text(digest)
    return classes


# -- run ------------------------------------------------------------------------------------------


def _check_port_free(port: int, setting: str = "HOSPNET_NEO4J_BOLT_PORT") -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise ConfigError(
                f"port {port} on 127.0.0.1 is already in use by another program",
                hint=f"stop that program or set {setting} to a free port",
            )


def _spawn(java: str, classes: Path, classpath: list[str], settings: Settings, root: Path) -> int:
    store = root / "db"
    store.mkdir(parents=True, exist_ok=True)
    cmd = [
        java,
        *JVM_OPTIONS,
        "-cp",
        os.pathsep.join([str(classes), *classpath]),
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
                f"the local Neo4j exited while starting:\n{_tail(log)}",
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


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


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
