"""The report as a small static site: index.html (summary, tile map, matrix, ranked gaps), one page per
province and one per document, all from the one answer (analysis/gaps.py), offline, in Vietnamese or English.

`site_pages` returns {relative path: HTML}; `build_report` writes them beside tables/, and the API serves
them under /report/. Every text from a document goes through Jinja's autoescape; the only script is
templates/site.js, allowed by its hash in the pages' Content-Security-Policy.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

import networkx as nx
from jinja2 import Environment, FunctionLoader, select_autoescape

from ..analysis.gaps import Answer
from ..analysis.network import edges_of_type, name_of
from ..analysis.places import province_of
from ..corrections.facts import relationship_target
from ..labels import Labels
from ..model import evidence_by_source
from ..names import file_stem as slug
from .evidence import quotes
from .matrix import MARK, gap_rows
from .tilemap import TILE, colour_for, layout, legend

GAP_ROWS = 100  # ranked gaps on the overview; the CSV and JSON hold all


def _template(name: str) -> str:
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def script() -> str:
    return _template("site.js")


def csp(connect: str = "'none'") -> str:
    """The pages' policy: their one script by hash, nothing from anywhere else; served by the API,
    `connect` is `'self'`, for the document page's corrections."""
    digest = base64.b64encode(hashlib.sha256(script().encode("utf-8")).digest()).decode()
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
        f"connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FunctionLoader(_template),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Fact:
    relationship: str
    start: str
    end: str
    quotes: list[list[tuple[str, bool]]]  # the document's sentences, each cut by `highlight`
    target: dict = field(default_factory=dict)  # as POST /corrections names it
    curated_by: list[str] = field(default_factory=list)
    own: bool = True  # False: the relationship's `evidence`, perhaps another document's


@dataclass
class DocumentPage:
    id: str
    slug: str
    title: str
    source: str
    url: str | None
    outlet: str | None
    date: str | None
    facts: list[Fact] = field(default_factory=list)
    # (id, name, label) of every node the facts name, for the served page's merge controls
    nodes: list[tuple[str, str, str]] = field(default_factory=list)


def highlight(sentence: str, names: list[str]) -> list[tuple[str, bool]]:
    """The sentence cut into (text, is a name) pieces, names matched without regard to case.

    >>> highlight("BV Bạch Mai hỗ trợ Lai Châu", ["Bạch Mai", "lai châu"])
    [('BV ', False), ('Bạch Mai', True), (' hỗ trợ ', False), ('Lai Châu', True)]
    """
    wanted = sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True)
    if not wanted or not sentence:
        return [(sentence or "", False)]
    pattern = re.compile("|".join(re.escape(n) for n in wanted), re.IGNORECASE)
    out, at = [], 0
    for match in pattern.finditer(sentence):
        if match.start() > at:
            out.append((sentence[at : match.start()], False))
        out.append((match.group(0), True))
        at = match.end()
    if at < len(sentence):
        out.append((sentence[at:], False))
    return out


def _names(G: nx.MultiDiGraph, node: str) -> list[str]:
    data = G.nodes[node]
    short = re.sub(
        r"^(Bệnh viện( Đa khoa)?( tỉnh)?|Trung tâm Y tế( huyện)?) ", "", data.get("name") or ""
    )
    return [data.get("name") or data.get("title") or "", short, *(data.get("aliases") or ())]


def document_pages(G: nx.MultiDiGraph) -> dict[str, DocumentPage]:
    """Every document with the facts whose `sources` name it, in the graph's order, each quoted in
    the document's own sentence (`source_evidence`), else in `evidence`, marked as maybe another's."""
    pages = {}
    for node, data in G.nodes(data=True):
        if data.get("label") == "Document":
            source = data.get("source") or ""
            parts = urlsplit(source)
            url = source if parts.scheme in ("http", "https") and parts.netloc else None
            pages[node] = DocumentPage(
                node,
                slug(node),
                data.get("title") or "",
                source,
                url,
                parts.netloc.removeprefix("www.") if url else None,
                data.get("date"),
            )
    for start, end, data in edges_of_type(
        G, *{d["type"] for _, _, d in G.edges(data=True)} - {"MENTIONED_IN"}
    ):
        for doc, (sentences, own) in evidence_by_source(data).items():
            if doc in pages and sentences:
                names = _names(G, start) + _names(G, end)
                pages[doc].facts.append(
                    Fact(
                        data["type"],
                        name_of(G, start),
                        name_of(G, end),
                        [highlight(sentence, names) for sentence in sentences],
                        relationship_target(data["type"], start, end, data),
                        [str(who) for who in data.get("curated_by") or []],
                        own,
                    )
                )
                named = {n[0] for n in pages[doc].nodes}
                pages[doc].nodes += [
                    (n, name_of(G, n), G.nodes[n].get("label") or "")
                    for n in dict.fromkeys((start, end))
                    if n not in named
                ]
    return pages


def _documents(documents, pages: dict[str, DocumentPage]) -> list[dict]:
    return [
        {
            "slug": pages[d.id].slug if d.id in pages else slug(d.id),
            "title": d.title,
            "date": d.date,
            "own": d.own or not d.sentences,
        }
        for d in documents
    ]


def _hospitals_by_province(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    supported_by: dict[str, set[str]] = defaultdict(set)
    for start, end, _ in edges_of_type(G, "SUPPORTS"):
        supported_by[end].add(name_of(G, start))
    out: dict[str, list[dict]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        if data.get("label") == "Hospital":
            province = province_of(G, node)
            if province:
                out[province].append(
                    {
                        "name": name_of(G, node),
                        "level": data.get("level") or "other",
                        "supported_by": sorted(supported_by.get(node, ())),
                    }
                )
    for rows in out.values():
        rows.sort(
            key=lambda r: (
                ["central", "provincial", "district"].index(r["level"])
                if r["level"] in ("central", "provincial", "district")
                else 3,
                r["name"],
            )
        )
    return out


def site_pages(
    G: nx.MultiDiGraph,
    answer: Answer,
    table_names: list[str],
    *,
    lang: str = "vi",
    lang_links: bool = False,
    corrections: dict | None = None,
) -> dict[str, str]:
    """Every page of the site. With `lang_links` (served by the API) links carry ?lang= and a
    language switch appears; written to disk, the site is in one language. With `corrections`
    (`{"url": "/corrections", "writes": bool}`, only from the API) each fact of a document page
    has a reject button and each node it names a merge control, both sending POST /corrections."""
    policy = csp("'self'" if corrections else "'none'")
    t = Labels(lang)
    env = environment()
    q = f"?lang={lang}" if lang_links else ""

    def render(name: str, path: str, root: str, **values) -> str:
        other = (
            f"{root}{path.rsplit('/', 1)[-1] if not root else path}?lang={t.other}"
            if lang_links
            else None
        )
        return env.get_template(name).render(
            t=t,
            csp=policy,
            script=script(),
            root=root,
            q=q,
            other_href=other,
            corrections=corrections,
            **values,
        )

    documents = document_pages(G)
    gaps = answer.gaps()
    rows = gap_rows(gaps)
    counts = {p.code: sum(c.gap for c in answer.row(p.code)) for p in answer.provinces}
    most = len(answer.specialties)
    tiles = []
    for tile in layout():
        colour = colour_for(counts[tile.code], most)
        tiles.append(
            {
                "code": tile.code,
                "name": tile.name,
                "short": tile.short,
                "gaps": counts[tile.code],
                "x": tile.col * TILE + 2,
                "y": tile.row * TILE + 2,
                "size": TILE - 4,
                "colour": colour,
                "ink": "#fff" if colour in ("#1b7837", "#a50026", "#f46d43") else "#222",
            }
        )
    matrix = [
        {
            "code": p.code,
            "name": p.name,
            "gaps": counts[p.code],
            "cells": [
                {
                    "status": c.status,
                    "supporters": c.supporters,
                    "mark": f"{MARK['supported']} {len(c.supporters)}"
                    if not c.gap
                    else MARK[c.status],
                }
                for c in answer.row(p.code)
            ],
        }
        for p in answer.provinces
    ]
    pages = {
        "index.html": render(
            "site_index.html.j2",
            "index.html",
            "",
            without=answer.without_central_supporter(),
            gaps_total=len(gaps),
            gaps=rows[:GAP_ROWS],
            specialties=answer.specialties,
            matrix=matrix,
            tiles=tiles,
            legend=legend(most),
            map_width=max(t.col for t in layout()) * TILE + TILE,
            map_height=max(t.row for t in layout()) * TILE + TILE,
            hospital_count=sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Hospital"),
            document_count=len(documents),
            table_names=table_names,
        )
    }
    hospitals = _hospitals_by_province(G)
    for place in answer.provinces:
        supports = []
        for cell in answer.row(place.code):
            for s in cell.supports:
                supports.append(
                    {
                        "specialty": cell.specialty,
                        "supporter": s.supporter,
                        "status": s.status,
                        "technique": s.technique,
                        "target": s.target,
                        "since": s.since,
                        "evidence": [
                            {"sentence": sentence, "documents": _documents(docs, documents)}
                            for sentence, docs in quotes(s.evidence, s.documents)
                        ]
                        if s.evidence or s.documents
                        else [],
                    }
                )
        path = f"provinces/{place.code}.html"
        pages[path] = render(
            "site_province.html.j2",
            path,
            "../",
            place=place,
            supports=supports,
            gaps=gap_rows(answer.gaps(place.code)),
            hospitals=hospitals.get(place.name, []),
        )
    for doc in documents.values():
        path = f"documents/{doc.slug}.html"
        pages[path] = render("site_document.html.j2", path, "../", doc=doc)
    return pages
