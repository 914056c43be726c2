"""DOCX files made with python-docx, and the archives that must be refused before opening: bombs, junk."""

from __future__ import annotations

import os
import time
import zipfile

from hospnet.errors import DocumentError
from hospnet.loaders import legacy, load_bytes, load_file
from hospnet.model import Document


def load_one(name, data):
    (item,) = list(load_bytes(name, data))
    return item


def test_paragraphs_tables_title_and_date(tmp_path, make_docx):
    path = make_docx(
        tmp_path / "hop-dong.docx",
        [
            "Hà Nội, ngày 10 tháng 1 năm 2024",
            "Bệnh viện Hữu nghị Đa khoa Nghệ An hỗ trợ Trung tâm Y tế huyện Con Cuông.",
            "Nguồn: Sở Y tế Nghệ An",
        ],
        heading="Hợp đồng hỗ trợ chuyên môn năm 2024",
        table=[["Kỹ thuật", "Thời gian"], ["Nội soi dạ dày", "6 tháng"]],
    )
    (doc,) = load_file(path)
    assert isinstance(doc, Document), str(doc)
    assert doc.title == "Hợp đồng hỗ trợ chuyên môn năm 2024"
    assert doc.date == "2024-01-10"
    assert doc.source == "Sở Y tế Nghệ An"
    assert "Nội soi dạ dày" in doc.text and "Trung tâm Y tế huyện Con Cuông" in doc.text


def test_tcvn3_typed_into_a_docx_is_converted(tmp_path, make_docx):
    text = "Bệnh viện Đa khoa tỉnh Bắc Kạn được Bệnh viện E hỗ trợ chuyển giao kỹ thuật mới"
    path = make_docx(tmp_path / "cu.docx", [legacy.to_tcvn3(text)])
    (doc,) = load_file(path)
    assert isinstance(doc, Document), str(doc)
    assert doc.text == text


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, make_zip_bomb):
    path = make_zip_bomb(tmp_path / "bomb.docx", megabytes=300)
    assert os.path.getsize(path) < 1_000_000
    started = time.monotonic()
    (error,) = load_file(path)
    assert time.monotonic() - started < 2
    assert isinstance(error, DocumentError)
    assert str(error).startswith(f"{path}: refused: word/document.xml is compressed ")
    assert "possible zip bomb" in str(error)


def test_members_under_the_ratio_that_add_up_are_refused(tmp_path):
    # Each 1 MB holds 20 KB of noise: about 48:1, an honest-looking ratio, but 120 MB in all.
    chunk = os.urandom(20_000) + bytes(1_000_000 - 20_000)
    path = tmp_path / "wide.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for i in range(3):
            with archive.open(f"word/media/{i}.bin", "w") as member:
                for _ in range(40):
                    member.write(chunk)
    assert os.path.getsize(path) < 5_000_000
    (error,) = load_file(path)
    assert isinstance(error, DocumentError)
    assert (
        str(error)
        == f"{path}: refused: unpacks to 120,000,013 bytes (limit 100,000,000); possible zip bomb"
    )


def test_random_bytes_named_docx():
    error = load_one("junk.docx", os.urandom(2048))
    assert isinstance(error, DocumentError)
    assert str(error).startswith("junk.docx: not a DOCX file (not a valid zip archive")


def test_zip_that_is_not_word_and_old_doc():
    path_bytes = _zip_bytes({"readme.txt": "hello"})
    error = load_one("other.docx", path_bytes)
    assert str(error) == "other.docx: not a Word document (no word/document.xml in the archive)"
    error = load_one("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert str(error) == "old.docx: an old Word 97-2003 .doc file, not DOCX; save it as .docx"


def test_damaged_document_xml_is_a_broken_docx():
    error = load_one(
        "bad.docx",
        _zip_bytes({"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}),
    )
    assert isinstance(error, DocumentError)
    assert str(error).startswith("bad.docx: broken DOCX (")


def _zip_bytes(members: dict[str, str]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
