"""API throughput and latency with real load generators, beside FastAPI's own /openapi.json as the ceiling.

uvicorn serves the app over the national graph on 127.0.0.1 with 1 and 2 workers. `wrk` (2 threads,
50 connections, SECONDS per endpoint) measures throughput; `hey` at a fixed 100 requests/s for 20 s
measures the profile's latency when the server is not saturated. /openapi.json touches no store,
so each endpoint's share of its throughput is what the store and the handler cost on top of HTTP.
The ceiling is measured right before and right after each endpoint and the endpoint is compared
with the mean of those two runs: on a shared 2-core machine throughput drifts over a run of
minutes, and a single ceiling measured first favours the endpoints measured first.
Targets (issue 15): profiles and search >= 0.5 of the ceiling, /health >= 0.8, p99 <= 50 ms at
100 requests/s, 0 errors and 0 timeouts.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

from hospnet.api.app import server_command
from hospnet.graph import open_store
from hospnet.names import fold

from . import loadgen
from .context import Context, Row

SECONDS = int(os.environ.get("HOSPNET_BENCH_API_SECONDS", "10"))  # wrk's run per endpoint
RATE, RATE_SECONDS = 100, 20
WORKERS = (1, 2)  # uvicorn processes: `hospnet serve --workers`
CENTRAL = (
    "MATCH (h:Hospital {level: 'central'})-[:MENTIONED_IN]->(d:Document) "
    "RETURN h.id AS id, h.name AS name, count(d) AS n ORDER BY n DESC, id LIMIT 1"
)
DISTRICT = (
    "MATCH (h:Hospital {level: 'district'})-[:MENTIONED_IN]->(d:Document) "
    "RETURN h.id AS id, h.name AS name, count(d) AS n ORDER BY n DESC, id LIMIT 1"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited: {process.stderr.read().decode()[-1000:]}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("uvicorn did not answer within a minute")


def run(ctx: Context) -> list[Row]:
    if not ctx.exports:
        return [Row("API throughput", "", "needs the ingest benchmark's graph (run with ingest)")]
    loadgen.ensure()
    rows: list[Row] = []
    for name, settings in sorted(ctx.exports.items()):
        for workers in WORKERS:
            rows += _run_store(name, settings, workers)
    return rows


def _targets(settings) -> dict[str, str]:
    """The endpoints measured: the most-mentioned central and district hospitals, a name search."""
    store = open_store(settings)
    try:
        central, district = store.read(CENTRAL), store.read(DISTRICT)
    finally:
        store.close()
    if not central or not district:
        raise RuntimeError(
            "the graph has no mentioned central or district hospital: run with ingest"
        )
    words = " ".join(fold(central[0]["name"] or "").split()[-2:])
    return {
        "/health": "/health",
        f"/hospitals/{{id}} central, {central[0]['n']:,} mentions": "/hospitals/"
        + quote(central[0]["id"]),
        f"/hospitals/{{id}} district, {district[0]['n']:,} mentions": "/hospitals/"
        + quote(district[0]["id"]),
        f"/hospitals?q={words}": "/hospitals?q=" + quote(words),
    }


def _run_store(name: str, settings, workers: int) -> list[Row]:
    targets = _targets(settings)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        server_command("127.0.0.1", port, workers),
        env={**os.environ, **settings.store_environment()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],
    )
    label = f"{workers} worker{'s' if workers > 1 else ''}"
    rows = []
    try:
        _wait(base, process)
        for path in targets.values():  # first answers (and the caches) before anything is timed
            loadgen.wrk(base + path, seconds=1, connections=4, threads=1)
        ceiling = loadgen.wrk(base + "/openapi.json", SECONDS)
        for what, path in targets.items():
            load = loadgen.wrk(base + path, SECONDS)
            after = loadgen.wrk(base + "/openapi.json", SECONDS)
            ceiling_rps = (ceiling.requests_per_s + after.requests_per_s) / 2
            rows.append(
                Row(
                    f"API {what}: wrk 50 connections {SECONDS}s, {label}",
                    name,
                    f"{load.requests_per_s:,.0f} req/s, p50 {load.p50_ms:.1f} ms, p99 {load.p99_ms:.1f} ms",
                    f"/openapi.json {ceiling_rps:,.0f} req/s (mean of the runs before and after),"
                    f" p99 {max(ceiling.p99_ms, after.p99_ms):.1f} ms",
                    f"{load.requests_per_s / ceiling_rps:.2f} of ceiling",
                    f"{load.failures()} (ceiling {ceiling.failures()}; {after.failures()})",
                )
            )
            ceiling = after
        for what, path in targets.items():
            if not what.startswith("/hospitals/"):
                continue
            load = loadgen.hey_fixed_rate(base + path, RATE, RATE_SECONDS)
            rows.append(
                Row(
                    f"API {what}: hey {RATE} req/s for {RATE_SECONDS}s, {label}",
                    name,
                    f"p99 {load.p99_ms:.1f} ms, p50 {load.p50_ms:.1f} ms",
                    "target p99 <= 50 ms",
                    f"{load.p99_ms / 50:.2f} of target",
                    f"{load.requests_per_s:.0f} req/s sent, {load.failures()}",
                )
            )
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return rows
