"""People standing in for their hospital: "BS Nguyễn Anh Tuấn, Bệnh viện Bạch Mai" once, then "BS Nguyễn
Anh Tuấn đang luân phiên tại Bệnh viện Đa khoa tỉnh Tuyên Quang" says that Bạch Mai supports Tuyên Quang.

News tells rotations through the doctor sent. This component reads where each person works (the hospital
right after their name: "X, Bệnh viện Y", "X (Bệnh viện Y)", "X của Bệnh viện Y", "X, from Y Hospital")
and, for the relation rules only, lets a later mention of that person in a sentence that does not name
the hospital stand for it. The entities themselves are untouched.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention

# What may stand between a name and the hospital it works at.
_WORKS_AT = re.compile(
    r"^\s*(?:,|\(|–|-)?\s*(?:(?:bác sĩ|chuyên gia|điều dưỡng|a doctor|a resident doctor|a specialist)"
    r"\s+)?(?:của|thuộc|tại|at|from|of)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def workplaces(ctx: DocumentContext) -> dict[str, Mention]:
    """Each person's hospital, as the story first ties them (a person tied to two is left out)."""
    found: dict[str, Mention] = {}
    torn: set[str] = set()
    for unit in ctx.units:
        ms = unit.mentions
        for person, after in zip(ms, ms[1:], strict=False):
            if person.label != "Person" or after.label != "Hospital" or not after.name:
                continue
            gap = ctx.text[person.end : after.start]
            if not _WORKS_AT.match(gap):
                continue
            known = found.setdefault(person.name, after)
            if known.name != after.name:
                torn.add(person.name)
    return {name: h for name, h in found.items() if name not in torn}


def people_as_hospitals(ctx: DocumentContext) -> DocumentContext:
    """The context the relation rules read: a person stands for their hospital where it is not named."""
    works = workplaces(ctx)
    if not works:
        return ctx
    units = []
    for unit in ctx.units:
        named = {m.name for m in unit.mentions if m.label == "Hospital"}
        mentions = [
            _stand_in(m, works[m.name])
            if m.label == "Person" and m.name in works and works[m.name].name not in named
            else m
            for m in unit.mentions
        ]
        units.append(SentenceMentions(unit.sentence, mentions, unit.pair_refs))
    return replace(ctx, units=units)


def _stand_in(person: Mention, hospital: Mention) -> Mention:
    return Mention(
        "Hospital", hospital.name, person.start, person.end, person.surface, dict(hospital.props)
    )
