"""An unnamed "bệnh viện" after its staff ("các ê-kíp của bệnh viện", "the hospital's team") stands for the
hospital the text named last before it, not for one named as the agent of the same sentence. Sentences
written for these tests."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text


def _supports(text: str) -> set[tuple[str, str]]:
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    names = {n.id: n.properties.get("name") for n in x.nodes}
    return {(names[r.start], names[r.end]) for r in x.relationships if r.type == "SUPPORTS"}


def test_the_staff_of_the_hospital_give_support():
    found = _supports(
        "Bệnh viện Nhi Trung ương khai trương trung tâm khám, chữa bệnh từ xa. Buổi lễ có nhiều đại biểu dự. "
        "Ngay sau lễ, các chuyên gia của bệnh viện đã hội chẩn trực tuyến cho Bệnh viện Sản - Nhi tỉnh Yên Bái."
    )
    assert ("Bệnh viện Nhi Trung ương", "Bệnh viện Sản - Nhi tỉnh Yên Bái") in found


def test_the_hospital_after_a_passive_agent_is_the_receiver():
    found = _supports(
        "Giám đốc Bệnh viện Đa khoa tỉnh Hà Tĩnh cho biết năm qua có nhiều kết quả. Số ca mổ tăng 20%. "
        "Đáng chú ý, được Bệnh viện Chợ Rẫy hỗ trợ chuyên môn, các ê-kíp của bệnh viện đã ghép thận thành công."
    )
    assert found == {("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Hà Tĩnh")}


def test_the_hospitals_team_in_english():
    found = _supports(
        "Bach Mai Hospital has advised Lai Chau General Hospital since 2019. "
        "Photo: Leaders of Bach Mai Hospital open the telehealth centre. Photo: The ribbon is cut. "
        "Photo: The hospital's advisory team gives remote advice to doctors at Son La General Hospital."
    )
    assert ("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Sơn La") in found


def test_a_hospitals_department_is_no_reference():
    found = _supports(
        "Bach Mai Hospital sent a team to Son La General Hospital. The team is led by the deputy head of "
        "the hospital's Emergency Department."
    )
    assert found == {("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Sơn La")}


def test_the_hospital_named_only_as_the_source_of_the_news():
    found = _supports(
        "Theo thông tin từ Bệnh viện Đa khoa Ninh Thuận, trong đợt làm việc vừa qua, các bác sĩ Khoa Ngoại "
        "tổng hợp của bệnh viện đã được đoàn chuyên gia ngoại nhi của Bệnh viện Nhi Đồng 2 trực tiếp hỗ trợ."
    )
    assert ("Bệnh viện Nhi đồng 2", "Bệnh viện Đa khoa tỉnh Ninh Thuận") in found
