"""Entities as news writes them: hospitals by their own name (the level and province the name implies),
heads distributed over a list, signers listed with a country in brackets."""

from __future__ import annotations

import pytest

from hospnet.extract.hospitals import find_hospitals


@pytest.mark.parametrize(
    "sentence, name, level, province",
    [
        # "Tai" is no "tại": the name is read, and "Trung ương" makes it central with no guessed province.
        (
            "Bệnh viện Tai Mũi Họng Trung ương hỗ trợ tỉnh.",
            "Bệnh viện Tai Mũi Họng Trung ương",
            "central",
            None,
        ),
        # A name that is no Vietnamese syllable is a hospital abroad: level other, no province.
        (
            "Bệnh viện Đại học Wonkwang ký kết với tỉnh.",
            "Bệnh viện Đại học Wonkwang",
            "other",
            None,
        ),
    ],
)
def test_named_hospital_level(sentence, name, level, province):
    (m,) = [m for m in find_hospitals(sentence, 0, "Long An") if m.name == name]
    assert (m.props.get("level"), m.props.get("province")) == (level, province)


def test_distributed_head_over_provinces():
    """ "BV đa khoa các tỉnh: A, B và C" is one provincial general hospital per province."""
    text = "Bệnh viện có 3 vệ tinh là BV đa khoa các tỉnh: Bình Định, Cà Mau và Lâm Đồng."
    names = [m.name for m in find_hospitals(text, 0) if m.props.get("list_item")]
    assert names == [
        "Bệnh viện Đa khoa tỉnh Bình Định",
        "Bệnh viện Đa khoa tỉnh Cà Mau",
        "Bệnh viện Đa khoa tỉnh Lâm Đồng",
    ]


def test_signers_listed_with_a_country_in_brackets():
    """ "A (Hàn Quốc), B và C đã ký": every unit of the list is a party, a province's Sở Ngoại vụ too."""
    from hospnet.extract.context import read_document
    from hospnet.extract.agreements import agreements

    text = (
        "Bệnh viện Samsung Seoul (Hàn Quốc), Sở Ngoại vụ Thái Nguyên và Bệnh viện A Thái Nguyên "
        "đã ký biên bản ghi nhớ."
    )
    ctx = read_document(text)
    (agreement,) = agreements(ctx.units[0], ctx)
    assert [p.name for p in agreement.parties] == [
        "Bệnh viện Samsung Seoul",
        "Sở Ngoại vụ Thái Nguyên",
        "Bệnh viện A Thái Nguyên",
    ]


def test_english_prose_names_people_bare():
    """English news writes Vietnamese names without tones or titles; places and units are no one."""
    from hospnet.extract.people import find_people

    text = (
        "Vice Chairman of the provincial People's Committee Luong Van Cau met technician "
        "Quach Hien Trung in Ho Chi Minh City at Nguyen Tri Phuong Hospital."
    )
    assert [m.name for m in find_people(text, 0)] == ["Luong Van Cau", "Quach Hien Trung"]


def test_a_peoples_council_is_named_like_its_peoples_committee():
    from hospnet.extract.context import read_document

    text = "Dự lễ có bà A, Chủ tịch HĐND tỉnh Vĩnh Phúc. Ông B cảm ơn Tỉnh ủy, HĐND, UBND tỉnh Vĩnh Phúc."
    orgs = [m.name for u in read_document(text).units for m in u.mentions if m.label == "Organization"]
    assert orgs.count("Hội đồng nhân dân tỉnh Vĩnh Phúc") == 2


@pytest.mark.parametrize(
    "sentence, name",
    [
        # A well-known hospital's own name is not cut at a shorter gazetteer name ("Bệnh viện Hữu nghị").
        ("Ê-kíp BV Hữu nghị Việt Tiệp phẫu thuật.", "Bệnh viện Hữu nghị Việt Tiệp"),
        ("Bệnh viện HNĐK Nghệ An tiếp nhận.", "Bệnh viện Hữu nghị Đa khoa Nghệ An"),
        ("được BV Đồng Tháp chuyển lên.", "Bệnh viện Đa khoa Đồng Tháp"),
    ],
)
def test_official_names_and_common_short_forms(sentence, name):
    assert [m.name for m in find_hospitals(sentence, 0)] == [name]
