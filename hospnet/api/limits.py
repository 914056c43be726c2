"""Refuse a request body over settings.max_request_bytes before the app holds it in memory; note
when a request arrived, so a query's time limit counts from then.

A declared Content-Length over the limit is answered 413 at once; a body sent without one (chunked)
is counted as it streams and cut off with 413 when it passes the limit.
"""

from __future__ import annotations

import time

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413, f"request body is larger than {limit:,} bytes (HOSPNET_MAX_REQUEST_BYTES)"
        )


class BodyLimit:
    """ASGI middleware: a body larger than `max_bytes` gets a 413 in the API's error shape."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["arrived"] = time.monotonic()
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                await error_response(400, "bad_request", "Content-Length is not a number")(
                    scope, receive, send
                )
                return
            if too_large:
                error = BodyTooLarge(self.max_bytes)
                await error_response(413, "payload_too_large", str(error.detail))(
                    scope, receive, send
                )
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the app's body read, so the app's handler answers 413.
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)
