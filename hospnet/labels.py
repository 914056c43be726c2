"""The pages' words in Vietnamese (default) and English, read from data/report_labels.json (the report
site) and data/network_labels.json (the network page); and which language a reader gets.

>>> Labels("en").column("planned_by"), Labels("vi").specialty("tim mạch"), Labels("en").specialty("tim mạch")
('Planned by', 'tim mạch', 'cardiology')
>>> Labels("en").specialty("a specialty nobody translated")
'a specialty nobody translated'
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from .errors import UnknownName

LANGUAGES = ("vi", "en")
DEFAULT = "vi"


TABLES = ("report_labels", "network_labels")


@functools.lru_cache(maxsize=len(TABLES))
def _table(name: str) -> dict:
    return json.loads((resources.files("hospnet") / "data" / f"{name}.json").read_text("utf-8"))


def pick_language(wanted: str | None, accept_language: str | None = None) -> str:
    """`?lang=` when given (unknown: an error), else the first of Accept-Language we have, else Vietnamese.

    >>> pick_language(None, "en-GB,en;q=0.9,vi;q=0.5"), pick_language(None, None), pick_language("vi", "en")
    ('en', 'vi', 'vi')
    """
    if wanted:
        if wanted not in LANGUAGES:
            raise UnknownName(f"unknown language {wanted!r}: use one of {', '.join(LANGUAGES)}")
        return wanted
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT


class Labels:
    """Lookups for one language; a value the table lacks is shown as it is (the graph's Vietnamese)."""

    def __init__(self, lang: str = DEFAULT, table: str = "report_labels") -> None:
        if lang not in LANGUAGES:
            raise UnknownName(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self.other = next(code for code in LANGUAGES if code != lang)
        self.table = table

    def _get(self, group: str, key: str, fallback: str) -> str:
        entry = _table(self.table).get(group, {}).get(key) or {}
        return entry.get(self.lang) or (entry.get("en") if self.lang == "en" else None) or fallback

    def ui(self, key: str, **values) -> str:
        text = self._get("ui", key, key)
        return text.format(**values) if values else text

    def column(self, key: str) -> str:
        return self._get("columns", key, key.replace("_", " "))

    def status(self, key: str) -> str:
        return self._get("statuses", key, key)

    def specialty(self, key: str) -> str:
        return self._get("specialties", key, key)

    def word(self, group: str, key: str) -> str:
        """One word of a group (a node kind, a relationship type), or the key when none is given."""
        return self._get(group, key, key)

    def group(self, group: str) -> dict[str, str]:
        """Every word of one group in this language, for a page's script to look up."""
        return {key: self._get(group, key, key) for key in _table(self.table).get(group, {})}
