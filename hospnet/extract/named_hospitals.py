"""Hospitals by their own name after a head ("Bệnh viện Quân y 121", "Bệnh viện Tai Mũi Họng Trung
ương", "Bệnh viện Đại học Wonkwang"), when no gazetteer entry or place pattern names them: the level
and province their name implies."""

from __future__ import annotations

import re

from hospnet.extract.entity_patterns import head_names
from hospnet.extract.hospital_names import hospital_mention, specialist_name
from hospnet.extract.hospital_patterns import NOT_A_NAME_WORD, SPEC_BY_KEY
from hospnet.extract.lexicon import is_foreign_name, read_place
from hospnet.extract.mentions import Mention
from hospnet.names import fold


def named_hospitals(text: str, base: int, hint: str | None, found: list[Mention]) -> list[Mention]:
    """Hospitals by their own name after a head ("Bệnh viện Quân y 121", "Bệnh viện Hữu nghị Việt Nam - Cu Ba
    Đồng Hới"); such a name wins over a shorter gazetteer name only when it goes on with a hyphen, a number
    or lower-case name words (a capitalised tail is more often a person: "Bệnh viện Chợ Rẫy Nguyễn Tri Thức")."""
    out = []
    for m in head_names(text, base, "Hospital"):
        words = m.surface.split()
        head_len = (
            1
            if m.surface.startswith(("BV", "TTYT"))
            else 2
            if not m.surface.startswith("Trung")
            else 4
        )
        own = m.surface.split()[head_len:]
        if own[:2] == ["Đa", "khoa"] and len(own) > 2 and "-" in own and own[2][:1].isupper():
            own = own[
                2:
            ]  # "Bệnh viện Đa khoa Hồng Ngọc - Phúc Trường Minh": a compound name after the level
        if (
            not own
            or own[0].lower() in NOT_A_NAME_WORD
            and own[0][:1].isupper()
            and own[0] != "Quân"
            or len(words) <= head_len
        ):
            continue
        spec = SPEC_BY_KEY.get(fold(" ".join(own)).removesuffix(" tinh"))
        place = read_place(hint) if hint else None
        if (
            spec and place and place.kind == "province"
        ):  # "Bệnh viện Mắt và Bệnh viện Tâm thần tỉnh": the province's
            out.append(
                hospital_mention(
                    specialist_name(spec, place),
                    "provincial",
                    m.start,
                    m.end,
                    m.surface,
                    place,
                    priority=1,
                )
            )
            continue
        if any(k.priority == 3 and k.start <= m.start and m.end <= k.end for k in found):
            continue  # a part of a name the gazetteer knows ("Bệnh viện Đại học Y Dược| TP.HCM")
        known = [k for k in found if k.priority == 3 and m.start <= k.start and k.end < m.end]
        tail = text[known[0].end - base : m.end - base] if known else ""
        if (
            known
            and not re.search(r"[-–\d]|(?<![\w])[a-zđ]", tail)
            or re.search(r"(?<![\w])(?:và|Bệnh viện)(?![\w])", tail)
        ):
            continue
        foreign = is_foreign_name(own)
        level = (
            "other"
            if foreign or re.search(r"Quân y|Quân đội|Công an|dã chiến|Quốc tế|\d", m.name)
            else "central"
            if "Đại học" in m.name or "Trung ương" in m.name
            else "district"
            if m.name.startswith("Trung tâm")
            else "private"
        )
        mention = hospital_mention(
            m.name,
            level,
            m.start,
            m.end,
            m.surface,
            province=None if level == "other" or "Trung ương" in m.name else hint,
            priority=3 if known else 1,
        )
        mention.rule = m.rule
        out.append(mention)
    return out
