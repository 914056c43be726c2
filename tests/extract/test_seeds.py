"""The five seed articles, extracted: the facts SCHEMA.md's examples are drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest

from hospnet.evaluate import read_document
from hospnet.extract import extract
from hospnet.model import Extraction
from hospnet.names import make_id

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _seed(prefix: str) -> Extraction:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract(read_document(path))


@pytest.fixture(scope="module")
def seeds() -> dict[str, Extraction]:
    return {p: _seed(p) for p in ("000", "001", "002", "003", "004")}


def _node(x: Extraction, label: str, name: str):
    found = [n for n in x.nodes if n.id == make_id(label, name)]
    assert found, (
        f"no {label} {name!r} in {[n.properties.get('name') for n in x.nodes if n.label == label]}"
    )
    return found[0]


def _rels(x: Extraction, type_: str, start: str, end: str):
    rels = [r for r in x.relationships if r.type == type_ and r.start == start and r.end == end]
    for r in rels:
        assert r.properties["sources"] == [x.document.id]
        assert r.properties["evidence"] and r.properties["evidence"] in x.document.text
    return rels


E = make_id("Hospital", "Bệnh viện E")
THANH_HOA = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Thanh Hóa")
BAC_KAN = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Bắc Kạn")


def test_e_transfers_two_techniques_to_thanh_hoa(seeds):
    x = seeds["000"]
    e = _node(x, "Hospital", "Bệnh viện E")
    assert e.properties["level"] == "central" and e.properties["province"] == "Hà Nội"
    transfers = _rels(x, "TRANSFERS", E, THANH_HOA)
    techniques = {r.properties["technique"] for r in transfers}
    assert techniques == {
        make_id("Technique", "nội soi phế quản ống mềm"),
        make_id("Technique", "lọc màng bụng"),
    }
    assert {r.properties["status"] for r in transfers} == {"planned"}
    support = _rels(x, "SUPPORTS", E, THANH_HOA)
    assert len(support) == 1 and "technique_transfer" in support[0].properties["kinds"]
    _node(x, "Program", "Đề án 1816")


def test_thanh_hoa_supports_nine_district_hospitals(seeds):
    x = seeds["002"]
    districts = [
        "Hậu Lộc",
        "Cẩm Thủy",
        "Ngọc Lặc",
        "Hoằng Hóa",
        "Thọ Xuân",
        "Nông Cống",
        "Vĩnh Lộc",
    ]
    names = [f"Bệnh viện Đa khoa huyện {d}" for d in districts]
    names += ["Bệnh viện Đa khoa thành phố Thanh Hóa", "Bệnh viện Đa khoa Hợp Lực"]
    for name in names:
        hospital = _node(x, "Hospital", name)
        assert hospital.properties["province"] == "Thanh Hóa"
        assert _rels(x, "SUPPORTS", THANH_HOA, hospital.id), name
        assert _rels(
            x,
            "PARTY_TO",
            hospital.id,
            next(r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == hospital.id),
        )
    assert _node(x, "Hospital", "Bệnh viện Đa khoa huyện Hậu Lộc").properties["level"] == "district"
    assert _node(x, "Hospital", "Bệnh viện Đa khoa Hợp Lực").properties["level"] == "private"
    agreements = [n for n in x.nodes if n.label == "Agreement"]
    assert len(agreements) == 9  # one contract per district-level partner
    hau_loc = make_id("Hospital", "Bệnh viện Đa khoa huyện Hậu Lộc")
    contract = [r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == hau_loc]
    assert next(n for n in agreements if n.id == contract[0]).properties["date"] == "2022-09-29"


def test_bach_mai_supports_an_giang_province(seeds):
    x = seeds["003"]
    province = _node(x, "Province", "An Giang")
    assert province.properties["code"] == "91"
    support = _rels(x, "SUPPORTS", make_id("Hospital", "Bệnh viện Bạch Mai"), province.id)
    assert support and "epidemic_response" in support[0].properties["kinds"]
    assert support[0].properties["program"] == make_id("Program", "Quyết định 5500/QĐ-BYT")
    program = _node(x, "Program", "Quyết định 5500/QĐ-BYT")
    assert program.properties["code"] == "5500/QĐ-BYT" and program.properties["year"] == 2021
    regional = _node(x, "Hospital", "Bệnh viện Đa khoa Khu vực Tân Châu")
    assert regional.properties["province"] == "An Giang"  # Tân Châu of An Giang, not of Tây Ninh


def test_bac_kan_refers_to_e_and_signs_with_it(seeds):
    x = seeds["001"]
    bac_kan = _node(x, "Hospital", "Bệnh viện Đa khoa tỉnh Bắc Kạn")
    assert bac_kan.properties["province"] == "Thái Nguyên"
    assert bac_kan.properties["legacy_province"] == "Bắc Kạn"
    assert "BVĐK tỉnh Bắc Kạn" in bac_kan.properties["aliases"]
    assert _rels(x, "REFERS_TO", BAC_KAN, E)
    assert _rels(x, "SUPPORTS", E, BAC_KAN)
    theirs = {r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == BAC_KAN}
    ours = {r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == E}
    assert theirs & ours, "Bắc Kạn and E are parties to one agreement"
    # The techniques Bắc Kạn only asked for are not transferred.
    assert not [r for r in x.relationships if r.type == "TRANSFERS"]


def test_positions(seeds):
    x = seeds["001"]
    luan = _node(x, "Person", "Lê Đức Luận")
    titles = {
        r.properties["title"]
        for r in _rels(x, "HOLDS_POSITION", luan.id, make_id("Organization", "Bộ Y tế"))
    }
    assert titles == {"Thứ trưởng"}
    huu = _node(x, "Person", "Nguyễn Công Hựu")
    assert huu.properties["titles"] == ["TS", "BS"]
    assert {r.properties["title"] for r in _rels(x, "HOLDS_POSITION", huu.id, E)} == {"Giám đốc"}
    tuan = _node(seeds["000"], "Person", "Nguyễn Minh Tuấn")
    titles = {r.properties["title"] for r in _rels(seeds["000"], "HOLDS_POSITION", tuan.id, E)}
    assert "Trưởng khoa Nội thận tiết niệu và lọc máu" in titles  # the sub-unit stays in the title
    sy = _node(seeds["002"], "Person", "Lê Văn Sỹ")
    assert sy.properties["titles"] == ["TTND", "BSCKII"]


def test_institute_and_health_department_agreement(seeds):
    x = seeds["004"]
    institute = _node(x, "Organization", "Viện Trang thiết bị và Công trình y tế")
    department = _node(x, "Organization", "Sở Y tế Thái Nguyên")
    assert (
        institute.properties["kind"] == "institute"
        and department.properties["kind"] == "health_department"
    )
    a = {r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == institute.id}
    b = {r.end for r in x.relationships if r.type == "PARTY_TO" and r.start == department.id}
    assert a and a == b
    for r in x.relationships:
        if r.type == "PARTY_TO":
            _rels(x, "PARTY_TO", r.start, r.end)
    # Bộ Y tế is the institute's parent here, not a party; and an Organization never SUPPORTS.
    assert not [
        r
        for r in x.relationships
        if r.type == "PARTY_TO" and r.start == make_id("Organization", "Bộ Y tế")
    ]
    assert not [r for r in x.relationships if r.type == "SUPPORTS"]


def test_every_node_has_one_first_mention(seeds):
    for x in seeds.values():
        mentioned = [r.start for r in x.relationships if r.type == "MENTIONED_IN"]
        assert len(mentioned) == len(set(mentioned))
        assert set(mentioned) == {n.id for n in x.nodes}
        for r in x.relationships:
            if r.type == "MENTIONED_IN":
                assert r.end == x.document.id
                assert r.properties["sentence"] in x.document.text
