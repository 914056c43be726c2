"""Pre-2025 names, cities and districts map to the 34 provinces of 2025."""

from __future__ import annotations

import pytest

from hospnet.places import all_provinces, match_province, province_for, province_of_district


def test_thirty_four_provinces_with_coordinates():
    provinces = all_provinces()
    assert len(provinces) == 34
    assert len({p.code for p in provinces}) == 34
    assert all(8 < p.lat < 24 and 102 < p.lon < 110 for p in provinces)
    assert sum(len(p.legacy_names) for p in provinces) == 63


@pytest.mark.parametrize(
    ("name", "province", "legacy"),
    [
        ("Bắc Kạn", "Thái Nguyên", "Bắc Kạn"),
        ("tỉnh Bắc Kạn", "Thái Nguyên", "Bắc Kạn"),
        ("Thanh Hoá", "Thanh Hóa", None),
        ("TP.HCM", "Thành phố Hồ Chí Minh", None),
        ("Sài Gòn", "Thành phố Hồ Chí Minh", None),
        ("Bình Dương", "Thành phố Hồ Chí Minh", "Bình Dương"),
        ("Huế", "Huế", None),
        ("Thừa Thiên Huế", "Huế", None),
        ("Quảng Nam", "Đà Nẵng", "Quảng Nam"),
        ("Hau Giang", "Cần Thơ", "Hậu Giang"),
        ("Bắc Giang", "Bắc Ninh", "Bắc Giang"),
    ],
)
def test_province_mapping(name, province, legacy):
    match = match_province(name)
    assert match.province.name == province
    assert match.legacy_province == legacy


def test_unknown_names():
    assert province_for("Atlantis") is None
    assert province_for("") is None


def test_districts():
    d = province_of_district("huyện Hậu Lộc")
    assert (d.name, d.kind, d.legacy_province, d.province.name) == (
        "Hậu Lộc",
        "Huyện",
        "Thanh Hóa",
        "Thanh Hóa",
    )
    # Tân Châu is a town of An Giang and a district of Tây Ninh: the hint decides.
    assert province_of_district("Tân Châu", hint_province="An Giang").province.name == "An Giang"
    assert province_of_district("Tân Châu", hint_province="Tây Ninh").legacy_province == "Tây Ninh"
    assert province_of_district("Ba Tri", hint_province="Bến Tre").province.name == "Vĩnh Long"
    assert province_of_district("Nowhere") is None


def test_a_district_and_a_town_of_one_name():
    # the table writes them "Kỳ Anh (Huyện)" and "Kỳ Anh (Thị xã)"; text writes "Kỳ Anh" with or without its kind
    assert (province_of_district("Kỳ Anh").name, province_of_district("Ky Anh").kind) == (
        "Kỳ Anh",
        "Huyện",
    )
    assert province_of_district("thị xã Kỳ Anh").kind == "Thị xã"
    assert province_of_district("huyện Cai Lậy").legacy_province == "Tiền Giang"
    assert province_of_district("Thành phố Cao Lãnh").kind == "Thành phố"
