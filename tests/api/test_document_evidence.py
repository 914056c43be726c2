"""Each document quoted in its own sentence: GET /documents/{id}, its report page and its province's page.

Two articles (tests/graph/test_source_evidence.py, the tests' own wording) state one support
pair in different sentences; an analyst reading one document's page must not see the other's.
"""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from hospnet.graph.writer import BatchWriter
from hospnet.model import Relationship
from hospnet.names import file_stem
from hospnet.reports import build_report
from tests.fixture_graph import CAO_BANG, DOC_A, write_fixture
from tests.graph.test_source_evidence import (
    BACH_MAI,
    FIRST,
    LAO_CAI,
    SECOND,
    ingest_two,
    two_documents,
)

# words only one sentence has (the pages mark the hospital names inside a sentence)
ONLY_FIRST, ONLY_SECOND = "cử bác sĩ hỗ trợ chuyên môn", "tiếp tục được"


def _support_sentences(client: TestClient, doc_id: str) -> list[dict]:
    body = client.get(f"/documents/{doc_id}").json()
    return [s for s in body["sentences"] if s["via"] == "SUPPORTS"]


def test_each_document_shows_its_own_sentence(store, settings):
    first, second = ingest_two(store, settings)
    with TestClient(create_app(settings)) as client:
        for doc, own, other in ((first, FIRST, SECOND), (second, SECOND, FIRST)):
            (sentence,) = _support_sentences(client, doc.id)
            assert (sentence["text"], sentence["own"]) == (own, True)
            texts = [s["text"] for s in client.get(f"/documents/{doc.id}").json()["sentences"]]
            assert other not in texts
            page = client.get(f"/report/documents/{file_stem(doc.id)}.html").text
            mine, theirs = (ONLY_FIRST, ONLY_SECOND) if doc is first else (ONLY_SECOND, ONLY_FIRST)
            assert mine in page and theirs not in page
            assert 'class="note not-own"' not in page
        rows = client.get(
            "/queries/relationship_documents",
            params={"start": BACH_MAI, "end": LAO_CAI, "type": "SUPPORTS"},
        ).json()["rows"]
        assert sorted((r["document"], r["evidence"], r["own"]) for r in rows) == sorted(
            [(first.id, FIRST, True), (second.id, SECOND, True)]
        )


def test_the_written_site_and_its_evidence_table(store, settings, tmp_path):
    first, second = ingest_two(store, settings)
    site = build_report(store, tmp_path / "report").index.parent
    for doc, mine, theirs in ((first, ONLY_FIRST, ONLY_SECOND), (second, ONLY_SECOND, ONLY_FIRST)):
        page = (site / "documents" / f"{file_stem(doc.id)}.html").read_text("utf-8")
        assert mine in page and theirs not in page
    # the province page: each sentence links to the document that wrote it, and only to it
    province = next(
        p.read_text("utf-8")
        for p in (site / "provinces").glob("*.html")
        if ONLY_FIRST in p.read_text("utf-8")
    )
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", province, re.S)
    for sentence, doc, other in ((FIRST, first, second), (SECOND, second, first)):
        (quote,) = [q for q in quotes if q.startswith(sentence)]
        assert file_stem(doc.id) in quote and file_stem(other.id) not in quote
    rows = json.loads((site / "tables" / "evidence.json").read_text("utf-8"))
    rows = rows["rows"] if isinstance(rows, dict) else rows
    ours = {
        (r["document"], r["sentence"], r["own"]) for r in rows if r["target"].endswith("Lào Cai")
    }
    assert {(first.id, FIRST, True), (second.id, SECOND, True)} <= ours


def test_a_graph_written_before_says_the_sentence_may_be_another_documents(store, settings):
    """No `source_evidence` (an older graph): `evidence` is shown, and said to be perhaps another's."""
    first, second = two_documents()
    write_fixture(store)
    old = {"sources": [first.id, second.id], "evidence": FIRST, "kinds": ["training"]}
    read_twice = Relationship(
        type="SUPPORTS",
        start=BACH_MAI,
        start_label="Hospital",
        end=CAO_BANG,
        end_label="Hospital",
        properties=old,
    )
    BatchWriter(store).write_graph([first.node(), second.node()], [read_twice])
    with TestClient(create_app(settings)) as client:
        (sentence,) = _support_sentences(client, second.id)
        assert (sentence["text"], sentence["own"]) == (FIRST, False)
        page = client.get(f"/report/documents/{file_stem(second.id)}.html").text
        assert 'class="note not-own"' in page
        # one source: its evidence is its own sentence
        own = _support_sentences(client, DOC_A)
        assert own and all(s["own"] for s in own)
        assert (
            'class="note not-own"'
            not in client.get(f"/report/documents/{file_stem(DOC_A)}.html").text
        )
