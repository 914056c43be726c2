"""The coverage-gap report: `build_report(store or graph, out_dir)` writes the site (index.html,
provinces/, documents/), report.html, report.md and tables/<name>.csv and .json for every table, all
from one run of the analyses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..analysis.network import read_graph
from ..graph.base import GraphStore
from .data import ReportData, report_data
from .html import render_html
from .markdown import render_markdown
from .site import site_pages
from .tables import write_csv, write_json


@dataclass
class ReportFiles:
    """What build_report wrote."""

    html: Path
    markdown: Path
    tables: list[Path] = field(default_factory=list)
    data: ReportData | None = None
    index: Path | None = None  # the site's overview page (not written with --legacy)
    pages: int = 0

    @property
    def paths(self) -> list[Path]:
        return [self.html, self.markdown, *self.tables]


def build_report(
    source: GraphStore | nx.MultiDiGraph, out_dir: Path, *, legacy: bool = False, lang: str = "vi"
) -> ReportFiles:
    """Read the graph (unless given one), run the analyses, write every rendering into out_dir."""
    G = source if isinstance(source, nx.Graph) else read_graph(source, mentions=False)
    data = report_data(G, legacy=legacy)
    out_dir = Path(out_dir)
    (out_dir / "tables").mkdir(parents=True, exist_ok=True)
    html = out_dir / "report.html"
    html.write_text(render_html(data), encoding="utf-8")
    markdown = out_dir / "report.md"
    markdown.write_text(render_markdown(data), encoding="utf-8")
    files = ReportFiles(html, markdown, data=data)
    for table in data.tables:
        files.tables.append(write_csv(table, out_dir / "tables" / f"{table.name}.csv"))
        files.tables.append(write_json(table, out_dir / "tables" / f"{table.name}.json"))
    if data.answer is not None:
        pages = site_pages(G, data.answer, [t.name for t in data.tables], lang=lang)
        for folder in ("provinces", "documents"):
            (out_dir / folder).mkdir(exist_ok=True)
        for path, page_html in pages.items():
            (out_dir / path).write_text(page_html, encoding="utf-8")
        files.index, files.pages = out_dir / "index.html", len(pages)
    return files


__all__ = ["ReportFiles", "build_report"]
