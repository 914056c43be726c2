"""The generator is a pure function of (docs, seed): same seed, same bytes; the truth is well-formed."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from hospnet.graph.jsonl import read_jsonl
from hospnet.model import LABELS, REL_TYPES
from hospnet.names import normalize_text
from hospnet.synth import synthesize


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_files_different_seed_different(tmp_path):
    a = _files(synthesize(80, 5, tmp_path / "a").docs_dir.parent)
    b = _files(synthesize(80, 5, tmp_path / "b").docs_dir.parent)
    c = _files(synthesize(80, 6, tmp_path / "c").docs_dir.parent)
    assert len(a) == 81 and "truth.jsonl" in a
    assert a == b
    assert a.keys() == c.keys() and a != c
    assert sum(a[k] != c[k] for k in a) > 70


def test_truth_is_an_importable_export_naming_only_schema_things(tmp_path):
    corpus = synthesize(150, 3, tmp_path)
    nodes, rels = read_jsonl(corpus.truth)
    assert len(nodes) == corpus.nodes and len(rels) == corpus.relationships
    assert {n.label for n in nodes} <= set(LABELS) and {r.type for r in rels} <= set(REL_TYPES)
    documents = {n.id for n in nodes if n.label == "Document"}
    assert len(documents) == 150
    for rel in rels:
        assert rel.properties["sources"] and set(rel.properties["sources"]) <= documents
    # Every TRANSFERS pair also has a SUPPORTS with kind technique_transfer (SCHEMA "Support").
    supports = {(r.start, r.end): r for r in rels if r.type == "SUPPORTS"}
    for rel in rels:
        if rel.type == "TRANSFERS":
            assert "technique_transfer" in supports[(rel.start, rel.end)].properties["kinds"]
    # Canonical names are normalised (one tone-mark style), though the documents sometimes are not.
    # ("Quỳ Hợp" is right as it stands: after "qu" the tone sits on y in both styles.)
    old_style = re.compile(r"(?<![qQ])(?:oà|oá|oả|oã|oạ|oè|oé|oẻ|oẽ|oẹ|uỳ|uý|uỷ|uỹ|uỵ)(?![a-zà-ỹ])")
    for node in nodes:
        name = node.properties.get("name")
        if name:
            assert unicodedata.is_normalized("NFC", name) and not old_style.search(name), name


def test_documents_name_every_hospital_the_truth_holds(tmp_path):
    corpus = synthesize(120, 9, tmp_path)
    texts = [normalize_text(p.read_text("utf-8")) for p in sorted(corpus.docs_dir.iterdir())]
    records = [json.loads(line) for line in corpus.truth.read_text("utf-8").splitlines()]
    by_doc = {}
    for r in records:
        if r["kind"] == "node" and r["label"] == "Document":
            by_doc[r["id"]] = r
    assert len(by_doc) == len(texts)
    hospitals = [r for r in records if r["kind"] == "node" and r["label"] == "Hospital"]
    assert hospitals and all(r["properties"]["province"] for r in hospitals)
    assert any("BVĐK" in t for t in texts) and any("Đề án 1816" in t for t in texts)
