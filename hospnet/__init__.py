"""hospnet: the Vietnamese hospital support network as a knowledge graph.

Entry points: `Settings` (configuration), `open_store` (the live graph store), `build` (documents
in, graph out). Everything else is reached through its subpackage.
"""

from .settings import Settings

__version__ = "0.1.0"


def open_store(settings: Settings | None = None):
    """The configured graph store (embedded FalkorDB unless HOSPNET_NEO4J_URI is set)."""
    from .graph import open_store as _open

    return _open(settings or Settings())


__all__ = ["Settings", "open_store", "__version__"]
