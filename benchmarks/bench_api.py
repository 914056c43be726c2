"""API latency under 50 concurrent clients: /hospitals/{id} and /hospitals?q=, against /openapi.json.

uvicorn serves the app over the national graph on 127.0.0.1; an httpx async client runs 50
workers that together send a bounded number of requests per endpoint. The baseline endpoint
touches no store, so the ratio is what the store and the handler cost on top of HTTP.
"""

from __future__ import annotations

import asyncio
from collections import Counter
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from hospnet.graph import open_store
from hospnet.names import fold

from .context import Context, Row

CLIENTS = 50
REQUESTS = 1_000  # per endpoint
WORKERS = (1, 2)  # uvicorn processes: `hospnet serve --workers`


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(base: str, paths: list[str]) -> tuple[list[float], Counter]:
    """Latencies of the answered requests, and the failures by kind (HTTP status or exception)."""
    import httpx

    latencies: list[float] = []
    errors: Counter = Counter()
    queue: asyncio.Queue = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)

    async def worker(client) -> None:
        while not queue.empty():
            path = queue.get_nowait()
            start = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.TransportError as exc:  # a dropped connection is an error to count, not a crash
                errors[type(exc).__name__] += 1
                continue
            latencies.append(time.perf_counter() - start)
            if response.status_code >= 400:
                errors[f"HTTP {response.status_code}"] += 1

    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(CLIENTS)))
    return latencies, errors


def _errors(errors: Counter) -> str:
    """"0 errors", or "3 errors: ReadError 2, HTTP 503 1"."""
    total = sum(errors.values())
    if not total:
        return "0 errors"
    return f"{total} errors: " + ", ".join(f"{kind} {n}" for kind, n in errors.most_common())


def _percentiles(latencies: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(latencies, n=20)
    return statistics.median(latencies) * 1000, q[18] * 1000


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


def _store_env(settings) -> dict[str, str]:
    """The environment that points a served app at the benchmark's graph on one store."""
    env = {**os.environ, "HOSPNET_STORE": settings.backend, "HOSPNET_DATA_DIR": str(settings.data_dir),
           "HOSPNET_GRAPH_NAME": settings.graph_name}
    if settings.backend == "neo4j":
        env.update(HOSPNET_NEO4J_URI=settings.neo4j_uri or "", HOSPNET_NEO4J_USER=settings.neo4j_user,
                   HOSPNET_NEO4J_PASSWORD=settings.neo4j_password)
    return env


def run(ctx: Context) -> list[Row]:
    try:
        import hospnet.api.app  # noqa: F401
    except ImportError as exc:
        return [Row("API p50/p95, 50 clients", "", f"not yet available: {exc.name} missing")]
    if not ctx.exports:
        return [Row("API p50/p95, 50 clients", "", "needs the ingest benchmark's graph (run with ingest)")]
    rows: list[Row] = []
    for name, settings in sorted(ctx.exports.items()):
        for workers in WORKERS:
            rows += _run_store(name, settings, workers)
    return rows


def _run_store(name: str, settings, workers: int) -> list[Row]:
    store = open_store(settings)
    try:
        hospitals = store.read("MATCH (h:Hospital) RETURN h.id AS id, h.name AS name ORDER BY h.id", limit=100_000)
    finally:
        store.close()
    if not hospitals:
        return [Row("API p50/p95, 50 clients", name, "no hospitals in this store's graph: run with ingest")]
    rng = random.Random(1)
    ids = [rng.choice(hospitals)["id"] for _ in range(REQUESTS)]
    queries = [" ".join(fold(rng.choice(hospitals)["name"] or "").split()[-2:]) for _ in range(REQUESTS)]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = _store_env(settings)
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "hospnet.api.app:create_app", "--host", "127.0.0.1",
                                "--port", str(port), "--workers", str(workers), "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[1])
    try:
        _wait(base, process)
        baseline, base_errors = asyncio.run(_load(base, ["/openapi.json"] * REQUESTS))
        by_id, id_errors = asyncio.run(_load(base, [f"/hospitals/{i}" for i in ids]))
        by_q, q_errors = asyncio.run(_load(base, [f"/hospitals?q={q}" for q in queries]))
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    b50, b95 = _percentiles(baseline)
    rows = []
    for label, lat, errs in (("/hospitals/{id}", by_id, id_errors), ("/hospitals?q=", by_q, q_errors)):
        p50, p95 = _percentiles(lat)
        rows.append(Row(f"API {label}, {CLIENTS} clients, {REQUESTS} requests, {workers} worker{'s' if workers > 1 else ''}", name,
                        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms", f"/openapi.json p50 {b50:.0f} ms, p95 {b95:.0f} ms",
                        f"{p50 / b50:.1f}x p50", f"{_errors(errs)} (baseline {_errors(base_errors)})"))
    return rows
