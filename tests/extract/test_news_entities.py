"""Entities as news writes them: hospitals by their own name (the level and province the name implies),
heads distributed over a list, signers listed with a country in brackets."""

from __future__ import annotations

import pytest

from hospnet.extract.hospitals import find_hospitals
from hospnet.extract.organizations import find_organizations


@pytest.mark.parametrize(
    "sentence, name, level, province",
    [
        # "Tai" is no "tại": the name is read, and "Trung ương" makes it central with no guessed province.
        (
            "Bệnh viện Tai Mắt Trung ương hỗ trợ tỉnh.",
            "Bệnh viện Tai Mắt Trung ương",
            "central",
            None,
        ),
        # A name that ends with a province is there, whatever the story's province.
        (
            "Bệnh viện Tim Mạch Hà Nội hỗ trợ tỉnh.",
            "Bệnh viện Tim Mạch Hà Nội",
            "private",
            "Hà Nội",
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
    orgs = [
        m.name for u in read_document(text).units for m in u.mentions if m.label == "Organization"
    ]
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


def test_foreign_agencies_by_their_vietnamese_names_and_names_with_lower_case_words():
    from hospnet.extract.organizations import find_organizations

    text = "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID), KOICA và Ủy ban Y tế và Sức khỏe tỉnh Vân Nam tài trợ."
    assert [m.name for m in find_organizations(text, 0)] == [
        "Cơ quan Phát triển Quốc tế Hoa Kỳ",
        "Cơ quan Phát triển Quốc tế Hoa Kỳ",
        "Cơ quan Hợp tác Quốc tế Hàn Quốc",
        "Ủy ban Y tế và Sức khỏe tỉnh Vân Nam",
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Các bệnh viện Bạch Mai, Việt Đức, K và Nhi Trung ương cử bác sĩ.",
            [
                "Bệnh viện Bạch Mai",
                "Bệnh viện Hữu nghị Việt Đức",
                "Bệnh viện K",
                "Bệnh viện Nhi Trung ương",
            ],
        ),
        (
            "điều động các bệnh viện Chợ Rẫy, Đại học Y Dược TP.HCM và Bệnh Nhiệt đới TP.HCM.",
            [
                "Bệnh viện Chợ Rẫy",
                "Bệnh viện Đại học Y Dược Thành phố Hồ Chí Minh",
                "Bệnh viện Bệnh Nhiệt đới Thành phố Hồ Chí Minh",
            ],
        ),
        # neither a level, a place nor a capitalised verb is a hospital's own name
        ("các bệnh viện Trung ương và tuyến tỉnh", []),
        ("Lãnh đạo hai bệnh viện Ký kết hợp tác.", []),
    ],
)
def test_a_head_shared_by_a_list_of_own_names(sentence, expected):
    assert [m.name for m in find_hospitals(sentence, 0)] == expected


def test_a_bare_tinh_after_specialist_hospitals_is_the_province_the_list_named():
    text = "đang công tác tại Bệnh viện Đa khoa tỉnh Bình Định, Bệnh viện Mắt và Bệnh viện Tâm thần tỉnh."
    names = [m.name for m in find_hospitals(text, 0, "Huế")]
    assert names == [
        "Bệnh viện Đa khoa tỉnh Bình Định",
        "Bệnh viện Mắt tỉnh Bình Định",
        "Bệnh viện Tâm thần tỉnh Bình Định",
    ]


def test_a_known_name_with_every_word_capitalised_is_the_known_hospital():
    found = find_hospitals("Bệnh viện Nhi Đồng 1 và BV Hữu Nghị Việt Đức cử bác sĩ.", 0)
    assert [(m.name, m.props.get("province")) for m in found] == [
        ("Bệnh viện Nhi đồng 1", "Thành phố Hồ Chí Minh"),
        ("Bệnh viện Hữu nghị Việt Đức", "Hà Nội"),
    ]


@pytest.mark.parametrize(
    "sentence, hint",
    [
        (
            "các bệnh viện ở TP Hồ Chí Minh gồm: Bệnh viện Đại học Y Dược, Bệnh viện Chợ Rẫy.",
            "Tây Ninh",
        ),
        ("bác sĩ Bệnh viện Đại học Y Dược luân phiên ra Côn Đảo.", "Thành phố Hồ Chí Minh"),
    ],
)
def test_a_short_name_is_the_known_hospital_named_with_the_city_of_the_sentence_or_story(
    sentence, hint
):
    names = [m.name for m in find_hospitals(sentence, 0, hint)]
    assert names[0] == "Bệnh viện Đại học Y Dược Thành phố Hồ Chí Minh"


def test_a_hospital_head_before_a_university_name_makes_one_hospital():
    from hospnet.extract.context import read_document

    text = (
        "Trung tâm Y tế Đại học Hallym (Hàn Quốc) hỗ trợ. RoK's Wonkwang University Hospital đến."
    )
    found = [(m.label, m.name) for u in read_document(text).units for m in u.mentions]
    assert ("Hospital", "Trung tâm Y tế Đại học Hallym") in found
    assert ("Hospital", "Bệnh viện Đại học Wonkwang") in found
    assert not any(label == "Organization" for label, _ in found)


def test_a_hyphenated_foreign_given_name_is_one_name():
    from hospnet.extract.people import find_people

    assert [
        m.name for m in find_people("Văn bản được ký bởi ông Lee Wang-jun, Chủ tịch Quỹ.", 0)
    ] == ["Lee Wang-jun"]


def test_a_districts_peoples_committee_is_named_for_the_district():
    from hospnet.extract.organizations import find_organizations

    (m,) = find_organizations(
        "Cũng tại buổi lễ, UBND huyện Tây Giang tiếp nhận bệnh viện.", 0, "Đà Nẵng"
    )
    assert (m.name, m.props["province"], m.props["legacy_province"]) == (
        "Ủy ban nhân dân huyện Tây Giang",
        "Đà Nẵng",
        "Quảng Nam",
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "theo đề nghị của Bộ Y tế và Sở Y tế Bắc Ninh, Bắc Giang.",
            ["Bộ Y tế", "Sở Y tế Bắc Ninh", "Sở Y tế Bắc Giang"],
        ),
        (
            "UBND tỉnh Lào Cai, Hà Giang và Yên Bái ký kết.",
            [
                "Ủy ban nhân dân tỉnh Lào Cai",
                "Ủy ban nhân dân tỉnh Hà Giang",
                "Ủy ban nhân dân tỉnh Yên Bái",
            ],
        ),
        # a province that goes on with a verb after a comma is no item of the list
        ("Sở Y tế Nghệ An, Hà Tĩnh có nhiều bác sĩ.", ["Sở Y tế Nghệ An"]),
    ],
)
def test_provinces_listed_right_after_a_place_named_organization_share_its_head(sentence, expected):
    from hospnet.extract.organizations import find_organizations

    assert [m.name for m in find_organizations(sentence, 0)] == expected


def test_a_pattern_name_the_gazetteer_knows_as_an_alias_is_that_hospital():
    (m,) = find_hospitals(
        "Nguyen Dinh Chieu Hospital is the provincial general hospital of Ben Tre.", 0
    )[1:]
    assert (m.name, m.props["level"], m.props["province"]) == (
        "Bệnh viện Nguyễn Đình Chiểu",
        "provincial",
        "Vĩnh Long",
    )


def test_a_verb_after_a_hospital_name_is_not_part_of_it():
    from hospnet.extract import extract
    from hospnet.model import Document
    from hospnet.names import normalize_text

    text = (
        "Mỗi ngày BV Nhi đồng 1 khám, điều trị cho hơn 5.000 trẻ. TS.BS Trần Văn Hùng, Giám đốc "
        "Bệnh viện Đại học Y Dược Huế dự và phát biểu tại hội nghị; KS Lê Văn An, Trưởng phòng Vật tư "
        "Bệnh viện Đại học Y Dược Huế, trình bày báo cáo."
    )
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    names = {(n.label, n.properties["name"]) for n in x.nodes}
    assert ("Hospital", "Bệnh viện Nhi đồng 1") in names
    assert ("Hospital", "Bệnh viện Trường Đại học Y Dược Huế") in names  # its official name
    assert ("Person", "Lê Văn An") in names  # "KS" (kỹ sư) is a title
    assert not any(n.endswith((" khám", " dự")) for _, n in names)


def _hospital_names(text: str) -> set[str]:
    from hospnet.extract import extract
    from hospnet.model import Document
    from hospnet.names import normalize_text

    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    return {n.properties["name"] for n in x.nodes if n.label == "Hospital"}


def test_an_ampersand_inside_a_name_is_va():
    names = _hospital_names(
        "Bệnh viện Nội tiết Trung ương ký kết với Bệnh viện Sản và Nhi tỉnh Quảng Ngãi. Các bác sĩ "
        "BV Sản & Nhi Quảng Ngãi sẽ được đào tạo."
    )
    assert "Bệnh viện Sản và Nhi tỉnh Quảng Ngãi" in names
    assert not any("&" in n or n == "Bệnh viện Sản tỉnh Quảng Ngãi" for n in names)


def test_an_everyday_name_written_out_is_the_official_one():
    names = _hospital_names(
        "Bệnh viện Hữu nghị Việt Nam - Cuba Đồng Hới tiếp nhận bác sĩ. Sở Y tế yêu cầu Bệnh viện Chợ Rẫy "
        "phối hợp với Bệnh viện Việt Nam - Cuba Đồng Hới."
    )
    assert "Bệnh viện Hữu nghị Việt Nam - Cuba Đồng Hới" in names
    assert "Bệnh viện Việt Nam - Cuba Đồng Hới" not in names
    # two words of its own are enough when the full name ends with them
    names = _hospital_names(
        "Bệnh viện Đại học Y Dược TP.HCM ký kết với Bệnh viện Đại học Y Dược Shing Mark. Các bác sĩ "
        "Bệnh viện Shing Mark được đào tạo can thiệp tim mạch."
    )
    assert "Bệnh viện Shing Mark" not in names
    # a name the other only goes on after is another hospital
    names = _hospital_names("Bệnh viện Nhân dân 115 và Bệnh viện 115 Nghệ An hội chẩn.")
    assert len(names) == 2


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Doctors were sent to the Sa Dec City Medical Centre.", "Trung tâm Y tế thành phố Sa Đéc"),
        (
            "Doctors were sent to the Huong Khe District Health Center.",
            "Trung tâm Y tế huyện Hương Khê",
        ),
        ("Doctors were sent to the Huong Khe Medical Centre.", "Trung tâm Y tế Hương Khê"),
    ],
)
def test_an_english_health_centre_keeps_its_level_word(sentence, name):
    assert name in {m.name for m in find_hospitals(sentence, 0, None)}


def test_an_abbreviated_short_name_is_the_storys_full_one():
    names = _hospital_names(
        "Bệnh viện Châm cứu Trung ương chọn Bệnh viện Y học cổ truyền tỉnh Hà Giang làm bệnh viện vệ tinh. "
        "Mỗi năm, Bệnh viện YHCT Hà Giang điều trị cho hơn 2.000 lượt người bệnh."
    )
    assert "Bệnh viện Y học cổ truyền tỉnh Hà Giang" in names
    assert "Bệnh viện Y học cổ truyền Hà Giang" not in names


def test_a_place_that_starts_like_a_head_is_no_organization():
    from hospnet.extract.organizations import find_organizations

    names = {
        m.name
        for m in find_organizations(
            "Lễ ký kết diễn ra tại Hội An, với Hội Da liễu Việt Nam; đoàn về Vụ Bản thăm trạm y tế.",
            0,
        )
    }
    assert "Hội Da liễu Việt Nam" in names
    assert not names & {"Hội An", "Vụ Bản"}


@pytest.mark.parametrize(
    "sentence, names",
    [
        # A verb after the comma that closes a name ("…, thông tin về") is not part of the name.
        (
            "Ông Lê Văn B, Phó Giám đốc Bệnh viện Chợ Rẫy, thông tin về kế hoạch đào tạo.",
            ["Bệnh viện Chợ Rẫy"],
        ),
        (
            "Bà Trần Thị C, Giám đốc Bệnh viện Đa khoa tỉnh Cà Mau, cho biết kế hoạch.",
            ["Bệnh viện Đa khoa tỉnh Cà Mau"],
        ),
        # A district's hospital written without "Đa khoa" is its general hospital.
        ("Các bác sĩ BV huyện Thọ Xuân tham gia hội chẩn.", ["Bệnh viện Đa khoa huyện Thọ Xuân"]),
        (
            "Bệnh viện huyện Quỳnh Lưu tiếp nhận kỹ thuật mới.",
            ["Bệnh viện Đa khoa huyện Quỳnh Lưu"],
        ),
    ],
)
def test_a_name_ends_before_the_comma_when_only_a_verb_follows(sentence, names):
    assert [m.name for m in find_hospitals(sentence, 0)] == names


@pytest.mark.parametrize(
    "sentence, name",
    [
        # Ministries whose names end in lower-case words are read whole, old names too.
        ("Năm 2024 bệnh viện được Bộ Nội vụ xếp hạng đặc biệt.", "Bộ Nội vụ"),
        ("Thứ trưởng Bộ Xây dựng dự lễ khánh thành.", "Bộ Xây dựng"),
        (
            "Bộ Lao động - Thương binh và Xã hội tặng quà cho bệnh nhi.",
            "Bộ Lao động - Thương binh và Xã hội",
        ),
        ("Đại diện Bộ Giao thông vận tải phát biểu tại hội nghị.", "Bộ Giao thông vận tải"),
    ],
)
def test_ministries_are_read_by_their_whole_name(sentence, name):
    assert [m.name for m in find_organizations(sentence, 0)] == [name]


@pytest.mark.parametrize(
    "sentence, name, province",
    [
        # A known hospital's name followed by a place in another province is a namesake there.
        (
            "Bệnh viện Hùng Vương Gia Lai tiếp nhận đoàn chuyên gia.",
            "Bệnh viện Hùng Vương Gia Lai",
            "Gia Lai",
        ),
        (
            "Bệnh viện Nhi đồng Thành phố Cần Thơ học kỹ thuật lọc máu.",
            "Bệnh viện Nhi đồng Thành phố Cần Thơ",
            "Cần Thơ",
        ),
        # ... not after a central hospital (a campus or a slip, never a namesake).
        ("Bệnh viện Chợ Rẫy Cần Thơ là tên gọi sai.", "Bệnh viện Chợ Rẫy", "Thành phố Hồ Chí Minh"),
    ],
)
def test_a_known_name_with_another_province_after_it_is_a_namesake(sentence, name, province):
    (m,) = find_hospitals(sentence, 0)
    assert (m.name, m.props["province"]) == (name, province)


def test_a_title_written_with_its_dots_ends_an_organization_name():
    sentence = "Biên bản được ký giữa Công ty Cổ phần Y khoa Sài Gòn và TS.BS Nguyễn Văn An."
    assert [m.name for m in find_organizations(sentence, 0)] == ["Công ty Cổ phần Y khoa Sài Gòn"]


@pytest.mark.parametrize(
    "sentence, name, level",
    [
        # An international hospital named for a Vietnamese place is a private hospital here ...
        (
            "Bệnh viện Đa khoa Quốc tế Huế ký kết hợp tác.",
            "Bệnh viện Đa khoa Quốc tế Huế",
            "private",
        ),
        # ... one named for a place abroad is a hospital abroad.
        (
            "Bệnh viện Quốc tế Choang Y Quảng Tây cử đoàn.",
            "Bệnh viện Quốc tế Choang Y Quảng Tây",
            "other",
        ),
    ],
)
def test_an_international_hospital_named_in_full(sentence, name, level):
    (m,) = find_hospitals(sentence, 0)
    assert (m.name, m.props["level"]) == (name, level)


@pytest.mark.parametrize(
    "sentence, names",
    [
        # An English list of provinces after "general hospitals of": one provincial hospital each.
        (
            "The centre trains doctors from the provincial general hospitals of Vinh Long and Tra Vinh.",
            ["Bệnh viện Đa khoa tỉnh Vĩnh Long", "Bệnh viện Đa khoa tỉnh Trà Vinh"],
        ),
        (
            "It will open affiliates at the general hospitals of three provinces, Soc Trang, Kien Giang and Ca Mau.",
            [
                "Bệnh viện Đa khoa tỉnh Sóc Trăng",
                "Bệnh viện Đa khoa Kiên Giang",
                "Bệnh viện Đa khoa tỉnh Cà Mau",
            ],
        ),
        # "general hospitals in Hanoi" is where, not a list of hospitals.
        ("General hospitals in Hanoi are crowded in winter.", []),
    ],
)
def test_an_english_list_of_provincial_general_hospitals(sentence, names):
    assert [m.name for m in find_hospitals(sentence, 0)] == names


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Ông Nguyễn Văn Tâm, Vụ trưởng Vụ Pháp chế (Bộ Y tế), dự hội nghị.", "Vụ Pháp chế"),
        (
            "Chương trình do Hiệp hội Phẫu thuật Hoàng gia Anh tài trợ.",
            "Hiệp hội Phẫu thuật Hoàng gia Anh",
        ),
    ],
)
def test_a_word_capitalised_on_its_first_syllable_only_is_read_whole(sentence, name):
    """Names capitalise each word once ("Pháp chế", "Hoàng gia"): the dictionary says where it ends."""
    assert name in [m.name for m in find_organizations(sentence, 0)]


def test_a_lower_case_word_after_a_name_that_the_name_does_not_close_stays_out():
    assert [
        m.name for m in find_hospitals("Bệnh viện Thống Nhất là bệnh viện hạng đặc biệt.", 0)
    ] == ["Bệnh viện Thống Nhất"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        # English writes a known own name without tones; the gazetteer gives it back its Vietnamese name
        (
            "Doctors consulted at Ben Tre's Nguyen Dinh Chieu General Hospital.",
            "Bệnh viện Nguyễn Đình Chiểu",
        ),
        ("Bác sĩ hội chẩn tại Bệnh viện Đa khoa Nguyễn Đình Chiểu.", "Bệnh viện Nguyễn Đình Chiểu"),
        # an unknown one keeps its words; "Military" is no Vietnamese name
        (
            "Nguyen Van An General Hospital and the Military General Hospital",
            "Bệnh viện Đa khoa Nguyen Van An",
        ),
    ],
)
def test_a_general_hospitals_own_name_is_read_in_english_and_without_its_level_word(sentence, name):
    assert [m.name for m in find_hospitals(sentence, 0)] == [name]


def test_a_city_after_a_hospitals_own_name_is_where_it_stands():
    # Đồng Hới is a city of Quảng Bình (Quảng Trị since 2025); a name that merely is a district is not read so
    (m,) = find_hospitals("Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới tiếp nhận bệnh nhân.", 0)
    assert (m.name, m.props["province"]) == (
        "Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới",
        "Quảng Trị",
    )
    (m,) = find_hospitals("Bệnh viện Thống Nhất tiếp nhận bệnh nhân.", 0)
    assert m.props["province"] == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(
    "sentence, province",
    [
        # a friendship hospital named with the other country first stands in that country
        ("Bệnh viện Hữu nghị Khmer - Xô Viết tiếp nhận bệnh nhân.", None),
        ("Bệnh viện Hữu nghị Lào - Việt Nam tỉnh Xiêng Khoảng tiếp nhận bệnh nhân.", None),
        ("Bệnh viện Hữu nghị Việt Nam - Cuba Đồng Hới tiếp nhận bệnh nhân.", "Quảng Trị"),
    ],
)
def test_a_friendship_hospital_abroad_has_no_province(sentence, province):
    (m,) = find_hospitals(sentence, 0, hint="Nghệ An")
    assert m.props.get("province") == province


@pytest.mark.parametrize(
    "sentence",
    ["Xe của Bộ Quốc phòng và có thể chở người bệnh.", "Xe của Bộ Quốc Phòng và có thể chở."],
)
def test_a_name_does_not_end_in_a_join(sentence):
    assert [m.name.split()[-1] for m in find_organizations(sentence, 0)] in (["phòng"], ["Phòng"])


def test_the_province_an_organisation_is_named_for_is_named_too():
    from hospnet.extract import extract
    from hospnet.model import Document
    from hospnet.names import normalize_text

    x = extract(
        Document.from_text(
            normalize_text("BSCKII Phạm Thị Bích Vân, Phó Giám đốc Sở Y tế Lào Cai, dự hội nghị."),
            date="2024-05-10",
        )
    )
    assert {n.properties["name"] for n in x.nodes if n.label == "Province"} == {"Lào Cai"}
    assert not any(r.type == "LOCATED_IN" for r in x.relationships)  # the gold sets give none


@pytest.mark.parametrize(
    "sentence, name",
    [
        # Thừa Thiên Huế was a province until 2025: its organisations keep the name the text wrote
        ("Sở Y tế Thừa Thiên Huế đã chỉ đạo.", "Sở Y tế Thừa Thiên Huế"),
        ("UBND tỉnh Thừa Thiên Huế đã chỉ đạo.", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"),
        ("UBND thành phố Huế đã chỉ đạo.", "Ủy ban nhân dân thành phố Huế"),
    ],
)
def test_an_organisation_of_a_renamed_province_keeps_the_written_name(sentence, name):
    assert [m.name for m in find_organizations(sentence, 0)] == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "Theo kế hoạch, Bệnh viện K hợp tác với Nhật Bản về xạ trị.",
        "Ông Lê Văn Quảng, Giám đốc Bệnh viện K thông tin bệnh viện sẽ xây cơ sở mới.",
    ],
)
def test_a_known_name_followed_by_the_clause_is_the_known_name(sentence):
    assert [m.name for m in find_hospitals(sentence, 0)] == ["Bệnh viện K"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hơn 1.500 người dân được bác sĩ Hàn Quốc khám miễn phí.",
        "Đội ngũ y bác sĩ Việt Nam và Campuchia tại bệnh viện.",
    ],
)
def test_a_countrys_doctors_are_no_person(sentence):
    from hospnet.extract.people import find_people

    assert find_people(sentence, 0) == []
