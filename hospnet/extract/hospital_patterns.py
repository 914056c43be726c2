"""The written shapes of hospital names: head words, specialties (Vietnamese and English), words that
are no name, and the pattern table `find_hospitals` (hospitals.py) reads place-named hospitals with.

Kept apart from the reading so the table is one place to look at, and to extend, by itself.
"""

from __future__ import annotations

import re

from hospnet.extract.lexicon import CAP_WORD, END, LOWER_START, NAME, PLACE, UPPER
from hospnet.names import fold

BV = r"(?:[Bb]ệnh [Vv]iện|BỆNH VIỆN|BV\.?)"
_BV_WORDS = ("ệnh viện", "ệnh Viện", "BỆNH VIỆN", "BV")  # every match of BV holds one
_DK = r"(?:[Đđ]a [Kk]hoa|ĐK)"
_BVDK = rf"(?:BVĐK|{BV}[ ]+{_DK})"
_LEVEL = r"(?P<lw>huyện|Huyện|quận|Quận|thị xã|Thị xã|thành phố|Thành phố|TP\.?|Tp\.?)"
_SPECIALTIES = (
    "Sản - Nhi",
    "Sản Nhi",
    "Sản nhi",
    "Nhi",
    "Nhi đồng",
    "Lao và Bệnh phổi",
    "Lao và bệnh phổi",
    "Phổi",
    "Ung bướu",
    "Y học cổ truyền",
    "Y dược cổ truyền",
    "Phục hồi chức năng",
    "Y học cổ truyền và Phục hồi chức năng",
    "Mắt",
    "Tâm thần",
    "Nội tiết",
    "Da liễu",
    "Phụ sản",
    "Sản",
    "Răng Hàm Mặt",
    "Truyền nhiễm",
    "Tim mạch",
    "Phong - Da liễu",
    "Chấn thương Chỉnh hình",
    "Điều dưỡng - Phục hồi chức năng",
    "Bệnh Nhiệt đới",
    "Nhiệt đới",
    "Lão khoa",
)
_SPEC = (
    "(?P<spec>" + "|".join(re.escape(s) for s in sorted(_SPECIALTIES, key=len, reverse=True)) + ")"
)
ENGLISH_SPEC = {
    "Obstetrics and Pediatrics": "Sản - Nhi",
    "Obstetrics and Paediatrics": "Sản - Nhi",
    "Children's": "Nhi",
    "Pediatric": "Nhi",
    "Paediatric": "Nhi",
    "Lung": "Phổi",
    "Tuberculosis and Lung Disease": "Lao và Bệnh phổi",
    "Oncology": "Ung bướu",
    "Cancer": "Ung bướu",
    "Eye": "Mắt",
    "Traditional Medicine": "Y học cổ truyền",
    "Endocrinology": "Nội tiết",
    "Psychiatric": "Tâm thần",
    "Obstetrics and Gynecology": "Phụ sản",
    "Rehabilitation": "Phục hồi chức năng",
    "Dermatology": "Da liễu",
}
SPEC_BY_KEY = {
    fold(s): s.replace("Sản Nhi", "Sản - Nhi").replace("Sản nhi", "Sản - Nhi") for s in _SPECIALTIES
}
_EN_SPEC = "(?P<espec>" + "|".join(re.escape(s) for s in ENGLISH_SPEC) + ")"
# Capitalised words that follow "Bệnh viện" without naming one ("các Bệnh viện Trung ương").
# The words that cannot open a hospital's own name after its head, as written (with their tones):
# "Bệnh viện Tại …" is no name but "Bệnh viện Tai Mũi Họng Trung ương" is, "Bệnh viện Đại học Wonkwang" too.
NOT_A_NAME_WORD = {
    "trung", "tuyến", "đa", "tỉnh", "huyện", "quận", "thành", "hạng", "nhà", "các", "này", "từ",
    "khu", "bệnh", "số", "sở", "trong", "tại", "và", "của", "cùng", "về", "ngày", "theo", "chuyên",
    "thuộc", "ký",
}  # fmt: skip
NOT_A_NAME = {
    "trung",
    "tuyen",
    "da",
    "tinh",
    "huyen",
    "quan",
    "thanh",
    "hang",
    "nha",
    "cac",
    "nay",
    "tu",
    "dai",
    "khu",
    "benh",
    "so",
    "trong",
    "tai",
    "va",
    "cua",
    "cung",
    "ve",
    "ngay",
    "theo",
    "chuyen",
    "thuoc",
    "vien",
    "y",
    "duoc",
    "cap",
    "ky",
    "hoi",
    "dong",
    "nhan",
    "ban",
}
DISTRICT_WORD = {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"}

_EN_WORD = rf"(?!(?:Provincial|General|District|Regional|Town|Medical|Health|Hospital)\b){CAP_WORD}"
_EN_PLACE = rf"{_EN_WORD}(?:(?:[ ]+|[ ]?-[ ]?){_EN_WORD}){{0,4}}"
# A district-level place before a health centre: "Ha Tien City Medical Centre" names the city of Hà Tiên.
_EN_DISTRICT_WORD = rf"(?!City\b){_EN_WORD}"
_EN_DISTRICT = rf"{_EN_DISTRICT_WORD}(?:(?:[ ]+|[ ]?-[ ]?){_EN_DISTRICT_WORD}){{0,4}}"

# (kind, regex, needs): every match of the regex holds one of the words in `needs`, as the regex
# writes them, so a sentence holding none is not scanned (a scan tries every offset, and most sentences
# hold few of the words). An empty `needs` always scans (the case-blind pattern).
PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = [
    (
        "regional",
        re.compile(
            rf"{LOWER_START}(?:BVĐKKV|{_BVDK}[ ]+[Kk]hu [Vv]ực)[ ]+(?P<pw>(?:tỉnh|thành phố)[ ]+)?(?P<place>{PLACE})"
        ),
        ("BVĐKKV", "hu vực", "hu Vực"),
    ),
    (
        "centre",
        re.compile(rf"{LOWER_START}{_BVDK}[ ]+Trung tâm[ ]+(?P<place>{PLACE})"),
        ("Trung tâm",),
    ),
    (
        "list",
        re.compile(
            rf"{LOWER_START}(?:các|những)[ ]+(?:{_BVDK}|Trung tâm Y tế|TTYT)[ ]+(?:các[ ]+)?(?:huyện|thị xã)[ ]*:?[ ]*(?={CAP_WORD})"
        ),
        ("huyện", "thị xã"),
    ),
    (
        # "BV đa khoa các tỉnh: Bình Định, Đồng Nai và Cà Mau": one provincial hospital per province.
        "province_list",
        re.compile(
            rf"{LOWER_START}(?:(?:các|những)[ ]+)?{_BVDK}[ ]+(?:các|những)[ ]+tỉnh(?:[ ]*,[ ]*thành phố|[ ]+thành)?[ ]*:?[ ]*(?={CAP_WORD})"
        ),
        ("các", "những"),
    ),
    (
        # "the (provincial) general hospitals of Vinh Long and Phu Yen", "… of six southern provinces,
        # Dong Nai, Tien Giang and Long An": the same list in English.
        "province_list",
        re.compile(
            r"(?i:(?:provincial\s+)?general\s+hospitals\s+of\s+)"
            rf"(?:(?:[a-z\d]+[ ]+){{0,3}}provinces?[ ]*[,:]?[ ]*)?(?={CAP_WORD})"
        ),
        ("hospitals", "Hospitals"),
    ),
    (
        # "các bệnh viện Bạch Mai, Việt Đức, K và Nhi Trung ương": the head shared by every item.
        "named_list",
        re.compile(
            rf"{LOWER_START}(?:[Cc]ác|[Nn]hững|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|\d+)[ ]+(?:bệnh viện|Bệnh viện|BV)[ ]*:?[ ]*(?={CAP_WORD})"
        ),
        ("ệnh viện", "BV"),
    ),
    (
        "provincial",
        re.compile(rf"{LOWER_START}(?:{_BVDK}|{BV})[ ]+(?:tỉnh|Tỉnh)[ ]+(?P<place>{PLACE})"),
        ("tỉnh", "Tỉnh"),
    ),
    (
        "district",
        re.compile(
            rf"{LOWER_START}(?P<head>{_BVDK}|Trung tâm Y tế|Trung tâm y tế|TTYT)[ ]+{_LEVEL}[ ]*(?P<place>{PLACE})"
        ),
        (
            "huyện",
            "Huyện",
            "quận",
            "Quận",
            "thị xã",
            "Thị xã",
            "thành phố",
            "Thành phố",
            "TP",
            "Tp",
        ),
    ),
    # "BV huyện Thọ Xuân": a district's hospital is its general hospital, with or without "Đa khoa".
    (
        "district",
        re.compile(
            rf"{LOWER_START}(?P<head>{BV})[ ]+(?P<lw>huyện|quận|thị xã)[ ]+(?P<place>{PLACE})"
        ),
        ("huyện", "quận", "thị xã"),
    ),
    (
        "bare",
        # ... not "Đa khoa Quốc tế X": an own name with a lower-case word (named_hospitals.py reads it).
        re.compile(
            rf"{LOWER_START}(?P<head>{_BVDK}|Trung tâm Y tế|TTYT)[ ]+(?!Quốc tế )(?P<place>{NAME})"
        ),
        ("a khoa", "a Khoa", "ĐK", "Trung tâm Y tế", "TTYT"),
    ),
    (
        "specialist",
        re.compile(
            rf"{LOWER_START}{BV}[ ]+{_SPEC}[ ]+(?P<pw>(?:tỉnh|thành phố|TP\.?)[ ]+)?(?P<place>{PLACE})"
        ),
        _BV_WORDS,
    ),
    (
        "back_provincial",
        re.compile(rf"{LOWER_START}(?:{_BVDK}|{BV})[ ]+tỉnh(?![ ]+[{UPPER}])(?![\w])"),
        ("tỉnh",),
    ),
    (
        "back_previous",
        re.compile(
            rf"(?<![\w])(?<!các )(?<!những )(?<!là )(?:Bệnh viện|The hospital|the hospital)(?![ ]+(?:[{UPPER}]|[Đđ]a khoa|tỉnh|huyện|tuyến|vệ tinh))(?![\w])"
        ),
        ("Bệnh viện", "he hospital"),
    ),
    (
        # "the Wonkwang University Hospital": a university hospital abroad ("Bệnh viện Đại học Wonkwang")
        "en_university",
        re.compile(
            rf"{LOWER_START}(?P<place>[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)?)[ ]+University[ ]+Hospital{END}"
        ),
        ("University",),
    ),
    (
        "en_provincial_of",
        re.compile(
            r"(?i:(?:the\s+)?provincial\s+general\s+hospital\s+(?:of|in)\s+)"
            + rf"(?P<place>{PLACE})"
        ),
        (),
    ),
    (
        "en_general",
        re.compile(
            rf"{LOWER_START}(?P<place>{_EN_PLACE})[ ]+(?P<kind>Provincial General|District General|Regional General|Town General|General|District|Provincial)[ ]+Hospital{END}"
        ),
        ("Hospital",),
    ),
    (
        "en_health_centre",
        re.compile(
            rf"{LOWER_START}(?P<place>{_EN_DISTRICT})[ ]+(?:(?:District|City|Town)[ ]+)?(?:Medical|Health)[ ]+Cent(?:er|re){END}"
        ),
        ("Cent",),
    ),
    (
        "en_specialist",
        re.compile(
            rf"{LOWER_START}(?P<place>{_EN_PLACE})[ ]+(?:Provincial[ ]+)?{_EN_SPEC}[ ]+Hospital{END}"
        ),
        ("Hospital",),
    ),
]
LIST_ITEM = re.compile(rf"[ ]*(?:(?P<lw>huyện|thị xã|thành phố|TP\.?)[ ]+)?(?P<place>{PLACE})")
LIST_SEP = re.compile(r"[ ]*(?:,|;|và|and)[ ]*")
