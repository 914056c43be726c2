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

import re
from dataclasses import dataclass

from hospnet.places import District, ProvinceMatch, match_province, province_of_district

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
    words = list(_WORDS.finditer(text))
    caps = []
    for w in words:
        if not (w.group(0)[0].isupper() or w.group(0).isdigit()):
            break
        caps.append(w)
    for n in range(min(len(caps), 5), 0, -1):
        chunk = text[: caps[n - 1].end()]
        province = match_province(chunk)
        district = province_of_district(chunk, hint_province=hint)
        if province and (prefer == "province" or not district):
            return Place("province", province.legacy, len(chunk), province=province)
        if district:
            return Place("district", district.name, len(chunk), district=district)
    return None


def title_case_first(text: str) -> str:
    return text[:1].upper() + text[1:]
