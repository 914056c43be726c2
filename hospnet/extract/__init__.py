"""Document -> Extraction: the entities and relationships of the hospital support network in one text.

Rules and gazetteers, no model: sentences (segment.py), mentions (hospitals.py,
organizations.py, people.py, programs.py, techniques.py, places.py), back-references
resolved in the document's context (context.py), relationships from trigger phrases
(relations.py) and from the clause patterns of the relation rules (rules.py, clauses.py, support.py),
techniques given to the story's support pair (story_techniques.py), nodes and relationships with
provenance (assemble.py). pipeline.py declares the stages and runs them in order.
"""

from __future__ import annotations

from hospnet.extract.pipeline import run_pipeline
from hospnet.places import all_provinces, province_properties
from hospnet.model import Document, Extraction, Node
from hospnet.names import make_id, search_key

__all__ = ["extract", "province_nodes"]


def province_nodes() -> list[Node]:
    """All 34 provinces of 2025, so coverage queries see the provinces no document names."""
    return [
        Node(
            label="Province",
            id=make_id("Province", p.name),
            properties={**province_properties(p), "search": search_key(p.name, *p.legacy_names)},
        )
        for p in all_provinces()
    ]


def extract(document: Document) -> Extraction:
    """Read one document. Deterministic: the same text gives the same nodes and relationships, in order."""
    return run_pipeline(document)
