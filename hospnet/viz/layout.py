"""Node positions computed before the page is sent, so a browser never simulates 2,000 nodes.

The support network is tree-like: most nodes (district hospitals, techniques, people) hang off one
neighbour. Those leaves are placed in a ring around their neighbour; only the core is laid out by
force. A core under 500 nodes uses NetworkX's spring layout; a larger one uses the same
Fruchterman-Reingold step vectorised in float32 here, because NetworkX switches to a SciPy-only
sparse version past 500 nodes and hospnet does not depend on SciPy.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SPRING_LIMIT = 500


def _force_directed(graph: nx.Graph, iterations: int, seed: int) -> dict:
    """Fruchterman-Reingold on a dense float32 adjacency: about 1 s for 1,500 nodes."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n), dtype=np.float32)
    for a, b in graph.edges():
        adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    x, y = pos[:, 0], pos[:, 1]
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        coef = k * k / dist2 - adjacency * np.sqrt(dist2) / k
        move_x = (dx * coef).sum(axis=1)
        move_y = (dy * coef).sum(axis=1)
        length = np.maximum(np.hypot(move_x, move_y), np.float32(1e-2))
        x += move_x * (temperature / length)
        y += move_y * (temperature / length)
        temperature -= cooling
    pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}


def _core_positions(core: nx.Graph, seed: int) -> dict:
    if core.number_of_nodes() == 0:
        return {}
    if core.number_of_nodes() == 1:
        return {next(iter(core)): (0.0, 0.0)}
    if core.number_of_nodes() < SPRING_LIMIT:
        return {
            n: (float(x), float(y))
            for n, (x, y) in nx.spring_layout(core, seed=seed, iterations=60).items()
        }
    return _force_directed(core, iterations=40, seed=seed)


def positions(graph: nx.Graph, *, seed: int = 7, scale: float | None = None) -> dict:
    """Pixel positions for every node of `graph` (any NetworkX graph; direction is ignored).

    >>> pos = positions(nx.star_graph(4), scale=100)
    >>> sorted(pos) == [0, 1, 2, 3, 4] and pos[0] == (0.0, 0.0)
    True
    """
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    degree = dict(simple.degree)
    isolated = [node for node in simple if degree[node] == 0]
    leaves = {node: next(iter(simple[node])) for node in simple if degree[node] == 1}
    # A leaf hangs off a core node; in a component of two leaves, one of them stays in the core.
    leaves = {
        leaf: parent
        for leaf, parent in leaves.items()
        if parent not in leaves or str(leaf) > str(parent)
    }
    core = simple.subgraph(node for node in simple if node not in leaves and degree[node] > 0)
    pos = _core_positions(core, seed)
    spread = 1.0 / math.sqrt(max(core.number_of_nodes(), 1))
    children: dict = {}
    for leaf, parent in leaves.items():
        children.setdefault(parent, []).append(leaf)
    for parent, kids in children.items():
        px, py = pos.get(parent, (0.0, 0.0))
        radius = spread * (0.5 + 0.04 * len(kids))
        for i, kid in enumerate(sorted(kids, key=str)):
            angle = 2 * math.pi * i / len(kids)
            pos[kid] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
    if isolated:
        width = max(1, math.ceil(math.sqrt(len(isolated))))
        top = max((y for _, y in pos.values()), default=0.0) + 2 * spread
        step = 2 * spread if pos else 0.2
        for i, node in enumerate(sorted(isolated, key=str)):
            pos[node] = (-1.0 + step * (i % width), top + step * (i // width))
    scale = scale if scale is not None else 120 * math.sqrt(n) + 150
    return {node: (x * scale, y * scale) for node, (x, y) in pos.items()}
