"""A capitalised word after "Bệnh viện tỉnh" / "Bệnh viện" names a hospital: it is no back-reference.

The lookahead once read `[A-]` (a slice of a regex string), so only "A" counted as a
capital, and "Bệnh viện tỉnh Ninh Bình" became the story's own provincial hospital.
"""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.extract.context import read_document
from hospnet.model import Document
from hospnet.names import make_id, normalize_text


def _supports(text: str) -> set[tuple[str, str]]:
    x = extract(Document.from_text(normalize_text(text), date="2024-03-05"))
    return {(r.start, r.end) for r in x.relationships if r.type == "SUPPORTS"}


def test_named_province_after_benh_vien_tinh_is_not_the_story_province():
    got = _supports(
        "Bệnh viện Đa khoa tỉnh Thanh Hóa đón đoàn công tác. "
        "Bệnh viện Bạch Mai hỗ trợ Bệnh viện tỉnh Ninh Bình về chuyên môn."
    )
    assert (
        make_id("Hospital", "Bệnh viện Bạch Mai"),
        make_id("Hospital", "Bệnh viện Đa khoa tỉnh Thanh Hóa"),
    ) not in got
    assert (
        make_id("Hospital", "Bệnh viện Bạch Mai"),
        make_id("Hospital", "Bệnh viện Đa khoa tỉnh Ninh Bình"),
    ) in got


def test_unknown_capitalised_name_is_not_the_previous_hospital():
    ctx = read_document(
        normalize_text(
            "Bệnh viện Bạch Mai tổ chức hội nghị. Sau đó, Bệnh viện Quốc tế Hạnh Phúc dự hội nghị."
        )
    )
    second = [m.name for m in ctx.units[1].mentions if m.label == "Hospital"]
    assert "Bệnh viện Bạch Mai" not in second
