"""Technique lists: asides skipped, lists closed, headless items after "kỹ thuật … như"; shared-head edge cases."""

from hospnet.extract.techniques import list_techniques


def names(text: str) -> list[str]:
    return [m.name for m in list_techniques(text, 0)]


def test_a_shared_head_left_out_is_restored():
    got = names(
        "Bệnh viện tỉnh đã làm được: phẫu thuật thay khớp háng, thay khớp gối; nội soi dạ dày."
    )
    assert "phẫu thuật thay khớp gối" in got and "thay khớp gối" not in got


def test_the_restored_item_keeps_its_own_span():
    text = "gồm: phẫu thuật thay khớp háng, thay khớp vai"
    m = list_techniques(text, 100)[-1]
    assert m.name == "phẫu thuật thay khớp vai"
    assert text[m.start - 100 : m.end - 100] == "thay khớp vai" == m.surface


def test_a_different_procedure_after_a_shared_head_is_not_prefixed():
    got = names("gồm: phẫu thuật nội soi điều trị sỏi mật; điều dưỡng dụng cụ trong phẫu thuật")
    assert not any(n.startswith("phẫu thuật nội soi điều dưỡng") for n in got)


def test_a_parenthesised_aside_lists_no_items():
    assert names("như: nút mạch điều trị khối u (gan, vú, tử cung); ghép thận") == [
        "nút mạch điều trị khối u",
        "ghép thận",
    ]


def test_cung_closes_the_list():
    got = names(
        "tập trung vào các kỹ thuật nội soi phế quản, siêu âm tim cùng các chuyên ngành nhi, hồi sức."
    )
    assert got == ["nội soi phế quản", "siêu âm tim"]


def test_items_after_ky_thuat_nhu_need_no_procedure_head_but_fields_are_left_out():
    got = names(
        "chuyển giao các kỹ thuật xét nghiệm như định danh vi khuẩn lao, kháng sinh đồ, chẩn đoán trước sinh"
    )
    assert got == ["định danh vi khuẩn lao", "kháng sinh đồ"]


def test_a_list_of_training_topics_still_needs_procedure_heads():
    got = names(
        "được chuyển giao nhiều gói kỹ thuật và đào tạo, gồm: giảm đau sau mổ; phẫu thuật nội soi khớp vai"
    )
    assert got == ["phẫu thuật nội soi khớp vai"]


def test_a_procedure_named_after_a_unit_word_is_the_units_name():
    from hospnet.extract.techniques import find_techniques

    text = "bệnh viện đã thành lập Trung tâm Hỗ trợ sinh sản và khu xạ trị, nay làm chủ hỗ trợ sinh sản"
    got = [(m.name, m.start) for m in find_techniques(text, 0)]
    assert got == [("hỗ trợ sinh sản", text.rindex("hỗ trợ sinh sản"))]


def test_a_list_announced_as_fields_names_no_procedures():
    from hospnet.extract.techniques import announced_techniques

    fields = "phát triển các kỹ thuật chuyên sâu, mũi nhọn ở các chuyên môn gồm: can thiệp đột quỵ, ngoại thần kinh"
    assert announced_techniques(fields, 0) == []
    from hospnet.extract.techniques import find_techniques

    assert (
        find_techniques(
            "tập trung vào những lĩnh vực then chốt gồm: tim mạch can thiệp, điện sinh lý tim", 0
        )
        == []
    )
    of_a_field = "bốn gói kỹ thuật thuộc lĩnh vực tim mạch can thiệp, gồm: nong van hai lá qua da"
    assert [m.name for m in announced_techniques(of_a_field, 0)] == ["nong van hai lá qua da"]


def test_a_bare_head_is_no_item_and_a_plural_object_ends_the_name():
    assert names("phối hợp thực hiện: phẫu thuật; nối gân") == ["nối gân"]
    from hospnet.extract.techniques import named_techniques

    got = named_techniques('chuyển giao kỹ thuật "xạ trị ngoài các bệnh lý ung thư"', 0)
    assert [m.name for m in got] == ["xạ trị ngoài"]


def test_a_procedure_a_training_topic_is_about_is_no_technique():
    from hospnet.extract.techniques import find_techniques

    text = "gồm: phân tích kết quả chụp cộng hưởng từ; chăm sóc người bệnh trước và sau mổ chấn thương sọ não"
    assert find_techniques(text, 0) == []
