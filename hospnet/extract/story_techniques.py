"""Techniques named anywhere in a story, and the transfers they stand for once its support pairs are known.

News rarely puts the technique in the clause that names both hospitals: "Bệnh viện 108 sẽ đào tạo bác sĩ
của Bệnh viện 103, tập trung vào các kỹ thuật nội soi phế quản, …" names them in one sentence, "tiếp cận
với các kỹ thuật như chọc ối, …" in another with no hospital at all. The relation rules read the first
kind (support.py); this component runs after them, reads every sentence's techniques (a list after "kỹ
thuật … như/gồm/:", "kỹ thuật X", or a known name beside a cue of learning, or of a procedure done:
`performed`) and gives each one to the support pair of the document it belongs to (rule
`transfers.story_pair`):

- the pair whose two hospitals the sentence names, else the pair whose one named hospital has a single
  partner, else, in a sentence naming no hospital, the document's only pair;
- only beside a word of learning or taking up (`acquire`), never beside a request, a survey, a negation
  or a referral ("chuyển sang Bệnh viện X để đặt máy tạo nhịp"), which name the procedure but no transfer.

A technique with no pair is still a Technique of the story (SCHEMA: support to a province's staff).
"""

from __future__ import annotations

from dataclasses import dataclass

from hospnet.extract.context import DocumentContext, SentenceMentions, level_rank
from hospnet.extract.mentions import Mention
from hospnet.extract.relations import Fact
from hospnet.extract.rules import RuleSet, load_rules
from hospnet.extract.support_facts import mark_technique_transfer, transfer_props, transfer_status
from hospnet.extract.techniques import (
    announced_techniques,
    find_techniques,
    is_field,
    named_techniques,
)

RULE = "transfers.story_pair"
_NOT_TRANSFERS = ("request", "survey", "negation", "referral")


@dataclass
class StoryTechniques:
    """What this component adds: techniques with no pair, and the TRANSFERS of the others."""

    techniques: list[tuple[Mention, str]]  # (mention, its sentence)
    transfers: list[Fact]


def sentence_techniques(unit: SentenceMentions, rules: RuleSet) -> list[Mention]:
    """The techniques one sentence names, outside the spans of its other mentions."""
    text, base = unit.sentence.text, unit.sentence.start
    found = named_techniques(text, base) + announced_techniques(text, base)
    if rules.has("acquire", text) or rules.has("performed", text):
        found += find_techniques(text, base)
    out: list[Mention] = []
    for t in sorted(map(_without_announcer, found), key=lambda t: (t.start, -t.end)):
        inside_other = any(m.start <= t.start < m.end for m in unit.mentions)
        if inside_other or is_field(t.name) or any(t.name == o.name for o in out):
            continue
        out.append(t)
    return out


def _without_announcer(t: Mention) -> Mention:
    """ "kỹ thuật tiêu sợi huyết" names the technique "tiêu sợi huyết"."""
    words = t.name.split(" ", 2)
    if t.name.lower().startswith(("kỹ thuật ", "kĩ thuật ")) and len(words) == 3 and words[2]:
        name = words[2]
        return Mention(t.label, name, t.end - len(name), t.end, name, t.props)
    return t


def _pairs_for(unit: SentenceMentions, pairs: list[tuple[Mention, Mention]]) -> list[tuple]:
    """The support pairs a sentence's techniques belong to (see the module docstring)."""
    named = {m.name for m in unit.mentions if m.label == "Hospital"}
    both = [p for p in pairs if p[0].name in named and p[1].name in named]
    if both:  # both ways round: the upper level gives, else the pair the story read first
        return [p for p in both if not _reverse_wins(p, both)]
    for side in (0, 1):
        one = [p for p in pairs if p[side].name in named]
        if one and len({p[1 - side].name for p in one}) == 1:
            return one[:1]
    if not named and len({(g.name, r.name) for g, r in pairs}) == 1:
        return pairs[:1]
    return []


def _reverse_wins(pair: tuple[Mention, Mention], pairs: list[tuple]) -> bool:
    giver, receiver = pair
    names = [(g.name, r.name) for g, r in pairs]
    if (receiver.name, giver.name) not in names:
        return False
    if level_rank(receiver) != level_rank(giver):
        return level_rank(receiver) > level_rank(giver)
    return names.index((receiver.name, giver.name)) < names.index((giver.name, receiver.name))


def story_techniques(
    ctx: DocumentContext, facts: list[Fact], rules: RuleSet | None = None
) -> StoryTechniques:
    """Techniques the relation rules did not read, and the transfers of those with a pair."""
    rules = rules or load_rules()
    pairs: list[tuple[Mention, Mention]] = []
    for f in facts:
        known = any((g.name, r.name) == (f.start.name, f.end.name) for g, r in pairs)
        # SCHEMA: support comes from an upper level (a pair read the wrong way round gives nothing here)
        upward = level_rank(f.start) and level_rank(f.end) > level_rank(f.start)
        if f.type == "SUPPORTS" and f.end.label == "Hospital" and not known and not upward:
            pairs.append((f.start, f.end))
    read = {f.props["technique_mention"].name for f in facts if f.type == "TRANSFERS"}
    evidence = [
        f.sentence for f in facts if f.type == "SUPPORTS" and f.rule != "supports.story_pair"
    ]
    techniques: list[tuple[Mention, str]] = []
    transfers: list[Fact] = []
    previous: list[Mention] = []
    before: SentenceMentions | None = None  # the sentence before, for "kỹ thuật này"
    asked = False  # a request goes on into the next sentence while that names no hospital
    for unit in ctx.units:
        text = unit.sentence.text
        named = sentence_techniques(unit, rules)
        if not named and rules.has("this_technique", text) and before is not None:
            named = previous or find_techniques(before.sentence.text, before.sentence.start)
        previous, before = named, unit
        hospitals = any(m.label == "Hospital" for m in unit.mentions)
        asked = rules.has("request", text) or (asked and not hospitals)
        new = [t for t in named if t.name not in read]
        if not new or asked:  # a technique only asked for is neither transferred nor had
            continue
        scope = _clauses_holding(rules, unit, new)
        plain = _without(rules, scope, "not_only", "no_longer")
        blocked = any(rules.has(name, plain) for name in _NOT_TRANSFERS)
        if rules.has("goal", plain):
            continue  # "đặt mục tiêu tiến tới thực hiện ca ghép gan": a goal, neither transferred nor had
        # "được X hỗ trợ chuyên môn, các ê-kíp đã ghép thận thành công": done in the support's own sentence,
        # with hands-on help (a consultation beside it transfers nothing: "với sự tư vấn của X")
        done_with_help = (
            rules.has("performed", text)
            and not rules.has("consult", text)
            and any(text in e for e in evidence)
        )
        taken_up = rules.has("acquire", text) or done_with_help
        owners = [] if blocked or not taken_up else _pairs_for(unit, pairs)
        for tech in new:
            if not owners:
                techniques.append((tech, text))
        status = transfer_status(rules, text, text)
        for tech in new:
            for giver, receiver in _owners_of(tech, owners, unit):
                transfers.append(
                    Fact(
                        "TRANSFERS", giver, receiver, text, transfer_props(ctx, status, tech), RULE
                    )
                )
        read |= {t.name for t in new} if owners else set()
    mark_technique_transfer(facts, {(t.start.name, t.end.name) for t in transfers})
    return StoryTechniques(techniques, transfers)


def _owners_of(tech: Mention, owners: list[tuple], unit: SentenceMentions) -> list[tuple]:
    """ "chuyển giao cho A kỹ thuật X; với B, đơn vị chuyển giao Y": of the sentence's pairs, the one
    whose receiver the technique's own part of the sentence (between ";") names."""
    if len({r.name for _, r in owners}) < 2:
        return owners
    text, base = unit.sentence.text, unit.sentence.start
    lo = text.rfind(";", 0, tech.start - base) + 1
    hi = text.find(";", tech.end - base)
    hi = len(text) if hi < 0 else hi
    here = {m.name for m in unit.mentions if lo <= m.start - base < hi}
    mine = [(g, r) for g, r in owners if r.name in here]
    return mine or owners


def _clauses_holding(rules: RuleSet, unit: SentenceMentions, techs: list[Mention]) -> str:
    """The clauses of the sentence that name the techniques: "X sẽ chuyển giao kỹ thuật A, đồng thời
    tiếp nhận người bệnh do Y chuyển lên" refers patients in its other clause, not A."""
    text, base = unit.sentence.text, unit.sentence.start
    cuts = sorted(
        {0, len(text)}
        | {m.start() for m in rules.finditer("clause_break", text)}
        | {i + 1 for i, c in enumerate(text) if c == ";"}
    )
    spans = list(zip(cuts, cuts[1:]))
    held = [(a, b) for a, b in spans if any(a <= t.start - base < b for t in techs)]
    return " ".join(text[a:b] for a, b in held) if held else text


def _without(rules: RuleSet, text: str, *names: str) -> str:
    """The text with the words of the named lists blanked ("không chỉ" holds no negation)."""
    for name in names:
        for m in rules.finditer(name, text):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text
