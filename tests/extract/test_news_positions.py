"""Posts as news writes them: acting posts, a second post after "bệnh viện", a former post beside the new
one, the post written before the people who hold it. The sentences are written for these tests."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text
from tests.extract.ids import H, O, P


def _held(text: str) -> set[tuple[str, str, str]]:
    x = extract(Document.from_text(normalize_text(text), date="2024-05-10"))
    return {
        (r.start, r.end, r.properties["title"])
        for r in x.relationships
        if r.type == "HOLDS_POSITION"
    }


def test_an_acting_post_and_the_next_name_is_not_its_holder():
    held = _held(
        "Theo chỉ đạo của PGS.TS Đào Hồng Lan, Quyền Bộ trưởng Bộ Y tế, TS Hà Anh Đức, Cục trưởng "
        "Cục Quản lý Khám, chữa bệnh đã làm việc với Sở Y tế Lạng Sơn."
    )
    assert (P("Đào Hồng Lan"), O("Bộ Y tế"), "Quyền Bộ trưởng") in held
    assert not any(p == P("Hà Anh Đức") and o == O("Bộ Y tế") for p, o, _ in held)


def test_a_second_post_after_the_hospital_named_by_its_head():
    held = _held(
        "Bệnh viện Bạch Mai hội chẩn trực tuyến với tuyến dưới, do GS.TS Đào Xuân Cơ, Giám đốc bệnh viện, "
        "Chủ tịch Hội Tim mạch học Việt Nam chủ trì."
    )
    assert (P("Đào Xuân Cơ"), H("Bệnh viện Bạch Mai"), "Giám đốc") in held
    assert (P("Đào Xuân Cơ"), O("Hội Tim mạch học Việt Nam"), "Chủ tịch") in held


def test_a_former_post_then_the_new_one():
    held = _held(
        "BSCKII Lò Văn Minh, nguyên Giám đốc Trung tâm Y tế dự phòng cũ nhận quyết định bổ nhiệm giữ chức "
        "Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh Lai Châu."
    )
    assert {(p, t) for p, _, t in held} == {(P("Lò Văn Minh"), "Giám đốc")}


def test_the_post_before_the_people_who_hold_it():
    held = _held(
        "Sáng 2/3, Sở Y tế công bố quyết định thành lập Bệnh viện Phục hồi chức năng tỉnh Hà Tĩnh. Các Phó "
        "Giám đốc bệnh viện gồm BSCKI Trần Văn Lợi và ThS Nguyễn Thị Thu."
    )
    hospital = H("Bệnh viện Phục hồi chức năng tỉnh Hà Tĩnh")
    assert (P("Trần Văn Lợi"), hospital, "Phó Giám đốc") in held
    assert (P("Nguyễn Thị Thu"), hospital, "Phó Giám đốc") in held


def test_the_hospital_is_no_health_centre_named_in_between():
    held = _held(
        "A team from Cho Ray Hospital arrived in Tay Ninh. It will set up an ICU at the Go Dau District "
        "Medical Centre. The team is led by Dr Pham Van Nam, deputy director of the hospital."
    )
    assert (P("Pham Van Nam"), H("Bệnh viện Chợ Rẫy"), "Phó Giám đốc") in held


def test_a_party_post_then_the_post_at_the_unit():
    """ "Bí thư Đảng ủy, Giám đốc A": the party post has no unit of its own and is held at A too;
    "BVĐKTƯ" is the joined abbreviation of "Bệnh viện Đa khoa Trung ương"."""
    held = _held(
        "Phát biểu tại hội nghị, TS Lê Văn Nam, Bí thư Đảng ủy, Giám đốc BVĐKTƯ Cần Thơ cho biết "
        "bệnh viện sẽ mở rộng hợp tác."
    )
    at = H("Bệnh viện Đa khoa Trung ương Cần Thơ")
    assert {(P("Lê Văn Nam"), at, "Bí thư Đảng ủy"), (P("Lê Văn Nam"), at, "Giám đốc")} <= held


def test_a_party_post_then_the_post_of_the_hospital_named_before():
    held = _held(
        "Bệnh viện Quân y 103 tổ chức lễ xuất quân. Đại tá, TS Phạm Văn Bình, Bí thư Đảng ủy, Giám đốc "
        "bệnh viện trực tiếp giao nhiệm vụ."
    )
    assert any(p == P("Phạm Văn Bình") and o == H("Bệnh viện Quân y 103") for p, o, _ in held)


def test_a_post_whose_words_name_its_unit():
    # "Bộ trưởng Y tế", "Health Minister": the ministry is in the post, not written after it
    assert _held("Bộ trưởng Y tế Đào Hồng Lan thăm Trung tâm Y tế huyện Côn Đảo.") == {
        (P("Đào Hồng Lan"), O("Bộ Y tế"), "Bộ trưởng")
    }
    assert _held("Health Minister Nguyen Thanh Long inspected Kien Giang on April 18.") == {
        (P("Nguyen Thanh Long"), O("Bộ Y tế"), "Bộ trưởng")
    }
    assert _held("The team was received by Tran Van Thuan, Deputy Minister of Health.") == {
        (P("Tran Van Thuan"), O("Bộ Y tế"), "Thứ trưởng")
    }
    # a post with its unit written out is read as before, once
    assert _held("Thứ trưởng Bộ Y tế Trần Văn Thuấn dự lễ.") == {
        (P("Trần Văn Thuấn"), O("Bộ Y tế"), "Thứ trưởng")
    }


def test_a_foreign_ministry_and_its_minister():
    # the country goes with the ministry, not with the minister's name
    assert _held("Bộ trưởng Bộ Y tế Lào Bounfeng Phoummalaysith đánh giá cao sự hỗ trợ.") == {
        (P("Bounfeng Phoummalaysith"), O("Bộ Y tế Lào"), "Bộ trưởng")
    }


def test_a_post_after_when_then_and_two_posts_joined_by_vua_la():
    held = _held(
        "Chiều 21/12/2011, GS.TS Bùi Đức Phú, khi ấy vừa là Giám đốc vừa là Chủ tịch Hội đồng Ghép tạng "
        "của BVTW Huế, đã vào TP Cần Thơ."
    )
    assert (P("Bùi Đức Phú"), H("Bệnh viện Trung ương Huế"), "Giám đốc") in held


def test_two_posts_joined_by_kiem():
    held = _held("Ông Nguyễn Văn An, Giám đốc kiêm Bí thư Đảng ủy Bệnh viện Bạch Mai, phát biểu.")
    assert (P("Nguyễn Văn An"), H("Bệnh viện Bạch Mai"), "Giám đốc") in held


def test_the_holder_after_the_unit_and_khi_do_la():
    held = _held("Giám đốc Bệnh viện Đa khoa tỉnh Hòa Bình khi đó là ông Trương Quý Dương.")
    assert (P("Trương Quý Dương"), H("Bệnh viện Đa khoa tỉnh Hòa Bình"), "Giám đốc") in held
