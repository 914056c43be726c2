"""The store layer: `open_store(settings)` gives the live GraphStore; drivers stay inside this package."""

from __future__ import annotations

from ..errors import ConfigError
from ..settings import Settings
from .base import GraphStore


def open_store(settings: Settings, *, supervise: bool = False) -> GraphStore:
    """The configured store, imported lazily so the embedded default never loads the Neo4j driver.

    `supervise` is for a long-running process (the API): the embedded server is started again
    when it dies. A Neo4j server is not ours to restart; its driver reconnects when it is back.
    """
    backend = settings.backend
    if backend == "falkordb":
        from .falkordb import FalkorDBStore

        return FalkorDBStore(settings, supervise=supervise)
    if backend == "neo4j":
        if not settings.neo4j_uri:
            raise ConfigError("HOSPNET_STORE is neo4j but HOSPNET_NEO4J_URI is not set")
        from .neo4j import Neo4jStore

        return Neo4jStore(settings)
    raise ConfigError(f"unknown store {backend!r}: use 'falkordb' or 'neo4j'")


__all__ = ["GraphStore", "open_store"]
