"""REFERS_TO: patients sent up from one hospital to another ("chuyển tuyến", "chuyển lên", "do X chuyển
sang", "referred to"), read sentence by sentence with the document's context for an unnamed side."""

from __future__ import annotations

import re

from hospnet.extract.clauses import items_of
from hospnet.extract.context import DocumentContext, SentenceMentions, level_rank
from hospnet.extract.mentions import Mention, distinct
from hospnet.extract.references import listed_units, plural_references
from hospnet.extract.relations import Fact
from hospnet.extract.rules import load_rules

_REFER = re.compile(
    r"(?<![\w])(?:chuyển tuyến|chuyển viện|chuyển(?:[ ](?!giao)[\w]+){0,6}?[ ](?:lên|tới|đến|ra|vào|sang|về(?=[ ]+(?:Bệnh viện|BV|Trung tâm Y tế|TTYT)))|chuyển từ(?=[ ]+(?:Bệnh viện|BV|Trung tâm Y tế|TTYT|[Tt]rạm [Yy] tế))|"
    r"refer(?:s|red|ral|rals|ring)?|transferred (?:patients )?to|"
    r"(?:patients|cases) (?:were |are |had to be )?(?:sent|transferred) to)(?![\w])",
    re.IGNORECASE,
)


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
    hospitals = distinct(
        [m for m in unit.mentions if m.label == "Hospital"]
        + _plural_senders(unit, ctx, trig.start())
    )
    agent = _referrer(unit, trig.start(), ctx)
    if agent is not None:
        return _referred_by(agent, hospitals, ctx, text)
    agents = _plural_senders(unit, ctx, trig.start(), as_agent=True)
    if agents:  # "được hai bệnh viện phụ sản chuyển sang X": each of the two sends
        named = [h for h in hospitals if h.name not in {a.name for a in agents}]
        return [f for a in agents for f in _referred_by(a, [a, *named], ctx, text)]
    source = _source(unit, trig)
    if (
        source is not None
    ):  # "chuyển từ Chợ Rẫy sang các bệnh viện này": down to its partners is no referral
        return _referred_by(source, hospitals, ctx, text) if hospitals != [source] else []
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


def _referrer(unit: SentenceMentions, trigger: int, ctx: DocumentContext) -> Mention | None:
    """ "được BV tỉnh Bạc Liêu chuyển lên", "người bệnh do Bệnh viện 103 chuyển sang": the hospital that
    sends, named as the agent right before the referral word ("do Bắc Giang chuyển lên": the story's
    hospital of that province)."""
    text, base = unit.sentence.text, unit.sentence.start
    before = [
        m for m in unit.mentions if m.label in ("Hospital", "Province") and m.end - base <= trigger
    ]
    if not before or trigger - (before[-1].end - base) > 3:
        return None
    m = before[-1]
    if not _BY.search(text[max(0, m.start - base - 10) : m.start - base]):
        return None
    if m.label == "Hospital":
        return m
    province = m.props.get("legacy_province") or m.name
    return next(
        (
            h
            for h in ctx.hospitals_by_salience()
            if (h.props.get("legacy_province") or h.props.get("province")) == province
        ),
        None,
    )


_FROM = re.compile(r"[ ]+từ[ ]+$")


def _source(unit: SentenceMentions, trig: re.Match) -> Mention | None:
    """ "chuyển từ A sang B": the hospital after "từ" inside the referral phrase sends."""
    text, base = unit.sentence.text, unit.sentence.start
    return next(
        (
            m
            for m in unit.mentions
            if m.label == "Hospital"
            and trig.start() < m.start - base < trig.end()
            and _FROM.search(text, trig.start(), m.start - base)
        ),
        None,
    )


def _plural_senders(
    unit: SentenceMentions, ctx: DocumentContext, trigger: int, as_agent: bool = False
) -> list[Mention]:
    """ "hai trung tâm chuyển tới Bệnh viện X": the units a plural before the referral word stands for;
    `as_agent`: only a plural right before it after "được"/"do" ("được hai bệnh viện phụ sản chuyển")."""
    base, text = unit.sentence.start, unit.sentence.text
    lists: list[list[Mention]] = []
    named: list[Mention] = []
    for u in ctx.units:
        lists += listed_units(items_of(u.mentions, [], []), u)
        named += u.mentions
        if u is unit:
            break
    return [
        m
        for start, end, members in plural_references(unit, lists, named)
        if end - base <= trigger
        and (
            not as_agent
            or (
                _BY.search(text[max(0, start - base - 10) : start - base])
                and re.fullmatch(r"[ ]+(?:[^\W\d]+[ ]+){0,3}", text[end - base : trigger])
            )
        )
        for m in members
    ]


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
