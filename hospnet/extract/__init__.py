"""Document -> Extraction: the entities and relationships of the hospital support network in one text.

Rules and gazetteers, no model: sentences (segment.py), mentions (hospitals.py,
organizations.py, people.py, programs.py, techniques.py, places.py), back-references
resolved in the document's context (context.py), relationships from trigger phrases
(relations.py) and from the clause patterns of the relation rules (rules.py, clauses.py, support.py), nodes and relationships with provenance (assemble.py).
"""

from __future__ import annotations

from hospnet.extract.assemble import GraphBuilder
from hospnet.extract.context import read_document
from hospnet.extract.mentions import Mention
from hospnet.extract.relations import agreements, capabilities, positions, referrals, signers
from hospnet.extract.story_techniques import story_techniques
from hospnet.extract.support import supports_and_transfers
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
    ctx = read_document(document.text, document.date, document.language)
    builder = GraphBuilder(document)
    named = {m.name for unit in ctx.units for m in unit.mentions}
    signed = []
    for unit in ctx.units:
        sentence = unit.sentence.text
        found_facts, new_people = positions(unit)
        for m in unit.mentions + new_people:
            if (
                m.label in ("Hospital", "Organization", "Person", "Program")
                or m.label == "Province"
                and not (m.name == "Thành phố Hồ Chí Minh" and m.surface == "Hồ Chí Minh")
            ):
                builder.entity(m, sentence)
            if m.label == "Hospital" and m.props.get("province"):
                province_id = builder.province(m.props["province"], m, sentence)
                if province_id:
                    builder.relate(
                        "LOCATED_IN",
                        builder.entity(m),
                        "Hospital",
                        province_id,
                        "Province",
                        {},
                        sentence,
                    )
            if m.label == "Program" and m.props.get("issuer") in named:
                issuer = Mention(
                    "Organization",
                    m.props["issuer"],
                    m.start,
                    m.end,
                    m.surface,
                    {"kind": "ministry"},
                )
                builder.relate(
                    "ISSUED_BY",
                    builder.entity(m),
                    "Program",
                    builder.entity(issuer, sentence),
                    "Organization",
                    {},
                    sentence,
                )
        programs = [m for m in unit.mentions if m.label == "Program"]
        facts = found_facts + referrals(unit, ctx) + capabilities(unit)
        for fact in facts:
            builder.fact(fact)
        for agreement in agreements(unit, ctx):
            builder.agreement(agreement, programs)
        signed += signers(unit, found_facts)
    support = supports_and_transfers(ctx)
    story = story_techniques(ctx, support)
    for fact in support + story.transfers:
        builder.fact(fact)
    for tech, sentence in story.techniques:
        builder.technique(tech, sentence)
    builder.signatures(signed)
    return builder.extraction()
