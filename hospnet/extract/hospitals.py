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
from hospnet.extract.hospital_patterns import (
    DISTRICT_WORD,
    ENGLISH_SPEC,
    NOT_A_NAME,
    PATTERNS,
)
from hospnet.extract.lexicon import (
    END,
    LOWER_START,
    Place,
    is_foreign_name,
    is_vietnamese_name,
    read_place,
    tail_place,
)
from hospnet.extract.hospital_lists import (
    district_list_items,
    named_list_items,
    province_list_items,
)
from hospnet.extract.hospital_names import (
    as_known,
    canon_name,
    surface_variants,
    general_name,
    hospital_mention,
    named_for_district,
    provincial_general_name,
    specialist_name,
)
from hospnet.extract.mentions import Mention, choose
from hospnet.extract.named_hospitals import named_hospitals
from hospnet.names import fold
from hospnet.places import province_for


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern, dict[str, gazetteers.KnownHospital]]:
    by_surface: dict[str, gazetteers.KnownHospital] = {}
    for h in gazetteers.hospitals():
        for form in (h.name, *h.aliases):
            for v in surface_variants(form):
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


# Back-references a pattern kind reads ("Bệnh viện", "Bệnh viện tỉnh"): the properties the mention
# starts with, the reference context.py resolves, and its priority against named mentions.
_BACK_REFERENCES: dict[str, tuple[dict[str, str], str, int]] = {
    "back_previous": ({}, "previous_hospital", 0),
    "back_provincial": ({"level": "provincial"}, "provincial_hospital", 1),
}


def _place_of_a_namesake(
    text: str, end: int, province: str | None, hint: str | None
) -> Place | None:
    """The place right after a known hospital's name when it lies in another province: "Bệnh viện Hùng
    Vương Gia Lai", "Bệnh viện Nhi đồng Thành phố Cần Thơ" are namesakes there, not the known one."""
    if text[end : end + 1] != " " or not text[end + 1 : end + 2].isupper():
        return None
    place = read_place(text[end + 1 :], hint)
    if place is None:
        return None
    where = (
        place.district.province if place.district else place.province and place.province.province
    )
    known = province_for(province) if province else None
    return place if where is not None and where != known else None


def find_hospitals(text: str, base: int, hint: str | None = None) -> list[Mention]:
    """Every hospital mention in `text` (a sentence starting at document offset `base`)."""
    out: list[Mention] = []
    by_surface = _gazetteer()[1]
    for m in _gazetteer_matches(text):
        h = by_surface[m.group(0)]
        elsewhere = (
            _place_of_a_namesake(text, m.end(), h.province, hint) if h.level != "central" else None
        )
        if elsewhere is not None:
            end = m.end() + 1 + elsewhere.length
            out.append(
                hospital_mention(
                    f"{h.name} {text[m.end() + 1 : end]}",
                    h.level,
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    elsewhere,
                    priority=3,
                )
            )
            continue
        mention = hospital_mention(
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
    for kind, regex, needs in PATTERNS:
        if needs and not any(word in text for word in needs):
            continue
        for m in regex.finditer(text):
            if kind == "list":
                out.extend(district_list_items(text, m.end(), base, hint, m.group(0), m.start()))
                continue
            if kind == "province_list":
                out.extend(province_list_items(text, m.end(), base, m.start(), find_hospitals))
                continue
            if kind == "named_list":
                out.extend(named_list_items(text, m.end(), base, m.start(), find_hospitals))
                continue
            if kind in _BACK_REFERENCES:
                props, ref, priority = _BACK_REFERENCES[kind]
                out.append(
                    Mention(
                        "Hospital",
                        "",
                        base + m.start(),
                        base + m.end(),
                        m.group(0),
                        dict(props),
                        ref=ref,
                        priority=priority,
                    )
                )
                continue
            found = _from_match(kind, m, text, base, hint)
            if found:
                out.append(found)
    return choose([as_known(m) for m in out + named_hospitals(text, base, hint, out)])


# What may stand before an own name in English: "Ben Tre's Nguyen Dinh Chieu General Hospital", "The …".
_BEFORE_OWN_NAME = re.compile(r"(?:.*'s[ ]+)?(?:The[ ]+)?")


def _english_own_name(m: re.Match, text: str, base: int) -> Mention | None:
    """A general hospital's own name in English, written without tones ("Nguyen Dinh Chieu General
    Hospital"); the gazetteer gives a known one its Vietnamese name (as_known), another keeps its words."""
    if m.group("kind") != "General":
        return None
    before = _BEFORE_OWN_NAME.match(m.group("place"))  # always matches: both parts are optional
    start = m.start("place") + (before.end() if before else 0)
    words = text[start : m.start("kind")].split()
    if len(words) < 2 or not is_vietnamese_name(words):
        return None
    return hospital_mention(
        canon_name("Bệnh viện Đa khoa " + " ".join(words)),
        "private",
        base + start,
        base + m.end(),
        text[start : m.end()],
        priority=1,
    )


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
            skip, inner = tail_place(place_text, hint)
            end = place_start + len(place_text.rstrip())
            name = canon_name(f"Bệnh viện Đa khoa Khu vực {text[place_start:end]}")
            province = inner.province.legacy if inner and inner.province else hint
            return hospital_mention(
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
        return hospital_mention(
            canon_name(name),
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
        name, level = general_name(place)
        return hospital_mention(
            name, level, base + m.start(), base + end, text[m.start() : end], place
        )
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
            return hospital_mention(
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
        return hospital_mention(
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
                return hospital_mention(
                    f"Trung tâm Y tế {kind_word} {place.name}",
                    "district",
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    place,
                    province=hint,
                )
            named = named_for_district(place, text[end:])
            if (
                named and not is_centre
            ):  # "Bệnh viện Đa khoa Thống Nhất Đồng Nai": a name, not the district's hospital
                end += len(named)
                return hospital_mention(
                    f"Bệnh viện Đa khoa {place.name}{named}",
                    "provincial",
                    base + m.start(),
                    base + end,
                    text[m.start() : end],
                    place,
                    province=place.district.province.name if place.district else hint,
                )
            name, level = general_name(place)
            return hospital_mention(
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
        return hospital_mention(
            canon_name("Bệnh viện Đa khoa " + place_text),
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
        return hospital_mention(
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
        return hospital_mention(
            canon_name("Bệnh viện " + place_text),
            level,
            base + m.start(),
            base + m.end(),
            m.group(0),
            province=hint,
            priority=1,
        )
    if kind == "en_university":
        if not is_foreign_name(place_text.split()):
            return (
                None  # a Vietnamese one is in the gazetteer ("Hanoi Medical University Hospital")
            )
        return hospital_mention(
            f"Bệnh viện Đại học {place_text}",
            "other",
            base + m.start(),
            base + m.end(),
            m.group(0),
            priority=1,
        )
    if kind.startswith("en_"):
        start = m.start()
        if kind != "en_provincial_of":
            skip, place = tail_place(place_text, hint)
            place_start += skip
            start = place_start
        if place is None:
            return _english_own_name(m, text, base) if kind == "en_general" else None
        end = m.end() if kind != "en_provincial_of" else place_start + place.length
        surface = text[start:end]
        if kind == "en_health_centre":
            if place.kind != "district" or place.district is None:
                return None
            # "Huong Khe Medical Centre" keeps the text's form (no level word) unless it says "District"
            # ("City", "Town")
            kind_word = (
                DISTRICT_WORD.get(place.district.kind, "huyện") + " "
                if re.search(r"\b(?:District|City|Town) (?:Medical|Health)", surface)
                else ""
            )
            return hospital_mention(
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
            return hospital_mention(
                specialist_name(spec, place), "provincial", base + start, base + end, surface, place
            )
        hk = m.groupdict().get("kind") or ""
        if hk.startswith("Regional"):
            return hospital_mention(
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
            return hospital_mention(
                f"Bệnh viện Đa khoa thị xã {place.name}",
                "district",
                base + start,
                base + end,
                surface,
                place,
                province=hint,
            )
        name, level = general_name(place)
        return hospital_mention(
            name, level, base + start, base + end, surface, place, province=hint
        )
    return None
