"""JSON Lines: one document a line; each broken line is reported as file.jsonl:LINE and the rest still load."""

from __future__ import annotations

import json

from hospnet.errors import DocumentError, DocumentTooLarge
from hospnet.loaders import load_bytes, load_file
from hospnet.model import Document

GOOD = {
    "title": "Bệnh viện Chợ Rẫy hỗ trợ Bình Dương điều trị COVID-19",
    "date": "2021-08-02",
    "source": "https://baobinhduong.example.vn/cho-ray",
    "text": "Đoàn công tác Bệnh viện Chợ Rẫy lên Bình Dương hỗ trợ điều trị người bệnh COVID-19 nặng.",
}
NO_META = {
    "text": "Bệnh viện K hỗ trợ Hà Giang\nNgày 19/9/2023, Bệnh viện K chuyển giao kỹ thuật xạ trị."
}


def test_good_and_broken_lines(tmp_path):
    lines = [
        json.dumps(GOOD, ensure_ascii=False),  # 1
        "{not json",  # 2
        "",  # 3: blank lines are skipped, but still counted
        json.dumps(NO_META, ensure_ascii=False),  # 4
        "[1, 2]",  # 5
        json.dumps({"title": "x"}),  # 6
        json.dumps({"text": 12}),  # 7
        json.dumps({"text": "Bệnh viện E", "date": "hôm qua"}),  # 8
        json.dumps({"text": "   "}),  # 9
        json.dumps({"text": "Bệnh viện E", "title": ["a"]}),  # 10
    ]
    path = tmp_path / "corpus.jsonl"
    data = "\n".join(lines).encode("utf-8") + b"\n" + b'{"text": "caf\xe9"}\n'  # 11: not UTF-8
    path.write_bytes(data)
    items = list(load_file(path))
    docs = [i for i in items if isinstance(i, Document)]
    errors = {str(i) for i in items if isinstance(i, DocumentError)}
    assert [d.title for d in docs] == [GOOD["title"], "Bệnh viện K hỗ trợ Hà Giang"]
    assert (docs[0].date, docs[0].source, docs[0].path) == (
        "2021-08-02",
        GOOD["source"],
        f"{path}:1",
    )
    assert (docs[1].date, docs[1].source) == ("2023-09-19", "corpus.jsonl:4")
    assert errors == {
        f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:5: expected a JSON object, got list",
        f'{path}:6: no "text" field (a string)',
        f'{path}:7: "text" must be a string, not int',
        f"{path}:8: \"date\" 'hôm qua' is not a date (use yyyy-mm-dd)",
        f"{path}:9: empty document",
        f'{path}:10: "title" must be a string, not list',
        f"{path}:11: not valid UTF-8 (byte 0xE9 at column 14)",
    }


def test_limit_applies_to_each_line_not_the_file():
    line = json.dumps(NO_META, ensure_ascii=False).encode()
    huge = json.dumps({"text": "x" * 5_000}).encode()
    items = list(
        load_bytes(
            "c.jsonl",
            b"\xef\xbb\xbf" + line + b"\n" + huge + b"\n" + line * 1 + b"\n",
            max_bytes=1_000,
        )
    )
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    assert isinstance(items[1], DocumentTooLarge)
    assert str(items[1]) == "c.jsonl:2: too large: more bytes, over the limit of 1,000 bytes"


def test_empty_jsonl_file_gives_nothing():
    assert list(load_bytes("none.jsonl", b"\n\n")) == []
