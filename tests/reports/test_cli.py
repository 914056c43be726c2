"""`hospnet report --out DIR [--legacy]` on the fixture graph, on each store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hospnet.cli import app
from tests.fixture_graph import write_fixture


def _env(settings) -> dict[str, str]:
    env = {
        "HOSPNET_STORE": settings.backend,
        "HOSPNET_DATA_DIR": str(settings.data_dir),
        "HOSPNET_GRAPH_NAME": settings.graph_name,
    }
    if settings.neo4j_uri:
        env.update(
            HOSPNET_NEO4J_URI=settings.neo4j_uri,
            HOSPNET_NEO4J_USER=settings.neo4j_user,
            HOSPNET_NEO4J_PASSWORD=settings.neo4j_password,
        )
    return env


def test_report_command(store, settings, tmp_path, monkeypatch):
    write_fixture(store)
    for key, value in _env(settings).items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "provinces covered: 5 of 34" in result.output
    assert (tmp_path / "r" / "report.html").is_file() and (tmp_path / "r" / "report.md").is_file()
    assert len(list((tmp_path / "r" / "tables").iterdir())) == 30
    legacy = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "l"), "--legacy"])
    assert legacy.exit_code == 0, legacy.output
    rows = json.loads((tmp_path / "l" / "tables" / "provinces.json").read_text(encoding="utf-8"))[
        "rows"
    ]
    assert len(rows) == 63


def test_report_command_has_help():
    result = CliRunner().invoke(app, ["report", "--help"])
    assert (
        result.exit_code == 0
        and "--legacy" in result.output
        and "coverage-gap report" in result.output
    )
