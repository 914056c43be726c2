"""Vietnamese words of two syllables, from the dictionary underthesea ships (Hồ Ngọc Đức's, 74K entries).

Names are capitalised word by word, not syllable by syllable: "Vụ Pháp chế", "Hiệp hội Phẫu thuật
Hoàng gia Anh". A lower-case syllable that completes a word with the capitalised one before it is
part of that word, so part of the name.

>>> completes("Pháp", "chế"), completes("Hoàng", "gia"), completes("Mai", "hỗ")
(True, True, False)
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from pathlib import Path


@functools.cache
def _pairs() -> frozenset[tuple[str, str]]:
    # Read as a file: importing underthesea itself costs 0.4 s, and only its word list is wanted.
    spec = importlib.util.find_spec("underthesea")
    assert spec is not None and spec.submodule_search_locations, "underthesea is a dependency"
    dictionary = Path(list(spec.submodule_search_locations)[0]) / "corpus/data/Viet74K.txt"
    pairs = set()
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word = unicodedata.normalize("NFC", line.strip())
        syllables = word.split(" ")
        if len(syllables) == 2 and word == word.lower():
            pairs.add((syllables[0], syllables[1]))
    return frozenset(pairs)


def completes(capitalised: str, syllable: str) -> bool:
    """Whether `capitalised` and the lower-case `syllable` after it are one dictionary word."""
    return (capitalised.lower(), syllable) in _pairs()
