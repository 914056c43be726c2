"""Hospitals by their own name after a head ("Bệnh viện Quân y 121", "Bệnh viện Tai Mũi Họng Trung
ương", "Bệnh viện Đại học Wonkwang"), when no gazetteer entry or place pattern names them: the level
and province their name implies."""

from __future__ import annotations

import functools
import re

from hospnet.extract import gazetteers
from hospnet.extract.entity_patterns import head_names
from hospnet.extract.hospital_names import hospital_mention, specialist_name
from hospnet.extract.hospital_patterns import NOT_A_NAME_WORD, SPEC_BY_KEY
from hospnet.extract.lexicon import is_foreign_name, read_place, tail_place
from hospnet.extract.mentions import Mention
from hospnet.names import fold
from hospnet.places import match_province, province_of_district


def named_hospitals(text: str, base: int, hint: str | None, found: list[Mention]) -> list[Mention]:
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
        if (
            own[:2] == ["Đa", "khoa"]
            and len(own) > 2
            and ("-" in own or own[2:4] == ["Quốc", "tế"])
            and own[2][:1].isupper()
        ):
            own = own[
                2:
            ]  # "Bệnh viện Đa khoa Hồng Ngọc - Phúc Trường Minh", "… Đa khoa Quốc tế Huế": an own name after the level
        # "Bệnh viện Trung ương Mahosot": "Trung ương" opens an own name when a capital word follows
        # (a known one, "Bệnh viện Trung ương Huế", is the gazetteer's)
        level_then_name = (
            own[:2] == ["Trung", "ương"]
            and len(own) > 2
            and own[2][:1].isupper()
            and not any(f.start == m.start for f in found)
        )
        if (
            not own
            or own[0].lower() in NOT_A_NAME_WORD
            and own[0][:1].isupper()
            and own[0] != "Quân"
            and not level_then_name
            or len(words) <= head_len
        ):
            continue
        spec = SPEC_BY_KEY.get(fold(" ".join(own)).removesuffix(" tinh"))
        bare_tinh = m.surface.endswith(" tỉnh") or _SHARED_TINH.match(text, m.end - base)
        place = (
            read_place((bare_tinh and _province_before(m, found)) or hint or "") if spec else None
        )
        if (
            spec and place and place.kind == "province"
        ):  # "Bệnh viện Mắt và Bệnh viện Tâm thần tỉnh": the province's
            out.append(
                hospital_mention(
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
            # lower-case words after a known name, then a verb or a function word: the clause goes on
            # ("Bệnh viện K hợp tác với …", "… Bệnh viện K thông tin bệnh viện sẽ …"), not the name
            or known
            and tail.split()[-1:] != []
            and tail.split()[-1][:1].islower()
            and not _PUNCTUATION_AFTER.match(text, m.end - base)
        ):
            continue
        city_named = _with_its_city(m, text, hint)
        if city_named is not None:
            out.append(city_named)
            continue
        foreign = is_foreign_name(own) or bool(_FRIENDSHIP_ABROAD.match(" ".join(own)))
        level = (
            "other"
            if foreign
            or re.search(r"Quân y|Quân đội|Công an|dã chiến|\d", m.name)
            or ("Quốc tế" in m.name and tail_place(" ".join(own), None)[1] is None)
            else "central"
            if "Đại học" in m.name or "Trung ương" in m.name
            else "district"
            if m.name.startswith("Trung tâm")
            else "private"
        )
        mention = hospital_mention(
            m.name,
            level,
            m.start,
            m.end,
            m.surface,
            province=_trailing_province(own)
            or (None if level == "other" or "Trung ương" in m.name else hint),
            # "Trung tâm Y tế Đại học Hallym": the hospital's head makes the university name inside it a hospital's
            priority=3 if known else 2 if own[0] in ("Đại", "Trường", "Học", "Viện") else 1,
        )
        mention.rule = m.rule
        out.append(mention)
    return out


# "Bệnh viện Mắt| và Bệnh viện Tâm thần tỉnh": the bare "tỉnh" of the next item is this one's too.
_SHARED_TINH = re.compile(
    r"[ ]*(?:,|và)[ ]*(?:Bệnh viện|BV)[ ]+[\w ]+?[ ]tỉnh(?![\w])(?![ ]+[A-ZĐ])"
)


def _province_before(m: Mention, found: list[Mention]) -> str | None:
    """ "Bệnh viện Đa khoa tỉnh Bình Định, … Bệnh viện Mắt và Bệnh viện Tâm thần tỉnh": a bare "tỉnh"
    is the province of the provincial hospital the sentence named last before it."""
    before = [
        k
        for k in found
        if k.end <= m.start and k.props.get("level") == "provincial" and k.props.get("province")
    ]
    return (
        (before[-1].props.get("legacy_province") or before[-1].props["province"])
        if before
        else None
    )


@functools.lru_cache(maxsize=1)
def _known_by_key() -> dict[str, gazetteers.KnownHospital]:
    return {fold(h.name): h for h in gazetteers.hospitals()}


_PROVINCE_WORDS = re.compile(
    r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)[ ]*(?P<p>[A-ZĐ][\w]*(?:[ ]+[A-ZĐ][\w]*){0,3})"
)


def _with_its_city(m: Mention, text: str, hint: str | None) -> Mention | None:
    """A short name whose city the story leaves out ("Bệnh viện Chấn thương Chỉnh hình" in a story in
    Thành phố Hồ Chí Minh, "các bệnh viện ở TP Hồ Chí Minh gồm: Bệnh viện Đại học Y Dược"): the known
    hospital named so with the province of the sentence or of the story."""
    places = [p.group("p") for p in _PROVINCE_WORDS.finditer(text)] + ([hint] if hint else [])
    for place_text in places:
        place = read_place(place_text)
        match = match_province(place_text) or (place.province if place else None)
        if match is None:
            continue
        for name in {match.province.name, match.legacy}:
            known = _known_by_key().get(fold(f"{m.name} {name}"))
            if known is not None:
                found = hospital_mention(
                    known.name,
                    known.level,
                    m.start,
                    m.end,
                    m.surface,
                    province=known.province,
                    priority=2,
                )
                found.rule = "hospital.named_with_its_city"
                return found
    return None


_PUNCTUATION_AFTER = re.compile(r"[ ]*(?:[,.;:()\n\"“”]|$)")
# "Hữu nghị Lào - Việt Nam", "Hữu nghị Khmer - Xô Viết": a friendship hospital named with the other country
# first stands in that country ("Hữu nghị Việt Nam - Cuba Đồng Hới" is in Việt Nam).
_FRIENDSHIP_ABROAD = re.compile(r"Hữu nghị (?!Việt(?: Nam)?\b)[^-–]{2,20}? [-–] ")


def _trailing_province(own: list[str]) -> str | None:
    """A name that ends with a province is there ("Bệnh viện Tim Hà Nội", "… Sài Gòn - Gia Lai")."""
    for k in (3, 2, 1):
        if len(own) > k or (len(own) == k and k > 1):
            match = match_province(" ".join(own[-k:]))
            if match is not None:
                return match.province.name
    # "… Việt Nam - Cuba Đồng Hới": a city or district after the own name, written with its tones
    district = province_of_district(" ".join(own[-2:])) if len(own) > 2 else None
    if district is not None and district.name == " ".join(own[-2:]):
        return district.province.name
    return None
