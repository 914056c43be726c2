"""The coverage-gap report on the fixture graph: its HTML tables say what its JSON says, it is
self-contained, and document text is escaped."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

import pytest

from hospnet.analysis.network import graph_from_records
from hospnet.model import Node
from hospnet.names import search_key
from hospnet.reports import build_report
from hospnet.reports.html import render_html
from hospnet.reports.tables import display
from tests.fixture_graph import fixture_records, write_fixture

EVIL = "Bệnh viện <script>alert(1)</script>"


class Page(HTMLParser):
    """Tables by id (cells as text, or lists of <li> texts), every src/href/style value, and raw script tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, dict] = {}
        self.attributes: list[str] = []
        self.styles: list[str] = []
        self.scripts = 0
        self.ids: list[str] = []
        self.texts: dict[str, str] = {}  # text of each <p id=…>
        self._p = None
        self._table = None
        self._cell = None
        self._items = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "p" and attrs.get("id"):
            self._p = attrs["id"]
            self.texts[self._p] = ""
        self.attributes += [
            v
            for k, v in attrs.items()
            if k in ("src", "href", "style", "xlink:href", "action") and v
        ]
        if tag == "script":
            self.scripts += 1
        if tag == "style":
            self._in_style = True
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], {"header": [], "rows": []})
        elif self._table is not None and tag == "tr":
            self._table["rows"].append([])
        elif self._table is not None and tag in ("td", "th"):
            self._cell, self._items = [], None
        elif self._cell is not None and tag == "ul":
            self._items = []
        elif self._items is not None and tag == "li":
            self._items.append("")

    def handle_endtag(self, tag):
        if tag == "p":
            self._p = None
        if tag == "style":
            self._in_style = False
        if tag == "table":
            self._table = None
        elif self._table is not None and tag in ("td", "th") and self._cell is not None:
            value = (
                [item.strip() for item in self._items]
                if self._items is not None
                else "".join(self._cell).strip()
            )
            if tag == "th":
                self._table["header"].append(value)
            else:
                self._table["rows"][-1].append(value)
            self._cell, self._items = None, None

    def handle_data(self, data):
        if self._p:
            self.texts[self._p] += data
        if self._in_style:
            self.styles.append(data)
        if self._items is not None and self._items:
            self._items[-1] += data
        elif self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    evil = Node(
        label="Hospital",
        id="hospital:evil",
        properties={
            "name": EVIL,
            "level": "district",
            "province": "Điện Biên",
            "search": search_key(EVIL),
        },
    )
    files = build_report(graph_from_records(*fixture_records((evil,))), out)
    page = Page()
    page.feed(files.html.read_text(encoding="utf-8"))
    return files, page


def _json(files, name):
    return json.loads((files.html.parent / "tables" / f"{name}.json").read_text(encoding="utf-8"))


def test_every_table_in_the_html_matches_its_json(report):
    files, page = report
    names = [t.name for t in files.data.tables]
    assert len(names) == 15 and set(names) <= set(page.tables)
    for name in names:
        table = _json(files, name)
        html = page.tables[name]
        assert html["header"] == table["columns"], name
        rows = [r for r in html["rows"] if r]
        assert rows == [[display(row.get(c)) for c in table["columns"]] for row in table["rows"]], (
            name
        )
        with open(files.html.parent / "tables" / f"{name}.csv", encoding="utf-8") as handle:
            assert len(list(csv.reader(handle))) == len(table["rows"]) + 1
    assert not any(re.search(r"-cut$", i) for i in page.ids), (
        "the fixture's tables are small: nothing is cut"
    )


def test_long_tables_are_cut_on_the_page_and_whole_in_the_files(report):
    """A page shows the first rows and items of a long table, says so, and the JSON keeps them all."""
    files, _ = report
    page = Page()
    page.feed(render_html(files.data, max_rows=2, max_items=1))
    for table in files.data.tables:
        rows = [r for r in page.tables[table.name]["rows"] if r]
        full = [[display(row.get(c)) for c in table.columns] for row in table.rows]
        assert len(rows) == min(2, len(full)), table.name
        for shown, whole in zip(rows, full):
            for cell, value in zip(shown, whole):
                if isinstance(value, list) and len(value) > 1:
                    assert cell == [value[0], f"… {len(value) - 1:,} more"], table.name
                else:
                    assert cell == value, table.name
        if len(full) > 2:
            assert f"{table.name}-cut" in page.ids
            assert f"the first 2 of {len(full):,} rows are shown" in page.texts[f"{table.name}-cut"]


def test_each_of_the_34_provinces_has_a_status_and_its_evidence(report):
    files, page = report
    rows = {r["province"]: r for r in _json(files, "provinces")["rows"]}
    assert len(rows) == 34
    assert {p for p, r in rows.items() if r["status"] == "covered"} == {
        "Hà Nội",
        "Thành phố Hồ Chí Minh",
        "Thanh Hóa",
        "Thái Nguyên",
        "Tây Ninh",
    }
    assert {p for p, r in rows.items() if r["status"] == "partly"} == {"Bắc Ninh", "Cao Bằng"}
    assert rows["Tây Ninh"]["km"] == pytest.approx(65.3, abs=1.0)
    assert any(
        "“Chợ Rẫy chuyển giao cho Tây Ninh.”" in line
        and "Chuyển giao lọc màng bụng, fixture/b.txt, 2025-11-21" in line
        for line in rows["Tây Ninh"]["evidence"]
    )
    gaps = _json(files, "coverage_gaps")["rows"]
    assert [g["province"] for g in gaps][:2] == [
        "Điện Biên",
        "Lạng Sơn",
    ]  # uncovered, with hospitals that reach no central one
    assert gaps[0]["hospitals_without_chain"] == [
        EVIL,
        "Bệnh viện Đa khoa tỉnh Điện Biên",
        "Trung tâm Y tế huyện Mường Ảng",
    ]
    assert [g["status"] for g in gaps[-2:]] == ["partly", "partly"] and len(gaps) == 29
    # The map has one point per province, coloured by the same status.
    html = files.html.read_text(encoding="utf-8")
    assert html.count('class="province"') == 34
    assert re.search(r'data-status="partly">\s*<circle[^>]*fill="#f9a825"', html)


def test_the_page_is_self_contained(report):
    files, page = report
    html = files.html.read_text(encoding="utf-8")
    for value in page.attributes + page.styles:
        assert not re.search(r"https?://|//[a-z]", value, re.IGNORECASE), value
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"url\(", html, re.IGNORECASE) and "@import" not in html
    assert page.scripts == 0


def test_document_text_is_escaped(report):
    files, page = report
    html = files.html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Bệnh viện &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert EVIL in {
        r[0] for r in page.tables["hospitals_without_chain"]["rows"] if r
    }  # and it reads back as the name
    assert "<script>" not in files.markdown.read_text(encoding="utf-8")


def test_markdown_and_legacy_report(tmp_path):
    files = build_report(graph_from_records(*fixture_records()), tmp_path, legacy=True)
    rows = {r["province"]: r for r in _json(files, "provinces")["rows"]}
    assert (
        len(rows) == 63
        and rows["Bắc Kạn"]["status"] == "covered"
        and rows["Bắc Kạn"]["province_2025"] == "Thái Nguyên"
    )
    assert rows["Thái Nguyên"]["status"] == "uncovered"
    md = files.markdown.read_text(encoding="utf-8")
    assert md.startswith("# hospnet coverage-gap report (pre-2025 provinces)")
    assert "| 06 | Bắc Kạn | Thái Nguyên | covered |" in md
    assert files.html.read_text(encoding="utf-8").count('class="province"') == 63


def test_report_from_a_store(store, tmp_path):
    write_fixture(store)
    files = build_report(store, tmp_path)
    assert _json(files, "provinces")["rows"] == json.loads(
        json.dumps(
            list(
                build_report(graph_from_records(*fixture_records()), tmp_path / "again")
                .data.table("provinces")
                .rows
            )
        )
    )
