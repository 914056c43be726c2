"""Relationships read from trigger phrases in one sentence: referrals, agreements, positions, signatories.

SUPPORTS and TRANSFERS are read by the relation rules (rules.py, support.py); the
facts here carry a fixed rule id each (`refers.to_higher_level`, `position.after_name`,
...), so `hospnet eval --by-rule` scores them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hospnet.extract.context import DocumentContext, SentenceMentions, level_rank
from hospnet.extract.mentions import Mention, distinct
from hospnet.extract.people import name_after, position_at, position_before
from hospnet.extract.rules import load_rules
from hospnet.extract.techniques import list_techniques

_REFER = re.compile(
    r"(?<![\w])(?:chuyển tuyến|chuyển viện|chuyển(?:[ ](?!giao)[\w]+){0,6}?[ ](?:lên|tới|đến|ra|vào|sang)|chuyển từ(?=[ ]+(?:Bệnh viện|BV|Trung tâm Y tế|TTYT|[Tt]rạm [Yy] tế))|"
    r"refer(?:s|red|ral|rals|ring)?|transferred (?:patients )?to|"
    r"(?:patients|cases) (?:were |are |had to be )?(?:sent|transferred) to)(?![\w])",
    re.IGNORECASE,
)
_JOIN = re.compile(
    r"^[ ]*(?:,|và|với|and|&|cùng)?[ ]*(?:(?:các|những|the)[ ]+)?(?:(?:huyện|thị xã|thành phố|TP\.?)[ ]+)?$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"[ ]*\([^()]*\)")
_CLAUSE_END = re.compile(r"[;:]|\.(?=\s)")
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


def referrals(unit: SentenceMentions, ctx: DocumentContext) -> list[Fact]:
    """REFERS_TO: patients sent from the lower level to the higher one."""
    text = unit.sentence.text
    trig = _REFER.search(text)
    if not trig or "chuyển giao" in trig.group(0):
        return []
    rules = load_rules()
    lead = text[max(0, trig.start() - 20) : trig.start()]
    if rules.has("negation", lead) and not rules.has(
        "no_longer", lead
    ):  # "không phải chuyển tuyến"
        return []
    ahead = text[trig.end() : trig.end() + 25]
    if rules.has("upper_level", ahead) or rules.has("this_technique", lead):
        return []  # "chuyển người bệnh lên tuyến trên": no hospital named; "the technique was transferred"
    hospitals = distinct([m for m in unit.mentions if m.label == "Hospital"])
    agent = _referrer(unit, trig.start())
    if agent is not None:
        return _referred_by(agent, hospitals, ctx, text)
    if trig.group(0).lower().endswith((" vào", " sang")) and not rules.has("patients", text):
        return []  # "chuyển từ hồ sơ giấy sang bệnh án điện tử": a change, unless patients are moved
    explicit = trig.group(0).lower().startswith(("chuyển tuyến", "chuyển viện", "refer"))
    if not explicit and len(hospitals) < 2 and not rules.has("patients", text):
        return []  # "chuyển 500 túi thuốc đến", "transferred to the hospital": goods or techniques, not patients
    if len(hospitals) == 1 and hospitals[0].start < unit.sentence.start + trig.start():
        # "X ... giảm chuyển tuyến": no destination, unless a province names the partner's ("chuyển tuyến về Hà Nội")
        after = [
            m
            for m in unit.mentions
            if m.label == "Province" and 0 <= m.start - unit.sentence.start - trig.end() < 20
        ]
        partner = ctx.partner(hospitals[0], higher=True)
        if not after or partner is None or partner.props.get("province") != after[0].name:
            return []
        hospitals = hospitals + [partner]
    if len(hospitals) == 1:
        partner = ctx.partner(hospitals[0], higher=False) or ctx.partner(hospitals[0], higher=True)
        hospitals = hospitals + ([partner] if partner else [])
    if len(hospitals) < 2:
        return []
    top_rank = max(level_rank(h) for h in hospitals)
    tops = [h for h in hospitals if level_rank(h) == top_rank]
    out = [
        Fact("REFERS_TO", h, top, text, rule="refers.to_higher_level")
        for h in hospitals
        if level_rank(h) < top_rank
        for top in tops
    ]
    if not out and len(hospitals) == 2:
        out.append(Fact("REFERS_TO", hospitals[0], hospitals[1], text, rule="refers.in_text_order"))
    return out


_BY = re.compile(r"(?:được|do|bởi)[ ]+$", re.IGNORECASE)


def _referrer(unit: SentenceMentions, trigger: int) -> Mention | None:
    """ "được BV tỉnh Bạc Liêu chuyển lên", "người bệnh do Bệnh viện 103 chuyển sang": the hospital that
    sends, named as the agent right before the referral word."""
    text, base = unit.sentence.text, unit.sentence.start
    before = [m for m in unit.mentions if m.label == "Hospital" and m.end - base <= trigger]
    if not before or trigger - (before[-1].end - base) > 3:
        return None
    m = before[-1]
    return m if _BY.search(text[max(0, m.start - base - 10) : m.start - base]) else None


def _referred_by(
    agent: Mention, hospitals: list[Mention], ctx: DocumentContext, text: str
) -> list[Fact]:
    """Patients the agent sends: to the other hospitals the sentence names, else to the story's higher
    partner ("Ông X được BV Đồng Tháp chuyển lên từ 5 giờ sáng" in a story about Chợ Rẫy)."""
    others = [h for h in hospitals if h.name != agent.name and level_rank(h) >= level_rank(agent)]
    if not others and len(hospitals) == 1:
        partner = ctx.partner(agent, higher=True)
        others = [partner] if partner is not None else []
    return [Fact("REFERS_TO", agent, h, text, rule="refers.by_sender") for h in others]


def positions(unit: SentenceMentions) -> tuple[list[Fact], list[Mention]]:
    """HOLDS_POSITION from "<person>, <position> <unit>" and "<position> <unit> <person>"; new persons."""
    text, base = unit.sentence.text, unit.sentence.start
    facts: list[Fact] = []
    found: list[Mention] = []
    units = [m for m in unit.mentions if m.label in ("Hospital", "Organization")]
    people = [m for m in unit.mentions if m.label == "Person"]
    for org in units:
        pos = position_before(text, org.start - base)
        if not pos:
            continue
        person = name_after(text, org.end - base, base)
        if person is None:
            # "Giám đốc TTYT Mộc Hóa, TS Đặng Ngọc An": the person (titles and all) right after a separator.
            after = re.match(r"[ ]*[,–—-][ ]*", text[org.end - base :])
            nxt = [
                p
                for p in people
                if after and p.end - len(p.surface) - base == org.end - base + after.end()
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
        while True:
            # "..., Phó Giám đốc A được điều động, bổ nhiệm giữ chức Giám đốc B": both posts
            sep = re.match(
                r"[ ]*(?:được (?:điều động,? )?bổ nhiệm(?: giữ chức| làm)?|,|–|—|-|\(|và|and|giữ chức|làm|là)[ ]*",
                text[pos_i:],
            )
            if not sep:
                break
            start = pos_i + sep.end()
            nxt_person = min(
                (p.start - base for p in people if p.start - base >= start), default=len(text)
            )
            stop = _CLAUSE_END.search(text, start)
            limit = min(nxt_person, stop.start() if stop else len(text))
            next_org = next((u for u in units if start <= u.start - base < limit), None)
            found_pos = position_at(text, start, next_org.start - base if next_org else limit)
            if found_pos and re.match(
                r"[ ]+(?:bệnh viện|của bệnh viện)(?![ ]+[A-ZĐ])", text[found_pos.end :]
            ):
                # "BS X, Giám đốc bệnh viện": the hospital the sentence named before the person
                before = [u for u in units if u.label == "Hospital" and u.end <= person.start]
                if before:
                    facts.append(
                        Fact(
                            "HOLDS_POSITION",
                            person,
                            before[-1],
                            text,
                            {"title": found_pos.title},
                            rule="position.of_the_hospital",
                        )
                    )
                break
            if not found_pos or not next_org:
                break
            facts.append(
                Fact(
                    "HOLDS_POSITION",
                    person,
                    next_org,
                    text,
                    {"title": found_pos.title},
                    rule="position.after_name",
                )
            )
            pos_i = next_org.end - base
    return facts, found


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
