"""Everything the coverage-gap report shows, gathered from the analyses once: HTML, Markdown, CSV and
JSON are renderings of this, and never compute a number of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..analysis.coverage import STATUSES, SupportEvidence, province_coverage
from ..analysis.gaps import Answer, answer as gap_answer
from ..analysis.distance import distance_to_support
from ..analysis.hubs import central_load, supporter_hubs
from ..analysis.network import edges_of_type
from ..analysis.places import legacy_provinces_of
from ..places import places
from ..analysis.reachability import chains_to_central
from ..analysis.resilience import critical_supporters, single_supporter_units, support_weak_points
from ..analysis.techniques import specialty_gaps, technique_gaps
from .matrix import gaps_table, matrix_table, without_table
from .tables import Table

METHOD = [
    "Source: the hospnet graph, read once from the store; every figure below comes from the analyses in hospnet.analysis.",
    "A province receives support through a SUPPORTS relationship to its Province node, a SUPPORTS to a hospital or "
    "organisation located in it, or a TRANSFERS (technique transfer) to a hospital located in it.",
    "Covered: a central hospital supports the province with some kind of support other than epidemic response "
    "(or with no kind stated, or by a technique transfer), or a central hospital is located in it. "
    "Partly: only epidemic-response support from central hospitals, or only support from non-central hospitals of other provinces. "
    "Uncovered: neither; support between hospitals of the same province does not count.",
    "Pre-2025 provinces (--legacy): a hospital counts for its legacy_province (its province when none is recorded); "
    "support sent to a 2025 Province node counts for every pre-2025 province merged into it.",
    "Chains: one step up goes from a hospital to its supporter (SUPPORTS followed backwards) or to the hospital it refers "
    "patients to (REFERS_TO); the shortest chain from each district and provincial hospital to any central hospital is shown.",
    "Critical supporters: the report removes each supporter's support in turn and lists the provinces whose status drops. "
    "Weak points: articulation points and bridges of the undirected SUPPORTS graph.",
    "Betweenness: on the SUPPORTS graph only, normalised; exact up to 400 nodes, estimated from 200 sampled pivots above.",
    "Distances: great-circle km from the province centre to the nearest central hospital supporting it; a hospital "
    "sits at its own coordinates when the graph has them, else at its province's centre.",
    "Technique gaps: a province performs a technique when one of its hospitals has it (HAS_TECHNIQUE) or received it by "
    "a transfer under way or done; planned transfers do not count yet.",
    "The graph holds what the documents say: a province marked uncovered may be supported in ways no document read mentions.",
]


@dataclass
class MapPoint:
    code: str
    province: str
    status: str
    lat: float
    lon: float


@dataclass
class Bar:
    label: str
    value: float
    note: str = ""


@dataclass
class ReportData:
    """The report's content: headline counts, tables, chart and map series, and the method note."""

    title: str
    legacy: bool
    summary: list[tuple[str, str]]
    tables: list[Table]
    map_points: list[MapPoint]
    specialty_bars: list[Bar]
    load_bars: list[Bar]
    method: list[str] = field(default_factory=lambda: list(METHOD))
    answer: Answer | None = None  # the province × specialty answer (not computed for --legacy)

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


def evidence_line(e: SupportEvidence) -> str:
    """One line a reader can check: who, to whom, how, the sentence, and the documents."""
    how = ", ".join(e.kinds) if e.relationship == "SUPPORTS" else f"technique {e.technique or '?'}"
    docs = (
        "; ".join(", ".join(x for x in (d.title, d.source, d.date) if x) for d in e.documents)
        or "no document recorded"
    )
    sentence = f"“{e.evidence}”" if e.evidence else "(no sentence recorded)"
    return f"{e.supporter} → {e.target} ({e.relationship}: {how}): {sentence} [{docs}]"


def _edge_evidence(G: nx.MultiDiGraph, start: str, end: str, rel_type: str) -> list[str]:
    lines = []
    for _, data in G.get_edge_data(start, end, default={}).items():
        if data.get("type") == rel_type:
            docs = []
            for doc_id in data.get("sources") or ():
                d = G.nodes[doc_id] if doc_id in G else {}
                docs.append(
                    ", ".join(x for x in (d.get("title"), d.get("source"), d.get("date")) if x)
                    or doc_id
                )
            sentence = f"“{data['evidence']}”" if data.get("evidence") else "(no sentence recorded)"
            lines.append(f"{sentence} [{'; '.join(docs) or 'no document recorded'}]")
    return lines


def report_data(G: nx.MultiDiGraph, *, legacy: bool = False) -> ReportData:
    """Run every analysis on G and lay the results out as the report's tables."""
    coverage = province_coverage(G, legacy=legacy)
    distances = {d.province: d for d in distance_to_support(G)}
    chains = chains_to_central(G)
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
    for i, c in enumerate(missing, 1):
        gaps.rows.append(
            {
                "rank": i,
                "code": c.code,
                "province": c.province,
                "status": c.status,
                "reason": c.reason,
                "hospitals_without_chain": sorted(unreached_by_province.get(c.province, [])),
                "evidence": [evidence_line(e) for e in c.evidence],
            }
        )

    s_gaps = specialty_gaps(G)
    specialty_table = Table(
        "specialty_gaps",
        "Specialties: provinces where no technique of the specialty is performed",
        "Ranked by the number of 2025 provinces without any of the specialty's techniques.",
        ["rank", "specialty", "techniques", "provinces_without", "provinces_with", "missing_in"],
    )
    for i, g in enumerate(s_gaps, 1):
        specialty_table.rows.append(
            {
                "rank": i,
                "specialty": g.specialty,
                "techniques": g.techniques,
                "provinces_without": len(g.provinces_without),
                "provinces_with": list(g.provinces_with),
                "missing_in": list(g.provinces_without),
            }
        )
    technique_table = Table(
        "technique_gaps",
        "Techniques: provinces where no hospital performs them",
        "Ranked by the number of 2025 provinces without the technique.",
        ["rank", "technique", "specialty", "provinces_without", "provinces_with"],
    )
    for i, tg in enumerate(technique_gaps(G), 1):
        technique_table.rows.append(
            {
                "rank": i,
                "technique": tg.technique,
                "specialty": tg.specialty,
                "provinces_without": len(tg.provinces_without),
                "provinces_with": list(tg.provinces_with),
            }
        )

    unreachable = Table(
        "hospitals_without_chain",
        "District and provincial hospitals with no chain to a central hospital",
        "No sequence of supporters or referrals leads from these hospitals to a central one.",
        ["hospital", "level", "province"],
    )
    reached = Table(
        "chains_to_central",
        "Shortest chains up to a central hospital",
        "For each district and provincial hospital that has one; fewest steps first.",
        ["hospital", "level", "province", "central", "hops", "chain", "steps"],
    )
    for ch in chains:
        if ch.reached:
            reached.rows.append(
                {
                    "hospital": ch.hospital,
                    "level": ch.level,
                    "province": ch.province,
                    "central": ch.central,
                    "hops": ch.hops,
                    "chain": list(ch.chain),
                    "steps": list(ch.steps),
                }
            )
        else:
            unreachable.rows.append(
                {"hospital": ch.hospital, "level": ch.level, "province": ch.province}
            )
    reached.rows.sort(key=lambda r: (r["hops"], r["province"] or "", r["hospital"]))

    single = Table(
        "single_supporter_units",
        "Units with a single supporter",
        "Hospitals, provinces and organisations that exactly one hospital supports, with the evidence of that support.",
        ["unit", "label", "province", "supporter", "evidence"],
    )
    for s in single_supporter_units(G):
        single.rows.append(
            {
                "unit": s.unit,
                "label": s.label,
                "province": s.province,
                "supporter": s.supporter,
                "evidence": _edge_evidence(G, s.supporter_id, s.unit_id, "SUPPORTS"),
            }
        )

    critical = Table(
        "critical_supporters",
        "Supporters whose loss lowers provinces' coverage",
        "Each supporter's support removed in turn; the provinces whose status would drop.",
        ["rank", "supporter", "level", "provinces", "changes"],
    )
    for i, cs in enumerate(critical_supporters(G, legacy=legacy), 1):
        critical.rows.append(
            {
                "rank": i,
                "supporter": cs.supporter,
                "level": cs.level,
                "provinces": len(cs.provinces),
                "changes": list(cs.changes),
            }
        )

    loads = central_load(G)
    load = Table(
        "central_load",
        "Load per central hospital",
        "Units supported, provinces reached and techniques transferred.",
        [
            "rank",
            "hospital",
            "province",
            "units_supported",
            "hospitals_supported",
            "provinces_reached",
            "transfers",
            "techniques",
        ],
    )
    for i, cl in enumerate(loads, 1):
        load.rows.append(
            {
                "rank": i,
                "hospital": cl.hospital,
                "province": cl.province,
                "units_supported": cl.units_supported,
                "hospitals_supported": cl.hospitals_supported,
                "provinces_reached": list(cl.provinces_reached),
                "transfers": cl.transfers,
                "techniques": cl.techniques,
            }
        )

    hubs = Table(
        "supporter_hubs",
        "Supporters by reach and brokerage",
        "Units supported, supporters of their own, transfers made, and betweenness on the support graph.",
        [
            "rank",
            "hospital",
            "level",
            "province",
            "units_supported",
            "supported_by",
            "transfers",
            "betweenness",
            "betweenness_exact",
        ],
    )
    for i, h in enumerate(supporter_hubs(G), 1):
        hubs.rows.append(
            {
                "rank": i,
                "hospital": h.hospital,
                "level": h.level,
                "province": h.province,
                "units_supported": h.units_supported,
                "supported_by": h.supported_by,
                "transfers": h.transfers,
                "betweenness": h.betweenness,
                "betweenness_exact": h.betweenness_exact,
            }
        )

    weak = support_weak_points(G)
    weak_table = Table(
        "weak_points",
        "Weak points of the support graph",
        "Articulation points (a unit whose loss splits the support graph) and bridges (a link whose loss does).",
        ["kind", "what"],
    )
    weak_table.rows += [
        {"kind": "articulation point", "what": name} for _, name in weak.articulation_points
    ]
    weak_table.rows += [{"kind": "bridge", "what": f"{a} — {b}"} for _, a, _, b in weak.bridges]

    evidence = Table(
        "evidence",
        "Evidence: every support relationship into a province",
        "One row per relationship and source document.",
        [
            "province",
            "supporter",
            "supporter_level",
            "target",
            "relationship",
            "kinds",
            "technique",
            "sentence",
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
                        "sentence": e.evidence,
                        "document": d.id if d else None,
                        "document_title": d.title if d else None,
                        "document_source": d.source if d else None,
                        "document_date": d.date if d else None,
                    }
                )

    answer = None if legacy else gap_answer(G)
    answer_parts = (
        [] if answer is None else [without_table(answer), matrix_table(answer), gaps_table(answer)]
    )

    counts = Counter(c.status for c in coverage)
    hospitals = sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Hospital")
    documents = sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Document")
    supports = sum(1 for _ in edges_of_type(G, "SUPPORTS"))
    summary = [
        (f"{unit}s covered", f"{counts['covered']} of {len(coverage)}"),
        (f"{unit}s partly covered", str(counts["partly"])),
        (f"{unit}s uncovered", str(counts["uncovered"])),
        (
            "hospitals with no chain to a central hospital",
            f"{len(unreachable.rows)} of {len(chains)}",
        ),
        ("hospitals in the graph", str(hospitals)),
        ("support relationships", str(supports)),
        ("documents", str(documents)),
    ]
    status_of = {c.province: c.status for c in coverage}
    map_points = [MapPoint(p.code, p.name, status_of[p.name], p.lat, p.lon) for p in places(legacy)]
    return ReportData(
        title="hospnet coverage-gap report" + (" (pre-2025 provinces)" if legacy else ""),
        legacy=legacy,
        summary=summary,
        answer=answer,
        tables=[
            *answer_parts,
            provinces,
            gaps,
            specialty_table,
            technique_table,
            unreachable,
            reached,
            single,
            critical,
            load,
            hubs,
            weak_table,
            evidence,
        ],
        map_points=map_points,
        specialty_bars=[
            Bar(
                g.specialty,
                len(g.provinces_without),
                f"{len(g.provinces_without)} provinces without",
            )
            for g in s_gaps
        ],
        load_bars=[
            Bar(
                c.hospital, c.units_supported, f"{c.units_supported} units, {c.transfers} transfers"
            )
            for c in loads[:20]
        ],
    )
