"""The report's tables of the analyst's answer (hospnet/analysis/gaps.py): the province × specialty
matrix, the ranked gaps and the provinces without a central supporter. Renderings only; no rule here.
"""

from __future__ import annotations

from ..analysis.gaps import Answer, Cell
from .tables import Table

# What a matrix cell shows: supported by how many central hospitals, only planned, or nothing.
MARK = {"supported": "✓", "planned": "…", "missing": "✗"}


def cell_text(cell: Cell) -> str:
    return f"{MARK['supported']} {len(cell.supporters)}" if not cell.gap else MARK[cell.status]


def matrix_table(answer: Answer) -> Table:
    table = Table(
        "specialty_matrix",
        "Province × specialty: central support",
        "✓ N: supported by N central hospitals; …: only planned transfers; ✗: no central support.",
        ["code", "province", "supported", "gaps", *answer.specialties],
    )
    for place in answer.provinces:
        row = answer.row(place.code)
        table.rows.append(
            {
                "code": place.code,
                "province": place.name,
                "supported": sum(not c.gap for c in row),
                "gaps": sum(c.gap for c in row),
                **{c.specialty: cell_text(c) for c in row},
            }
        )
    return table


def gap_rows(cells: list[Cell]) -> list[dict]:
    return [
        {
            "rank": i,
            "code": c.code,
            "province": c.province,
            "specialty": c.specialty,
            "status": c.status,
            "planned_by": sorted({s.supporter for s in c.supports}),
        }
        for i, c in enumerate(cells, 1)
    ]


def gaps_table(answer: Answer) -> Table:
    table = Table(
        "specialty_gaps_ranked",
        "Gaps, ranked: (province, specialty) with no central support",
        "Missing before planned-only; then provinces with the most gaps, then specialties missing in the most provinces.",
        ["rank", "code", "province", "specialty", "status", "planned_by"],
    )
    table.rows = gap_rows(answer.gaps())
    return table


def without_table(answer: Answer) -> Table:
    table = Table(
        "without_central_supporter",
        "Provinces with no central supporter",
        "No central hospital is located there or supports any specialty there (planned transfers aside).",
        ["code", "province"],
    )
    table.rows = [{"code": p.code, "province": p.name} for p in answer.without_central_supporter()]
    return table
