"""Each document's own sentence comes back whole from GET /documents/{id}'s module, on both stores.

The module strips "<document id> " from `source_evidence` items. FalkorDB's `substring(s, start)`
cut some stored Vietnamese strings in the middle of a character (13 of these 500 synthetic
documents answered 500 with a UTF-8 decoding error) and `substring(s, start, length)` cut some
silently short; the module splits on the prefix instead. The expected sentences are cut here, in
Python, from the same stored items."""

from __future__ import annotations

from collections import defaultdict

from hospnet import queries
from hospnet.graph import open_store

from .conftest import hospnet, write_documents

OWN_ITEMS = "MATCH ()-[r]->() WHERE r.source_evidence IS NOT NULL RETURN r.source_evidence AS items"


def test_every_documents_own_sentences_come_back_whole(rsettings, tmp_path):
    built = hospnet(rsettings, "build", str(write_documents(tmp_path / "docs", 500)))
    assert built.returncode == 0, built.stderr
    store = open_store(rsettings)
    try:
        expected: dict[str, set[str]] = defaultdict(set)
        for row in store.read(OWN_ITEMS, limit=None):
            for item in row["items"]:
                document, sentence = item.split(" ", 1)
                expected[document].add(sentence)
        assert len(expected) == 500
        for document, sentences in expected.items():
            rows = queries.run(store, "document_sentences", {"id": document})
            assert {e["text"] for e in rows[0]["evidence"] if e["own"]} == sentences, document
    finally:
        store.close()
