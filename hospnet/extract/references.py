"""The units a sentence refers to without naming them: plural references ("hai bệnh viện", "các đơn vị
trên") standing for the units listed before or after, and the story's own province ("ngành y tế tỉnh").
"""

from __future__ import annotations

import re

from hospnet.extract.clauses import Item, _list_from
from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.places import match_province

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
    r"(?<![\w])(?:(?:cả\s+)?(?P<n>hai|ba|bốn|năm|sáu|bảy|tám|\d)\s+(?:bệnh viện|đơn vị|cơ sở)(?:\s+y tế)?"
    r"(?:\s+(?:này|trên|nói trên))?|(?:các|những)\s+(?:bệnh viện|đơn vị|cơ sở)(?:\s+y tế)?\s+(?:này|trên|nói trên)"
    r"|(?:both|the (?P<en>two|three|four)) hospitals)(?![\w])",
    re.IGNORECASE,
)


# "cán bộ y tế của tỉnh", "ngành y tế tỉnh", "hỗ trợ tỉnh này": the province the story is about, unnamed.
_THE_PROVINCE = re.compile(
    r"(?<![\w])(?:(?:ngành y tế|y tế|cán bộ y tế|nhân viên y tế|bác sĩ|đồng nghiệp|người dân)\s+(?:của\s+|tại\s+)?tỉnh"
    r"(?:\s+nhà)?"
    # "cam kết hỗ trợ tỉnh": the province right after a support word (the word stays a trigger)
    r"|(?:(?<=hỗ trợ )|(?<=chi viện )|(?<=giúp đỡ )|(?<=giúp ))tỉnh)(?![\w])(?!\s+[A-ZĐ])"
)


# What leads from a plural to the list it announces: "(tại TP.HCM) là", "gồm", ":".
_FORWARD = re.compile(
    r"^(?:(?!\.\s)[^,;:]){0,25}?(?:\s(?:là|gồm|bao gồm|including|namely)\s*|\s*:\s*)$",
    re.IGNORECASE,
)


def plural_references(
    unit: SentenceMentions, lists: list[list[Mention]]
) -> list[tuple[int, int, list[Mention]]]:
    """ "hai bệnh viện", "các đơn vị trên": the units of the latest list of that size named before;
    "ba bệnh viện tại TP.HCM là A, B và C", "4 bệnh viện: A, B": the list right after."""
    out = []
    text, base = unit.sentence.text, unit.sentence.start
    for m in _PLURAL.finditer(text):
        n = _NUMBER.get((m.group("n") or m.group("en") or "").lower()) or (
            int(m.group("n")) if (m.group("n") or "").isdigit() else None
        )
        start, end = base + m.start(), base + m.end()
        ahead = next(
            (
                ls
                for ls in lists
                if ls[0].start >= end and _FORWARD.match(text[m.end() : ls[0].start - base])
            ),
            None,
        )
        found = ahead or next(
            (
                ls
                for ls in reversed(lists)
                if (n is None and len(ls) >= 2 or len(ls) == n) and ls[-1].end <= start
            ),
            None,
        )
        out.append((start, end, list(found) if found else []))
    return out


def the_province(
    unit: SentenceMentions, ctx: DocumentContext
) -> list[tuple[int, int, list[Mention]]]:
    """The unnamed province of "cán bộ y tế của tỉnh", as the document's province (when it has one)."""
    found = match_province(ctx.hint) if ctx.hint else None
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
                    {"prefixed": True},
                )
            ],
        )
        for m in _THE_PROVINCE.finditer(unit.sentence.text)
    ]


def listed_units(items: list[Item], unit: SentenceMentions) -> list[list[Mention]]:
    """The coordinated lists of two or more hospitals in a sentence."""
    out, j = [], 0
    hospitals = [i for i in items if i.mention is not None and i.mention.label == "Hospital"]
    while j < len(hospitals):
        units, last = _list_from(
            hospitals, j, ("Hospital",), unit.sentence.text, unit.sentence.start
        )
        if len({u.name for u in units}) >= 2:
            out.append(units)
        j = last + 1
    return out
