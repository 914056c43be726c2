"""The local Neo4j's install: Java and Maven checked, the Neo4j jars resolved from Maven Central, the launcher compiled.

Lives under the server's home (neo4j_server.home), beside the store:

    m2/                      Maven repository: the Neo4j jars, downloaded once
    <version>/classpath.txt  the resolved classpath of org.neo4j:neo4j + org.neo4j:neo4j-bolt
    <version>/classes/       HospnetNeo4j.class, compiled from neo4j_launcher/ with javac

Needs Java 17 (or newer) and Maven on PATH; the first use downloads about 160 MB. What the server
is configured with lives in neo4j_launcher/HospnetNeo4j.java (connectors, memory limits, page
cache) and in JVM_OPTIONS here (the heap).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from hospnet.errors import ConfigError, StoreUnavailable
from hospnet.settings import Settings

LAUNCHER_CLASS = "HospnetNeo4j"
MAVEN_TIMEOUT = 1800.0
JVM_OPTIONS = (
    # The whole heap from the start: a small young generation made a 20,000-row write collect
    # about ten times per round (-Xms256m: 47 young collections in five rounds, 21 with 768m).
    "-Xms768m",
    "-Xmx768m",
    "-XX:+UseG1GC",
    # Both JIT compilers (the JVM's default; no -XX:TieredStopAtLevel=1). C1 alone spends less CPU
    # compiling, but its code is slower where the writes are: on 2 cores, in one benchmark run, the
    # batched writer gave 20,500 rows/s with C1 and 30,400 with C2 (0.39 and 0.61 of FalkorDB's),
    # and 10,000 documents ingested in 43 s and 38 s (benchmarks/RESULTS.md).
    "-Dfile.encoding=UTF-8",
    # What Neo4j's own start script opens, so the page cache and Netty avoid slow fallbacks.
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


@dataclass(frozen=True)
class Launcher:
    """What running the server takes: a Java 17+, the Neo4j jars and the compiled launcher."""

    java: str
    classpath: list[str]
    classes: Path


def prepare(settings: Settings, root: Path) -> Launcher:
    """Check Java, resolve (download, the first time) the jars and compile the launcher."""
    java = require_tool("java")
    check_java_version(java)
    classpath = resolve_classpath(settings, root)
    return Launcher(java, classpath, compile_launcher(root / settings.neo4j_version, classpath))


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ConfigError(
            f"`{name}` was not found on PATH; the local Neo4j needs Java 17 and Maven",
            hint="install a JDK 17 and Maven (Debian: apt-get install openjdk-17-jdk-headless maven), or point HOSPNET_NEO4J_URI at a running Neo4j",
        )
    return path


def check_java_version(java: str) -> None:
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)', out)
    if match and int(match.group(1)) < 17:
        raise ConfigError(
            f"Neo4j 5 needs Java 17 or newer; `java -version` says: {out.splitlines()[0]}",
            hint="install a JDK 17 and put it first on PATH",
        )


def check_password(settings: Settings) -> None:
    if len(settings.neo4j_password) < 8:
        raise ConfigError(
            "Neo4j 5 refuses passwords shorter than 8 characters",
            hint="set HOSPNET_NEO4J_PASSWORD to at least 8 characters",
        )


def _launcher_dir() -> Path:
    return Path(str(resources.files("hospnet.graph") / "neo4j_launcher"))


def resolve_classpath(settings: Settings, root: Path) -> list[str]:
    """Resolve (and download, the first time) the Neo4j jars into root/m2; cached in classpath.txt."""
    version_dir = root / settings.neo4j_version
    cp_file = version_dir / "classpath.txt"
    pom_digest = hashlib.sha256((_launcher_dir() / "pom.xml").read_bytes()).hexdigest()
    stamp = version_dir / "classpath.pom.sha256"  # a changed pom (a new dependency) resolves again
    if cp_file.exists() and stamp.exists() and stamp.read_text() == pom_digest:
        entries = [e for e in cp_file.read_text().strip().split(os.pathsep) if e]
        if entries and all(Path(e).exists() for e in entries):
            return entries
    mvn = require_tool("mvn")
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
            f"Maven could not resolve Neo4j {settings.neo4j_version} (org.neo4j:neo4j, org.neo4j:neo4j-bolt):\n{log_tail(log)}",
            hint=f"check access to Maven Central and HOSPNET_NEO4J_VERSION (a 5.26.x release); full log: {log}",
        )
    stamp.write_text(pom_digest)
    return [e for e in cp_file.read_text().strip().split(os.pathsep) if e]


def compile_launcher(version_dir: Path, classpath: list[str]) -> Path:
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
    javac = require_tool("javac")
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


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
