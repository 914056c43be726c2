"""Geography, in one place: the 34 provinces of 2025, the 63 before them and their districts, read from
`vietnamadminunits`, and the resolver from a written name to them. Extraction, analysis, the API,
the visualisation and the synthetic corpus all ask here.

A text names a province the way it was called when written ("Bắc Kạn", "TP.HCM",
"Thừa Thiên Huế"); the graph names it for 2025 and keeps the old name as
`legacy_province` (SCHEMA "Names").

>>> province_for("tỉnh Bắc Kạn").name
'Thái Nguyên'
>>> province_for("Thanh Hoá").name
'Thanh Hóa'
>>> province_for("TP.HCM").name
'Thành phố Hồ Chí Minh'
>>> province_for("Sài Gòn").name, province_for("Thừa Thiên Huế").name, province_for("Huế").name
('Thành phố Hồ Chí Minh', 'Huế', 'Huế')
>>> province_for("Hà Giang").code, province_for("Hà Giang").legacy_names
('08', ('Hà Giang', 'Tuyên Quang'))
>>> province_for("Bac Giang").name
'Bắc Ninh'
>>> province_for("Atlantis") is None
True
>>> d = province_of_district("huyện Hậu Lộc")
>>> d.name, d.legacy_province, d.province.name
('Hậu Lộc', 'Thanh Hóa', 'Thanh Hóa')
>>> province_of_district("Tân Châu", hint_province="An Giang").province.name
'An Giang'
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from dataclasses import dataclass

from hospnet.errors import UnknownName
from hospnet.names import fold, normalize_text

# Spellings the package's keywords do not cover.
_EXTRA_ALIASES = {
    "thanhphohochiminh": (
        "TP.HCM",
        "TP HCM",
        "TPHCM",
        "HCM",
        "Sài Gòn",
        "Ho Chi Minh City",
        "HCMC",
        "Saigon",
    ),
    "thanhphohue": ("Thừa Thiên Huế", "Thừa Thiên - Huế", "Thua Thien Hue"),
    "tinhbariavungtau": ("Bà Rịa Vũng Tàu", "Vũng Tàu", "BR-VT"),
    "tinhdaklak": ("Đắc Lắc", "Đăk Lăk", "Daklak"),
    "tinhdaknong": ("Đăk Nông", "Dak Nong"),
    "thanhphohanoi": ("Ha Noi", "Hanoi"),
}
# A province renamed before the 2025 table was made, which lists only the new name: an organisation's
# name keeps the one the text wrote ("Sở Y tế Thừa Thiên Huế", "UBND tỉnh Thừa Thiên Huế"), as the gold
# sets write every pre-2025 name, and it was a province, not a city.
RENAMED_PROVINCES = {"thua thien hue": "Thừa Thiên Huế", "thua thien - hue": "Thừa Thiên Huế"}
# Centrally-run cities: their hospitals are written "thành phố X", never "tỉnh X".
CITIES = ("Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ")
_PREFIX = re.compile(r"^\s*(?:tỉnh|thành phố|tp\s*\.?|t\.p\.?|province of)\s+", re.IGNORECASE)
_SUFFIX = re.compile(r"\s+(?:province|city)\s*$", re.IGNORECASE)
_KIND_IN_NAME = re.compile(r"\s*\((?:Huyện|Quận|Thị xã|Thành phố)\)$")
_DISTRICT_PREFIX = re.compile(
    r"^\s*(?:huyện|quận|thị xã|thành phố|tp\s*\.?|district)\s+", re.IGNORECASE
)


@dataclass(frozen=True)
class Province2025:
    """One of the 34 provinces of 2025, named the SCHEMA way."""

    key: str
    code: str
    name: str
    lat: float
    lon: float
    legacy_names: tuple[str, ...]

    @property
    def is_city(self) -> bool:
        return self.name in CITIES


@dataclass(frozen=True)
class ProvinceMatch:
    """A province as a text names it: the 2025 province and the pre-2025 name used."""

    province: Province2025
    legacy: str  # pre-2025 name, SCHEMA style ("Bắc Kạn"; "Thành phố Hồ Chí Minh")

    @property
    def is_city(self) -> bool:
        """Whether the unit the text names was a centrally-run city ("thành phố X", never "tỉnh X")."""
        return self.legacy in CITIES

    @property
    def legacy_province(self) -> str | None:
        """The old name, only when it differs from the 2025 one (SCHEMA `legacy_province`)."""
        return self.legacy if self.legacy != self.province.name else None


@dataclass(frozen=True)
class District:
    """A pre-2025 district and the province it lies in."""

    name: str
    kind: str  # "Huyện", "Quận", "Thị xã", "Thành phố"
    legacy_province: str
    province: Province2025


def _schema_name(short: str) -> str:
    return "Thành phố Hồ Chí Minh" if short == "Hồ Chí Minh" else short


def _read(name: str) -> dict:
    return json.loads(
        (importlib.resources.files("vietnamadminunits") / "data" / name).read_text("utf-8")
    )


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[
    dict[str, ProvinceMatch], dict[str, list[District]], dict[str, Province2025]
]:
    new = _read("parser_from_2025.json")["DICT_PROVINCE"]
    legacy_data = _read("parser_legacy.json")
    legacy = legacy_data["DICT_PROVINCE"]
    converter = _read("converter_2025.json")["DICT_PROVINCE"]
    legacy_to_new: dict[str, str] = {}
    provinces: dict[str, Province2025] = {}
    for key, info in new.items():
        olds = tuple(sorted(_schema_name(legacy[k]["provinceShort"]) for k in converter[key]))
        provinces[key] = Province2025(
            key=key,
            code=info["provinceCode"],
            name=_schema_name(info["provinceShort"]),
            lat=float(info["provinceLat"]),
            lon=float(info["provinceLon"]),
            legacy_names=olds,
        )
        for old in converter[key]:
            legacy_to_new[old] = key
    by_name: dict[str, ProvinceMatch] = {}

    def add(name: str, match: ProvinceMatch) -> None:
        by_name.setdefault(fold(name), match)

    # 2025 names first, so a name that is both (Thanh Hóa) maps to itself.
    for key, info in new.items():
        match = ProvinceMatch(provinces[key], provinces[key].name)
        for name in (info["provinceShort"], info["province"], provinces[key].name):
            add(name, match)
    for key, info in legacy.items():
        match = ProvinceMatch(provinces[legacy_to_new[key]], _schema_name(info["provinceShort"]))
        for name in (info["provinceShort"], info["province"], *_EXTRA_ALIASES.get(key, ())):
            add(name, match)
    districts: dict[str, list[District]] = {}
    for pkey, table in legacy_data["DICT_PROVINCE_DISTRICT"].items():
        legacy_name = _schema_name(legacy[pkey]["provinceShort"])
        for info in table.values():
            district = District(
                # "Kỳ Anh (Huyện)" and "Kỳ Anh (Thị xã)": the table tells a district and a town of one name apart
                _KIND_IN_NAME.sub("", info["districtShort"]),
                info["districtType"],
                legacy_name,
                provinces[legacy_to_new[pkey]],
            )
            districts.setdefault(fold(district.name), []).append(district)
    return by_name, districts, provinces


def _clean(name: str) -> str:
    return _SUFFIX.sub("", _PREFIX.sub("", name.strip()))


@functools.lru_cache(maxsize=4096)
def match_province(name: str) -> ProvinceMatch | None:
    """The province a name means, with the pre-2025 name it used; None when it names none (kept:
    the readers ask about the same few capitalised runs many times a sentence)."""
    by_name = _tables()[0]
    return by_name.get(fold(_clean(name))) or by_name.get(fold(name))


def province_for(name: str) -> Province2025 | None:
    """The 2025 province a (possibly pre-2025, abbreviated, prefixed) name means."""
    match = match_province(name)
    return match.province if match else None


def all_provinces() -> list[Province2025]:
    """The 34 provinces of 2025, by code."""
    return sorted(_tables()[2].values(), key=lambda p: p.code)


def province_properties(province: Province2025) -> dict:
    """The Province node's properties (SCHEMA.md), the same whether read from text or seeded."""
    return {
        "name": province.name,
        "code": province.code,
        "legacy_names": list(province.legacy_names),
        "lat": province.lat,
        "lon": province.lon,
    }


def districts_by_name() -> dict[str, list[District]]:
    """Every pre-2025 district under its folded short name (a name some provinces share has several)."""
    return {name: list(districts) for name, districts in _tables()[1].items()}


@functools.lru_cache(maxsize=4096)
def province_of_district(name: str, hint_province: str | None = None) -> District | None:
    """The district a name means; `hint_province` (2025 or legacy name) settles names used twice
    (kept, as `match_province` is)."""
    written = _DISTRICT_PREFIX.sub("", name.strip())
    candidates = _tables()[1].get(fold(written), [])
    if not candidates:
        return None
    exact = [d for d in candidates if d.name.lower() == written.lower()]
    if len(candidates) > 1 and len(exact) == 1:
        return exact[0]  # "Tam Đường" (Lai Châu) is not "Tam Dương" (Vĩnh Phúc): the tones decide
    if len({d.legacy_province for d in candidates}) == 1:
        # a district and a town of one name in one province ("huyện Kỳ Anh", "thị xã Kỳ Anh"): the word before says which
        kind = name.strip()[: len(name.strip()) - len(written)].strip().lower()
        return next((d for d in candidates if d.kind.lower() == kind), candidates[0])
    if hint_province:
        hint = match_province(hint_province)
        if hint:
            for district in candidates:
                if district.legacy_province == hint.legacy:
                    return district
            for district in candidates:
                if district.province == hint.province:
                    return district
    return candidates[0] if len(candidates) == 1 or not hint_province else None


EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    """A province the analyses report on; `parent` is the 2025 province of a pre-2025 one."""

    code: str
    name: str
    lat: float
    lon: float
    parent: str
    legacy_names: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def _legacy_coordinates() -> dict[str, tuple[str, float, float]]:
    """Code and centre of each pre-2025 province."""
    out = {}
    for info in _read("parser_legacy.json")["DICT_PROVINCE"].values():
        out[_schema_name(info["provinceShort"])] = (
            info["provinceCode"],
            float(info["provinceLat"]),
            float(info["provinceLon"]),
        )
    return out


@functools.lru_cache(maxsize=2)
def places(legacy: bool = False) -> tuple[Place, ...]:
    """The 34 provinces of 2025 by code, or with `legacy` the 63 pre-2025 provinces by code.

    >>> len(places()), len(places(legacy=True))
    (34, 63)
    >>> [p.parent for p in places(legacy=True) if p.name == "Bắc Kạn"]
    ['Thái Nguyên']
    """
    provinces = all_provinces()
    if not legacy:
        return tuple(
            Place(p.code, p.name, p.lat, p.lon, p.name, tuple(p.legacy_names)) for p in provinces
        )
    coords = _legacy_coordinates()
    out = []
    for p in provinces:
        for old in p.legacy_names:
            code, lat, lon = coords.get(old, (p.code, p.lat, p.lon))
            out.append(Place(code, old, lat, lon, p.name, ()))
    return tuple(sorted(out, key=lambda place: (place.code, place.name)))


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km((21.0278, 105.8342), (10.7769, 106.7009)))
    1144
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def province_name(text: str | None) -> str | None:
    """A province as the graph writes it, typed by a user any way: code, 2025 name, pre-2025 name or a
    common spelling (TP.HCM), with or without diacritics. A name that means no province is an error, so
    a filter on it is refused rather than answered with nothing.

    >>> province_name("thanh hoa"), province_name("38"), province_name("Bac Kan"), province_name("TP.HCM")
    ('Thanh Hóa', 'Thanh Hóa', 'Bắc Kạn', 'Thành phố Hồ Chí Minh')
    >>> province_name("Atlantis")
    Traceback (most recent call last):
    hospnet.errors.UnknownName: no province named 'Atlantis': give a 2025 province name or code, or a pre-2025 name (diacritics are optional)
    """
    if text is None or not text.strip():
        return None
    wanted = fold(text)
    for place in places():
        if text.strip() == place.code or fold(place.name) == wanted:
            return place.name
    for place in places():
        for old in place.legacy_names:
            if fold(old) == wanted:
                return old
    match = match_province(text)
    if match:
        return match.legacy
    raise UnknownName(
        f"no province named {normalize_text(text)!r}: give a 2025 province name or code, "
        "or a pre-2025 name (diacritics are optional)"
    )
