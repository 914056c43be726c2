"""Files in, graph out: loaders -> extract -> batching writer, one document at a time isolated.

A bad document is reported and skipped; the rest of the batch goes on. A document already in
the store (same content hash) is skipped, so re-running a build is a no-op. Extraction runs in a
process pool for large batches; writing stays in this process, one transaction per flush.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .corrections import ApplyReport, apply_all
from .errors import DataFolderError, DocumentError
from .extract import extract, province_nodes
from .graph.base import GraphStore
from .graph.jsonl import is_export_file
from .graph.lock import build_lock
from .graph.writer import BatchWriter
from .ledger import Failure, FailureLedger
from .loaders import iter_files, load_file
from .model import Document, Extraction
from .settings import Settings

CHUNK = 64  # documents checked against the ledger and extracted together
POOL_THRESHOLD = 200  # below this many files a process pool costs more than it saves


@dataclass
class BuildSummary:
    """What a build did, for the closing table and for tests."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    errors_file: Path | None = None
    succeeded: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)  # one line each: files left out on purpose
    corrections: ApplyReport | None = None


# (event, count): "total" files once, "advance" per file read, "stored": documents written so far
Progress = Callable[[str, int], None]


def sample_corpus() -> Path:
    """The bundled sample corpus shipped with the package."""
    return Path(str(resources.files("hospnet") / "data" / "sample"))


def _extract_safely(doc: Document) -> Extraction | Failure:
    try:
        return extract(doc)
    except Exception as exc:  # one document's bug must not stop the batch
        return Failure(
            doc.path or doc.source or doc.id, f"extraction failed: {type(exc).__name__}: {exc}"
        )


def _documents(
    files: list[Path], settings: Settings, summary: BuildSummary, progress: Progress
) -> Iterator[Document]:
    for path in files:
        clean = True
        for item in load_file(path, max_bytes=settings.max_document_bytes):
            if isinstance(item, DocumentError):
                summary.failed.append(Failure(item.source, item.reason))
                clean = False
            else:
                summary.read += 1
                item.path = item.path or str(path)
                yield item
        if clean:
            summary.succeeded.add(str(path))
        progress("advance", 1)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def stored_document_ids(store: GraphStore, ids: list[str]) -> set[str]:
    rows = store.read("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id", {"ids": ids})
    return {row["id"] for row in rows}


def graph_counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
    rels = store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
    return ({r["label"]: r["n"] for r in nodes}, {r["type"]: r["n"] for r in rels})


def _fresh_chunks(
    documents: Iterable[Document], store: GraphStore, summary: BuildSummary
) -> Iterator[list[Document]]:
    """Chunks of documents not yet stored (nor seen earlier in this run)."""
    seen: set[str] = set()
    for chunk in _chunks(documents, CHUNK):
        stored = stored_document_ids(store, [d.id for d in chunk])
        fresh = []
        for doc in chunk:
            if doc.id in stored or doc.id in seen:
                summary.skipped += 1
            else:
                seen.add(doc.id)
                fresh.append(doc)
        yield fresh


def _extracted(
    chunks: Iterator[list[Document]], pool: ProcessPoolExecutor | None
) -> Iterator[list[Extraction | Failure]]:
    """Extraction results chunk by chunk; with a pool the next chunk is extracted while this one is written."""
    if pool is None:
        for fresh in chunks:
            yield [_extract_safely(doc) for doc in fresh]
        return
    pending = None
    for fresh in chunks:
        futures = [pool.submit(_extract_safely, doc) for doc in fresh]
        if pending is not None:
            yield [f.result() for f in pending]
        pending = futures
    if pending is not None:
        yield [f.result() for f in pending]


def ingest(
    documents: Iterable[Document],
    store: GraphStore,
    settings: Settings,
    summary: BuildSummary,
    *,
    workers: int = 1,
    progress: Progress | None = None,
) -> None:
    """Extract and write documents not yet in the store; the shared core of `build` and the API."""
    writer = BatchWriter(store, settings.batch_size)
    pool = ProcessPoolExecutor(workers) if workers > 1 else None
    try:
        for results in _extracted(_fresh_chunks(documents, store, summary), pool):
            for result in results:
                if isinstance(result, Failure):
                    summary.failed.append(result)
                else:
                    writer.add(result)
            writer.flush()
            if progress:
                progress("stored", len(writer.written_documents))
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
        summary.stored += len(writer.written_documents)
        for doc, error in writer.failed:
            summary.failed.append(
                Failure(doc.path or doc.source or doc.id, f"the store refused its facts: {error}")
            )


def build(
    paths: Iterable[Path] | None,
    store: GraphStore,
    settings: Settings,
    *,
    progress: Progress | None = None,
    retry_failed: bool = False,
) -> BuildSummary:
    """Read every file under `paths` (the sample corpus when none) into the store.

    With `retry_failed`, the sources that failed in earlier builds are read again as well. One
    build at a time writes to a store: a second one raises StoreLocked before reading a file.
    """
    with build_lock(settings):
        return _build(paths, store, settings, progress=progress, retry_failed=retry_failed)


def _build(
    paths: Iterable[Path] | None,
    store: GraphStore,
    settings: Settings,
    *,
    progress: Progress | None,
    retry_failed: bool,
) -> BuildSummary:
    progress = progress or (lambda event, n: None)
    summary = BuildSummary()
    ledger = FailureLedger(settings.data_dir)
    paths = list(paths or [])
    if retry_failed:
        paths += ledger.sources()
    elif not paths:
        paths = [sample_corpus()]
    files: list[Path] = []
    for path in paths:
        try:
            files += iter_files([Path(path)])
        except DocumentError as exc:
            summary.failed.append(Failure(exc.source, exc.reason))
    graphs = [f for f in files if is_export_file(f)]
    files = [f for f in files if f not in graphs]
    summary.notes += [
        f"skipped {f}: a graph export (hospnet export, or hospnet synth's ground truth), not documents; "
        "`hospnet import` loads it"
        for f in graphs
    ]
    progress("total", len(files))
    store.ensure_schema()
    BatchWriter(store, settings.batch_size).write_graph(province_nodes(), [])
    workers = settings.workers or (os.cpu_count() or 1)
    workers = workers if len(files) >= POOL_THRESHOLD else 1
    stopped = True
    try:
        ingest(
            _documents(files, settings, summary, progress),
            store,
            settings,
            summary,
            workers=workers,
            progress=progress,
        )
        stopped = False
    finally:
        failed_sources = {f.source for f in summary.failed}
        try:
            ledger.update(summary.failed, summary.succeeded - failed_sources)
        except DataFolderError:
            if not stopped:
                raise
            # else the error that stopped the build goes up: it names the cause (often the same folder)
        summary.errors_file = ledger.path if summary.failed else None
    summary.corrections = apply_all(
        store, settings.corrections_path
    )  # people's fixes outlast every build
    summary.nodes, summary.relationships = graph_counts(store)
    return summary
