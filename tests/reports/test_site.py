"""The report site: an overview with a tile map of the 34 provinces, the matrix and the ranked gaps; a page per
province and per document; Vietnamese by default and English on request; served by the API under /report/."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape
from fastapi.testclient import TestClient

from hospnet.analysis.gaps import answer
from hospnet.analysis.network import graph_from_records
from hospnet.api.app import create_app
from hospnet.build import build
from hospnet.graph.writer import BatchWriter
from hospnet.model import Node, Relationship
from hospnet.places import places
from hospnet.reports import build_report
from hospnet.reports.site import csp, site_pages, slug
from tests.api.conftest import error_of

EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def _write_evil(store):
    doc = "document:evil-site"
    nodes = [
        Node(
            label="Document",
            id=doc,
            properties={
                "title": "Tin " + EVIL,
                "source": "https://example.org/a?x=<b>",
                "date": "2024-05-01",
            },
        ),
        Node(
            label="Hospital",
            id="hospital:evil-site",
            properties={"name": "Bệnh viện " + EVIL, "level": "district", "province": "Lai Châu"},
        ),
    ]
    rels = [
        Relationship(
            type="SUPPORTS",
            start="hospital:benh-vien-bach-mai",
            start_label="Hospital",
            end="hospital:evil-site",
            end_label="Hospital",
            properties={
                "kinds": ["training"],
                "sources": [doc],
                "evidence": "Bạch Mai hỗ trợ Bệnh viện " + EVIL,
            },
        )
    ]
    BatchWriter(store).write_graph(nodes, rels)
    return doc


@pytest.fixture
def sample(store, settings):
    build(None, store, settings)
    return store, settings, _write_evil(store)


def test_site_pages_on_the_sample(sample, tmp_path):
    store, _, evil_doc = sample
    files = build_report(store, tmp_path / "site")
    root = tmp_path / "site"
    index = files.index.read_text("utf-8")
    tiles = re.findall(r'<a href="provinces/(\d+)\.html" class="tile"', index)
    assert sorted(tiles) == sorted(p.code for p in places()) and len(tiles) == 34
    assert all((root / "provinces" / f"{code}.html").is_file() for code in tiles)
    matrix = index.split('id="matrix"')[1].split("</table>")[0]
    assert matrix.count("<tr>") == 35  # header and one row per province
    assert (
        "Khoảng trống, xếp hạng" in index and "Tỉnh × chuyên khoa" in index
    )  # Vietnamese by default
    without = index.split('id="without"')[1].split("</section>")[0]
    assert (
        "Cà Mau" in without and "Lai Châu" not in without
    )  # the hostile document has Bạch Mai support Lai Châu
    province = (root / "provinces" / "12.html").read_text("utf-8")
    assert f"documents/{slug(evil_doc)}.html" in province and "<details>" in province
    page = (root / "documents" / f"{slug(evil_doc)}.html").read_text("utf-8")
    assert (
        EVIL not in page
        and "<script>alert" not in page
        and "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    )
    assert "<mark>Bạch Mai</mark>" in page and 'href="https://example.org/a?x=&lt;b&gt;"' in page
    assert page.count("<script>") == 1 and str(escape(csp())) in page
    assert len(list((root / "documents").iterdir())) == files.pages - 35


def test_english_site_and_the_api(sample, tmp_path):
    store, settings, _ = sample
    english = build_report(store, tmp_path / "en", lang="en").index.read_text("utf-8")
    assert (
        "Gaps, ranked" in english
        and "Province × specialty" in english
        and "Khoảng trống" not in english
    )
    assert "<th>Specialty</th>" in english or ">Specialty<" in english
    with TestClient(create_app(settings)) as client:
        vi = client.get("/report/index.html")
        assert (
            vi.status_code == 200
            and "Khoảng trống, xếp hạng" in vi.text
            and vi.headers["content-language"] == "vi"
        )
        en = client.get("/report/index.html", headers={"Accept-Language": "en-GB,en;q=0.9"})
        assert "Gaps, ranked" in en.text and 'href="provinces/01.html?lang=en"' in en.text
        assert (
            "Gaps, ranked"
            not in client.get(
                "/report/index.html", params={"lang": "vi"}, headers={"Accept-Language": "en"}
            ).text
        )
        # served, a document page may call this server (its reject buttons), nothing else
        assert csp("'self'") in en.headers["content-security-policy"]
        assert client.get("/report/provinces/12.html", params={"lang": "en"}).status_code == 200
        assert client.get("/report/tables/specialty_gaps_ranked.csv").text.startswith(
            "rank,code,province,specialty"
        )
        error_of(client.get("/report/provinces/99.html"), 404)
        error_of(client.get("/report/index.html", params={"lang": "fr"}), 422)


def test_nothing_missing_is_said():
    """One general central hospital that supports every province: no gap, and the page says so."""
    nodes = [
        Node(
            label="Hospital",
            id="c",
            properties={"name": "Central", "level": "central", "province": "Hà Nội"},
        )
    ]
    nodes += [
        Node(label="Province", id=p.code, properties={"name": p.name, "code": p.code})
        for p in places()
    ]
    rels = [
        Relationship(
            type="SUPPORTS",
            start="c",
            start_label="Hospital",
            end=p.code,
            end_label="Province",
            properties={"kinds": ["training"]},
        )
        for p in places()
    ]
    G = graph_from_records(nodes, rels)
    pages = site_pages(G, answer(G), [])
    assert (
        'id="nothing-missing"' in pages["index.html"] and 'id="without-none"' in pages["index.html"]
    )
    assert 'id="nothing-missing"' in pages["provinces/12.html"]
