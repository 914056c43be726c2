"""Technique mentions: the vocabulary by specialty, and the items of a transfer list.

>>> [(m.name, m.props["specialty"]) for m in find_techniques("kỹ thuật nội soi phế quản ống mềm và lọc màng bụng", 0)]
[('nội soi phế quản ống mềm', 'hô hấp'), ('lọc màng bụng', 'thận')]
>>> [m.name for m in list_techniques("gồm: ghép tủy tự thân; phẫu thuật nội soi cắt khối tá tụy tại Khoa Ngoại", 0)]
['ghép tủy tự thân', 'phẫu thuật nội soi cắt khối tá tụy']
"""

from __future__ import annotations

import functools
import re

from hospnet.extract import gazetteers
from hospnet.extract.mentions import Mention, distinct
from hospnet.extract.phrases import PhraseMatcher, scan

# Words a named procedure starts with (after "kỹ thuật"), for items the vocabulary lacks.
_HEADS = (
    "nội soi",
    "phẫu thuật",
    "mổ",
    "can thiệp",
    "ghép",
    "lọc",
    "thay",
    "đặt",
    "chụp",
    "siêu âm",
    "cấy",
    "sinh thiết",
    "tán sỏi",
    "nút mạch",
    "đốt sóng",
    "xạ trị",
    "hóa trị",
    "chọc",
    "dẫn lưu",
    "cắt",
    "nong",
    "bơm",
    "điều trị bằng",
    "tiêm",
    "hồi sức",
    "kết hợp xương",
    "vi phẫu",
    "gây mê",
    "gây tê",
    "lấy huyết khối",
    "tạo hình",
    "thụ tinh",
    "nối",
    "laparoscopic",
    "endoscopic",
    "transplant",
    "kidney",
    "liver",
    "coronary",
    "percutaneous",
)
_SPECIALTY_HINTS = (
    ("tim mạch", ("tim", "mạch vành", "van động mạch", "tạo nhịp", "coronary", "cardiac", "heart")),
    ("thận", ("thận", "lọc máu", "màng bụng", "kidney", "dialysis")),
    ("hô hấp", ("phế quản", "phổi", "màng phổi", "lung", "bronch")),
    ("tiêu hóa", ("tiêu hóa", "dạ dày", "đại tràng", "gan", "mật", "tụy", "thực quản")),
    ("thần kinh", ("não", "đột quỵ", "thần kinh", "cột sống", "stroke")),
    ("sản phụ khoa", ("tử cung", "buồng trứng", "thai", "sản", "phụ khoa")),
    ("chấn thương chỉnh hình", ("khớp", "xương", "dây chằng")),
    ("ung bướu", ("ung thư", "khối u", "u ", "xạ", "hóa trị")),
    ("huyết học", ("tủy", "máu", "tế bào gốc")),
    ("mắt", ("mắt", "giác mạc", "võng mạc", "phaco")),
)
_ITEM_SPLIT = re.compile(r"\s*(?:;|,|\bvà\b|\band\b|\n|:|\.\.\.|…)\s*")
_ITEM_LEAD = re.compile(
    r"^(?:(?:các|những|gói|kỹ thuật|kĩ thuật|gồm|như|là|bao gồm|thêm|mới|chuyên sâu|trong đó có|"
    r"technique[s]?|procedure[s]?|of|the|two|three|four|\d+|hai|ba|bốn|năm)\s+)+",
    re.I,
)
_QUALIFIER = re.compile(r"(?:trong|ở|cho|tại|trên|vào|for|in|at|on)(?![\w])", re.I)
# Lower case only: "Đại Từ", "Cho Đồn" are places, and a place ends no technique's name.
_ITEM_TAIL = re.compile(
    r"\s+(?:tại|cho|ở|dành cho|từ|với|về|nhờ|giữa|góp phần|giúp|nhằm|để|ngay|(?:các|những)\s+(?:bệnh|ca|trường hợp|người)"
    # "… hiện đại trên 8 trường hợp bệnh", "… thanh quản giai đoạn T1": praise, a case count and a stage end the name
    r"|hiện đại|tiên tiến|giai đoạn|trên\s+\d+|to|at|for|in)(?:\s.*)?$"
)
# A procedure named right after a unit word is the unit's name ("Trung tâm Hỗ trợ sinh sản", "khu xạ trị").
_UNIT_BEFORE = re.compile(
    r"(?<![\w])(?:trung tâm|khoa|khu|đơn vị|phòng|lĩnh vực|chuyên ngành|chuyên khoa|ngành)\s+$",
    re.I,
)
# A list announced as fields ("các chuyên môn gồm: …", "những lĩnh vực then chốt gồm: …") names no procedures.
# ("… kỹ thuật thuộc lĩnh vực tim mạch can thiệp, gồm: …" lists procedures: the field is not what is counted.)
_FIELD_ANNOUNCER = re.compile(
    r"(?<![\w])(?:các|những|nhiều|\d+)\s+(?:chuyên môn|lĩnh vực|chuyên ngành|chuyên khoa)(?![\w])",
    re.I,
)
# Words that close a list ("…, siêu âm tim cùng các chuyên ngành tim mạch, hồi sức"): nothing after is an item.
_LIST_END = re.compile(r"\s+(?:cùng|cũng như|đến việc)\s", re.I)
_PARENTHESIS = re.compile(r"\([^()]*\)")
_AND_NEXT = re.compile(r"\s+và\s+")
_CLAUSE_END = re.compile(r"[.;:]|\s(?:cho|tại|để|nhằm|đồng thời|nhờ|với)\s", re.I)
# Items after "kỹ thuật … như/gồm" need no procedure head, unless they name a field (SCHEMA: fields are no techniques)
# ("các kỹ thuật xét nghiệm như …"; not "các gói kỹ thuật và đào tạo, gồm …", whose items mix training topics).
_ANNOUNCED_BY_TECHNIQUE = re.compile(
    r"(?:kỹ thuật|kĩ thuật)(?:\s+(?!và\b|đào\b)[^\s,;:]+){0,4}\s*$", re.I
)
_FIELDS = (
    "chẩn đoán",
    "thăm dò chức năng",
    "phục hồi chức năng",
    "cấp cứu",
    "đào tạo",
    "điều trị",
    "hồi sức",
    "chăm sóc",
    "khám",
    "tư vấn",
    "quản lý",
    "gây mê",
)
# A procedure named right after these words is what a topic is about, not a procedure done: "phân tích
# kết quả chụp cộng hưởng từ", "chăm sóc người bệnh trước và sau mổ chấn thương sọ não"; a topic: "vệ tinh về
# châm cứu" (but "về kỹ thuật X" names X); equipment for it: "10 máy điện châm", "bộ dụng cụ nội soi".
_OBJECT_OF = re.compile(
    r"(?<![\w])(?:kết quả|sau|trước|theo dõi|phân tích|đọc|về|máy|kim|dụng cụ|thiết bị)\s+$", re.I
)
# "khám, chữa bệnh bằng châm cứu": a way of caring named, not a procedure done.
_CARE_BY = re.compile(r"(?<![\w])(?:chữa bệnh|chăm sóc sức khỏe)\s+bằng\s+$", re.I)
_PLURAL_TECHNIQUES = re.compile(r"(?<![\w])(?:các|những)\s+(?:kỹ|kĩ)\s+thuật\s+(?!như|gồm|:)", re.I)
# What announces a list of procedures: "các kỹ thuật như", "hai ca phẫu thuật nội soi tại X:".
_ANNOUNCER = re.compile(
    r"(?<![\w])(?:kỹ thuật|kĩ thuật|thủ thuật|ca|techniques|procedures)(?![\w])", re.I
)


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern, dict[str, gazetteers.KnownTechnique]]:
    by_form: dict[str, gazetteers.KnownTechnique] = {}
    for t in gazetteers.techniques():
        for form in (t.name, *t.aliases):
            by_form.setdefault(form.lower(), t)
    alternation = "|".join(re.escape(s) for s in sorted(by_form, key=lambda s: (-len(s), s)))
    # An English name may be plural ("kidney transplants"): the "s" is read, the name is the singular.
    rx = rf"(?<![\w])(?P<form>{alternation})(?:(?<=[a-z])s)?(?![\w])"
    return re.compile(rx, re.IGNORECASE), by_form


@functools.lru_cache(maxsize=1)
def _vocabulary_starts() -> PhraseMatcher:
    """Where a vocabulary name may start: the long alternation is tried only there."""
    return PhraseMatcher(dict.fromkeys(_vocabulary()[1], True))


def technique_name(text: str) -> str:
    """Lower case except acronyms and proper nouns (SCHEMA: "ECMO", "Kangaroo")."""
    words = text.split()
    return " ".join(
        w if (sum(c.isupper() for c in w) > 1 or (i and w[:1].isupper())) else w.lower()
        for i, w in enumerate(words)
    )


def guess_specialty(name: str) -> str | None:
    low = name.lower()
    for specialty, hints in _SPECIALTY_HINTS:
        if any(h in low for h in hints):
            return specialty
    return None


def _fields_listed(text: str) -> tuple[int, int]:
    """Where a list announced as fields lies: from "gồm"/":" after "những lĩnh vực …" to the text's end, or,
    with no list word, the items right after it up to the clause's end ("trong các lĩnh vực xoa bóp, bấm
    huyệt, châm cứu và phục hồi chức năng"); an empty span if none."""
    field = _FIELD_ANNOUNCER.search(text)
    if not field:
        return len(text), len(text)
    start = _LIST_START.search(text, field.end())
    if start:
        return start.end(), len(text)
    end = _CLAUSE_END.search(text, field.end())
    return field.end(), end.start() if end else len(text)


def find_techniques(text: str, base: int) -> list[Mention]:
    """Techniques of the vocabulary named in a sentence starting at document offset `base`."""
    pattern, by_form = _vocabulary()
    out = []
    fields_from, fields_to = _fields_listed(text)
    for m in scan(pattern, text, _vocabulary_starts().starts(text)):
        if (
            _UNIT_BEFORE.search(text, max(0, m.start() - 14), m.start())
            or _OBJECT_OF.search(text, max(0, m.start() - 12), m.start())
            or _CARE_BY.search(text, max(0, m.start() - 20), m.start())
            or fields_from <= m.start() < fields_to
        ):
            continue
        form = m.group("form")
        t = by_form[form.lower()]
        # English names map to the Vietnamese one; a Vietnamese variant is kept as the text writes it.
        name = t.name if form.isascii() else technique_name(form)
        out.append(
            Mention(
                "Technique",
                name,
                base + m.start(),
                base + m.end(),
                m.group(0),
                {"specialty": t.specialty},
            )
        )
    return out


_LIST_START = re.compile(
    r"(?<![\w])(?:như|gồm|bao gồm|trong đó có|including|such as|namely)(?![\w])|:", re.I
)
_NAMED_AFTER = re.compile(r"(?<![\w])(?:kỹ thuật|kĩ thuật)[ ]+(?P<item>[^,;:.()\n]+)", re.I)
_ITEM_STOP = re.compile(
    r"\s+(?:do|được|cho|tại|ở|từ|với|sau|trong|của|đã|sẽ|vừa|đang|nhằm|giúp|giữa|góp phần|để)\s.*$"
)
# The disease a procedure treats: "cắt bè củng giác mạc điều trị glôcôm" names "cắt bè củng giác mạc".
_PURPOSE = re.compile(r"\s+(?:điều trị|chữa|treating|to treat|for the treatment of)\s", re.I)


def _names_a_technique(text: str) -> bool:
    """Whether "thuật" is in `text`, in any case: `_NAMED_AFTER` and `_PLURAL_TECHNIQUES` match nowhere
    else, so most sentences are not scanned (they are case-blind, and no letter of "thuật" has a case
    form that lower() keeps apart)."""
    return "thuật" in text.lower()


def named_techniques(text: str, base: int) -> list[Mention]:
    """Procedures written "kỹ thuật X" anywhere in a sentence (X up to a preposition or a comma)."""
    out: list[Mention] = []
    if not _names_a_technique(text):
        return out
    for m in _NAMED_AFTER.finditer(text):
        item = _ITEM_STOP.sub("", m.group("item")).strip()
        offset = text.find(item, m.start("item"))
        out.extend(list_techniques(item, base + offset, announced=False))
    return distinct(out)


def _without_purpose(item: str) -> str:
    """The procedure without the disease it treats, when the procedure is named on its own: a known
    technique or a head with at least two words of its own ("phẫu thuật Phaco điều trị đục thủy tinh
    thể" -> "phẫu thuật Phaco"); a bare head keeps its purpose ("nút mạch điều trị khối u")."""
    m = _PURPOSE.search(item)
    if not m:
        return item
    procedure = item[: m.start()]
    low = procedure.lower()
    if low in _vocabulary()[1] and low not in _HEADS:
        return procedure
    rest = low
    for _ in range(3):
        head = next((h for h in _HEADS if rest.startswith(h + " ") or rest == h), None)
        if head is None:
            break
        rest = rest[len(head) :].strip()
    return procedure if rest != low and len(rest.split()) >= 2 else item


def _shared_head(item: str, previous: str) -> str:
    """The head an elliptical item shares with the one before it: "phẫu thuật thay khớp háng, thay khớp gối"
    -> "phẫu thuật" (SOURCES: the head word of an elliptical list is restored)."""
    words, prev = item.lower().split(), previous.lower().split()
    if not words or any(
        item.lower().startswith(h + " ") for h in _HEADS if " " in h or h == "phẫu thuật"
    ):
        return ""
    if not any(item.lower().startswith(h + " ") for h in _HEADS):
        return _shared_stem(words, previous)
    for k in (1, 2, 3, 4):
        head = " ".join(prev[:k])
        if (
            len(prev) > k + 1
            and prev[k] == words[0]
            and any(head == h or head.startswith(h + " ") for h in _HEADS)
        ):
            return " ".join(previous.split()[:k])
    return ""


def _shared_stem(words: list[str], previous: str) -> str:
    """The procedure an elliptical item names a second site of: "phẫu thuật nội soi khớp vai và khớp gối"
    -> "phẫu thuật nội soi", "can thiệp động mạch vành và động mạch ngoại biên" -> "can thiệp". The item is
    short and starts with the word the previous item's site starts with, right after a procedure head."""
    prev = previous.split()
    if not 1 < len(words) <= 4 or len(prev) < 3:
        return ""
    low = [w.lower() for w in prev]
    for k in range(len(prev) - 1, 0, -1):
        head = " ".join(low[:k])
        if low[k] == words[0] and any(head == h or head.startswith(h + " ") for h in _HEADS):
            rest = head
            while rest:  # the whole stem is procedure heads ("phẫu thuật nội soi"), not a site
                h = next((h for h in _HEADS if rest == h or rest.startswith(h + " ")), None)
                if h is None:
                    return ""
                rest = rest[len(h) :].strip()
            return " ".join(prev[:k])
    return ""


def list_techniques(text: str, base: int, announced: bool = True) -> list[Mention]:
    """Procedures listed after a transfer trigger, read item by item (vocabulary first).

    When the text announces a list ("gồm", "như", ":"), only what follows is read.
    """
    out: list[Mention] = []
    list_start = _LIST_START.search(text) if announced else None
    headless = False
    if list_start:
        if _FIELD_ANNOUNCER.search(text, 0, list_start.start()):
            return []  # "… ở các chuyên môn gồm: …": fields, not procedures
        headless = bool(_ANNOUNCED_BY_TECHNIQUE.search(text[: list_start.start()]))
        base, text = base + list_start.end(), text[list_start.end() :]
    text = _PARENTHESIS.sub(
        lambda p: " " * len(p.group(0)), text
    )  # "khối u (gan, vú)": the aside lists no items
    end = _LIST_END.search(text)
    text = text[: end.start()] if end else text
    known = find_techniques(text, base)
    pos, previous, joined = 0, "", -1
    for piece in _ITEM_SPLIT.split(text):
        start = text.find(piece, pos)
        if start < 0 or not piece:
            continue
        pos = start + len(piece)
        item = _ITEM_TAIL.sub("", _ITEM_LEAD.sub("", piece.strip())).strip(" .\"'“”()")
        item = _without_purpose(item)
        item_start = base + start + piece.find(item) if item else base + start
        if joined >= 0 and any(item.lower().startswith(h + " ") for h in _HEADS):
            item = text[joined - base : item_start - base + len(item)]
            item_start = joined
        # A bare head joined by "và" to a headed item is one procedure: "chụp và can thiệp lấy huyết khối".
        joined = item_start if item.lower() in _HEADS and _AND_NEXT.match(text, pos) else -1
        if joined >= 0:
            continue
        shared = _shared_head(item, previous)
        previous = item if not shared else f"{shared} {item}"
        if shared:
            name = technique_name(previous)
            specialty = guess_specialty(name)
            out.append(
                Mention(
                    "Technique",
                    name,
                    item_start,
                    item_start + len(item),
                    item,
                    {"specialty": specialty} if specialty else {},
                )
            )
            continue
        hits = [k for k in known if item_start <= k.start < item_start + len(item) + 1]
        low = item.lower()
        words = item.split()
        rest = (
            item[hits[0].end - item_start :].strip()
            if hits and hits[0].start == item_start
            else None
        )
        if hits and (
            len(hits) > 1
            or hits[0].end - hits[0].start >= len(item) - 1
            or item.isascii()
            or (rest is not None and _QUALIFIER.match(rest))
        ):
            out.extend(hits)
            continue
        has_head = any(low.startswith(h) for h in _HEADS)
        if (
            low in _HEADS
            or not 2 <= len(words) <= 14
            or not (
                has_head or (headless and not low.startswith(_FIELDS) and _may_be_headless(words))
            )
        ):
            out.extend(hits)
            continue
        headless = headless and not has_head  # a headed item ends the run of headless ones
        name = technique_name(item)
        specialty = hits[0].props["specialty"] if hits else guess_specialty(name)
        props = {"specialty": specialty} if specialty else {}
        out.append(Mention("Technique", name, item_start, item_start + len(item), item, props))
    return distinct(out)


# A headless item that starts with a preposition or names a place is no procedure: "kỹ thuật cao: từ
# Nghệ An đến quận Thủ Đức" (a headline's colon).
_PREPOSITION = frozenset(
    {"từ", "đến", "tới", "tại", "ở", "cho", "với", "về", "của", "from", "to", "at", "in"}
)


def _may_be_headless(words: list[str]) -> bool:
    return words[0].lower() not in _PREPOSITION and not any(w[:1].isupper() for w in words[1:])


def is_field(name: str) -> bool:
    """A field or a department ("gây mê hồi sức", "chẩn đoán hình ảnh"), which SCHEMA says is no technique."""
    low = name.lower()
    return low.startswith(_FIELDS) or low in _HEADS  # a bare head ("can thiệp") names a field too


def announced_techniques(text: str, base: int) -> list[Mention]:
    """The items of every list a technique word announces ("các kỹ thuật như A, B"; "hai ca phẫu thuật: A và B")."""
    out: list[Mention] = []
    for start in _LIST_START.finditer(text):
        before = text[: start.start()]
        announcers = list(_ANNOUNCER.finditer(before))
        if not announcers or re.search(r"[.;]", before[announcers[-1].end() :]):
            continue
        at = announcers[-1].start()
        if _FIELD_ANNOUNCER.search(before, at):
            continue
        out += list_techniques(text[at:], base + at)
    plurals = _PLURAL_TECHNIQUES.finditer(text) if _names_a_technique(text) else ()
    for plural in plurals:  # "các kỹ thuật A, B, C cùng …": no list word
        then = _LIST_START.search(text, plural.end())
        if then and _FIELD_ANNOUNCER.search(text, plural.end(), then.start()):
            continue
        out += list_techniques(text[plural.end() :], base + plural.end(), announced=False)
    return distinct([m for m in out if not is_field(m.name)])
