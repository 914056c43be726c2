"""Which part of the graph a picture shows: the whole network, a neighbourhood, or a filtered slice.

The store is read once into a NetworkX multigraph by hospnet.analysis.network (documents are then
left out: they appear as the sources in each tooltip), and filters cut it down. Filters compose: each one keeps a set of nodes and the
view is what every filter keeps. A view larger than `max_nodes` keeps its best-connected nodes and
says so in its message, so a browser never receives more than it can draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..errors import NotFound, UnknownName
from ..labels import Labels
from ..places import match_province
from ..analysis.network import read_graph
from ..graph.base import GraphStore
from ..model import REL_TYPES
from ..names import fold

MAX_NODES = 2500


@dataclass
class Filters:
    """What to show; every field is optional and they combine (all must hold)."""

    province: str | None = None
    program: str | None = None
    technique: str | None = None
    rel_type: str | None = None
    center: str | None = None
    depth: int = 1

    def describe(self, lang: str = "en") -> str:
        """What the view shows, in words (`whole network`; `around ID (depth 1), SUPPORTS only`)."""
        t = Labels(lang, "network_labels")
        parts = []
        if self.center:
            parts.append(t.ui("view_around", center=self.center, depth=self.depth))
        for name in ("province", "program", "technique"):
            if getattr(self, name):
                parts.append(f"{t.word('filters', name)} {getattr(self, name)}")
        if self.rel_type:
            parts.append(t.ui("view_only", type=self.rel_type))
        return ", ".join(parts) or t.ui("view_whole")


@dataclass
class View:
    """A subgraph ready to draw, with the words that explain it: `notes` are (label key, values)
    so the page says them in its language; `messages` are the same in English, for the CLI."""

    graph: nx.MultiDiGraph
    filters: Filters = field(default_factory=Filters)
    notes: list[tuple[str, dict]] = field(default_factory=list)
    total_nodes: int = 0

    @property
    def title(self) -> str:
        return self.filters.describe()

    def say(self, lang: str = "en") -> list[str]:
        t = Labels(lang, "network_labels")
        return [
            t.ui(key, **{k: t.word("filters", v) if k == "what" else v for k, v in values.items()})
            for key, values in self.notes
        ]

    @property
    def messages(self) -> list[str]:
        return self.say("en")


def drawable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without Document nodes. Each node keeps the titles of the documents that mention it
    (`sources`) and the (document id, sentence) of each mention (`mentions`); the documents' titles and
    dates are kept in `graph.graph["documents"]`, for the side panel's links."""
    out = nx.MultiDiGraph()
    documents = {n for n, d in graph.nodes(data=True) if d.get("label") == "Document"}
    out.graph["documents"] = {
        n: {"title": str(graph.nodes[n].get("title") or ""), "date": graph.nodes[n].get("date")}
        for n in documents
    }
    for node, data in graph.nodes(data=True):
        if node not in documents:
            out.add_node(node)
            out.nodes[node].update(data)
    for a, b, key, data in graph.edges(keys=True, data=True):
        if b in documents and a in out:
            doc = graph.nodes[b]
            out.nodes[a].setdefault("sources", []).append(
                str(doc.get("title") or doc.get("source") or b)
            )
            if data.get("sentence"):
                out.nodes[a].setdefault("mentions", []).append((b, str(data["sentence"])))
        elif a in out and b in out:
            out.add_edge(a, b, key=key)
            out.edges[a, b, key].update(data)
    return out


def _matches(value: object, wanted: str) -> bool:
    return isinstance(value, str) and fold(value) == wanted


def _province_nodes(graph: nx.MultiDiGraph, province: str) -> set:
    wanted = fold(province)
    seeds = {
        n
        for n, d in graph.nodes(data=True)
        if _matches(d.get("province"), wanted)
        or _matches(d.get("legacy_province"), wanted)
        or (
            d["label"] == "Province"
            and (
                _matches(d.get("name"), wanted)
                or d.get("code") == province
                or any(_matches(x, wanted) for x in d.get("legacy_names") or [])
            )
        )
    }
    provinces = {n for n in seeds if graph.nodes[n]["label"] == "Province"}
    seeds |= {
        a for a, b, d in graph.edges(data=True) if b in provinces and d["type"] == "LOCATED_IN"
    }
    around = set(seeds)
    for node in seeds:
        around |= set(nx.all_neighbors(graph, node))
    return around


def _program_nodes(graph: nx.MultiDiGraph, program: str) -> set:
    wanted = fold(program)
    programs = {
        n
        for n, d in graph.nodes(data=True)
        if d["label"] == "Program"
        and (wanted in fold(str(d.get("name", ""))) or d.get("code") == program)
    }
    keep = set(programs)
    for a, b, d in graph.edges(data=True):
        if d["type"] in ("UNDER", "ISSUED_BY") and (a in programs or b in programs):
            keep |= {a, b}
        if (
            d["type"] == "SUPPORTS"
            and d.get("program")
            and (d["program"] in programs or wanted in fold(str(d["program"])))
        ):
            keep |= {a, b}
    agreements = {n for n in keep if graph.nodes[n]["label"] == "Agreement"}
    for a, b, d in graph.edges(data=True):
        if d["type"] in ("PARTY_TO", "SIGNED_BY") and (a in agreements or b in agreements):
            keep |= {a, b}
    return keep


def _technique_nodes(graph: nx.MultiDiGraph, technique: str) -> set:
    wanted = fold(technique)
    techniques = {
        n
        for n, d in graph.nodes(data=True)
        if d["label"] == "Technique" and wanted in fold(str(d.get("name", "")))
    }
    keep = set(techniques)
    for a, b, d in graph.edges(data=True):
        if (d["type"] == "HAS_TECHNIQUE" and b in techniques) or (
            d["type"] == "TRANSFERS" and d.get("technique") in techniques
        ):
            keep |= {a, b}
    return keep


def province_tags(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The 2025 provinces under whose filter the network page shows each node: the node's own
    province (a Province node's name, a hospital's province or the Province it is LOCATED_IN), and
    those of its neighbours, as `--province` keeps a province's nodes and their partners."""
    own: dict[str, set[str]] = {n: set() for n in graph}
    for node, data in graph.nodes(data=True):
        if data.get("label") == "Province" and data.get("name"):
            own[node].add(str(data["name"]))
        elif isinstance(data.get("province"), str) and data["province"]:
            own[node].add(data["province"])
    for a, b, d in graph.edges(data=True):
        if d.get("type") == "LOCATED_IN" and graph.nodes[b].get("label") == "Province":
            own[a].add(str(graph.nodes[b].get("name") or ""))
    tags = {}
    for node in graph:
        found = set(own[node])
        for other in nx.all_neighbors(graph, node):
            found |= own[other]
        tags[node] = sorted(p for p in found if p)
    return tags


def programme_tags(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The Program ids under whose filter the network page shows each node: the nodes `--program`
    keeps for that programme."""
    tags: dict[str, list[str]] = {}
    for program, data in graph.nodes(data=True):
        if data.get("label") == "Program":
            for node in _program_nodes(graph, str(data.get("code") or data.get("name") or program)):
                tags.setdefault(node, []).append(program)
    return tags


def select(graph: nx.MultiDiGraph, filters: Filters, *, max_nodes: int = MAX_NODES) -> View:
    """The part of `graph` the filters ask for, capped at `max_nodes`."""
    notes: list[tuple[str, dict]] = []
    whole = graph
    if filters.rel_type:
        drawn = [
            t for t in REL_TYPES if t != "MENTIONED_IN"
        ]  # documents are not drawn, so neither are mentions
        if filters.rel_type not in drawn:
            raise UnknownName(
                f"unknown or undrawn relationship type {filters.rel_type!r}: use one of {', '.join(drawn)}"
            )
        graph = graph.edge_subgraph(
            [
                (a, b, k)
                for a, b, k, d in graph.edges(keys=True, data=True)
                if d["type"] == filters.rel_type
            ]
        )
    keep = set(graph.nodes)
    for name, finder in (
        ("province", _province_nodes),
        ("program", _program_nodes),
        ("technique", _technique_nodes),
    ):
        value = getattr(filters, name)
        if value:
            found = finder(graph, value)
            if (
                not found
                and not (name == "province" and match_province(value))
                and not finder(whole, value)
            ):
                raise UnknownName(
                    f"no {name} matches {value!r} in the graph: check the spelling (diacritics are optional)"
                )
            if not found:
                notes.append(("no_match_filter", {"what": name, "value": repr(value)}))
            keep &= found
    view = graph.subgraph(keep)
    if filters.center:
        if filters.center not in graph:
            raise NotFound(f"no node with id {filters.center!r} in this view")
        if filters.center in view:
            reach = nx.single_source_shortest_path_length(
                view.to_undirected(as_view=True), filters.center, cutoff=max(0, filters.depth)
            )
            view = view.subgraph(reach)
        else:
            view = view.subgraph([])
    total = view.number_of_nodes()
    if total > max_nodes:
        ranked = sorted(view.degree, key=lambda item: (-item[1], str(item[0])))[:max_nodes]
        view = view.subgraph(n for n, _ in ranked)
        notes.append(("capped", {"total": f"{total:,}", "shown": f"{max_nodes:,}"}))
    return View(graph=nx.MultiDiGraph(view), filters=filters, notes=notes, total_nodes=total)


def build_view(
    store: GraphStore, filters: Filters | None = None, *, max_nodes: int = MAX_NODES
) -> View:
    """Read the store and select a view: what `hospnet viz` and GET /viz draw."""
    return select(drawable(read_graph(store)), filters or Filters(), max_nodes=max_nodes)
