"""A fact two documents state in their own words: one relationship that keeps each one's sentence.

The two articles below are the tests' own wording. Both state that Bệnh viện Bạch Mai supports
Bệnh viện Đa khoa tỉnh Lào Cai, each in a sentence the other does not have.
"""

from __future__ import annotations

from hospnet.build import BuildSummary, ingest
from hospnet.corrections import correct
from hospnet.extract import extract
from hospnet.graph.jsonl import export_jsonl, export_records, import_jsonl
from hospnet.graph.writer import BatchWriter
from hospnet.model import Document

FIRST = "Ngày 12/3/2024, Bệnh viện Bạch Mai cử bác sĩ hỗ trợ chuyên môn cho Bệnh viện Đa khoa tỉnh Lào Cai."
SECOND = (
    "Trong năm 2025, Bệnh viện Đa khoa tỉnh Lào Cai tiếp tục được Bệnh viện Bạch Mai "
    "hỗ trợ đào tạo bác sĩ nội trú."
)
BACH_MAI = "hospital:benh-vien-bach-mai"
LAO_CAI = "hospital:benh-vien-da-khoa-tinh-lao-cai"


def two_documents() -> list[Document]:
    return [
        Document.from_text(
            FIRST, title="Bạch Mai cử bác sĩ lên Lào Cai", date="2024-03-12", source="a.txt"
        ),
        Document.from_text(
            SECOND, title="Lào Cai đào tạo bác sĩ nội trú", date="2025-01-10", source="b.txt"
        ),
    ]


def ingest_two(store, settings) -> list[Document]:
    docs = two_documents()
    ingest(docs, store, settings, BuildSummary())
    return docs


def supports(store) -> list[dict]:
    return [
        row["props"]
        for row in store.read(
            "MATCH (:Hospital {id: $a})-[r:SUPPORTS]->(:Hospital {id: $b}) RETURN properties(r) AS props",
            {"a": BACH_MAI, "b": LAO_CAI},
        )
    ]


def test_one_relationship_keeps_each_documents_sentence(store, settings):
    first, second = ingest_two(store, settings)
    (props,) = supports(store)
    assert sorted(props["sources"]) == sorted([first.id, second.id])
    assert sorted(props["source_evidence"]) == sorted(
        [f"{first.id} {FIRST}", f"{second.id} {SECOND}"]
    )
    assert props["evidence"] in (FIRST, SECOND)  # SCHEMA's one sentence, kept as it was


def test_reading_again_changes_nothing(store, settings):
    docs = ingest_two(store, settings)
    before = export_records(store)
    summary = BuildSummary()
    ingest(docs, store, settings, summary)
    assert summary.stored == 0 and export_records(store) == before
    # the same facts written again, as a build killed before its documents were sealed would
    writer = BatchWriter(store)
    for doc in docs:
        writer.add(extract(doc))
    writer.flush()
    assert export_records(store) == before
    (props,) = supports(store)
    assert len(props["source_evidence"]) == 2


def test_export_and_import_keep_it(store, settings, tmp_path):
    ingest_two(store, settings)
    path = tmp_path / "graph.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        export_jsonl(store, out)
    exported = export_records(store)
    store.clear()
    store.ensure_schema()
    import_jsonl(store, path)
    import_jsonl(store, path)  # importing twice changes nothing
    assert export_records(store) == exported
    (props,) = supports(store)
    assert len(props["source_evidence"]) == 2


def test_a_correction_that_adds_a_fact_with_its_sentence(store, settings):
    first, second = ingest_two(store, settings)
    sentence = "Bạch Mai còn chuyển giao kỹ thuật cho Lào Cai."
    target = {
        "type": "SUPPORTS",
        "from": BACH_MAI,
        "to": LAO_CAI,
        "source": {"document": first.id, "sentence": sentence},
    }
    correct(store, settings.corrections_path, "add", target, "minh", "read by hand")
    (props,) = supports(store)
    assert f"{first.id} {sentence}" in props["source_evidence"]
    assert f"{first.id} {FIRST}" in props["source_evidence"]
    assert props["evidence"] in (FIRST, SECOND)
    cited = {**target, "source": {"citation": "Báo Sức khỏe, 2024"}}
    correct(store, settings.corrections_path, "add", cited, "minh", "a citation")
    (again,) = supports(store)
    assert again["source_evidence"] == props["source_evidence"]  # a citation names no document


def test_a_fact_read_across_two_sentences_keeps_both_in_its_item():
    first = "Sở Y tế lập đoàn hỗ trợ tỉnh Gia Lai phòng chống sốt xuất huyết."
    second = "Đoàn gồm 12 bác sĩ của Bệnh viện Đa khoa tỉnh Quảng Ngãi."
    doc = Document.from_text(f"{first} {second}")
    (fact,) = [r for r in extract(doc).relationships if r.type == "SUPPORTS"]
    (item,) = fact.properties["source_evidence"]
    assert item.startswith(f"{doc.id} ") and first in item and second in item
    assert item == f"{doc.id} {fact.properties['evidence']}"
