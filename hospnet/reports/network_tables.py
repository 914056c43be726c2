"""The report's network tables: chains up to a central hospital, single supporters, critical
supporters, the load on central hospitals, supporter hubs and the weak points of the support graph."""

from __future__ import annotations

import networkx as nx

from ..analysis.hubs import CentralLoad, supporter_hubs
from ..analysis.reachability import ChainToCentral
from ..analysis.resilience import critical_supporters, single_supporter_units, support_weak_points
from .evidence import edge_evidence
from .tables import Table, ranked


def chain_tables(chains: list[ChainToCentral]) -> tuple[Table, Table]:
    """The hospitals with no chain to a central hospital, and the shortest chains of the others."""
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

    return unreachable, reached


def single_supporter_table(G: nx.MultiDiGraph) -> Table:
    """Units exactly one hospital supports, with the evidence."""
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
                "evidence": edge_evidence(G, s.supporter_id, s.unit_id, "SUPPORTS"),
            }
        )

    return single


def critical_table(G: nx.MultiDiGraph, legacy: bool) -> Table:
    """Supporters whose loss lowers provinces' coverage."""
    return ranked(
        Table(
            "critical_supporters",
            "Supporters whose loss lowers provinces' coverage",
            "Each supporter's support removed in turn; the provinces whose status would drop.",
            ["rank", "supporter", "level", "provinces", "changes"],
        ),
        critical_supporters(G, legacy=legacy),
        lambda cs: {
            "supporter": cs.supporter,
            "level": cs.level,
            "provinces": len(cs.provinces),
            "changes": list(cs.changes),
        },
    )


def load_table(loads: list[CentralLoad]) -> Table:
    """Units, provinces and techniques per central hospital."""
    return ranked(
        Table(
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
        ),
        loads,
        lambda cl: {
            "hospital": cl.hospital,
            "province": cl.province,
            "units_supported": cl.units_supported,
            "hospitals_supported": cl.hospitals_supported,
            "provinces_reached": list(cl.provinces_reached),
            "transfers": cl.transfers,
            "techniques": cl.techniques,
        },
    )


def hubs_table(G: nx.MultiDiGraph) -> Table:
    """Supporters by reach and betweenness."""
    return ranked(
        Table(
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
        ),
        supporter_hubs(G),
        lambda h: {
            "hospital": h.hospital,
            "level": h.level,
            "province": h.province,
            "units_supported": h.units_supported,
            "supported_by": h.supported_by,
            "transfers": h.transfers,
            "betweenness": h.betweenness,
            "betweenness_exact": h.betweenness_exact,
        },
    )


def weak_points_table(G: nx.MultiDiGraph) -> Table:
    """Articulation points and bridges of the support graph."""
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

    return weak_table
