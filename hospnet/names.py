"""How names are written: NFC, one tone-mark style, diacritic folding, ids and search keys.

>>> fold("Bệnh viện Đa khoa tỉnh Thanh Hoá")
'benh vien da khoa tinh thanh hoa'
>>> make_id("Hospital", "Bệnh viện E")
'hospital:benh-vien-e'
>>> normalize_text("Thanh Hoá") == normalize_text("Thanh Hóa")
True
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

# Old-style ("oá") to new-style ("óa") tone placement, as the 2025 administrative list writes it.
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONES.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_TONES.items())})
# Not after q: in "quý", "quỵ" the u belongs to the consonant and the mark is already on the y.
_OLD_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(map(re.escape, _OLD_TONES)) + r")(?![a-zà-ỹ])", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def fix_tone_marks(text: str) -> str:
    """Move tone marks to the 2025 list's position: "Hoá" -> "Hóa", "Thuỷ" -> "Thủy".

    Only at the end of a syllable ("hoàng" keeps its spelling).
    >>> fix_tone_marks("Khánh Hoà, Cẩm Thuỷ, hoàng, đột quỵ, quý")
    'Khánh Hòa, Cẩm Thủy, hoàng, đột quỵ, quý'
    """
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES.get(m.group(1), m.group(1)), text)


def normalize_text(text: str) -> str:
    """NFC, HTML entities decoded, control characters dropped, spaces folded, one tone-mark style."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return fix_tone_marks(text)


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: the key names are compared and searched by."""
    return _fold_name(text) if len(text) <= 160 else _fold(text)


@functools.lru_cache(maxsize=65536)
def _fold_name(text: str) -> str:
    """Names and short phrases recur in every document: folded once each."""
    return _fold(text)


class CharTable(dict[int, str]):
    """A `str.translate` table filled on first sight of each character by `fold_char`: folding a
    text is one C-level pass instead of a Python call per character."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self._fold_char = fold_char

    def __missing__(self, code: int) -> str:
        self[code] = folded = self._fold_char(chr(code))
        return folded


def _unmarked(c: str) -> str:
    """The character without its marks (đ -> d), in lower case."""
    c = c.replace("đ", "d").replace("Đ", "D")
    return "".join(
        m for m in unicodedata.normalize("NFD", c) if unicodedata.category(m) != "Mn"
    ).lower()


_UNMARKED = CharTable(_unmarked)
_NOT_WORD = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    return _NOT_WORD.sub(" ", text.translate(_UNMARKED)).strip()


def slug(text: str) -> str:
    """Folded words joined by '-', the tail of every id.

    >>> slug("Đề án 1816")
    'de-an-1816'
    """
    return "-".join(fold(text).split())


def file_stem(node_id: str) -> str:
    """An id as a file name: the report site's document pages are named so, and the network page links to them.

    >>> file_stem("document:ab12/..")
    'document_ab12___'
    """
    return re.sub(r"[^A-Za-z0-9_-]", "_", node_id)


def make_id(label: str, name: str) -> str:
    """Deterministic id from the canonical name, so both stores and all documents agree."""
    return f"{label.lower()}:{slug(name)}"


def search_key(*names: str) -> str:
    """Folded names joined by '|', stored on nodes so `CONTAINS` finds "thanh hoa" in "Thanh Hóa"."""
    keys = sorted({fold(n) for n in names if n})
    return "|".join(keys)


# Abbreviations as Vietnamese health news writes them, longest first so "BVĐK" wins over "BV".
_ABBREVIATIONS = (
    (r"Công ty CP", "Công ty Cổ phần"),
    (r"CTCP", "Công ty Cổ phần"),
    (r"BVĐKKV", "Bệnh viện Đa khoa Khu vực"),
    (r"BVĐKTW", "Bệnh viện Đa khoa Trung ương"),
    (r"BVĐKTƯ", "Bệnh viện Đa khoa Trung ương"),
    (r"BVĐK", "Bệnh viện Đa khoa"),
    (r"BVĐHY", "Bệnh viện Đại học Y"),
    (r"BVTW", "Bệnh viện Trung ương"),
    (r"BVTƯ", "Bệnh viện Trung ương"),
    (r"TTYT", "Trung tâm Y tế"),
    (r"UBND", "Ủy ban nhân dân"),
    (r"BHXH", "Bảo hiểm xã hội"),
    (r"BV", "Bệnh viện"),
    (r"T\.Ư", "Trung ương"),
    (r"TƯ", "Trung ương"),
    (r"TW", "Trung ương"),
    (r"TP\.\s*HCM", "Thành phố Hồ Chí Minh"),
    (r"TPHCM", "Thành phố Hồ Chí Minh"),
    (r"TP\.", "Thành phố"),
    (r"Tp\.", "Thành phố"),
    (r"TP", "Thành phố"),
    (r"ĐKTW", "Đa khoa Trung ương"),
    (r"ĐK", "Đa khoa"),
)
_ABBREVIATION_RE = re.compile(
    "|".join(
        f"(?<![\\w.])(?:{pattern})(?![\\w])"
        if not pattern.endswith(".")
        else f"(?<![\\w.])(?:{pattern})"
        for pattern, _ in _ABBREVIATIONS
    )
)
_ABBREVIATION_MAP = [(re.compile(p), full) for p, full in _ABBREVIATIONS]


def expand_abbreviations(text: str) -> str:
    """Spell out the abbreviations canonical names never use (SCHEMA "Names").

    >>> expand_abbreviations("BVĐK tỉnh Bắc Kạn")
    'Bệnh viện Đa khoa tỉnh Bắc Kạn'
    >>> expand_abbreviations("BV Nhi TW")
    'Bệnh viện Nhi Trung ương'
    >>> expand_abbreviations("Sở Y tế TP.HCM & BHXH")
    'Sở Y tế Thành phố Hồ Chí Minh và Bảo hiểm xã hội'
    >>> expand_abbreviations("TP. Thanh Hóa")
    'Thành phố Thanh Hóa'
    >>> expand_abbreviations("CTCP Dược Hậu Giang"), expand_abbreviations("Công ty CP Tập đoàn Y khoa")
    ('Công ty Cổ phần Dược Hậu Giang', 'Công ty Cổ phần Tập đoàn Y khoa')
    """

    def one(match: re.Match) -> str:
        word = match.group(0)
        for pattern, full in _ABBREVIATION_MAP:
            if pattern.fullmatch(word):
                return full + (
                    " " if word.endswith(".") and full != "Thành phố Hồ Chí Minh" else ""
                )
        return word

    text = _ABBREVIATION_RE.sub(one, text).replace(" & ", " và ")
    return _SPACES.sub(" ", text).strip()
