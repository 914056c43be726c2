"""Regex building blocks shared by the recognisers: capitalised words, names, places.

A "place" is read as the longest run of capitalised words that names a province or
a district, so "BVĐK tỉnh Bắc Kạn Hoàng Xuân Sơn" stops after "Bắc Kạn".

>>> p = read_place("Hậu Lộc và", hint="Thanh Hóa")
>>> p.kind, p.name, p.length
('district', 'Hậu Lộc', 7)
>>> read_place("Bắc Kạn Hoàng Xuân").name
'Bắc Kạn'
>>> read_place("Thanh Hoa province").name
'Thanh Hóa'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hospnet.places import District, ProvinceMatch, match_province, province_of_district
from hospnet.names import fold
from hospnet.extract.words import completes

UPPER = "A-Z" + "".join(
    c for c in map(chr, list(range(0xC0, 0x250)) + list(range(0x1EA0, 0x1EFA))) if c.isupper()
)
LOWER_START = r"(?<![\w])"
END = r"(?![\w])"
CAP_WORD = rf"[{UPPER}][\w']*"
# Up to five capitalised words (a place, a hospital's own name); digits may follow ("Trung ương 1").
NAME = rf"{CAP_WORD}(?:[ ]+(?:{CAP_WORD}|\d+\b)){{0,4}}"
# A place may be hyphenated ("Bà Rịa - Vũng Tàu"); read_place trims what is not the place.
PLACE = rf"{CAP_WORD}(?:(?:[ ]+|[ ]?-[ ]?)(?:{CAP_WORD})){{0,4}}"
_WORDS = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Place:
    """A province or district read from the start of a string of words."""

    kind: str  # "province" | "district" | "name"
    name: str  # the name as the official list writes it (legacy name for a pre-2025 unit)
    length: int  # characters consumed
    province: ProvinceMatch | None = None
    district: District | None = None


def read_place(text: str, hint: str | None = None, prefer: str = "province") -> Place | None:
    """The longest prefix of `text` (capitalised words) that is a province or a district."""
    ends: list[int] = []
    for w in _WORDS.finditer(text):
        if not (w.group(0)[0].isupper() or w.group(0).isdigit()):
            break
        ends.append(w.end())
        if len(ends) == 5:
            break  # a place is at most five words: the rest of a sentence is not read
    return _place_at_start(text[: ends[-1]], hint, prefer) if ends else None


def tail_place(place_text: str, hint: str | None) -> tuple[int, Place | None]:
    """The place that ends a run of capitalised words ("In Thanh Hoa" -> "Thanh Hoa"), with its offset."""
    for word in re.finditer(r"\S+", place_text):
        rest = place_text[word.start() :]
        place = read_place(rest, hint)
        if place and place.length >= len(rest.rstrip()):
            return word.start(), place
    return 0, None


@functools.lru_cache(maxsize=4096)
def _place_at_start(words: str, hint: str | None, prefer: str) -> Place | None:
    """`read_place` of up to five capitalised words, kept: the same names recur in every sentence."""
    ends = [w.end() for w in _WORDS.finditer(words)]
    for n in range(len(ends), 0, -1):
        chunk = words[: ends[n - 1]]
        province = match_province(chunk)
        district = province_of_district(chunk, hint_province=hint)
        if province and (prefer == "province" or not district):
            return Place("province", province.legacy, len(chunk), province=province)
        if district:
            return Place("district", district.name, len(chunk), district=district)
    return None


_MEASURE = re.compile(
    r"[ ]+(?:giường|người|ca|bác|lượt|tỷ|triệu|năm|ngày|tháng|giờ|cán|chuyên|m2|km|nhân|máy|chiếc|bộ|xe|suất|phần)(?![\w])"
)
_JOINS = frozenset({"và", "với", "cùng"})
# What may follow a name that ends in lower-case words ("Hội Chữ thập đỏ, …", "Bộ Chính trị về …").
_NAME_CLOSE = re.compile(
    r"[ ]*(?:[,.;:()\n\"“”]|$|(?:về|của|đã|đang|sẽ|vừa|và|tại|cho|với|trong|thuộc|là|được|ký|có|cùng|do|từ|khởi)(?![\w]))"
)
# A word of a proper name: letters and digits, inner dots kept ("TP.HCM", "T.Ư").
# "&" is written for "và" inside names ("BV Mắt & Da liễu Hải Dương").
_NAME_TOKEN = re.compile(r"(?P<sep>[ ]*[-–][ ]*|[ ]*,[ ]+|[ ]+)(?P<word>\w+(?:\.\w+)*|&(?=[ ]))")


_HEAD_AFTER_COMMA = re.compile(r"(?:bệnh viện|trung tâm|bệnh xá)(?![\w])", re.I)


def read_name(
    text: str,
    pos: int,
    name_words: frozenset[str],
    stop_caps: frozenset[str],
    heads_at: frozenset[int] = frozenset(),
    hard_heads: frozenset[int] = frozenset(),
) -> int:
    """Where the proper name starting at `pos` (just after a head noun) ends; `pos` when there is none.

    A name is a run of capitalised words and numbers, joined by spaces or a hyphen
    ("Y - Dược Huế", "Việt Nam – Cuba Đồng Hới"). Lower-case words that occur inside
    institution names (`name_words`: "Chữ thập đỏ", "Cao đẳng Y tế") are kept when the
    name goes on after them, or when punctuation closes it; any other lower-case word
    ends it. A capital word in `stop_caps` (a hospital head, a title) or starting another
    head (`heads_at`: "… và Sư đoàn 8") after lower-case words ends it too, and a hospital head
    (`hard_heads`) ends it anywhere ("Bệnh viện Chợ Rẫy Bệnh viện tỉnh …").

    >>> t = "Hội Chữ thập đỏ tỉnh Nghệ An đã tặng quà"
    >>> t[4:read_name(t, 3, frozenset({"thập", "đỏ", "tỉnh"}), frozenset())]
    'Chữ thập đỏ tỉnh Nghệ An'

    Lower-case words after a comma are of the name only when punctuation closes them:
    >>> t = "Bệnh viện Bạch Mai, thông tin về kế hoạch"
    >>> t[10:read_name(t, 9, frozenset({"thông", "tin"}), frozenset())]
    'Bạch Mai'
    """
    end, pending, n_caps, last, before_join = pos, 0, 0, "", 0
    joined = False  # the one lower-case word pending completes the capitalised one: "Hoàng gia Anh"
    caps_at_comma = -1  # n_caps when the name went on past a comma ("Khám, chữa bệnh")
    i = pos
    while True:
        m = _NAME_TOKEN.match(text, i)
        if not m:
            break
        word = "và" if m.group("word") == "&" else m.group("word")
        hyphen = "-" in m.group("sep") or "–" in m.group("sep")
        if "," in m.group("sep") and (
            word not in name_words or not n_caps or _HEAD_AFTER_COMMA.match(text, m.start("word"))
        ):
            break  # "phòng, chống dịch" goes on; ", Tỉnh ủy" and ", bệnh viện tỉnh" are the next item
        if "," in m.group("sep"):
            caps_at_comma = n_caps
        if word[0].isdigit() and _MEASURE.match(text, m.end()):
            end = i if pending else end
            break  # "Bệnh viện Ung bướu 400 giường": a count, not a number of the name
        if last in _JOINS and not word[0].isupper():
            break  # "và" joins capitalised words of one name ("Lao và Bệnh phổi"), not a new item ("và tỉnh X")
        if word[0].isupper() or word[0].isdigit() or (word == "ương" and last == "Trung"):
            if (
                (
                    (word in stop_caps or word.split(".")[0] in stop_caps)
                    and ((pending and not joined) or n_caps == 0)
                )
                or (m.start("word") in heads_at and last in _JOINS)
                or (m.start("word") in hard_heads and n_caps)
            ):
                break
            end, pending, n_caps, joined = m.end(), 0, n_caps + 1, False
        elif (
            hyphen
            or (word not in name_words and not (pending == 0 and completes(last, word)))
            or pending >= 5
        ):
            break  # a word of the name is written capitalised once: "Vụ Pháp chế", "Hoàng gia Anh"
        else:
            joined = pending == 0 and completes(last, word)
            if word in _JOINS and pending:
                before_join = i  # "Ung bướu và Bệnh viện Sản": the name may end before "và"
            pending += 1
        i, last = m.end(), word
    closed = _NAME_CLOSE.match(text, i)
    if closed and caps_at_comma == n_caps and closed.group(0).strip()[:1].isalpha():
        closed = None  # "Bệnh viện Bạch Mai, thông tin về …": a verb after the comma, not the name
    if pending and n_caps and closed:
        # "Bộ Quốc phòng và| có thể": a join ends no name
        end = max(before_join, end) if last in _JOINS else i
    elif pending and n_caps and before_join > end:
        end = before_join
    return end if n_caps else pos


# One Vietnamese syllable, folded: initial consonants, vowels, a final ("nguyen", "ngoc", "hoi").
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def is_vietnamese_name(words: list[str]) -> bool:
    """Whether every word is a Vietnamese syllable, as English prose writes a Vietnamese name without
    tones ("Nguyen Dinh Chieu"; not "Central", "Military").

    >>> is_vietnamese_name(["Nguyen", "Dinh", "Chieu"]), is_vietnamese_name(["Military", "Central"])
    (True, False)
    """
    return bool(words) and all(_SYLLABLE.fullmatch(fold(w)) for w in words)


def is_foreign_name(words: list[str]) -> bool:
    """Whether a name's last capitalised word is no Vietnamese syllable ("Samsung Seoul", "Đại học
    Wonkwang"): a hospital abroad. Abbreviations in capitals ("FV") and numbers are not judged.

    >>> is_foreign_name(["Samsung", "Seoul"]), is_foreign_name(["Hữu", "nghị", "Việt", "Nam", "-", "Cuba", "Đồng", "Hới"])
    (True, False)
    """
    caps = [w for w in words if w[:1].isupper() and not w.isupper()]
    return bool(caps) and not _SYLLABLE.fullmatch(fold(caps[-1]))
