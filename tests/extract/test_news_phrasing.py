"""Phrasings national news uses that the gold set has few of: appointments, signatories, handovers, lists.

Each test is one sentence shape; the names are invented, the shapes are the ones the
synthetic national corpus (hospnet/synth) writes and real articles print.
"""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text
from tests.extract.ids import H, O, P, T


def _facts(text: str, date: str = "2024-03-05") -> set[tuple]:
    doc = Document.from_text(normalize_text(text), date=date)
    x = extract(doc)
    out = set()
    for r in x.relationships:
        if r.type == "MENTIONED_IN":
            continue
        extra = (
            r.properties.get("technique")
            or r.properties.get("title")
            or r.properties.get("on_behalf_of")
        )
        out.add((r.type, r.start, r.end, extra) if extra else (r.type, r.start, r.end))
    return out


def test_appointed_to_hold_a_position():
    facts = _facts(
        "Sở Y tế Nghệ An trao quyết định bổ nhiệm TS.BS Trần Văn Khải giữ chức Giám đốc "
        "Trung tâm Y tế huyện Quỳ Hợp. Sở Y tế Nghệ An bổ nhiệm ThS Lê Thị Mơ làm Giám đốc "
        "Bệnh viện Đa khoa huyện Anh Sơn."
    )
    assert (
        "HOLDS_POSITION",
        P("Trần Văn Khải"),
        H("Trung tâm Y tế huyện Quỳ Hợp"),
        "Giám đốc",
    ) in facts
    assert (
        "HOLDS_POSITION",
        P("Lê Thị Mơ"),
        H("Bệnh viện Đa khoa huyện Anh Sơn"),
        "Giám đốc",
    ) in facts


def test_position_and_unit_before_a_titled_name():
    facts = _facts(
        "Tại buổi lễ, Phó Giám đốc TTYT Quỳ Hợp, BSCKII Hồ Văn Tâm, được giao phụ trách chỉ đạo tuyến."
    )
    assert (
        "HOLDS_POSITION",
        P("Hồ Văn Tâm"),
        H("Trung tâm Y tế huyện Quỳ Hợp"),
        "Phó Giám đốc",
    ) in facts


def test_signatories_sign_the_agreement_for_their_side():
    facts = _facts(
        "Ngày 5/3/2024, Bệnh viện Đa khoa tỉnh Nghệ An đã ký kết hợp đồng hỗ trợ chuyên môn với "
        "Trung tâm Y tế huyện Quỳ Hợp. Đại diện ký kết gồm TS.BS Trần Văn Khải, Giám đốc BVĐK tỉnh "
        "Nghệ An và ThS Lê Thị Mơ, Giám đốc TTYT Quỳ Hợp."
    )
    signed = {(f[2], f[3]) for f in facts if f[0] == "SIGNED_BY"}
    assert signed == {
        (P("Trần Văn Khải"), H("Bệnh viện Hữu nghị Đa khoa Nghệ An")),
        (P("Lê Thị Mơ"), H("Trung tâm Y tế huyện Quỳ Hợp")),
    }


def test_no_signatory_without_a_signing_word():
    facts = _facts(
        "Bệnh viện Đa khoa tỉnh Nghệ An đã ký kết hợp đồng hỗ trợ chuyên môn với Trung tâm Y tế huyện "
        "Quỳ Hợp. Dự buổi lễ có TS.BS Trần Văn Khải, Giám đốc BVĐK tỉnh Nghệ An."
    )
    assert not [f for f in facts if f[0] == "SIGNED_BY"]


def test_handover_of_techniques_is_a_transfer():
    facts = _facts(
        "Ngày 5/3/2024, BVĐK tỉnh Nghệ An đã tổ chức tổng kết và bàn giao các kỹ thuật nội soi dạ dày "
        "và mổ lấy thai cho TTYT huyện Quỳ Hợp."
    )
    for tech in ("nội soi dạ dày", "mổ lấy thai"):
        assert (
            "TRANSFERS",
            H("Bệnh viện Hữu nghị Đa khoa Nghệ An"),
            H("Trung tâm Y tế huyện Quỳ Hợp"),
            T(tech),
        ) in facts


def test_techniques_received_before_the_passive_trigger():
    facts = _facts(
        "TTYT huyện Quỳ Hợp vừa tiếp nhận thành công 3 kỹ thuật gồm nội soi dạ dày, hồi sức sơ sinh "
        "và thở máy không xâm nhập do Bệnh viện Đa khoa tỉnh Nghệ An chuyển giao."
    )
    got = {f[3] for f in facts if f[0] == "TRANSFERS"}
    assert got == {T("nội soi dạ dày"), T("hồi sức sơ sinh"), T("thở máy không xâm nhập")}


def test_city_general_hospital_names_the_city_once():
    facts = _facts(
        "BVĐK TP.HCM đã chuyển giao kỹ thuật nội soi dạ dày cho Trung tâm Y tế huyện Cần Giờ. "
        "Bệnh viện Đa khoa Thành phố Hồ Chí Minh cũng hỗ trợ đào tạo."
    )
    city = H("Bệnh viện Đa khoa thành phố Hồ Chí Minh")
    assert city == "hospital:benh-vien-da-khoa-thanh-pho-ho-chi-minh"
    assert ("TRANSFERS", city, H("Trung tâm Y tế huyện Cần Giờ"), T("nội soi dạ dày")) in facts


def test_a_provincial_hospital_with_an_official_name_is_one_node_however_written():
    facts = _facts(
        "BVĐK tỉnh Đồng Nai hỗ trợ Trung tâm Y tế huyện Cẩm Mỹ. Bệnh viện Đa khoa Đồng Nai cử bác sĩ "
        "về Trung tâm Y tế huyện Cẩm Mỹ."
    )
    assert {f[1] for f in facts if f[0] == "SUPPORTS"} == {H("Bệnh viện Đa khoa Đồng Nai")}


def test_one_hospital_signs_with_several_listed_with_their_provinces():
    facts = _facts(
        "Ngày 5/3/2024, Bệnh viện Đa khoa tỉnh Nghệ An đã ký kết hợp đồng hỗ trợ chuyên môn với "
        "Trung tâm Y tế huyện Quỳ Hợp (tỉnh Nghệ An), BVĐK huyện Hương Khê (Hà Tĩnh) và TTYT huyện "
        "Anh Sơn giai đoạn 2024 - 2026."
    )
    parties = {f[1] for f in facts if f[0] == "PARTY_TO"}
    assert parties == {
        H("Bệnh viện Hữu nghị Đa khoa Nghệ An"),
        H("Trung tâm Y tế huyện Quỳ Hợp"),
        H("Bệnh viện Đa khoa huyện Hương Khê"),
        H("Trung tâm Y tế huyện Anh Sơn"),
    }
    assert (
        len({f[2] for f in facts if f[0] == "PARTY_TO"}) == 3
    )  # one agreement per receiving hospital


def test_doctors_sent_in_rotation_are_support():
    facts = _facts(
        "Theo Đề án 1816, Bệnh viện K cử kíp bác sĩ luân phiên về Bệnh viện Đa khoa tỉnh Cao Bằng "
        "để khám, chữa bệnh và đào tạo tại chỗ."
    )
    assert ("SUPPORTS", H("Bệnh viện K"), H("Bệnh viện Đa khoa tỉnh Cao Bằng")) in facts


def test_a_planned_transfer_teaches_nothing_yet():
    facts = _facts(
        "Theo kế hoạch, BVĐK tỉnh Nghệ An sẽ chuyển giao cho TTYT huyện Quỳ Hợp kỹ thuật mổ lấy thai."
    )
    assert (
        "TRANSFERS",
        H("Bệnh viện Hữu nghị Đa khoa Nghệ An"),
        H("Trung tâm Y tế huyện Quỳ Hợp"),
        T("mổ lấy thai"),
    ) in facts
    assert not [f for f in facts if f[0] == "HAS_TECHNIQUE"]


def test_a_hospital_named_for_a_technique_transfers_no_technique_by_its_name():
    facts = _facts(
        "Ngày 5/3/2024, Bệnh viện Châm cứu Trung ương và BVĐK huyện Giao Thủy đã ký kết hợp đồng hỗ trợ "
        "chuyên môn, chuyển giao kỹ thuật."
    )
    assert not [f for f in facts if f[0] in ("TRANSFERS", "HAS_TECHNIQUE")]


def test_a_place_word_that_is_also_a_preposition_ends_no_list():
    facts = _facts(
        "BVĐK tỉnh Thái Nguyên sẽ chuyển giao cho Trung tâm Y tế huyện Đại Từ các kỹ thuật chiếu đèn "
        "điều trị vàng da sơ sinh và nội soi dạ dày."
    )
    got = {f[3] for f in facts if f[0] == "TRANSFERS"}
    assert got == {T("chiếu đèn điều trị vàng da sơ sinh"), T("nội soi dạ dày")}


def test_a_provincial_specialist_hospital_is_one_node_with_or_without_the_province_word():
    with_word = _facts(
        "Bệnh viện Bạch Mai hỗ trợ Bệnh viện Sản Nhi tỉnh Yên Bái về hồi sức sơ sinh."
    )
    without = _facts("Bệnh viện Bạch Mai cử bác sĩ về hỗ trợ Bệnh viện Sản Nhi Yên Bái.")
    english = _facts("Bach Mai Hospital supported the Yen Bai Obstetrics and Pediatrics Hospital.")
    target = H("Bệnh viện Sản - Nhi tỉnh Yên Bái")
    for facts in (with_word, without, english):
        assert ("SUPPORTS", H("Bệnh viện Bạch Mai"), target) in facts, facts


def test_a_city_specialist_hospital_takes_no_province_word():
    facts = _facts("Bệnh viện K hỗ trợ Bệnh viện Ung bướu Hà Nội về xạ trị.")
    assert ("SUPPORTS", H("Bệnh viện K"), H("Bệnh viện Ung bướu Hà Nội")) in facts, facts


def test_referrals_sent_out_to_or_from_a_named_hospital():
    north = _facts(
        "Mỗi năm Bệnh viện Đa khoa tỉnh Hà Tĩnh chuyển khoảng 300 ca bệnh nặng ra Bệnh viện Bạch Mai."
    )
    assert ("REFERS_TO", H("Bệnh viện Đa khoa tỉnh Hà Tĩnh"), H("Bệnh viện Bạch Mai")) in north
    source = _facts(
        "Bệnh nhân được chuyển từ Trung tâm Y tế huyện Cẩm Xuyên lên Bệnh viện Đa khoa tỉnh Hà Tĩnh."
    )
    assert (
        "REFERS_TO",
        H("Trung tâm Y tế huyện Cẩm Xuyên"),
        H("Bệnh viện Đa khoa tỉnh Hà Tĩnh"),
    ) in source
    assert not any(
        f[0] == "REFERS_TO"
        for f in _facts(
            "Bệnh viện Đa khoa tỉnh Hà Tĩnh chuyển từ hồ sơ giấy sang bệnh án điện tử, Bệnh viện Bạch Mai hỗ trợ phần mềm."
        )
    )


def _parties(text: str) -> set[str]:
    return {f[1] for f in _facts(text) if f[0] == "PARTY_TO"}


def test_provinces_that_sign_with_a_hospital_stand_for_their_peoples_committees():
    parties = _parties(
        "Ngày 12/10, các tỉnh Hà Tĩnh, Nghệ An và Thanh Hóa lần lượt ký kết hợp tác toàn diện "
        "về y tế với Bệnh viện Bạch Mai."
    )
    assert parties == {
        H("Bệnh viện Bạch Mai"),
        O("Ủy ban nhân dân tỉnh Hà Tĩnh"),
        O("Ủy ban nhân dân tỉnh Nghệ An"),
        O("Ủy ban nhân dân tỉnh Thanh Hóa"),
    }


def test_a_signing_province_is_the_organization_of_it_the_story_names():
    parties = _parties(
        "Ngày 16/12, Bệnh viện Myongji (Hàn Quốc) và tỉnh Thái Bình đã ký kết biên bản ghi nhớ. "
        "Văn bản được ký bởi ông Phạm Quang Hòa, Giám đốc Sở Y tế Thái Bình."
    )
    assert O("Sở Y tế Thái Bình") in parties and O("Ủy ban nhân dân tỉnh Thái Bình") not in parties


def test_a_province_where_the_signing_happens_signs_nothing():
    parties = _parties(
        "Sáng 14/3, tại thành phố Bắc Giang, Bệnh viện Hữu nghị Việt Đức và Bệnh viện Đa khoa tỉnh "
        "Bắc Giang đã ký kết hợp đồng hỗ trợ chuyên môn."
    )
    assert parties == {H("Bệnh viện Hữu nghị Việt Đức"), H("Bệnh viện Đa khoa tỉnh Bắc Giang")}


def test_the_signing_verb_wins_over_an_earlier_agreement_noun_and_two_provinces_sign_their_own():
    parties = _parties(
        "Thực hiện thỏa thuận hợp tác giữa Thành phố Hồ Chí Minh và tỉnh Nghệ An, Sở Y tế Nghệ An và "
        "Sở Y tế Thành phố Hồ Chí Minh đã tổ chức hội thảo và ký kết chương trình hợp tác giữa hai Sở."
    )
    assert parties == {O("Sở Y tế Nghệ An"), O("Sở Y tế Thành phố Hồ Chí Minh")}


def test_a_passive_agreement_signed_with_a_university_and_one_whose_other_side_goes_unsaid():
    # "văn bản hợp tác … được trung tâm ký với X": the signing verb is "ký với"; "một thỏa thuận hợp
    # tác với Y đã được ký": the other side is the story's hospital; "Đại học Y" is "Trường Đại học Y".
    text = (
        "Đội ngũ phẫu thuật của Trung tâm Tim mạch, Bệnh viện Đa khoa tỉnh Phú Thọ sẽ được đào tạo thêm, "
        "theo văn bản hợp tác vừa được trung tâm ký với Trường Đại học Hiroshima hôm 8/6. Trước đó, một "
        "thỏa thuận hợp tác với Trường Đại học Nagoya đã được ký tại Hà Nội. Tại lễ ký với Đại học "
        "Nagoya, lãnh đạo bệnh viện cảm ơn phía bạn."
    )
    assert _parties(text) == {
        H("Bệnh viện Đa khoa tỉnh Phú Thọ"),
        O("Trường Đại học Hiroshima"),
        O("Trường Đại học Nagoya"),
    }


def _posts(text: str) -> set[tuple[str, str]]:
    return {(f[1], f[2]) for f in _facts(text) if f[0] == "HOLDS_POSITION"}


def test_a_post_at_a_unit_named_by_its_head_noun_alone():
    posts = _posts(
        "Bên A là TTYT huyện Bắc Sơn do BSCKI Đỗ Văn Dũng, Giám đốc Trung tâm làm đại diện; bên B là "
        "Bệnh viện Trung ương Thái Nguyên, đại diện là BSCKII Nguyễn Huy Sơn, Phó Giám đốc Bệnh viện."
    )
    assert posts == {
        (P("Đỗ Văn Dũng"), H("Trung tâm Y tế huyện Bắc Sơn")),
        (P("Nguyễn Huy Sơn"), H("Bệnh viện Trung ương Thái Nguyên")),
    }


def test_a_post_read_past_a_membership_and_at_the_hospital_of_the_story():
    posts = _posts(
        "Đoàn công tác Sở Y tế Nghệ An do BS Nguyễn Thị Hồng Hoa, Tỉnh ủy viên, Giám đốc Sở làm trưởng đoàn."
    )
    assert posts == {
        (P("Nguyễn Thị Hồng Hoa"), O("Sở Y tế Nghệ An")),
        (P("Nguyễn Thị Hồng Hoa"), O("Tỉnh ủy Nghệ An")),
    }
    posts = _posts(
        "Bệnh viện Quân y 121 tiếp nhận 1.000 lượt người bệnh. Đại tá Trần Mạnh Hùng là Giám đốc bệnh viện."
    )
    assert posts == {(P("Trần Mạnh Hùng"), H("Bệnh viện Quân y 121"))}


def test_the_agents_of_a_passive_signing_are_its_parties():
    parties = _parties(
        "On 5 March, two memoranda were signed by the Long An General Hospital and the Wonkwang "
        "University Hospital."
    )
    assert parties == {H("Bệnh viện Đa khoa Long An"), H("Bệnh viện Đại học Wonkwang")}


def test_two_people_share_a_post_in_a_sub_unit_of_the_hospital_named_before():
    posts = _posts(
        "Dự lễ có PGS Vũ Văn Giáp, Phó Giám đốc Bệnh viện Bạch Mai; TS.BS. Hoàng Việt Anh và ThS.BS. "
        "Vũ Văn Nhân, Phó Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến cùng các giảng viên."
    )
    assert posts == {
        (P("Vũ Văn Giáp"), H("Bệnh viện Bạch Mai")),
        (P("Hoàng Việt Anh"), H("Bệnh viện Bạch Mai")),
        (P("Vũ Văn Nhân"), H("Bệnh viện Bạch Mai")),
    }


def test_english_posts_of_a_unit_and_possessive_posts():
    posts = _posts(
        "Bach Mai's director, Prof. Dr. Nguyen Quang Tuan, leads the mission in Hai Duong. Vice "
        "Chairman of the provincial People's Committee Luong Van Cau reported 178 cases."
    )
    assert posts == {
        (P("Nguyen Quang Tuan"), H("Bệnh viện Bạch Mai")),
        (P("Luong Van Cau"), O("Ủy ban nhân dân tỉnh Hải Dương")),
    }


def test_a_standing_committee_member_holds_posts_at_the_party_committee_and_the_peoples_committee():
    posts = _posts(
        "Về phía tỉnh Bắc Kạn có ông Phạm Duy Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh."
    )
    assert posts == {
        (P("Phạm Duy Hưng"), O("Tỉnh ủy Bắc Kạn")),
        (P("Phạm Duy Hưng"), O("Ủy ban nhân dân tỉnh Bắc Kạn")),
    }


def test_a_post_held_by_the_one_who_leads_the_unit_named_before():
    posts = _posts(
        "Đoàn công tác của BV Đại học Y Hà Nội, bệnh viện do PGS.TS Nguyễn Lân Hiếu làm Giám đốc, cùng "
        "hai bác sĩ của BV Bệnh Nhiệt đới Trung ương đang làm việc tại BV Trung ương Huế."
    )
    assert posts == {(P("Nguyễn Lân Hiếu"), H("Bệnh viện Đại học Y Hà Nội"))}
    posts = _posts(
        "Chiều 3/2, đoàn công tác của Bộ Y tế do Thứ trưởng Đỗ Xuân Tuyên làm trưởng đoàn."
    )
    assert posts == {(P("Đỗ Xuân Tuyên"), O("Bộ Y tế"))}


def test_a_city_abroad_signs_and_a_hospitals_parent_does_not():
    parties = _parties(
        "Ngày 17/7, Bệnh viện Ung bướu Hà Nội, thành phố Seongnam (Hàn Quốc) và Bệnh viện Bundang "
        "Jesaeng thuộc Quỹ Y tế Daejin đã ký biên bản ghi nhớ về hợp tác đào tạo."
    )
    assert parties == {
        H("Bệnh viện Ung bướu Hà Nội"),
        O("Thành phố Seongnam"),
        H("Bệnh viện Bundang Jesaeng"),
    }


def test_the_named_ones_of_a_counted_group_sign():
    facts = _facts(
        "Bệnh viện Bạch Mai đã ký kết hợp tác với 9 bệnh viện tuyến tỉnh, trong đó có Bệnh viện Đa khoa "
        "tỉnh Phú Thọ và Bệnh viện Đa khoa tỉnh Hòa Bình."
    )
    parties = {start for t, start, *_ in facts if t == "PARTY_TO"}
    assert {
        H("Bệnh viện Bạch Mai"),
        H("Bệnh viện Đa khoa tỉnh Phú Thọ"),
        H("Bệnh viện Đa khoa tỉnh Hòa Bình"),
    } <= parties


def test_support_at_an_authoritys_request_stands():
    facts = _facts(
        "Theo đề nghị của Sở Y tế Lào Cai, Bệnh viện Nhi Trung ương đã cử 5 bác sĩ lên hỗ trợ Bệnh viện "
        "Sản - Nhi tỉnh Lào Cai điều trị trẻ mắc sởi."
    )
    assert (
        "SUPPORTS",
        H("Bệnh viện Nhi Trung ương"),
        H("Bệnh viện Sản - Nhi tỉnh Lào Cai"),
    ) in {f[:3] for f in facts}
    asked = _facts(
        "Bệnh viện Đa khoa tỉnh Lào Cai đề nghị Bệnh viện Nhi Trung ương hỗ trợ đào tạo bác sĩ nhi."
    )
    assert not any(f[0] == "SUPPORTS" for f in asked)  # the receiving side's request is no support


def test_papers_signed_for_the_units_after_cho_make_them_parties():
    parties = _parties(
        "Trước đó, Bệnh viện Đa khoa tỉnh Hà Tĩnh đã ký các hợp đồng hỗ trợ chuyên môn cho "
        "Trung tâm Y tế huyện Hương Khê và Trung tâm Y tế huyện Hương Sơn."
    )
    assert parties == {
        H("Bệnh viện Đa khoa tỉnh Hà Tĩnh"),
        H("Trung tâm Y tế huyện Hương Khê"),
        H("Trung tâm Y tế huyện Hương Sơn"),
    }
