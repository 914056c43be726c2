"""Agreements and who signed them: "giữa A với B", "A và B ký kết", "A ký kết với B, C", "hai bên",
"A (Hàn Quốc), B và C đã ký"; PARTY_TO for every party, SIGNED_BY for the person who signed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hospnet.extract.context import DocumentContext, SentenceMentions, level_rank
from hospnet.extract.mentions import Mention, distinct
from hospnet.extract.relations import Fact, objects_after
from hospnet.places import match_province


_AGREEMENT = re.compile(
    r"(?<![\w])(?:ký kết|ký hợp đồng|ký biên bản|ký thỏa thuận|ký thoả thuận|hợp đồng|biên bản ghi nhớ|"
    r"ký (?:văn bản|bản ghi nhớ|ghi nhớ|chương trình hợp tác|kế hoạch hợp tác)|"
    r"thỏa thuận hợp tác|thoả thuận hợp tác|văn bản hợp tác|signed|signing|agreement|memorandum|MoU|MOU|contract)(?![\w])",
    re.IGNORECASE,
)


# The signing verb, preferred to an agreement noun earlier in the sentence ("Thực hiện thỏa thuận … giữa
# A và B, Sở X và Sở Y đã … ký kết chương trình hợp tác"): the parties stand around the verb.
_SIGNING_VERB = re.compile(
    r"(?<![\w])(?:ký kết|ký hợp đồng|ký biên bản|ký thỏa thuận|ký thoả thuận|"
    r"ký (?:văn bản|bản ghi nhớ|ghi nhớ|chương trình hợp tác|kế hoạch hợp tác)|ký(?= với)|signed|signing)(?![\w])",
    re.IGNORECASE,
)
# Between a province that signs and the next one of its list ("các tỉnh Hà Tĩnh, Nghệ An và Thanh Hóa").
_PROVINCE_GAP = re.compile(r"^[ ]*(?:,|và|and)[ ]*$")
# A province after a word of place or possession is where or whose, not who signs ("tại thành phố Bắc Giang").
_PLACE_BEFORE = re.compile(
    r"(?<![\w])(?:tại|ở|về|đến|tới|cho|của|thuộc|địa bàn|in|at|to|of)[ ]*(?:các[ ]+)?$", re.I
)


_BETWEEN = re.compile(
    r"(?<![\w])(?:giữa|between)(?:[ ]+(?:hai|ba|bốn|năm|\d+|các|two|three)[ ]+"
    r"(?:bên|đơn vị|bệnh viện|cơ sở|parties|hospitals))?[ ]*:?[ ]+$",
    re.IGNORECASE,
)


# "were signed by the Long An General Hospital and the Wonkwang University Hospital": the passive's agents.
_SIGNED_BY = re.compile(
    r"(?<![\w])(?:signed|ký(?: kết)?)[ ]+(?:by|bởi)(?:[ ]+the)?[ ]+", re.IGNORECASE
)


# "ký kết với A", and "ký kết hợp tác với 12 bệnh viện công lập và tư nhân, trong đó có A, B": the named ones.
_WITH = re.compile(
    r"(?<![\w])(?:với|with)(?:[ ]+(?:các|những|the))?"
    r"(?:[ ]+(?:\d+|nhiều|hàng chục)[ ]+(?:bệnh viện|đơn vị|cơ sở|hospitals)[^,;.:]{0,40}"
    r"(?:,[ ]*)?(?:trong đó có|gồm|bao gồm|như|including|among them)|:)?[ ]*$",
    re.IGNORECASE,
)


# "A đã ký các biên bản hỗ trợ, chuyển giao kỹ thuật cao cho B và C": the units the papers were signed for.
_SIGNED_FOR = re.compile(
    r"(?<![\w])ký\s+(?:kết\s+)?(?:các\s+|những\s+|hai\s+|ba\s+)?(?:biên bản|hợp đồng|thỏa thuận|thoả thuận)"
    r"[^.;:]{0,60}\scho\s+(?:các\s+)?$",
    re.IGNORECASE,
)


@dataclass
class AgreementFact:
    """A signed agreement and its parties, read from a sentence."""

    parties: list[Mention]
    kind: str
    sentence: str
    date: str | None
    supporter: Mention | None = None
    rule: str = "agreement.signed"


def agreements(unit: SentenceMentions, ctx: DocumentContext) -> list[AgreementFact]:
    """Agreements signed: "giữa A với B", "A và B ký kết", "A ký kết với B, C", "hai bên"."""
    text = unit.sentence.text
    if not (_SIGNING_VERB.search(text) or _AGREEMENT.search(text)):
        return []
    groups, as_province = _groups(unit, ctx)
    if not groups and unit.pair_refs:
        pair = ctx.pair()  # "hai bên": the story's two main hospitals
        groups = [pair] if pair else []
    out = []
    low = text.lower()
    for group in groups:
        group = distinct(_signers_of_ours(group, as_province))
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
            and level_rank(hospitals[0]) != level_rank(hospitals[1])
        ):
            supporter = max(hospitals, key=level_rank)
        out.append(AgreementFact(group, kind, text, _date_in(text, ctx.date), supporter))
    return out


def _groups(unit: SentenceMentions, ctx: DocumentContext) -> tuple[list[list[Mention]], set[int]]:
    """The groups of parties a sentence names around its signing word (no "hai bên"), and the ids of
    the provinces that stand for their organizations in them."""
    text, base = unit.sentence.text, unit.sentence.start
    trig = _SIGNING_VERB.search(text) or _AGREEMENT.search(text)
    if not trig:
        return [], set()
    unit, as_province = _provinces_as_parties(unit, ctx)
    parties_of = [
        m
        for m in unit.mentions
        if m.label in ("Hospital", "Organization") and not _is_parent(m, unit)
    ]
    groups: list[list[Mention]] = []
    for m in parties_of:
        before = text[: m.start - base]
        if _BETWEEN.search(before):
            rest = objects_after(unit, m.end, ("Hospital", "Organization"), reach=8)
            follow = [x for x in parties_of if x.start >= m.end][:1]
            if follow and re.match(
                r"^[ ]*(?:với|và|and|with|&)[ ]*$", text[m.end - base : follow[0].start - base]
            ):
                groups.append([m, follow[0]])
            elif rest:  # "giữa ba đơn vị: A, B và C": every unit listed is a party
                groups.append([m, *rest])
    groups = [g for g in (_signers_of_ours(g, as_province) for g in groups) if len(g) >= 2]
    if not groups:
        with_list = None
        for m in parties_of:
            before = text[: m.props.get("head_start", m.start) - base]
            if m.start > base + trig.start() and (
                _WITH.search(before) or _SIGNED_FOR.search(before[-120:])
            ):
                with_list = [m] + objects_after(unit, m.end, ("Hospital", "Organization"), reach=6)
                break
        subject = None
        for m in reversed(parties_of):
            if m.end <= (with_list[0].start if with_list else base + trig.start()):
                subject = m
                break
        if subject is None and with_list:
            # "Đoàn cũng ký kết ... với TTYT X", "một thỏa thuận hợp tác với Trường Đại học Y đã được
            # ký": an agreement with X whose other side goes unsaid is the story's own hospital's.
            top = ctx.hospitals_by_salience()
            subject = top[0] if top and top[0].name not in {w.name for w in with_list} else None
        if subject and with_list:
            # "các tỉnh A, B và C lần lượt ký kết … với X": every unit of the chain signs with X
            up_to = [m for m in parties_of if m.end <= subject.end]
            subjects = _chain_before(up_to, text, base, base + trig.start()) or [subject]
            groups = [
                [one, other] for one in subjects for other in with_list if other.name != one.name
            ]
        elif subject:
            pair = [m for m in parties_of if m.end <= base + trig.start()]
            if len(pair) >= 2 and re.match(
                r"^[ ]*(?:\([^()]{0,30}\)[ ]*)?(?:và|and|&|với)[ ]*$",
                text[pair[-2].end - base : pair[-1].start - base],
            ):
                # "A (Hàn Quốc), B và C đã ký": the whole list signs, not only its last two
                chain = _chain_before(pair, text, base, base + trig.start())
                groups = [chain if len(chain) > 2 else [pair[-2], pair[-1]]]
            else:
                # "Giám đốc Sở Y tế A và giám đốc sở y tế các tỉnh B, C, D đã cùng ký": every unit of the list
                chain = _chain_before(pair, text, base, base + trig.start())
                if len(chain) >= 3:
                    groups = [chain]
    if not groups and (by := _SIGNED_BY.search(text)):
        agents = objects_after(unit, base + by.end(), ("Hospital", "Organization"), reach=4)
        groups = [agents] if len(agents) >= 2 else []
    return groups, as_province


def _provinces_as_parties(
    unit: SentenceMentions, ctx: DocumentContext
) -> tuple[SentenceMentions, set[int]]:
    """A province that signs ("tỉnh Thái Bình đã ký kết", "các tỉnh A, B và C ký kết với …") stands for
    its organization (SCHEMA: the People's Committee): the one of that province the story names, else
    its Ủy ban nhân dân. Returns the sentence with those provinces replaced, and the replacements' ids."""
    text, base = unit.sentence.text, unit.sentence.start
    out: list[Mention] = []
    replaced: set[int] = set()
    previous: Mention | None = None
    for m in unit.mentions:
        chained = previous is not None and _PROVINCE_GAP.match(
            text[previous.end - base : m.start - base]
        )
        signs = m.props.get("prefixed") and not _PLACE_BEFORE.search(text[: m.start - base])
        if m.label == "Province" and not m.props.get("in_parens") and (signs or chained):
            org = _organization_of(m, ctx)
            out.append(org)
            replaced.add(id(org))
            previous = org
            continue
        out.append(m)
        previous = None
    if not replaced:
        return unit, replaced
    return SentenceMentions(unit.sentence, out, unit.pair_refs), replaced


def _signers_of_ours(group: list[Mention], as_province: set[int]) -> list[Mention]:
    """ "thỏa thuận giữa TP.HCM và tỉnh Nghệ An": provinces that sign with no hospital sign their own
    agreement, not one of the hospital network; they leave such a group."""
    if any(g.label == "Hospital" for g in group):
        return group
    return [g for g in group if id(g) not in as_province]


def _organization_of(province: Mention, ctx: DocumentContext) -> Mention:
    """The People's Committee (else the health department) of a province the document names, else its
    People's Committee by name."""
    named = [
        m
        for u in ctx.units
        for m in u.mentions
        if m.label == "Organization"
        and m.name
        and m.props.get("province") == province.name
        and m.props.get("kind") in ("peoples_committee", "health_department")
    ]
    named.sort(key=lambda m: m.props.get("kind") != "peoples_committee")
    if named:
        name, props = named[0].name, dict(named[0].props)
    else:
        match = match_province(province.props.get("legacy_province") or province.name)
        legacy = match.legacy if match else province.name
        word = (
            ""
            if legacy.startswith("Thành phố")
            else "thành phố "
            if match and match.is_city
            else "tỉnh "
        )
        name, props = (
            f"Ủy ban nhân dân {word}{legacy}",
            {"kind": "peoples_committee", "province": province.name},
        )
    org = Mention("Organization", name, province.start, province.end, province.surface, props)
    org.rule = "agreement.province_party"
    return org


# Between two units of a list: a comma or "và", after the first one's country or city in brackets.
_CHAIN_GAP = re.compile(
    r"^[ ]*(?:\([^()]{0,30}\)[ ]*)?(?:,[ ]*|(?:,[ ]*)?(?:và|and|&)\b[^.;:]{0,40})$", re.IGNORECASE
)


def _chain_before(parties: list[Mention], text: str, base: int, trigger: int) -> list[Mention]:
    """The coordinated units that end right before a signing word, last one within a few words of it."""
    if not parties or trigger - parties[-1].end > 30:
        return []
    chain = [parties[-1]]
    for m in reversed(parties[:-1]):
        if not _CHAIN_GAP.match(text[m.end - base : chain[0].start - base]):
            break
        chain.insert(0, m)
    return chain


def _is_parent(m: Mention, unit: SentenceMentions) -> bool:
    """ "Viện X, Bộ Y tế": the ministry after a comma names X's parent, not a party; so does the
    organization in "Bệnh viện X thuộc Quỹ Y tế Y"."""
    if m.label != "Organization":
        return False
    text, base = unit.sentence.text, unit.sentence.start
    before = text[: m.start - base]
    if any(
        o.label == "Hospital" and re.fullmatch(r"[ ]+thuộc[ ]+", before[o.end - base :])
        for o in unit.mentions
        if o.end <= m.start
    ):
        return True
    if m.props.get("kind") != "ministry":
        return False
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
