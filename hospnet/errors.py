"""One exception tree for hospnet, so the CLI and the API can each turn it into words in one place.

HospnetError                      anything hospnet raises on purpose
├── ConfigError                   settings are wrong; fix the environment
│   └── RuleFileError             a relation rule file (YAML) is malformed
├── DocumentError                 SKIP: this one document is bad; the batch goes on
│   ├── UnsupportedFormat
│   └── DocumentTooLarge
├── StoreError                    the graph store failed
│   ├── StoreUnavailable          RETRY: cannot reach the store (down, gone away)
│   ├── TransientStoreError       RETRY: deadlock, leader switch, busy
│   ├── QueryTimeout              the query ran over its time limit
│   ├── QueryTooLarge             the query needed more memory than a query may take
│   └── QueryRejected             a user query that is not read-only, or not allowed
├── DataFolderError               STOP: the data folder cannot be written (read-only, full)
├── StoreLocked                   STOP: another build writes to the same store (exit 4)
├── QueryNotFound                 no query module of that name
├── QueryParameterError           a query module's parameter is missing or malformed
│   └── UnknownName               a filter names nothing that exists (exit 2)
└── NotFound                      no node with that id
"""

from __future__ import annotations


class HospnetError(Exception):
    """Base of every error hospnet raises on purpose; `hint` tells the user what to do."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class ConfigError(HospnetError):
    hint = "check the HOSPNET_* environment variables"


class RuleFileError(ConfigError):
    """A relation rule file that cannot be read; the message names the file and the rule."""

    hint = "fix the rule file (its header describes the format)"


class DocumentError(HospnetError):
    """A document cannot be read; it is skipped and reported, the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(DocumentError):
    pass


class DocumentTooLarge(DocumentError):
    pass


class StoreError(HospnetError):
    pass


class StoreUnavailable(StoreError):
    retryable = True
    hint = "start the store (embedded: it starts by itself; Neo4j: `hospnet neo4j start`) and run again"


class TransientStoreError(StoreError):
    retryable = True


class QueryTimeout(StoreError):
    hint = "narrow the query or raise HOSPNET_QUERY_TIMEOUT"


class QueryTooLarge(StoreError):
    hint = "narrow the query: fewer rows before aggregating, shorter lists"


class QueryRejected(StoreError):
    hint = "only read-only Cypher is accepted here"


class DataFolderError(HospnetError):
    """The data folder (store files, the failure ledger) refuses writes: the build stops, the next
    run resumes; what was stored stays."""

    hint = "free space on its disk or make it writable, then run again; what was stored is kept"


class StoreLocked(HospnetError):
    """Another build holds the store's build lock; two builds at once would interleave their writes."""

    hint = "wait for the other build to end or stop it, then run again"
    exit_code = 4


class QueryNotFound(HospnetError):
    hint = "run `hospnet query list` to see the query modules"


class QueryParameterError(HospnetError):
    hint = "run `hospnet query list` to see each module's parameters"


class NotFound(HospnetError):
    pass


class UnknownName(QueryParameterError):
    """A filter names a province, programme, technique, type or language that does not exist: CLI exit 2, API 422."""

    hint = ""
    exit_code = 2
