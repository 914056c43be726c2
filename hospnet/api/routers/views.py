"""GET /viz (the network page) and GET /report (the coverage report): HTML for people, not JSON.

Both pages are sent with a Content-Security-Policy that lets only the page's own scripts run (a
fresh nonce per response; the report has none) and forbids every request to another host: a second wall behind the
escaping of document text. The network page may call this server (`connect-src 'self'`) and nothing else: its
side panel sends reject and merge to POST /corrections, and links documents to /report/documents/.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from ...model import REL_TYPES
from ...reports.data import report_data
from ...reports.html import render_html as render_report
from ...viz.network import new_nonce, render_html
from ...viz.views import Filters, select
from ..cache import Cached, cached
from ...settings import Settings
from ..deps import get_settings, page_language
from ..models import html_responses
from ..snapshot import Snapshot, get_snapshot

router = APIRouter(tags=["pages"])

RelType = Literal[REL_TYPES]  # type: ignore[valid-type]


def page_headers(
    nonce: str | None, *, scripts: bool = True, connect: str = "'none'"
) -> dict[str, str]:
    script_src = f"'nonce-{nonce}'" if nonce and scripts else "'none'"
    policy = (
        f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; img-src data:; "
        f"font-src data:; connect-src {connect}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


@router.get(
    "/viz",
    response_model=None,
    responses=html_responses("The network page."),
)
def network_page(
    province: str | None = Query(
        None, max_length=100, description="Hospitals of a province (and their partners)."
    ),
    program: str | None = Query(
        None, max_length=200, description="A programme's name or code (`1816`)."
    ),
    technique: str | None = Query(
        None, max_length=200, description="A technique's name, with or without diacritics."
    ),
    type: RelType | None = Query(None, description="Only relationships of this type."),
    center: str | None = Query(
        None, max_length=300, description="Id of the node at the centre of a neighbourhood."
    ),
    depth: int = Query(1, ge=0, le=6, description="Neighbourhood depth around `center`."),
    chosen: str = Depends(page_language),
    snapshot: Snapshot = Depends(get_snapshot),
    settings: Settings = Depends(get_settings),
) -> HTMLResponse:
    """The support network as an interactive page (vis-network, no external resources): search, filters,
    a side panel with evidence and links to /report/documents/, and reject or merge with the API key."""
    view = select(
        snapshot.network,
        Filters(
            province=province,
            program=program,
            technique=technique,
            rel_type=type,
            center=center,
            depth=depth,
        ),
    )
    nonce = new_nonce()
    page = render_html(
        view,
        nonce=nonce,
        lang=chosen,
        documents_href="/report/documents/",
        documents_query=f"?lang={chosen}",
        corrections={"url": "/corrections", "writes": bool(settings.api_key)},
    )
    headers = page_headers(nonce, connect="'self'")
    headers.update({"Content-Language": chosen, "Vary": "Accept-Language"})
    return HTMLResponse(page, headers=headers)


@router.get(
    "/report",
    response_model=None,
    responses=html_responses("The report page."),
)
def coverage_report(
    legacy: bool = Query(
        False, description="Coverage by the 63 pre-2025 provinces instead of the 34 of 2025."
    ),
    cache: Cached = Depends(cached),
    snapshot: Snapshot = Depends(get_snapshot),
) -> Response:
    """The coverage-gap report as one self-contained HTML page (map, charts, tables with evidence)."""
    return cache.respond(
        lambda: render_report(report_data(snapshot.graph, legacy=legacy)),
        media_type="text/html; charset=utf-8",
        headers=page_headers(None, scripts=False),
    )
