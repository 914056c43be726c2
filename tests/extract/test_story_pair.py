"""A story that speaks of support without a sentence stating the pair: its two most salient
hospitals of different levels are the giver and the receiver (rule supports.story_pair)."""

from __future__ import annotations

from hospnet.extract.context import read_document
from hospnet.extract.support import supports_and_transfers

STORY = (
    "Bệnh viện Chợ Rẫy và Bệnh viện Đa khoa tỉnh Cà Mau: mười năm gắn bó. "
    "Bệnh viện Chợ Rẫy có nhiều chuyên gia giỏi. "
    "Tại Bệnh viện Đa khoa tỉnh Cà Mau, chương trình hỗ trợ chuyên môn giúp người bệnh không phải chuyển tuyến."
)


def _pairs(text: str) -> list[tuple[str, str, str]]:
    facts = supports_and_transfers(read_document(text))
    return [(f.start.name, f.end.name, f.rule) for f in facts if f.type == "SUPPORTS"]


def test_the_story_pair_when_no_sentence_states_it():
    assert _pairs(STORY) == [
        ("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Cà Mau", "supports.story_pair")
    ]


def test_no_story_pair_when_the_giver_only_surveys():
    surveyed = STORY.replace("có nhiều chuyên gia giỏi", "đã khảo sát nhu cầu")
    assert _pairs(surveyed) == []


def test_a_story_of_training_gives_its_pair_too():
    story = (
        "Bệnh viện Ung bướu Hà Nội ký ghi nhớ với Bệnh viện Bạch Mai. "
        "Bệnh viện Bạch Mai sẽ xây dựng chương trình đào tạo cho đội ngũ của bệnh viện bạn. "
        "Bệnh viện Ung bướu Hà Nội sẽ cử cán bộ tham gia."
    )
    assert _pairs(story) == [
        ("Bệnh viện Bạch Mai", "Bệnh viện Ung bướu Hà Nội", "supports.story_pair")
    ]
