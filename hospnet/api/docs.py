"""/redoc from the install with nothing fetched from another host.

fastapi-offline ships ReDoc's bundle, but the bundle's footer draws Redocly's logo from
cdn.redoc.ly; this serves the same bundle with that image left out, so the page asks no other host.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse, Response

router = APIRouter(include_in_schema=False)

BUNDLE_URL = "/redoc.standalone.js"
# The one element of the bundle that loads from another host (the footer's "by Redocly" logo).
REDOCLY_LOGO = (
    'r.createElement("img",{alt:"redocly logo",onError:()=>t(!1),'
    'src:"https://cdn.redoc.ly/redoc/logo-mini.svg"})'
)


@lru_cache(maxsize=1)
def redoc_bundle() -> str:
    """fastapi-offline's ReDoc bundle without the logo element (text left as is where it is absent)."""
    text = (resources.files("fastapi_offline") / "static" / "redoc.standalone.js").read_text(
        encoding="utf-8"
    )
    return text.replace(REDOCLY_LOGO, "null")


@router.get("/redoc")
def redoc_page(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=request.app.title + " - ReDoc",
        redoc_js_url=f"{root}{BUNDLE_URL}",
        redoc_favicon_url=f"{root}/static-offline-docs/favicon.png",
        with_google_fonts=False,
    )


@router.get(BUNDLE_URL)
def redoc_script() -> Response:
    return Response(
        redoc_bundle(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=86400"},
    )
