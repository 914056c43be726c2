"""Phrasings national news uses that the gold set has few of: appointments, signatories, handovers, lists.

Each test is one sentence shape; the names are invented, the shapes are the ones the
synthetic national corpus (hospnet/synth) writes and real articles print.
"""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import make_id, normalize_text


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


H = lambda name: make_id("Hospital", name)  # noqa: E731
P = lambda name: make_id("Person", name)  # noqa: E731
T = lambda name: make_id("Technique", name)  # noqa: E731


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
        (P("Trần Văn Khải"), H("Bệnh viện Đa khoa tỉnh Nghệ An")),
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
            H("Bệnh viện Đa khoa tỉnh Nghệ An"),
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
        H("Bệnh viện Đa khoa tỉnh Nghệ An"),
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
        H("Bệnh viện Đa khoa tỉnh Nghệ An"),
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
