"""The API's request and response shapes, so /docs describes every answer and a generated client types it."""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "A refused or failing query."),
        (404, "No such id, query module or route."),
        (408, "The query ran over its time limit."),
        (413, "The request body is too large."),
        (422, "A parameter is missing or malformed."),
        (503, "The graph store is unavailable."),
    )
}


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` counts every match, `items` holds at most `limit` of them from `offset`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    store: str
    message: str = ""


class Stats(BaseModel):
    store: str
    version: str = Field(
        description="The graph version the counts were made at; it changes with every write."
    )
    nodes: dict[str, int] = Field(default_factory=dict)
    relationships: dict[str, int] = Field(default_factory=dict)


class HospitalSummary(BaseModel):
    id: str
    name: str
    level: str | None = None
    province: str | None = None
    legacy_province: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Link(BaseModel):
    """A relationship seen from one hospital: the node at the other end, and why we believe it."""

    id: str
    name: str
    label: str
    kinds: list[str] = Field(default_factory=list)
    technique: str | None = None
    status: str | None = None
    date: str | None = None
    evidence: str | None = None
    sources: list[str] = Field(default_factory=list)
    curated_by: list[str] = Field(
        default_factory=list, description="People whose corrections changed this fact."
    )
    corrections: list[str] = Field(
        default_factory=list, description="Ids of those corrections (GET /corrections)."
    )


class PersonAt(BaseModel):
    id: str
    name: str
    title: str | None = None
    as_of: str | None = None


class TechniqueHeld(BaseModel):
    id: str
    name: str
    specialty: str | None = None
    acquired_from: str | None = None


class AgreementRef(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    kind: str | None = None
    role: str | None = None


class DocumentRef(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None


class HospitalProfile(HospitalSummary):
    specialties: list[str] = Field(default_factory=list)
    curated_by: list[str] = Field(
        default_factory=list, description="People whose corrections changed this hospital."
    )
    corrections: list[str] = Field(
        default_factory=list, description="Ids of those corrections (GET /corrections)."
    )
    supporters: list[Link] = Field(default_factory=list)
    supported: list[Link] = Field(default_factory=list)
    transfers_in: list[Link] = Field(default_factory=list)
    transfers_out: list[Link] = Field(default_factory=list)
    techniques: list[TechniqueHeld] = Field(default_factory=list)
    people: list[PersonAt] = Field(default_factory=list)
    agreements: list[AgreementRef] = Field(default_factory=list)
    sources: list[DocumentRef] = Field(
        default_factory=list,
        description="The newest documents that mention it, at most `sources_limit`.",
    )
    sources_total: int = Field(0, description="How many documents mention it in all.")


class Position(BaseModel):
    title: str | None = None
    at_id: str
    at: str


class PersonSummary(BaseModel):
    id: str
    name: str
    titles: list[str] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)


class TechniqueSummary(BaseModel):
    id: str
    name: str
    specialty: str | None = None
    hospitals: int = Field(
        0, description="Hospitals that perform or are taught it (HAS_TECHNIQUE)."
    )
    transfers: int = Field(0, description="TRANSFERS relationships of this technique.")


class ProgramSummary(BaseModel):
    id: str
    name: str
    code: str | None = None
    year: int | str | None = None
    agreements: int = 0


class ProvinceSummary(BaseModel):
    code: str
    name: str
    legacy_names: list[str] = Field(default_factory=list)
    hospitals: int = 0


class SupportItem(BaseModel):
    supporter_id: str
    supporter: str
    supporter_level: str
    target_id: str
    target: str
    relationship: str
    kinds: list[str] = Field(default_factory=list)
    technique: str | None = None
    evidence: str | None = None
    documents: list[DocumentRef] = Field(default_factory=list)


class ProvinceCoverage(BaseModel):
    code: str
    province: str
    status: Literal["covered", "partly", "uncovered"]
    reason: str
    central_supporters: list[str] = Field(default_factory=list)
    other_supporters: list[str] = Field(default_factory=list)
    hosted_central: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    specialties: list[str] = Field(default_factory=list)
    evidence: list[SupportItem] = Field(default_factory=list)


class CoverageGap(BaseModel):
    """One (province, specialty) with no central support, or only planned transfers (hospnet/analysis/gaps.py)."""

    rank: int
    code: str
    province: str
    specialty: str
    status: str
    planned_by: list[str] = []


class CoverageSummary(BaseModel):
    """The gap summary: how many of the 34 provinces are covered, partly covered, uncovered, and which;
    the provinces no central hospital supports, and the ranked province × specialty gaps."""

    counts: dict[str, int]
    uncovered: list[str]
    partly: list[str]
    provinces: list[ProvinceCoverage]
    without_central_supporter: list[str] = []
    specialties: list[str] = []
    gaps_total: int = Field(0, description="How many ranked gaps there are in all.")
    limit: int = Field(50, description="Most gaps in `gaps` (the page size).")
    offset: int = Field(0, description="How many ranked gaps come before this page.")
    gaps: list[CoverageGap] = Field(
        [], description="One page of the ranked province × specialty gaps, from `offset`."
    )


class PathStep(BaseModel):
    id: str
    name: str
    label: str


class PathHop(BaseModel):
    type: str
    start: str
    end: str


class PathResult(BaseModel):
    found: bool
    length: int | None = None
    nodes: list[PathStep] = Field(default_factory=list)
    relationships: list[PathHop] = Field(default_factory=list)


class Sentence(BaseModel):
    text: str
    via: str = Field(
        description="MENTIONED_IN for a node's mention, else the relationship type whose evidence it is."
    )
    node: str | None = Field(
        None, description="The node mentioned, or the relationship's start node."
    )
    other: str | None = Field(None, description="The relationship's end node, for evidence.")


class DocumentDetail(DocumentRef):
    language: str | None = None
    sentences: list[Sentence] = Field(default_factory=list)


class QueryParam(BaseModel):
    name: str
    type: str
    example: Any = None
    description: str = ""


class QueryInfo(BaseModel):
    name: str
    title: str
    description: str
    params: list[QueryParam]


class Rows(BaseModel):
    """Rows of a query; `truncated` says the row limit cut it."""

    rows: list[dict[str, Any]]
    count: int
    truncated: bool = False


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

    text: str = Field(min_length=1)
    name: str | None = Field(
        None, description="File name; its suffix picks the reader (.txt, .html, …)."
    )
    title: str | None = None
    date: str | None = None
    source: str | None = None


class Failure(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    read: int
    stored: int
    skipped: int
    failed: list[Failure]
    documents: list[str] = Field(
        description="Ids of the documents read (stored now, or already stored)."
    )
