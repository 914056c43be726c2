"""The kinds of article the generator writes, one function each: title and paragraphs, facts recorded.

Every sentence that states a fact names both sides explicitly (in full or abbreviated); the
fact-free sentences around them (figures, quotes, background) are what real articles carry too.
"""

from __future__ import annotations

from ..names import make_id
from .network import Link
from .phrasing import PROGRAM_1816, Draft, join, vn_date

Article = tuple[str, list[str]]

_EVENTS = (
    "phòng, chống dịch sốt xuất huyết",
    "khắc phục hậu quả mưa lũ",
    "phòng, chống dịch COVID-19",
    "khám sàng lọc bệnh tim bẩm sinh cho trẻ em",
    "cấp cứu người bệnh sau bão",
)


def _filler(draft: Draft, link: Link, technical: bool = True) -> list[str]:
    """Fact-free sentences; `technical` ones speak of techniques already performed."""
    rng = draft.rng
    out = []
    if rng.random() < 0.7:
        general = (
            f"Năm qua, đơn vị đã tiếp nhận hơn {rng.randint(20, 300)}.{rng.randint(100, 999)} lượt khám, chữa bệnh.",
            f"Công suất sử dụng giường bệnh của đơn vị hiện đạt {rng.randint(85, 130)}%.",
        )
        technique = (
            f"Đến nay, ê-kíp đã thực hiện thành công cho {rng.randint(5, 120)} người bệnh, không ghi nhận tai biến.",
            "Trước đây, người bệnh cần thực hiện các kỹ thuật này phải lên tuyến trên, tốn kém chi phí đi lại và thời gian chờ đợi.",
        )
        out.append(rng.choice(general + technique if technical else general))
    if rng.random() < 0.5:
        out.append(
            rng.choice(
                (
                    'Các bác sĩ tuyến dưới được hướng dẫn "cầm tay chỉ việc" cho đến khi có thể tự thực hiện độc lập.',
                    "Ngành y tế kỳ vọng mô hình này sẽ góp phần giảm quá tải cho tuyến trên.",
                    f"Tổng kinh phí thực hiện khoảng {rng.randint(2, 40)} tỷ đồng, từ nguồn ngân sách và xã hội hóa.",
                    "Lãnh đạo Sở Y tế đánh giá cao hiệu quả của công tác chỉ đạo tuyến trong thời gian qua.",
                    f"Thời gian chờ phẫu thuật trung bình giảm từ {rng.randint(8, 20)} ngày xuống còn {rng.randint(2, 7)} ngày.",
                    "Người dân trên địa bàn được tiếp cận dịch vụ y tế chất lượng cao ngay tại địa phương.",
                )
            )
        )
    return out


def transfer(draft: Draft, link: Link, date: str) -> Article:
    """A technique transfer: done, in progress or planned."""
    rng, s_h, r_h = draft.rng, link.supporter, link.receiver
    techs = link.techniques
    status = rng.choices(("done", "in_progress", "planned"), (6, 2, 1))[0]
    title = rng.choice(
        (
            "{S} chuyển giao kỹ thuật cho {R}",
            "{R} tiếp nhận kỹ thuật mới từ {S}",
            "Nâng cao năng lực chuyên môn cho {R}",
        )
    ).format(S=draft.headline(s_h), R=draft.headline(r_h))
    S, R = draft.hospital(s_h), draft.hospital(r_h)
    T = draft.techniques(techs)
    d = vn_date(date, rng)
    if status == "done":
        lead = rng.choice(
            (
                f"Ngày {d}, {S} đã tổ chức hội nghị tổng kết và bàn giao {T} cho {R}.",
                f"{R} vừa tiếp nhận thành công {T} do {S} chuyển giao.",
                f"Sau {rng.randint(3, 12)} tháng triển khai, {S} đã hoàn thành chuyển giao {T} cho {R}.",
                f"Trong khuôn khổ hợp đồng hỗ trợ chuyên môn, các chuyên gia của {S} đã chuyển giao trọn gói {T} cho {R}.",
            )
        )
    elif status == "in_progress":
        lead = rng.choice(
            (
                f"Từ ngày {d}, {S} đang chuyển giao {T} cho {R}.",
                f"Các bác sĩ của {S} đang hướng dẫn, chuyển giao {T} cho đội ngũ y bác sĩ của {R}.",
            )
        )
    else:
        lead = rng.choice(
            (
                f"Theo kế hoạch năm {date[:4]}, {S} sẽ chuyển giao cho {R} {T}.",
                f"Ngày {d}, {S} và {R} thống nhất kế hoạch chuyển giao {T} trong thời gian tới.",
            )
        )
    draft.transfers(link, techs, status, date)
    paragraphs = [lead]
    if status == "done" and rng.random() < 0.5:
        paragraphs.append(
            f"Đây là lần đầu tiên {techs[0].name} được thực hiện thường quy tại {draft.hospital(r_h)}."
        )
    paragraphs += _filler(draft, link)
    if rng.random() < 0.4:
        director = draft.net.directors[r_h.id]
        who = draft.person(director, as_of=date, hospital_text=draft.hospital(r_h))
        paragraphs.append(
            f"Phát biểu tại buổi lễ, {who} cảm ơn sự hỗ trợ tận tình của {draft.hospital(s_h)}."
        )
    return title, paragraphs


def contract(draft: Draft, links: list[Link], date: str) -> Article:
    """A signed support contract between one upper-level hospital and one to three lower ones."""
    rng = draft.rng
    s_h = links[0].supporter
    receivers = [link.receiver for link in links]
    program = links[0].program_1816
    title = rng.choice(
        (
            "{S} ký kết hợp đồng hỗ trợ chuyên môn với {R}",
            "Ký kết hỗ trợ chuyên môn giữa {S} và {R}",
        )
    ).format(S=draft.headline(s_h), R=join([draft.headline(r) for r in receivers]))
    S = draft.hospital(s_h)
    named = [draft.hospital(r) for r in receivers]
    Rs = join(named)
    d = vn_date(date, rng)
    y = int(date[:4])
    under = f", thực hiện {draft.program_1816(rng.random() < 0.5)}" if program else ""
    leads = [
        f"Ngày {d}, {S} đã ký kết hợp đồng hỗ trợ chuyên môn với {Rs} giai đoạn {y} - {y + 2}{under}."
    ]
    if len(receivers) == 1:  # "A, B và C đã ký" would not say who supports whom
        leads.append(
            f"Sáng {d}, {S} và {Rs} đã tổ chức lễ ký kết hợp đồng hỗ trợ chuyên môn, chuyển giao kỹ thuật{under}."
        )
    paragraphs = [rng.choice(leads)]
    # One contract per receiver, all signed the same day (the upper hospital signs each).
    agreements = {}
    for r in receivers:
        agreements[r.id] = draft.facts.node(
            "Agreement",
            _agreement_id(s_h.id, r.id, date),
            title=f"Hợp đồng hỗ trợ chuyên môn giữa {s_h.name} và {r.name}",
            date=date,
            kind="support_contract",
        )
        draft.facts.relationship("PARTY_TO", s_h.id, agreements[r.id], role="supporter")
        draft.facts.relationship("PARTY_TO", r.id, agreements[r.id], role="supported")
        if program:
            draft.facts.relationship("UNDER", agreements[r.id], PROGRAM_1816)
    if rng.random() < 0.75:
        signers = []
        for h in [s_h] + receivers:
            person = draft.net.directors[h.id]
            signers.append(draft.person(person, as_of=date, inverted=False))
            for r_id, agreement in agreements.items():
                if h.id in (s_h.id, r_id):
                    draft.facts.relationship("SIGNED_BY", agreement, person.id, on_behalf_of=h.id)
        paragraphs.append(
            rng.choice(
                ("Đại diện ký kết gồm {}.", "Thay mặt các bên, {} đã ký kết hợp đồng.")
            ).format("; ".join(signers) if len(signers) > 2 else join(signers))
        )
    for link in links:
        R = draft.hospital(link.receiver)
        kinds = ("training", "consultation")
        if rng.random() < 0.5:
            T = draft.techniques(link.techniques)
            paragraphs.append(
                rng.choice(
                    (
                        f"Theo nội dung hợp đồng, {draft.hospital(s_h)} sẽ cử bác sĩ về đào tạo tại chỗ, hội chẩn từ xa và chuyển giao cho {R} {T}.",
                        f"Theo đó, {draft.hospital(s_h)} sẽ hỗ trợ {R} đào tạo nhân lực, hội chẩn và chuyển giao {T}.",
                    )
                )
            )
            draft.transfers(link, link.techniques, "planned", date)
        else:
            paragraphs.append(
                rng.choice(
                    (
                        f"Theo đó, {draft.hospital(s_h)} sẽ hỗ trợ {R} đào tạo nhân lực và hội chẩn các ca bệnh khó.",
                        f"{draft.hospital(s_h)} cam kết hỗ trợ {R} về đào tạo, hội chẩn chuyên môn trong suốt thời gian thực hiện hợp đồng.",
                    )
                )
            )
        draft.supports(link, *kinds, program=program, since=date)
    paragraphs += _filler(draft, links[0], technical=False)
    return title, paragraphs


def _agreement_id(supporter: str, receiver: str, date: str) -> str:
    """SCHEMA: two agreements are the same when their parties and date are."""
    return make_id("Agreement", " ".join(sorted([supporter, receiver])) + " " + date)


def rotation(draft: Draft, link: Link, date: str) -> Article:
    """Đề án 1816: doctors rotated down to a lower-level hospital, sometimes teaching techniques."""
    rng, s_h, r_h = draft.rng, link.supporter, link.receiver
    title = rng.choice(
        ("{S} cử bác sĩ luân phiên về {R}", "Bác sĩ tuyến trên về hỗ trợ {R}")
    ).format(S=draft.headline(s_h), R=draft.headline(r_h))
    S, R = draft.hospital(s_h), draft.hospital(r_h)
    program = draft.program_1816(rng.random() < 0.6)
    k, m = rng.randint(2, 8), rng.randint(1, 6)
    paragraphs = [
        rng.choice(
            (
                f"Thực hiện {program}, {S} đã cử {k} bác sĩ về hỗ trợ chuyên môn cho {R} trong thời gian {m} tháng.",
                f"Theo {program}, từ ngày {vn_date(date, rng)}, {S} cử kíp bác sĩ luân phiên về {R} để khám, chữa bệnh và đào tạo tại chỗ.",
                f"{S} vừa tổ chức tiễn đoàn cán bộ luân phiên xuống hỗ trợ {R} theo {program}.",
            )
        )
    ]
    draft.supports(link, "training", program=True, since=date)
    if rng.random() < 0.5:
        techs = link.techniques[: rng.randint(1, len(link.techniques))]
        paragraphs.append(
            f"Trong đợt luân phiên, các bác sĩ của {draft.hospital(s_h)} đã chuyển giao {draft.techniques(techs)} cho {draft.hospital(r_h)}."
        )
        draft.transfers(link, techs, "done", date)
    paragraphs += _filler(draft, link)
    return title, paragraphs


def referral(draft: Draft, link: Link, date: str) -> Article:
    """Patients referred upward, and the support that cut the number."""
    rng, s_h, r_h = draft.rng, link.supporter, link.receiver
    title = rng.choice(
        (
            "Giảm chuyển tuyến nhờ hỗ trợ chuyên môn",
            "{R}: người bệnh được điều trị ngay tại địa phương",
        )
    ).format(R=draft.headline(r_h))
    R, S = draft.hospital(r_h), draft.hospital(s_h)
    y = date[:4]
    paragraphs = [
        rng.choice(
            (
                f"Năm {y}, {R} đã chuyển {rng.randint(50, 900)} người bệnh nặng lên {S} điều trị.",
                f"Phần lớn ca bệnh vượt khả năng của {R} được chuyển tuyến lên {S}.",
                f"{S} là nơi tiếp nhận người bệnh nặng do {R} chuyển tới.",
            )
        )
    ]
    draft.facts.relationship("REFERS_TO", r_h.id, s_h.id, since=y)
    if rng.random() < 0.7:
        paragraphs.append(
            f"Nhờ sự hỗ trợ chuyên môn của {draft.hospital(s_h)}, số ca phải chuyển tuyến từ {draft.hospital(r_h)} đã giảm {rng.randint(10, 60)}%."
        )
        draft.supports(link)
    paragraphs += _filler(draft, link, technical=False)
    return title, paragraphs


def province_team(draft: Draft, link: Link, date: str) -> Article:
    """A central hospital's team sent to a province (SCHEMA: SUPPORTS points at the 2025 Province)."""
    rng, s_h = draft.rng, link.supporter
    province = link.receiver.province
    named = rng.choice(province.legacy_names) if rng.random() < 0.6 else province.name
    place = (
        "TP.HCM"
        if named == "Thành phố Hồ Chí Minh"
        else f"thành phố {named}"
        if named in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
        else f"tỉnh {named}"
    )
    event = rng.choice(_EVENTS)
    title = f"{draft.headline(s_h)} hỗ trợ {place} {event}"
    S = draft.hospital(s_h)
    paragraphs = [
        rng.choice(
            (
                f"Ngày {vn_date(date, rng)}, {S} đã cử đoàn gồm {rng.randint(5, 40)} y, bác sĩ hỗ trợ {place} {event}.",
                f"Đáp ứng đề nghị của địa phương, {S} cử đội phản ứng nhanh lên hỗ trợ {place} {event}.",
            )
        )
    ]
    draft.facts.relationship(
        "SUPPORTS", s_h.id, draft.province_node(province), kinds=["epidemic_response"], since=date
    )
    paragraphs.append(
        rng.choice(
            (
                f"Trong {rng.randint(3, 20)} ngày, đoàn đã khám, tư vấn cho hơn {rng.randint(200, 3000)} lượt người dân.",
                "Đoàn mang theo thuốc, vật tư y tế và trang thiết bị cần thiết.",
                f"Các bác sĩ đã cùng y tế địa phương điều trị cho {rng.randint(20, 400)} người bệnh nặng.",
            )
        )
    )
    return title, paragraphs


def appointment(draft: Draft, link: Link, date: str) -> Article:
    """A new director announced by the health department (or the ministry, for a central hospital)."""
    rng, h = draft.rng, link.receiver
    director, deputy = draft.net.directors[h.id], draft.net.deputies[h.id]
    p = h.province
    if h.level == "central":
        org_name, org_kind, org_text = "Bộ Y tế", "ministry", "Bộ Y tế"
    else:
        org_name = f"Sở Y tế {p.name}"
        org_kind = "health_department"
        org_text = "Sở Y tế TP.HCM" if p.name == "Thành phố Hồ Chí Minh" else org_name
    draft.facts.node(
        "Organization", make_id("Organization", org_name), name=org_name, kind=org_kind
    )
    title = f"Bổ nhiệm Giám đốc {draft.headline(h)}"
    H = draft.hospital(h)
    draft.facts.node("Person", director.id, name=director.name, titles=director.title_tokens)
    draft.facts.relationship("HOLDS_POSITION", director.id, h.id, title="Giám đốc", as_of=date)
    paragraphs = [
        rng.choice(
            (
                f"Ngày {vn_date(date, rng)}, {org_text} tổ chức công bố quyết định bổ nhiệm {director.titles} {director.name} giữ chức Giám đốc {H}.",
                f"{org_text} vừa trao quyết định bổ nhiệm {director.titles} {director.name} làm Giám đốc {H}, thời hạn 5 năm.",
            )
        )
    ]
    if rng.random() < 0.5:
        paragraphs.append(
            f"Trước khi được bổ nhiệm, {director.titles} {director.name} có nhiều năm công tác trong ngành y tế và từng tham gia các đợt hỗ trợ tuyến dưới."
        )
    if rng.random() < 0.5:
        paragraphs.append(
            f"Cũng tại buổi lễ, {draft.person(deputy, as_of=date)}, được giao phụ trách công tác chỉ đạo tuyến."
        )
    return title, paragraphs


STORIES = {
    "transfer": transfer,
    "rotation": rotation,
    "referral": referral,
    "province_team": province_team,
    "appointment": appointment,
}
WEIGHTS = {
    "transfer": 30,
    "contract": 22,
    "rotation": 14,
    "referral": 14,
    "province_team": 6,
    "appointment": 14,
}
