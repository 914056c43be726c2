"""The report's technique tables: specialties and techniques no hospital of a province performs."""

from __future__ import annotations

import networkx as nx

from ..analysis.techniques import SpecialtyGap, technique_gaps
from .tables import Table, ranked


def specialty_table(s_gaps: list[SpecialtyGap]) -> Table:
    """Specialties ranked by the provinces where none of their techniques is performed."""
    return ranked(
        Table(
            "specialty_gaps",
            "Specialties: provinces where no technique of the specialty is performed",
            "Ranked by the number of 2025 provinces without any of the specialty's techniques.",
            [
                "rank",
                "specialty",
                "techniques",
                "provinces_without",
                "provinces_with",
                "missing_in",
            ],
        ),
        s_gaps,
        lambda g: {
            "specialty": g.specialty,
            "techniques": g.techniques,
            "provinces_without": len(g.provinces_without),
            "provinces_with": list(g.provinces_with),
            "missing_in": list(g.provinces_without),
        },
    )


def technique_table(G: nx.MultiDiGraph) -> Table:
    """Techniques ranked by the provinces where no hospital performs them."""
    return ranked(
        Table(
            "technique_gaps",
            "Techniques: provinces where no hospital performs them",
            "Ranked by the number of 2025 provinces without the technique.",
            ["rank", "technique", "specialty", "provinces_without", "provinces_with"],
        ),
        technique_gaps(G),
        lambda tg: {
            "technique": tg.technique,
            "specialty": tg.specialty,
            "provinces_without": len(tg.provinces_without),
            "provinces_with": list(tg.provinces_with),
        },
    )
