"""Every failure leaves the API in one shape, `{"error": {"status", "code", "message"}}`, decided here.

Library code raises hospnet.errors; this module alone says which HTTP status each one is (STYLE
habit 3). FastAPI's own validation errors and Starlette's HTTP errors (unknown route, wrong
method) are rewritten into the same shape.
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import errors

log = logging.getLogger("hospnet.api")


class ApiError(errors.HospnetError):
    """A failure that exists only at the HTTP edge (a missing key, a body too large)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


# Most specific first: the first class an error is an instance of decides.
STATUS: list[tuple[type[errors.HospnetError], int, str]] = [
    (errors.NotFound, 404, "not_found"),
    (errors.QueryNotFound, 404, "query_not_found"),
    (errors.QueryParameterError, 422, "bad_parameter"),
    (errors.QueryRejected, 400, "query_rejected"),
    (errors.QueryTimeout, 408, "query_timeout"),
    (errors.QueryTooLarge, 413, "query_too_large"),
    (errors.StoreUnavailable, 503, "store_unavailable"),
    (errors.TransientStoreError, 503, "store_busy"),
    (errors.DocumentTooLarge, 413, "document_too_large"),
    (errors.DocumentError, 422, "bad_document"),
    (errors.StoreError, 500, "store_error"),
    (errors.DataFolderError, 503, "data_folder_unwritable"),
    (errors.StoreLocked, 409, "store_locked"),
    (errors.ConfigError, 500, "config_error"),
    (errors.HospnetError, 500, "error"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "bad_parameter",
}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message}},
        status_code=status,
        headers=headers,
    )


def status_of(exc: errors.HospnetError) -> tuple[int, str]:
    if isinstance(exc, ApiError):
        return exc.status, exc.code
    for cls, status, code in STATUS:
        if isinstance(exc, cls):
            return status, code
    return 500, "error"


# The error classes' own hints name CLI commands; an HTTP answer names the route instead.
HTTP_HINTS = {
    errors.QueryNotFound: "GET /queries lists the query modules",
    errors.QueryParameterError: "GET /queries lists each module's parameters",
}


def _message(exc: errors.HospnetError) -> str:
    hint = getattr(exc, "hint", "")
    if hint == getattr(type(exc), "hint", None):
        hint = HTTP_HINTS.get(type(exc), hint)
    return f"{exc} ({hint})" if hint else str(exc)


async def hospnet_error(request: Request, exc: errors.HospnetError) -> JSONResponse:
    status, code = status_of(exc)
    if status >= 500:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
    headers = {"Retry-After": "5"} if status == 503 else None
    return error_response(status, code, _message(exc), headers)


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body",)) or "request"
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return error_response(422, "bad_parameter", "; ".join(problems) or "invalid request")


def _allowed_methods(request: Request) -> str:
    """Every method the OpenAPI description gives the path: Starlette's 405 names only the first route that matched."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)), request.url.path):
            methods |= {
                m.upper() for m in operations if m in ("get", "post", "put", "patch", "delete")
            }
    return ", ".join(sorted(methods))


async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request) or headers.get("Allow", "")
    return error_response(exc.status_code, code, str(exc.detail), headers or None)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("%s %s failed", request.method, request.url.path)
    return error_response(500, "internal_error", "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    # Starlette types a handler as taking any Exception; each of these takes the class it is registered for.
    app.add_exception_handler(errors.HospnetError, hospnet_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error)
