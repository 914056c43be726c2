"""How a technique named in running news text is cut to the procedure (SCHEMA: named procedures).

The sentences are written for these tests; each is one way outlets name a procedure: with the disease it
treats, with the site it is done at, a second site sharing the procedure ("khớp vai và khớp gối").
"""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text


def _techniques(text: str) -> set[str]:
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    return {n.properties["name"].lower() for n in x.nodes if n.label == "Technique"}


def test_the_disease_treated_is_no_part_of_a_specific_procedure():
    names = _techniques(
        "Bệnh viện Nội tiết Trung ương đã chuyển giao cho Bệnh viện Đa khoa tỉnh Phú Thọ kỹ thuật "
        "phẫu thuật nội soi cắt tuyến giáp điều trị bướu giáp nhân. Trước đó, Bệnh viện Mắt Trung ương "
        "chuyển giao cho Bệnh viện Đa khoa tỉnh Lạng Sơn kỹ thuật phẫu thuật Phaco chữa đục thủy tinh thể."
    )
    assert "phẫu thuật nội soi cắt tuyến giáp" in names
    assert "phẫu thuật phaco" in names
    assert not any("bướu giáp" in n or "đục thủy tinh thể" in n for n in names)


def test_a_bare_head_keeps_what_it_treats():
    names = _techniques(
        "Bệnh viện Bạch Mai chuyển giao cho Bệnh viện Đa khoa tỉnh Hà Nam kỹ thuật nút mạch điều trị "
        "u xơ tử cung."
    )
    assert "nút mạch điều trị u xơ tử cung" in names


def test_where_in_the_body_is_no_part_of_the_name():
    names = _techniques(
        "Bệnh viện Y học cổ truyền Trung ương chuyển giao cho Bệnh viện Y học cổ truyền tỉnh Hà Giang "
        "kỹ thuật cấy chỉ vào huyệt cho người bệnh đau lưng."
    )
    assert "cấy chỉ" in names
    assert "cấy chỉ vào huyệt" not in names


def test_a_second_site_shares_the_procedure():
    names = _techniques(
        "Các chuyên gia Bệnh viện Chợ Rẫy giúp Bệnh viện Đa khoa tỉnh Tây Ninh làm chủ kỹ thuật "
        "phẫu thuật nội soi khớp vai và khớp gối. Bệnh viện Tim Hà Nội chuyển giao cho Bệnh viện Đa khoa "
        "tỉnh Thái Bình kỹ thuật can thiệp động mạch vành và động mạch ngoại biên."
    )
    assert {
        "phẫu thuật nội soi khớp vai",
        "phẫu thuật nội soi khớp gối",
        "can thiệp động mạch vành",
        "can thiệp động mạch ngoại biên",
    } <= names


def _transfers(text: str) -> set[str]:
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    return {
        r.properties["technique"].removeprefix("technique:")
        for r in x.relationships
        if r.type == "TRANSFERS"
    }


def test_a_bare_head_joined_by_va_is_one_procedure():
    text = (
        "Bệnh viện Nhân dân 115 đã chuyển giao cho Bệnh viện Đa khoa tỉnh Long An kỹ thuật chụp và nút "
        "mạch điều trị phình động mạch não ở người bệnh đột quỵ."
    )
    assert "chụp và nút mạch điều trị phình động mạch não" in _techniques(text)


def test_a_known_procedure_done_is_a_technique_but_no_transfer():
    text = (
        "Người bệnh 80 tuổi đã được các bác sĩ Bệnh viện Đa khoa huyện Diễn Châu đặt stent mạch vành "
        "thành công, với sự tư vấn của các chuyên gia Bệnh viện Hữu nghị Đa khoa Nghệ An."
    )
    assert "đặt stent mạch vành" in _techniques(text)
    assert not _transfers(text)


def test_fields_listed_without_a_list_word_are_no_techniques():
    text = (
        "Bệnh viện Y học cổ truyền Trung ương ký hợp đồng đào tạo, chuyển giao kỹ thuật cho Trung tâm Y tế "
        "huyện Mê Linh trong các lĩnh vực châm cứu, xoa bóp và phục hồi chức năng. Bệnh viện tặng Trung tâm "
        "Y tế 20 máy điện châm."
    )
    assert "châm cứu" not in _techniques(text)
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    assert not any(n.properties["name"].endswith(" 20") for n in x.nodes if n.label == "Hospital")


def test_an_english_name_in_the_plural():
    text = (
        "Experts from Cho Ray Hospital have trained the doctors of Can Tho Central General Hospital, "
        "who have now carried out ten kidney transplants on their own."
    )
    assert "ghép thận" in _techniques(text)


def test_a_way_of_caring_is_no_procedure():
    text = (
        "Bệnh viện Châm cứu Trung ương chọn Bệnh viện Y học cổ truyền tỉnh Lai Châu làm vệ tinh, giúp "
        "thầy thuốc của tỉnh tiếp cận những phương pháp mới trong khám, chữa bệnh bằng châm cứu."
    )
    assert "châm cứu" not in _techniques(text)
    assert "châm cứu" in _techniques(
        "Bệnh viện Châm cứu Trung ương chuyển giao cho Bệnh viện Y học cổ truyền tỉnh Lai Châu kỹ thuật "
        "châm cứu."
    )


def test_praise_a_case_count_and_a_stage_end_the_name():
    names = _techniques(
        "Các chuyên gia Bệnh viện Chợ Rẫy đã chuyển giao cho Bệnh viện Đa khoa tỉnh Gia Lai nhiều kỹ thuật "
        "như phẫu thuật nội soi cắt ung thư thanh quản giai đoạn T1, T2 và can thiệp nội soi tiêu hóa "
        "hiện đại trên 8 trường hợp bệnh."
    )
    assert "phẫu thuật nội soi cắt ung thư thanh quản" in names
    assert not any("giai đoạn" in n or "trường hợp" in n or "hiện đại" in n for n in names)


def test_a_headline_colon_after_a_technique_word_lists_no_place():
    names = _techniques(
        'Bệnh viện tuyến dưới chủ động "đi học" kỹ thuật cao: từ Nghệ An đến quận Thủ Đức\n\n'
        "Bệnh viện Hữu nghị Đa khoa Nghệ An đã được Bệnh viện Chợ Rẫy chuyển giao kỹ thuật phẫu thuật "
        "điều trị ung thư thanh quản."
    )
    assert not any("nghệ an" in n or "thủ đức" in n for n in names)
