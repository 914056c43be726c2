"""How a hospital read from a place is named and placed: one home for the SCHEMA's canonical names
("Bệnh viện Đa khoa tỉnh X", "Bệnh viện Phổi tỉnh X", "Bệnh viện Đa khoa huyện Y") and for the
province and level a mention carries."""

from __future__ import annotations

import functools
import re

from hospnet.extract import gazetteers
from hospnet.extract.hospital_patterns import DISTRICT_WORD
from hospnet.extract.lexicon import Place
from hospnet.extract.mentions import Mention
from hospnet.names import expand_abbreviations, fold
from hospnet.places import match_province


def hospital_mention(
    name: str,
    level: str,
    start: int,
    end: int,
    surface: str,
    place: Place | None = None,
    province: str | None = None,
    priority: int = 2,
) -> Mention:
    props: dict = {"level": level}
    match = place.province if place and place.province else None
    if place and place.district:
        props["province"] = place.district.province.name
        if place.district.legacy_province != place.district.province.name:
            props["legacy_province"] = place.district.legacy_province
    elif match:
        props["province"] = match.province.name
        if match.legacy_province:
            props["legacy_province"] = match.legacy_province
    elif province:
        found = match_province(province)
        if found:
            props["province"] = found.province.name
            if found.legacy_province:
                props["legacy_province"] = found.legacy_province
    return Mention("Hospital", name, start, end, surface, props, priority=priority)


def provincial_general_name(place_name: str, is_city: bool) -> str:
    """`Bệnh viện Đa khoa tỉnh X`, `… thành phố Cần Thơ`; the city's "Thành phố" is not written twice."""
    if is_city:
        return f"Bệnh viện Đa khoa thành phố {place_name.removeprefix('Thành phố ')}"
    return f"Bệnh viện Đa khoa tỉnh {place_name}"


def specialist_name(specialty: str, place: Place) -> str:
    """One name however the province was written: "Bệnh viện Phổi Bắc Giang" and "… Phổi tỉnh Bắc Giang"
    are one hospital, named with "tỉnh"; a city's ("Bệnh viện Ung bướu Hà Nội") goes without."""
    is_city = bool(place.province and place.province.is_city)
    return f"Bệnh viện {specialty} {'' if is_city else 'tỉnh '}{place.name}"


def named_for_district(place: Place, after: str) -> str:
    """The province written right after a district's name (" Đồng Nai" in "Đa khoa Thống Nhất Đồng Nai")."""
    if place.kind != "district" or place.district is None:
        return ""
    for province in {place.district.province.name, place.district.legacy_province}:
        if re.match(rf" {re.escape(province)}(?![\w])", after):
            return f" {province}"
    return ""


def general_name(place: Place) -> tuple[str, str]:
    """Canonical name and level of the general hospital named for a place."""
    if place.kind == "province":
        return provincial_general_name(
            place.name, bool(place.province and place.province.is_city)
        ), "provincial"
    kind = DISTRICT_WORD.get(place.district.kind, "huyện") if place.district else "huyện"
    return f"Bệnh viện Đa khoa {kind} {place.name}", "district"


def canon_name(name: str) -> str:
    """Expanded abbreviations, one space, "Khu vực" capitalised as hospitals write it."""
    return re.sub(r"\s+", " ", expand_abbreviations(name)).strip()


def surface_variants(name: str) -> set[str]:
    """The ways a gazetteer name is abbreviated in text."""
    out = {name}
    for full, short in (
        ("Bệnh viện Đa khoa ", "BVĐK "),
        ("Bệnh viện ", "BV "),
        ("Bệnh viện ", "bệnh viện "),
        ("Bệnh viện ", "BV. "),
    ):
        out |= {v.replace(full, short, 1) for v in out if v.startswith(full)}
    for full, short in (
        ("Trung ương", "TW"),
        ("Trung ương", "TƯ"),
        ("Trung ương", "T.Ư"),
        ("Trung ương", "trung ương"),
        ("Thành phố Hồ Chí Minh", "TP.HCM"),
        ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"),
    ):
        out |= {v.replace(full, short) for v in out if full in v}
    out |= {v.replace(" - ", "-") for v in out if " - " in v}
    # The head, the level and "Trung ương" run into one abbreviation: "BVĐKTƯ Cần Thơ", "BVTW Huế".
    for short in ("BVĐK", "BV"):
        out |= {
            v.replace(f"{short} T", f"{short}T", 1)
            for v in out
            if v.startswith((f"{short} TW ", f"{short} TƯ "))
        }
    # News often capitalises every word of a name ("Bệnh viện Nhi Đồng 1", "Bệnh viện Hữu Nghị Việt Đức").
    out |= {_title_words(v) for v in out if v.startswith(("Bệnh viện ", "BV "))}
    return out


def _title_words(name: str) -> str:
    """Every word after the head capitalised (the head and "và" kept as written)."""
    head, _, rest = name.partition(" ") if name.startswith("BV ") else (name[:9], " ", name[10:])
    words = [w if w in ("và", "-") else w[:1].upper() + w[1:] for w in rest.split(" ")]
    return f"{head} {' '.join(words)}"


@functools.lru_cache(maxsize=1)
def _known_names() -> dict[str, gazetteers.KnownHospital]:
    """The gazetteer's hospitals by the folded form of every name and alias."""
    return {fold(form): h for h in gazetteers.hospitals() for form in (h.name, *h.aliases)}


def as_known(m: Mention) -> Mention:
    """A name read by a pattern that the gazetteer knows ("Bệnh viện Đa khoa tỉnh Bến Tre" is Bệnh viện
    Nguyễn Đình Chiểu) is the gazetteer's hospital, with its level and province."""
    key = fold(m.name) if m.name and m.priority < 3 else ""
    # "Bệnh viện Đa khoa Nguyễn Đình Chiểu" is Bệnh viện Nguyễn Đình Chiểu: an own name needs no level word.
    h = _known_names().get(key) or _known_names().get(
        key.replace("benh vien da khoa ", "benh vien ", 1)
    )
    if h is None or h.name == m.name:
        return m
    known = hospital_mention(
        h.name, h.level, m.start, m.end, m.surface, province=h.province, priority=m.priority
    )
    if h.legacy_province:
        known.props["legacy_province"] = h.legacy_province
    known.props.update({k: v for k, v in m.props.items() if k in ("list_item", "head_start")})
    known.rule = m.rule
    return known
