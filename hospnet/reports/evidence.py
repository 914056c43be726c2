"""How the report writes one piece of evidence: who, to whom, how, the sentences, the documents.

A relationship read from several documents is quoted in each document's own sentence
(`source_evidence`), so a document is never cited for a sentence another one wrote.
"""

from __future__ import annotations

import networkx as nx

from ..analysis.coverage import source_refs
from ..model import SourceRef, SupportEvidence


def quotes(
    evidence: str | None, documents: tuple[SourceRef, ...] | list[SourceRef]
) -> list[tuple[str | None, list[SourceRef]]]:
    """Each sentence with the documents that state it, in the documents' order; with no document,
    the relationship's `evidence` alone."""
    grouped: dict[str | None, list[SourceRef]] = {}
    for d in documents:
        sentences: list[str | None] = list(d.sentences) or [None]
        for sentence in sentences:
            grouped.setdefault(sentence, []).append(d)
    return list(grouped.items()) if grouped else [(evidence, [])]


def _doc(d: SourceRef) -> str:
    name = ", ".join(x for x in (d.title, d.source, d.date) if x) or d.id
    if d.own or not d.sentences:
        return name
    return f"{name}: its own sentence was not kept, this is the relationship's"


def _quoted(evidence: str | None, documents) -> str:
    return "; ".join(
        (f"“{sentence}”" if sentence else "(no sentence recorded)")
        + f" [{'; '.join(_doc(d) for d in docs) or 'no document recorded'}]"
        for sentence, docs in quotes(evidence, documents)
    )


def evidence_line(e: SupportEvidence) -> str:
    """One line a reader can check: who, to whom, how, and each document's sentence."""
    how = ", ".join(e.kinds) if e.relationship == "SUPPORTS" else f"technique {e.technique or '?'}"
    return (
        f"{e.supporter} → {e.target} ({e.relationship}: {how}): {_quoted(e.evidence, e.documents)}"
    )


def edge_evidence(G: nx.MultiDiGraph, start: str, end: str, rel_type: str) -> list[str]:
    return [
        _quoted(data.get("evidence"), source_refs(G, data))
        for _, data in G.get_edge_data(start, end, default={}).items()
        if data.get("type") == rel_type
    ]
