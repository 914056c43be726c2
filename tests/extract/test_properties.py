"""Properties that hold for any text: extraction never raises, is deterministic, emits the contract."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text

# Text that looks like the news it reads: triggers, hospital words, names, provinces, punctuation, noise.
_WORDS = st.sampled_from(
    [
        "Bệnh viện",
        "BVĐK",
        "tỉnh",
        "huyện",
        "Bắc Kạn",
        "Thanh Hoá",
        "Hậu Lộc",
        "E",
        "Bạch Mai",
        "hỗ trợ",
        "chuyển giao",
        "kỹ thuật",
        "nội soi phế quản ống mềm",
        "ký kết",
        "hợp đồng",
        "giữa",
        "với",
        "và",
        "của",
        "TS.BS",
        "Nguyễn Văn A",
        "Giám đốc",
        "Sở Y tế",
        "UBND tỉnh",
        "Đề án 1816",
        "Quyết định 5500/QĐ-BYT",
        "chuyển tới",
        "hai bên",
        ",",
        ".",
        ":",
        ";",
        "(",
        ")",
        "-",
        "các Bệnh viện Đa khoa huyện:",
        "Cẩm Thủy",
        "Bach Mai Hospital",
        "transferred",
        "to",
        "the",
        "Provincial General Hospital",
        "\n",
    ]
)
NEWSLIKE = st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=40).map(" ".join)


def _doc(text: str) -> Document:
    return Document.from_text(normalize_text(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), NEWSLIKE))
def test_extract_never_raises_and_keeps_the_contract(text):
    doc = _doc(text)
    x = extract(doc)
    ids = {n.id for n in x.nodes}
    for n in x.nodes:
        assert n.label != "Document"
        json.dumps(n.properties)
        assert None not in n.properties.values()
        if n.label != "Agreement":
            assert "search" in n.properties
    for r in x.relationships:
        json.dumps(r.properties)
        assert None not in r.properties.values()
        assert r.start in ids
        assert r.end in ids or (r.type == "MENTIONED_IN" and r.end == doc.id)
        if r.type != "MENTIONED_IN":
            assert r.properties["sources"] == [doc.id]
            assert r.properties["evidence"] in doc.text


@settings(max_examples=30, deadline=None)
@given(NEWSLIKE)
def test_extract_is_deterministic(text):
    doc = _doc(text)
    assert extract(doc).model_dump() == extract(doc).model_dump()


@given(st.text())
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
