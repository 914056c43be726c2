"""Everything the coverage-gap report shows, gathered from the analyses once: HTML, Markdown, CSV and
JSON are renderings of this, and never compute a number of their own. The tables are made by
coverage_tables, technique_tables and network_tables; this module puts them together.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..analysis.coverage import province_coverage
from ..analysis.distance import distance_to_support
from ..analysis.gaps import Answer, answer as gap_answer
from ..analysis.hubs import central_load
from ..analysis.network import edges_of_type
from ..analysis.reachability import chains_to_central
from ..analysis.techniques import specialty_gaps
from ..places import places
from .coverage_tables import (
    coverage_gaps_table,
    evidence_table,
    provinces_table,
    unreached_by_province,
)
from .matrix import gaps_table, matrix_table, without_table
from .method import METHOD
from .network_tables import (
    chain_tables,
    critical_table,
    hubs_table,
    load_table,
    single_supporter_table,
    weak_points_table,
)
from .tables import Table
from .technique_tables import specialty_table, technique_table


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


def report_data(G: nx.MultiDiGraph, *, legacy: bool = False) -> ReportData:
    """Run every analysis on G and lay the results out as the report's tables."""
    coverage = province_coverage(G, legacy=legacy)
    distances = {d.province: d for d in distance_to_support(G)}
    chains = chains_to_central(G)
    unit = "pre-2025 province" if legacy else "province"
    provinces = provinces_table(coverage, distances, legacy)
    gaps = coverage_gaps_table(coverage, unreached_by_province(G, chains, legacy), legacy)
    s_gaps = specialty_gaps(G)
    unreachable, reached = chain_tables(chains)
    loads = central_load(G)
    evidence = evidence_table(coverage)
    specialty = specialty_table(s_gaps)
    techniques = technique_table(G)
    single = single_supporter_table(G)
    critical = critical_table(G, legacy)
    load = load_table(loads)
    hubs = hubs_table(G)
    weak_table = weak_points_table(G)

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
            specialty,
            techniques,
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
