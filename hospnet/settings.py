"""The one settings object: every HOSPNET_* variable, read once at the edge and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    import os

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hospnet"


class Settings(BaseSettings):
    """Configuration of hospnet; the CLI and the API build one and hand it down."""

    model_config = SettingsConfigDict(env_prefix="HOSPNET_", extra="ignore")

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder for the embedded store, the Neo4j install and outputs.",
    )
    store: str = Field(
        "auto",
        description="'falkordb', 'neo4j', or 'auto' (neo4j when neo4j_uri is set, else the embedded falkordb).",
    )
    graph_name: str = Field("hospnet", description="Graph name inside the embedded store.")
    neo4j_uri: str | None = Field(
        None, description="bolt://, neo4j://, bolt+s:// or neo4j+s:// address of a Neo4j server."
    )
    neo4j_user: str = Field("neo4j", description="Neo4j user name.")
    neo4j_password: str = Field("hospnet-dev", description="Neo4j password.")
    neo4j_database: str | None = Field(
        None, description="Neo4j database name; the server default when unset."
    )
    neo4j_version: str = Field(
        "5.26.30", description="Neo4j Community version `hospnet neo4j start` runs."
    )
    neo4j_bolt_port: int = Field(
        7687, description="Bolt port of the local Neo4j that `hospnet neo4j start` runs."
    )
    neo4j_http_port: int = Field(
        7474,
        ge=0,
        le=65535,
        description="HTTP port of the local Neo4j (Neo4j Browser at /browser/, the Query API); 0 turns HTTP off.",
    )
    batch_size: int = Field(
        2000,
        description="Rows per UNWIND statement and per write transaction (a build also commits after each chunk of documents).",
    )
    query_timeout: float = Field(20.0, description="Seconds a read query may run.")
    row_limit: int = Field(10_000, description="Most rows a user query returns.")
    cypher_concurrency: int = Field(
        2,
        ge=1,
        description="Most /cypher queries an API worker runs at once; one more is answered 503 with Retry-After.",
    )
    max_document_bytes: int = Field(5_000_000, description="Largest document accepted, in bytes.")
    max_documents_per_request: int = Field(
        100, description="Most documents one POST /documents may carry."
    )
    max_request_bytes: int = Field(10_000_000, description="Largest API request body, in bytes.")
    api_key: str | None = Field(
        None, description="Key for POST /documents; the endpoint is off when unset."
    )
    cache_entries: int = Field(
        2048, description="Most API answers each API worker keeps for the current graph version."
    )
    cache_bytes: int = Field(
        64_000_000, description="Most bytes of API answers each API worker keeps."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed by CORS; none when empty."
    )
    corrections_file: Path | None = Field(
        None,
        description="The corrections ledger (JSON lines, keep it in git); data_dir/corrections.jsonl when unset.",
    )
    workers: int = Field(0, description="Extraction processes for a build; 0 means one per core.")

    @property
    def corrections_path(self) -> Path:
        return self.corrections_file or self.data_dir / "corrections.jsonl"

    @property
    def backend(self) -> str:
        if self.store != "auto":
            return self.store
        return "neo4j" if self.neo4j_uri else "falkordb"

    def store_environment(self) -> dict[str, str]:
        """The HOSPNET_* variables that point another process (a server, a notebook's kernel, the CLI)
        at the store these settings name."""
        env = {
            "HOSPNET_STORE": self.backend,
            "HOSPNET_DATA_DIR": str(self.data_dir),
            "HOSPNET_GRAPH_NAME": self.graph_name,
        }
        if self.backend == "neo4j":
            env.update(
                HOSPNET_NEO4J_URI=self.neo4j_uri or "",
                HOSPNET_NEO4J_USER=self.neo4j_user,
                HOSPNET_NEO4J_PASSWORD=self.neo4j_password,
            )
            if self.neo4j_database:
                env["HOSPNET_NEO4J_DATABASE"] = self.neo4j_database
        return env
