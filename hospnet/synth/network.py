"""A realistic national support network to write news about: who supports whom, with what techniques.

Real central hospitals (the bundled gazetteer), one general hospital per 2025 province, and
district hospitals built from the pre-2025 districts of `vietnamadminunits`. The network is a
function of a `random.Random`, so one seed always gives one network.

>>> import random
>>> net = national_network(random.Random(7))
>>> len([h for h in net.hospitals if h.level == "provincial"])
34
>>> net.by_id["hospital:benh-vien-da-khoa-tinh-thanh-hoa"].province.name
'Thanh Hóa'
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..gazetteer import known_hospitals
from ..places import Province2025, all_provinces, districts_by_name
from ..names import fold, make_id
from .vocabulary import (
    DISTRICT_LEVEL,
    GENERAL,
    GIVEN,
    MIDDLE,
    SPECIALTY_ALIASES,
    SURNAMES,
    TECHNIQUES,
    TITLES,
)


@dataclass(frozen=True)
class Technique:
    name: str
    specialty: str

    @property
    def id(self) -> str:
        return make_id("Technique", self.name)


@dataclass(frozen=True)
class Hospital:
    name: str
    level: str  # central / provincial / district
    province: Province2025
    legacy_province: str | None = None
    district: str | None = None
    short: str = ""  # everyday short name ("Bệnh viện Việt Đức"), empty when none
    specialties: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return make_id("Hospital", self.name)

    @property
    def region(self) -> str:
        return region_of(self.province)


@dataclass(frozen=True)
class Person:
    name: str
    titles: str  # as written before the name ("PGS.TS")
    position: str
    hospital: str  # Hospital id

    @property
    def id(self) -> str:
        return make_id("Person", self.name)

    @property
    def title_tokens(self) -> list[str]:
        return self.titles.split(".")


@dataclass(frozen=True)
class Link:
    """One upper-level hospital supporting one lower-level hospital: the facts stories are told about."""

    supporter: Hospital
    receiver: Hospital
    techniques: tuple[Technique, ...]
    signed: str  # ISO date of the support contract
    program_1816: bool


@dataclass
class Network:
    hospitals: list[Hospital]
    directors: dict[str, Person]  # hospital id -> director
    deputies: dict[str, Person]
    links: list[Link]
    techniques: dict[str, Technique]
    by_id: dict[str, Hospital] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {h.id: h for h in self.hospitals}


def region_of(province: Province2025) -> str:
    """North, centre or south, by latitude: the split central hospitals' support areas follow."""
    if province.lat >= 19.5:
        return "north"
    return "centre" if province.lat >= 11.5 else "south"


def provincial_name(province: Province2025) -> str:
    """`Bệnh viện Đa khoa tỉnh X`; a centrally-run city's is `… thành phố X` (SCHEMA keeps the level word).

    Where the gazetteer knows the general hospital by another official name, that name.
    """
    official = {f"Bệnh viện Đa khoa tỉnh {province.name}", f"Bệnh viện Đa khoa {province.name}"}
    for entry in known_hospitals():
        if (
            entry.level == "provincial"
            and entry.province == province.name
            and entry.name in official
        ):
            return entry.name
    if province.is_city:
        return "Bệnh viện Đa khoa thành phố " + province.name.removeprefix("Thành phố ")
    return "Bệnh viện Đa khoa tỉnh " + province.name


def _central_hospitals() -> list[Hospital]:
    """The real central hospitals of the gazetteer, so names are the official ones."""
    by_name = {p.name: p for p in all_provinces()}
    out = []
    for entry in known_hospitals():
        if entry.level != "central" or entry.province not in by_name:
            continue
        short = next(
            (a for a in entry.aliases if a.startswith("Bệnh viện ") and " Hospital" not in a), ""
        )
        if entry.specialties and not any(
            s in TECHNIQUES or s in SPECIALTY_ALIASES for s in entry.specialties
        ):
            continue
        out.append(
            Hospital(
                entry.name,
                "central",
                by_name[entry.province],
                short=short,
                specialties=entry.specialties,
            )
        )
    return sorted(out, key=lambda h: h.name)


def _district_hospitals(rng: random.Random) -> list[Hospital]:
    """Rural districts whose name is unique in the country and names no province, so a text is unambiguous."""
    province_words = set()
    for p in all_provinces():
        province_words.add(fold(p.name))
        province_words.update(fold(n) for n in p.legacy_names)
    out = []
    for key, districts in sorted(districts_by_name().items()):
        if len(districts) != 1 or districts[0].kind != "Huyện" or key in province_words:
            continue
        d = districts[0]
        # "Kỳ Anh (huyện)": a town of the same name exists; island districts have no hospital.
        if "huyện" in d.name.lower() or "(" in d.name or d.name in ("Hoàng Sa", "Trường Sa"):
            continue
        legacy = d.legacy_province if d.legacy_province != d.province.name else None
        kind = "Trung tâm Y tế huyện " if rng.random() < 0.6 else "Bệnh viện Đa khoa huyện "
        out.append(
            Hospital(kind + d.name, "district", d.province, legacy_province=legacy, district=d.name)
        )
    return out


def _techniques_of(hospital: Hospital) -> list[str]:
    specialties = [s for s in hospital.specialties if s not in GENERAL]
    if not specialties:
        return sorted({t for group in TECHNIQUES.values() for t in group})
    names: list[str] = []
    for s in hospital.specialties:
        for group in SPECIALTY_ALIASES.get(s, (s,)):
            names += TECHNIQUES.get(group, ())
    return sorted(set(names))


def _date(rng: random.Random, first: int = 2019, last: int = 2025) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _people(
    rng: random.Random, hospitals: list[Hospital]
) -> tuple[dict[str, Person], dict[str, Person]]:
    names = [f"{s} {m} {g}" for s in SURNAMES for m in MIDDLE for g in GIVEN]
    chosen = rng.sample(names, 2 * len(hospitals))
    directors, deputies = {}, {}
    for i, h in enumerate(hospitals):
        directors[h.id] = Person(chosen[2 * i], rng.choice(TITLES[:5]), "Giám đốc", h.id)
        deputies[h.id] = Person(chosen[2 * i + 1], rng.choice(TITLES), "Phó Giám đốc", h.id)
    return directors, deputies


def national_network(rng: random.Random) -> Network:
    """Central -> provincial (by region, or nationwide for specialist hospitals) -> district links."""
    techniques = {
        name: Technique(name, specialty)
        for specialty, group in TECHNIQUES.items()
        for name in group
    }
    centrals = _central_hospitals()
    provinces = all_provinces()
    provincial = {p.code: Hospital(provincial_name(p), "provincial", p) for p in provinces}
    districts = _district_hospitals(rng)
    hospitals = centrals + [provincial[p.code] for p in provinces] + districts
    links: list[Link] = []

    def link(supporter: Hospital, receiver: Hospital, pool: list[str], k: tuple[int, int]) -> None:
        picked = rng.sample(pool, min(len(pool), rng.randint(*k)))
        links.append(
            Link(
                supporter,
                receiver,
                tuple(techniques[t] for t in sorted(picked)),
                _date(rng),
                rng.random() < 0.35,
            )
        )

    for central in centrals:
        specialist = any(s not in GENERAL for s in central.specialties)
        area = [
            p
            for p in provinces
            if p.code != central.province.code and (specialist or region_of(p) == central.region)
        ]
        for p in sorted(rng.sample(area, min(len(area), rng.randint(4, 9))), key=lambda p: p.code):
            link(central, provincial[p.code], _techniques_of(central), (1, 5))
        own = [d for d in districts if d.region == central.region]
        for d in sorted(rng.sample(own, min(len(own), rng.randint(1, 4))), key=lambda h: h.name):
            link(central, d, _techniques_of(central), (1, 3))
    for d in districts:
        link(provincial[d.province.code], d, list(DISTRICT_LEVEL), (1, 4))
    directors, deputies = _people(rng, hospitals)
    return Network(hospitals, directors, deputies, links, techniques)
