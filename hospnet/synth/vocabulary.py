"""The synthetic corpus's vocabulary, read from `hospnet/data/synth/vocabulary.json` (data, not code):
named procedures by specialty, the district-level ones, broader gazetteer specialties, names and titles.

>>> "ghép thận" in TECHNIQUES["thận"], "mổ lấy thai" in DISTRICT_LEVEL, GENERAL
(True, True, frozenset({'', 'ngoại khoa'}))
"""

from __future__ import annotations

import importlib.resources
import json

_DATA = json.loads(
    (importlib.resources.files("hospnet") / "data" / "synth" / "vocabulary.json").read_text("utf-8")
)

TECHNIQUES: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _DATA["techniques_by_specialty"].items()
}
DISTRICT_LEVEL: tuple[str, ...] = tuple(_DATA["district_level_techniques"])
GENERAL: frozenset[str] = frozenset(_DATA["general_specialties"])
SPECIALTY_ALIASES: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _DATA["specialty_aliases"].items()
}
TITLES: tuple[str, ...] = tuple(_DATA["titles"])
SURNAMES: tuple[str, ...] = tuple(_DATA["surnames"])
MIDDLE: tuple[str, ...] = tuple(_DATA["middle_names"])
GIVEN: tuple[str, ...] = tuple(_DATA["given_names"])
