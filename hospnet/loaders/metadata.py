"""Title, date, source and language read from a document's plain text.

News articles saved as text open with some navigation noise, then the headline,
then a dateline ("05/12/2021 - 16:25") or a lead that starts with the date
("Chiều ngày 29/9/2022, ..."), and may end with "Nguồn: <url>". Dates deeper in
the text (a decision "ngày 30-11-2021") are not the article's date, so only the
top lines are searched.

>>> find_date("Tiêu đề\\n\\nChiều ngày 29/9/2022, Bệnh viện ...")
'2022-09-29'
>>> parse_date("2024-06-05T10:00:00+07:00"), parse_date("tháng 6/2024"), parse_date("June 5, 2024")
('2024-06-05', '2024-06', '2024-06-05')
>>> find_source("Bài viết.\\nNguồn SK&ĐS: https://suckhoedoisong.vn/a-n1.html")
'https://suckhoedoisong.vn/a-n1.html'
>>> guess_language("Bệnh viện E hỗ trợ chuyên môn"), guess_language("The hospital signed a support contract")
('vi', 'en')
"""

from __future__ import annotations

import datetime as dt
import re

from hospnet.loaders.legacy import VIETNAMESE_LETTERS
from hospnet.names import fold

TITLE_LIMIT = 200
_TOP_LINES = 8  # the dateline is never further down than this
_LINE_LIMIT = 2_000  # a file with no line breaks is one huge "line"; its head is enough

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# (pattern, how its groups make a date); a "y" group missing means the text gave no year.
_PATTERNS = [
    (re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d/-])"), "ymd"),
    (re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"), "dmy"),
    (
        re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,|/)\s*(\d{4})(?!\d)", re.I),
        "dmy",
    ),
    (re.compile(r"tháng\s+(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})(?!\d)", re.I), "my"),
    (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.I), "Mdy"),
    (
        re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})(?!\d)", re.I),
        "dMy",
    ),
    (re.compile(r"\b" + _MONTH + r",?\s+(\d{4})(?!\d)", re.I), "My"),
    (re.compile(r"ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/.-])", re.I), "dm"),
]
_MONTH_YEAR_VALUE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_YEAR_VALUE = re.compile(r"^\s*(\d{4})\s*$")
_YEAR_MENTION = re.compile(r"năm\s+(\d{4})(?!\d)", re.I)
_DATE_KEYWORD = re.compile(r"^.{0,40}?\bdate\s*:?\s*\d{4}-\d{1,2}(?:-\d{1,2})?\s*", re.I)
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\b|\b(?:GMT|UTC)[+-]?\d*\b", re.I)
_WEEKDAY = re.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ngày|date|cập nhật|đăng|posted|updated)\b",
    re.I,
)
_SOURCE_LINE = re.compile(r"^[ \t]*(?:nguồn|source)\b[^:\n]{0,40}:[ \t]*(\S.*)$", re.I | re.M)
_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+")

# Navigation text that pages pasted as text open with; compared folded.
_NOISE = {
    "lien he nhanh",
    "lien he",
    "trang chu",
    "tin tuc",
    "tin tuc su kien",
    "su kien",
    "chia se",
    "a a",
    "a a a",
    "in bai",
    "in trang",
    "ban in",
    "share",
    "home",
    "menu",
    "dang nhap",
    "dang ky",
    "tim kiem",
    "skip to content",
    "print",
    "facebook",
    "twitter",
    "zalo",
    "email",
    "quay lai",
    "back",
    "tweet",
    "like",
    "thich",
}
_BREADCRUMB = re.compile(r"[>»/|›]")

_VI_ONLY = {c for c in VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() if ord(c) > 0xFF}
_EN_WORDS = {
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "was",
    "for",
    "on",
    "with",
    "that",
    "by",
    "from",
    "at",
    "as",
    "are",
    "be",
    "this",
    "which",
    "has",
    "have",
    "it",
    "an",
}
_VI_PLAIN = {
    "benh",
    "vien",
    "cua",
    "va",
    "cac",
    "nhung",
    "cho",
    "tai",
    "voi",
    "duoc",
    "trong",
    "nguoi",
    "tinh",
    "huyen",
    "tuyen",
    "ky",
    "thuat",
    "chuyen",
    "mon",
    "ho",
    "tro",
    "so",
    "y",
    "te",
}


def _make(kind: str, groups: tuple[str | None, ...], text: str) -> str | None:
    parts = dict(zip(kind, groups))
    year = parts.get("y")
    month = parts.get("m") or parts.get("M")
    if parts.get("M"):
        month = str(_MONTHS[str(parts["M"]).lower().rstrip(".")])
    if year is None:
        mention = _YEAR_MENTION.search(text)  # "Ngày 21/11, ... năm 2025": the year stated nearby
        if not mention:
            return None
        year = mention.group(1)
    day = parts.get("d")
    return iso_date(int(year), int(month) if month else None, int(day) if day else None)


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """yyyy-mm-dd, yyyy-mm or yyyy, or None when the parts make no real date."""
    if not 1900 <= year <= 2100:
        return None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _dates_in(line: str) -> list[tuple[int, str | None]]:
    """(position, ISO date or None when unknowable) of every date expression in `line`, in order."""
    found = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(line):
            found.append((m.start(), -len(m.group(0)), _make(kind, m.groups(), line)))
    found.sort()
    return [(pos, iso) for pos, _, iso in found]


def parse_date(value: str) -> str | None:
    """A date given as a value (a meta tag, a JSONL field) as ISO, as precise as it is; None if none.

    >>> parse_date("05/12/2021 - 16:25"), parse_date("2024"), parse_date("not a date")
    ('2021-12-05', '2024', None)
    """
    if not value:
        return None
    if m := _YEAR_VALUE.match(value):
        return iso_date(int(m.group(1)))
    if m := _MONTH_YEAR_VALUE.match(value):
        return iso_date(int(m.group(2)), int(m.group(1)))
    for _, iso in _dates_in(value):
        if iso:
            return iso
    return None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _is_date_only(line: str) -> bool:
    rest = line
    for pattern, _ in _PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", _TIME.sub(" ", rest))
    return len(re.findall(r"[^\W\d_]", rest)) < 3 and rest != line


def _is_noise(line: str) -> bool:
    folded = fold(line)
    if not folded or not re.search(r"[^\W\d_]", line):
        return True
    if folded in _NOISE:
        return True
    return (
        bool(_BREADCRUMB.search(line))
        and len(line) < 80
        and folded.split()[0] in {"trang", "home", "tin"}
    )


def _shorten(line: str, limit: int = TITLE_LIMIT) -> str:
    """A lead paragraph standing in for a title: its first sentence, cut at a word if still long."""
    if len(line) <= limit:
        return line
    sentence = re.match(r"(.{20,}?[.!?])\s", line)
    if sentence and len(sentence.group(1)) <= limit:
        return sentence.group(1)
    return line[:limit].rsplit(" ", 1)[0] + "…"


def find_title(text: str) -> str:
    """The first line that is not navigation noise or a bare date; an "author date yyyy-mm" prefix is dropped.

    >>> find_title("Liên hệ nhanh\\nTrang chủ > Tin tức\\n\\nBệnh viện E hỗ trợ Thanh Hóa\\nNội dung")
    'Bệnh viện E hỗ trợ Thanh Hóa'
    """
    for line in _lines(text):
        line = _DATE_KEYWORD.sub("", line[:_LINE_LIMIT]).strip()
        if not line or _is_noise(line) or _is_date_only(line):
            continue
        return _shorten(line)
    return ""


def find_date(text: str) -> str | None:
    """The article's date: a dateline or a date at the start of one of the top lines.

    A date with no year ("Ngày 21/11") takes the year of a "năm yyyy" in the same
    paragraph, or is skipped.
    >>> find_date("Tiêu đề\\nNgày 21/11, đoàn công tác theo Đề án 1816 năm 2025 ...")
    '2025-11-21'
    >>> find_date("Tô Hà date 2024-06 Dự buổi ký kết")
    '2024-06'
    """
    for line in _lines(text)[:_TOP_LINES]:
        for position, iso in _dates_in(line[:_LINE_LIMIT]):
            if position > 30 and len(line) > 60:
                break  # a date inside a sentence, not a dateline
            if iso:
                return iso
    return None


def find_source(text: str) -> str | None:
    """The "Nguồn: ..." / "Source: ..." line's URL or value, else a line that is only a URL."""
    matches = _SOURCE_LINE.findall(text)
    if matches:
        value = matches[-1].strip()
        url = _URL.search(value)
        return url.group(0).rstrip(".,;:") if url else value[:TITLE_LIMIT]
    for line in _lines(text):
        if _URL.fullmatch(line):
            return line
    return None


def guess_language(text: str) -> str:
    """'vi' or 'en': Vietnamese-only letters (ạ, ư, đ ...) decide; unaccented text goes by common words."""
    words = re.findall(r"[^\W\d_]+", text[:20000])
    if not words:
        return "vi"
    if sum(1 for w in words if any(c in _VI_ONLY for c in w)) >= 0.1 * len(words):
        return "vi"
    lower = [w.lower() for w in words]
    english = sum(1 for w in lower if w in _EN_WORDS)
    vietnamese = sum(1 for w in lower if w in _VI_PLAIN)
    return "en" if english > vietnamese else "vi"
