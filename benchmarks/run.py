"""Run every benchmark and print one table; `python -m benchmarks` or `python benchmarks/run.py`.

Each figure is printed beside the baseline it is compared with, measured in the same run on the
same machine, so the ratio means something where the seconds would not. The table, the machine
and the command are written to benchmarks/RESULTS.md.

    python -m benchmarks [--docs 10000] [--stores falkordb,neo4j] [--only writer,ingest,...]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import sys
import traceback
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `hospnet` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "benchmarks"

from benchmarks import (
    bench_analysis,
    bench_api,
    bench_extract,
    bench_ingest,
    bench_move,
    bench_reports,
    bench_viz,
    bench_writer,
)  # noqa: E402
from benchmarks.context import Context, Row  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


BENCHMARKS = {
    "writer": bench_writer.run,
    "extraction": lambda ctx: bench_extract.run(),
    "ingest": bench_ingest.run,
    "move": bench_move.run,
    "analysis": bench_analysis.run,
    "reports": bench_reports.run,
    "viz": bench_viz.run,
    "api": bench_api.run,
}


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        ),
        0,
    )
    return f"{os.cpu_count()} cores (nproc), {mem_kb / 1024 / 1024:.1f} GB memory, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def markdown(rows: list[Row]) -> str:
    cells = [("benchmark", "store", "figure", "baseline (same run)", "ratio", "note")]
    cells += [(r.benchmark, r.store, r.figure, r.baseline, r.ratio, r.note) for r in rows]
    esc = lambda s: str(s).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(esc(c) for c in cells[0]) + " |", "|" + "---|" * len(cells[0])]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--docs",
        type=int,
        default=10_000,
        help="generated documents for ingest and the national graph",
    )
    parser.add_argument(
        "--stores", default="falkordb,neo4j", help="comma-separated: falkordb, neo4j"
    )
    parser.add_argument(
        "--only", default="", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}"
    )
    parser.add_argument(
        "--results", default=str(RESULTS), help="where to write the table ('' to skip)"
    )
    args = parser.parse_args(argv)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()] or list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    ctx = Context(
        docs=args.docs, stores=tuple(s.strip() for s in args.stores.split(",") if s.strip())
    )
    rows: list[Row] = []
    started = datetime.datetime.now(datetime.timezone.utc)
    try:
        for name in chosen:
            print(f"== {name}", file=sys.stderr, flush=True)
            try:
                new = BENCHMARKS[name](ctx)
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                traceback.print_exc()
                new = [Row(name, "", f"FAILED: {type(exc).__name__}: {str(exc)[:200]}")]
            for row in new:
                print(
                    f"   {row.benchmark} [{row.store}] {row.figure} | {row.baseline} | {row.ratio} | {row.note}",
                    file=sys.stderr,
                    flush=True,
                )
            rows += new
    finally:
        ctx.close()
    table = markdown(rows)
    print(table)
    if args.results:
        command = "python -m benchmarks " + shlex.join(argv if argv is not None else sys.argv[1:])
        Path(args.results).write_text(
            "# Benchmark results\n\n"
            f"Date: {started:%Y-%m-%d %H:%M} UTC  \nMachine: {machine()}  \nCommand: `{command.strip()}`\n\n"
            "Ratios compare each figure with its baseline measured in the same run; seconds alone depend on the machine.\n\n"
            + table
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
