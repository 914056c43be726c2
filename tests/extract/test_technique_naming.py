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
