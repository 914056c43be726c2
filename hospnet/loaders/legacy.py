"""The two pre-Unicode Vietnamese encodings still found in old files: TCVN3 (ABC) and VNI.

Files typed with the `.VnTime` (TCVN3) or `VNI-Times` (VNI) fonts store Vietnamese
letters in the byte range 0xA0-0xFF. Read as Latin-1 they look like "BÖnh viÖn"
(TCVN3) or "Beänh vieän" (VNI). This module tells the two apart and maps them back.

TCVN3 gives each letter one byte, but has no capital accented letters (headings
were typed in lower case in an all-caps font), so such headings come back lower case.
VNI writes a letter as an ASCII base plus one mark byte ("a" + "ù" = "á").

>>> from_tcvn3("B\\xd6nh vi\\xd6n B\\xb9ch Mai")
'Bệnh viện Bạch Mai'
>>> from_vni("Beänh vieän Baïch Mai")
'Bệnh viện Bạch Mai'
>>> to_vni("Đà Nẵng") == "Ñaø Naüng"
True
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 byte (as its Latin-1 character) -> letter, one vowel family a line.
TCVN3 = {
    "¡": "Ă",
    "¢": "Â",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
    "§": "Đ",
    "¨": "ă",
    "©": "â",
    "ª": "ê",
    "«": "ô",
    "¬": "ơ",
    "\xad": "ư",
    "®": "đ",
    "µ": "à",
    "¸": "á",
    "¶": "ả",
    "·": "ã",
    "¹": "ạ",
    "»": "ằ",
    "¾": "ắ",
    "¼": "ẳ",
    "½": "ẵ",
    "Æ": "ặ",
    "Ç": "ầ",
    "Ê": "ấ",
    "È": "ẩ",
    "É": "ẫ",
    "Ë": "ậ",
    "Ì": "è",
    "Ð": "é",
    "Î": "ẻ",
    "Ï": "ẽ",
    "Ñ": "ẹ",
    "Ò": "ề",
    "Õ": "ế",
    "Ó": "ể",
    "Ô": "ễ",
    "Ö": "ệ",
    "×": "ì",
    "Ý": "í",
    "Ø": "ỉ",
    "Ü": "ĩ",
    "Þ": "ị",
    "ß": "ò",
    "ã": "ó",
    "á": "ỏ",
    "â": "õ",
    "ä": "ọ",
    "å": "ồ",
    "è": "ố",
    "æ": "ổ",
    "ç": "ỗ",
    "é": "ộ",
    "ê": "ờ",
    "í": "ớ",
    "ë": "ở",
    "ì": "ỡ",
    "î": "ợ",
    "ï": "ù",
    "ó": "ú",
    "ñ": "ủ",
    "ò": "ũ",
    "ô": "ụ",
    "õ": "ừ",
    "ø": "ứ",
    "ö": "ử",
    "÷": "ữ",
    "ù": "ự",
    "ú": "ỳ",
    "ý": "ý",
    "û": "ỷ",
    "ü": "ỹ",
    "þ": "ỵ",
}
_TCVN3_TABLE = str.maketrans(TCVN3)
_TO_TCVN3 = {v: k for k, v in TCVN3.items()}

# VNI marks, in lower case; the capital form of a letter uses the capital mark.
_TONES = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
# Letters VNI writes as one byte: i with a tone, ơ, ư, đ and ỵ.
_VNI_SINGLE = {
    "í": "í",
    "ì": "ì",
    "ỉ": "æ",
    "ĩ": "ó",
    "ị": "ò",
    "ơ": "ô",
    "ư": "ö",
    "đ": "ñ",
    "ỵ": "î",
}

VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# Letters only Vietnamese uses: the ones outside Latin-1, which a Latin-1 misreading never produces.
_ONLY_VIETNAMESE = "".join(
    c for c in VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() if ord(c) > 0xFF
)
_ONLY_VIETNAMESE_RE = re.compile(f"[{_ONLY_VIETNAMESE}]")
_HIGH = re.compile("[\x80-\xff]")
_TCVN3_FREQUENT = re.compile("[\xa1-\xbf]")
_SAMPLE = 200_000


def _vni_of(letter: str) -> str:
    """The VNI spelling of one lower-case Vietnamese letter."""
    if letter in _VNI_SINGLE:
        return _VNI_SINGLE[letter]
    parts = unicodedata.normalize("NFD", letter)
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in _TONES), "")
    if "\u031b" in marks:  # the horn: ơ, ư
        return _VNI_SINGLE[unicodedata.normalize("NFC", base + "\u031b")] + _TONES.get(tone, "")
    if "\u0302" in marks:
        return base + _CIRCUMFLEX[tone]
    if "\u0306" in marks:
        return base + _BREVE[tone]
    return base + _TONES[tone]


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for letter in VIETNAMESE_LETTERS:
        code = _vni_of(letter)
        table[letter] = code
        table[letter.upper()] = code.upper()
    return table


_TO_VNI = _vni_table()
VNI = {code: letter for letter, code in _TO_VNI.items() if code != letter}
# Longest first, so "ôù" (ớ) wins over "ô" (ơ).
_VNI_RE = re.compile("|".join(re.escape(code) for code in sorted(VNI, key=len, reverse=True)))


def from_tcvn3(text: str) -> str:
    """Map TCVN3 text read as Latin-1 to Unicode."""
    return text.translate(_TCVN3_TABLE)


def from_vni(text: str) -> str:
    """Map VNI text read as Latin-1 to Unicode."""
    return _VNI_RE.sub(lambda m: VNI[m.group(0)], text)


def to_tcvn3(text: str) -> str:
    """The TCVN3 spelling of `text` (capital accented letters become lower case, as TCVN3 has none)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_TCVN3.get(c) or _TO_TCVN3.get(c.lower(), c) for c in text)


def to_vni(text: str) -> str:
    """The VNI spelling of `text`."""
    return "".join(_TO_VNI.get(c, c) for c in unicodedata.normalize("NFC", text))


def vietnamese_word_share(text: str) -> float:
    """Share of words holding a Vietnamese accented letter; real Vietnamese prose is well above 0.3."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return 0.0
    letters = set(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())
    return sum(1 for w in words if any(c in letters for c in w)) / len(words)


def detect(text: str) -> str | None:
    """'tcvn3' or 'vni' when `text` (bytes read as Latin-1, or such mojibake) is one of them, else None.

    TCVN3 puts its most frequent letters (ă â ê ô ơ ư đ, the a-tones) in 0xA1-0xBF, which
    VNI never uses; VNI puts a mark byte right after an ASCII vowel. Either way the converted
    text must read as Vietnamese, or the guess is dropped (French or German stays refused).
    """
    text = text[:_SAMPLE]  # a legacy file is legacy throughout; no need to read 5 MB twice
    high = _HIGH.findall(text)
    if len(high) < 3:
        return None
    if len(_ONLY_VIETNAMESE_RE.findall(text)) > 0.2 * len(high):
        return None  # already Unicode Vietnamese
    tcvn_share = len(_TCVN3_FREQUENT.findall(text)) / len(high)
    vni_share = len(_VNI_RE.findall(text)) / len(high)
    for name, share, convert in (("tcvn3", tcvn_share, from_tcvn3), ("vni", vni_share, from_vni)):
        if share >= (0.2 if name == "tcvn3" else 0.6):
            converted = convert(text)
            if vietnamese_word_share(converted) >= 0.2:
                return name
    return None


def repair(text: str) -> tuple[str, str | None]:
    """Convert `text` from TCVN3 or VNI when it is one of them; returns (text, encoding found or None)."""
    found = detect(text)
    if found == "tcvn3":
        return from_tcvn3(text), found
    if found == "vni":
        return from_vni(text), found
    return text, None
