"""How names are written: abbreviations, titles, tone marks."""

from __future__ import annotations

import pytest

from hospnet.extract.people import split_titles
from hospnet.names import expand_abbreviations, fold, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BVĐK tỉnh Bắc Kạn", "Bệnh viện Đa khoa tỉnh Bắc Kạn"),
        ("BV Nhi TW", "Bệnh viện Nhi Trung ương"),
        ("Bệnh viện Nhi T.Ư", "Bệnh viện Nhi Trung ương"),
        ("Bệnh viện Đa khoa TP. Cần Thơ", "Bệnh viện Đa khoa Thành phố Cần Thơ"),
        ("UBND tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa"),
        ("Răng Hàm Mặt & Mắt", "Răng Hàm Mặt và Mắt"),
        ("TVB không đổi", "TVB không đổi"),
    ],
)
def test_expand_abbreviations(text, expected):
    assert expand_abbreviations(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("TS.BS Nguyễn Minh Tuấn", "Nguyễn Minh Tuấn", ["TS", "BS"]),
        ("TTND.BSCKII Lê Văn Sỹ", "Lê Văn Sỹ", ["TTND", "BSCKII"]),
        ("TTND. BSCKII Lê Văn Sỹ", "Lê Văn Sỹ", ["TTND", "BSCKII"]),
        ("PGS.TS Đào Xuân Cơ", "Đào Xuân Cơ", ["PGS", "TS"]),
        ("Tiến sĩ, bác sĩ Nguyễn Công Hựu", "Nguyễn Công Hựu", ["TS", "BS"]),
        ("Thạc sĩ Hoàng Xuân Sơn", "Hoàng Xuân Sơn", ["ThS"]),
        ("Đại tá, PGS.TS Nguyễn Văn Bình", "Nguyễn Văn Bình", ["Đại tá", "PGS", "TS"]),
        ("Assoc. Prof. Dr. Tran Thi Huong", "Tran Thi Huong", ["PGS", "TS"]),
        ("Nguyễn Văn A", "Nguyễn Văn A", []),
    ],
)
def test_split_titles(text, name, titles):
    assert split_titles(text) == (name, titles)


def test_tone_marks_are_one_style():
    assert normalize_text("Thanh Hoá, Khánh Hoà, Cẩm Thuỷ") == "Thanh Hóa, Khánh Hòa, Cẩm Thủy"
    assert fold("Bệnh viện Đa khoa tỉnh Thanh Hoá") == fold("BENH VIEN DA KHOA TINH THANH HOA")


def test_a_district_name_followed_by_its_province_is_a_hospital_name_not_the_district_hospital():
    """ "Bệnh viện Đa khoa Thống Nhất Đồng Nai" is Đồng Nai's hospital, not that of the district Thống Nhất."""
    from hospnet.extract.hospitals import find_hospitals

    (named,) = find_hospitals(
        "Bác sĩ BVĐK Thống Nhất Đồng Nai đã làm chủ kỹ thuật mới.", 0, "Đồng Nai"
    )
    assert (named.name, named.props["level"]) == (
        "Bệnh viện Đa khoa Thống Nhất Đồng Nai",
        "provincial",
    )
    (district,) = find_hospitals(
        "Bệnh viện Đa khoa Thống Nhất tiếp nhận người bệnh.", 0, "Đồng Nai"
    )
    assert district.props["level"] == "district"


def test_a_hospital_name_ends_at_a_comma_before_another_hospital_noun():
    from hospnet.extract.hospitals import find_hospitals

    found = find_hospitals("với sự hỗ trợ của BV Chợ Rẫy, bệnh viện tỉnh đã mổ tim", 0, "Khánh Hòa")
    assert [m.surface for m in found if m.name] == ["BV Chợ Rẫy"]


def test_the_provincial_hospital_is_the_one_the_story_named_last():
    from hospnet.extract.context import read_document

    ctx = read_document(
        "Bệnh viện Đa khoa tỉnh Đồng Nai nhận chuyển giao nhiều kỹ thuật, được nhắc lại nhiều lần. "
        "Bệnh viện Đa khoa tỉnh Đồng Nai đã tự làm. Ở Khánh Hòa, Bệnh viện Đa khoa tỉnh Khánh Hòa "
        "mở khoa mới. Năm 2014, bệnh viện tỉnh đã mổ tim cho người bệnh đầu tiên."
    )
    last = [m for m in ctx.units[-1].mentions if m.label == "Hospital"]
    assert [m.name for m in last] == ["Bệnh viện Đa khoa tỉnh Khánh Hòa"]


def test_an_english_town_general_hospital_is_the_town_hospital():
    from hospnet.extract.hospitals import find_hospitals

    found = find_hospitals(
        "She was posted to Hong Linh Town General Hospital last week.", 0, "Hà Tĩnh"
    )
    assert [m.name for m in found] == ["Bệnh viện Đa khoa thị xã Hồng Lĩnh"]
