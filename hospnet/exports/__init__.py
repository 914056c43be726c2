"""`hospnet export --format …`: the graph in the formats researchers' tools read.

| format  | writes                          | for                                           |
|---------|---------------------------------|-----------------------------------------------|
| jsonl   | one file (or standard output)   | `hospnet import`, moving a graph between stores |
| graphml | one file                        | Gephi, Cytoscape, `networkx.read_graphml`       |
| gexf    | one file                        | Gephi, `networkx.read_gexf`                     |
| csv     | a folder                        | `neo4j-admin database import`, `hospnet neo4j import` |
| cypher  | one file (or standard output)   | cypher-shell, Neo4j Browser, into an empty database |

GraphML and GEXF hold the analyses' NetworkX graph (`analysis.network.read_graph`), with lists
encoded as networkx_files describes; the others hold the export records of graph.jsonl.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from ..analysis.network import read_graph
from ..errors import HospnetError
from ..graph.admin_csv import write_admin_csv
from ..graph.base import GraphStore
from ..graph.jsonl import export_jsonl, export_records
from .cypher_script import write_cypher
from .networkx_files import read_gexf, read_graphml, write_gexf, write_graphml

FORMATS = ("jsonl", "graphml", "gexf", "csv", "cypher")
NEEDS_OUT = {"graphml": "a file", "gexf": "a file", "csv": "a folder"}


def export(store: GraphStore, fmt: str, out: Path | None, stream: IO[str] | None = None) -> str:
    """Write the graph in `fmt` to `out` (to `stream` for jsonl and cypher when None); says what was written."""
    if fmt not in FORMATS:
        raise HospnetError(
            f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    if out is None and (fmt in NEEDS_OUT or stream is None):
        raise HospnetError(
            f"--format {fmt} writes {NEEDS_OUT.get(fmt, 'a file')}",
            hint=f"give --out {'DIR' if fmt == 'csv' else 'FILE'}",
        )
    if fmt in ("graphml", "gexf"):
        assert out is not None
        G = read_graph(store)
        (write_graphml if fmt == "graphml" else write_gexf)(G, out)
        return f"wrote {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships to {out}"
    if fmt == "csv":
        assert out is not None
        manifest = write_admin_csv(export_records(store), out)
        return f"wrote {len(manifest['nodes'])} node files and {len(manifest['relationships'])} relationship files to {out}"
    writer = (
        export_jsonl
        if fmt == "jsonl"
        else (lambda s, handle: write_cypher(export_records(s), handle))
    )
    if out is None:
        assert stream is not None
        writer(store, stream)
        return ""
    with open(out, "w", encoding="utf-8") as handle:
        count = writer(store, handle)
    return f"wrote {count} {'records' if fmt == 'jsonl' else 'statements'} to {out}"


__all__ = ["FORMATS", "export", "read_graphml", "read_gexf"]
