"""Organization mentions (ministries, health departments, people's committees, institutes).

>>> [(m.name, m.props["kind"]) for m in find_organizations("Giám đốc Sở Y tế An Giang và UBND tỉnh Bắc Kạn", 0)]
[('Sở Y tế An Giang', 'health_department'), ('Ủy ban nhân dân tỉnh Bắc Kạn', 'peoples_committee')]
>>> [(m.name, m.ref) for m in find_organizations("lãnh đạo Sở Y tế, Tỉnh ủy", 0)]
[('', 'health_department'), ('', 'party_committee')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hospnet.extract import gazetteers
from hospnet.extract.entity_patterns import head_names
from hospnet.extract.lexicon import END, LOWER_START, PLACE, is_foreign_name, read_place
from hospnet.extract.mentions import Mention, choose
from hospnet.extract.phrases import PhraseMatcher, scan
from hospnet.names import fold
from hospnet.places import RENAMED_PROVINCES

# (the head as written, canonical head, kind, whether the canonical name keeps "tỉnh")
_PLACE_NAMED: tuple[tuple[tuple[str, ...], str | None, str, bool], ...] = (
    (
        ("Sở Y tế", "Sở y tế", "Department of Health", "Health Department"),
        "Sở Y tế",
        "health_department",
        False,
    ),
    (
        ("Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "People's Committee"),
        "Ủy ban nhân dân",
        "peoples_committee",
        True,
    ),
    (("Hội đồng nhân dân", "HĐND", "People's Council"), "Hội đồng nhân dân", "other", True),
    (("Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ"), None, "party_committee", False),
    (("Bảo hiểm xã hội", "BHXH"), "Bảo hiểm xã hội", "other", True),
    (
        ("Trung tâm Kiểm soát bệnh tật", "Trung tâm Kiểm soát Bệnh tật", "CDC"),
        "Trung tâm Kiểm soát bệnh tật",
        "other",
        True,
    ),
)
# A province's other departments, named like its Sở Y tế ("Sở Nội vụ Thanh Hóa", "Sở Ngoại vụ Thái Nguyên").
_DEPARTMENTS = (
    "Nội vụ",
    "Ngoại vụ",
    "Tài chính",
    "Kế hoạch và Đầu tư",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
    "Lao động - Thương binh và Xã hội",
    "Thông tin và Truyền thông",
    "Tư pháp",
    "Xây dựng",
)
_PLACE_NAMED += tuple(((f"Sở {d}",), f"Sở {d}", "other", False) for d in _DEPARTMENTS)
_PROVINCE_WORD = r"(?P<pw>(?:tỉnh|thành phố|Thành phố|TP\.?|Tp\.?)[ ]*)?"


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern, dict[str, gazetteers.KnownOrganization]]:
    by_surface: dict[str, gazetteers.KnownOrganization] = {}
    for o in gazetteers.organizations():
        for form in (o.name, *o.aliases):
            by_surface.setdefault(form, o)
    alternation = "|".join(re.escape(s) for s in sorted(by_surface, key=lambda s: (-len(s), s)))
    return re.compile(rf"{LOWER_START}(?:{alternation}){END}"), by_surface


@functools.lru_cache(maxsize=1)
def _gazetteer_starts() -> PhraseMatcher:
    """Where a known organization's name may start: the long alternation is tried only there."""
    return PhraseMatcher(dict.fromkeys(_gazetteer()[1], True))


@dataclass(frozen=True)
class _HeadPatterns:
    """One place-named head's patterns; `forms` are its written forms, one of which every match
    holds, so a sentence without any is not scanned (most sentences name few of the heads)."""

    forms: tuple[str, ...]
    named: re.Pattern
    bare: re.Pattern
    distributed: re.Pattern
    canon: str | None
    kind: str
    keep: bool


@functools.lru_cache(maxsize=1)
def _patterns() -> list[_HeadPatterns]:
    out = []
    for forms, canon, kind, keep in _PLACE_NAMED:
        head = "|".join(re.escape(f) for f in forms)
        named = re.compile(rf"{LOWER_START}(?P<head>{head})[ ]+{_PROVINCE_WORD}(?P<place>{PLACE})")
        bare = re.compile(rf"{LOWER_START}(?P<head>{head})(?:[ ]+(?:tỉnh|thành phố))?{END}")
        distributed = re.compile(rf"{LOWER_START}(?i:{head})[ ]+{_LIST_HEAD}")
        out.append(_HeadPatterns(forms, named, bare, distributed, canon, kind, keep))
    return out


def find_organizations(text: str, base: int, hint: str | None = None) -> list[Mention]:
    """Every organization mention in a sentence starting at document offset `base`."""
    out: list[Mention] = []
    pattern, by_surface = _gazetteer()
    for m in scan(pattern, text, _gazetteer_starts().starts(text)):
        o = by_surface[m.group(0)]
        country = _country_after(text, m.end()) if o.kind == "ministry" else ""
        out.append(
            Mention(
                "Organization",
                f"{o.name} {country}" if country else o.name,
                base + m.start(),
                base + m.end() + (len(country) + 1 if country else 0),
                text[m.start() : m.end() + (len(country) + 1 if country else 0)],
                {"kind": o.kind},
                priority=3,
                # "Bộ Quốc phòng Campuchia": the head-noun grammar's reading of a foreign ministry
                rule="org.ministry" if country else "",
            )
        )
    listed = _LISTED.search(text) is not None
    distributed: list[Mention] = []
    for heads in _patterns():
        if listed and heads.canon is not None:
            distributed += _distributed(text, base, hint, heads)
        if not any(form in text for form in heads.forms):
            continue
        canon, kind, keep = heads.canon, heads.kind, heads.keep
        for m in heads.named.finditer(text):
            place = read_place(m.group("place"), hint)
            if place is None or place.kind != "province" or place.province is None:
                continue
            end = m.start("place") + place.length
            city = place.province.is_city
            written = RENAMED_PROVINCES.get(fold(m.group("place")[: place.length]))
            if written:
                city = False
            head = canon or (
                "Thành ủy" if m.group("head").startswith("Thành") or city else "Tỉnh ủy"
            )
            word = ("thành phố " if city else "tỉnh ") if keep else ""
            if place.name.startswith("Thành phố"):
                word = ""
            name = f"{head} {word}{written or place.name}"
            props = {"kind": kind, "province": place.province.province.name}
            if place.province.legacy_province:
                props["legacy_province"] = place.province.legacy_province
            out.append(
                Mention(
                    "Organization",
                    name,
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    props,
                    rule=f"org.place.{kind}",
                )
            )
            out.extend(_listed_after(text, end, base, hint, head, kind, keep))
        for m in heads.bare.finditer(text):
            if re.match(r"[ ]+[A-ZĐÀ-Ỹ]", text[m.end() : m.end() + 2]) and read_place(
                text[m.end() :].lstrip(), hint
            ):
                continue  # "Sở Y tế An Giang" is read by the named pattern
            out.append(
                Mention(
                    "Organization",
                    "",
                    base + m.start(),
                    base + m.end(),
                    m.group(0),
                    {"kind": kind, "head": canon or "Tỉnh ủy", "keep": keep},
                    ref=kind,
                    priority=1,
                )
            )
    out.extend(distributed)
    out.extend(_district_committees(text, base, hint))
    out.extend(_foreign_cities(text, base))
    grammar = head_names(text, base, "Organization")
    # A head-noun name that extends a gazetteer one ("Bộ Quốc phòng Lào") is the longer name.
    # Only by a country's one or two words, not the own country's, not a person ("Bộ Y tế Đào Hồng Lan").
    out = [
        o
        for o in out
        if not any(
            g.start <= o.start
            and o.end < g.end
            and o.priority == 3
            # a known country ("Bộ Quốc phòng| Campuchia"): not "Bộ Y tế| và có thể …", not a person's name
            and text[o.end - base : g.end - base].strip()
            in gazetteers.people().countries - {"Việt Nam"}
            for g in grammar
        )
    ]
    grammar = [
        g
        for g in grammar
        if not any(o.priority == 3 and g.start <= o.start and o.end <= g.end for o in out)
    ]
    return choose(out + grammar)


# "Sở Y tế Bắc Ninh, Bắc Giang": more provinces right after a place-named organization, each a whole item.
_ONE_MORE = re.compile(r"[ ]*(?:,|và)[ ]*(?:(?:tỉnh|thành phố)[ ]+)?(?=[A-ZĐ])")
_ITEM_DONE = re.compile(r"[ ]*(?:[,.;)]|và(?![\w])|$)")


def _listed_after(
    text: str, end: int, base: int, hint: str | None, head: str, kind: str, keep: bool
) -> list[Mention]:
    """The same head for each province listed right after a place-named organization."""
    out: list[Mention] = []
    while sep := _ONE_MORE.match(text, end):
        place = read_place(text[sep.end() :], hint)
        if place is None or place.kind != "province" or place.province is None:
            break
        stop = sep.end() + place.length
        if not _ITEM_DONE.match(text, stop) and "và" not in sep.group(0):
            break  # "Sở Y tế Nghệ An, Hà Tĩnh có …": not another of the same; the last one after "và" is
        city = place.province.is_city
        word = (
            ("thành phố " if city else "tỉnh ")
            if keep and not place.name.startswith("Thành phố")
            else ""
        )
        props = {"kind": kind, "province": place.province.province.name}
        if place.province.legacy_province:
            props["legacy_province"] = place.province.legacy_province
        name = f"{head} {word}{place.name}"
        surface = text[sep.end() : stop]
        out.append(
            Mention(
                "Organization",
                name,
                base + sep.end(),
                base + stop,
                surface,
                props,
                rule="org.distributed",
            )
        )
        end = stop
    return out


def _country_after(text: str, end: int) -> str:
    """ "Bộ Y tế Lào": the country a ministry's name goes on with (not the own one), or ""."""
    for country in gazetteers.people().countries - {"Việt Nam"}:
        if text.startswith(" " + country, end) and not text[end + 1 + len(country) :][:1].isalnum():
            return country
    return ""


# "thành phố Seongnam (Hàn Quốc)": a city abroad, named with its country, signs as its government.
_FOREIGN_CITY = re.compile(
    r"(?<![\w])[Tt]hành phố[ ]+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[ ]*\()"
)


def _foreign_cities(text: str, base: int) -> list[Mention]:
    """Cities abroad named with their country in brackets (a name that is no Vietnamese syllable)."""
    if "hành phố" not in text:
        return []  # what every match holds: most sentences are not scanned
    return [
        Mention(
            "Organization",
            f"Thành phố {m.group('name')}",
            base + m.start(),
            base + m.end(),
            m.group(0),
            {"kind": "other"},
            rule="org.foreign_city",
        )
        for m in _FOREIGN_CITY.finditer(text)
        if is_foreign_name(m.group("name").split())
    ]


_DISTRICT_COMMITTEE = re.compile(
    rf"{LOWER_START}(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)[ ]+(?P<lw>huyện|thị xã|quận)[ ]+(?P<place>{PLACE})"
)


def _district_committees(text: str, base: int, hint: str | None) -> list[Mention]:
    """ "UBND huyện Tây Giang": a district's People's Committee, in the district's province."""
    out: list[Mention] = []
    if "UBND" not in text and "ban nhân dân" not in text:
        return out  # what every match holds: most sentences are not scanned
    for m in _DISTRICT_COMMITTEE.finditer(text):
        place = read_place(m.group("place"), hint, prefer="district")
        if place is None or place.district is None:
            continue
        end = m.start("place") + place.length
        props = {"kind": "peoples_committee", "province": place.district.province.name}
        if place.district.legacy_province != place.district.province.name:
            props["legacy_province"] = place.district.legacy_province
        name = f"Ủy ban nhân dân {m.group('lw')} {place.name}"
        out.append(
            Mention(
                "Organization", name, base + m.start(), base + end, text[m.start() : end], props
            )
        )
    return out


_LIST_HEAD = (
    r"(?:các|những)[ ]+(?:tỉnh|thành phố|địa phương)(?:[ ]*,[ ]*(?:thành phố|thành))?[ ]*:?[ ]*"
)
_LIST_SEP = re.compile(r"[ ]*(?:,|;|và)[ ]*")
# What `_LIST_HEAD` opens with (case as written; only the head is case-blind): no list without it.
_LISTED = re.compile(r"(?:các|những)[ ]+(?:tỉnh|thành phố|địa phương)")


def _distributed(text: str, base: int, hint: str | None, heads: _HeadPatterns) -> list[Mention]:
    """ "Sở Y tế các tỉnh A, B và C": one organization per province named after the shared head."""
    canon, kind, keep = heads.canon, heads.kind, heads.keep
    out: list[Mention] = []
    for m in heads.distributed.finditer(text):
        pos = m.end()
        while True:
            lead = re.match(r"(?:(?:tỉnh|thành phố|TP\.?)[ ]+)?", text[pos:])
            start = pos + (lead.end() if lead else 0)  # the pattern is optional: it always matches
            place = read_place(text[start:], hint)
            if place is None or place.kind != "province" or place.province is None:
                break
            city = place.province.is_city
            word = (
                ""
                if place.name.startswith("Thành phố") or not keep
                else ("thành phố " if city else "tỉnh ")
            )
            props = {"kind": kind, "province": place.province.province.name}
            if place.province.legacy_province:
                props["legacy_province"] = place.province.legacy_province
            end = start + place.length
            out.append(
                Mention(
                    "Organization",
                    f"{canon} {word}{place.name}",
                    base + start,
                    base + end,
                    text[start:end],
                    props,
                    rule="org.distributed",
                )
            )
            sep = _LIST_SEP.match(text, end)
            if not sep:
                break
            pos = sep.end()
    return out
