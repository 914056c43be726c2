"""GET /report/{page}: the report site (overview, province and document pages, tables/ as CSV and JSON)
served from the API's snapshot of the graph, in the language of `?lang=` or Accept-Language.

The pages carry their own Content-Security-Policy (their one script by hash); the header says the same.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from ...errors import NotFound
from ...reports.data import report_data
from ...reports.site import csp, site_pages
from ...reports.tables import csv_text, json_text
from ...settings import Settings
from ..deps import get_settings, page_language
from ..models import html_responses
from ..snapshot import Snapshot, get_snapshot

# The document pages' reject buttons call this server's corrections endpoint (and nothing else).
CORRECTIONS = {"url": "/corrections"}

router = APIRouter(tags=["pages"])


def _site(snapshot: Snapshot, lang: str, writes: bool) -> dict[str, str]:
    def make() -> dict[str, str]:
        data = snapshot.part("report-data", lambda: report_data(snapshot.graph))
        pages = site_pages(
            snapshot.graph,
            data.answer,
            [t.name for t in data.tables],
            lang=lang,
            lang_links=True,
            corrections=CORRECTIONS | {"writes": writes},
        )
        for table in data.tables:
            pages[f"tables/{table.name}.csv"] = csv_text(table)
            pages[f"tables/{table.name}.json"] = json_text(table)
        return pages

    pages: dict[str, str] = snapshot.part(f"site-{lang}", make)
    return pages


@router.get(
    "/report/{page:path}",
    response_model=None,
    responses=html_responses("A page of the report site."),
)
def report_site_page(
    page: str = Path(
        ...,
        max_length=300,
        description="`index.html`, `provinces/01.html`, `documents/<id>.html`, `tables/<name>.csv`.",
    ),
    chosen: str = Depends(page_language),
    snapshot: Snapshot = Depends(get_snapshot),
    settings: Settings = Depends(get_settings),
) -> Response:
    """One page of the report site; an unknown page is a 404, an unknown language a 422."""
    pages = _site(snapshot, chosen, bool(settings.api_key))
    body = pages.get(page or "index.html")
    if body is None:
        raise NotFound(f"no report page {page!r}: start at /report/index.html")
    kind = {"csv": "text/csv", "json": "application/json"}.get(page.rsplit(".", 1)[-1], "text/html")
    headers = {
        "Content-Security-Policy": csp("'self'") + "; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Language": chosen,
        "Vary": "Accept-Language",
    }
    return Response(body, media_type=f"{kind}; charset=utf-8", headers=headers)
