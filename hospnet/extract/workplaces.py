"""People standing in for their hospital: "BS Nguyễn Anh Tuấn, Bệnh viện Bạch Mai" once, then "BS Nguyễn
Anh Tuấn đang luân phiên tại Bệnh viện Đa khoa tỉnh Tuyên Quang" says that Bạch Mai supports Tuyên Quang.

News tells rotations through the doctor sent. This component reads where each person works (the hospital
right after their name: "X, Bệnh viện Y", "X (Bệnh viện Y)", "X của Bệnh viện Y", "X, from Y Hospital")
and, for the relation rules only, lets a later mention of that person in a sentence that does not name
the hospital stand for it. The entities themselves are untouched.

Where people work is also what HOLDS_POSITION reads when a post names its unit only by a head noun
("BS X, Giám đốc Trung tâm"), by a sub-unit ("Phó Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến"), by
the clause ("bệnh viện do X làm Giám đốc") or in English ("Bach Mai's director, X"): positions_by_head.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.people import Position, bare_position_at, position_at, position_before
from hospnet.extract.relations import Fact

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


# A unit named by its head noun alone after a position ("BS X, Giám đốc Trung tâm", "Phó Giám đốc Bệnh
# viện", "Giám đốc Sở", "X là Giám đốc bệnh viện"): not followed by a name of its own.
_HEAD_ONLY = re.compile(
    r"[ ]+(?P<head>[Tt]rung tâm|[Bb]ệnh viện|[Ss]ở|Viện)(?![\w])(?![ ]+(?:[A-ZĐ\d]|Y tế|Đa khoa))"
)
_NEXT_POST = re.compile(r"[ ]*(?:,|là|giữ chức|–|—)[ ]*")
# Where a sub-unit's name gives way to the rest of the clause ("… Chỉ đạo tuyến| cùng các giảng viên").
_TITLE_END = re.compile(r"[ ]+(?:cùng|với|tại|đã|đang|sẽ|cho|của|để|làm)[ ]")
# Between two people who share the post after the second: "và" and the second one's titles.
_JOINED_PEOPLE = re.compile(r"[ ]+và[ ]+[^,;()]{0,24}")


def positions_by_head(
    unit: SentenceMentions, earlier: list[Mention], held: list[Fact]
) -> list[Fact]:
    """`held` with HOLDS_POSITION at a unit named by its head noun alone: the unit of that head the sentence
    named last before the person, else the one the story named last (`earlier`, oldest first). It replaces
    a post at a back-reference ("Bệnh viện" read as the story's previous hospital); people the sentence
    already gives a post at a named unit are left alone. "Tỉnh ủy viên, Giám đốc Sở" reads past the first
    post, and a post that holds a unit's name ("Tỉnh ủy viên") is held at that unit."""
    text, base = unit.sentence.text, unit.sentence.start
    placed = {f.start.name for f in held if f.type == "HOLDS_POSITION" and not f.end.ref}
    out: list[Fact] = []
    for i, person in enumerate(unit.mentions):
        if person.label != "Person" or person.name in placed:
            continue
        pos = person.end - base
        while (sep := _NEXT_POST.match(text, pos)) and (post := bare_position_at(text, sep.end())):
            head = _HEAD_ONLY.match(text, post.end)
            seen = list(reversed(unit.mentions[:i])) + list(reversed(earlier))
            if head is None:
                inside = [
                    m
                    for m in unit.mentions
                    if m.label == "Organization" and m.start - base == post.start
                ]
                if inside:
                    out.append(_held(person, inside[0], text, post.title, "position.membership"))
                # "Phó Giám đốc Trung tâm Đào tạo và Chỉ đạo tuyến": a post of the hospital named before
                sub = _sub_unit_post(unit, post, sep.end())
                if sub is not None:
                    at = next((m for m in seen if m.label == "Hospital" and m.name), None)
                    if at is not None:
                        out.append(_held(person, at, text, sub, "position.in_a_sub_unit"))
                    break
                pos = post.end
                continue
            at = next((m for m in seen if _is_headed(m, head.group("head"))), None)
            if at is not None:
                out.append(_held(person, at, text, post.title, "position.of_the_unit_by_head"))
            break
    out += _posts_then_people(unit, earlier, placed | {f.start.name for f in out})
    out += _possessive_posts(unit, placed | {f.start.name for f in out})
    out += _shared_posts(unit, out, placed)
    led = _led_by(unit)
    again = {f.start.name for f in out}
    kept = [f for f in held if not (f.end.ref and f.start.name in again)] + out
    return [f for f in kept if f.start.name not in {x.start.name for x in led}] + led


# "BV Đại học Y Hà Nội, bệnh viện do PGS.TS Nguyễn Lân Hiếu làm Giám đốc": the unit the clause is about.
_LED_BY = re.compile(r"(?<![\w])do[ ]*$")
_MADE = re.compile(r"[ ]+làm[ ]+")


def _led_by(unit: SentenceMentions) -> list[Fact]:
    """ "<unit> … do <person> làm <post>": the post is at the unit named last before the person (the
    unit after it is another subject); replaces what the person was read to hold in this sentence."""
    text, base = unit.sentence.text, unit.sentence.start
    out: list[Fact] = []
    for i, person in enumerate(unit.mentions):
        if person.label != "Person":
            continue
        if not _LED_BY.search(text, 0, person.end - base - len(person.surface)):
            continue
        made = _MADE.match(text, person.end - base)
        post = bare_position_at(person.surface, 0)  # "do Thứ trưởng Đỗ Xuân Tuyên làm trưởng đoàn"
        if post is None or post.end >= len(person.surface):
            post = bare_position_at(text, made.end()) if made else None
        if post is None or re.match(r"[ ]+[A-ZĐ]", text[post.end :]):
            continue  # "do X làm Giám đốc Bệnh viện Y": the post names its own unit
        at = next(
            (
                m
                for m in reversed(unit.mentions[:i])
                if m.label in ("Hospital", "Organization") and m.name
            ),
            None,
        )
        if at is not None:
            out.append(_held(person, at, text, post.title, "position.led_by"))
    return out


# "Bach Mai's director, Prof. Dr. Nguyen Quang Tuan": the unit, its possessive and the post before the name.
_POSSESSIVE = re.compile(r"^'s[ ]+(?P<post>[A-Za-z ]+?)[ ]*,?[ ]*$")


def _possessive_posts(unit: SentenceMentions, placed: set[str]) -> list[Fact]:
    """English posts written "<unit>'s <post>, <person>"."""
    text, base = unit.sentence.text, unit.sentence.start
    out: list[Fact] = []
    for before, person in zip(unit.mentions, unit.mentions[1:], strict=False):
        if (
            person.label != "Person"
            or person.name in placed
            or before.label not in ("Hospital", "Organization")
        ):
            continue
        gap = _POSSESSIVE.match(text[before.end - base : person.end - base - len(person.surface)])
        if gap is None:
            continue
        post = bare_position_at(gap.group("post"), 0)
        if post is not None and post.end == len(gap.group("post")):
            out.append(_held(person, before, text, post.title, "position.possessive"))
    return out


# "Hai Phó Giám đốc bệnh viện là ông A và ông B": the post and the unit's head first, then who holds it.
_POST_THEN_PEOPLE = re.compile(
    r"[ ]+(?P<head>[Bb]ệnh viện|[Tt]rung tâm|[Ss]ở|Viện)(?:[ ]+mới)?[ ]+(?:là|gồm|gồm có)[ ]+"
)


def _posts_then_people(
    unit: SentenceMentions, earlier: list[Mention], placed: set[str]
) -> list[Fact]:
    """ "Giám đốc bệnh viện là TS X", "Hai Phó Giám đốc bệnh viện là ông A, … và ông B": each person of the
    clause after "là"/"gồm" holds the post at the unit of that head the story named last."""
    text, base = unit.sentence.text, unit.sentence.start
    out: list[Fact] = []
    for cue in _POST_THEN_PEOPLE.finditer(text):
        post = position_before(text, cue.start() + 1)
        if post is None:
            continue
        before = [m for m in unit.mentions if m.end - base <= post.start]
        seen = list(reversed(before)) + list(reversed(earlier))
        at = next((m for m in seen if _is_headed(m, cue.group("head"))), None)
        stops = (text.find(";", cue.end()), text.find(".", cue.end()))
        end = min((i for i in stops if i >= 0), default=len(text))
        for person in unit.mentions:
            if (
                at is not None
                and person.label == "Person"
                and person.name not in placed
                and cue.end() <= person.start - base < end
            ):
                out.append(_held(person, at, text, post.title, "position.post_then_people"))
    return out


def _held(person: Mention, at: Mention, sentence: str, title: str, rule: str) -> Fact:
    return Fact("HOLDS_POSITION", person, at, sentence, {"title": title}, rule=rule)


def _sub_unit_post(unit: SentenceMentions, post: Position, at: int) -> str | None:
    """The title of a post in a sub-unit that is no entity of its own ("Giám đốc Trung tâm Đào tạo và
    Chỉ đạo tuyến"), or None."""
    text, base = unit.sentence.text, unit.sentence.start
    full = position_at(text, at, len(text))
    if full is None or full.title == post.title:
        return None
    named = any(post.end <= m.start - base < full.end for m in unit.mentions if m.label != "Person")
    return None if named else _TITLE_END.split(full.title)[0].rstrip(" .")


def _shared_posts(unit: SentenceMentions, found: list[Fact], placed: set[str]) -> list[Fact]:
    """ "TS Hoàng Việt Anh và ThS Vũ Văn Nhân, Phó Giám đốc …": the first of two people joined by "và"
    holds the post the second was read to hold."""
    text, base = unit.sentence.text, unit.sentence.start
    people = [m for m in unit.mentions if m.label == "Person"]
    out: list[Fact] = []
    for first, second in zip(people, people[1:], strict=False):
        joined = _JOINED_PEOPLE.fullmatch(text[first.end - base : second.start - base])
        if first.name in placed or not joined:
            continue
        out += [replace(f, start=first) for f in found if f.start.name == second.name]
    return out


def _is_headed(m: Mention, head: str) -> bool:
    """Whether a unit's name starts with the head noun that stands for it ("Trung tâm" for a TTYT)."""
    if m.label not in ("Hospital", "Organization") or not m.name:
        return False
    return m.name.lower().startswith(head.lower()) or (
        head.lower() == "viện" and m.name.startswith("Bệnh viện")
    )
