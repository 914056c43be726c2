"""The API's request and response shapes, so /docs describes every answer and a generated client types it."""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..model import CorrectionIds, CuratedBy, DocumentRef, Link, SupportEvidence

T = TypeVar("T")

Level = Literal["central", "provincial", "district", "private", "other"]


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(
        description="A stable machine word: not_found, bad_parameter, query_timeout, …"
    )
    message: str = Field(description="What went wrong and what to do, for a person.")


class ErrorResponse(BaseModel):
    """The one shape of every failure."""

    error: ErrorBody = Field(description="What failed: status, a machine word, a message.")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "A refused or failing query."),
        (404, "No such id, query module or route."),
        (408, "The query ran over its time limit."),
        (413, "The request body is too large."),
        (414, "The URL is over 16 KB (long Cypher goes in the body of POST /cypher)."),
        (422, "A parameter is missing or malformed."),
        (503, "The graph store is unavailable."),
    )
}


def html_responses(description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI answer of a route that serves an HTML page."""
    return {
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": description}
    }


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` counts every match, `items` holds at most `limit` of them from `offset`."""

    total: int = Field(description="How many items match in all.")
    limit: int = Field(description="Most items on this page (the `limit` asked for).")
    offset: int = Field(description="How many matching items come before this page.")
    items: list[T] = Field(description="This page of the matching items, in the list's order.")


class Health(BaseModel):
    status: Literal["ok", "degraded"] = Field(
        description="`ok` when the store answers a ping, else `degraded` (with HTTP 503)."
    )
    store: str = Field(description="Which graph store is live: `falkordb` or `neo4j`.")
    message: str = Field("", description="Why the store is degraded; empty when ok.")


class Stats(BaseModel):
    store: str = Field(description="Which graph store is live: `falkordb` or `neo4j`.")
    version: str = Field(
        description="The graph version the counts were made at; it changes with every write."
    )
    nodes: dict[str, int] = Field(description="Node counts by label.", default_factory=dict)
    relationships: dict[str, int] = Field(
        description="Relationship counts by type.", default_factory=dict
    )


class HospitalSummary(BaseModel):
    id: str = Field(description="Stable hospital id (`hospital:` and the folded name).")
    name: str = Field(description="The hospital's official name.")
    level: str | None = Field(None, description="central, provincial, district, private or other.")
    province: str | None = Field(None, description="The 2025 province it is in.")
    legacy_province: str | None = Field(
        None, description="The pre-2025 province it was in, where that differs."
    )
    aliases: list[str] = Field(
        description="Other names and abbreviations the documents use for it.", default_factory=list
    )


class PersonAt(BaseModel):
    id: str = Field(description="Person id.")
    name: str = Field(description="The person's name.")
    title: str | None = Field(None, description="The position held (giám đốc, phó giám đốc, …).")
    as_of: str | None = Field(None, description="Date of the document that names the position.")


class TechniqueHeld(BaseModel):
    id: str = Field(description="Technique id.")
    name: str = Field(description="The technique's name.")
    specialty: str | None = Field(None, description="The specialty it belongs to.")
    acquired_from: str | None = Field(
        None, description="Id of the hospital that transferred it, where known."
    )


class AgreementRef(BaseModel):
    id: str = Field(description="Agreement id.")
    title: str | None = Field(None, description="The agreement's title.")
    date: str | None = Field(None, description="When it was signed.")
    kind: str | None = Field(None, description="What kind of agreement it is.")
    role: str | None = Field(
        None, description="The hospital's role in it (e.g. supporter, supported)."
    )


class HospitalProfile(HospitalSummary):
    specialties: list[str] = Field(
        description="Specialties the documents name for it.", default_factory=list
    )
    curated_by: CuratedBy
    corrections: CorrectionIds
    supporters: list[Link] = Field(
        description="Who supports it (SUPPORTS into this hospital).", default_factory=list
    )
    supported: list[Link] = Field(
        description="Whom it supports (SUPPORTS out of this hospital).", default_factory=list
    )
    transfers_in: list[Link] = Field(
        description="Techniques transferred to it, with the hospital that sends each.",
        default_factory=list,
    )
    transfers_out: list[Link] = Field(
        description="Techniques it transfers, with the hospital that receives each.",
        default_factory=list,
    )
    techniques: list[TechniqueHeld] = Field(
        description="Techniques it performs (HAS_TECHNIQUE).", default_factory=list
    )
    people: list[PersonAt] = Field(
        description="People holding positions at it.", default_factory=list
    )
    agreements: list[AgreementRef] = Field(
        description="Agreements it is party to, oldest first.", default_factory=list
    )
    sources: list[DocumentRef] = Field(
        default_factory=list,
        description="The newest documents that mention it, at most `sources_limit`.",
    )
    sources_total: int = Field(0, description="How many documents mention it in all.")


class Position(BaseModel):
    title: str | None = Field(None, description="The position (giám đốc, …).")
    at_id: str = Field(description="Id of the hospital or organisation where it is held.")
    at: str = Field(description="Name of that hospital or organisation.")


class PersonSummary(BaseModel):
    id: str = Field(description="Person id.")
    name: str = Field(description="The person's name.")
    titles: list[str] = Field(
        description="Every title the documents give them.", default_factory=list
    )
    positions: list[Position] = Field(
        description="Positions held, with where.", default_factory=list
    )


class TechniqueSummary(BaseModel):
    id: str = Field(description="Technique id.")
    name: str = Field(description="The technique's name.")
    specialty: str | None = Field(None, description="The specialty it belongs to.")
    hospitals: int = Field(
        0, description="Hospitals that perform or are taught it (HAS_TECHNIQUE)."
    )
    transfers: int = Field(0, description="TRANSFERS relationships of this technique.")


class ProgramSummary(BaseModel):
    id: str = Field(description="Programme id.")
    name: str = Field(description="The programme's name (Đề án 1816, bệnh viện vệ tinh, …).")
    code: str | None = Field(None, description="Its official code, where it has one.")
    year: int | str | None = Field(None, description="The year it started.")
    agreements: int = Field(0, description="Agreements made under it.")


class ProvinceSummary(BaseModel):
    code: str = Field(description="Two-digit 2025 province code.")
    name: str = Field(description="The 2025 province name.")
    legacy_names: list[str] = Field(
        description="The pre-2025 provinces merged into it.", default_factory=list
    )
    hospitals: int = Field(0, description="Hospitals the graph places in it.")


class ProvinceCoverage(BaseModel):
    code: str = Field(description="Two-digit 2025 province code.")
    province: str = Field(description="The 2025 province name.")
    status: Literal["covered", "partly", "uncovered"] = Field(
        description="covered, partly (epidemic response only, or only non-central support) or uncovered."
    )
    reason: str = Field(description="Why it has that status, in a sentence.")
    central_supporters: list[str] = Field(
        description="Central hospitals that support it.", default_factory=list
    )
    other_supporters: list[str] = Field(
        description="Non-central hospitals of other provinces that support it.",
        default_factory=list,
    )
    hosted_central: list[str] = Field(
        description="Central hospitals located in it.", default_factory=list
    )
    kinds: list[str] = Field(description="Kinds of support it receives.", default_factory=list)
    specialties: list[str] = Field(
        description="Specialties of the techniques transferred to it.", default_factory=list
    )
    evidence: list[SupportEvidence] = Field(
        description="Each relationship that brings support in, with its sentence and documents.",
        default_factory=list,
    )


class CoverageGap(BaseModel):
    """One (province, specialty) with no central support, or only planned transfers (hospnet/analysis/gaps.py)."""

    rank: int = Field(description="Position in the ranking, from 1 (the widest gap).")
    code: str = Field(description="Two-digit 2025 province code.")
    province: str = Field(description="The 2025 province name.")
    specialty: str = Field(description="The specialty with no central support there.")
    status: str = Field(description="uncovered, or planned (only planned transfers).")
    planned_by: list[str] = Field(
        [], description="Hospitals whose planned transfers would cover it."
    )


class CoverageSummary(BaseModel):
    """The gap summary: how many of the 34 provinces are covered, partly covered, uncovered, and which;
    the provinces no central hospital supports, and the ranked province × specialty gaps."""

    counts: dict[str, int] = Field(
        description="How many of the 34 provinces are covered, partly, uncovered."
    )
    uncovered: list[str] = Field(description="Names of the uncovered provinces.")
    partly: list[str] = Field(description="Names of the partly covered provinces.")
    provinces: list[ProvinceCoverage] = Field(description="Every province's coverage, by code.")
    without_central_supporter: list[str] = Field(
        [], description="Provinces no central hospital supports."
    )
    specialties: list[str] = Field([], description="The specialties the gaps are counted over.")
    gaps_total: int = Field(0, description="How many ranked gaps there are in all.")
    limit: int = Field(50, description="Most gaps in `gaps` (the page size).")
    offset: int = Field(0, description="How many ranked gaps come before this page.")
    gaps: list[CoverageGap] = Field(
        [], description="One page of the ranked province × specialty gaps, from `offset`."
    )


class PathStep(BaseModel):
    id: str = Field(description="Node id.")
    name: str = Field(description="Node name (or title).")
    label: str = Field(description="Node label.")


class PathHop(BaseModel):
    type: str = Field(description="Relationship type.")
    start: str = Field(description="Id of the node it starts at.")
    end: str = Field(description="Id of the node it ends at.")


class PathResult(BaseModel):
    found: bool = Field(description="Whether a chain connects the two nodes.")
    length: int | None = Field(None, description="How many relationships the chain has.")
    nodes: list[PathStep] = Field(
        description="The nodes along the chain, from `from` to `to`.", default_factory=list
    )
    relationships: list[PathHop] = Field(
        description="The relationships along the chain, in order.", default_factory=list
    )


class Sentence(BaseModel):
    text: str = Field(description="The sentence, as the document has it.")
    via: str = Field(
        description="MENTIONED_IN for a node's mention, else the relationship type whose evidence it is."
    )
    node: str | None = Field(
        None, description="The node mentioned, or the relationship's start node."
    )
    other: str | None = Field(None, description="The relationship's end node, for evidence.")
    own: bool | None = Field(
        None,
        description="For evidence: true when this document states the relationship in this sentence; "
        "false when the graph kept no sentence of this document for it (written before "
        "`source_evidence` was) and this is the relationship's `evidence`, which may come from "
        "another of its documents.",
    )


class DocumentDetail(DocumentRef):
    language: str | None = Field(None, description="The document's language (vi, en).")
    sentences: list[Sentence] = Field(
        description="The sentences it contributed to the graph.", default_factory=list
    )


class QueryParam(BaseModel):
    name: str = Field(description="The parameter's name, as given in the query string.")
    type: str = Field(description="string, int, float, list (comma-separated) or search (folded).")
    example: Any = Field(None, description="A value that returns rows on the sample corpus.")
    description: str = Field("", description="What the parameter means.")
    optional: bool = Field(
        False, description="Whether it may be left out (its filter is then off)."
    )


class QueryInfo(BaseModel):
    name: str = Field(description="The module's name (GET /queries/{name}).")
    title: str = Field(description="A short title.")
    description: str = Field(description="What it answers.")
    params: list[QueryParam] = Field(description="Its parameters.")


class Rows(BaseModel):
    """One page of a query's rows, paginated like the lists (`limit`, `offset`, `total`).

    The query runs once, to at most the row limit (HOSPNET_ROW_LIMIT); `truncated` says it cut the rows."""

    rows: list[dict[str, Any]] = Field(
        description="This page of the rows, from `offset`, each a map of the query's RETURN columns."
    )
    count: int = Field(description="Rows on this page.")
    total: int = Field(description="Rows the query returned in all, counted up to the row limit.")
    limit: int = Field(description="Most rows on this page (the `limit` asked for).")
    offset: int = Field(description="How many rows come before this page.")
    truncated: bool = Field(
        False, description="The row limit cut the query's rows: `total` counts only up to it."
    )


ParameterName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=100_000, description="Read-only Cypher.")
    params: dict[ParameterName, Any] = Field(
        default_factory=dict,
        json_schema_extra={"additionalProperties": False},
        description="Values for the query's $parameters; names are letters, digits and _.",
    )


class DocumentIn(BaseModel):
    """One document to ingest: a file-like {name, text}, or {title, text, date, source}."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description="The document's text (or HTML, with a .html `name`).", min_length=1
    )
    name: str | None = Field(
        None, description="File name; its suffix picks the reader (.txt, .html, …)."
    )
    title: str | None = Field(None, description="The title, when not given by the file.")
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    source: str | None = Field(None, description="Where it was published.")


class Failure(BaseModel):
    source: str = Field(description="The document it concerns (its name or title).")
    reason: str = Field(description="Why it was not read.")


class IngestResult(BaseModel):
    read: int = Field(description="Documents read.")
    stored: int = Field(description="Documents stored now.")
    skipped: int = Field(description="Documents already stored (same content).")
    failed: list[Failure] = Field(description="Documents that could not be read, with why.")
    documents: list[str] = Field(
        description="Ids of the documents read (stored now, or already stored)."
    )
