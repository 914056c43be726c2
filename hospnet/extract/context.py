"""Mentions read sentence by sentence, with back-references resolved in the document's context.

"Bệnh viện tỉnh", "Sở Y tế", "UBND tỉnh" name no place; the document does (the
province it is about, the hospitals it is about), so they are resolved here.
"""

from __future__ import annotations

from hospnet.names import fold

import re
from collections import Counter
from dataclasses import dataclass, field

from hospnet.extract.hospital_names import provincial_general_name
from hospnet.extract.hospitals import find_hospitals
from hospnet.extract.mentions import Mention, choose
from hospnet.extract.organizations import find_organizations
from hospnet.extract.people import find_people
from hospnet.extract.places import find_provinces
from hospnet.extract.programs import find_programs
from hospnet.places import match_province
from hospnet.extract.segment import Sentence, sentences

RANK = {"central": 4, "other": 4, "provincial": 3, "district": 2, "private": 2}


def level_rank(m: Mention) -> int:
    """How high a hospital stands (central 4 … district 2); 0 for any other mention."""
    return RANK.get(m.props.get("level", ""), 0) if m.label == "Hospital" else 0


_PAIR = re.compile(
    r"(?<![\w])(?:[Hh]ai (?:bên|bệnh viện|đơn vị|cơ sở)|[Bb]oth (?:sides|hospitals|parties)|"
    r"[Tt]he two (?:hospitals|sides|parties|units))(?![\w])"
)


@dataclass
class SentenceMentions:
    """A sentence and the entities it names, in order, back-references resolved."""

    sentence: Sentence
    mentions: list[Mention]
    pair_refs: list[tuple[int, int]] = field(
        default_factory=list
    )  # "hai bên": spans in the sentence


@dataclass
class DocumentContext:
    """What the whole document is about: its province, its hospitals by salience."""

    text: str
    date: str | None
    language: str
    hint: str | None
    units: list[SentenceMentions]
    salience: Counter

    def hospitals_by_salience(self) -> list[Mention]:
        first: dict[str, Mention] = {}
        for unit in self.units:
            for m in unit.mentions:
                if m.label == "Hospital" and m.name:
                    first.setdefault(m.name, m)
        return sorted(first.values(), key=lambda m: (-self.salience[m.name], m.start))

    def partner(self, of: Mention, higher: bool) -> Mention | None:
        """The most salient hospital of a lower (or higher) level than `of`: the other side of the story."""
        for m in self.hospitals_by_salience():
            if m.name == of.name:
                continue
            if (
                RANK.get(m.props.get("level", ""), 0) < RANK.get(of.props.get("level", ""), 0)
            ) != higher and RANK.get(m.props.get("level", ""), 0) != RANK.get(
                of.props.get("level", ""), 0
            ):
                return m
        return None

    def pair(self) -> list[Mention]:
        """The two entities "hai bên" means: the two most salient hospitals (or organizations)."""
        hospitals = self.hospitals_by_salience()
        if len(hospitals) >= 2:
            return hospitals[:2]
        return []


def _dominant_province(units: list[tuple[Sentence, list[Mention]]]) -> str | None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for _, provinces in units:
        for m in provinces:
            legacy = m.props.get("legacy_province") or m.name
            counts[legacy] += 1 if m.props.get("in_parens") else 2
            first.setdefault(legacy, m.start)
    if not counts:
        return None
    return sorted(counts, key=lambda k: (-counts[k], first[k]))[0]


def read_document(text: str, date: str | None = None, language: str = "vi") -> DocumentContext:
    """Find and resolve every mention of every sentence."""
    sents = sentences(text)
    provinces = [(s, find_provinces(s.text, s.start)) for s in sents]
    hint = _dominant_province(provinces)
    units: list[SentenceMentions] = []
    salience: Counter = Counter()
    for s, found_provinces in provinces:
        found = (
            find_hospitals(s.text, s.start, hint)
            + find_organizations(s.text, s.start, hint)
            + find_people(s.text, s.start)
            + find_programs(s.text, s.start)
            + found_provinces
        )
        mentions = choose(found)
        pairs = [(m.start(), m.end()) for m in _PAIR.finditer(s.text)]
        units.append(SentenceMentions(s, mentions, pairs))
        for m in mentions:
            if m.label == "Hospital" and m.name:
                salience[m.name] += 1
    ctx = DocumentContext(text, date, language, hint, units, salience)
    _prefer_the_story_names(ctx)
    _prefer_the_story_organization_names(ctx)
    _resolve(ctx)
    return ctx


_GENERIC = frozenset(
    [
        "benh",
        "vien",
        "bv",
        "da",
        "khoa",
        "dk",
        "bvdk",
        "tinh",
        "thanh",
        "pho",
        "tp",
        "trung",
        "uong",
        "tw",
        "hospital",
        "general",
        "the",
        "of",
    ]
)


def _prefer_the_story_names(ctx: DocumentContext) -> None:
    """A short form the gazetteer knows ("Bệnh viện 103") means the longer name this story wrote out
    ("Bệnh viện Trung ương 103, Quân đội nhân dân Lào") when the story never writes the gazetteer's;
    so does a short name read from the text ("BV Đại học Y Dược" for "… Đại học Y Dược TP.HCM"), even one
    written out in full when it has three words of its own ("Bệnh viện Việt Nam - Cuba Đồng Hới")."""
    hospitals = {
        m.name: m for unit in ctx.units for m in unit.mentions if m.label == "Hospital" and m.name
    }
    written = fold(ctx.text)
    for unit in ctx.units:
        for m in unit.mentions:
            if m.label != "Hospital" or not m.name:
                continue
            if fold(m.surface) == fold(m.name) and m.rule != "hospital.named":
                continue  # a gazetteer's name written out; one read from the text may be a short form
            if fold(m.name) in written and m.rule != "hospital.named":
                continue  # the gazetteer's name, written out; a name read from the text may be cut short
            words = set(fold(m.surface).replace(",", " ").replace(" & ", " va ").split()) - _GENERIC
            longer = [
                h
                for name, h in hospitals.items()
                if name != m.name and words and words <= set(fold(name).split())
            ]
            if fold(m.surface) == fold(m.name):
                longer = [h for h in longer if _drops_a_word(m, h)]
            elif (
                not longer and m.rule == "hospital.named"
            ):  # "Bệnh viện YHCT Sơn La": its words spelt out
                spelt = set(fold(m.name).split()) - _GENERIC
                longer = [
                    h
                    for name, h in hospitals.items()
                    if name != m.name
                    and spelt
                    and spelt <= set(fold(name).split())
                    and len(name.split()) > len(m.name.split())
                ]
            if len(longer) == 1:
                m.name, m.props = longer[0].name, dict(longer[0].props)


def _prefer_the_story_organization_names(ctx: DocumentContext) -> None:
    """An organization's name with its first word left out ("Đại học Okayama" in a story that wrote
    "Trường Đại học Okayama") is that organization, when the short one still has three words."""
    names = {
        fold(m.name): m
        for unit in ctx.units
        for m in unit.mentions
        if m.label == "Organization" and m.name
    }
    for unit in ctx.units:
        for m in unit.mentions:
            if m.label != "Organization" or not m.name or len(m.name.split()) < 3:
                continue
            short = fold(m.name)
            longer = [
                o for name, o in names.items() if name.split(" ", 1)[-1] == short and name != short
            ]
            if len(longer) == 1:
                m.name, m.props = longer[0].name, dict(longer[0].props)


def _drops_a_word(short: Mention, full: Mention) -> bool:
    """Whether a name written out in full is the everyday form of another: two words of its own or more, the
    other's words before them left out ("Bệnh viện Việt Nam - Cuba Đồng Hới" for "… Hữu nghị Việt Nam -
    Cuba Đồng Hới", "Bệnh viện Shing Mark" for "… Đại học Y Dược Shing Mark"); a name the other only goes
    on after ("… 115" and "… 115 Thành phố") is not."""
    own = fold(short.name).split()[2:]
    if not own or not fold(full.name).endswith(" " + " ".join(own)):
        return False
    dropped = fold(full.name).split()[2 : -len(own)]
    # one word of its own is enough when only level words were left out: "Bệnh viện Mahosot" for
    # "Bệnh viện Trung ương Mahosot"
    return len(set(own) - _GENERIC) >= 2 or (bool(dropped) and set(dropped) <= _LEVEL_WORDS)


_LEVEL_WORDS = frozenset({"trung", "uong", "da", "khoa"})


def _resolve(ctx: DocumentContext) -> None:
    """Give back-references the name they mean; drop those the document cannot settle."""
    # "bệnh viện tỉnh" is the province's general hospital: named so if the text names it, else its top one.
    hint = match_province(ctx.hint) if ctx.hint else None

    def local(m: Mention) -> bool:
        """A hospital of a "tỉnh": "bệnh viện tỉnh" is no centrally-run city's hospital."""
        where = match_province(m.props.get("legacy_province") or m.props.get("province") or "")
        return where is None or not where.is_city

    provincial = sorted(
        (m for m in ctx.hospitals_by_salience() if m.props.get("level") == "provincial"),
        key=lambda m: (not local(m), not m.name.startswith("Bệnh viện Đa khoa t")),
    )
    previous: Mention | None = None
    last_provincial: Mention | None = None
    for unit in ctx.units:
        kept = []
        # "Bệnh viện", "the hospital": the hospital named last; a health centre is "trung tâm", not that
        first_named = next(
            (
                m
                for m in unit.mentions
                if m.label == "Hospital" and m.name and not m.name.startswith("Trung tâm")
            ),
            None,
        )
        for m in unit.mentions:
            if m.ref == "previous_hospital":
                if previous is None:
                    continue
                m.name, m.props = previous.name, dict(previous.props)
            elif m.ref == "provincial_hospital":
                if last_provincial or provincial:  # the one the story named last, else its top one
                    chosen = last_provincial or provincial[0]
                    m.name, m.props = chosen.name, dict(chosen.props)
                elif hint:
                    m.name = provincial_general_name(hint.legacy, hint.is_city)
                    m.props = {"level": "provincial", "province": hint.province.name}
                    if hint.legacy_province:
                        m.props["legacy_province"] = hint.legacy_province
                else:
                    continue
            elif m.label == "Organization" and m.ref:
                if not hint:
                    continue
                head, keep = m.props.pop("head"), m.props.pop("keep")
                word = ("thành phố " if hint.is_city else "tỉnh ") if keep else ""
                if hint.legacy.startswith(
                    "Thành phố"
                ):  # "Ủy ban nhân dân Thành phố Hồ Chí Minh", said once
                    word = ""
                if head == "Tỉnh ủy" and hint.is_city:
                    head = "Thành ủy"
                m.name = f"{head} {word}{hint.legacy}"
                m.props["province"] = hint.province.name
            kept.append(m)
        unit.mentions = kept
        previous = first_named or previous
        last_provincial = next(
            (
                m
                for m in reversed(kept)
                if m.label == "Hospital"
                and m.props.get("level") == "provincial"
                and not m.ref
                and local(m)
            ),
            last_provincial,
        )
