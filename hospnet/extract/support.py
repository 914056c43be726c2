"""SUPPORTS and TRANSFERS read by the relation rules (rules.py), sentence by sentence, then across sentences.

A rule that fills both slots makes its facts in its sentence, unless the clause negates
the trigger, asks for it ("đề nghị", "mong muốn": a wish of the receiving side) or only
surveys ("khảo sát", "kiểm tra"). A rule with an `open` slot leaves that slot to the
neighbouring sentence: the team of "Đoàn gồm bác sĩ của A, B" is the team the sentence
before sent "hỗ trợ tỉnh X"; such a fact keeps both sentences as its evidence.
"""

from __future__ import annotations

import re

from hospnet.extract.clauses import _CLAUSE_END, ACTS, Match, items_of, match_rule
from hospnet.extract.context import DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.support_facts import FactReader, OpenFact, act_of, learning
from hospnet.extract.support_pairs import pair_halves, story_pair
from hospnet.extract.support_review import review
from hospnet.extract.references import (
    listed_units,
    plural_references,
    the_centre,
    the_foreign,
    the_hospital,
    the_district_facilities,
    the_province,
    the_tinh,
)
from hospnet.extract.relations import Fact
from hospnet.extract.rules import Hit, RuleSet, load_rules


def _blocked(match: Match, unit: SentenceMentions, rules: RuleSet) -> bool:
    """Negated, requested by the receiving side, sent to learn, a patient moved, or only surveyed: no
    support."""
    act = act_of(match) or (
        match.hits[0] if match.hits else None
    )  # a team's staff: its first cue word
    if act is None:
        return False
    text, base = unit.sentence.text, unit.sentence.start
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, act.start - base)]
    clause = text[(ends[-1] if ends else 0) : act.start - base]
    if rules.has("negation", text[max(0, act.start - base - 16) : act.start - base]):
        return True
    if act.name == "assigned" and _ends_with(rules, "post", text[: act.start - base], r"\s*$"):
        return True  # "Phó Giám đốc phụ trách TTYT huyện Sa Thầy": a post
    if act.name == "send" and rules.has("into_use", text[act.end - base : act.end - base + 16]):
        return True  # "được đưa vào sử dụng": put to use
    if act.name == "send" and _patients_next(text[act.end - base :], rules):
        return True  # "đưa người bệnh vào TP.HCM": a patient moved, not a team sent
    if rules.has("appointment", text[act.end - base : act.end - base + 25]):
        return True
    if (
        act.name == "send"
        and not learning(match)
        and any(
            rules.has(name, text[act.end - base : match.end - base + 40])
            for name in ("learn", "trained")
        )
    ):
        return True  # "cử ê-kíp ra Huế tham gia quan sát": sent to learn, not to support
    requests = rules.finditer("request", clause)
    if requests:
        after = clause[requests[-1].end() :]
        before = [
            m
            for m in unit.mentions
            if m.end <= base + (ends[-1] if ends else 0) + requests[-1].start()
        ]
        # "Cục X đề nghị", "Theo đề nghị của Cục X, …": an authority asks the giver, the support stands
        asked_at = base + (ends[-1] if ends else 0) + requests[-1].end()
        by = [m for m in unit.mentions if 0 <= m.start - asked_at <= 8]
        by_authority = (bool(before) and _authority(before[-1])) or (bool(by) and _authority(by[0]))
        if not rules.has("continue", after) and not by_authority:
            return True
    start = max(match.start - base, ends[-1] if ends else 0)
    return rules.has("survey", text[start : act.start - base])


def supports_and_transfers(ctx: DocumentContext, rules: RuleSet | None = None) -> list[Fact]:
    """SUPPORTS (and TRANSFERS for each technique named) of a whole document."""
    rules = rules or load_rules()
    reader = FactReader(ctx, rules)
    opens: list[OpenFact] = []
    lists: list[list[Mention]] = []
    units = ctx.units
    tinh = the_tinh(ctx)
    named: list[Mention] = []
    for index, unit in enumerate(units):
        named += unit.mentions
        text, base = unit.sentence.text, unit.sentence.start
        hits = [h for h in rules.hits(text, base) if not _names_a_facility(h, unit, rules)]
        plain = items_of(unit.mentions, hits, [])
        listed = listed_units(plain, unit)
        plurals = (
            plural_references(unit, lists + listed, named)
            + the_province(unit, tinh)
            + the_district_facilities(unit)
            + the_centre(unit, ctx)
            + the_foreign(unit, ctx)
            + the_hospital(unit, named, ctx)
        )
        items = items_of(unit.mentions, hits, plurals) if plurals else plain
        lists += listed
        closed_acts: set[int] = set()
        present = {h.name for h in hits}
        found = [
            m
            for rule in rules.applicable(present)
            for m in match_rule(rule, items, rules, text, base)
        ]
        for m in found:
            if "receivers" in m.slots:
                m.slots["receivers"] = [
                    r
                    for r in m.slots.get("receivers", [])
                    if not _place_word_before(r, unit, rules)
                ]
            if "givers" in m.plural and _agreement_topic(act_of(m), unit, rules):
                m.slots["givers"] = []
            if "givers" in m.slots and not learning(m):
                m.slots["givers"] = [
                    g
                    for g in m.slots["givers"]
                    if not g.props.get("unnamed")
                    and not (
                        _word_before(g, unit, rules, "toward")
                        and not _thanked(g, unit, rules)
                        and not _word_before(g, unit, rules, "handed_to")  # "giao cho X hỗ trợ"
                    )
                    and not _passive_subject(g, m, unit, rules)
                ]
            if "givers" in m.slots and "receivers" in m.slots:
                m.slots["receivers"] = [
                    r
                    for r in m.slots["receivers"]
                    if not _where_giver_is(r, m.slots["givers"], unit, rules)
                ]
                # "được cử về Bệnh viện E ..., được các bác sĩ Bệnh viện E chuyển giao": no self-support
                givers = {g.name for g in m.slots["givers"]}
                receivers = {r.name for r in m.slots["receivers"]}
                if "receivers" in m.plural and givers & receivers:
                    # "A chuyển giao cho B và C, giúp hai bệnh viện ...": C is among those helped
                    m.slots["receivers"] = []
                m.slots["receivers"] = [r for r in m.slots["receivers"] if r.name not in givers]
        closed = _most_specific([m for m in found if m.rule.open is None])
        givers_done: set[str] = set()
        receivers_done: set[str] = set()
        for m in closed:
            if m.slots.get("receivers"):
                closed_acts |= {h.start for h in m.hits if h.name in ACTS}
            if not _blocked(m, unit, rules) and m.slots.get("receivers"):
                reader.add(
                    m.rule.id, m.slots.get("givers", []), m.slots["receivers"], [unit], act_of(m)
                )
                givers_done |= {g.name for g in m.slots.get("givers", [])}
                reader.receivers_at.setdefault(index, []).extend(m.slots["receivers"])
                receivers_done |= {r.name for r in m.slots["receivers"]}
                for hit in (
                    hits
                ):  # "X – vệ tinh của Y – đã được chuyển giao các kỹ thuật: ...": the same pair
                    if (
                        hit.name == "transfer"
                        and hit.start not in closed_acts
                        and not _other_clause(text, base, m, hit)
                    ) or (
                        # "cử 100 bác sĩ đến A, B để học kỹ thuật ghép thận": what they went to learn
                        learning(m) and hit.name == "learn" and hit.start >= m.start
                    ):
                        for g in m.slots.get("givers", []):
                            for r in m.slots["receivers"]:
                                if r.label == "Hospital" and g.name != r.name:
                                    reader.transfers(m.rule.id, g, r, unit, hit, text, [])
        for m in found:
            act = act_of(m)
            # A unit this sentence already gave a role to (giver, or receiver) takes no other half role.
            taken = givers_done | receivers_done
            if (
                m.rule.open
                and not (act and act.start in closed_acts)
                and not _blocked(m, unit, rules)
                and not taken
                & {g.name for g in m.slots.get("givers", []) + m.slots.get("receivers", [])}
                and not (m.rule.open == "receivers" and _unnamed_receivers(act, unit))
            ):
                opens.append(OpenFact(m, index))
    pair_halves(reader, opens, units)
    if not any(f.type == "SUPPORTS" for f in reader.facts):
        story_pair(reader, rules)
    return review(reader.facts, reader.listed)


# "đã hỗ trợ nhiều bệnh viện khác", "chuyển giao cho các bệnh viện tuyến dưới": receivers stated, unnamed.
_UNNAMED = re.compile(
    # "chuyển giao (nhiều kỹ thuật) cho các bệnh viện này": an object may stand before "cho"
    r"^\s*(?:(?:[^\s,.;]+\s+){0,4}?cho\s+)?(?:nhiều|các|những|một số|hàng chục|hàng trăm|many|other|several)\s+"
    r"(?:bệnh viện|đơn vị|cơ sở|địa phương|tỉnh|trạm y tế|hospitals|facilities|provinces)",
    re.IGNORECASE,
)


def _agreement_topic(act: Hit | None, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "hai đơn vị ký biên bản hỗ trợ": the support word is what the signed paper is about."""
    if act is None:
        return False
    before = unit.sentence.text[
        max(0, act.start - unit.sentence.start - 20) : act.start - unit.sentence.start
    ]
    return _ends_with(rules, "agreement_topic", before, r"\s*$")


def _names_a_facility(hit: Hit, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "Trung tâm tư vấn, khám chữa bệnh từ xa", "a centre for remote medical consultation": the act word
    names what a centre does (after "centre for", two words may stand between: "remote medical")."""
    words = rules.triggers.get("facility")
    if hit.name not in ACTS or words is None:
        return False
    before = unit.sentence.text[
        max(0, hit.start - unit.sentence.start - 40) : hit.start - unit.sentence.start
    ]
    found = re.search(rf"({words.pattern})\s+((?:[a-z-]+\s+){{0,2}})$", before, re.IGNORECASE)
    if found is None:
        return False
    return not found.group(2) or found.group(1).lower().endswith("for")


def _unnamed_receivers(act: Hit | None, unit: SentenceMentions) -> bool:
    """Whether the support word is followed by receivers it names only in general (no neighbour's then)."""
    if act is None:
        return False
    return bool(_UNNAMED.match(unit.sentence.text[act.end - unit.sentence.start :]))


def _other_clause(text: str, base: int, m: Match, hit: Hit) -> bool:
    """ "chuyển giao cho A kỹ thuật X; với B, đơn vị chuyển giao Y": a transfer word past a ";" is
    another pair's."""
    lo, hi = sorted((m.start, hit.start))
    return ";" in text[lo - base : hi - base]


def _most_specific(matches: list[Match]) -> list[Match]:
    """Of matches on one trigger word, the one with the longest pattern ("sự hỗ trợ của X" over "hỗ trợ X")."""
    best: dict[int, Match] = {}
    for m in matches:
        act = act_of(m)
        key = act.start if act else -m.start
        if key not in best or len(m.rule.pattern) > len(best[key].rule.pattern):
            best[key] = m
    return list(best.values())


def _patients_next(after: str, rules: RuleSet) -> bool:
    """Whether the words right after a sending word are patients ("đưa người bệnh", "đưa các bệnh nhân
    tai biến", "đưa 10 người bệnh"), not staff ("cử 24 lượt bác sĩ")."""
    words = rules.triggers.get("patients")
    after = _COUNT_WORD.sub("", after.lstrip(), count=1)
    return words is not None and bool(words.match(after))


# A count or determiner before a noun: "các", "những", "10", "hai".
_COUNT_WORD = re.compile(
    r"^(?:các|những|mọi|toàn bộ|cả|[\d.]+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|the|all)\s+(?:lượt\s+)?",
    re.IGNORECASE,
)


# "từ miền Trung đến mũi Cà Mau": the far end of a stretch of country, not a province supported.
_RANGE_END = re.compile(r"(?<![\w])từ(?![\w])[^,;.]{1,30}?(?<![\w])(?:đến|tới)\s+(?:mũi\s+)?$")


_STAFF_OR_UNITS = re.compile(
    r"(?<![\w])(?:bệnh viện|cơ sở y tế|đơn vị|hospitals|facilities)(?![\w])", re.I
)
_PROVINCE_OF = re.compile(r"(?<![\w])(?:province|city)\s+of\s+$", re.IGNORECASE)


def _place_word_before(m: Mention, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "của Cần Thơ": a province named as an owner is not the one supported, nor "người bệnh tại Cần Thơ"
    (care for residents); "do Bệnh viện X": a unit named as the agent is not either."""
    before = unit.sentence.text[
        max(0, m.start - unit.sentence.start - 30) : m.start - unit.sentence.start
    ]
    tail = r"\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?$"
    if m.label != "Province":  # "do Bệnh viện X", "từ chuyên gia Bệnh viện X"
        staff = rules.triggers.get("staff")
        of_staff = (
            rf"\s*(?:(?:các|những)\s+)?(?:(?:{staff.pattern})\s+(?:của\s+)?)?$" if staff else tail
        )
        return _ends_with(rules, "agent", before, tail) or _ends_with(
            rules, "agent", before, of_staff
        )
    if _ends_with(
        rules, "health_sector", before, r"\s*(?:(?:của|tại|ở|of|in)\s+)?(?:the\s+)?" + tail[3:]
    ):
        return False  # "các cơ sở y tế của TP.HCM": the province's own facilities are supported
    if _PROVINCE_OF.search(before):
        return False  # "the (Mekong Delta) province of Kien Giang": the province itself, named in English
    if _ends_with(rules, "place_of", before, tail) or _RANGE_END.search(before):
        return True
    wider = unit.sentence.text[
        max(0, m.start - unit.sentence.start - 60) : m.start - unit.sentence.start
    ]
    patients = rules.finditer("patients", wider)
    # "hội chẩn các ca bệnh cùng bác sĩ của những bệnh viện tại X": staff or hospitals stand between the
    # patients and the place, so the place is where the supported hospitals are
    return (
        _ends_with(rules, "location", before, tail)
        and bool(patients)
        and not _STAFF_OR_UNITS.search(wider, patients[-1].end())
        and not rules.finditer("staff", wider, patients[-1].end())
    )


def _thanked(g: Mention, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "cảm ơn tới Bệnh viện X": X is thanked, so X gave, whatever "tới" says."""
    before = unit.sentence.text[: g.start - unit.sentence.start]
    ends = [m.end() for m in _CLAUSE_END.finditer(before)]
    return rules.has("thanks", before[ends[-1] if ends else 0 :])


def _passive_subject(g: Mention, m: Match, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "X đã được các bệnh viện tuyến trên chuyển giao 30 kỹ thuật": the subject of a passive with an
    unnamed agent receives. Not "X được phân công hỗ trợ", nor staff "được cử" (sent) by X, nor what
    X has "được chuyển giao cho Y"."""
    act = act_of(m)
    if act is None or act.name not in ("support", "transfer", "consult") or g.end > act.start:
        return False
    base = unit.sentence.start
    between = unit.sentence.text[g.end - base : act.start - base]
    after = unit.sentence.text[act.end - base : act.end - base + 40]
    units = [u for u in unit.mentions if g.end <= u.start < act.start]
    return (
        rules.has("passive", between)
        and not rules.has("beneficiary", after)  # "kỹ thuật của X được chuyển giao cho Y": X gives
        and (
            rules.has("handed_to", between)  # "X được Sở giao cho bốn bệnh viện hỗ trợ": X receives
            or (
                not any(rules.has(name, between) for name in ("assigned", "send", "with_help"))
                and not units
            )
        )
    )


def _where_giver_is(
    m: Mention, givers: list[Mention], unit: SentenceMentions, rules: RuleSet
) -> bool:
    """ "Bach Mai Hospital in Hanoi", "Bệnh viện Chợ Rẫy (TP.HCM)": the giver's own province right after
    it says where the giver is."""
    text, base = unit.sentence.text, unit.sentence.start
    for g in givers:
        if g.props.get("province") != m.name or not 0 <= m.start - g.end <= 20:
            continue
        between = text[g.end - base : m.start - base]
        words = rules.triggers.get("location")
        if words is not None:
            between = words.sub(" ", between)
        if not re.sub(r"tỉnh|thành phố|TP\.?|[\s,(–-]", "", between, flags=re.IGNORECASE):
            return True
    return False


def _authority(m: Mention) -> bool:
    """An organisation whose request stands for the giver's own plan ("Cục X đề nghị"); a company's
    hope ("Công ty CP TTH Group kỳ vọng được BVTW Huế chuyển giao") is only a hope."""
    return m.label == "Organization" and m.rule != "org.company"


def _ends_with(rules: RuleSet, name: str, text: str, tail: str) -> bool:
    words = rules.triggers.get(name)
    return words is not None and bool(re.search(rf"(?:{words.pattern}){tail}", text, re.IGNORECASE))


def _word_before(m: Mention, unit: SentenceMentions, rules: RuleSet, name: str) -> bool:
    """Whether a word of list `name` stands right before mention `m` ("ra BVĐK X": X is where a team goes)."""
    before = unit.sentence.text[
        max(0, m.start - unit.sentence.start - 16) : m.start - unit.sentence.start
    ]
    words = rules.triggers.get(name)
    return words is not None and bool(re.search(rf"(?:{words.pattern})\s*$", before, re.IGNORECASE))
