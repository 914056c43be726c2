"""How a user's words become query values: names folded for the `search` property, provinces resolved."""

from __future__ import annotations

from ..analysis.places import places
from ..names import fold, normalize_text


def search_text(q: str | None) -> str | None:
    """The folded form `n.search CONTAINS $q` expects; None when nothing is asked.

    >>> search_text("Bạch Mai"), search_text("  "), search_text(None)
    ('bach mai', None, None)
    """
    if q is None:
        return None
    folded = fold(q)
    return folded or None


def province_name(text: str | None) -> str | None:
    """A province as the graph writes it, typed any way: code, 2025 name or pre-2025 name, with or without diacritics.

    >>> province_name("thanh hoa"), province_name("38"), province_name("Bac Kan"), province_name("Atlantis")
    ('Thanh Hóa', 'Thanh Hóa', 'Bắc Kạn', 'Atlantis')
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
    return normalize_text(text)
