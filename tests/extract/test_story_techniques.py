"""Techniques named away from the clause that names both hospitals (extract/story_techniques.py).

The sentences are the team's own, written for these cases.
"""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document


def _read(text: str):
    x = extract(Document(id="doc", text=text, title="", source="test"))
    names = {n.id: n.properties.get("name") for n in x.nodes}
    techniques = {n.properties["name"] for n in x.nodes if n.label == "Technique"}
    transfers = {
        (names[r.start], names[r.end], names[r.properties["technique"]], r.properties["rule"])
        for r in x.relationships
        if r.type == "TRANSFERS"
    }
    return techniques, transfers


PAIR = "Bệnh viện Bạch Mai hỗ trợ chuyên môn cho Bệnh viện Đa khoa tỉnh Phú Thọ trong năm 2024. "


def test_a_technique_in_a_later_sentence_goes_to_the_story_pair():
    techniques, transfers = _read(
        PAIR + "Nhờ vậy, các bác sĩ trẻ đã tiếp cận với các kỹ thuật như nội soi phế quản, "
        "chọc dịch màng phổi, để người bệnh được điều trị ngay tại tỉnh."
    )
    assert {"nội soi phế quản", "chọc dịch màng phổi"} <= techniques
    giver, receiver = "Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Phú Thọ"
    assert (giver, receiver, "nội soi phế quản", "transfers.story_pair") in transfers
    assert (giver, receiver, "chọc dịch màng phổi", "transfers.story_pair") in transfers


def test_a_referral_names_a_procedure_but_transfers_nothing():
    _, transfers = _read(
        PAIR + "Một người bệnh được chuyển sang Bệnh viện Bạch Mai để thực hiện được kỹ thuật "
        "đặt máy tạo nhịp tim vĩnh viễn."
    )
    assert not transfers


def test_a_requested_technique_is_no_technique_and_the_request_goes_on():
    techniques, transfers = _read(
        PAIR + "Bệnh viện tỉnh đề nghị được chuyển giao thêm kỹ thuật ghép thận. "
        "Các gói kỹ thuật gồm: siêu âm tim qua thực quản; phẫu thuật nội soi khớp vai."
    )
    assert not transfers
    assert (
        not {"ghép thận", "siêu âm tim qua thực quản", "phẫu thuật nội soi khớp vai"} & techniques
    )


def test_without_a_hospital_pair_a_technique_is_still_read():
    techniques, transfers = _read(
        "Bệnh viện Bạch Mai cử đoàn công tác hỗ trợ tỉnh Điện Biên. "
        "Đoàn đã hướng dẫn các kỹ thuật như lọc máu liên tục, đặt nội khí quản khó."
    )
    assert "lọc máu liên tục" in techniques
    assert not transfers


def test_the_technique_of_the_sentence_before_is_this_technique():
    _, transfers = _read(
        "Ho Chi Minh City Hospital for Traumatology and Orthopaedics supports Khanh Hoa General "
        "Hospital under Project 1816. Doctors there now perform knee replacement on their own. "
        "The technique was transferred by Ho Chi Minh City Hospital for Traumatology and "
        "Orthopaedics in 2020."
    )
    assert any(t[2] == "phẫu thuật thay khớp gối" for t in transfers), transfers


def test_not_only_is_no_negation():
    _, transfers = _read(
        PAIR + "Không chỉ nội khoa, Bệnh viện Đa khoa tỉnh Phú Thọ còn được Bệnh viện Bạch Mai "
        "hỗ trợ triển khai kỹ thuật chạy thận nhân tạo."
    )
    assert any(t[2] == "chạy thận nhân tạo" for t in transfers), transfers


def test_a_bare_procedure_head_is_no_technique():
    techniques, _ = _read(PAIR + "Các bác sĩ đã tiếp cận với các kỹ thuật như can thiệp, lọc máu.")
    assert "can thiệp" not in techniques


def test_a_referral_in_another_clause_does_not_cancel_the_transfer():
    _, transfers = _read(
        PAIR + "Theo hợp đồng mới, Bệnh viện Bạch Mai sẽ chuyển giao thêm kỹ thuật sinh thiết hạch "
        "cửa, đồng thời tiếp tục tiếp nhận người bệnh do Bệnh viện Đa khoa tỉnh Phú Thọ chuyển lên."
    )
    assert {t[2] for t in transfers} == {"sinh thiết hạch cửa"}


def test_each_part_of_a_sentence_gives_its_techniques_to_its_own_receiver():
    _, transfers = _read(
        "Bệnh viện Đa khoa tỉnh Kon Tum hỗ trợ Trung tâm Y tế huyện Đắk Glei và Trung tâm Y tế huyện "
        "Sa Thầy. Bệnh viện Đa khoa tỉnh Kon Tum sẽ chuyển giao cho Trung tâm Y tế huyện Đắk Glei kỹ "
        "thuật phẫu thuật lấy thai; với Trung tâm Y tế huyện Sa Thầy, đơn vị sẽ chuyển giao kỹ thuật "
        "nội soi dạ dày tá tràng."
    )
    assert {(t[1], t[2]) for t in transfers} == {
        ("Trung tâm Y tế huyện Đắk Glei", "phẫu thuật lấy thai"),
        ("Trung tâm Y tế huyện Sa Thầy", "nội soi dạ dày tá tràng"),
    }


def test_a_technique_named_as_an_aim_is_neither_transferred_nor_had():
    techniques, transfers = _read(
        PAIR
        + "Năm tới, bệnh viện triển khai đề án mới, đồng thời đặt mục tiêu tiến tới thực hiện ca ghép gan "
        "đầu tiên."
    )
    assert "ghép gan" not in techniques
    assert not transfers


def test_a_procedure_done_with_hands_on_support_in_its_sentence_is_transferred():
    _, transfers = _read(
        "Bệnh viện Đa khoa tỉnh Phú Thọ có nhiều kết quả. Được Bệnh viện Bạch Mai hỗ trợ chuyên môn, "
        "Bệnh viện Đa khoa tỉnh Phú Thọ đã ghép thận thành công cho 5 người bệnh."
    )
    assert (
        "Bệnh viện Bạch Mai",
        "Bệnh viện Đa khoa tỉnh Phú Thọ",
        "ghép thận",
        "transfers.story_pair",
    ) in transfers


def test_a_procedure_done_with_a_consultation_is_not_transferred():
    _, transfers = _read(
        "Bệnh viện Đa khoa tỉnh Phú Thọ có nhiều kết quả. Bệnh viện Đa khoa tỉnh Phú Thọ đã ghép thận thành "
        "công cho 5 người bệnh với sự tư vấn của Bệnh viện Bạch Mai."
    )
    assert not transfers


def test_a_technique_named_as_an_urgent_need_is_not_transferred():
    _, transfers = _read(
        PAIR
        + "Vì vậy, việc triển khai kỹ thuật đặt stent mạch vành ngay tại tỉnh là yêu cầu rất cấp thiết."
    )
    assert not transfers
