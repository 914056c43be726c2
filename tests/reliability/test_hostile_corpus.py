"""Nothing let in: a folder of hostile and broken files, built with the real CLI.

Each bad file is one line in the summary and one entry in failures.jsonl; the build exits 0 (a
partial failure is still a finished build; `--strict` turns it into exit 3); the good documents
among them are stored; Cypher and <script> in names are stored as plain strings; and the graph
that was there before is unchanged.
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from hospnet.loaders.legacy import to_tcvn3

from .conftest import export, hospnet
from .test_resume import ledger, summary_count

CYPHER = '"}) DETACH DELETE n //'
SCRIPT = "<script>alert(1)</script>"
GOOD = (
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật can thiệp mạch vành cho Bệnh viện Đa khoa tỉnh Phú Thọ\n\n"
    "Ngày 12/3/2021, Bệnh viện Bạch Mai ký hợp đồng hỗ trợ chuyên môn với Bệnh viện Đa khoa tỉnh Phú Thọ.\n"
)

# The graph that exists before: hospitals none of the hostile files mention.
BEFORE = [
    "Bệnh viện Nhi Trung ương hỗ trợ Bệnh viện Sản Nhi tỉnh Yên Bái\n\nNgày 4/5/2020, Bệnh viện Nhi Trung ương "
    "ký hợp đồng hỗ trợ chuyên môn với Bệnh viện Sản Nhi tỉnh Yên Bái về hồi sức sơ sinh.\n",
    "Bệnh viện Trung ương Huế chuyển giao kỹ thuật cho Bệnh viện Đa khoa tỉnh Kon Tum\n\nNgày 9/9/2019, Bệnh viện "
    "Trung ương Huế chuyển giao kỹ thuật tiêu sợi huyết cho Bệnh viện Đa khoa tỉnh Kon Tum.\n",
]


def hostile_corpus(folder: Path) -> tuple[list[str], dict[str, str]]:
    """Write the corpus; return the sources that must fail and {file: title prefix} of what must be stored."""
    folder.mkdir(parents=True)
    bad: list[str] = []

    def write(name: str, data: bytes, fails: bool) -> Path:
        path = folder / name
        path.write_bytes(data)
        if fails:
            bad.append(str(path))
        return path

    write("empty.txt", b"", True)
    write(
        "[red]markup[bold] and spaces.txt", b"   \n\t\n", True
    )  # blank, and a name rich would read as markup
    line = "Bệnh viện Bạch Mai hỗ trợ tuyến dưới theo Đề án 1816. ".encode("utf-8")
    write("twenty-megabytes.txt", line * (20_000_000 // len(line) + 1), True)
    write("binary.txt", random.Random(8).randbytes(8192), True)
    write("png-named-as-text.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), True)
    blank = PdfWriter()
    blank.add_blank_page(595, 842)
    with open(folder / "scanned-no-text.pdf", "wb") as handle:
        blank.write(handle)
    bad.append(str(folder / "scanned-no-text.pdf"))
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        bomb.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        with bomb.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):  # 200 MB of spaces in a file of a few hundred kB
                member.write(b" " * (1 << 20))
    bad.append(str(folder / "bomb.docx"))
    write("not-a-docx.docx", b"PK\x03\x04 this is no zip at all", True)
    write(
        "tags-only.html",
        ("<html><body>" + "<div><span></span><br/><p></p></div>" * 300 + "</body></html>").encode(),
        True,
    )

    record = lambda **fields: json.dumps(fields, ensure_ascii=False)  # noqa: E731
    jsonl = folder / "feed.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                record(
                    text=GOOD.replace("Phú Thọ", "Lai Châu").replace("Bạch Mai", "Chợ Rẫy"),
                    title=CYPHER,
                    source=SCRIPT,
                ),
                '{"text": "Bệnh viện K hỗ trợ',  # cut off
                "[1, 2, 3]",  # not an object
                record(title="no text field"),
                record(text=""),  # empty text
                "{" * 50_000 + "}" * 50_000,  # nested past any parser's recursion limit
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    bad += [f"{jsonl}:{n}" for n in (2, 3, 4, 5, 6)]

    good = {
        "good.txt": GOOD,
        "malformed.html": (
            "<html><head><title>Bệnh viện Chợ Rẫy hỗ trợ Cà Mau</title><body><p>Bệnh viện Chợ Rẫy "
            "chuyển giao kỹ thuật ghép thận cho Bệnh viện Đa khoa tỉnh Cà Mau<div><p>Ngày 3/4/2022 "
            "<b>ký kết<i> hợp đồng hỗ trợ chuyên môn</p></div"
        ),
        "cypher-in-a-name.txt": (
            f"Bệnh viện Tâm Đức{CYPHER} ký hợp đồng hỗ trợ chuyên môn với Bệnh viện Đa khoa tỉnh Sơn La\n\n"
            f"Ngày 5/6/2023, Bệnh viện Tâm Đức{CYPHER} chuyển giao kỹ thuật lọc máu liên tục cho "
            "Bệnh viện Đa khoa tỉnh Sơn La.\n"
        ),
        "script-in-a-name.html": (
            f"<html><head><title>Bệnh viện {SCRIPT.replace('<', '&lt;')} Hòa Bình</title></head><body>"
            f"<p>Bệnh viện Bạch Mai ký hợp đồng hỗ trợ chuyên môn với Bệnh viện &lt;script&gt;alert(1)&lt;/script&gt; "
            "Hòa Bình và Bệnh viện Đa khoa tỉnh Điện Biên.</p></body></html>"
        ),
    }
    for name, text in good.items():
        (folder / name).write_text(text, encoding="utf-8")
    tcvn3 = (
        "Bệnh viện Bạch Mai hỗ trợ Bệnh viện Đa khoa tỉnh Hòa Bình\n\nNgày 7/7/2018, Bệnh viện Bạch Mai ký hợp đồng "
        "hỗ trợ chuyên môn với Bệnh viện Đa khoa tỉnh Hòa Bình.\n"
    )
    (folder / "legacy-tcvn3.txt").write_bytes(to_tcvn3(tcvn3).encode("latin-1"))
    titles = {
        "good.txt": "Bệnh viện Bạch Mai chuyển giao",
        "malformed.html": "Bệnh viện Chợ Rẫy hỗ trợ Cà Mau",
        "cypher-in-a-name.txt": f"Bệnh viện Tâm Đức{CYPHER}",
        "script-in-a-name.html": f"Bệnh viện {SCRIPT}",
        "legacy-tcvn3.txt": "Bệnh viện Bạch Mai hỗ trợ",
        "feed.jsonl": CYPHER,
    }
    return bad, titles


def restricted(records: list[dict], ids: set[str]) -> list[dict]:
    """The records about nodes in `ids` only: the nodes, and relationships between two of them."""
    return [
        r
        for r in records
        if (r["kind"] == "node" and r["id"] in ids)
        or (r["kind"] == "relationship" and r["from"] in ids and r["to"] in ids)
    ]


def test_hostile_files_are_reported_one_line_each_and_change_nothing_else(rsettings, tmp_path):
    before_dir = tmp_path / "before"
    before_dir.mkdir()
    for i, text in enumerate(BEFORE):
        (before_dir / f"{i}.txt").write_text(text, encoding="utf-8")
    assert hospnet(rsettings, "build", str(before_dir)).returncode == 0
    before = export(rsettings)
    before_ids = {r["id"] for r in before if r["kind"] == "node"}

    bad, titles = hostile_corpus(tmp_path / "hostile")
    result = hospnet(rsettings, "build", str(tmp_path / "hostile"), timeout=300)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    failed_lines = [line for line in result.stdout.splitlines() if line.startswith("failed: ")]
    for source in bad:
        mine = [line for line in failed_lines if line.startswith(f"failed: {source}: ")]
        assert len(mine) == 1, f"{source} is not reported on exactly one line:\n{result.stdout}"
    assert summary_count(result.stdout, "failed") == len(bad)
    assert set(ledger(rsettings)) == set(bad)

    after = export(rsettings)
    stored_titles = [
        r["properties"].get("title", "")
        for r in after
        if r["kind"] == "node" and r["label"] == "Document"
    ]
    for name, prefix in titles.items():
        assert any(t.startswith(prefix) for t in stored_titles), (
            f"{name} was not stored (titles: {stored_titles})"
        )
    assert CYPHER in stored_titles, "the JSONL title was not stored verbatim"
    texts = json.dumps(after, ensure_ascii=False)
    assert SCRIPT in texts
    assert restricted(after, before_ids) == restricted(before, before_ids)

    strict = hospnet(rsettings, "build", "--strict", str(tmp_path / "hostile" / "empty.txt"))
    assert strict.returncode == 3, strict.stdout + strict.stderr
    missing = hospnet(rsettings, "build", str(tmp_path / "no-such-folder"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


CORRUPT_UTF8 = GOOD.encode("utf-8")[:60] + b"\xff" + GOOD.encode("utf-8")[60:]


@pytest.mark.parametrize(
    "name, data",
    [
        pytest.param("corrupt-utf8.txt", CORRUPT_UTF8, id="utf8-with-a-corrupt-byte"),
        pytest.param("brackets.htm", b"<<<>>><html <body <p <<script>>", id="html-with-no-letters"),
    ],
)
def test_a_file_with_no_readable_text_is_refused_or_read_right(rsettings, tmp_path, name, data):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    result = hospnet(rsettings, "build", str(folder))
    assert result.returncode == 0, result.stderr
    titles = [
        r["properties"].get("title", "")
        for r in export(rsettings)
        if r["kind"] == "node" and r["label"] == "Document"
    ]
    refused = str(folder / name) in ledger(rsettings)
    assert refused or (len(titles) == 1 and titles[0].startswith("Bệnh viện Bạch Mai")), titles
