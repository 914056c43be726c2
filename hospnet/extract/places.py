"""Province mentions in text ("tỉnh An Giang", "Bắc Kạn", "(Hà Nội)"), named for 2025.

>>> [(m.name, m.props.get("legacy_province"), m.props["prefixed"]) for m in find_provinces("hỗ trợ tỉnh Bắc Kạn và Hà Nội", 0)]
[('Thái Nguyên', 'Bắc Kạn', True), ('Hà Nội', None, False)]
"""

from __future__ import annotations

import re

from hospnet.extract.lexicon import LOWER_START, PLACE, read_place
from hospnet.extract.mentions import Mention

_PLACE_RE = re.compile(
    rf"{LOWER_START}(?P<pw>(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|Tp\.?)[ ]*)?(?P<place>{PLACE})"
)


def find_provinces(text: str, base: int) -> list[Mention]:
    """Provinces named in a sentence starting at document offset `base` (low priority: names inside
    a hospital or organization name belong to it)."""
    out = []
    for m in _PLACE_RE.finditer(text):
        pos = m.start("place")
        # A run of capitalised words may hold the province further in ("Về phía tỉnh Bắc Kạn" / "Tại An Giang").
        for word in re.finditer(r"\S+", m.group("place")):
            place = read_place(text[pos + word.start() : m.end("place")])
            if place and place.kind == "province" and place.province:
                start = pos + word.start()
                end = start + place.length
                begin = m.start() if word.start() == 0 else start
                props = {
                    "prefixed": bool(m.group("pw")) and word.start() == 0,
                    "in_parens": text[:begin].rstrip().endswith("("),
                    "code": place.province.province.code,
                }
                if place.province.legacy_province:
                    props["legacy_province"] = place.province.legacy_province
                out.append(
                    Mention(
                        "Province",
                        place.province.province.name,
                        base + begin,
                        base + end,
                        text[begin:end],
                        props,
                        priority=0,
                    )
                )
                break
    return out
