"""A file that changes while it is read: a growing JSONL file is not followed for ever, and a file
rewritten or replaced mid-read fails with a clear error instead of being stored torn. The files
are changed for real, between two documents of one read (and, for growth, by a writer thread that
never stops)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from hospnet.errors import DocumentError
from hospnet.loaders import load_file

LINE = "Bệnh viện Bạch Mai chuyển giao kỹ thuật số {n} cho Bệnh viện Đa khoa tỉnh Phú Thọ."


def lines(start: int, count: int, word: str = "") -> bytes:
    return b"".join(
        (json.dumps({"text": LINE.format(n=n) + word}, ensure_ascii=False) + "\n").encode()
        for n in range(start, start + count)
    )


def test_a_file_that_grows_while_read_is_read_as_it_was_at_open(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(lines(0, 50))
    items = load_file(path)
    first = next(items)
    with open(path, "ab") as handle:
        handle.write(lines(50, 50))
    rest = list(items)
    docs = [first, *[i for i in rest if not isinstance(i, DocumentError)]]
    errors = [i for i in rest if isinstance(i, DocumentError)]
    assert len(errors) == 1 and "grew while it was read" in errors[0].reason, errors
    assert errors[0].source == str(path)
    assert "read again on the next run" in errors[0].reason
    texts = {d.text for d in docs}
    assert len(texts) == len(docs) < 50
    assert all(int(t.split("số ")[1].split()[0]) < 50 for t in texts)  # nothing appended was read

    again = [i for i in load_file(path) if not isinstance(i, DocumentError)]
    assert len(again) == 100  # the next run reads it whole


WRITER = """
import sys, time
with open(sys.argv[1], "ab") as handle:
    while True:
        handle.write(sys.argv[2].encode() * 10)
        handle.flush()
        time.sleep(0.001)
"""


def test_a_file_a_writer_never_stops_growing_is_not_followed(tmp_path):
    path = tmp_path / "live.jsonl"
    path.write_bytes(lines(0, 2000))
    start = path.stat().st_size
    # Another process, as a real writer is: a thread of this one can be starved of the GIL by the read.
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), lines(2000, 1).decode()])
    try:
        deadline = time.monotonic() + 10
        while path.stat().st_size == start and time.monotonic() < deadline:
            time.sleep(0.005)  # the read starts while the writer writes, not before
        started = time.monotonic()
        items = list(load_file(path))
        took = time.monotonic() - started
    finally:
        writer.kill()
        writer.wait()
    written = path.read_bytes().count(b"\n")
    assert took < 30
    assert len(items) - 1 < written  # what was written during the read was not read
    assert isinstance(items[-1], DocumentError) and "grew" in items[-1].reason, items[-1]


def test_a_file_rewritten_while_read_is_not_stored_torn(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(lines(0, 50, " cũ"))
    items = load_file(path)
    first = next(items)
    time.sleep(0.01)  # a later modification time, whatever the clock's grain
    with open(path, "r+b") as handle:  # the same size, other words: only the time tells
        handle.write(lines(0, 50, " mũ"))
    rest = list(items)
    docs = [first, *[i for i in rest if not isinstance(i, DocumentError)]]
    errors = [i for i in rest if isinstance(i, DocumentError)]
    assert len(errors) == 1 and "was rewritten while it was read" in errors[0].reason, errors
    assert all(d.text.endswith("cũ") for d in docs), "a document of the new content was read"
    assert len(docs) < 50


def test_a_file_replaced_while_read_is_reported(tmp_path):
    path = tmp_path / "doc.jsonl"
    path.write_bytes(lines(0, 20))
    items = load_file(path)
    next(items)
    replacement = tmp_path / "new.jsonl"
    replacement.write_bytes(lines(100, 20))
    os.replace(replacement, path)
    rest = list(items)
    assert isinstance(rest[-1], DocumentError) and "replaced" in rest[-1].reason


def test_an_unchanged_file_reads_whole(tmp_path):
    path = tmp_path / "doc.jsonl"
    path.write_bytes(lines(0, 30))
    items = list(load_file(path))
    assert len(items) == 30 and not any(isinstance(i, DocumentError) for i in items)
    text = tmp_path / "a.txt"
    text.write_text(LINE.format(n=1), encoding="utf-8")
    (doc,) = load_file(Path(text))
    assert not isinstance(doc, DocumentError)
