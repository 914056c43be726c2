"""Who gives and who receives: guards on the relation rules' readings (the team's own sentences)."""

from __future__ import annotations

from hospnet.extract.context import read_document
from hospnet.extract.support import supports_and_transfers
from hospnet.names import normalize_text


def _pairs(text: str) -> set[tuple[str, str]]:
    facts = supports_and_transfers(read_document(normalize_text(text), "2024-03-05"))
    return {(f.start.name, f.end.name) for f in facts if f.type == "SUPPORTS"}


def test_an_abbreviated_city_in_a_name_ends_no_clause():
    found = _pairs(
        "Bệnh viện Đa khoa tỉnh Bình Định đã được Bệnh viện Chợ Rẫy (TP. Hồ Chí Minh) đào tạo, "
        "hỗ trợ chuyên môn."
    )
    assert found == {("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Bình Định")}


def test_support_read_from_a_provincial_hospital_up_to_a_central_one_is_turned_round():
    from hospnet.extract.mentions import Mention
    from hospnet.extract.relations import Fact
    from hospnet.extract.support_review import downward

    tra_vinh = Mention(
        "Hospital", "Bệnh viện Đa khoa tỉnh Trà Vinh", 0, 9, "", {"level": "provincial"}
    )
    cho_ray = Mention("Hospital", "Bệnh viện Chợ Rẫy", 10, 19, "", {"level": "central"})
    turned = downward([Fact("SUPPORTS", tra_vinh, cho_ray, "câu", {}, "supports.active")])
    assert [(f.start.name, f.end.name) for f in turned] == [
        ("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Trà Vinh")
    ]
    both = downward(
        [
            Fact("SUPPORTS", cho_ray, tra_vinh, "câu", {}, "supports.active"),
            Fact("SUPPORTS", tra_vinh, cho_ray, "câu khác", {}, "supports.active"),
        ]
    )
    assert [(f.start.name, f.end.name) for f in both] == [
        ("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa tỉnh Trà Vinh")
    ]


def test_a_private_hospital_keeps_the_direction_the_text_gives():
    found = _pairs("Bệnh viện Hồng Ngọc hỗ trợ Bệnh viện Đa khoa tỉnh Lào Cai đào tạo bác sĩ.")
    assert found == {("Bệnh viện Đa khoa Hồng Ngọc", "Bệnh viện Đa khoa tỉnh Lào Cai")}


def test_a_giver_among_the_plural_receivers_is_one_of_those_helped():
    found = _pairs(
        "Bệnh viện Từ Dũ đã chuyển giao kỹ thuật cho Bệnh viện Hữu nghị Đa khoa Nghệ An và "
        "Bệnh viện Sản Nhi Nghệ An, giúp hai bệnh viện nâng cao năng lực."
    )
    assert found == {
        ("Bệnh viện Từ Dũ", "Bệnh viện Hữu nghị Đa khoa Nghệ An"),
        ("Bệnh viện Từ Dũ", "Bệnh viện Sản - Nhi tỉnh Nghệ An"),
    }


def test_the_province_after_a_hospital_says_where_it_is():
    found = _pairs(
        "Trung tâm Y tế huyện Bắc Sơn, tỉnh Lạng Sơn vừa được Bệnh viện Trung ương Thái Nguyên "
        "chuyển giao kỹ thuật lọc thận nhân tạo."
    )
    assert found == {("Bệnh viện Trung ương Thái Nguyên", "Trung tâm Y tế huyện Bắc Sơn")}


def _referrals(text: str) -> set[tuple[str, str]]:
    from hospnet.extract import extract
    from hospnet.model import Document

    x = extract(Document.from_text(normalize_text(text)))
    names = {n.id: n.properties.get("name") for n in x.nodes}
    return {(names[r.start], names[r.end]) for r in x.relationships if r.type == "REFERS_TO"}


def test_the_hospital_named_as_the_agent_of_a_referral_sends_the_patient():
    found = _referrals(
        "Bệnh viện Trung ương Quân đội 108 tiếp nhận người bệnh do Bệnh viện Đa khoa tỉnh Sơn La "
        "chuyển sang điều trị."
    )
    assert found == {("Bệnh viện Đa khoa tỉnh Sơn La", "Bệnh viện Trung ương Quân đội 108")}


def test_a_referral_with_no_destination_goes_to_the_story_s_higher_hospital():
    found = _referrals(
        "Khoa Cấp cứu Bệnh viện Chợ Rẫy quá tải. Bệnh viện Chợ Rẫy đã có thêm giường. "
        "Ông Trần Văn Xái được Bệnh viện Đa khoa tỉnh Bạc Liêu chuyển lên từ 5 giờ sáng."
    )
    assert found == {("Bệnh viện Đa khoa tỉnh Bạc Liêu", "Bệnh viện Chợ Rẫy")}


def test_a_change_of_model_with_no_patients_is_no_referral():
    found = _referrals(
        "Bệnh viện Đa khoa tỉnh Sơn La chuyển sang mô hình tự chủ như Bệnh viện Bạch Mai."
    )
    assert not found


def test_the_unit_thanked_for_its_support_gave_it():
    found = _pairs(
        "Ông Phương gửi lời cảm ơn tới Bệnh viện Tai Mũi Họng Trung ương về những hỗ trợ đã dành "
        "cho ngành y tế Tuyên Quang."
    )
    assert found == {("Bệnh viện Tai Mũi Họng Trung ương", "Tuyên Quang")}


def test_a_province_s_health_sector_is_supported_beside_its_hospital():
    found = _pairs(
        "Bệnh viện Tai Mũi Họng Trung ương hỗ trợ Bệnh viện Đa khoa tỉnh Tuyên Quang đào tạo bác sĩ. "
        "Ông Phương cảm ơn Bệnh viện Tai Mũi Họng Trung ương về những hỗ trợ dành cho ngành y tế "
        "Tuyên Quang."
    )
    assert ("Bệnh viện Tai Mũi Họng Trung ương", "Tuyên Quang") in found


def test_units_on_the_city_s_territory_are_no_plural_reference():
    found = _pairs(
        "Đoàn có lãnh đạo Bệnh viện Sản Nhi Nghệ An và Bệnh viện Nội tiết Nghệ An. "
        "Ngành y tế Nghệ An đã nhận được nhiều sự hỗ trợ của các đơn vị y tế trên địa bàn thành phố."
    )
    assert not found


def test_a_referral_to_the_upper_level_names_no_hospital():
    found = _referrals(
        "Bệnh viện Đa khoa tỉnh Ninh Thuận sẽ can thiệp mạch vành với sự hỗ trợ của Bệnh viện Chợ Rẫy "
        "để giảm tỷ lệ chuyển người bệnh lên tuyến trên."
    )
    assert not found


def test_a_technique_transferred_to_a_hospital_is_no_referral():
    found = _referrals(
        "The technique was transferred to Khanh Hoa General Hospital by Cho Ray Hospital in 2020."
    )
    assert not found


def test_a_patient_moved_is_no_team_sent():
    found = _pairs(
        "Bệnh viện Phổi Đà Nẵng công bố khỏi bệnh cho bệnh nhân, sau đó đưa người bệnh vào "
        "Thành phố Hồ Chí Minh để tiếp tục điều trị."
    )
    assert not found


def test_the_far_end_of_a_stretch_of_country_is_no_province_supported():
    found = _pairs(
        "Bệnh viện Nhi Đồng 1 là đầu mối hỗ trợ chuyên môn cho các bệnh viện tuyến dưới từ miền "
        "Trung đến mũi Cà Mau."
    )
    assert not found


def test_tinh_in_a_story_told_from_a_city_is_the_province_it_names():
    found = _pairs(
        "Ê-kíp Huế lên đường. Kon Tum cách Huế hơn 400 km, đường ra Huế rất xa. "
        "Bệnh viện Trung ương Huế cam kết hỗ trợ tỉnh lâu dài."
    )
    assert found == {("Bệnh viện Trung ương Huế", "Quảng Ngãi")}


def test_staff_given_to_a_hospital_are_not_its_own():
    found = _pairs(
        "Bộ Y tế đề nghị Bệnh viện Chợ Rẫy cử chuyên gia ra Bệnh viện Đa khoa Trung ương Quảng Nam "
        "hỗ trợ điều trị. Cục Quản lý Khám, chữa bệnh yêu cầu các bệnh viện tuyến trên tăng cường "
        "nhân lực cho cơ sở 2 của Bệnh viện Trung ương Huế."
    )
    assert found == {("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa Trung ương Quảng Nam")}


def test_a_province_named_as_the_sender_is_the_story_s_hospital_there():
    found = _referrals(
        "Bệnh viện Hữu nghị Việt Đức hỗ trợ Bệnh viện Đa khoa tỉnh Bắc Giang. "
        "Việt Đức tiếp nhận những người bệnh chấn thương nặng do Bắc Giang chuyển lên."
    )
    assert ("Bệnh viện Đa khoa tỉnh Bắc Giang", "Bệnh viện Hữu nghị Việt Đức") in found


def test_a_plural_before_a_referral_stands_for_the_units_listed():
    found = _referrals(
        "Bệnh viện Nguyễn Đình Chiểu ký kết với Trung tâm Y tế huyện Ba Tri và Trung tâm Y tế huyện "
        "Thạnh Phú. Mỗi năm, hai trung tâm chuyển tới Bệnh viện Nguyễn Đình Chiểu hàng nghìn người bệnh."
    )
    assert found == {
        ("Trung tâm Y tế huyện Ba Tri", "Bệnh viện Nguyễn Đình Chiểu"),
        ("Trung tâm Y tế huyện Thạnh Phú", "Bệnh viện Nguyễn Đình Chiểu"),
    }


def test_each_clause_transfers_its_own_techniques():
    facts = supports_and_transfers(
        read_document(
            normalize_text(
                "Bệnh viện Đa khoa tỉnh Kon Tum sẽ chuyển giao cho Trung tâm Y tế huyện Đắk Glei kỹ "
                "thuật phẫu thuật lấy thai; với Trung tâm Y tế huyện Sa Thầy, đơn vị sẽ chuyển giao "
                "kỹ thuật nội soi dạ dày tá tràng."
            )
        )
    )
    transfers = {
        (f.end.name, f.props["technique_mention"].name) for f in facts if f.type == "TRANSFERS"
    }
    assert ("Trung tâm Y tế huyện Đắk Glei", "nội soi dạ dày tá tràng") not in transfers


STORY = (
    "Bệnh viện Thống Nhất cử đoàn hỗ trợ Tây Ninh điều trị COVID-19. "
    "Ngày 7/12, Bệnh viện Thống Nhất đã cử đoàn công tác 15 người đến tỉnh Tây Ninh. "
    "Ngay trong chiều, đoàn đã làm việc với Sở Y tế Tây Ninh và khảo sát khu hồi sức của "
    "Bệnh viện Đa khoa tỉnh Tây Ninh. "
    "Các bác sĩ của Bệnh viện Thống Nhất sẽ tham gia điều trị tại Bệnh viện Đa khoa tỉnh Tây Ninh."
)


def test_a_team_at_work_in_a_hospital_supports_it_and_the_province_it_was_sent_to():
    assert _pairs(STORY) == {
        ("Bệnh viện Thống Nhất", "Tây Ninh"),
        ("Bệnh viện Thống Nhất", "Bệnh viện Đa khoa tỉnh Tây Ninh"),
    }


def test_a_team_at_work_named_in_the_sentence_after_its_hospital():
    found = _pairs(
        "Đoàn do TS Lưu Đức Minh, Phó Giám đốc Trung tâm Hồi sức Bệnh viện Bạch Mai làm trưởng đoàn. "
        "Theo kế hoạch, đoàn sẽ làm việc với Sở Y tế Bắc Giang, tham gia điều trị tại Bệnh viện Phổi "
        "Bắc Giang."
    )
    assert found == {("Bệnh viện Bạch Mai", "Bệnh viện Phổi tỉnh Bắc Giang")}


def test_a_co_giver_of_the_receiver_s_level_keeps_a_lower_giver_the_way_round():
    found = _pairs(
        "Bệnh viện Chợ Rẫy và Bệnh viện Bệnh Nhiệt đới Thành phố Hồ Chí Minh cử chuyên gia ra "
        "Bệnh viện Đa khoa Trung ương Quảng Nam hỗ trợ điều trị."
    )
    assert found == {
        ("Bệnh viện Chợ Rẫy", "Bệnh viện Đa khoa Trung ương Quảng Nam"),
        (
            "Bệnh viện Bệnh Nhiệt đới Thành phố Hồ Chí Minh",
            "Bệnh viện Đa khoa Trung ương Quảng Nam",
        ),
    }


def test_the_hospital_whose_experts_advise_is_no_receiver_nor_a_sender_of_staff():
    found = _pairs(
        "Bệnh viện Bạch Mai đã hội chẩn từ xa, hướng dẫn Bệnh viện Đa khoa tỉnh Hòa Bình cứu sống "
        "một người bệnh. Bác sĩ nhiều bệnh viện trên cả nước nhận tư vấn trực tuyến từ chuyên gia "
        "Bệnh viện Tim Hà Nội."
    )
    assert found == {("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Hòa Bình")}


def test_receivers_named_only_in_general_take_none_from_the_sentence_before():
    found = _pairs(
        "Bệnh viện Thống Nhất có thêm một đơn vị ghép thận. "
        "Bệnh viện Chợ Rẫy đã hỗ trợ nhiều bệnh viện khác triển khai kỹ thuật ghép thận."
    )
    assert not found


def test_patients_cared_for_in_a_province_are_no_support_to_it():
    found = _pairs(
        "Bệnh viện Chợ Rẫy giúp người bệnh suy thận mạn giai đoạn cuối tại tỉnh Cà Mau "
        "có thêm lựa chọn."
    )
    assert not found


def test_the_centre_is_the_story_s_health_centre():
    found = _pairs(
        "Trung tâm Y tế huyện Côn Đảo thiếu bác sĩ chuyên khoa. "
        "Từ ngày 3/9, Sở Y tế bắt đầu luân phiên bác sĩ chuyên khoa ra làm việc tại trung tâm. "
        "Đợt đầu gồm 3 bác sĩ của 2 bệnh viện: Bệnh viện Bình Dân và Bệnh viện Hùng Vương."
    )
    assert found == {
        ("Bệnh viện Bình Dân", "Trung tâm Y tế huyện Côn Đảo"),
        ("Bệnh viện Hùng Vương", "Trung tâm Y tế huyện Côn Đảo"),
    }


def test_the_centre_s_own_doctors_send_nobody():
    found = _pairs(
        "Bệnh viện Răng Hàm Mặt Trung ương chuyển giao chuyên môn cho các đơn vị y tế tại Gia Lai. "
        "Đoàn ký kết chương trình với Trung tâm Y tế huyện Hiệp Đức, để các y bác sĩ của trung tâm "
        "tự thực hiện kỹ thuật."
    )
    assert not {g for g, _ in found if g == "Trung tâm Y tế huyện Hiệp Đức"}


def test_a_building_put_to_use_is_nobody_sent():
    found = _pairs(
        "Trung tâm Y tế huyện Côn Đảo có vai trò kép. "
        "Công trình mới của Bệnh viện Chợ Rẫy đã được đưa vào sử dụng."
    )
    assert not found


def test_the_foreign_side_is_the_story_s_foreign_hospital():
    found = _pairs(
        "Bệnh viện Myongji (Hàn Quốc) và tỉnh Thái Bình đã ký kết biên bản ghi nhớ. "
        "Theo nội dung ghi nhớ, phía bệnh viện Hàn Quốc sẽ đồng hành cùng tỉnh trong đào tạo nhân lực."
    )
    assert found == {("Bệnh viện Myongji", "Hưng Yên")}
