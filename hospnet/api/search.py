"""How a user's words become query values: names folded for the `search` property, provinces resolved."""

from __future__ import annotations

from ..names import fold
from ..places import province_name

__all__ = ["province_name", "search_text"]


def search_text(q: str | None) -> str | None:
    """The folded form `n.search CONTAINS $q` expects; None when nothing is asked.

    >>> search_text("Bạch Mai"), search_text("  "), search_text(None)
    ('bach mai', None, None)
    """
    if q is None:
        return None
    folded = fold(q)
    return folded or None
