"""A URL or headers over the HTTP server's 16 KB buffer are refused in the API's error shape (414, 431)
by the protocol `hospnet serve` runs, never with uvicorn's plain-text 400; and GET /cypher's own
limit keeps any schema-valid query under it."""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlsplit

from hospnet.api.app import create_app
from tests.api.conftest import error_of
from tests.live_server import live_server


def _raw(url: str, head: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send `head` but its end, then the end (so the server buffers an incomplete head, as a slow
    client's arrives; h11 refuses only what it must buffer), and read the answer."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        half = len(head) - 4
        sock.sendall(head[:half])
        time.sleep(0.2)
        try:
            sock.sendall(head[half:])
        except OSError:
            pass  # the server may answer and close before the rest arrives
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status_line, _, rest = data.partition(b"\r\n")
    headers_raw, _, body = rest.partition(b"\r\n\r\n")
    headers = dict(
        line.decode().split(": ", 1) for line in headers_raw.split(b"\r\n") if b": " in line
    )
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


def test_over_long_url_and_headers_get_the_error_shape(api_settings, graph):
    with live_server(create_app(api_settings)) as url:
        status, headers, body = _raw(
            url, b"GET /cypher?query=" + b"RETURN%201%20" * 3000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        assert status == 414 and headers["content-type"] == "application/json"
        error = json.loads(body)["error"]
        assert error["code"] == "uri_too_long" and "POST /cypher" in error["message"]

        status, headers, body = _raw(
            url, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"x" * 20_000 + b"\r\n\r\n"
        )
        assert status == 431 and json.loads(body)["error"]["code"] == "headers_too_large"

        status, _, body = _raw(url, b"NOT HTTP AT ALL\r\n\r\n")
        assert status == 400 and json.loads(body)["error"]["code"] == "bad_request"

        status, _, body = _raw(url, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status == 200 and json.loads(body)["status"] == "ok"  # the server still serves


def test_get_cypher_refuses_what_would_not_fit_a_url(client):
    error = error_of(client.get("/cypher", params={"query": "RETURN 1 " * 200}), 422)
    assert "1000" in error["message"]
    schema = client.get("/openapi.json").json()
    assert "414" in schema["paths"]["/cypher"]["get"]["responses"]
