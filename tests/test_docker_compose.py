"""docker-compose.yml and the Dockerfile say what the README promises: Neo4j 5.26, a volume, a health gate.

`docker compose config` (or Debian's `docker-compose config`, which scripts/test installs) also
validates the file; no Docker engine is needed for that.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from hospnet.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"


def _default(value: str) -> str:
    """`neo4j/${NEO4J_PASSWORD:-x}` as compose renders it without the variable: `neo4j/x`."""
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


def test_compose_runs_neo4j_526_community_with_a_volume_and_a_healthcheck():
    spec = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    neo4j = spec["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"

    user, _, password = _default(neo4j["environment"]["NEO4J_AUTH"]).partition("/")
    assert user == "neo4j" and len(password) >= 8  # Neo4j 5 refuses shorter passwords

    volume, _, target = neo4j["volumes"][0].partition(":")
    assert target == "/data" and volume in spec["volumes"]  # a named volume, not a bind mount

    check = neo4j["healthcheck"]
    assert "cypher-shell" in " ".join(check["test"]) and check["retries"] >= 3


def test_compose_api_waits_for_a_healthy_neo4j_and_uses_real_settings():
    spec = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    api, neo4j = spec["services"]["api"], spec["services"]["neo4j"]
    assert (ROOT / api["build"]["context"] / api["build"]["dockerfile"]).resolve() == DOCKERFILE
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"

    env = {key: _default(str(value)) for key, value in api["environment"].items()}
    assert env["HOSPNET_NEO4J_URI"] == "bolt://neo4j:7687"
    assert (
        env["HOSPNET_NEO4J_PASSWORD"]
        == _default(neo4j["environment"]["NEO4J_AUTH"]).partition("/")[2]
    )
    # Every variable is one hospnet reads: a renamed setting fails here, not in a container.
    fields = {f"HOSPNET_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields, set(env) - fields
    assert (
        Settings(
            _env_file=None, **{k.removeprefix("HOSPNET_").lower(): v for k, v in env.items()}
        ).backend
        == "neo4j"
    )


def test_dockerfile_installs_the_package_and_serves_on_all_interfaces():
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert re.search(r"pip install \"?\.", text)
    cmd = re.search(r"^CMD (\[.*\])$", text, re.MULTILINE)
    assert cmd and yaml.safe_load(cmd.group(1))[:4] == ["hospnet", "serve", "--host", "0.0.0.0"]


def _compose_command() -> list[str] | None:
    """The compose client to validate with: the `docker compose` plugin, else Debian's `docker-compose`."""
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run(
            [docker, "compose", "version"], capture_output=True, timeout=30
        ).returncode
        == 0
    ):
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_docker_compose_config_accepts_the_file():
    command = _compose_command()
    if command is None:
        pytest.skip(
            "no compose client: neither the `docker compose` plugin nor `docker-compose` "
            "(scripts/test installs Debian's docker-compose)"
        )
    done = subprocess.run(
        [*command, "-f", str(COMPOSE), "config", "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_docker_compose_config_rejects_a_broken_file(tmp_path):
    """The validation above can fail: an unknown depends_on condition is refused."""
    command = _compose_command()
    if command is None:
        pytest.skip("no compose client: neither the `docker compose` plugin nor `docker-compose`")
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(
        COMPOSE.read_text(encoding="utf-8").replace("service_healthy", "service_whenever"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [*command, "-f", str(broken), "config", "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode != 0 and "condition" in done.stderr
