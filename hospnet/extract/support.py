"""SUPPORTS and TRANSFERS read by the relation rules (rules.py), sentence by sentence, then across sentences.

A rule that fills both slots makes its facts in its sentence, unless the clause negates
the trigger, asks for it ("đề nghị", "mong muốn": a wish of the receiving side) or only
surveys ("khảo sát", "kiểm tra"). A rule with an `open` slot leaves that slot to the
neighbouring sentence: the team of "Đoàn gồm bác sĩ của A, B" is the team the sentence
before sent "hỗ trợ tỉnh X"; such a fact keeps both sentences as its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hospnet.extract.clauses import _CLAUSE_END, ACTS, Match, items_of, match_rule
from hospnet.extract.context import RANK, DocumentContext, SentenceMentions
from hospnet.extract.mentions import Mention
from hospnet.extract.references import listed_units, plural_references, the_province
from hospnet.extract.relations import Fact, kinds_of
from hospnet.extract.rules import Hit, RuleSet, load_rules
from hospnet.extract.techniques import find_techniques, list_techniques, named_techniques


@dataclass
class _Open:
    """Half a fact: one slot filled, the trigger found, the other slot left to a neighbouring sentence."""

    match: Match
    index: int  # sentence number


def _rank(m: Mention) -> int:
    return RANK.get(m.props.get("level", ""), 0) if m.label == "Hospital" else 0


def _act(match: Match) -> Hit | None:
    return next((h for h in match.hits if h.name in ACTS), None)


def _learning(match: Match) -> bool:
    """A rule that reads staff sent to learn at the giver (supports.sent_to_learn)."""
    return any(h.name in ("learn", "trained") for h in match.hits)


def _blocked(match: Match, unit: SentenceMentions, rules: RuleSet) -> bool:
    """Negated, requested by the receiving side, sent to learn, or only surveyed: no support."""
    act = _act(match) or (
        match.hits[0] if match.hits else None
    )  # a team's staff: its first cue word
    if act is None:
        return False
    text, base = unit.sentence.text, unit.sentence.start
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, act.start - base)]
    clause = text[(ends[-1] if ends else 0) : act.start - base]
    if rules.has("negation", text[max(0, act.start - base - 16) : act.start - base]):
        return True
    if rules.has("appointment", text[act.end - base : act.end - base + 25]):
        return True
    if (
        act.name == "send"
        and not _learning(match)
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
        by_authority = bool(before) and before[-1].label == "Organization"
        if not rules.has("continue", after) and not by_authority:
            return True
    start = max(match.start - base, ends[-1] if ends else 0)
    return rules.has("survey", text[start : act.start - base])


class _Reader:
    """Collects the facts of one document."""

    def __init__(self, ctx: DocumentContext, rules: RuleSet) -> None:
        self.ctx, self.rules = ctx, rules
        self.facts: list[Fact] = []
        self.seen: set[tuple] = set()
        self.listed: set[tuple[str, str]] = set()  # (giver, province) read from a list of provinces
        self.receivers_at: dict[
            int, list[Mention]
        ] = {}  # sentence number -> receivers of its whole facts

    def add(
        self,
        rule: str,
        givers: list[Mention],
        receivers: list[Mention],
        units: list[SentenceMentions],
        act: Hit | None,
    ) -> None:
        """One fact per giver and receiver; `units` are its evidence sentences, one of them holds `act`."""
        # The evidence: the sentence, or the text from the first sentence to the last (both kept, as written).
        text = self.ctx.text[units[0].sentence.start : units[-1].sentence.end]
        unit = next(
            (u for u in units if act and u.sentence.start <= act.start < u.sentence.end), units[-1]
        )
        programs = [m for u in units for m in u.mentions if m.label == "Program"]
        if sum(r.label == "Province" for r in receivers) >= 2:
            self.listed |= {(g.name, r.name) for g in givers for r in receivers}
        for giver in givers:
            for receiver in receivers:
                source, dest = giver, receiver
                if source.name == dest.name or source.label != "Hospital":
                    continue
                kinds = kinds_of(text) or ["training"]
                if act is not None and act.name == "transfer" and "technique_transfer" not in kinds:
                    kinds = ["technique_transfer", *kinds]
                props: dict = {"kinds": kinds}
                if programs:
                    props["program"] = programs[0].name
                key = ("SUPPORTS", source.name, dest.name)
                if key not in self.seen:
                    self.seen.add(key)
                    self.facts.append(Fact("SUPPORTS", source, dest, text, props, rule=rule))
                if (
                    act is not None
                    and act.name in ("transfer", "receive")
                    and dest.label == "Hospital"
                ):
                    self.transfers(rule, source, dest, unit, act, text, programs)

    def transfers(
        self,
        rule: str,
        source: Mention,
        dest: Mention,
        unit: SentenceMentions,
        act: Hit,
        text: str,
        programs: list[Mention],
    ) -> None:
        sentence, base = unit.sentence.text, unit.sentence.start
        if self.rules.has(
            "request", sentence[: act.start - base]
        ):  # a technique only asked for is not transferred
            return
        techniques = list_techniques(sentence[act.end - base :], act.end)
        if not techniques:
            received = self.rules.finditer("receive", sentence, 0, act.start - base)
            if received:  # "R tiếp nhận các kỹ thuật A, B và C do S chuyển giao"
                listed = sentence[received[-1].end() : act.start - base]
                by = self.rules.finditer("of", listed)
                techniques = list_techniques(
                    listed[: by[-1].start()] if by else listed, base + received[-1].end()
                )
        if not techniques and act.name == "transfer":
            techniques = named_techniques(sentence, base) or find_techniques(sentence, base)
        techniques = [
            t for t in techniques if not any(m.start <= t.start < m.end for m in unit.mentions)
        ]
        head = sentence[: act.start - base]
        status = transfer_status(self.rules, head, sentence)
        for tech in techniques:
            key = ("TRANSFERS", source.name, dest.name, tech.name)
            if key in self.seen:
                continue
            self.seen.add(key)
            props = transfer_props(self.ctx, status, tech)
            self.facts.append(Fact("TRANSFERS", source, dest, text, props, rule=rule))
        if techniques:
            mark_technique_transfer(self.facts, {(source.name, dest.name)})


def transfer_status(rules: RuleSet, before: str, sentence: str) -> str:
    """planned ("sẽ", "kế hoạch" before the trigger), done ("đã", "thành công"), else in progress."""
    if rules.has("planned", before):
        return "planned"
    return "done" if rules.has("done", sentence) else "in_progress"


def transfer_props(ctx: DocumentContext, status: str, tech: Mention) -> dict:
    """A TRANSFERS fact's properties: its status, its technique and the story's date."""
    props: dict = {"status": status, "technique_mention": tech}
    if ctx.date:
        props["date"] = ctx.date
    return props


def mark_technique_transfer(facts: list[Fact], pairs: set[tuple[str, str]]) -> None:
    """SCHEMA: every TRANSFERS pair's SUPPORTS has the kind `technique_transfer`."""
    for f in facts:
        kinds = f.props.get("kinds")
        pair = (f.start.name, f.end.name)
        if f.type == "SUPPORTS" and pair in pairs and kinds and "technique_transfer" not in kinds:
            kinds.insert(0, "technique_transfer")


def supports_and_transfers(ctx: DocumentContext, rules: RuleSet | None = None) -> list[Fact]:
    """SUPPORTS (and TRANSFERS for each technique named) of a whole document."""
    rules = rules or load_rules()
    reader = _Reader(ctx, rules)
    opens: list[_Open] = []
    lists: list[list[Mention]] = []
    units = ctx.units
    for index, unit in enumerate(units):
        text, base = unit.sentence.text, unit.sentence.start
        hits = rules.hits(text, base)
        plain = items_of(unit.mentions, hits, [])
        plurals = plural_references(unit, lists + listed_units(plain, unit)) + the_province(
            unit, ctx
        )
        items = items_of(unit.mentions, hits, plurals)
        lists += listed_units(plain, unit)
        closed_acts: set[int] = set()
        found = [m for rule in rules.rules for m in match_rule(rule, items, rules, text, base)]
        for m in found:
            if "receivers" in m.slots:
                m.slots["receivers"] = [
                    r
                    for r in m.slots.get("receivers", [])
                    if not _place_word_before(r, unit, rules)
                ]
            if "givers" in m.slots and not _learning(m):
                m.slots["givers"] = [
                    g for g in m.slots["givers"] if not _word_before(g, unit, rules, "toward")
                ]
            if "givers" in m.slots and "receivers" in m.slots:
                # "được cử về Bệnh viện E ..., được các bác sĩ Bệnh viện E chuyển giao": no self-support
                givers = {g.name for g in m.slots["givers"]}
                m.slots["receivers"] = [r for r in m.slots["receivers"] if r.name not in givers]
        closed = _most_specific([m for m in found if m.rule.open is None])
        givers_done: set[str] = set()
        receivers_done: set[str] = set()
        for m in closed:
            closed_acts |= {h.start for h in m.hits if h.name in ACTS}
            if not _blocked(m, unit, rules) and m.slots.get("receivers"):
                reader.add(
                    m.rule.id, m.slots.get("givers", []), m.slots["receivers"], [unit], _act(m)
                )
                givers_done |= {g.name for g in m.slots.get("givers", [])}
                reader.receivers_at.setdefault(index, []).extend(m.slots["receivers"])
                receivers_done |= {r.name for r in m.slots["receivers"]}
                for hit in (
                    hits
                ):  # "X – vệ tinh của Y – đã được chuyển giao các kỹ thuật: ...": the same pair
                    if hit.name == "transfer" and hit.start not in closed_acts:
                        for g in m.slots.get("givers", []):
                            for r in m.slots["receivers"]:
                                if r.label == "Hospital" and g.name != r.name:
                                    reader.transfers(m.rule.id, g, r, unit, hit, text, [])
        for m in found:
            act = _act(m)
            # A unit this sentence already gave a role to (giver, or receiver) takes no other half role.
            taken = givers_done | receivers_done
            if (
                m.rule.open
                and not (act and act.start in closed_acts)
                and not _blocked(m, unit, rules)
                and not taken
                & {g.name for g in m.slots.get("givers", []) + m.slots.get("receivers", [])}
            ):
                opens.append(_Open(m, index))
    _pair(reader, opens, units)
    if not any(f.type == "SUPPORTS" for f in reader.facts):
        _story_pair(reader, rules)
    return _drop_shorthand_provinces(reader.facts, reader.listed)


def _story_pair(reader: _Reader, rules: RuleSet) -> None:
    """A story that speaks of support but whose sentences state no pair: its two most salient
    hospitals, when one is of a higher level, are the giver and the receiver (rule
    supports.story_pair), evidenced by the first sentence naming one of them with a support word."""
    top = reader.ctx.hospitals_by_salience()[:2]
    if len(top) < 2 or reader.ctx.salience[top[1].name] < 2:
        return
    giver, receiver = sorted(top, key=_rank, reverse=True)
    if _rank(giver) <= _rank(receiver):
        return
    for unit in reader.ctx.units:
        names = {m.name for m in unit.mentions}
        if not names & {giver.name, receiver.name}:
            continue
        match = next(
            (
                h
                for h in rules.hits(
                    unit.sentence.text, unit.sentence.start, ("support", "transfer", "satellite")
                )
            ),
            None,
        )
        if match is None:
            continue
        before = unit.sentence.text[: match.start - unit.sentence.start]
        if rules.has("request", before) or rules.has("negation", before[-16:]):
            continue
        if any(
            rules.has("survey", u.sentence.text)
            for u in reader.ctx.units
            if giver.name in {m.name for m in u.mentions}
        ):
            return  # the giver only visits or surveys: not support yet
        reader.add("supports.story_pair", [giver], [receiver], [unit], None)
        return


def _most_specific(matches: list[Match]) -> list[Match]:
    """Of matches on one trigger word, the one with the longest pattern ("sự hỗ trợ của X" over "hỗ trợ X")."""
    best: dict[int, Match] = {}
    for m in matches:
        act = _act(m)
        key = act.start if act else -m.start
        if key not in best or len(m.rule.pattern) > len(best[key].rule.pattern):
            best[key] = m
    return list(best.values())


def _place_word_before(m: Mention, unit: SentenceMentions, rules: RuleSet) -> bool:
    """ "của Cần Thơ": a province named as an owner is not the one supported, nor "người bệnh tại Cần Thơ"
    (care for residents); "do Bệnh viện X": a unit named as the agent is not either."""
    before = unit.sentence.text[
        max(0, m.start - unit.sentence.start - 30) : m.start - unit.sentence.start
    ]
    tail = r"\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?$"
    if m.label != "Province":
        return _ends_with(rules, "agent", before, tail)
    if _ends_with(rules, "place_of", before, tail):
        return True
    return _ends_with(rules, "location", before, tail) and rules.has("patients", before)


def _ends_with(rules: RuleSet, name: str, text: str, tail: str) -> bool:
    words = rules.triggers.get(name)
    return words is not None and bool(re.search(rf"(?:{words.pattern}){tail}", text, re.IGNORECASE))


def _word_before(m: Mention, unit: SentenceMentions, rules: RuleSet, name: str) -> bool:
    """Whether a word of list `name` stands right before mention `m` ("ra BVĐK X": X is where a team goes)."""
    before = unit.sentence.text[
        max(0, m.start - unit.sentence.start - 8) : m.start - unit.sentence.start
    ]
    words = rules.triggers.get(name)
    return words is not None and bool(re.search(rf"(?:{words.pattern})\s*$", before, re.IGNORECASE))


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
            and (f.start.name, f.end.name) not in listed
            and (
                (f.start.name, f.end.name) in hospital_provinces
                or f.start.props.get("province") == f.end.name
            )
        )
    ]


def _pair(reader: _Reader, opens: list[_Open], units: list[SentenceMentions]) -> None:
    """Give each half fact the other half from the sentence before (or after) it."""
    wants_receivers = [o for o in opens if o.match.rule.open == "receivers"]
    wants_givers = [o for o in opens if o.match.rule.open == "givers"]
    used: set[int] = set()
    for o in wants_receivers:
        givers = o.match.slots.get("givers", [])
        names = {g.name for g in givers}
        partner = next(
            (
                p
                for p in wants_givers
                if id(p) not in used
                and abs(p.index - o.index) <= 1
                and (
                    p.index != o.index
                    or p.match.start >= o.match.end
                    or p.match.end <= o.match.start
                )
                and {r.name for r in p.match.slots.get("receivers", [])} - names
            ),
            None,
        )
        if partner is not None:
            used.add(id(partner))
            pair = sorted([o, partner], key=lambda x: x.index)
            reader.add(
                o.match.rule.id,
                givers,
                partner.match.slots.get("receivers", []),
                [units[i] for i in sorted({pair[0].index, pair[1].index})],
                _act(o.match) or _act(partner.match),
            )
            continue
        act = _act(o.match)
        if o.index == 0:
            continue
        # "Sở điều động bác sĩ của A hỗ trợ tỉnh X. Mỗi tổ ... Sở cũng tăng cường nhân lực của B": the
        # receivers named in one of the two sentences before.
        back = next(
            (i for i in (o.index - 1, o.index - 2) if i >= 0 and reader.receivers_at.get(i)), None
        )
        previous = _distinct(reader.receivers_at[back]) if back is not None else []
        here = {m.name for m in units[o.index].mentions if m.label == "Hospital"} - names
        if act is None and back is not None and not here and not names & {p.name for p in previous}:
            reader.add(o.match.rule.id, givers, previous, units[back : o.index + 1], act)
            continue
        if act is None:
            continue
        # The one other hospital the sentence before speaks of, when this sentence names no other.
        top = max(_rank(g) for g in givers) if givers else 0
        before = _distinct(
            [
                m
                for m in units[o.index - 1].mentions
                if m.label == "Hospital" and m.name not in names
            ]
        )
        if not here and len(before) == 1 and _rank(before[0]) <= top:
            reader.add(
                o.match.rule.id, givers, before, [units[o.index - 1], units[o.index]], _act(o.match)
            )
        elif (
            not here
            and act is not None
            and (act.name == "transfer" or _learning(o.match))
            and len(givers) == 1
        ):
            other = reader.ctx.partner(givers[0], higher=False)
            if other is not None:
                reader.add(o.match.rule.id, givers, [other], [units[o.index]], act)
    for o in wants_givers:
        if id(o) in used or o.index == 0:
            continue
        unit = units[o.index]
        act = _act(o.match)
        lead = unit.sentence.text[: act.start - unit.sentence.start] if act else ""
        if (
            act is None
            or any(m.start < act.start for m in unit.mentions)
            or not reader.rules.has("staff", lead)
        ):
            continue
        previous = [m for m in units[o.index - 1].mentions if m.label == "Hospital"]
        if previous:
            reader.add(
                o.match.rule.id,
                previous[:1],
                o.match.slots.get("receivers", []),
                [units[o.index - 1], unit],
                act,
            )


def _distinct(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out
