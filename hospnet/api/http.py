"""uvicorn's HTTP/1.1 protocol, whose refusal of a request it cannot read speaks the API's error shape.

A request line or headers over h11's buffer (16 KB) never reach the app: uvicorn answers a plain-text
"400 Invalid HTTP request received." This answers 414 (URL too long) or 431 (headers too large) in
`{"error": {...}}` instead, saying what to do, and 400 in the same shape for anything else unreadable.
"""

from __future__ import annotations

import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

# uvicorn's default for h11_max_incomplete_event_size: the most a request line and headers may take.
HEAD_LIMIT = 16 * 1024


def refusal(buffered: bytes, limit: int = HEAD_LIMIT) -> tuple[int, str, str]:
    """(status, code, message) for a request h11 could not read, from what it had buffered.

    >>> refusal(b"GET /cypher?query=" + b"x" * 20000)[:2]
    (414, 'uri_too_long')
    >>> refusal(b"GET / HTTP/1.1\\r\\nX: " + b"x" * 20000)[:2]
    (431, 'headers_too_large')
    """
    if len(buffered) > limit:
        if b"\r\n" not in buffered[:limit]:
            return (
                414,
                "uri_too_long",
                f"the URL is longer than {limit // 1024} KB: send long Cypher in the body of "
                "POST /cypher, and long lists as several requests",
            )
        return 431, "headers_too_large", f"the request headers are longer than {limit // 1024} KB"
    return 400, "bad_request", "the request is not valid HTTP/1.1"


class ApiH11Protocol(H11Protocol):
    """H11Protocol with the refusal in the API's error shape (`hospnet serve` runs it)."""

    def send_400_response(self, msg: str) -> None:
        status, code, message = refusal(self.conn.trailing_data[0])
        body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=status, headers=headers),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()


def server_options() -> dict[str, Any]:
    """The uvicorn options every server of the API takes (`uvicorn.run(app, **server_options())`)."""
    return {"http": ApiH11Protocol, "h11_max_incomplete_event_size": HEAD_LIMIT}
