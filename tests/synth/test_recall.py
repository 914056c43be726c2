"""National-scale recall: 2,000 generated documents built into each store find the facts they state."""

from __future__ import annotations

import os
import time

from hospnet.build import build
from hospnet.graph.jsonl import export_records
from hospnet.synth import synthesize
from hospnet.synth.recall import read_records, recall

DOCS = int(os.environ.get("HOSPNET_TEST_SYNTH_DOCS", "2000"))


def test_build_finds_the_ground_truth(store, settings, tmp_path):
    corpus = synthesize(DOCS, 2024, tmp_path / "corpus")
    started = time.perf_counter()
    summary = build([corpus.docs_dir], store, settings)
    built = time.perf_counter() - started
    assert summary.read == DOCS and not summary.failed, summary.failed[:3]
    result = recall(read_records(corpus.truth), export_records(store))
    print(f"\n{store.name}: {DOCS} documents built in {built:.1f}s ({DOCS / built:.0f} docs/s)")
    print("\n".join(result.lines()))
    print("missed nodes (first 15):", result.missed_nodes[:15])
    print("missed relationships (first 15):", result.missed_relationships[:15])
    assert result.nodes >= 0.97
    assert result.relationships >= 0.95
