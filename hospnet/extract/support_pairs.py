"""Support read across sentences: a half fact (one slot filled, the trigger found) gets its other half
from the neighbouring sentence, and a story that states no pair at all gives its two main hospitals."""

from __future__ import annotations

from hospnet.extract.context import SentenceMentions, level_rank
from hospnet.extract.mentions import distinct
from hospnet.extract.rules import RuleSet
from hospnet.extract.support_facts import FactReader, OpenFact, act_of, learning


def pair_halves(reader: FactReader, opens: list[OpenFact], units: list[SentenceMentions]) -> None:
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
                act_of(o.match) or act_of(partner.match),
            )
            continue
        act = act_of(o.match)
        if o.index == 0:
            continue
        # "Sở điều động bác sĩ của A hỗ trợ tỉnh X. Mỗi tổ ... Sở cũng tăng cường nhân lực của B": the
        # receivers named in one of the two sentences before.
        back = next(
            (i for i in (o.index - 1, o.index - 2) if i >= 0 and reader.receivers_at.get(i)), None
        )
        previous = distinct(reader.receivers_at[back]) if back is not None else []
        here = {m.name for m in units[o.index].mentions if m.label == "Hospital"} - names
        if act is None and back is not None and not here and not names & {p.name for p in previous}:
            reader.add(o.match.rule.id, givers, previous, units[back : o.index + 1], act)
            continue
        if act is None:
            continue
        # The one other hospital the sentence before speaks of, when this sentence names no other.
        top = max(level_rank(g) for g in givers) if givers else 0
        before = distinct(
            [
                m
                for m in units[o.index - 1].mentions
                if m.label == "Hospital" and m.name not in names
            ]
        )
        if not here and len(before) == 1 and level_rank(before[0]) <= top:
            reader.add(
                o.match.rule.id,
                givers,
                before,
                [units[o.index - 1], units[o.index]],
                act_of(o.match),
            )
        elif (
            not here
            and act is not None
            and (act.name == "transfer" or learning(o.match))
            and len(givers) == 1
        ):
            other = reader.ctx.partner(givers[0], higher=False)
            if other is not None:
                reader.add(o.match.rule.id, givers, [other], [units[o.index]], act)
    for o in wants_givers:
        if id(o) in used:
            continue
        if o.match.rule.open_from == "story":
            _giver_from_story(reader, o, units)
            continue
        if o.index == 0:
            continue
        unit = units[o.index]
        act = act_of(o.match)
        lead = unit.sentence.text[: act.start - unit.sentence.start] if act else ""
        if (
            act is None
            or any(m.start < act.start and m.label == "Hospital" for m in unit.mentions)
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


def _giver_from_story(reader: FactReader, o: OpenFact, units: list[SentenceMentions]) -> None:
    """The receivers listed by a rule whose giver is the story's: its most salient hospital of a
    higher level than every receiver ("các điểm cầu gồm: A, B" of a hospital's telemedicine link)."""
    receivers = o.match.slots.get("receivers", [])
    if not receivers:
        return
    floor = max(level_rank(r) for r in receivers)
    names = {r.name for r in receivers}
    giver = next(
        (
            m
            for m in reader.ctx.hospitals_by_salience()
            if m.name not in names and level_rank(m) > floor
        ),
        None,
    )
    if giver is None:
        return
    named = next(i for i, u in enumerate(units) if giver.name in {m.name for m in u.mentions})
    evidence = [units[i] for i in sorted({named, o.index})]  # both sentences, when two
    reader.add(o.match.rule.id, [giver], receivers, evidence, act_of(o.match))


def story_pair(reader: FactReader, rules: RuleSet) -> None:
    """A story that speaks of support but whose sentences state no pair: its two most salient
    hospitals, when one is of a higher level, are the giver and the receiver (rule
    supports.story_pair), evidenced by the first sentence naming one of them with a support word."""
    top = reader.ctx.hospitals_by_salience()[:2]
    if len(top) < 2 or reader.ctx.salience[top[1].name] < 2:
        return
    giver, receiver = sorted(top, key=level_rank, reverse=True)
    if level_rank(giver) <= level_rank(receiver):
        return
    if any(
        rules.has("survey", u.sentence.text)
        for u in reader.ctx.units
        if giver.name in {m.name for m in u.mentions}
    ):
        return  # the giver only visits or surveys: not support yet
    for unit in reader.ctx.units:
        if not {m.name for m in unit.mentions} & {giver.name, receiver.name}:
            continue
        hits = rules.hits(
            unit.sentence.text, unit.sentence.start, ("support", "transfer", "satellite", "train")
        )
        if not hits:
            continue
        before = unit.sentence.text[: hits[0].start - unit.sentence.start]
        if rules.has("request", before) or rules.has("negation", before[-16:]):
            continue
        reader.add("supports.story_pair", [giver], [receiver], [unit], None)
        return
