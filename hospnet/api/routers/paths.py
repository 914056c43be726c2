"""GET /paths: the shortest chain of relationships between two nodes, in either direction.

Computed here by breadth-first search over the read-only path, the steps_out and steps_in query
modules once each per level, because the embedded store has no undirected shortestPath. Documents
are not stepping stones; nodes_by_id names the ends and the chain.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ... import queries
from ...errors import NotFound
from ...graph.base import GraphStore
from ..deps import ID_PATTERN, get_store
from ..models import PathHop, PathResult, PathStep

router = APIRouter(tags=["paths"])

MAX_VISITED = 50_000


def shortest_path(
    store: GraphStore, start: str, end: str, max_depth: int
) -> list[tuple[str, PathHop]] | None:
    """(node, hop that reached it) from start to end, or None when no path is at most max_depth long."""
    came_from: dict[str, tuple[str, PathHop] | None] = {start: None}
    frontier = [start]
    for _ in range(max_depth):
        if end in came_from or not frontier or len(came_from) > MAX_VISITED:
            break
        found: list[str] = []
        for module, outward in (("steps_out", True), ("steps_in", False)):
            for row in queries.run(store, module, {"ids": frontier}):
                nxt = row["next"]
                if nxt is None or nxt in came_from:
                    continue
                hop = PathHop(
                    type=row["type"],
                    start=row["node"] if outward else nxt,
                    end=nxt if outward else row["node"],
                )
                came_from[nxt] = (row["node"], hop)
                found.append(nxt)
        frontier = sorted(set(found))
    if end not in came_from:
        return None
    chain: list[tuple[str, PathHop]] = []
    node = end
    while (step := came_from[node]) is not None:
        previous, hop = step
        chain.append((node, hop))
        node = previous
    return list(reversed(chain))


@router.get("/paths", response_model=PathResult)
def get_path(
    start: str = Query(
        ..., alias="from", max_length=300, pattern=ID_PATTERN, description="Id of the first node."
    ),
    end: str = Query(
        ..., alias="to", max_length=300, pattern=ID_PATTERN, description="Id of the last node."
    ),
    max_depth: int = Query(
        6, ge=1, le=10, description="Longest path looked for, in relationships."
    ),
    store: GraphStore = Depends(get_store),
) -> PathResult:
    """The shortest path between two nodes over any relationship, either direction (not through documents)."""
    known = {row["id"]: row for row in queries.run(store, "nodes_by_id", {"ids": [start, end]})}
    for node in (start, end):
        if node not in known:
            raise NotFound(f"no node with id {node!r}")
    chain = shortest_path(store, start, end, max_depth)
    if chain is None:
        return PathResult(found=False)
    ids = [start] + [node for node, _ in chain]
    names = {row["id"]: row for row in queries.run(store, "nodes_by_id", {"ids": ids})}
    return PathResult(
        found=True,
        length=len(chain),
        nodes=[
            PathStep(id=i, name=str(names[i]["name"]), label=names[i]["label"] or "") for i in ids
        ],
        relationships=[hop for _, hop in chain],
    )
