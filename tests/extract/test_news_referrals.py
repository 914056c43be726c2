"""Referrals as news writes them: the sender as the agent of "chuyển về", the sender after "từ", and a
transfer down to partners, which SCHEMA's REFERS_TO (upward) does not hold. Sentences written for these tests."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text
from tests.extract.ids import H


def _refers(text: str) -> set[tuple[str, str]]:
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    return {(r.start, r.end) for r in x.relationships if r.type == "REFERS_TO"}


def test_sent_back_to_the_consulting_hospital():
    refers = _refers(
        "Sau buổi hội chẩn, người bệnh được Bệnh viện Đa khoa tỉnh Lai Châu chuyển về Bệnh viện Bạch Mai "
        "để phẫu thuật."
    )
    assert refers == {(H("Bệnh viện Đa khoa tỉnh Lai Châu"), H("Bệnh viện Bạch Mai"))}


def test_the_sender_after_tu():
    refers = _refers(
        "Cháu bé được chuyển từ Trung tâm Y tế huyện Mường Tè lên Bệnh viện Đa khoa tỉnh Lai Châu trong đêm."
    )
    assert refers == {(H("Trung tâm Y tế huyện Mường Tè"), H("Bệnh viện Đa khoa tỉnh Lai Châu"))}


def test_patients_moved_down_to_partners_are_no_referral():
    refers = _refers(
        "Để giảm tải, mỗi tháng khoảng 300 người bệnh ổn định được chuyển từ Bệnh viện Thống Nhất sang "
        "Bệnh viện Quận Tân Bình để điều trị tiếp."
    )
    assert not refers


def test_a_plural_named_by_specialty_sends():
    refers = _refers(
        "Bệnh viện Nhi đồng 1 phối hợp với Bệnh viện Từ Dũ từ năm 2019, rồi với Bệnh viện Hùng Vương. "
        "Năm qua, 60 trẻ sơ sinh đã được hai bệnh viện phụ sản chuyển sang Bệnh viện Nhi đồng 1 để phẫu thuật."
    )
    assert refers == {
        (H("Bệnh viện Từ Dũ"), H("Bệnh viện Nhi đồng 1")),
        (H("Bệnh viện Hùng Vương"), H("Bệnh viện Nhi đồng 1")),
    }
