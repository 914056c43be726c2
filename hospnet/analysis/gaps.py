"""The analyst's answer, defined once: for each of the 34 provinces and each specialty, which central
hospitals support it, how, with what status and since when; and where support is missing.

A central hospital supports (province P, specialty S) when
- it is located in P and S is one of its specialties (its `specialties`, or those of the techniques it
  has or transfers): status `located`;
- it TRANSFERS a technique of specialty S to a hospital in P: the transfer's status (planned /
  in_progress / done);
- it SUPPORTS P, or a hospital or organisation in P, and S is one of its specialties, or S is
  `GENERAL` when it lists none (a general hospital): status `stated`. A SUPPORTS whose only kind is technique_transfer
  between a pair that has TRANSFERS is those transfers (SCHEMA "Support"), not a support of its own.

A gap is a (P, S) with no such support, or only planned transfers. A province without a central
supporter is one where every cell is a gap. The report, the API's /coverage and the query module
provinces_without_central_supporter all read this definition (tests/analysis/test_gaps.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .coverage import TRANSFER, support_evidence
from .network import edges_of_type, name_of
from ..model import SourceRef, SupportEvidence
from ..places import Place, places
from .places import province_of

GENERAL = "general"  # support from a central hospital that names no specialty
PLANNED = "planned"
STATUS_ORDER = ("located", "done", "in_progress", "stated", "planned")


@dataclass(frozen=True)
class Support:
    """One way a central hospital supports one specialty in one province."""

    supporter_id: str
    supporter: str
    status: str  # located / done / in_progress / stated / planned
    kinds: tuple[str, ...]
    technique: str | None
    target: str
    since: str | None
    evidence: str | None
    documents: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Cell:
    """One (province, specialty) of the matrix."""

    code: str
    province: str
    specialty: str
    supports: tuple[Support, ...]

    @property
    def status(self) -> str:
        """`supported`, `planned` (only planned transfers) or `missing`."""
        if any(s.status != PLANNED for s in self.supports):
            return "supported"
        return PLANNED if self.supports else "missing"

    @property
    def gap(self) -> bool:
        return self.status != "supported"

    @property
    def supporters(self) -> tuple[str, ...]:
        return tuple(sorted({s.supporter for s in self.supports if s.status != PLANNED}))

    @property
    def since(self) -> str | None:
        dates = [s.since for s in self.supports if s.since and s.status != PLANNED]
        return min(dates) if dates else None


@dataclass(frozen=True)
class Answer:
    """The whole matrix: provinces by code, specialties (GENERAL last), and every cell."""

    provinces: tuple[Place, ...]
    specialties: tuple[str, ...]
    cells: dict[tuple[str, str], Cell]

    def row(self, code: str) -> list[Cell]:
        return [self.cells[(code, s)] for s in self.specialties]

    def gaps(self, code: str | None = None) -> list[Cell]:
        """Gaps ranked: missing before planned-only, then provinces with most gaps, then specialties
        missing in most provinces; `code` keeps one province's."""
        per_province: defaultdict[str, int] = defaultdict(int)
        per_specialty: defaultdict[str, int] = defaultdict(int)
        for cell in self.cells.values():
            if cell.gap:
                per_province[cell.code] += 1
                per_specialty[cell.specialty] += 1
        found = [c for c in self.cells.values() if c.gap and (code is None or c.code == code)]
        return sorted(
            found,
            key=lambda c: (
                c.status == PLANNED,
                -per_province[c.code],
                -per_specialty[c.specialty],
                c.code,
                c.specialty,
            ),
        )

    def without_central_supporter(self) -> list[Place]:
        """Provinces where no central hospital supports any specialty (planned transfers aside)."""
        return [p for p in self.provinces if all(c.gap for c in self.row(p.code))]


def _specialties_of(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Central hospital id -> its specialties: listed (GENERAL when it lists none, as a general hospital
    does), and those of techniques it has or transfers."""
    out: dict[str, set[str]] = defaultdict(set)
    for node, data in G.nodes(data=True):
        if data.get("label") == "Hospital" and data.get("level") == "central":
            out[node].update([s for s in data.get("specialties") or () if s] or [GENERAL])
    for start, end, data in edges_of_type(G, "HAS_TECHNIQUE", "TRANSFERS"):
        if start in out:
            technique = end if data["type"] == "HAS_TECHNIQUE" else data.get("technique")
            specialty = G.nodes[technique].get("specialty") if technique in G else None
            if specialty:
                out[start].add(specialty)
    return out


def _support(e: SupportEvidence, status: str) -> Support:
    return Support(
        e.supporter_id,
        e.supporter,
        status,
        tuple(e.kinds),
        e.technique,
        e.target,
        e.date,
        e.evidence,
        tuple(e.documents),
    )


def answer(G: nx.MultiDiGraph) -> Answer:
    """Read G once into the province × specialty matrix."""
    specialties_of = _specialties_of(G)
    found: dict[tuple[str, str], list[Support]] = defaultdict(list)
    evidence = [e for e in support_evidence(G) if e.central]
    transfer_pairs = {
        (e.supporter_id, e.target_id) for e in evidence if e.relationship == "TRANSFERS"
    }
    for e in evidence:
        for province in e.target_places:
            if e.relationship == "TRANSFERS":
                found[(province, e.specialty or GENERAL)].append(_support(e, e.status or "done"))
                continue
            if set(e.kinds) <= {TRANSFER} and (e.supporter_id, e.target_id) in transfer_pairs:
                continue
            for specialty in sorted(specialties_of.get(e.supporter_id) or {GENERAL}):
                found[(province, specialty)].append(_support(e, "stated"))
    for hospital, hospital_specialties in specialties_of.items():
        home = province_of(G, hospital)
        if home:
            for specialty in sorted(hospital_specialties or {GENERAL}):
                found[(home, specialty)].append(
                    Support(
                        hospital,
                        name_of(G, hospital),
                        "located",
                        (),
                        None,
                        home,
                        None,
                        None,
                        (),
                    )
                )
    named = sorted(
        {s for _, s in found}
        | {s for v in specialties_of.values() for s in v}
        | {
            d["specialty"]
            for _, d in G.nodes(data=True)
            if d.get("label") == "Technique" and d.get("specialty")
        }
    )
    specialties = tuple(s for s in named if s != GENERAL) + (GENERAL,)
    provinces = places()
    cells = {}
    for p in provinces:
        for s in specialties:
            supports = sorted(
                found.get((p.name, s), ()),
                key=lambda x: (STATUS_ORDER.index(x.status), x.supporter, x.technique or ""),
            )
            cells[(p.code, s)] = Cell(p.code, p.name, s, tuple(supports))
    return Answer(provinces, specialties, cells)
