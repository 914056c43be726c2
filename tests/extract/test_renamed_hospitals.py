"""Hospitals whose official name is not the place grammar's: renamed in 2025 or named without "tỉnh"."""

from hospnet.extract.hospitals import find_hospitals


def names(text: str) -> list[str]:
    return [m.name for m in find_hospitals(text, 0) if m.name]


def test_an_old_district_name_resolves_to_the_2025_official_name():
    got = names("Các bác sĩ Bệnh viện quận Thủ Đức sang giúp Bệnh viện quận 7 mổ nội soi.")
    assert got == ["Bệnh viện Đa khoa Thủ Đức", "Bệnh viện Đa khoa Nguyễn Thị Thập"]


def test_a_provincial_hospital_named_without_tinh_keeps_its_own_name():
    assert names("Đoàn công tác đến BVĐK Kiên Giang và BV Đa khoa Đà Nẵng.") == [
        "Bệnh viện Đa khoa Kiên Giang",
        "Bệnh viện Đà Nẵng",
    ]


def test_the_old_provincial_form_of_a_renamed_hospital_is_the_new_name():
    m = find_hospitals("Bệnh viện Đa khoa tỉnh Bình Dương cử 5 bác sĩ", 0)[0]
    assert (m.name, m.props["province"]) == (
        "Bệnh viện Đa khoa Bình Dương",
        "Thành phố Hồ Chí Minh",
    )


def test_an_english_name_of_a_city_specialist_hospital():
    assert names("doctors of the Ho Chi Minh City Hospital for Traumatology and Orthopaedics") == [
        "Bệnh viện Chấn thương Chỉnh hình Thành phố Hồ Chí Minh"
    ]


def test_a_foreign_military_hospital_has_no_province():
    m = find_hospitals(
        "Đoàn chuyên gia sang làm việc tại Bệnh viện 103 Quân đội nhân dân Lào ở Viêng Chăn.", 0
    )[0]
    assert m.name == "Bệnh viện Trung ương 103 Quân đội nhân dân Lào"
    assert m.props["level"] == "other" and "province" not in m.props


def test_a_regional_and_a_private_university_hospital_by_their_own_names():
    assert names(
        "Bệnh viện Đa khoa vùng Tây Nguyên hợp tác với Bệnh viện Đại học Nam Cần Thơ."
    ) == ["Bệnh viện Đa khoa vùng Tây Nguyên", "Bệnh viện Đại học Nam Cần Thơ"]
