"""The registry and the promise of hospnet.loaders: files found, and every bad file a one-line DocumentError."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hospnet.errors import DocumentError, DocumentTooLarge, UnsupportedFormat
from hospnet.loaders import READERS, iter_files, load_bytes, load_file, register, suffixes
from hospnet.model import Document

ARTICLE = "Bệnh viện E hỗ trợ Bệnh viện Đa khoa tỉnh Thanh Hóa\n\nNgày 3/4/2024, đoàn công tác làm việc tại tỉnh.\n"


def test_the_formats_are_registered():
    assert suffixes() == [".docx", ".htm", ".html", ".jsonl", ".pdf", ".txt"]


def test_iter_files_expands_folders_sorted_once(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.HTML").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a registered suffix", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    files = iter_files([tmp_path, tmp_path / "b" / "z.txt", tmp_path / "b"])
    assert files == [tmp_path / "a.HTML", tmp_path / "b" / "z.txt"]


def test_iter_files_keeps_a_file_named_directly_so_its_format_is_reported(tmp_path):
    odd = tmp_path / "scan.doc"
    odd.write_bytes(b"\xd0\xcf\x11\xe0")
    assert iter_files([odd]) == [odd]
    (error,) = load_file(odd)
    assert isinstance(error, UnsupportedFormat)
    assert str(error).startswith(f"{odd}: unsupported format '.doc'")
    assert ".docx" in str(error)


def test_iter_files_refuses_a_missing_path(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        iter_files([tmp_path / "missing"])


def test_load_file_and_load_bytes_share_one_path(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (from_file,) = load_file(path)
    (from_bytes,) = load_bytes("bai.txt", path.read_bytes())
    assert isinstance(from_file, Document)
    assert from_file.id == from_bytes.id
    assert (
        from_file.title == from_bytes.title == "Bệnh viện E hỗ trợ Bệnh viện Đa khoa tỉnh Thanh Hóa"
    )
    assert from_file.date == "2024-04-03"
    assert from_file.source == "bai.txt"
    assert from_file.path == str(path)


def test_twenty_megabytes_is_too_large_with_the_default_limit(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        for _ in range(20):
            f.write(b"benh vien " * 100_000)
    (error,) = load_file(path)
    assert isinstance(error, DocumentTooLarge)
    assert str(error) == f"{path}: too large: 20,000,000 bytes, over the limit of 5,000,000 bytes"
    assert "HOSPNET_MAX_DOCUMENT_BYTES" in error.hint
    (error,) = load_bytes("big.txt", path.read_bytes(), max_bytes=1_000)
    assert isinstance(error, DocumentTooLarge)


def test_a_folder_given_as_a_file_is_reported(tmp_path):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    (error,) = load_file(folder)
    assert isinstance(error, DocumentError)
    assert str(error).startswith(f"{folder}: cannot open")


def test_a_new_format_is_one_registered_reader_and_its_crash_becomes_an_error():
    @register(".crash")
    def read_crash(name, stream, max_bytes):
        yield from ()
        raise RuntimeError("reader bug\nwith a second line")

    try:
        (error,) = load_bytes("a.crash", b"data")
    finally:
        READERS.pop(".crash")
    assert isinstance(error, DocumentError)
    assert str(error) == "a.crash: cannot read (RuntimeError: reader bug with a second line)"


@settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx", ".jsonl"]),
    data=st.binary(max_size=2_000),
)
def test_any_bytes_give_documents_or_one_line_errors(suffix, data):
    for item in load_bytes("x" + suffix, data):
        assert isinstance(item, (Document, DocumentError))
        if isinstance(item, DocumentError):
            assert "\n" not in str(item) and str(item).startswith("x" + suffix)


def test_sample_corpus_loads_without_errors():
    sample = Path(__file__).parents[2] / "hospnet" / "data" / "sample"
    items = [item for path in iter_files([sample]) for item in load_file(path)]
    assert items and all(isinstance(item, Document) for item in items), [
        str(i) for i in items if not isinstance(i, Document)
    ]
    assert {item.language for item in items} == {"vi", "en"}
