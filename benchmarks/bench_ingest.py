"""End-to-end ingest of generated documents (load, extract, write) per store, with peak memory.

Each build runs in a child process, so its peak RSS (and its extraction workers') is its own and
not the benchmark runner's. The streaming check builds the first 1,000 and the first 5,000
documents of the same corpus: a streaming build's peak memory barely grows with the count.
The stores build the same corpus one after the other in the same run; their time ratio is the
figure to read when the machine is shared (each row notes the load average during its build).

    python -m benchmarks.bench_ingest --child DOCS_DIR LIMIT SETTINGS_JSON   (used by run())
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from .context import Context, Row, load_note, peak_rss_mb

STREAMING_SIZES = (1_000, 5_000)
# Seconds for 10,000 documents: issue 12 (embedded store) and issue 15 (Neo4j).
TARGET_SECONDS = {"falkordb": 120, "neo4j": 90}
TARGET_MB = 1_536
TARGET_DOCS = 10_000


def child(docs_dir: str, limit: int, settings_json: str) -> dict:
    from hospnet.build import build
    from hospnet.graph import open_store
    from hospnet.settings import Settings

    settings = Settings(_env_file=None, **json.loads(settings_json))
    files = sorted(Path(docs_dir).iterdir())[:limit]
    store = open_store(settings)
    try:
        started = time.perf_counter()
        summary = build(files, store, settings)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    return {
        "seconds": seconds,
        "read": summary.read,
        "stored": summary.stored,
        "failed": len(summary.failed),
        "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def measure(ctx: Context, store_name: str, limit: int) -> dict:
    """Build the first `limit` documents of the corpus into a fresh graph, in a child process."""
    store, settings = ctx.open(store_name)
    store.close()
    corpus = ctx.corpus(max(ctx.docs, limit))
    payload = settings.model_dump(
        mode="json",
        include={
            "store",
            "data_dir",
            "graph_name",
            "neo4j_uri",
            "neo4j_user",
            "neo4j_password",
            "neo4j_database",
            "batch_size",
            "workers",
        },
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.bench_ingest",
            "--child",
            str(corpus.docs_dir),
            str(limit),
            json.dumps(payload),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    if result.returncode != 0:
        raise RuntimeError(f"ingest child failed: {result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["settings"] = settings
    figures["server_mb"] = peak_rss_mb(ctx.server_pid(store_name))
    return figures


def run(ctx: Context) -> list[Row]:
    out = []
    # Streaming: peak memory at 1k vs 5k documents on the embedded store.
    small, large = (measure(ctx, "falkordb", n) for n in STREAMING_SIZES)
    grow = large["self_mb"] / small["self_mb"]
    out.append(
        Row(
            "ingest streams: peak RSS at 5k vs 1k docs",
            "falkordb",
            f"{large['self_mb']:.0f} MB main, {large['workers_mb']:.0f} MB worker (5k)",
            f"{small['self_mb']:.0f} MB main, {small['workers_mb']:.0f} MB worker (1k)",
            f"{grow:.2f}x",
            f"{(large['self_mb'] - small['self_mb']) * 1024 / (STREAMING_SIZES[1] - STREAMING_SIZES[0]):.1f} KB per extra document",
        )
    )
    seconds: dict[str, float] = {}
    for name in ctx.stores:
        loads: list[str] = []
        with load_note(loads):
            fig = measure(ctx, name, ctx.docs)
        seconds[name] = fig["seconds"]
        target = TARGET_SECONDS[name] * ctx.docs / TARGET_DOCS
        rate = fig["read"] / fig["seconds"]
        peak = fig["self_mb"] + fig["workers_mb"] * max(
            1, fig["settings"].workers or os.cpu_count() or 1
        )
        server = f", store server peak {fig['server_mb']:.0f} MB" if fig["server_mb"] else ""
        verdict = "within" if fig["seconds"] <= target and peak < TARGET_MB else "OVER"
        out.append(
            Row(
                f"ingest end to end ({ctx.docs:,} docs)",
                name,
                f"{rate:,.1f} docs/s, {fig['seconds']:.0f}s",
                f"target {target:.0f}s, {TARGET_MB} MB",
                f"{fig['seconds'] / target:.2f} of time budget",
                f"{verdict} target; peak {peak:.0f} MB python (main {fig['self_mb']:.0f} + workers){server}; "
                f"stored {fig['stored']}, failed {fig['failed']}; {loads[0]}",
            )
        )
        ctx.exports[name] = fig["settings"]
    if {"neo4j", "falkordb"} <= set(seconds):
        out.append(
            Row(
                f"ingest end to end ({ctx.docs:,} docs): Neo4j vs FalkorDB",
                "neo4j",
                f"{seconds['neo4j']:.0f}s",
                f"FalkorDB {seconds['falkordb']:.0f}s",
                f"{seconds['neo4j'] / seconds['falkordb']:.2f}x FalkorDB's time",
                f"targets {TARGET_SECONDS['neo4j']}s vs {TARGET_SECONDS['falkordb']}s "
                f"({TARGET_SECONDS['neo4j'] / TARGET_SECONDS['falkordb']:.2f}x) per {TARGET_DOCS:,} docs",
            )
        )
    return out


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        sys.exit(__doc__)
