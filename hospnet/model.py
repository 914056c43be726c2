"""The records that flow between the stages (SCHEMA.md as pydantic models); no I/O here."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, Field

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
LIST_PROPERTIES = ("aliases", "titles", "specialties", "legacy_names", "kinds", "sources")

# Relationship types that may exist more than once between the same two nodes, told apart by this property.
REL_DISCRIMINATOR = {"TRANSFERS": "technique", "HOLDS_POSITION": "title", "PARTY_TO": None}


def content_hash(text: str) -> str:
    """Id of a document: the hash of its normalised text, so a re-read file is recognised."""
    return "document:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
