"""One phrase matcher for every list of names: Aho-Corasick over diacritic-folded text.

Text and phrases are folded character by character (lower case, no tone marks, đ -> d),
so an offset in the folded text is the same offset in the original and "Thanh Hoá",
"Thanh Hóa" and "THANH HOÁ" are one phrase. Matches respect word boundaries and are
taken longest first, then leftmost, without overlap.

>>> m = PhraseMatcher({"so y te": "dept", "so y te tinh": "dept+"})
>>> [(s, e, v) for s, e, v in m.find("Giám đốc Sở Y tế Tỉnh Nam Định")]
[(9, 21, 'dept+')]
>>> m.find("Sở Y tếx")
[]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

import ahocorasick

from hospnet.names import CharTable

V = TypeVar("V")


def _fold_char(c: str) -> str:
    """One character for one character: lower case, no tone marks, đ -> d (offsets are kept)."""
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


_CHAR_FOLDS = CharTable(_fold_char)


@functools.lru_cache(maxsize=512)
def fold_chars(text: str) -> str:
    """`text` folded one character for one character (offsets are kept); every matcher folds the
    same sentence, so the last few hundred are kept."""
    return text.translate(_CHAR_FOLDS)


class PhraseMatcher(Generic[V]):
    """Find any of many phrases in a text; each phrase carries a value (what it names)."""

    def __init__(self, phrases: Mapping[str, V] | Iterable[tuple[str, V]]):
        items = phrases.items() if isinstance(phrases, Mapping) else phrases
        self._automaton = ahocorasick.Automaton()
        for phrase, value in items:
            key = fold_chars(phrase)
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def starts(self, text: str) -> list[int]:
        """Every offset where some phrase starts (overlaps and word boundaries not settled), in order:
        where an exact matcher needs to look, and nowhere else."""
        return sorted({start for start, _ in self.candidates(text)})

    def candidates(self, text: str) -> list[tuple[int, V]]:
        """(start, value) of every phrase found, overlaps and word boundaries not settled."""
        if self._empty:
            return []
        return [
            (end - length + 1, value)
            for end, (length, value) in self._automaton.iter(fold_chars(text))
        ]

    def find(self, text: str) -> list[tuple[int, int, V]]:
        """(start, end, value) of the phrases in `text`, longest first, without overlap, in text order."""
        if self._empty:
            return []
        folded = fold_chars(text)
        hits = []
        for end_index, (length, value) in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if (start and folded[start - 1].isalnum()) or (
                end < len(folded) and folded[end].isalnum()
            ):
                continue
            hits.append((start, end, value))
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken: list[tuple[int, int, V]] = []
        for h in hits:
            if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
                taken.append(h)
        return sorted(taken, key=lambda h: h[0])


def scan(pattern: re.Pattern, text: str, starts: Iterable[int]) -> list[re.Match]:
    """What `pattern.finditer(text)` finds, trying the pattern only at `starts` (in order): the
    offsets where a phrase matcher saw one of its phrases begin, a superset of where it can match."""
    out: list[re.Match] = []
    end = -1
    for start in starts:
        if start < end:
            continue  # inside the previous match, as a scan would skip it
        m = pattern.match(text, start)
        if m:
            out.append(m)
            end = m.end()
    return out
