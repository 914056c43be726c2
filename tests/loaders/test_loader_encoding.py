"""Text files in every encoding they arrive in: UTF-8/16, the legacy TCVN3 and VNI, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from hospnet.errors import DocumentError
from hospnet.loaders import legacy, load_bytes
from hospnet.model import Document

SAMPLE = (
    "Bệnh viện Đa khoa tỉnh Hà Giang tiếp nhận kỹ thuật mới\n"
    "Sáng ngày 12/3/2023, Bệnh viện Bạch Mai chuyển giao kỹ thuật lọc máu liên tục "
    "cho Bệnh viện Đa khoa tỉnh Hà Giang theo Đề án 1816. Đoàn gồm năm y, bác sĩ của Trung tâm "
    "Hồi sức tích cực; người bệnh được điều trị ngay tại tỉnh, giảm chuyển tuyến."
)


def only(items) -> Document | DocumentError:
    (item,) = list(items)
    return item


def text_of(name: str, data: bytes) -> str:
    item = only(load_bytes(name, data))
    assert isinstance(item, Document), str(item)
    return item.text


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n  ", "\ufeff".encode("utf-8")],
    ids=["empty", "whitespace", "bom-only"],
)
def test_empty_document(data):
    item = only(load_bytes("trong.txt", data))
    assert isinstance(item, DocumentError)
    assert str(item) == "trong.txt: empty document"


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "contains NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"abc", "control bytes"),
    ],
    ids=["png", "nul", "control"],
)
def test_binary_is_refused(data, what):
    item = only(load_bytes("anh.txt", data))
    assert isinstance(item, DocumentError)
    assert str(item).startswith("anh.txt: binary file")
    assert what in str(item)


def test_invalid_utf8_that_is_not_legacy_vietnamese_is_refused():
    item = only(load_bytes("fr.txt", "Le café est très bon à côté du théâtre.".encode("latin-1")))
    assert isinstance(item, DocumentError)
    assert (
        str(item)
        == "fr.txt: not valid UTF-8 (byte 0xE9 at offset 6) and not TCVN3 or VNI; save it as UTF-8"
    )


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_encodings(codec):
    data = SAMPLE.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert text_of("a.txt", data) == SAMPLE


def test_utf16_without_bom_is_read():
    assert (
        text_of("a.txt", "Bach Mai Hospital supports Son La".encode("utf-16-le"))
        == "Bach Mai Hospital supports Son La"
    )


def test_tcvn3_bytes_written_by_hand_are_converted():
    # "Bệnh viện Đa khoa tỉnh Thái Bình; người bệnh được chuyển tuyến" in TCVN3, byte by byte
    data = b"B\xd6nh vi\xd6n \xa7a khoa t\xd8nh Th\xb8i B\xd7nh; ng\xad\xeai b\xd6nh \xae\xad\xeec chuy\xd3n tuy\xd5n"
    assert (
        text_of("cu.txt", data) == "Bệnh viện Đa khoa tỉnh Thái Bình; người bệnh được chuyển tuyến"
    )


def test_tcvn3_sample_encoded_with_the_table_round_trips():
    encoded = legacy.to_tcvn3(SAMPLE).encode("latin-1")
    assert encoded != SAMPLE.encode("utf-8")
    # TCVN3 has no capital accented letters: "Đ" survives (it has a byte), "Ộ"-like capitals would not.
    assert text_of("cu.txt", encoded) == SAMPLE


def test_vni_bytes_written_by_hand_are_converted():
    data = "Beänh vieän Ña khoa tænh Thaùi Bình; ngöôøi beänh ñöôïc chuyeån tuyeán".encode(
        "latin-1"
    )
    assert (
        text_of("vni.txt", data) == "Bệnh viện Đa khoa tỉnh Thái Bình; người bệnh được chuyển tuyến"
    )


def test_vni_sample_encoded_with_the_table_round_trips():
    assert text_of("vni.txt", legacy.to_vni(SAMPLE).encode("latin-1")) == SAMPLE
    assert (
        legacy.from_vni(legacy.to_vni("ĐOÀN CÔNG TÁC ỨNG DỤNG ẲNG")) == "ĐOÀN CÔNG TÁC ỨNG DỤNG ẲNG"
    )


def test_tcvn3_saved_as_utf8_mojibake_is_repaired():
    mojibake = legacy.to_tcvn3(SAMPLE).encode("utf-8")
    assert text_of("copy.txt", mojibake) == SAMPLE


def test_unicode_vietnamese_and_other_languages_are_left_alone():
    assert legacy.detect(SAMPLE) is None
    assert (
        legacy.detect("Straße für Männer über Öl, Größe und Bücher; Ärzte müssen häufig früh")
        is None
    )
    assert legacy.detect("Où est la gare? Il a été déçu à côté du théâtre, très ému.") is None
