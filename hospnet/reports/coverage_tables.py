"""The report's province tables: each province's coverage and evidence, the ranked coverage gaps,
and every support relationship into a province with its documents."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..analysis.coverage import STATUSES, ProvinceCoverage
from ..analysis.distance import ProvinceDistance
from ..analysis.places import legacy_provinces_of
from ..analysis.reachability import ChainToCentral
from .evidence import evidence_line
from .tables import Table, ranked


def unreached_by_province(
    G: nx.MultiDiGraph, chains: list[ChainToCentral], legacy: bool
) -> dict[str, list[str]]:
    """The hospitals with no chain to a central hospital, by the province (or pre-2025 province) they are in."""
    unreached_by_province: dict[str, list[str]] = {}
    for ch in chains:
        if not ch.reached:
            for place in (
                legacy_provinces_of(G, ch.hospital_id)
                if legacy
                else (ch.province,)
                if ch.province
                else ()
            ):
                unreached_by_province.setdefault(place, []).append(ch.hospital)
    return unreached_by_province


def provinces_table(
    coverage: list[ProvinceCoverage], distances: dict[str, ProvinceDistance], legacy: bool
) -> Table:
    """Every province: its status, central supporters and the evidence."""
    unit = "pre-2025 province" if legacy else "province"
    provinces = Table(
        "provinces",
        f"Every {unit}: coverage and evidence",
        "Status of each province, the central hospitals supporting it, and the evidence behind it.",
        ["code", "province"]
        + (["province_2025"] if legacy else [])
        + ["status", "reason", "central_supporters", "kinds", "specialties"]
        + ([] if legacy else ["nearest_supporter", "km"])
        + ["evidence"],
    )
    for c in coverage:
        row: dict[str, Any] = {
            "code": c.code,
            "province": c.province,
            "status": c.status,
            "reason": c.reason,
            "central_supporters": list(c.central_supporters),
            "kinds": list(c.kinds),
            "specialties": list(c.specialties),
            "evidence": [evidence_line(e) for e in c.evidence],
        }
        if legacy:
            row["province_2025"] = c.parent
        else:
            row["nearest_supporter"] = distances[c.province].nearest_supporter
            row["km"] = distances[c.province].km
        provinces.rows.append(row)

    return provinces


def coverage_gaps_table(
    coverage: list[ProvinceCoverage], unreached_by_province: dict[str, list[str]], legacy: bool
) -> Table:
    """The provinces not covered, uncovered first."""
    unit = "pre-2025 province" if legacy else "province"
    rank = {s: i for i, s in enumerate(STATUSES)}
    gaps = Table(
        "coverage_gaps",
        f"Coverage gaps, ranked ({unit}s not covered)",
        "Uncovered provinces first, then partly covered ones; with the hospitals there that have no chain to a central hospital.",
        ["rank", "code", "province", "status", "reason", "hospitals_without_chain", "evidence"],
    )
    missing = sorted(
        (c for c in coverage if c.status != "covered"),
        key=lambda c: (-rank[c.status], -len(unreached_by_province.get(c.province, [])), c.code),
    )
    return ranked(
        gaps,
        missing,
        lambda c: {
            "code": c.code,
            "province": c.province,
            "status": c.status,
            "reason": c.reason,
            "hospitals_without_chain": sorted(unreached_by_province.get(c.province, [])),
            "evidence": [evidence_line(e) for e in c.evidence],
        },
    )


def evidence_table(coverage: list[ProvinceCoverage]) -> Table:
    """One row per support relationship into a province and source document."""
    evidence = Table(
        "evidence",
        "Evidence: every support relationship into a province",
        "One row per relationship and source document, with that document's own sentence "
        "(own false: the graph kept none of its sentences, and this is the relationship's evidence).",
        [
            "province",
            "supporter",
            "supporter_level",
            "target",
            "relationship",
            "kinds",
            "technique",
            "sentence",
            "own",
            "document",
            "document_title",
            "document_source",
            "document_date",
        ],
    )
    for c in coverage:
        for e in c.evidence:
            for d in e.documents or (None,):
                evidence.rows.append(
                    {
                        "province": c.province,
                        "supporter": e.supporter,
                        "supporter_level": e.supporter_level,
                        "target": e.target,
                        "relationship": e.relationship,
                        "kinds": list(e.kinds),
                        "technique": e.technique,
                        "sentence": (" ".join(d.sentences) or None) if d else e.evidence,
                        "own": d.own if d else None,
                        "document": d.id if d else None,
                        # "" where the document has none, as the report always wrote it
                        "document_title": (d.title or "") if d else None,
                        "document_source": (d.source or "") if d else None,
                        "document_date": d.date if d else None,
                    }
                )

    return evidence
