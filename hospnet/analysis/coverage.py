"""Which provinces central hospitals support, how, and on what evidence.

A province receives support through a SUPPORTS to its Province node, a SUPPORTS to a hospital or
organisation located in it, or a TRANSFERS to a hospital located in it. Its status:

- covered: a central hospital supports it with some kind other than epidemic response (or with
  no kind stated, or by a transfer), or a central hospital is located in it;
- partly: only epidemic-response support from central hospitals, or only support from
  non-central hospitals of other provinces;
- uncovered: neither (support between hospitals of the same province does not count).

With `legacy=True` the same is computed for the 63 pre-2025 provinces: a hospital counts for its
`legacy_province`, and support sent to a 2025 Province node counts for every old province in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .network import edges_of_type, name_of
from ..model import SourceRef, SupportEvidence, evidence_by_source
from ..places import places
from .places import legacy_provinces_of, province_of

EPIDEMIC = "epidemic_response"
TRANSFER = "technique_transfer"
STATUSES = ("covered", "partly", "uncovered")


@dataclass(frozen=True)
class ProvinceCoverage:
    """How one province (2025, or pre-2025 with legacy) is supported, and why it has its status."""

    code: str
    province: str
    parent: str  # the 2025 province (itself, unless legacy)
    status: str
    reason: str
    central_supporters: tuple[str, ...]
    other_supporters: tuple[str, ...]  # non-central hospitals of other provinces
    hosted_central: tuple[str, ...]
    kinds: tuple[str, ...]
    specialties: tuple[str, ...]
    evidence: tuple[SupportEvidence, ...]


def source_refs(G: nx.MultiDiGraph, data: dict) -> list[SourceRef]:
    """The documents of a relationship (its `sources`), each with the sentences it states it in."""
    refs = []
    for doc_id, (sentences, own) in evidence_by_source(data).items():
        doc = G.nodes[doc_id] if doc_id in G else {}
        refs.append(
            SourceRef(
                id=doc_id,
                title=doc.get("title") or None,
                date=doc.get("date"),
                source=doc.get("source") or None,
                sentences=sentences,
                own=own,
            )
        )
    return refs


def support_evidence(G: nx.MultiDiGraph, *, legacy: bool = False) -> list[SupportEvidence]:
    """Every SUPPORTS and TRANSFERS relationship that starts at a hospital, with the places at both ends."""

    def where(node_id: str) -> tuple[str, ...]:
        if legacy:
            return legacy_provinces_of(G, node_id)
        province = province_of(G, node_id)
        return (province,) if province else ()

    techniques = {n: d for n, d in G.nodes(data=True) if d.get("label") == "Technique"}
    out = []
    for start, end, data in edges_of_type(G, "SUPPORTS", "TRANSFERS"):
        supporter = G.nodes[start]
        if supporter.get("label") != "Hospital":
            continue
        technique = techniques.get(data.get("technique"), {}) if data["type"] == "TRANSFERS" else {}
        kinds = list(data.get("kinds") or ()) if data["type"] == "SUPPORTS" else [TRANSFER]
        out.append(
            SupportEvidence(
                supporter_id=start,
                supporter=name_of(G, start),
                supporter_level=supporter.get("level") or "other",
                supporter_places=where(start),
                target_id=end,
                target=name_of(G, end),
                target_places=where(end),
                relationship=data["type"],
                kinds=kinds,
                technique=technique.get("name"),
                specialty=technique.get("specialty"),
                evidence=data.get("evidence"),
                documents=source_refs(G, data),
                status=(data.get("status") or "done") if data["type"] == "TRANSFERS" else None,
                date=data.get("since") if data["type"] == "SUPPORTS" else data.get("date"),
            )
        )
    out.sort(
        key=lambda e: (not e.central, e.supporter, e.target, e.relationship, e.technique or "")
    )
    return out


def _epidemic_only(e: SupportEvidence) -> bool:
    return bool(e.kinds) and set(e.kinds) <= {EPIDEMIC}


def _status(place: str, evidence: list[SupportEvidence], hosted: list[str]) -> tuple[str, str]:
    covering = sorted({e.supporter for e in evidence if e.central and not _epidemic_only(e)})
    if hosted:
        return "covered", f"a central hospital is located here ({', '.join(sorted(hosted))})"
    if covering:
        return "covered", f"supported by {len(covering)} central hospital(s): {', '.join(covering)}"
    epidemic = sorted({e.supporter for e in evidence if e.central})
    outside = sorted(
        {e.supporter for e in evidence if not e.central and place not in e.supporter_places}
    )
    if epidemic or outside:
        parts = []
        if epidemic:
            parts.append(f"epidemic response only from {', '.join(epidemic)}")
        if outside:
            parts.append(f"support only from non-central hospitals: {', '.join(outside)}")
        return "partly", "; ".join(parts)
    if evidence:
        return "uncovered", "only support between hospitals of this province"
    return "uncovered", "no support from a central hospital or from another province"


def province_coverage(
    G: nx.MultiDiGraph, *, legacy: bool = False, without: frozenset[str] = frozenset()
) -> list[ProvinceCoverage]:
    """Status of each of the 34 provinces (63 with `legacy`), by code; `without` drops supporters' support (what-if)."""
    everything = [e for e in support_evidence(G, legacy=legacy) if e.supporter_id not in without]
    return coverage_from_evidence(G, everything, legacy=legacy, without=without)


def central_hospitals_by_place(
    G: nx.MultiDiGraph, *, legacy: bool = False
) -> dict[str, list[tuple[str, str]]]:
    """(id, name) of the central hospitals located in each place."""
    hosted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node_id, data in G.nodes(data=True):
        if data.get("label") == "Hospital" and data.get("level") == "central":
            for place in legacy_provinces_of(G, node_id) if legacy else (province_of(G, node_id),):
                if place:
                    hosted[place].append((node_id, name_of(G, node_id)))
    return hosted


def coverage_from_evidence(
    G: nx.MultiDiGraph,
    evidence: list[SupportEvidence],
    *,
    legacy: bool = False,
    without: frozenset[str] = frozenset(),
    hosted_by_place: dict[str, list[tuple[str, str]]] | None = None,
) -> list[ProvinceCoverage]:
    """Province statuses from an already gathered evidence list (so what-if runs need not re-read G)."""
    by_place: dict[str, list[SupportEvidence]] = defaultdict(list)
    for item in evidence:
        if item.supporter_id in without:
            continue
        for target_place in item.target_places:
            by_place[target_place].append(item)
    if hosted_by_place is None:
        hosted_by_place = central_hospitals_by_place(G, legacy=legacy)
    # `without` drops a hospital's support, not the hospital: its own province stays hosted.
    hosted = {place: [name for _, name in found] for place, found in hosted_by_place.items()}
    out = []
    for place in places(legacy):
        items = by_place.get(place.name, [])
        status, reason = _status(place.name, items, hosted.get(place.name, []))
        central = [e for e in items if e.central]
        out.append(
            ProvinceCoverage(
                code=place.code,
                province=place.name,
                parent=place.parent,
                status=status,
                reason=reason,
                central_supporters=tuple(sorted({e.supporter for e in central})),
                other_supporters=tuple(
                    sorted(
                        {
                            e.supporter
                            for e in items
                            if not e.central and place.name not in e.supporter_places
                        }
                    )
                ),
                hosted_central=tuple(sorted(hosted.get(place.name, []))),
                kinds=tuple(sorted({k for e in central for k in e.kinds})),
                specialties=tuple(sorted({e.specialty for e in items if e.specialty})),
                evidence=tuple(items),
            )
        )
    return out


def uncovered_provinces(G: nx.MultiDiGraph, *, legacy: bool = False) -> list[ProvinceCoverage]:
    """Provinces no central hospital supports and none is located in."""
    return [c for c in province_coverage(G, legacy=legacy) if c.status == "uncovered"]


@dataclass(frozen=True)
class SupportByKind:
    province: str
    kind: str
    supporters: tuple[str, ...]


def central_support_by_kind(coverage: list[ProvinceCoverage]) -> list[SupportByKind]:
    """Per province and kind of support: the central hospitals giving it."""
    rows = []
    for item in coverage:
        kinds: dict[str, set[str]] = defaultdict(set)
        for e in item.evidence:
            if e.central:
                for kind in e.kinds or ("unspecified",):
                    kinds[kind].add(e.supporter)
        rows += [
            SupportByKind(item.province, kind, tuple(sorted(s)))
            for kind, s in sorted(kinds.items())
        ]
    return rows


@dataclass(frozen=True)
class SupportBySpecialty:
    province: str
    specialty: str
    supporters: tuple[str, ...]
    techniques: tuple[str, ...]


def support_by_specialty(coverage: list[ProvinceCoverage]) -> list[SupportBySpecialty]:
    """Per province and specialty: who transferred techniques of it there, and which."""
    rows = []
    for item in coverage:
        found: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
        for e in item.evidence:
            if e.specialty:
                found[e.specialty][0].add(e.supporter)
                found[e.specialty][1].add(e.technique)
        rows += [
            SupportBySpecialty(item.province, s, tuple(sorted(a)), tuple(sorted(b)))
            for s, (a, b) in sorted(found.items())
        ]
    return rows
