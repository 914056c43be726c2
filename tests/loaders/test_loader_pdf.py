"""PDFs made in the test: a text layer in English and in Vietnamese, a scan without one, broken files."""

from __future__ import annotations

from hospnet.errors import DocumentError
from hospnet.loaders import load_bytes, load_file
from hospnet.model import Document


def load_one(name, data):
    (item,) = list(load_bytes(name, data))
    return item


def test_english_text_layer_and_title(tmp_path, make_pdf):
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf(
            [
                "Bach Mai Hospital supports Son La province",
                "Hanoi, 28 March 2024 - A team of cardiologists arrived.",
            ],
            title="Support report 2024",
        )
    )
    (doc,) = load_file(path)
    assert isinstance(doc, Document), str(doc)
    assert (
        doc.text
        == "Bach Mai Hospital supports Son La province\nHanoi, 28 March 2024 - A team of cardiologists arrived."
    )
    assert doc.title == "Support report 2024"
    assert doc.date == "2024-03-28"
    assert doc.language == "en"
    assert doc.source == "report.pdf"


def test_vietnamese_text_layer(make_pdf):
    doc = load_one(
        "bv.pdf",
        make_pdf(
            unicode_lines=[
                "Bệnh viện Đa khoa tỉnh Thanh Hóa ký hợp đồng hỗ trợ chuyên môn",
                "Chiều ngày 29/9/2022, tại Hậu Lộc",
            ]
        ),
    )
    assert isinstance(doc, Document), str(doc)
    assert doc.title == "Bệnh viện Đa khoa tỉnh Thanh Hóa ký hợp đồng hỗ trợ chuyên môn"
    assert doc.date == "2022-09-29"
    assert doc.language == "vi"


def test_a_page_without_content_has_no_text_layer(make_pdf):
    error = load_one("scan.pdf", make_pdf(["unused"], content=False))
    assert isinstance(error, DocumentError)
    assert str(error) == "scan.pdf: PDF has no text layer (scanned?); run OCR first"


def test_broken_pdfs(make_pdf):
    truncated = load_one("cut.pdf", make_pdf(["Some text here"])[:200])
    assert isinstance(truncated, DocumentError)
    assert str(truncated).startswith("cut.pdf: ")
    not_pdf = load_one("fake.pdf", b"\x00\x01 random bytes \xff" * 20)
    assert isinstance(not_pdf, DocumentError)
    assert str(not_pdf) == "fake.pdf: not a PDF file (no %PDF header)"
