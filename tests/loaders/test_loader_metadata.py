"""Title, date, source and language read from realistic Vietnamese (and English) article texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hospnet.loaders import load_bytes, load_file
from hospnet.loaders.metadata import find_date, find_source, find_title, guess_language, parse_date
from hospnet.model import Document

# Written for these tests, in the shape of the news pages the project reads.
PASTED_PAGE = """Liên hệ nhanh
Trang chủ > Tin tức - Sự kiện

Bệnh viện Trung ương Huế chuyển giao kỹ thuật tiêu sợi huyết cho Quảng Trị

Thứ Hai, 14/08/2023 - 09:10

Sáng ngày 11/8, tại Đông Hà, Bệnh viện Trung ương Huế tổng kết chuyển giao kỹ thuật điều trị đột quỵ
cho Bệnh viện Đa khoa tỉnh Quảng Trị theo Quyết định 1234/QĐ-BYT ngày 02/01/2022.

A A

Nguồn: Báo Quảng Trị
"""

ENGLISH = """Cho Ray Hospital helps Kien Giang perform kidney transplants
Posted June 5, 2024
The hospital in Ho Chi Minh City sent a team of surgeons to the provincial hospital, and the tenth
transplant was done in the province.
Source: https://news.example.vn/en/cho-ray-kien-giang
"""


def test_title_skips_navigation_and_the_date_comes_from_the_dateline():
    assert (
        find_title(PASTED_PAGE)
        == "Bệnh viện Trung ương Huế chuyển giao kỹ thuật tiêu sợi huyết cho Quảng Trị"
    )
    assert find_date(PASTED_PAGE) == "2023-08-14"  # not the decision's 02/01/2022
    assert find_source(PASTED_PAGE) == "Báo Quảng Trị"
    assert guess_language(PASTED_PAGE) == "vi"


def test_english_article():
    (doc,) = load_bytes("en.txt", ENGLISH.encode())
    assert isinstance(doc, Document)
    assert (doc.title, doc.date, doc.source, doc.language) == (
        "Cho Ray Hospital helps Kien Giang perform kidney transplants",
        "2024-06-05",
        "https://news.example.vn/en/cho-ray-kien-giang",
        "en",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tiêu đề\n05/12/2021 - 16:25\nNội dung", "2021-12-05"),
        (
            "Tiêu đề\n\nChiều ngày 29/9/2022, Bệnh viện Đa khoa tỉnh ký hợp đồng với bệnh viện huyện",
            "2022-09-29",
        ),
        (
            "Tiêu đề\nNgày 21/11, đoàn công tác khảo sát theo Đề án 1816 năm 2025 của Bộ Y tế",
            "2025-11-21",
        ),
        ("Tô Hà date 2024-06 Dự buổi ký kết có lãnh đạo hai bệnh viện", "2024-06"),
        ("Tiêu đề\nHà Nội, ngày 30 tháng 11 năm 2021\nQuyết định", "2021-11-30"),
        (
            "Tiêu đề\n(Báo Y tế) - Trong tháng 6/2024, bệnh viện tỉnh tiếp nhận ba kỹ thuật",
            "2024-06",
        ),
        ("Tiêu đề\nNgày 5-12, đoàn công tác làm việc với Sở Y tế", None),  # no year anywhere
        ("Tiêu đề\n" + "Nội dung dài. " * 10 + "Quyết định ngày 30-11-2021 của Bộ Y tế", None),
        ("Tiêu đề\nNgày 31/2/2024, một ngày không có thật", None),
    ],
)
def test_date_as_precise_as_the_text_allows(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-06-05T10:00:00+07:00", "2024-06-05"),
        ("2024-06", "2024-06"),
        ("2024", "2024"),
        ("05/12/2021", "2021-12-05"),
        ("06/2024", "2024-06"),
        ("5 June 2024", "2024-06-05"),
        ("ngày 30 tháng 11 năm 2021", "2021-11-30"),
        ("hôm qua", None),
        ("2024-13-01", None),
    ],
)
def test_parse_date_values(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Nguồn: Báo Sức khỏe & Đời sống", "Báo Sức khỏe & Đời sống"),
        (
            "Nguồn SK&ĐS: https://suckhoedoisong.vn/bai-viet-n1.html",
            "https://suckhoedoisong.vn/bai-viet-n1.html",
        ),
        ("Source: https://example.vn/a.", "https://example.vn/a"),
        ("https://baothanhhoa.vn/y-te/bai-viet.html", "https://baothanhhoa.vn/y-te/bai-viet.html"),
        (
            "Nguồn nhân lực y tế còn thiếu ở tuyến huyện.",
            None,
        ),  # "nguồn" in a sentence is not a source line
    ],
)
def test_source_line(line, expected):
    assert find_source("Tiêu đề\nNội dung bài.\n" + line) == expected


def test_a_long_lead_stands_in_for_a_missing_title():
    text = (
        "date 2024-06 Dự buổi ký kết có ông Nguyễn Văn A, Thứ trưởng Bộ Y tế; lãnh đạo hai bệnh viện. "
        + "Nội dung " * 40
    )
    assert (
        find_title(text)
        == "Dự buổi ký kết có ông Nguyễn Văn A, Thứ trưởng Bộ Y tế; lãnh đạo hai bệnh viện."
    )


def test_vietnamese_without_diacritics_is_still_vietnamese():
    assert guess_language("Benh vien Bach Mai ho tro chuyen mon cho benh vien tinh Son La") == "vi"


def _seeds() -> Path:
    for candidate in (
        Path(__file__).parents[3] / "shared" / "seeds",
        Path(os.environ.get("HOSPNET_SEEDS", "/work/shared/seeds")),
    ):
        if candidate.is_dir():
            return candidate
    pytest.skip(
        "the shared seed articles (shared/seeds beside the repository) are not on this machine"
    )


@pytest.mark.parametrize(
    "prefix, title, date, source",
    [
        (
            "000",
            "Đoàn công tác Bệnh viện E khảo sát chuyển giao kỹ thuật tại Bệnh viện Đa khoa tỉnh Thanh Hóa",
            "2025-11-21",
            None,
        ),
        ("001", "Dự buổi ký kết có ông Lê Đức Luận, Thứ trưởng Bộ Y tế;", "2024-06", None),
        (
            "002",
            "Lễ ký kết Hợp đồng hỗ trợ chuyên môn giữa Bệnh viện Đa khoa tỉnh Thanh Hóa",
            "2022-09-29",
            None,
        ),
        (
            "003",
            "Bệnh viện Bạch Mai hỗ trợ tỉnh An Giang phòng, chống dịch COVID-19",
            "2021-12-05",
            None,
        ),
        (
            "004",
            "Thái Nguyên: Bảo đảm chất lượng và sử dụng hiệu quả trang thiết bị y tế",
            None,
            "https://suckhoedoisong.vn/",
        ),
    ],
)
def test_seed_articles(prefix, title, date, source):
    (path,) = _seeds().glob(f"{prefix}_*.txt")
    (doc,) = load_file(path)
    assert isinstance(doc, Document), str(doc)
    assert doc.title.startswith(title)
    assert doc.date == date
    assert doc.source.startswith(source) if source else doc.source == path.name
    assert doc.language == "vi"
