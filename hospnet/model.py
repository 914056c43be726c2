"""The records that flow between the stages (SCHEMA.md as pydantic models); no I/O here.

Below the stages that read the graph, so the analyses, the report and the API share one model of
a support link and its evidence (LinkFacts, Link, SupportEvidence, DocumentRef).
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any, Mapping

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

LABELS = (
    "Hospital",
    "Person",
    "Organization",
    "Technique",
    "Program",
    "Agreement",
    "Province",
    "Document",
)

REL_TYPES = (
    "SUPPORTS",
    "TRANSFERS",
    "HAS_TECHNIQUE",
    "REFERS_TO",
    "PARTY_TO",
    "SIGNED_BY",
    "UNDER",
    "HOLDS_POSITION",
    "LOCATED_IN",
    "ISSUED_BY",
    "MENTIONED_IN",
)

# Properties that hold lists and grow by union when the same node or relationship is read again.
LIST_PROPERTIES = (
    "aliases",
    "titles",
    "specialties",
    "legacy_names",
    "kinds",
    "sources",
    "source_evidence",
)

# Relationship types that may exist more than once between the same two nodes, told apart by this property.
REL_DISCRIMINATOR = {"TRANSFERS": "technique", "HOLDS_POSITION": "title", "PARTY_TO": None}


def content_hash(text: str) -> str:
    """Id of a document: the hash of its normalised text, so a re-read file is recognised."""
    return "document:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def source_evidence(document: str, sentence: str) -> str:
    """One item of a relationship's `source_evidence`: a document id, a space, the sentence it states
    the relationship in. A string, so both stores hold the list and a write merges it by union.

    >>> source_evidence("document:ab12", "BV A hỗ trợ BV B.")
    'document:ab12 BV A hỗ trợ BV B.'
    """
    return f"{document} {sentence}"


def evidence_by_source(props: Mapping[str, Any]) -> dict[str, tuple[list[str], bool]]:
    """Each source document of a relationship, with the sentences it states it in and whether
    they are its own.

    `evidence` is the first sentence written, perhaps from another document; a graph written
    before `source_evidence` was kept has only it, which is a document's own only when the
    document is the relationship's one source.

    >>> evidence_by_source({"sources": ["d:1", "d:2"], "evidence": "one", "source_evidence": ["d:1 one", "d:2 two"]})
    {'d:1': (['one'], True), 'd:2': (['two'], True)}
    >>> evidence_by_source({"sources": ["d:1", "d:2"], "evidence": "one"})
    {'d:1': (['one'], False), 'd:2': (['one'], False)}
    """
    own: dict[str, list[str]] = {}
    for item in props.get("source_evidence") or ():
        document, _, sentence = str(item).partition(" ")
        own.setdefault(document, []).append(sentence)
    sources = [str(s) for s in props.get("sources") or ()]
    evidence = [str(props["evidence"])] if props.get("evidence") else []
    return {
        doc: (own[doc], True) if doc in own else (evidence, bool(evidence) and len(sources) == 1)
        for doc in sources
    }


class Document(BaseModel):
    """One text read by a loader, normalised, before extraction."""

    id: str
    text: str
    title: str = ""
    date: str | None = None
    source: str = ""
    language: str = "vi"
    path: str = ""  # the file it was read from ("file.jsonl:3" for a JSONL line); not stored

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> "Document":
        return cls(id=content_hash(text), text=text, **fields)

    def node(self) -> "Node":
        props = {
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "language": self.language,
        }
        return Node(
            label="Document",
            id=self.id,
            properties={k: v for k, v in props.items() if v is not None},
        )


class Node(BaseModel):
    """A node to merge on its `id`; list properties are unioned with what is stored."""

    label: str
    id: str
    properties: dict[str, Any] = Field(default_factory=dict)


class Relationship(BaseModel):
    """A relationship to merge on (type, start, end[, discriminator]); `sources` are unioned."""

    type: str
    start: str
    start_label: str
    end: str
    end_label: str
    properties: dict[str, Any] = Field(default_factory=dict)

    @property
    def key(self) -> tuple[str | None, ...]:
        prop = REL_DISCRIMINATOR.get(self.type)
        return (self.type, self.start, self.end, self.properties.get(prop) if prop else None)


class Extraction(BaseModel):
    """Everything read from one document: its nodes and relationships, each with provenance."""

    document: Document
    nodes: list[Node] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for n in self.nodes:
            out[n.label] = out.get(n.label, 0) + 1
        for r in self.relationships:
            out[r.type] = out.get(r.type, 0) + 1
        return out


# Who changed a node or a fact by hand, and with which corrections (hospnet/corrections).
CuratedBy = Annotated[
    list[str], Field(default_factory=list, description="People whose corrections changed it.")
]
CorrectionIds = Annotated[
    list[str],
    Field(default_factory=list, description="Ids of those corrections (GET /corrections)."),
]


class DocumentRef(BaseModel):
    id: str = Field(
        description="Document id (`document:` and a content hash; GET /documents/{id})."
    )
    title: str | None = Field(None, description="The document's title.")
    date: str | None = Field(None, description="Publication date (YYYY-MM-DD where known).")
    source: str | None = Field(None, description="Where it was published (site or issuer).")


class SourceRef(DocumentRef):
    """A document a relationship was read from, with the sentences it states it in."""

    sentences: list[str] = Field(
        default_factory=list,
        description="The sentences this document states it in (`source_evidence`); when the graph "
        "kept none of this document's, the relationship's `evidence` (`own` is then false).",
    )
    own: bool = Field(
        True,
        description="False when `sentences` is the relationship's `evidence`, which may come from "
        "another of its documents (a graph written before `source_evidence` was kept).",
    )


class LinkFacts(BaseModel):
    """What a SUPPORTS or TRANSFERS relationship says, from whichever end it is seen: the one model
    of a support link's facts, shared by a hospital's links and a province's evidence."""

    relationship: str = Field(description="SUPPORTS or TRANSFERS.")
    kinds: list[str] = Field(
        description="Kinds of support (training, technique_transfer, …); empty for a transfer.",
        default_factory=list,
    )
    technique: str | None = Field(None, description="The technique transferred, for TRANSFERS.")
    status: str | None = Field(
        None, description="A transfer's status: planned, in_progress or done."
    )
    date: str | None = Field(
        None,
        description="A support's `since` or a transfer's `date` (YYYY, YYYY-MM or YYYY-MM-DD).",
    )
    evidence: str | None = Field(None, description="The sentence the relationship was read from.")


class Link(LinkFacts):
    """A relationship seen from one hospital: the node at the other end, and why we believe it."""

    id: str = Field(description="Id of the node at the other end.")
    name: str = Field(description="Name (or title) of the node at the other end.")
    label: str = Field(
        description="Label of the node at the other end (Hospital, Organization, Province, …)."
    )
    sources: list[str] = Field(
        description="Ids of the documents behind it (GET /documents/{id}).", default_factory=list
    )
    curated_by: CuratedBy
    corrections: CorrectionIds


class SupportEvidence(LinkFacts):
    """A relationship that brings support into a province, with both of its ends named."""

    # What the coverage analyses count, the report cites and /coverage answers, with the documents.

    model_config = ConfigDict(frozen=True)

    supporter_id: str = Field(description="Id of the supporting hospital.")
    supporter: str = Field(description="Name of the supporting hospital.")
    supporter_level: str = Field(
        description="Level of the supporting hospital (central, provincial, …)."
    )
    target_id: str = Field(
        description="Id of what is supported (a hospital, organisation or province)."
    )
    target: str = Field(description="Name of what is supported.")
    documents: list[SourceRef] = Field(
        description="The documents behind it, each with its own sentence.", default_factory=list
    )
    # For the analyses, not part of an answer: the provinces each end lies in (pre-2025 ones for a
    # legacy analysis) and the transferred technique's specialty.
    supporter_places: SkipJsonSchema[tuple[str, ...]] = Field((), exclude=True)
    target_places: SkipJsonSchema[tuple[str, ...]] = Field((), exclude=True)
    specialty: SkipJsonSchema[str | None] = Field(None, exclude=True)

    @property
    def central(self) -> bool:
        return self.supporter_level == "central"
