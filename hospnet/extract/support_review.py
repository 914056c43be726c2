"""Whole-document checks over the SUPPORTS the relation rules read: the direction (support comes from the
upper level), a bare province that is shorthand for a hospital, and a field hospital's province."""

from __future__ import annotations

import dataclasses
import re

from hospnet.extract.context import level_rank
from hospnet.extract.mentions import Mention
from hospnet.extract.relations import Fact


def review(facts: list[Fact], listed: set[tuple[str, str]]) -> list[Fact]:
    """The facts of a document, shorthand provinces dropped, turned the right way round, with the
    provinces of the field hospitals supported. `listed`: (giver, province) pairs read from a list."""
    return _field_hospital_provinces(downward(_drop_shorthand_provinces(facts, listed)))


def _drop_shorthand_provinces(facts: list[Fact], listed: set[tuple[str, str]]) -> list[Fact]:
    """ "Bệnh viện Huế giúp Quảng Trị ...": a bare province name where the story supports a hospital of that
    province (or the giver's own province) is shorthand for the hospital, not support to the province."""
    hospital_provinces = {
        (f.start.name, f.end.props.get("province"))
        for f in facts
        if f.type == "SUPPORTS" and f.end.label == "Hospital"
    }
    return [
        f
        for f in facts
        if not (
            f.type == "SUPPORTS"
            and f.end.label == "Province"
            and not f.end.props.get("prefixed")
            and not _health_sector_of(f.end, f.sentence)
            and (f.start.name, f.end.name) not in listed
            and (
                (f.start.name, f.end.name) in hospital_provinces
                or f.start.props.get("province") == f.end.name
            )
        )
    ]


def downward(facts: list[Fact]) -> list[Fact]:
    """SCHEMA: support comes from the upper level. A pair a rule read from a lower-level hospital to a
    higher one ("khu xạ trị của bệnh viện tỉnh ... với sự hỗ trợ của Bệnh viện Chợ Rẫy") was read the
    wrong way round: it is turned round, or dropped when the right way is read too. Only public
    district and provincial hospitals toward a higher public one: a private hospital's level says
    nothing of its standing, and staff do go to a military field hospital."""
    keys = {(f.type, f.start.name, f.end.name) for f in facts}
    # "ba bệnh viện A, B và C cử chuyên gia ra X": a co-giver of X's level or above confirms the way round
    confirmed = {
        (f.end.name, f.sentence)
        for f in facts
        if f.type == "SUPPORTS" and level_rank(f.start) >= level_rank(f.end)
    }
    out = []
    for f in facts:
        if _upward(f.start, f.end) and (f.end.name, f.sentence) not in confirmed:
            if (f.type, f.end.name, f.start.name) in keys:
                continue
            f = dataclasses.replace(f, start=f.end, end=f.start)
            keys.add((f.type, f.start.name, f.end.name))
        out.append(f)
    return out


def _upward(giver: Mention, receiver: Mention) -> bool:
    return (
        giver.props.get("level") in ("district", "provincial")
        and receiver.props.get("level") in ("provincial", "central")
        and level_rank(giver) < level_rank(receiver)
    )


_FIELD_HOSPITAL = re.compile(r"^Bệnh viện Dã chiến(?![\w])", re.IGNORECASE)


def _field_hospital_provinces(facts: list[Fact]) -> list[Fact]:
    """SCHEMA: staff sent to run a named field hospital support it and its province; the province is
    the field hospital's own."""
    keys = {(f.type, f.start.name, f.end.name) for f in facts}
    out = list(facts)
    for f in facts:
        province = f.end.props.get("province")
        if f.type != "SUPPORTS" or not province or not _FIELD_HOSPITAL.match(f.end.name or ""):
            continue
        if ("SUPPORTS", f.start.name, province) in keys:
            continue
        keys.add(("SUPPORTS", f.start.name, province))
        where = Mention(
            "Province", province, f.end.start, f.end.end, f.end.surface, {"prefixed": True}
        )
        out.append(
            dataclasses.replace(
                f, end=where, props={**f.props, "kinds": list(f.props.get("kinds", []))}
            )
        )
    return out


def _health_sector_of(province: Mention, evidence: str) -> bool:
    """ "ngành y tế Tuyên Quang": the province's health sector, named as such, is no shorthand."""
    return bool(
        re.search(rf"(?<![\w])y tế\s+{re.escape(province.surface)}", evidence, re.IGNORECASE)
    )
