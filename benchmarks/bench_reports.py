"""Rendering the coverage-gap report from the national graph, against the analyses it runs."""

from __future__ import annotations

from .bench_viz import national_or_truth
from .context import Context, Row, timed


def run(ctx: Context) -> list[Row]:
    try:
        from hospnet.reports import build_report
        from hospnet.reports.data import report_data
        from hospnet.reports.html import render_html
        from hospnet.reports.markdown import render_markdown
    except ImportError as exc:
        return [Row("report rendering", "", f"not yet available: {exc.name} missing")]
    G, source = national_or_truth(ctx)
    with timed() as analyses:
        data = report_data(G)
    with timed() as render:
        render_html(data)
        render_markdown(data)
    with timed() as whole:
        files = build_report(G, ctx.root / "report")
    size = files.html.stat().st_size / 1024
    return [
        Row(
            "report: rendering HTML + Markdown",
            "networkx",
            f"{render['seconds']:.2f}s rendering",
            f"{analyses['seconds']:.2f}s for the report's analyses",
            f"{render['seconds'] / analyses['seconds']:.2f}x",
            f"whole build_report {whole['seconds']:.2f}s, {len(files.paths)} files, report.html {size:,.0f} KB",
        ),
        Row(
            "report site: whole national site (issue 13: ≤ 15 s)",
            "networkx",
            f"{whole['seconds']:.2f}s build_report with the site",
            f"{analyses['seconds']:.2f}s for the report's analyses",
            f"{whole['seconds'] / analyses['seconds']:.2f}x",
            f"{'within' if whole['seconds'] <= 15 else 'OVER'} the 15 s budget; {files.pages:,} site pages "
            f"(overview, 34 provinces, one per document); graph: {source}",
        ),
    ]
