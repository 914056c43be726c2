"""Support cues that turn a fact around or cancel it (the team's own sentences)."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document


def _supports(text: str) -> set[tuple[str, str]]:
    x = extract(Document(id="doc", text=text, title="", source="test"))
    names = {n.id: n.properties.get("name") for n in x.nodes}
    return {(names[r.start], names[r.end]) for r in x.relationships if r.type == "SUPPORTS"}


def test_a_team_sent_to_observe_is_not_support_to_where_it_goes():
    found = _supports(
        "Bệnh viện Đa khoa tỉnh Sóc Trăng sẽ cử ê-kíp ra Hà Nội tham gia quan sát ca mổ."
    )
    assert not found


def test_a_team_sent_to_support_still_is():
    found = _supports("Bệnh viện Bạch Mai sẽ cử ê-kíp lên Sơn La hỗ trợ cấp cứu người bệnh.")
    assert ("Bệnh viện Bạch Mai", "Sơn La") in found


def test_a_doctor_tied_to_a_hospital_once_stands_for_it_later():
    found = _supports(
        "Người bệnh tin tưởng BS Trần Văn Minh, Bệnh viện Bạch Mai. "
        "BS Trần Văn Minh đang luân phiên 3 tháng tại Bệnh viện Đa khoa tỉnh Hà Giang."
    )
    assert ("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Hà Giang") in found


def test_a_doctor_tied_to_two_hospitals_stands_for_neither():
    found = _supports(
        "BS Trần Văn Minh, Bệnh viện Bạch Mai, nói. BS Trần Văn Minh, Bệnh viện E, cũng nói. "
        "BS Trần Văn Minh đang luân phiên 3 tháng tại Bệnh viện Đa khoa tỉnh Hà Giang."
    )
    assert not {g for g, r in found if r == "Bệnh viện Đa khoa tỉnh Hà Giang"}


def test_patients_moved_after_a_determiner_are_no_team_sent():
    found = _supports(
        "Ông Hùng, người có mặt tại Bệnh viện Đa khoa tỉnh Lạng Sơn, cho biết quyết định đưa các "
        "bệnh nhân nặng về Bệnh viện Nhi Trung ương là cần thiết."
    )
    assert not found


def test_staff_counted_in_turns_are_still_sent():
    found = _supports(
        "Bệnh viện Đa khoa tỉnh Sơn La đã cử 30 lượt bác sĩ luân phiên về hỗ trợ "
        "Trung tâm Y tế huyện Mộc Châu."
    )
    assert ("Bệnh viện Đa khoa tỉnh Sơn La", "Trung tâm Y tế huyện Mộc Châu") in found


def test_the_health_facilities_of_a_province_make_it_the_receiver():
    found = _supports(
        "Bệnh viện Nhi Trung ương được giao hỗ trợ chuyên môn cho các cơ sở y tế của tỉnh Lai Châu."
    )
    assert ("Bệnh viện Nhi Trung ương", "Lai Châu") in found


def test_a_province_named_as_an_owner_is_still_no_receiver():
    found = _supports("Bệnh viện Nhi Trung ương hỗ trợ các bệnh viện của Lai Châu.")
    assert ("Bệnh viện Nhi Trung ương", "Lai Châu") not in found


def test_a_centre_named_for_what_it_does_is_no_act():
    found = _supports(
        "Bệnh viện Trung ương Thái Nguyên đưa vào hoạt động Trung tâm tư vấn, khám chữa bệnh từ xa, kết nối "
        "với các cơ sở y tế ở Cao Bằng và Lạng Sơn."
    )
    assert not found
    found = _supports(
        "Bach Mai Hospital opened a centre for remote medical consultation linking it with facilities in "
        "Son La and Lai Chau."
    )
    assert not found


def test_a_sub_unit_before_its_hospital_in_brackets_keeps_the_hospital_near():
    found = _supports(
        "Với sự giúp đỡ của các chuyên gia thuộc Trung tâm Hỗ trợ sinh sản Quốc gia (Bệnh viện Phụ sản "
        "Trung ương), Bệnh viện Đa khoa tỉnh Thái Bình đã làm chủ kỹ thuật mới."
    )
    assert ("Bệnh viện Phụ sản Trung ương", "Bệnh viện Đa khoa tỉnh Thái Bình") in found


def test_two_units_signing_a_paper_about_support_are_no_givers():
    found = _supports(
        "Bệnh viện Trung ương Huế đã ký biên bản hỗ trợ cho Trung tâm Y tế huyện A Lưới và Trung tâm Y tế "
        "huyện Nam Đông. Năm nay, Trung tâm Y tế huyện Quảng Điền sẽ được tuyến trên hỗ trợ nhiều chuyên khoa. "
        "Ảnh: Đại diện hai đơn vị ký biên bản hỗ trợ."
    )
    assert not {(g, r) for g, r in found if g.startswith("Trung tâm Y tế")}


def test_staff_sent_to_a_field_hospital_support_its_province_too():
    found = _supports(
        "Bệnh viện Chợ Rẫy cử 30 y bác sĩ tham gia điều trị tại Bệnh viện Dã chiến số 3 tỉnh Bình Dương."
    )
    assert found == {
        ("Bệnh viện Chợ Rẫy", "Bệnh viện Dã chiến số 3 tỉnh Bình Dương"),
        ("Bệnh viện Chợ Rẫy", "Thành phố Hồ Chí Minh"),
    }
