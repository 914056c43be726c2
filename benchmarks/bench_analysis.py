"""All coverage analyses on the national graph, against the time to read the graph they run on."""

from __future__ import annotations

import importlib
import inspect

from hospnet.graph import open_store

from .context import Context, Row, timed

MODULES = ("coverage", "resilience", "hubs", "reachability", "distance", "techniques")


def analyses() -> list:
    """Every public function of the analysis modules that takes just the graph (other parameters defaulted)."""
    found = []
    for name in MODULES:
        module = importlib.import_module(f"hospnet.analysis.{name}")
        for fname, func in sorted(vars(module).items()):
            if (
                fname.startswith("_")
                or not inspect.isfunction(func)
                or func.__module__ != module.__name__
            ):
                continue
            params = list(inspect.signature(func).parameters.values())
            if (
                params
                and params[0].name == "G"
                and all(p.default is not p.empty or p.kind == p.VAR_KEYWORD for p in params[1:])
            ):
                found.append((f"{name}.{fname}", func))
    return found


def national_graph(ctx: Context):
    """The graph of the ingest benchmark's embedded build, read as NetworkX (with the read time)."""
    from hospnet.analysis.network import read_graph

    settings = ctx.exports.get("falkordb")
    if settings is None:
        return None, 0.0
    store = open_store(settings)
    try:
        with timed() as read:
            G = read_graph(store, mentions=False)
    finally:
        store.close()
    return G, read["seconds"]


def run(ctx: Context) -> list[Row]:
    try:
        funcs = analyses()
    except ImportError as exc:
        return [
            Row("analysis: all coverage analyses", "", f"not yet available: {exc.name} missing")
        ]
    G, read_seconds = national_graph(ctx)
    if G is None:
        return [
            Row(
                "analysis: all coverage analyses",
                "falkordb",
                "needs the ingest benchmark's graph (run with ingest)",
            )
        ]
    times = {}
    for name, func in funcs:
        with timed() as t:
            func(G)
        times[name] = t["seconds"]
    total = sum(times.values())
    slowest = max(times, key=times.get)
    return [
        Row(
            f"analysis: {len(funcs)} analyses on the national graph",
            "networkx",
            f"{total:.2f}s total ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)",
            f"{read_seconds:.2f}s to read the graph from the store",
            f"{total / read_seconds:.2f}x",
            f"slowest {slowest} {times[slowest]:.2f}s",
        )
    ]
