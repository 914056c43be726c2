"""The README's first command, `bash scripts/demo`, does the main job on a fresh data folder:
builds the sample corpus into the embedded store and writes the report, the network page and the
export where its closing message says they are."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSPNET = Path(sys.executable).with_name("hospnet")


def test_demo_builds_the_sample_and_says_where_everything_is(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOSPNET_")}
    env.update(HOSPNET_DATA_DIR=str(tmp_path / "data"), HOSPNET_OUT=str(tmp_path / "out"))
    try:
        done = subprocess.run(
            ["bash", "scripts/demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
        )
    finally:
        subprocess.run([str(HOSPNET), "store", "stop"], env=env, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]

    said = dict(
        re.findall(
            r"^\s*(coverage-gap report|interactive network|graph export \(JSONL\)):\s+(\S+)",
            done.stdout,
            re.MULTILINE,
        )
    )
    report, network, export = (
        Path(said[k])
        for k in ("coverage-gap report", "interactive network", "graph export (JSONL)")
    )
    assert report == tmp_path / "out" / "report" / "report.html" and report.stat().st_size > 10_000
    assert "<svg" in report.read_text(encoding="utf-8")
    assert network.read_text(encoding="utf-8").count("hospnetNetwork") >= 1
    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    documents = [r for r in records if r["kind"] == "node" and r["label"] == "Document"]
    stored = int(re.search(r"│ stored\s+│\s+(\d+)", done.stdout).group(1))
    failed = int(re.search(r"│ failed\s+│\s+(\d+)", done.stdout).group(1))
    assert (len(documents), failed) == (stored, 0) and stored >= len(
        list((ROOT / "hospnet" / "data" / "sample").iterdir())
    )
    assert "hospnet serve" in done.stdout and "/docs" in done.stdout
