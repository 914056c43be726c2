"""Hospital mentions: the gazetteer of named hospitals, and the patterns of place-named ones.

Place-named hospitals get their canonical SCHEMA name from the place they are named
for ("BVĐK Bắc Kạn" -> "Bệnh viện Đa khoa tỉnh Bắc Kạn", "BVĐK Hậu Lộc" ->
"Bệnh viện Đa khoa huyện Hậu Lộc"); named ones from the gazetteer.

>>> [m.name for m in find_hospitals("BVĐK Bắc Kạn đề nghị Viện E giúp BV tỉnh.", 0)]
['Bệnh viện Đa khoa tỉnh Bắc Kạn', 'Bệnh viện E', '']
>>> [m.name for m in find_hospitals("các Bệnh viện Đa khoa huyện: Cẩm Thủy, Ngọc Lặc, thành phố Thanh Hoá và Bệnh viện Đa khoa Hợp Lực", 0, "Thanh Hóa")]
['Bệnh viện Đa khoa huyện Cẩm Thủy', 'Bệnh viện Đa khoa huyện Ngọc Lặc', 'Bệnh viện Đa khoa thành phố Thanh Hóa', 'Bệnh viện Đa khoa Hợp Lực']
>>> m = find_hospitals("the Thanh Hoa Provincial General Hospital", 0)[0]
>>> m.name, m.props["level"]
('Bệnh viện Đa khoa tỉnh Thanh Hóa', 'provincial')
"""

from __future__ import annotations

import functools
import re

from hospnet.extract import gazetteers
from hospnet.extract.phrases import PhraseMatcher, scan
from hospnet.extract.entity_patterns import head_names
from hospnet.extract.hospital_patterns import (
    BV,
    DISTRICT_WORD,
    ENGLISH_SPEC,
    LIST_ITEM,
    LIST_SEP,
    NOT_A_NAME,
    NOT_A_NAME_WORD,
    PATTERNS,
    SPEC_BY_KEY,
)
from hospnet.extract.lexicon import (
    is_foreign_name,
    END,
    LOWER_START,
    Place,
    read_place,
)
from hospnet.extract.mentions import Mention, choose
from hospnet.places import match_province
from hospnet.names import expand_abbreviations, fold


def _variants(name: str) -> set[str]:
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
    return out


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern, dict[str, gazetteers.KnownHospital]]:
    by_surface: dict[str, gazetteers.KnownHospital] = {}
    for h in gazetteers.hospitals():
        for form in (h.name, *h.aliases):
            for v in _variants(form):
                by_surface.setdefault(v, h)
    alternation = "|".join(re.escape(s) for s in sorted(by_surface, key=lambda s: (-len(s), s)))
    return re.compile(rf"{LOWER_START}(?:{alternation}){END}"), by_surface


@functools.lru_cache(maxsize=1)
def _gazetteer_starts() -> PhraseMatcher:
    return PhraseMatcher(dict.fromkeys(_gazetteer()[1], True))


def _gazetteer_matches(text: str) -> list[re.Match]:
    """The gazetteer's matches, as `pattern.finditer` gives them, tried only where the phrase matcher
    sees a name start (the one long alternation, run everywhere, was most of the reading time)."""
    return scan(_gazetteer()[0], text, _gazetteer_starts().starts(text))


def _hospital(
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


def _named_for_district(place: Place, after: str) -> str:
    """The province written right after a district's name (" Đồng Nai" in "Đa khoa Thống Nhất Đồng Nai")."""
    if place.kind != "district" or place.district is None:
        return ""
    for province in {place.district.province.name, place.district.legacy_province}:
        if re.match(rf" {re.escape(province)}(?![\w])", after):
            return f" {province}"
    return ""


def _general_name(place: Place) -> tuple[str, str]:
    """Canonical name and level of the general hospital named for a place."""
    if place.kind == "province":
        return provincial_general_name(
            place.name, bool(place.province and place.province.is_city)
        ), "provincial"
    kind = DISTRICT_WORD.get(place.district.kind, "huyện") if place.district else "huyện"
    return f"Bệnh viện Đa khoa {kind} {place.name}", "district"


def find_hospitals(text: str, base: int, hint: str | None = None) -> list[Mention]:
    """Every hospital mention in `text` (a sentence starting at document offset `base`)."""
    out: list[Mention] = []
    by_surface = _gazetteer()[1]
    for m in _gazetteer_matches(text):
        h = by_surface[m.group(0)]
        mention = _hospital(
            h.name,
            h.level,
            base + m.start(),
            base + m.end(),
            m.group(0),
            province=h.province,
            priority=3,
        )
        if h.legacy_province:
            mention.props["legacy_province"] = h.legacy_province
        if h.specialties:
            mention.props["specialties"] = list(h.specialties)
        out.append(mention)
    for kind, regex in PATTERNS:
        for m in regex.finditer(text):
            if kind == "list":
                out.extend(_list_items(text, m.end(), base, hint, m.group(0), m.start()))
                continue
            if kind == "province_list":
                out.extend(_province_list_items(text, m.end(), base, m.start()))
                continue
            if kind == "back_previous":
                out.append(
                    Mention(
                        "Hospital",
                        "",
                        base + m.start(),
                        base + m.end(),
                        m.group(0),
                        {},
                        ref="previous_hospital",
                        priority=0,
                    )
                )
                continue
            if kind == "back_provincial":
                out.append(
                    Mention(
                        "Hospital",
                        "",
                        base + m.start(),
                        base + m.end(),
                        m.group(0),
                        {"level": "provincial"},
                        ref="provincial_hospital",
                        priority=1,
                    )
                )
                continue
            found = _from_match(kind, m, text, base, hint)
            if found:
                out.append(found)
    return choose(out + _named(text, base, hint, out))


def _named(text: str, base: int, hint: str | None, found: list[Mention]) -> list[Mention]:
    """Hospitals by their own name after a head ("Bệnh viện Quân y 121", "Bệnh viện Hữu nghị Việt Nam - Cu Ba
    Đồng Hới"); such a name wins over a shorter gazetteer name only when it goes on with a hyphen, a number
    or lower-case name words (a capitalised tail is more often a person: "Bệnh viện Chợ Rẫy Nguyễn Tri Thức")."""
    out = []
    for m in head_names(text, base, "Hospital"):
        words = m.surface.split()
        head_len = (
            1
            if m.surface.startswith(("BV", "TTYT"))
            else 2
            if not m.surface.startswith("Trung")
            else 4
        )
        own = m.surface.split()[head_len:]
        if own[:2] == ["Đa", "khoa"] and len(own) > 2 and "-" in own and own[2][:1].isupper():
            own = own[
                2:
            ]  # "Bệnh viện Đa khoa Hồng Ngọc - Phúc Trường Minh": a compound name after the level
        if (
            not own
            or own[0].lower() in NOT_A_NAME_WORD
            and own[0][:1].isupper()
            and own[0] != "Quân"
            or len(words) <= head_len
        ):
            continue
        spec = SPEC_BY_KEY.get(fold(" ".join(own)).removesuffix(" tinh"))
        place = read_place(hint) if hint else None
        if (
            spec and place and place.kind == "province"
        ):  # "Bệnh viện Mắt và Bệnh viện Tâm thần tỉnh": the province's
            out.append(
                _hospital(
                    specialist_name(spec, place),
                    "provincial",
                    m.start,
                    m.end,
                    m.surface,
                    place,
                    priority=1,
                )
            )
            continue
        if any(k.priority == 3 and k.start <= m.start and m.end <= k.end for k in found):
            continue  # a part of a name the gazetteer knows ("Bệnh viện Đại học Y Dược| TP.HCM")
        known = [k for k in found if k.priority == 3 and m.start <= k.start and k.end < m.end]
        tail = text[known[0].end - base : m.end - base] if known else ""
        if (
            known
            and not re.search(r"[-–\d]|(?<![\w])[a-zđ]", tail)
            or re.search(r"(?<![\w])(?:và|Bệnh viện)(?![\w])", tail)
        ):
            continue
        foreign = is_foreign_name(own)
        level = (
            "other"
            if foreign or re.search(r"Quân y|Quân đội|Công an|dã chiến|Quốc tế|\d", m.name)
            else "central"
            if "Đại học" in m.name or "Trung ương" in m.name
            else "district"
            if m.name.startswith("Trung tâm")
            else "private"
        )
        mention = _hospital(
            m.name,
            level,
            m.start,
            m.end,
            m.surface,
            province=None if level == "other" or "Trung ương" in m.name else hint,
            priority=3 if known else 1,
        )
        mention.rule = m.rule
        out.append(mention)
    return out


def _from_match(kind: str, m: re.Match, text: str, base: int, hint: str | None) -> Mention | None:
    place_text = m.group("place")
    place_start = m.start("place")
    prefer = "district" if kind == "district" else "province"
    place = read_place(place_text, hint, prefer=prefer)
    head = text[m.start() : place_start]
    if kind in ("regional", "centre"):
        if (
            place is None and kind == "regional"
        ):  # "Khu vực Tây Bắc Nghệ An": a region, maybe ending in a province
            skip, inner = _tail_place(place_text, hint)
            end = place_start + len(place_text.rstrip())
            name = _canon(f"Bệnh viện Đa khoa Khu vực {text[place_start:end]}")
            province = inner.province.legacy if inner and inner.province else hint
            return _hospital(
                name,
                "provincial",
                base + m.start(),
                base + end,
                text[m.start() : end],
                province=province,
            )
        if place is None:
            return None
        end = place_start + place.length
        pw = (m.group("pw") or "").strip() + " " if kind == "regional" and m.group("pw") else ""
        label = "Khu vực" if kind == "regional" else "Trung tâm"
        name = f"Bệnh viện Đa khoa {label} {pw}{text[place_start:end]}"
        return _hospital(
            _canon(name),
            "provincial",
            base + m.start(),
            base + end,
            text[m.start() : end],
            place,
            province=hint,
        )
    if kind == "provincial":
        if place is None or place.kind != "province":
            return None
        end = place_start + place.length
        name, level = _general_name(place)
        return _hospital(name, level, base + m.start(), base + end, text[m.start() : end], place)
    if kind == "district":
        lw = m.group("lw")
        is_centre = "Trung tâm" in m.group("head") or "TTYT" in m.group("head")
        if place is None:
            return None
        end = place_start + place.length
        word = "thành phố" if lw.lower().startswith(("tp", "thành")) else lw.lower()
        if (
            place.kind == "province"
            and place.province is not None
            and place.province.is_city
            and word == "thành phố"
        ):
            if is_centre:
                return None
            return _hospital(
                provincial_general_name(place.name, True),
                "provincial",
                base + m.start(),
                base + end,
                text[m.start() : end],
                place,
            )
        if (
            place.kind == "province"
        ):  # a town that shares its province's name ("thành phố Thanh Hóa")
            place = read_place(place_text, hint, prefer="district") or place
        head_name = "Trung tâm Y tế" if is_centre else "Bệnh viện Đa khoa"
        return _hospital(
            f"{head_name} {word} {place.name}",
            "district",
            base + m.start(),
            base + end,
            text[m.start() : end],
            place,
            province=hint,
        )
    if kind == "bare":
        is_centre = "Trung tâm" in m.group("head") or "TTYT" in m.group("head")
        if place is not None:
            end = place_start + place.length
            if is_centre:
                if place.kind != "district" or place.district is None:
                    return None
                kind_word = DISTRICT_WORD.get(place.district.kind, "huyện")
                return _hospital(
                    f"Trung tâm Y tế {kind_word} {place.name}",
                    "district",
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    place,
                    province=hint,
                )
            named = _named_for_district(place, text[end:])
            if (
                named and not is_centre
            ):  # "Bệnh viện Đa khoa Thống Nhất Đồng Nai": a name, not the district's hospital
                end += len(named)
                return _hospital(
                    f"Bệnh viện Đa khoa {place.name}{named}",
                    "provincial",
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    place,
                    province=place.district.province.name if place.district else hint,
                )
            name, level = _general_name(place)
            return _hospital(
                name,
                level,
                base + m.start(),
                base + end,
                text[m.start() : end],
                place,
                province=hint,
            )
        if is_centre or fold(place_text).split()[0] in NOT_A_NAME:
            return None
        return _hospital(
            _canon("Bệnh viện Đa khoa " + place_text),
            "private",
            base + m.start(),
            base + m.end(),
            m.group(0),
            province=hint,
            priority=1,
        )
    if kind == "specialist":
        if place is None or place.kind != "province":
            return None
        end = place_start + place.length
        spec = m.group("spec").replace("Sản Nhi", "Sản - Nhi").replace("Sản nhi", "Sản - Nhi")
        return _hospital(
            specialist_name(spec, place),
            "provincial",
            base + m.start(),
            base + end,
            text[m.start() : end],
            place,
        )
    if kind == "named":
        first = fold(place_text).split()[0]
        if first in NOT_A_NAME or head.strip().startswith(("BVĐK",)):
            return None
        level = "other" if re.search(r"Quân y|Quân đội|Công an|\d", place_text) else "private"
        return _hospital(
            _canon("Bệnh viện " + place_text),
            level,
            base + m.start(),
            base + m.end(),
            m.group(0),
            province=hint,
            priority=1,
        )
    if kind.startswith("en_"):
        start = m.start()
        if kind != "en_provincial_of":
            skip, place = _tail_place(place_text, hint)
            place_start += skip
            start = place_start
        if place is None:
            return None
        end = m.end() if kind != "en_provincial_of" else place_start + place.length
        surface = text[start:end]
        if kind == "en_health_centre":
            if place.kind != "district" or place.district is None:
                return None
            # "Huong Khe Medical Centre" keeps the text's form (no level word) unless it says "District"
            kind_word = (
                DISTRICT_WORD.get(place.district.kind, "huyện") + " "
                if "District" in surface
                else ""
            )
            return _hospital(
                f"Trung tâm Y tế {kind_word}{place.name}",
                "district",
                base + start,
                base + end,
                surface,
                place,
                province=hint,
            )
        if kind == "en_specialist":
            if place.kind != "province":
                return None
            spec = ENGLISH_SPEC[m.group("espec")]
            return _hospital(
                specialist_name(spec, place), "provincial", base + start, base + end, surface, place
            )
        hk = m.groupdict().get("kind") or ""
        if hk.startswith("Regional"):
            return _hospital(
                f"Bệnh viện Đa khoa Khu vực {place.name}",
                "provincial",
                base + start,
                base + end,
                surface,
                place,
                province=hint,
            )
        if hk.startswith("District") and place.kind == "province":
            place = read_place(place_text, hint, prefer="district") or place
        if hk.startswith("Town"):
            place = read_place(place_text[skip:], hint, prefer="district") or place
            return _hospital(
                f"Bệnh viện Đa khoa thị xã {place.name}",
                "district",
                base + start,
                base + end,
                surface,
                place,
                province=hint,
            )
        name, level = _general_name(place)
        return _hospital(name, level, base + start, base + end, surface, place, province=hint)
    return None


def _tail_place(place_text: str, hint: str | None) -> tuple[int, Place | None]:
    """The place that ends a run of capitalised words ("In Thanh Hoa" -> "Thanh Hoa"), with its offset."""
    for word in re.finditer(r"\S+", place_text):
        rest = place_text[word.start() :]
        place = read_place(rest, hint)
        if place and place.length >= len(rest.rstrip()):
            return word.start(), place
    return 0, None


def _list_items(
    text: str, pos: int, base: int, hint: str | None, head: str, head_start: int
) -> list[Mention]:
    """The districts of "các Bệnh viện Đa khoa huyện: A, B, thành phố C và ..." as one hospital each."""
    out: list[Mention] = []
    is_centre = "Trung tâm" in head or "TTYT" in head
    while True:
        item = LIST_ITEM.match(text, pos)
        if not item or re.match(rf"{BV}|Trung tâm|TTYT", item.group("place")):
            break
        place = read_place(item.group("place"), hint, prefer="district")
        if place is None:
            break
        if place.kind == "province":
            place = read_place(item.group("place"), hint, prefer="district") or place
        end = item.start("place") + place.length
        word = (item.group("lw") or "").lower()
        word = "thành phố" if word.startswith(("tp", "thành")) else word
        if not word:
            word = DISTRICT_WORD.get(place.district.kind, "huyện") if place.district else "huyện"
            word = "huyện" if word == "thành phố" and not item.group("lw") else word
        head_name = "Trung tâm Y tế" if is_centre else "Bệnh viện Đa khoa"
        item_mention = _hospital(
            f"{head_name} {word} {place.name}",
            "district",
            base + item.start("place"),
            base + end,
            text[item.start("place") : end],
            place,
            province=hint,
        )
        item_mention.props["list_item"] = True
        if not out:
            item_mention.props["head_start"] = base + head_start
        out.append(item_mention)
        sep = LIST_SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    return out


def _canon(name: str) -> str:
    """Expanded abbreviations, one space, "Khu vực" capitalised as hospitals write it."""
    return re.sub(r"\s+", " ", expand_abbreviations(name)).strip()


def _province_list_items(text: str, pos: int, base: int, head_start: int) -> list[Mention]:
    """The provinces of "BV đa khoa các tỉnh: A, B và C", each read as "Bệnh viện Đa khoa tỉnh A" would be."""
    out: list[Mention] = []
    while True:
        item = LIST_ITEM.match(text, pos)
        place = read_place(item.group("place"), None, prefer="province") if item else None
        if item is None or place is None or place.kind != "province":
            break
        start, end = item.start("place"), item.start("place") + place.length
        found = [
            h
            for h in find_hospitals(f"Bệnh viện Đa khoa tỉnh {text[start:end]}", 0)
            if h.props.get("level") == "provincial"
        ]
        if not found:
            break
        mention = found[0]
        mention.start, mention.end, mention.surface = base + start, base + end, text[start:end]
        mention.props["list_item"] = True
        if not out:
            mention.props["head_start"] = base + head_start
        out.append(mention)
        sep = LIST_SEP.match(text, end)
        if not sep:
            break
        pos = sep.end()
    return out
