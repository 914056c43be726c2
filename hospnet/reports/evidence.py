"""How the report writes one piece of evidence: who, to whom, how, the sentence, the documents."""

from __future__ import annotations

import networkx as nx

from ..model import SupportEvidence


def evidence_line(e: SupportEvidence) -> str:
    """One line a reader can check: who, to whom, how, the sentence, and the documents."""
    how = ", ".join(e.kinds) if e.relationship == "SUPPORTS" else f"technique {e.technique or '?'}"
    docs = (
        "; ".join(", ".join(x for x in (d.title, d.source, d.date) if x) for d in e.documents)
        or "no document recorded"
    )
    sentence = f"“{e.evidence}”" if e.evidence else "(no sentence recorded)"
    return f"{e.supporter} → {e.target} ({e.relationship}: {how}): {sentence} [{docs}]"


def edge_evidence(G: nx.MultiDiGraph, start: str, end: str, rel_type: str) -> list[str]:
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
