"""Relationships read from trigger phrases in one sentence: referrals, agreements, positions, signatories.

SUPPORTS and TRANSFERS are read by the relation rules (rules.py, support.py); the
facts here carry a fixed rule id each (`refers.to_higher_level`, `position.after_name`,
...), so `hospnet eval --by-rule` scores them too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hospnet.extract.context import RANK, DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.people import name_after, position_at, position_before
from hospnet.extract.rules import load_rules
from hospnet.extract.techniques import list_techniques

_REFER = re.compile(
    r"(?<![\w])(?:chuyển tuyến|chuyển viện|chuyển(?:[ ](?!giao)[\w]+){0,6}?[ ](?:lên|tới|đến|ra)|chuyển từ(?=[ ]+(?:Bệnh viện|BV|Trung tâm Y tế|TTYT|[Tt]rạm [Yy] tế))|"
    r"refer(?:s|red|ral|rals|ring)?|transferred (?:patients )?to|"
    r"(?:patients|cases) (?:were |are |had to be )?(?:sent|transferred) to)(?![\w])",
    re.IGNORECASE,
)
_AGREEMENT = re.compile(
    r"(?<![\w])(?:ký kết|ký hợp đồng|ký biên bản|ký thỏa thuận|ký thoả thuận|hợp đồng|biên bản ghi nhớ|"
    r"ký (?:văn bản|bản ghi nhớ|ghi nhớ|chương trình hợp tác|kế hoạch hợp tác)|"
    r"thỏa thuận hợp tác|thoả thuận hợp tác|signed|signing|agreement|memorandum|MoU|MOU|contract)(?![\w])",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"(?<![\w])(?:giữa|between)(?:[ ]+(?:hai|ba|bốn|năm|\d+|các|two|three)[ ]+"
    r"(?:bên|đơn vị|bệnh viện|cơ sở|parties|hospitals))?[ ]*:?[ ]+$",
    re.IGNORECASE,
)
_WITH = re.compile(r"(?<![\w])(?:với|with)(?:[ ]+(?:các|những|the))?[ ]*$", re.IGNORECASE)
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


@dataclass
class AgreementFact:
    """A signed agreement and its parties, read from a sentence."""

    parties: list[Mention]
    kind: str
    sentence: str
    date: str | None
    supporter: Mention | None = None
    rule: str = "agreement.signed"


def _rank(m: Mention) -> int:
    return RANK.get(m.props.get("level", ""), 0) if m.label == "Hospital" else 0


def kinds_of(sentence: str) -> list[str]:
    return [kind for kind, rx in _KINDS if rx.search(sentence)]


def _distinct(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for m in ms:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def _objects(
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
    hospitals = _distinct([m for m in unit.mentions if m.label == "Hospital"])
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
    top_rank = max(_rank(h) for h in hospitals)
    tops = [h for h in hospitals if _rank(h) == top_rank]
    out = [
        Fact("REFERS_TO", h, top, text, rule="refers.to_higher_level")
        for h in hospitals
        if _rank(h) < top_rank
        for top in tops
    ]
    if not out and len(hospitals) == 2:
        out.append(Fact("REFERS_TO", hospitals[0], hospitals[1], text, rule="refers.in_text_order"))
    return out


def agreements(unit: SentenceMentions, ctx: DocumentContext) -> list[AgreementFact]:
    """Agreements signed: "giữa A với B", "A và B ký kết", "A ký kết với B, C", "hai bên"."""
    text, base = unit.sentence.text, unit.sentence.start
    trig = _AGREEMENT.search(text)
    if not trig:
        return []
    parties_of = [
        m
        for m in unit.mentions
        if m.label in ("Hospital", "Organization") and not _is_parent(m, unit)
    ]
    groups: list[list[Mention]] = []
    for m in parties_of:
        before = text[: m.start - base]
        if _BETWEEN.search(before):
            rest = _objects(unit, m.end, ("Hospital", "Organization"), reach=8)
            follow = [x for x in parties_of if x.start >= m.end][:1]
            if follow and re.match(
                r"^[ ]*(?:với|và|and|with|&)[ ]*$", text[m.end - base : follow[0].start - base]
            ):
                groups.append([m, follow[0]])
            elif rest:  # "giữa ba đơn vị: A, B và C": every unit listed is a party
                groups.append([m, *rest])
    if not groups:
        with_list = None
        for m in parties_of:
            if m.start > base + trig.start() and _WITH.search(
                text[: m.props.get("head_start", m.start) - base]
            ):
                with_list = [m] + _objects(unit, m.end, ("Hospital", "Organization"), reach=6)
                break
        subject = None
        for m in reversed(parties_of):
            if m.end <= (with_list[0].start if with_list else base + trig.start()):
                subject = m
                break
        if subject is None and with_list and load_rules().has("staff", text[: trig.start()]):
            # "Đoàn cũng ký kết ... với TTYT X": the team of the hospital the story is about.
            top = ctx.hospitals_by_salience()
            subject = top[0] if top and top[0].name not in {w.name for w in with_list} else None
        if subject and with_list:
            groups = [[subject, other] for other in with_list if other.name != subject.name]
        elif subject:
            pair = [m for m in parties_of if m.end <= base + trig.start()]
            if len(pair) >= 2 and re.match(
                r"^[ ]*(?:và|and|&|với)[ ]*$", text[pair[-2].end - base : pair[-1].start - base]
            ):
                # "A (Hàn Quốc), B và C đã ký": the whole list signs, not only its last two
                chain = _chain_before(pair, text, base, base + trig.start())
                groups = [chain if len(chain) > 2 else [pair[-2], pair[-1]]]
            else:
                # "Giám đốc Sở Y tế A và giám đốc sở y tế các tỉnh B, C, D đã cùng ký": every unit of the list
                chain = _chain_before(pair, text, base, base + trig.start())
                if len(chain) >= 3:
                    groups = [chain]
    if not groups and unit.pair_refs:
        pair = ctx.pair()
        if pair:
            groups = [pair]
    out = []
    low = text.lower()
    for group in groups:
        group = _distinct(group)
        if len(group) < 2:
            continue
        if "hỗ trợ" in low or "support" in low or "chỉ đạo tuyến" in low:
            kind = "support_contract"
        elif "chuyển giao" in low or "transfer" in low:
            kind = "transfer_plan"
        elif "hợp tác" in low or "cooperat" in low or "memorandum" in low or "mou" in low:
            kind = "cooperation"
        else:
            kind = "other"
        supporter = None
        hospitals = [g for g in group if g.label == "Hospital"]
        if (
            kind in ("support_contract", "transfer_plan")
            and len(hospitals) == 2
            and _rank(hospitals[0]) != _rank(hospitals[1])
        ):
            supporter = max(hospitals, key=_rank)
        out.append(AgreementFact(group, kind, text, _date_in(text, ctx.date), supporter))
    return out


# Between two units of a list: a comma or "và", after the first one's country or city in brackets.
_CHAIN_GAP = re.compile(
    r"^[ ]*(?:\([^()]{0,30}\)[ ]*)?(?:,[ ]*|(?:,[ ]*)?(?:và|and|&)\b[^.;:]{0,40})$", re.IGNORECASE
)


def _chain_before(parties: list[Mention], text: str, base: int, trigger: int) -> list[Mention]:
    """The coordinated units that end right before a signing word, last one within a few words of it."""
    if not parties or trigger - parties[-1].end > 25:
        return []
    chain = [parties[-1]]
    for m in reversed(parties[:-1]):
        if not _CHAIN_GAP.match(text[m.end - base : chain[0].start - base]):
            break
        chain.insert(0, m)
    return chain


def _is_parent(m: Mention, unit: SentenceMentions) -> bool:
    """ "Viện X, Bộ Y tế": the ministry after a comma names X's parent, not a party."""
    if m.label != "Organization" or m.props.get("kind") != "ministry":
        return False
    text, base = unit.sentence.text, unit.sentence.start
    before = text[: m.start - base]
    return before.rstrip().endswith(",") and any(
        o.end <= m.start and before[o.end - base :].strip() == "," for o in unit.mentions
    )


_DATE = re.compile(r"(?P<d>\d{1,2})[/-](?P<m>\d{1,2})(?:[/-](?P<y>\d{4}))?")


def _date_in(text: str, doc_date: str | None) -> str | None:
    m = _DATE.search(text)
    if m and 1 <= int(m.group("m")) <= 12 and 1 <= int(m.group("d")) <= 31:
        year = m.group("y") or (doc_date[:4] if doc_date else None)
        if year:
            return f"{year}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    return doc_date


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


_SIGNING = re.compile(r"(?<![\w])(?:ký(?! sinh| túc)|signed|signing|signs?)(?![\w])", re.IGNORECASE)


def signers(unit: SentenceMentions, held: list[Fact]) -> list[Fact]:
    """SIGNED_BY candidates: "Đại diện ký kết gồm <person>, Giám đốc <unit> …" names who signed for which side.

    A fact runs from the person to the unit they signed for; assemble.py ties it to that unit's agreements.
    """
    if not _SIGNING.search(unit.sentence.text):
        return []
    return [
        Fact("SIGNED_BY", f.start, f.end, f.sentence, rule="signed.by_signatory")
        for f in held
        if f.type == "HOLDS_POSITION"
    ]


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
