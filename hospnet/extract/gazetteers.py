"""The gazetteers shipped in hospnet/data/gazetteers, read once (the hospitals by hospnet.gazetteer)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from hospnet.gazetteer import KnownHospital, known_hospitals
from hospnet.names import normalize_text

_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"


def _read(name: str) -> str:
    return (_DIR / name).read_text("utf-8")


def _json(name: str) -> dict:
    """A JSON gazetteer with every string normalised like document text, so they compare equal."""

    def norm(value):
        if isinstance(value, str):
            return normalize_text(value)
        if isinstance(value, list):
            return [norm(v) for v in value]
        if isinstance(value, dict):
            return {normalize_text(k): norm(v) for k, v in value.items()}
        return value

    return norm(json.loads(_read(name)))


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class KnownTechnique:
    name: str
    specialty: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class KnownProgram:
    name: str
    code: str
    year: int
    issuer: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class People:
    titles: dict[str, str]
    honorifics: tuple[str, ...]
    positions: dict[str, str]
    sub_units: tuple[str, ...]
    surnames: tuple[str, ...] = field(default=())
    posts_with_their_unit: dict[str, str] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()


def hospitals() -> tuple[KnownHospital, ...]:
    """The hospitals the extractor knows by name: hospnet.gazetteer's records, which the analyses and
    the synthetic corpus read too."""
    return known_hospitals()


@functools.lru_cache(maxsize=1)
def organizations() -> tuple[KnownOrganization, ...]:
    data = _json("organizations.json")["organizations"]
    return tuple(KnownOrganization(o["name"], o["kind"], tuple(o["aliases"])) for o in data)


@functools.lru_cache(maxsize=1)
def techniques() -> tuple[KnownTechnique, ...]:
    out = []
    for line in _read("techniques.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [normalize_text(p) for p in line.split("\t")] + ["", ""]
        aliases = tuple(a.strip() for a in parts[2].split("|") if a.strip())
        out.append(KnownTechnique(parts[0].strip(), parts[1].strip(), aliases))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def programs() -> tuple[KnownProgram, ...]:
    data = _json("programs.json")["programs"]
    return tuple(
        KnownProgram(p["name"], p["code"], p["year"], p["issuer"], tuple(p["patterns"]))
        for p in data
    )


@functools.lru_cache(maxsize=1)
def people() -> People:
    data = _json("people.json")
    return People(
        data["titles"],
        tuple(data["honorifics"]),
        data["positions"],
        tuple(data["sub_units"]),
        tuple(dict.fromkeys(data["surnames"])),
        data["posts_with_their_unit"],
        frozenset(data["countries"]),
    )
