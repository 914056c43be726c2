"""The hospital gazetteer (hospnet/data/gazetteers/hospitals.json) as records: the official names,
levels, provinces, aliases and specialties of the hospitals the project knows by name.

It sits below every stage so that the synthetic corpus and the analyses read the same hospitals the
extractor recognises without importing the extractor.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from .names import normalize_text


@dataclass(frozen=True)
class KnownHospital:
    name: str
    level: str
    province: str | None  # None for a hospital abroad
    legacy_province: str | None
    aliases: tuple[str, ...]
    specialties: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def known_hospitals() -> tuple[KnownHospital, ...]:
    """Every hospital of the gazetteer, its text normalised like document text so names compare equal."""
    path = resources.files("hospnet") / "data" / "gazetteers" / "hospitals.json"
    data = json.loads(path.read_text(encoding="utf-8"))["hospitals"]
    return tuple(
        KnownHospital(
            normalize_text(h["name"]),
            h["level"],
            _text(h.get("province")),
            _text(h.get("legacy_province")),
            tuple(normalize_text(a) for a in h["aliases"]),
            tuple(normalize_text(s) for s in h["specialties"]),
        )
        for h in data
    )


def _text(value: str | None) -> str | None:
    return normalize_text(value) if value else None
