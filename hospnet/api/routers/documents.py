"""GET /documents/{id} (what one document contributed) and POST /documents (ingest, with the API key)."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path

from ...build import BuildSummary, ingest
from ...errors import DocumentError, NotFound
from ...graph.base import GraphStore
from ...loaders import load_bytes
from ...model import Document
from ...names import normalize_text
from ...settings import Settings
from ..deps import ID_PATTERN, get_settings, get_store, require_api_key
from ..errors import ApiError
from ..models import DocumentDetail, DocumentIn, Failure, IngestResult, Sentence

router = APIRouter(tags=["documents"])

DOCUMENT = "MATCH (d:Document {id: $id}) RETURN d AS d"
MENTIONS = (
    "MATCH (n)-[r:MENTIONED_IN]->(:Document {id: $id}) WHERE r.sentence IS NOT NULL "
    "RETURN r.sentence AS text, coalesce(n.name, n.title, n.id) AS node, r.start AS start ORDER BY start, node"
)
EVIDENCE = (
    "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' AND r.evidence IS NOT NULL AND $id IN r.sources "
    "RETURN r.evidence AS text, type(r) AS via, coalesce(a.name, a.title, a.id) AS node, "
    "coalesce(b.name, b.title, b.id) AS other ORDER BY text, via, node"
)


def _text(value) -> str | None:
    return None if value is None else str(value)


@router.get("/documents/{id}", response_model=DocumentDetail)
def get_document(id: str = Path(..., max_length=300, pattern=ID_PATTERN, description="Document id, `document:<hash>`."),
                 store: GraphStore = Depends(get_store)):
    """One document and the sentences it contributed: where it mentions nodes, and the evidence of relationships read from it."""
    found = store.read(DOCUMENT, {"id": id})
    if not found:
        raise NotFound(f"no document with id {id!r}")
    d = found[0]["d"]
    sentences, seen = [], set()
    for row in store.read(MENTIONS, {"id": id}, limit=None):
        key = ("MENTIONED_IN", row["text"], row["node"])
        if key not in seen:
            seen.add(key)
            sentences.append(Sentence(text=str(row["text"]), via="MENTIONED_IN", node=_text(row["node"])))
    for row in store.read(EVIDENCE, {"id": id}, limit=None):
        sentences.append(Sentence(text=str(row["text"]), via=row["via"], node=_text(row["node"]), other=_text(row["other"])))
    return DocumentDetail(id=id, title=_text(d.get("title")), date=_text(d.get("date")), source=_text(d.get("source")),
                          language=_text(d.get("language")), sentences=sentences)


def _documents(items: list[DocumentIn], settings: Settings, summary: BuildSummary) -> list[Document]:
    out = []
    for i, item in enumerate(items):
        name = item.name or f"document-{i + 1}.txt"
        for loaded in load_bytes(name, item.text.encode("utf-8"), max_bytes=settings.max_document_bytes):
            if isinstance(loaded, DocumentError):
                summary.failed.append(loaded)
                continue
            given = {"title": item.title, "date": item.date, "source": item.source}
            update = {key: normalize_text(value) for key, value in given.items() if value and value.strip()}
            out.append(loaded.model_copy(update=update))
    return out


@router.post("/documents", response_model=IngestResult, dependencies=[Depends(require_api_key)],
             responses={401: {"description": "Missing or wrong X-API-Key."}, 403: {"description": "Writes are off (no HOSPNET_API_KEY)."}})
def post_documents(
    documents: list[DocumentIn] = Body(..., description="Documents: `{name, text}` or `{title, text, date, source}`."),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
):
    """Read documents into the graph (a document already stored is skipped). Needs the X-API-Key header."""
    if not documents:
        raise ApiError(422, "bad_parameter", "send at least one document")
    if len(documents) > settings.max_documents_per_request:
        raise ApiError(413, "too_many_documents",
                       f"{len(documents)} documents in one request; at most {settings.max_documents_per_request} (HOSPNET_MAX_DOCUMENTS_PER_REQUEST)")
    summary = BuildSummary()
    failed_loading: list = []
    loaded = _documents(documents, settings, BuildSummary(failed=failed_loading))
    summary.read = len(loaded)
    store.ensure_schema()
    ingest(loaded, store, settings, summary)
    failures = [Failure(source=f.source, reason=f.reason) for f in failed_loading + list(summary.failed)]
    return IngestResult(read=summary.read, stored=summary.stored, skipped=summary.skipped, failed=failures,
                        documents=list(dict.fromkeys(d.id for d in loaded)))
