"""The units a sentence refers to without naming them: plural references ("hai bệnh viện", "các đơn vị
trên") standing for the units listed before or after, and the story's own province ("ngành y tế tỉnh").
"""

from __future__ import annotations

import re
from collections import Counter

from hospnet.extract.clauses import Item, _list_from
from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.lexicon import read_place
from hospnet.extract.mentions import Mention
from hospnet.places import ProvinceMatch, match_province

_NUMBER = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "two": 2,
    "three": 3,
    "four": 4,
}
_PLURAL = re.compile(
    r"(?<![\w])(?:(?:cả\s+)?(?P<n>hai|ba|bốn|năm|sáu|bảy|tám|\d)\s+(?:bệnh viện|đơn vị|cơ sở|trung tâm)(?:\s+y tế)?"
    r"(?:\s+(?:này|trên|nói trên))?|(?:các|những)\s+(?:bệnh viện|đơn vị|cơ sở|trung tâm)(?:\s+y tế)?\s+(?:này|trên|nói trên)"
    r"|(?:both|the (?P<en>two|three|four)) hospitals)(?![\w])(?!\s+(?:địa bàn|cả nước|toàn quốc))",
    re.IGNORECASE,
)

# "các địa phương trên", "ba tỉnh", "the three provinces": the provinces listed before.
_PLURAL_PROVINCES = re.compile(
    r"(?<![\w])(?:(?:cả\s+)?(?P<n>hai|ba|bốn|năm|sáu|bảy|tám|\d)\s+(?:tỉnh|địa phương|tỉnh, thành)(?:\s+(?:này|trên|nói trên|đó))?"
    r"|(?:các|những)\s+(?:tỉnh|địa phương|tỉnh, thành)\s+(?:này|trên|nói trên|đó)"
    r"|(?:these|the (?P<en>two|three|four)) provinces)(?![\w])(?!\s+(?:địa bàn|cả nước|toàn quốc))",
    re.IGNORECASE,
)


# "cán bộ y tế của tỉnh", "ngành y tế tỉnh", "hỗ trợ tỉnh này": the province the story is about, unnamed.
_THE_PROVINCE = re.compile(
    r"(?<![\w])(?:(?:ngành y tế|y tế|cán bộ y tế|nhân viên y tế|bác sĩ|đồng nghiệp|người dân)\s+(?:của\s+|tại\s+)?tỉnh"
    r"(?:\s+nhà)?"
    # "cam kết hỗ trợ tỉnh": the province right after a support word (the word stays a trigger)
    r"|(?:(?<=hỗ trợ )|(?<=chi viện )|(?<=giúp đỡ )|(?<=giúp )|(?<=đồng hành cùng ))tỉnh"
    # "khi tỉnh được đón nhận những hỗ trợ từ X": the bare province as the subject of receiving
    r"|(?<=khi )tỉnh(?=\s+(?:đã\s+)?(?:được|nhận|đón nhận|tiếp nhận))"
    r"|(?:(?<=cho )|(?<=tại ))tỉnh)(?![\w])(?!\s+[A-ZĐ])"
)


# What leads from a plural to the list it announces: "(tại TP.HCM) là", "gồm", ":".
# "bốn bệnh viện tuyến cuối hỗ trợ, gồm: A, phụ trách X; B, …": a list whose items carry their own
# description may stand after the clause's verb and a comma.
_FEW_WORDS = r"^(?:(?!\.\s)[^,;:]){0,25}?"
_FORWARD_DESCRIBED = re.compile(_FEW_WORDS + r",\s*(?:gồm|bao gồm)\s*:\s*$", re.IGNORECASE)
_FORWARD = re.compile(
    _FEW_WORDS + r"(?:\s(?:là|gồm|bao gồm|including|namely)\s*|\s*:\s*)$",
    re.IGNORECASE,
)


def plural_references(
    unit: SentenceMentions, lists: list[list[Mention]], named: list[Mention] | None = None
) -> list[tuple[int, int, list[Mention]]]:
    """ "hai bệnh viện", "các đơn vị trên": the units of the latest list of that size named before;
    "ba bệnh viện tại TP.HCM là A, B và C", "4 bệnh viện: A, B": the list right after."""
    out = []
    text, base = unit.sentence.text, unit.sentence.start
    spans = [(m.start, m.end) for m in unit.mentions]
    found_plurals = [(m, "Hospital") for m in _PLURAL.finditer(text)] + [
        (m, "Province") for m in _PLURAL_PROVINCES.finditer(text)
    ]
    for m, label in found_plurals:
        if any(s <= base + m.start() < e for s, e in spans):
            continue  # "UBND ba tỉnh": inside a name
        of_label = [ls for ls in lists if ls[0].label == label]
        n = _NUMBER.get((m.group("n") or m.group("en") or "").lower()) or (
            int(m.group("n")) if (m.group("n") or "").isdigit() else None
        )
        start, end = base + m.start(), base + m.end()
        ahead = next(
            (
                ls
                for ls in of_label
                if ls[0].start >= end
                and _announces(text[m.end() : ls[0].start - base], ls, text, base)
            ),
            None,
        )
        found = ahead or next(
            (
                ls
                for ls in reversed(of_label)
                if (n is None and len(ls) >= 2 or len(ls) == n) and ls[-1].end <= start
            ),
            None,
        )
        if found and not ahead and n is None and _group_between(text, base, found[-1].end, start):
            found = None  # "xây dựng mạng lưới 20 bệnh viện vệ tinh … cho các bệnh viện này": the 20, unnamed
        if not found and n and named:
            found = _of_specialty(text[m.end() :], n, [h for h in named if h.end <= start])
        if ahead:
            end = ahead[0].start  # "3 đơn vị của tỉnh Yên Bái là": the heading runs up to its list
        out.append((start, end, list(found) if found else []))
    return out


def _announces(between: str, listed: list[Mention], text: str, base: int) -> bool:
    """Whether the words between a plural and the list after it lead to that list."""
    if _FORWARD.match(between):
        return True
    # after a comma, only a list whose items carry their own description (a ";" between its items)
    return (
        bool(_FORWARD_DESCRIBED.match(between))
        and ";" in text[listed[0].end - base : listed[1].start - base]
    )


# "hai bệnh viện phụ sản": a plural named by the specialty of the units it stands for.
_SPECIALTY_AFTER = {
    "phụ sản": "sản phụ khoa",
    "sản": "sản phụ khoa",
    "nhi": "nhi",
    "ung bướu": "ung bướu",
    "mắt": "mắt",
    "da liễu": "da liễu",
    "tâm thần": "tâm thần",
    "phổi": "hô hấp",
    "lao": "hô hấp",
    "y học cổ truyền": "y học cổ truyền",
}
_SPECIALTY_RX = re.compile(
    r"^\s+(?P<spec>" + "|".join(sorted(_SPECIALTY_AFTER, key=len, reverse=True)) + r")(?![\w])"
)


def _of_specialty(after: str, n: int, named: list[Mention]) -> list[Mention] | None:
    """The `n` hospitals of that specialty the story named before, when it named exactly `n`."""
    spec = _SPECIALTY_RX.match(after)
    if spec is None:
        return None
    wanted = _SPECIALTY_AFTER[spec.group("spec")]
    first: dict[str, Mention] = {}
    for h in named:
        if h.label == "Hospital" and h.name and wanted in h.props.get("specialties", ()):
            first.setdefault(h.name, h)
    return list(first.values()) if len(first) == n else None


# A group counted but not listed ("20 bệnh viện vệ tinh", "nhiều đơn vị"): what "các bệnh viện này" after it means.
_COUNTED_GROUP = re.compile(
    r"(?<![\w])(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|hàng chục|hàng trăm)\s+"
    r"(?:bệnh viện|đơn vị|cơ sở|trung tâm)(?![\w])",
    re.IGNORECASE,
)


def _group_between(text: str, base: int, after: int, before: int) -> bool:
    """Whether the sentence counts a group of units between a list and a plural (a list of that group
    would be the latest list, and would end after the group)."""
    return bool(_COUNTED_GROUP.search(text, max(0, after - base), max(0, before - base)))


# "các cơ sở y tế tuyến huyện và tuyến xã trên địa bàn huyện Ba Vì": a district's unnamed health
# facilities; support to them is support to the district's province (SCHEMA: no receiving hospital named).
_DISTRICT_FACILITIES = re.compile(
    r"(?<![\w])(?:[Cc]ác|[Nn]hững)\s+(?:cơ sở|đơn vị|trạm)\s+y tế[^,.;:()]{0,40}?\s"
    r"(?:trên địa bàn|của|tại|ở|thuộc)\s+(?:huyện|quận|thị xã)\s+(?=[A-ZĐ])"
)


def the_district_facilities(unit: SentenceMentions) -> list[tuple[int, int, list[Mention]]]:
    """The province of a district whose unnamed health facilities a sentence names."""
    text, base = unit.sentence.text, unit.sentence.start
    out = []
    for m in _DISTRICT_FACILITIES.finditer(text):
        place = read_place(text[m.end() :], prefer="district")
        if place is None or place.kind != "district" or place.district is None:
            continue
        end = base + m.end() + place.length
        province = place.district.province.name
        out.append(
            (
                base + m.start(),
                end,
                [
                    Mention(
                        "Province",
                        province,
                        base + m.start(),
                        end,
                        text[m.start() : end - base],
                        {"prefixed": True, "unnamed": True},
                    )
                ],
            )
        )
    return out


def the_province(
    unit: SentenceMentions, found: ProvinceMatch | None
) -> list[tuple[int, int, list[Mention]]]:
    """The unnamed province of "cán bộ y tế của tỉnh": `found`, the document's (`the_tinh`)."""
    if found is None:
        return []
    base = unit.sentence.start
    return [
        (
            base + m.start(),
            base + m.end(),
            [
                Mention(
                    "Province",
                    found.province.name,
                    base + m.start(),
                    base + m.end(),
                    m.group(0),
                    {"prefixed": True, "unnamed": True},
                )
            ],
        )
        for m in _THE_PROVINCE.finditer(unit.sentence.text)
    ]


# "ra làm việc tại trung tâm": the story's health centre, unnamed (a "Trung tâm ..." name is no reference).
_THE_CENTRE = re.compile(
    r"(?<![\w])(?:(?<=tại )|(?<=cho )|(?<=về )|(?<=của )|(?<=với ))trung tâm(?![\w])"
    r"(?!\s+(?:[A-ZĐ]|y tế|đào tạo|hỗ trợ|tư vấn|kiểm soát|điều hành|chỉ đạo))"
)


def the_centre(
    unit: SentenceMentions, ctx: DocumentContext
) -> list[tuple[int, int, list[Mention]]]:
    """ "bác sĩ ra làm việc tại trung tâm": the story's most talked-of health centre ("Trung tâm Y tế …")."""
    found = list(_THE_CENTRE.finditer(unit.sentence.text))
    if not found:
        return []
    centre = next(
        (m for m in ctx.hospitals_by_salience() if m.name.startswith("Trung tâm Y tế")), None
    )
    if centre is None:
        return []
    base = unit.sentence.start
    # a copy marked unnamed: "các y bác sĩ của trung tâm" are the receiving side, never a giver
    centre = Mention(
        centre.label,
        centre.name,
        centre.start,
        centre.end,
        centre.surface,
        {**centre.props, "unnamed": True},
    )
    return [(base + m.start(), base + m.end(), [centre]) for m in found]


# "các chuyên gia của bệnh viện", "the hospital's advisory team": the staff of the hospital just spoken
# of, unnamed (a "bệnh viện" with a name, a level word or a demonstrative after it is no reference).
_THE_HOSPITAL = re.compile(
    r"(?<![\w])[Cc]ủa bệnh viện(?![\w])"
    r"(?!\s*(?:[A-ZĐ0-9]|tuyến|tỉnh|huyện|thị xã|thành phố|quận|vệ tinh|hạt nhân|đa khoa|chuyên khoa|trung ương|"
    r"này|đó|ấy|trên|bạn|khác|công lập|tư nhân|dã chiến))"
    r"|(?<![\w])[Tt]he hospital's"
    r"(?=\s+(?:[\w-]+\s+){0,2}(?:team|teams|doctors|experts|specialists|staff|surgeons)\b)"
)
_STAFF_BEFORE = re.compile(
    r"(?:chuyên gia|bác sĩ|điều dưỡng|y bác sĩ|y, bác sĩ|ê-kíp|ê kíp|kíp|đội ngũ|cán bộ|thầy thuốc|hội đồng)"
    r"[^,;.()]{0,30}$",
    re.IGNORECASE,
)
# A hospital named as the agent ("được Bệnh viện X hỗ trợ", "nhờ các bác sĩ Bệnh viện X") is the other side.
_ATTRIBUTION = re.compile(r"(?:^|\s)(?:[Tt]heo(?: thông tin (?:từ|của))?|[Tt]hông tin từ)\s+$")
_AGENT_BEFORE = re.compile(
    # ("Theo thông tin từ Bệnh viện X": where the news came from, not who acted)
    r"(?<![\w])(?:được|nhờ|do|bởi|(?<!thông tin )từ|với|by|from|with)\s+(?:(?:các|những|the)\s+)?(?:[^\s,;.]+\s+){0,3}$",
    re.IGNORECASE,
)


def the_hospital(
    unit: SentenceMentions, named: list[Mention], ctx: DocumentContext
) -> list[tuple[int, int, list[Mention]]]:
    """ "các ê-kíp của bệnh viện", "the hospital's team": the hospital named last before it (`named`: the
    mentions so far, in order) in the three sentences before, when this sentence names none before it
    but as an agent ("được Bệnh viện X hỗ trợ, các ê-kíp của bệnh viện ...")."""
    text, base = unit.sentence.text, unit.sentence.start
    found = [
        m
        for m in _THE_HOSPITAL.finditer(text)
        if m.group(0)[0] in "Tt" or _STAFF_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    ]
    if not found:
        return []
    index = next(i for i, u in enumerate(ctx.units) if u.sentence.start == base)
    since = ctx.units[max(0, index - 3)].sentence.start
    out = []
    for m in found:
        start = base + m.start()
        earlier = [
            h for h in named if h.label == "Hospital" and since <= h.start and h.end <= start
        ]
        hospital = next(
            (
                h
                for h in reversed(earlier)
                if h.start < base
                or not _AGENT_BEFORE.search(text[max(0, h.start - base - 40) : h.start - base])
            ),
            None,
        )
        # "X đã cử 5 bác sĩ của bệnh viện": X itself, read already; the reference adds nothing, unless
        # X only says where the news came from ("Theo thông tin từ X, các bác sĩ của bệnh viện …")
        if hospital is not None and (
            hospital.start < base
            or _ATTRIBUTION.search(text[max(0, hospital.start - base - 30) : hospital.start - base])
        ):
            # a copy where the reference stands, so what is read around a unit is read around it
            here = Mention(
                hospital.label,
                hospital.name,
                start,
                base + m.end(),
                m.group(0),
                dict(hospital.props),
            )
            out.append((start, base + m.end(), [here]))
    return out


# "phía bệnh viện Hàn Quốc", "phía bạn": the story's foreign hospital, unnamed.
_THE_FOREIGN = re.compile(
    r"(?<![\w])(?:phía\s+(?:bệnh viện\s+)?(?:bạn|Hàn Quốc|Nhật Bản|Australia|Úc|Mỹ|Hoa Kỳ|Pháp|Đức|Thái Lan|"
    r"Singapore|nước ngoài)|bệnh viện\s+(?:Hàn Quốc|Nhật Bản|Australia|Úc|Mỹ|Hoa Kỳ|Pháp|Đức|Thái Lan|Singapore))"
    r"(?![\w])"
)


def the_foreign(
    unit: SentenceMentions, ctx: DocumentContext
) -> list[tuple[int, int, list[Mention]]]:
    """ "phía bệnh viện Hàn Quốc sẽ đồng hành cùng tỉnh": the story's one foreign hospital (no province)."""
    found = list(_THE_FOREIGN.finditer(unit.sentence.text))
    if not found:
        return []
    foreign = {
        m.name: m
        for m in ctx.hospitals_by_salience()
        if m.props.get("level") == "other" and not m.props.get("province")
    }
    if len(foreign) != 1:
        return []
    (hospital,) = foreign.values()
    base = unit.sentence.start
    return [(base + m.start(), base + m.end(), [hospital]) for m in found]


def the_tinh(ctx: DocumentContext) -> ProvinceMatch | None:
    """The document's province, or, when that is a centrally-run city (never a "tỉnh"), the province
    it names most often after it ("Kon Tum cách Huế 400 km" in a story told from Huế)."""
    found = match_province(ctx.hint) if ctx.hint else None
    if found is None or not found.is_city:
        return found
    counts: Counter = Counter()
    for unit in ctx.units:
        for m in unit.mentions:
            if m.label == "Province" and not m.props.get("in_parens"):
                other = match_province(m.props.get("legacy_province") or m.name)
                if other is not None and not other.is_city:
                    counts[other.legacy] += 1
    return match_province(counts.most_common(1)[0][0]) if counts else None


def listed_units(items: list[Item], unit: SentenceMentions) -> list[list[Mention]]:
    """The coordinated lists of two or more hospitals, or of two or more provinces, in a sentence."""
    return (
        _listed(items, unit, "Hospital")
        + _listed(items, unit, "Province")
        + _described_list(items, unit)
    )


# Between two items of a list whose items carry their own description: "gồm: BV Nhân dân 115, phụ
# trách đột quỵ; BV Từ Dũ, phụ trách sản phụ khoa; và BV Nhi đồng 1, …".
_DESCRIBED_NEXT = re.compile(r"^,[^;.]{1,100};\s*(?:và\s+)?$")


def _described_list(items: list[Item], unit: SentenceMentions) -> list[list[Mention]]:
    """Hospitals each followed by a comma, what it does and a semicolon: one list."""
    text, base = unit.sentence.text, unit.sentence.start
    hospitals = [
        i.mention for i in items if i.mention is not None and i.mention.label == "Hospital"
    ]
    out: list[list[Mention]] = []
    run: list[Mention] = hospitals[:1]
    for prev, nxt in zip(hospitals, hospitals[1:]):
        if _DESCRIBED_NEXT.match(text[prev.end - base : nxt.start - base]):
            run.append(nxt)
            continue
        if len({m.name for m in run}) >= 2:
            out.append(run)
        run = [nxt]
    if len({m.name for m in run}) >= 2:
        out.append(run)
    return out


def _listed(items: list[Item], unit: SentenceMentions, label: str) -> list[list[Mention]]:
    out, j = [], 0
    hospitals = [i for i in items if i.mention is not None and i.mention.label == label]
    while j < len(hospitals):
        units, last = _list_from(hospitals, j, (label,), unit.sentence.text, unit.sentence.start)
        if len({u.name for u in units}) >= 2:
            out.append(units)
        j = last + 1
    return out
