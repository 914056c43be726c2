"""Relationships read from trigger phrases in one sentence: positions and capabilities (referrals in
referrals.py).

SUPPORTS and TRANSFERS are read by the relation rules (rules.py, support.py); the
facts here carry a fixed rule id each (`refers.to_higher_level`, `position.after_name`,
...), so `hospnet eval --by-rule` scores them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hospnet.extract import gazetteers
from hospnet.extract.context import SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.people import name_after, position_at, position_before
from hospnet.extract.rules import load_rules
from hospnet.extract.techniques import list_techniques

_JOIN = re.compile(
    r"^[ ]*(?:,|và|với|and|&|cùng)?[ ]*(?:(?:các|những|the)[ ]+)?(?:(?:huyện|thị xã|thành phố|TP\.?)[ ]+)?$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"[ ]*\([^()]*\)")
_CLAUSE_END = re.compile(r"[;:]|\.(?=\s)")
# A second post of the same person ("Giám đốc kiêm …", "vừa là …") and when a post was held ("khi đó là …").
_ALSO_POST = r"kiêm|vừa là|đồng thời là"
_AT_THE_TIME = r"(?:khi đó|lúc đó|khi ấy|lúc ấy|hiện nay|hiện)"
_KINDS = (
    ("technique_transfer", re.compile(r"chuyển giao|bàn giao[^.;]*kỹ thuật|transfer", re.I)),
    ("training", re.compile(r"đào tạo|tập huấn|training|train(?:ed|s)?\b|cầm tay chỉ việc", re.I)),
    ("consultation", re.compile(r"hội chẩn|tư vấn|consult", re.I)),
    ("referral", re.compile(r"chuyển tuyến|chuyển tới|referr", re.I)),
    (
        "epidemic_response",
        re.compile(
            r"COVID|dịch bệnh|chống dịch|phòng, chống dịch|epidemic|pandemic|outbreak", re.I
        ),
    ),
    ("equipment", re.compile(r"trang thiết bị|thiết bị|equipment|máy móc", re.I)),
    ("management", re.compile(r"quản lý bệnh viện|quản trị|management", re.I)),
)


@dataclass
class Fact:
    """A relationship read from a sentence, between two mentions."""

    type: str
    start: Mention
    end: Mention
    sentence: str
    props: dict = field(default_factory=dict)
    rule: str = ""  # the id of the rule that read it (the relationship's `rule` property)


def kinds_of(sentence: str) -> list[str]:
    return [kind for kind, rx in _KINDS if rx.search(sentence)]


def objects_after(
    unit: SentenceMentions, after: int, labels: tuple[str, ...], reach: int = 80
) -> list[Mention]:
    """The mentions right after `after`: the first within `reach` characters, then those joined to it."""
    text, base = unit.sentence.text, unit.sentence.start
    out: list[Mention] = []
    prev_end = after
    for m in unit.mentions:
        if m.start < after or m.label not in labels:
            if out and m.start >= prev_end and m.label in ("Person",):
                break
            continue
        # A parenthesis between items ("Bệnh viện A (tỉnh X), Bệnh viện B") says where A is, nothing more.
        gap = _PARENS.sub("", text[prev_end - base : m.start - base])
        if not out:
            if len(gap) > reach or _CLAUSE_END.search(gap):
                break
        elif not _JOIN.match(gap) and not (m.props.get("list_item") and len(gap) < 4):
            break
        if m.label == "Province" and m.props.get("in_parens"):
            continue
        out.append(m)
        prev_end = m.end
    return out


def _subject(unit: SentenceMentions, before: int, reach: int = 160) -> Mention | None:
    """The hospital nearest before `before` in the same clause."""
    text, base = unit.sentence.text, unit.sentence.start
    for m in reversed(unit.mentions):
        if m.end > before or m.label != "Hospital":
            continue
        if before - m.end > reach or _CLAUSE_END.search(text[m.end - base : before - base]):
            return None
        return m
    return None


def positions(unit: SentenceMentions) -> tuple[list[Fact], list[Mention]]:
    """HOLDS_POSITION from "<person>, <position> <unit>" and "<position> <unit> <person>"; new persons."""
    text, base = unit.sentence.text, unit.sentence.start
    facts: list[Fact] = []
    found: list[Mention] = []
    units = [m for m in unit.mentions if m.label in ("Hospital", "Organization")]
    people = [m for m in unit.mentions if m.label == "Person"]
    for org in units:
        pos = position_before(text, org.start - base)
        if not pos or any(_SEPARATED.fullmatch(text, p.end - base, pos.start) for p in people):
            continue  # "X, Giám đốc A, Y, …": the post is X's (read below), not the next name's
        person = name_after(text, org.end - base, base)
        if person is None:
            # "Giám đốc TTYT Mộc Hóa, TS Đặng Ngọc An": the person (titles and all) right after a separator.
            after = _POST_THEN_NAME.match(text[org.end - base :])
            nxt = [
                p
                for p in people
                if after
                and p.end - len(p.surface) - base
                in (org.end - base + after.end(), org.end - base + after.end("honorific"))
            ]
            person = nxt[0] if nxt else None
        elif not any(p.start == person.start for p in people):
            found.append(person)
        if person:
            facts.append(
                Fact(
                    "HOLDS_POSITION",
                    person,
                    org,
                    text,
                    {"title": pos.title},
                    rule="position.before_unit",
                )
            )
    for person in people:
        pos_i = person.end - base
        # "Bí thư Đảng ủy, Giám đốc A": posts with no unit of their own are A's too
        shared: list[str] = []
        while True:
            # "..., Phó Giám đốc A được điều động, bổ nhiệm giữ chức Giám đốc B": both posts
            sep = re.match(
                rf"[ ]*(?:(?:được |nhận quyết định )(?:điều động,? )?bổ nhiệm(?: giữ chức| làm)?|,|–|—|-|\(|và|and|giữ chức|làm|là|{_ALSO_POST})[ ]*",
                text[pos_i:],
            )
            if not sep:
                break
            start = pos_i + sep.end()
            lead = _POST_LEAD.match(text, start)  # "X, khi ấy vừa là Giám đốc …"
            start = lead.end() if lead else start
            nxt_person = min(
                (p.start - base for p in people if p.start - base >= start), default=len(text)
            )
            stop = _CLAUSE_END.search(text, start)
            limit = min(nxt_person, stop.start() if stop else len(text))
            next_org = next((u for u in units if start <= u.start - base < limit), None)
            former = _FORMER.match(text, start)
            if former and next_org:
                # "X, nguyên Giám đốc A nhận quyết định bổ nhiệm giữ chức Giám đốc B": B only
                appointed = _APPOINTED.search(text, former.end(), next_org.start - base)
                if not appointed:
                    pos_i = next_org.end - base
                    continue
                start = appointed.end()
            found_pos = position_at(text, start, next_org.start - base if next_org else limit)
            chain = _NEXT_POST.match(text, found_pos.end) if found_pos else None
            then = position_at(text, chain.end(), limit) if chain else None
            if found_pos and then and _unit_right_after(text, then.end, next_org, base):
                shared.append(found_pos.title)
                pos_i = found_pos.end
                continue
            of_hospital = _OF_THE_HOSPITAL.match(text, found_pos.end) if found_pos else None
            if found_pos and of_hospital:
                # "BS X, Giám đốc bệnh viện": the hospital the sentence named before the person
                before = [u for u in units if u.label == "Hospital" and u.end <= person.start]
                if before:
                    facts += [
                        Fact(
                            "HOLDS_POSITION",
                            person,
                            before[-1],
                            text,
                            {"title": title},
                            rule="position.of_the_hospital",
                        )
                        for title in (*shared, found_pos.title)
                    ]
                shared = []
                # "…, Phó Giám đốc bệnh viện, Chủ tịch Hội X": a second post may follow
                pos_i = of_hospital.end()
                continue
            if not found_pos or not next_org:
                break
            facts += [
                Fact(
                    "HOLDS_POSITION",
                    person,
                    next_org,
                    text,
                    {"title": title},
                    rule="position.after_name",
                )
                for title in (*shared, found_pos.title)
            ]
            shared = []
            pos_i = next_org.end - base
    placed = {f.start.name for f in facts}
    facts += [
        f for p in people if p.name not in placed for f in _post_naming_its_unit(p, text, base)
    ]
    return facts, found


# Between a post's unit and its holder: "Giám đốc TTYT Mộc Hóa, TS Đặng Ngọc An", "Giám đốc Bệnh viện X
# khi đó là ông Y".
_POST_THEN_NAME = re.compile(
    rf"(?:[ ]*[,–—-]|[ ]+(?:{_AT_THE_TIME}[ ]+)?là)(?P<honorific>[ ]*)(?:(?:ông|bà)[ ]+)?"
)


# "X, Minister of Health": the separator between a name and its post.
_AFTER_NAME = re.compile(r"[ ]*,[ ]*(?:the[ ]+)?")


def _post_naming_its_unit(person: Mention, text: str, base: int) -> list[Fact]:
    """ "Bộ trưởng Y tế Đào Hồng Lan", "Health Minister Dao Hong Lan", "X, Minister of Health": a post whose
    words name its unit (people.json `posts_with_their_unit`) is held at that organisation."""
    posts = gazetteers.people().posts_with_their_unit
    before = position_before(text, person.start - base)
    sep = _AFTER_NAME.match(text, person.end - base)
    after = position_at(text, sep.end(), len(text)) if sep else None
    for pos in (before, after):
        unit = posts.get(text[pos.start : pos.end]) if pos else None
        if pos is None or unit is None:
            continue
        kind = next((o.kind for o in gazetteers.organizations() if o.name == unit), "")
        org = Mention(
            "Organization",
            unit,
            base + pos.start,
            base + pos.end,
            text[pos.start : pos.end],
            {"kind": kind},
        )
        return [
            Fact(
                "HOLDS_POSITION",
                person,
                org,
                text,
                {"title": pos.title},
                rule="position.post_names_its_unit",
            )
        ]
    return []


_SEPARATED = re.compile(r"[ ]*[,(–—][ ]*")


def _unit_right_after(text: str, pos: int, org: Mention | None, base: int) -> bool:
    """Whether the unit of a post is written right after it ("Giám đốc| BVĐKTƯ Cần Thơ", "… bệnh viện")."""
    if (
        org is not None
        and org.start - base >= pos
        and text[pos : org.start - base].strip() in ("", "của")
    ):
        return True
    return bool(_OF_THE_HOSPITAL.match(text, pos))


# Between two posts of one person: "Giám đốc, Chủ tịch …", "Giám đốc kiêm …", "vừa là Giám đốc vừa là …".
_NEXT_POST = re.compile(rf"[ ]*(?:,|{_ALSO_POST})[ ]*")
# What may stand between a name and its post: "X, khi ấy vừa là Giám đốc …", "X, hiện là …".
_POST_LEAD = re.compile(rf"(?:{_AT_THE_TIME}[ ]+)?(?:vừa[ ]+)?(?:là[ ]+)?")
_OF_THE_HOSPITAL = re.compile(r"[ ]+(?:của )?bệnh viện(?![ ]+[A-ZĐ])")
# SCHEMA: a former post gives no HOLDS_POSITION.
_FORMER = re.compile(r"(?:nguyên|cựu|former)[ ]+", re.I)
_APPOINTED = re.compile(r"(?<![\w])(?:bổ nhiệm(?: giữ chức| làm)?|giữ chức)[ ]+")
_PERFORM = re.compile(
    r"(?<![\w])(?:thực hiện|triển khai|làm chủ|áp dụng|perform(?:s|ed)?|master(?:s|ed)?)(?![\w])",
    re.IGNORECASE,
)


def capabilities(unit: SentenceMentions) -> list[Fact]:
    """HAS_TECHNIQUE from "<hospital> ... thực hiện các kỹ thuật ... như A, B, C" (no transfer named)."""
    text, base = unit.sentence.text, unit.sentence.start
    rules = load_rules()
    if rules.has("transfer", text) or rules.has("request", text):
        return []
    trig = _PERFORM.search(text)
    if not trig:
        return []
    subject = _subject(unit, base + trig.start(), reach=200)
    if subject is None:
        return []
    return [
        Fact("HAS_TECHNIQUE", subject, tech, text, rule="technique.performed")
        for tech in list_techniques(text[trig.end() :], base + trig.end())
    ]
