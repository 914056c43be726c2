"""GET /documents (the list), GET /documents/{id} (what one document contributed) and POST /documents (ingest, with the API key)."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path, Query
from fastapi.responses import Response

from ... import queries
from ...build import BuildSummary, ingest
from ...corrections import apply_all
from ...errors import DocumentError, NotFound
from ...graph.base import GraphStore, Row
from ...graph.lock import build_lock
from ...loaders import load_bytes
from ...model import Document
from ...names import normalize_text
from ...settings import Settings
from ..cache import Cached, cached
from ..deps import (
    without_nulls,
    ID_PATTERN,
    Window,
    get_settings,
    get_store,
    page_window,
    read_module_page,
    require_api_key,
)
from ..errors import ApiError
from ...model import DocumentRef
from ..models import DocumentDetail, DocumentIn, Failure, IngestResult, Page, Sentence

router = APIRouter(tags=["documents"])


def _text(value: object) -> str | None:
    return None if value is None else str(value)


DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _ref(row: Row) -> DocumentRef:
    return DocumentRef(
        id=row["id"],
        title=_text(row["title"]),
        date=_text(row["date"]),
        source=_text(row["source"]),
    )


@router.get("/documents", response_model=Page[DocumentRef])
def list_documents(
    q: str | None = Query(
        None,
        max_length=200,
        description="Part of the title, any case (`bạch mai`).",
        examples=["bạch mai"],
    ),
    date_from: str | None = Query(
        None,
        pattern=DATE_PATTERN,
        description="Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.",
        examples=["2024-01-01"],
    ),
    date_to: str | None = Query(
        None,
        pattern=DATE_PATTERN,
        description="Latest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`2024-06` includes all of June).",
        examples=["2024-06"],
    ),
    source: str | None = Query(
        None, max_length=200, description="Part of the source (a site or a file name), any case."
    ),
    window: Window = Depends(page_window),
    cache: Cached = Depends(cached),
) -> Response:
    """The documents the graph was read from, newest first, by title words, date range and source."""
    params = {
        "q": q.lower() if q and q.strip() else None,
        "date_from": date_from,
        "date_to": date_to,
        "source": source.lower() if source and source.strip() else None,
    }
    return cache.respond(
        lambda: read_module_page(cache.store, "document_search", params, window, _ref)
    )


@router.get("/documents/{id}", response_model=DocumentDetail)
def get_document(
    id: str = Path(
        ..., max_length=300, pattern=ID_PATTERN, description="Document id, `document:<hash>`."
    ),
    cache: Cached = Depends(cached),
) -> Response:
    """One document and the sentences it contributed: where it mentions nodes, and the evidence of relationships read from it."""
    return cache.respond(lambda: document_detail(cache.store, id))


def document_detail(store: GraphStore, id: str) -> DocumentDetail:
    """The document_sentences query module's one row as the API's model: a read of every
    relationship holding the document in its sources, so it is cached per graph version."""
    found = queries.run(store, "document_sentences", {"id": id})
    if not found:
        raise NotFound(f"no document with id {id!r}")
    row = without_nulls(found[0])
    sentences = [Sentence(via="MENTIONED_IN", **m) for m in row.pop("mentions")]
    sentences += [Sentence(**e) for e in row.pop("evidence")]
    return DocumentDetail.model_validate({**row, "sentences": sentences})


def _documents(
    items: list[DocumentIn], settings: Settings, failed: list[DocumentError]
) -> list[Document]:
    """The request's documents as the loaders read them; the ones they refuse go to `failed`."""
    out = []
    for i, item in enumerate(items):
        name = item.name or f"document-{i + 1}.txt"
        for loaded in load_bytes(
            name, item.text.encode("utf-8"), max_bytes=settings.max_document_bytes
        ):
            if isinstance(loaded, DocumentError):
                failed.append(loaded)
                continue
            given = {"title": item.title, "date": item.date, "source": item.source}
            update = {
                key: normalize_text(value)
                for key, value in given.items()
                if value and value.strip()
            }
            out.append(loaded.model_copy(update=update))
    return out


@router.post(
    "/documents",
    response_model=IngestResult,
    dependencies=[Depends(require_api_key)],
    responses={
        401: {"description": "Missing or wrong X-API-Key."},
        403: {"description": "Writes are off (no HOSPNET_API_KEY)."},
        409: {"description": "Another writer (a build, an import) is writing to the store."},
    },
)
def post_documents(
    documents: list[DocumentIn] = Body(
        ..., min_length=1, description="Documents: `{name, text}` or `{title, text, date, source}`."
    ),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> IngestResult:
    """Read documents into the graph (a document already stored is skipped). Needs the X-API-Key header."""
    if not documents:
        raise ApiError(422, "bad_parameter", "send at least one document")
    if len(documents) > settings.max_documents_per_request:
        raise ApiError(
            413,
            "too_many_documents",
            f"{len(documents)} documents in one request; at most {settings.max_documents_per_request} (HOSPNET_MAX_DOCUMENTS_PER_REQUEST)",
        )
    summary = BuildSummary()
    failed_loading: list[DocumentError] = []
    loaded = _documents(documents, settings, failed_loading)
    summary.read = len(loaded)
    with build_lock(settings, "POST /documents"):  # StoreLocked: 409 while another writer writes
        store.ensure_schema()
        ingest(loaded, store, settings, summary)
        # a merged name's new facts land on the survivor
        apply_all(store, settings.corrections_path)
    failures = [
        Failure(source=f.source, reason=f.reason) for f in failed_loading + list(summary.failed)
    ]
    return IngestResult(
        read=summary.read,
        stored=summary.stored,
        skipped=summary.skipped,
        failed=failures,
        documents=list(dict.fromkeys(d.id for d in loaded)),
    )
