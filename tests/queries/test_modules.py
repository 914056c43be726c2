"""Every query module, run on the fixture graph (tests/fixture_graph.py) on both stores, against rows written out."""

from __future__ import annotations

import pytest

from hospnet import queries
from tests.fixture_graph import write_fixture

BACH_MAI = "Bệnh viện Bạch Mai"
E = "Bệnh viện E"
CHO_RAY = "Bệnh viện Chợ Rẫy"
THANH_HOA = "Bệnh viện Đa khoa tỉnh Thanh Hóa"
HAU_LOC = "Bệnh viện Đa khoa huyện Hậu Lộc"
TAY_NINH = "Bệnh viện Đa khoa tỉnh Tây Ninh"


@pytest.fixture
def fixture_store(store):
    write_fixture(store)
    return store


def rows(store, module, /, **params):
    """Rows of a module; lists built by collect() are sorted, since Cypher promises no order inside them."""
    out = queries.run(store, module, params)
    for row in out:
        for key in ("supporters", "supported", "techniques_received", "parties"):
            if isinstance(row.get(key), list):
                row[key] = sorted(row[key])
    return out


def test_every_module_has_a_header_and_a_test():
    tested = {name[len("test_") :] for name in globals() if name.startswith("test_")}
    for module in queries.modules().values():
        assert module.title and module.description and module.example, module.name
        assert all(p.example not in (None, "") and p.description for p in module.params), (
            module.name
        )
        assert module.name in tested, f"query module {module.name} has no test here"


def test_hospital_profile(fixture_store):
    """The one profile read: what GET /hospitals/{id} answers, `hospnet query run` prints and Browser shows."""
    (row,) = queries.run(
        fixture_store, "hospital_profile", {"id": "hospital:benh-vien-da-khoa-tinh-thanh-hoa"}
    )
    assert (row["name"], row["level"], row["province"]) == (THANH_HOA, "provincial", "Thanh Hóa")
    assert [(s["name"], s["kinds"], s["date"]) for s in row["supporters"]] == [
        (BACH_MAI, ["training", "technique_transfer"], "2019"),
        (E, ["technique_transfer"], None),
    ]
    assert [s["name"] for s in row["supported"]] == [HAU_LOC]
    assert [(t["name"], t["technique"], t["status"]) for t in row["transfers_in"]] == [
        (E, "lọc màng bụng", "planned")
    ]
    assert [(t["name"], t["technique"]) for t in row["transfers_out"]] == [
        (HAU_LOC, "nội soi phế quản ống mềm")
    ]
    assert [t["name"] for t in row["techniques"]] == ["nội soi phế quản ống mềm"]
    assert [(p["name"], p["title"]) for p in row["people"]] == [("Nguyễn Minh Tuấn", "Giám đốc")]
    assert (row["sources"], row["sources_total"]) == ([], 0)  # the fixture writes no mentions
    assert rows(fixture_store, "hospital_profile", id="hospital:nowhere") == []


def test_supporters(fixture_store):
    by_hospital = rows(
        fixture_store, "supporters", name="bvdk thanh hoa"
    )  # an alias, typed without diacritics
    assert [(r["supporter"], r["supported"]) for r in by_hospital] == [
        (BACH_MAI, THANH_HOA),
        (E, THANH_HOA),
    ]
    by_province = rows(fixture_store, "supporters", name="thanh hoa")
    assert by_province == [
        {
            "supporter": BACH_MAI,
            "supporter_level": "central",
            "supported": THANH_HOA,
            "kinds": ["training", "technique_transfer"],
            "evidence": "Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
        },
        {
            "supporter": E,
            "supporter_level": "central",
            "supported": THANH_HOA,
            "kinds": ["technique_transfer"],
            "evidence": "Bệnh viện E chuyển giao lọc màng bụng cho Thanh Hóa.",
        },
        {
            "supporter": THANH_HOA,
            "supporter_level": "provincial",
            "supported": HAU_LOC,
            "kinds": ["training", "consultation", "technique_transfer"],
            "evidence": "Thanh Hóa hỗ trợ Hậu Lộc.",
        },
    ]
    # Support sent to the province itself (Bắc Ninh) counts too.
    assert [
        (r["supporter"], r["supported"], r["kinds"])
        for r in rows(fixture_store, "supporters", name="bac ninh")
    ] == [(BACH_MAI, "Bắc Ninh", ["epidemic_response"])]


def test_transfers_from(fixture_store):
    assert rows(fixture_store, "transfers_from", id="hospital:benh-vien-cho-ray") == [
        {
            "technique": "can thiệp mạch vành",
            "to": TAY_NINH,
            "date": "2024-03-15",
            "status": "done",
            "sources": ["document:fixture-b"],
        },
        {
            "technique": "lọc màng bụng",
            "to": TAY_NINH,
            "date": "2024-09-01",
            "status": "in_progress",
            "sources": ["document:fixture-b"],
        },
    ]


def test_province_techniques(fixture_store):
    assert rows(fixture_store, "province_techniques", province="thanh hoa") == [
        {
            "province": "Thanh Hóa",
            "technique": "nội soi phế quản ống mềm",
            "specialty": "hô hấp",
            "from_hospital": THANH_HOA,
            "to_hospital": HAU_LOC,
            "status": "done",
            "date": "2023-05-10",
        },
        {
            "province": "Thanh Hóa",
            "technique": "lọc màng bụng",
            "specialty": "thận",
            "from_hospital": E,
            "to_hospital": THANH_HOA,
            "status": "planned",
            "date": "2025-11-21",
        },
    ]
    assert rows(fixture_store, "province_techniques", province="dien bien") == []


def test_support_chains(fixture_store):
    chains = rows(fixture_store, "support_chains", id="hospital:trung-tam-y-te-huyen-cho-moi")
    assert chains == [
        {
            "central": BACH_MAI,
            "hops": 2,
            "chain": ["Trung tâm Y tế huyện Chợ Mới", "Bệnh viện Đa khoa tỉnh Bắc Kạn", BACH_MAI],
            "steps": ["SUPPORTS", "SUPPORTS"],
        }
    ]
    hau_loc = rows(fixture_store, "support_chains", id="hospital:benh-vien-da-khoa-huyen-hau-loc")
    assert sorted((r["central"], r["hops"], tuple(r["steps"])) for r in hau_loc) == [
        (BACH_MAI, 2, ("REFERS_TO", "SUPPORTS")),
        (BACH_MAI, 2, ("SUPPORTS", "SUPPORTS")),
        (E, 2, ("REFERS_TO", "SUPPORTS")),
        (E, 2, ("SUPPORTS", "SUPPORTS")),
    ]
    # Mường Ảng refers to Điện Biên, which nobody supports: no chain.
    assert rows(fixture_store, "support_chains", id="hospital:trung-tam-y-te-huyen-muong-ang") == []


def test_provinces_without_central_supporter(fixture_store):
    # Hà Nội and Hồ Chí Minh host central hospitals, so they have central support (analysis/gaps.py).
    assert rows(fixture_store, "provinces_without_central_supporter") == [
        {"code": "04", "province": "Cao Bằng"},
        {"code": "11", "province": "Điện Biên"},
        {"code": "20", "province": "Lạng Sơn"},
    ]


def test_single_supporter_hospitals(fixture_store):
    assert [
        (r["hospital"], r["supporter"]) for r in rows(fixture_store, "single_supporter_hospitals")
    ] == [
        (HAU_LOC, THANH_HOA),
        ("Bệnh viện Đa khoa tỉnh Bắc Kạn", BACH_MAI),
        ("Bệnh viện Đa khoa tỉnh Cao Bằng", "Bệnh viện Đa khoa tỉnh Lạng Sơn"),
        (TAY_NINH, CHO_RAY),
        ("Trung tâm Y tế huyện Chợ Mới", "Bệnh viện Đa khoa tỉnh Bắc Kạn"),
    ]


def test_agreements_under_program(fixture_store):
    assert rows(fixture_store, "agreements_under_program", program="de an 1816") == [
        {
            "program": "Đề án 1816",
            "agreement": "Hợp đồng hỗ trợ chuyên môn 2022",
            "date": "2022-03-01",
            "kind": "support_contract",
            "parties": [HAU_LOC, THANH_HOA],
        },
    ]


def test_person_positions(fixture_store):
    found = rows(fixture_store, "person_positions", name="minh tuan")
    assert sorted(found, key=lambda r: r["kind"]) == [
        {
            "person": "Nguyễn Minh Tuấn",
            "kind": "position",
            "what": "Giám đốc",
            "at": THANH_HOA,
            "date": "2023-05-12",
        },
        {
            "person": "Nguyễn Minh Tuấn",
            "kind": "signature",
            "what": "Hợp đồng hỗ trợ chuyên môn 2022",
            "at": THANH_HOA,
            "date": "2022-03-01",
        },
    ]


def test_relationship_documents(fixture_store):
    assert rows(
        fixture_store,
        "relationship_documents",
        start="hospital:benh-vien-bach-mai",
        end="hospital:benh-vien-da-khoa-tinh-thanh-hoa",
        type="SUPPORTS",
    ) == [
        {
            "type": "SUPPORTS",
            "technique": None,
            "evidence": "Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
            "own": True,
            "document": "document:fixture-a",
            "title": "Thanh Hóa nhận chuyển giao kỹ thuật",
            "date": "2023-05-12",
            "source": "fixture/a.txt",
        },
    ]
    transfers = rows(
        fixture_store,
        "relationship_documents",
        start="hospital:benh-vien-cho-ray",
        end="hospital:benh-vien-da-khoa-tinh-tay-ninh",
        type="TRANSFERS",
    )
    assert [(r["technique"], r["document"]) for r in transfers] == [
        ("technique:can-thiep-mach-vanh", "document:fixture-b"),
        ("technique:loc-mang-bung", "document:fixture-b"),
    ]
    assert (
        rows(
            fixture_store,
            "relationship_documents",
            start="hospital:benh-vien-cho-ray",
            end="hospital:benh-vien-da-khoa-tinh-tay-ninh",
            type="REFERS_TO",
        )
        == []
    )


def test_transfers_by_year(fixture_store):
    assert rows(fixture_store, "transfers_by_year") == [
        {"province": "Thanh Hóa", "year": "2023", "transfers": 1, "done": 1},
        {"province": "Thanh Hóa", "year": "2025", "transfers": 1, "done": 0},
        {"province": "Tây Ninh", "year": "2024", "transfers": 2, "done": 1},
    ]


def test_hubs_by_units_supported(fixture_store):
    assert [
        (r["hospital"], r["units"], r["transfers"])
        for r in rows(fixture_store, "hubs_by_units_supported")
    ] == [
        (BACH_MAI, 3, 0),
        (CHO_RAY, 1, 2),
        (E, 1, 1),
        ("Bệnh viện Đa khoa tỉnh Bắc Kạn", 1, 0),
        ("Bệnh viện Đa khoa tỉnh Lạng Sơn", 1, 0),
        (THANH_HOA, 1, 1),
    ]
    assert len(rows(fixture_store, "hubs_by_units_supported", limit=2)) == 2


def test_technique_coverage_by_specialty(fixture_store):
    # The planned transfer of lọc màng bụng to Thanh Hóa does not count; the one in progress to Tây Ninh does.
    assert rows(fixture_store, "technique_coverage_by_specialty") == [
        {"specialty": "hô hấp", "techniques": 1, "hospitals": 3, "provinces": 2},
        {"specialty": "thận", "techniques": 1, "hospitals": 2, "provinces": 2},
        {"specialty": "tim mạch", "techniques": 1, "hospitals": 2, "provinces": 2},
    ]


def test_search_names(fixture_store):
    assert rows(fixture_store, "search_names", q="bach mai") == [
        {"id": "hospital:benh-vien-bach-mai", "label": "Hospital", "name": BACH_MAI}
    ]
    assert rows(fixture_store, "search_names", q="Thanh Hoá") == [
        {"id": "province:thanh-hoa", "label": "Province", "name": "Thanh Hóa"},
        {"id": "hospital:benh-vien-da-khoa-tinh-thanh-hoa", "label": "Hospital", "name": THANH_HOA},
    ]
    # A pre-2025 province name finds the 2025 province and the hospital named for it.
    assert [r["id"] for r in rows(fixture_store, "search_names", q="bac kan")] == [
        "province:thai-nguyen",
        "hospital:benh-vien-da-khoa-tinh-bac-kan",
    ]


def test_neighbourhood(fixture_store):
    assert rows(fixture_store, "neighbourhood", id="hospital:benh-vien-da-khoa-tinh-tay-ninh") == [
        {
            "type": "LOCATED_IN",
            "direction": "out",
            "other_id": "province:tay-ninh",
            "other_label": "Province",
            "other_name": "Tây Ninh",
            "evidence": None,
        },
        {
            "type": "SUPPORTS",
            "direction": "in",
            "other_id": "hospital:benh-vien-cho-ray",
            "other_label": "Hospital",
            "other_name": CHO_RAY,
            "evidence": "Chợ Rẫy chuyển giao cho Tây Ninh.",
        },
        {
            "type": "TRANSFERS",
            "direction": "in",
            "other_id": "hospital:benh-vien-cho-ray",
            "other_label": "Hospital",
            "other_name": CHO_RAY,
            "evidence": "Tây Ninh nhận can thiệp mạch vành.",
        },
        {
            "type": "TRANSFERS",
            "direction": "in",
            "other_id": "hospital:benh-vien-cho-ray",
            "other_label": "Hospital",
            "other_name": CHO_RAY,
            "evidence": "Tây Ninh đang nhận lọc màng bụng.",
        },
    ]
    assert [
        r["other_id"] for r in rows(fixture_store, "neighbourhood", id="person:nguyen-minh-tuan")
    ] == ["hospital:benh-vien-da-khoa-tinh-thanh-hoa", "agreement:thanh-hoa-hau-loc-2022"]


def test_variants_answer_like_the_main_form(fixture_store):
    """A module with a `// variant: falkordb` form is run in that form on FalkorDB; each test above holds on both stores."""
    for module in queries.modules().values():
        assert set(module.variants) <= {"falkordb", "neo4j"}, module.name
        assert module.text_for(fixture_store.name) == module.variants.get(
            fixture_store.name, module.cypher
        )


def test_document_sentences(fixture_store):
    """The read behind GET /documents/{id}: a mention is listed once, evidence with both ends."""
    (row,) = queries.run(fixture_store, "document_sentences", {"id": "document:fixture-a"})
    assert row["title"] == "Thanh Hóa nhận chuyển giao kỹ thuật"
    mentions = [(m["text"], m["node"]) for m in row["mentions"]]
    assert mentions and len(mentions) == len(set(mentions))
    supports = [e for e in row["evidence"] if e["via"] == "SUPPORTS"]
    assert {
        "text": "Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
        "via": "SUPPORTS",
        "node": BACH_MAI,
        "other": THANH_HOA,
        "own": True,  # its one source: a graph with no `source_evidence` still quotes its own
    } in supports
    assert rows(fixture_store, "document_sentences", id="document:khong-co") == []


def test_hospitals_by_province(fixture_store):
    counted = rows(fixture_store, "hospitals_by_province")
    assert {"province": "Thanh Hóa", "hospitals": 2} in counted
    assert [r["hospitals"] for r in counted] == sorted(
        (r["hospitals"] for r in counted), reverse=True
    )
    everyone = fixture_store.read(
        "MATCH (h:Hospital) WHERE h.province IS NOT NULL RETURN count(h) AS n"
    )[0]["n"]
    assert sum(r["hospitals"] for r in counted) == everyone


def test_hospital_search(fixture_store):
    """The read behind GET /hospitals: every filter optional, one row of total and a page of items."""
    (everything,) = rows(fixture_store, "hospital_search")
    assert everything["total"] == 12 == len(everything["items"])
    names = [h["name"] for h in everything["items"]]
    assert names == sorted(names)
    (page,) = rows(fixture_store, "hospital_search", offset=10, limit=5)
    assert page["total"] == 12 and page["items"] == everything["items"][10:]
    (bach_mai,) = rows(fixture_store, "hospital_search", q="bach mai")
    assert [h["name"] for h in bach_mai["items"]] == [BACH_MAI]
    (filtered,) = rows(fixture_store, "hospital_search", province="Thanh Hóa", level="provincial")
    assert [h["name"] for h in filtered["items"]] == [THANH_HOA]
    (none,) = rows(fixture_store, "hospital_search", q="khong co benh vien nay")
    assert none == {"total": 0, "items": []}
    module = queries.get("hospital_search")
    assert {p.name for p in module.params if p.optional} == {"q", "province", "level"}


def test_document_search(fixture_store):
    """The read behind GET /documents: newest first, every filter optional, the total with the page."""
    (everything,) = rows(fixture_store, "document_search")
    dates = [d["date"] for d in everything["items"]]
    assert everything["total"] == len(everything["items"]) >= 3 and dates == sorted(
        dates, reverse=True
    )
    (page,) = rows(fixture_store, "document_search", offset=1, limit=1)
    assert page["total"] == everything["total"] and page["items"] == everything["items"][1:2]
    (a,) = rows(fixture_store, "document_search", q="thanh hóa nhận")
    assert [d["id"] for d in a["items"]] == ["document:fixture-a"]
    (none,) = rows(fixture_store, "document_search", date_from="2999")
    assert none == {"total": 0, "items": []}


def _search(store, module, **params):
    (row,) = rows(store, module, **params)
    return row


def test_person_search(fixture_store):
    everyone = _search(fixture_store, "person_search")
    assert everyone["total"] == len(everyone["items"]) > 0
    (tuan,) = _search(fixture_store, "person_search", q="nguyen minh tuan")["items"]
    assert tuan["name"] == "Nguyễn Minh Tuấn"
    assert {
        "title": "Giám đốc",
        "at_id": "hospital:benh-vien-da-khoa-tinh-thanh-hoa",
        "at": THANH_HOA,
    } in tuan["positions"]
    assert _search(fixture_store, "person_search", q="khong co ai") == {"total": 0, "items": []}


def test_technique_search(fixture_store):
    every = _search(fixture_store, "technique_search")
    assert every["total"] == len(every["items"]) > 0
    (loc,) = _search(fixture_store, "technique_search", q="loc mang bung")["items"]
    assert loc["name"] == "lọc màng bụng" and loc["transfers"] >= 1
    page = _search(fixture_store, "technique_search", offset=1, limit=1)
    assert page["total"] == every["total"] and page["items"] == every["items"][1:2]


def test_program_search(fixture_store):
    every = _search(fixture_store, "program_search")
    assert every["total"] == len(every["items"]) > 0
    code = next(p["code"] for p in every["items"] if p["code"])
    by_code = _search(fixture_store, "program_search", q="khong co", code=code)
    assert [p["code"] for p in by_code["items"]] == [code]


TAY_NINH_ID = "hospital:benh-vien-da-khoa-tinh-tay-ninh"
CHO_RAY_ID = "hospital:benh-vien-cho-ray"


def test_nodes_by_id(fixture_store):
    found = rows(
        fixture_store,
        "nodes_by_id",
        ids=[TAY_NINH_ID, "province:tay-ninh", "document:fixture-a", "hospital:khong-co"],
    )
    assert sorted(found, key=lambda r: r["id"]) == [
        {
            "id": "document:fixture-a",
            "name": "Thanh Hóa nhận chuyển giao kỹ thuật",
            "label": "Document",
        },
        {"id": TAY_NINH_ID, "name": TAY_NINH, "label": "Hospital"},
        {"id": "province:tay-ninh", "name": "Tây Ninh", "label": "Province"},
    ]


def test_steps_out(fixture_store):
    assert rows(fixture_store, "steps_out", ids=[TAY_NINH_ID]) == [
        {"node": TAY_NINH_ID, "next": "province:tay-ninh", "type": "LOCATED_IN"}
    ]
    # Bạch Mai is MENTIONED_IN document A: a document is no step
    out_of_bach_mai = rows(fixture_store, "steps_out", ids=["hospital:benh-vien-bach-mai"])
    assert out_of_bach_mai and "document:fixture-a" not in {r["next"] for r in out_of_bach_mai}


def test_steps_in(fixture_store):
    found = rows(fixture_store, "steps_in", ids=[TAY_NINH_ID, "province:tay-ninh"])
    assert sorted((r["node"], r["next"], r["type"]) for r in found) == [
        (TAY_NINH_ID, CHO_RAY_ID, "SUPPORTS"),
        (TAY_NINH_ID, CHO_RAY_ID, "TRANSFERS"),
        (TAY_NINH_ID, CHO_RAY_ID, "TRANSFERS"),
        ("province:tay-ninh", TAY_NINH_ID, "LOCATED_IN"),
    ]
