"""Match the clause patterns of rules.py against one sentence's mentions and trigger words.

A sentence becomes a row of items in text order: entity mentions (a plural "hai bệnh
viện" carries the units it stands for) and trigger words. A pattern picks items left to
right: side by side elements allow a few words and no mention between them, "..." allows
up to the rule file's `gap` characters; neither crosses the end of a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hospnet.extract.mentions import Mention
from hospnet.extract.rules import Element, Hit, Rule, RuleSet

# The period of an abbreviation ("TP. Hồ Chí Minh", "ThS. Nguyễn") ends no clause.
_CLAUSE_END = re.compile(
    r";|[!?](?=\s|$)|(?<!\b(?:TP|Tp|tp|TX|TS|BS|GS|CN|Dr|St|Mr|Ms))(?<!\b(?:ThS|PGS))(?<!\bQ)\.(?=\s|$)"
)
_NEAR = (
    40  # characters allowed between side-by-side elements ("được các chuyên gia ngoại khoa của X")
)
# What may stand between the units of a coordinated list: "A, B và C", "A; B", "A (2 bác sĩ), B".
_JOIN = re.compile(
    # a name's "Trung ương" the name left out ("BV K Trung ương"), a place in parentheses
    r"^\s*(?:(?:Trung ương|TW|T\.Ư)(?![\w]))?\s*(?:\([^()]*\)\s*)?(?:[,;]\s*(?=và|cùng|and))?(?:,|;|:|–|-|và(?:\s+tại)?|cùng|cùng với|and(?:\s+at)?|with|&|or|hoặc)?\s*"
    r"(?:(?:các|những|the)\s+)?"
    # a sub-unit named before its hospital: "..., và Trung tâm Sản Nhi - Bệnh viện Đa khoa tỉnh Phú Thọ"
    r"(?:(?:Trung tâm|Khoa|Đơn vị|Viện)\s+[^,;()]{1,30}?\s*[-–]\s*)?$",
    re.IGNORECASE,
)


# A sub-unit named before its hospital in brackets ("các chuyên gia thuộc Trung tâm Hỗ trợ sinh sản Quốc gia
# (Bệnh viện Phụ sản T.Ư)"): the hospital is as near as the sub-unit, whose name counts as no words.
_SUB_UNIT_BEFORE = re.compile(r"(?:Trung tâm|Khoa|Đơn vị|Viện|Phòng)\s+[^,;()]{1,60}?\s*\(\s*$")


_CONJUNCTION = re.compile(r"(?<![\w])(?:và|cùng|and|with|or|hoặc)(?![\w])|&", re.IGNORECASE)


@dataclass
class Item:
    """A mention or a trigger word in a sentence (document offsets)."""

    start: int
    end: int
    mention: Mention | None = None
    hit: Hit | None = None
    members: list[Mention] = field(default_factory=list)  # what a plural reference stands for


@dataclass
class Match:
    """A rule matched in a sentence: the units in each slot, the trigger words it used."""

    rule: Rule
    slots: dict[str, list[Mention]]
    hits: list[Hit]
    start: int
    end: int
    plural: set[str] = field(default_factory=set)  # the slots a plural reference filled


# The trigger lists that name the act itself (the others are cues: "của", "được", "gồm", ...).
ACTS = (
    "support",
    "send",
    "consult",
    "transfer",
    "rotate",
    "satellite",
    "assigned",
    "receive",
    "with_help",
    "serve",
)
_UNITS = ("Hospital", "Province", "Organization")


def items_of(
    mentions: list[Mention], hits: list[Hit], plurals: list[tuple[int, int, list[Mention]]]
) -> list[Item]:
    """The row of items: units, plural references and trigger words.

    A trigger word inside a unit's name ("Trung tâm Hỗ trợ sinh sản") or inside a longer
    trigger ("từ" in "từ xa") is none.
    """
    headed = [(s, e) for s, e, members in plurals if members]
    units = [
        m
        for m in mentions
        if m.label in _UNITS
        and not m.props.get("in_parens")
        # the place in a list's heading ("3 đơn vị của tỉnh Yên Bái là A, B") is none of its units
        and not any(s <= m.start and m.end <= e for s, e in headed)
    ]
    out = [Item(m.start, m.end, mention=m) for m in units]
    spans = [(m.start, m.end) for m in units] + [(s, e) for s, e, _ in plurals]
    longer = [(h.start, h.end) for h in hits]
    out += [
        Item(h.start, h.end, hit=h)
        for h in hits
        if not any(s <= h.start < e for s, e in spans)
        and (
            h.name in ACTS
            or not any(s <= h.start and h.end <= e and e - s > h.end - h.start for s, e in longer)
        )
    ]
    out += [Item(s, e, members=members) for s, e, members in plurals if members]
    return sorted(out, key=lambda i: (i.start, -i.end))


def _units(item: Item) -> list[Mention]:
    return item.members if item.members else ([item.mention] if item.mention else [])


def _fits(item: Item, el: Element, rules: RuleSet) -> bool:
    if el.slot:
        labels = rules.slots[el.slot]
        return bool(_units(item)) and all(u.label in labels for u in _units(item))
    return item.hit is not None and item.hit.name in el.names


def _list_from(
    items: list[Item], j: int, labels: tuple[str, ...], text: str, base: int, commas: bool = True
) -> tuple[list[Mention], int]:
    """The coordinated list starting at item j: its units and the index of its last item (with
    `commas` False, only units joined by a conjunction: "Với sự hỗ trợ của A, B đã ...")."""
    units, last = list(_units(items[j])), j
    k = j + 1
    while k < len(items):
        it = items[k]
        if it.hit is not None:
            k += 1
            continue
        # a list item's shared head stands between ("A và BV đa khoa các tỉnh: B, C")
        head = it.mention.props.get("head_start", it.start) if it.mention else it.start
        between = text[items[last].end - base : head - base]
        if _where_it_is(it, units, between):
            last, k = k, k + 1
            continue
        if not _JOIN.match(between) or not all(u.label in labels for u in _units(it)):
            break
        if not commas and not _CONJUNCTION.search(between):
            break
        units += _units(it)
        last = k
        k += 1
    return units, last


def _may_end(between: str) -> bool:
    """A cheap test before the clause-end regex (run on the whole text, so it sees "TP" before ".")."""
    return ";" in between or "." in between or "!" in between or "?" in between


def _where_it_is(item: Item, units: list[Mention], between: str) -> bool:
    """ "Trung tâm Y tế huyện Bắc Sơn, tỉnh Lạng Sơn": the province after a comma is where the hospital
    before it is, not one more unit of the list."""
    m = item.mention
    return (
        m is not None
        and m.label == "Province"
        and bool(units)
        and units[-1].label == "Hospital"
        and units[-1].props.get("province") == m.name
        and between.strip() in (",", "in", "tại", "ở")  # "A in Hanoi and B", "A tại Hà Nội và B"
    )


def _next(
    items: list[Item],
    i: int,
    prev_end: int,
    el: Element,
    rules: RuleSet,
    text: str,
    base: int,
) -> int | None:
    """The first item from index i that fits `el` within reach of `prev_end`, or None."""
    for j in range(i, len(items)):
        it = items[j]
        if it.start < prev_end:  # inside the element before ("hỗ trợ" of "với sự hỗ trợ")
            continue
        between = text[prev_end - base : it.start - base]
        ended = _may_end(between) and _CLAUSE_END.search(text, prev_end - base, it.start - base)
        reach = len(_SUB_UNIT_BEFORE.sub("", between) if "(" in between else between)
        if ended or reach > (rules.gap if el.gap else _NEAR):
            return None
        if (
            el.slot is None and ": " in between
        ):  # "Sơn La: Bệnh viện ... được": a heading, then the clause
            return None
        if _fits(it, el, rules):
            return j
        if it.hit is not None and (
            it.hit.name == "clause_break" or (not el.gap and it.hit.name in ACTS)
        ):
            return None
        if it.mention is not None or it.members:
            if not el.gap:
                return None
            if el.slot is None and any(u.label == "Hospital" for u in _units(it)):
                return None  # the slot before a trigger takes the nearest hospital
    return None


def match_rule(rule: Rule, items: list[Item], rules: RuleSet, text: str, base: int) -> list[Match]:
    """Every match of one rule in a sentence, leftmost first for each starting item."""
    out: list[Match] = []
    first = rule.pattern[0]
    for i0, it in enumerate(items):
        if not _fits(it, first, rules):
            continue
        slots: dict[str, list[Mention]] = {}
        hits: list[Hit] = []
        plural: set[str] = set()
        j, ok = i0, True
        for k, el in enumerate(rule.pattern):
            if k:
                found = _next(items, j + 1, items[j].end, el, rules, text, base)
                if found is None:
                    ok = False
                    break
                j = found
            if el.slot:
                first_item = j
                commas = el.slot not in rule.single
                units, j = _list_from(items, j, rules.slots[el.slot], text, base, commas)
                slots.setdefault(el.slot, []).extend(units)
                if any(items[x].members for x in range(first_item, j + 1)):
                    plural.add(el.slot)
            elif (hit := items[j].hit) is not None:
                hits.append(hit)
        first_hit = min((h.start for h in hits), default=it.start)
        if ok and not any(
            rules.has(u, text[first_hit - base : items[j].end - base]) for u in rule.unless
        ):
            out.append(Match(rule, slots, hits, it.start, items[j].end, plural))
    return out
