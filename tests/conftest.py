"""The one store fixture: every store-touching test runs once per store (falkordb, neo4j).

HOSPNET_TEST_STORES picks the stores (default both). A store that cannot be started fails the
run; it is never skipped.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from hospnet.settings import Settings

STORES = [
    s.strip()
    for s in os.environ.get("HOSPNET_TEST_STORES", "falkordb,neo4j").split(",")
    if s.strip()
]
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def falkordb_dir():
    """One embedded server for the session, in a short temporary folder (unix socket paths are short)."""
    from hospnet.graph import falkordb_server

    folder = Path(tempfile.mkdtemp(prefix="hn-"))
    falkordb_server.start(folder)
    yield folder
    falkordb_server.stop(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def neo4j_base_settings(tmp_path_factory):
    from tests.neo4j_fixture import neo4j_settings

    return neo4j_settings(tmp_path_factory.mktemp("neo4j-run"))


def _settings_for(backend: str, request, tmp_path: Path) -> Settings:
    if backend == "falkordb":
        data_dir = request.getfixturevalue("falkordb_dir")
        return Settings(
            store="falkordb",
            data_dir=data_dir,
            graph_name=f"t{uuid.uuid4().hex[:12]}",
            # the data dir is shared by the session; a ledger is the test's own
            corrections_file=tmp_path / "corrections.jsonl",
            _env_file=None,
        )
    base = request.getfixturevalue("neo4j_base_settings")
    return base.model_copy(update={"data_dir": tmp_path / "data"})


@pytest.fixture(params=STORES)
def settings(request, tmp_path) -> Settings:
    """Settings pointing at a fresh, empty graph on one store."""
    return _settings_for(request.param, request, tmp_path)


@pytest.fixture
def store(settings):
    from hospnet.graph import open_store

    store = open_store(settings)
    store.clear()
    store.ensure_schema()
    yield store
    store.clear()
    store.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), (
        f"the seed articles are missing: expected {SEEDS} (../shared/seeds beside the repo)"
    )
    return SEEDS


@pytest.fixture(scope="session")
def spare_neo4j():
    """Settings of a second, HTTP-enabled local Neo4j started for this run (see neo4j_fixture.spare_settings)."""
    from hospnet.graph import neo4j_server
    from tests.neo4j_fixture import spare_settings

    spare = spare_settings(Path(tempfile.mkdtemp(prefix="hn-spare-")))
    neo4j_server.start(spare)
    yield spare
    neo4j_server.stop(spare)
    shutil.rmtree(spare.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def national(falkordb_dir, tmp_path_factory):
    """The national synthetic graph (tests/national.py), built once on the embedded store and
    shared: tests that use it only read it."""
    from tests.national import build_national

    built = build_national(falkordb_dir, tmp_path_factory.mktemp("national"))
    print(
        f"\nnational graph: {built.summary.stored:,} documents built in {built.build_seconds:.0f}s "
        f"({built.settings.graph_name} on the embedded store)"
    )
    yield built
    built.store.clear()
    built.store.close()


@pytest.fixture(scope="session")
def national_site(national, tmp_path_factory) -> Path:
    """The folder of the national graph's report site (`hospnet report`), written once."""
    from hospnet.reports import build_report

    return build_report(national.store, tmp_path_factory.mktemp("national-site")).index.parent
