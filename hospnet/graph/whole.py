"""The whole-graph reads, defined once: the export (graph/jsonl.py) and the analyses' NetworkX graph
(analysis/network.py) read the store with the same statements."""

from __future__ import annotations

NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props"
)
# MENTIONED_IN is most of a large graph's edges and no analysis reads it: leave it out when asked.
FACTS = (
    "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' "
    "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props"
)
# Whole-graph reads on a national graph take longer than an interactive query may.
READ_TIMEOUT = 600.0
