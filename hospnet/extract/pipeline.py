"""The extraction pipeline, declared: each stage names what it needs and what it gives, and one
function runs them in order over a `Reading` (the document and what is known of it so far).

    read        document          -> context     normalise, sentences, mentions, document-level resolution
    sentences   context           -> sentence_facts, signed
                                                 entities, positions, referrals, capabilities, agreements
    support     context           -> support     SUPPORTS / TRANSFERS from the relation rules (rules as data),
                                                 a person standing for their hospital (workplaces.py)
    techniques  context, support  -> story       techniques anywhere, given to the story's support pair
    assemble    everything        -> extraction  nodes and relationships with provenance

A new stage is one entry in `PIPELINE`; `tests/extract/test_pipeline.py` checks that every stage's
needs are given by the stages before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hospnet.extract.assemble import GraphBuilder
from hospnet.extract.context import DocumentContext, read_document
from hospnet.extract.mentions import Mention
from hospnet.extract.agreements import agreements, signers
from hospnet.extract.referrals import referrals
from hospnet.extract.relations import Fact, capabilities, positions
from hospnet.extract.story_techniques import StoryTechniques, story_techniques
from hospnet.extract.support import supports_and_transfers
from hospnet.extract.workplaces import people_as_hospitals, positions_by_head
from hospnet.model import Document, Extraction


@dataclass
class Reading:
    """One document on its way through the pipeline; each stage fills its own fields."""

    document: Document
    builder: GraphBuilder
    context: DocumentContext | None = None
    signed: list[Fact] = field(default_factory=list)
    support: list[Fact] = field(default_factory=list)
    story: StoryTechniques | None = None
    extraction: Extraction | None = None


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    gives: tuple[str, ...]
    run: Callable[[Reading], None]


def _read(r: Reading) -> None:
    r.context = read_document(r.document.text, r.document.date, r.document.language)


def _entities(r: Reading, m: Mention, sentence: str, named: set[str]) -> None:
    builder = r.builder
    if (
        m.label in ("Hospital", "Organization", "Person", "Program")
        or m.label == "Province"
        and not (m.name == "Thành phố Hồ Chí Minh" and m.surface == "Hồ Chí Minh")
    ):
        builder.entity(m, sentence)
    if m.label == "Organization" and m.props.get("province"):
        # "Sở Y tế Lào Cai": the province its name holds is named too (the gold sets always list it)
        builder.province(m.props["province"], m, sentence)
    if m.label == "Hospital" and m.props.get("province"):
        province_id = builder.province(m.props["province"], m, sentence)
        if province_id:
            located = (builder.entity(m), "Hospital", province_id, "Province")
            builder.relate("LOCATED_IN", *located, {}, sentence)
    if m.label == "Program" and m.props.get("issuer") in named:
        issuer = Mention(
            "Organization", m.props["issuer"], m.start, m.end, m.surface, {"kind": "ministry"}
        )
        issued = (builder.entity(m), "Program", builder.entity(issuer, sentence), "Organization")
        builder.relate("ISSUED_BY", *issued, {}, sentence)


def _sentences(r: Reading) -> None:
    """Entities and the facts one sentence states on its own, sentence by sentence (order is kept)."""
    ctx = _context(r)
    named = {m.name for unit in ctx.units for m in unit.mentions}
    earlier: list[Mention] = []
    for unit in ctx.units:
        found_facts, new_people = positions(unit)
        found_facts = positions_by_head(unit, earlier, found_facts)
        earlier += unit.mentions
        for m in unit.mentions + new_people:
            _entities(r, m, unit.sentence.text, named)
        programs = [m for m in unit.mentions if m.label == "Program"]
        for fact in found_facts + referrals(unit, ctx) + capabilities(unit):
            r.builder.fact(fact)
        for agreement in agreements(unit, ctx):
            r.builder.agreement(agreement, programs)
        r.signed += signers(unit, found_facts)


def _support(r: Reading) -> None:
    r.support = supports_and_transfers(people_as_hospitals(_context(r)))


def _techniques(r: Reading) -> None:
    r.story = story_techniques(_context(r), r.support)


def _assemble(r: Reading) -> None:
    story = r.story or StoryTechniques([], [])
    for fact in r.support + story.transfers:
        r.builder.fact(fact)
    for tech, sentence in story.techniques:
        r.builder.technique(tech, sentence)
    r.builder.signatures(r.signed)
    r.extraction = r.builder.extraction()


def _context(r: Reading) -> DocumentContext:
    assert r.context is not None, "the read stage runs first"
    return r.context


PIPELINE: tuple[Stage, ...] = (
    Stage("read", ("document",), ("context",), _read),
    Stage("sentences", ("context",), ("sentence_facts", "signed"), _sentences),
    Stage("support", ("context",), ("support",), _support),
    Stage("techniques", ("context", "support"), ("story",), _techniques),
    Stage("assemble", ("sentence_facts", "signed", "support", "story"), ("extraction",), _assemble),
)


def run_pipeline(document: Document, stages: tuple[Stage, ...] = PIPELINE) -> Extraction:
    """Run the stages in order over one document."""
    reading = Reading(document, GraphBuilder(document))
    for stage in stages:
        stage.run(reading)
    assert reading.extraction is not None, "the last stage assembles the extraction"
    return reading.extraction
