"""The read endpoints answer from the store, on both stores, with the fixture graph's known facts."""

from __future__ import annotations

from hospnet.analysis.coverage import province_coverage
from hospnet.analysis.network import read_graph
from hospnet.model import Link, LinkFacts, SupportEvidence
from hospnet.graph.writer import BatchWriter
from hospnet.model import Relationship
from tests.api.conftest import error_of
from tests.fixture_graph import (
    BACH_MAI,
    CAO_BANG,
    DOC_A,
    DOC_B,
    DOC_C,
    E,
    HAU_LOC,
    LANG_SON,
    THANH_HOA,
)


def test_stats_reports_counts(client, graph):
    assert client.get("/health").json()["status"] == "ok"
    body = client.get("/stats").json()
    assert body["store"] == graph.name
    assert body["nodes"]["Hospital"] == 12
    assert body["relationships"]["TRANSFERS"] == 4


def test_hospital_search_without_diacritics(client):
    body = client.get("/hospitals", params={"q": "bach mai"}).json()
    assert body["total"] == 1
    assert body["items"][0]["id"] == BACH_MAI
    assert body["items"][0]["name"] == "Bệnh viện Bạch Mai"
    assert client.get("/hospitals", params={"q": "BẠCH MAI"}).json()["total"] == 1


def test_hospital_filters_by_province_and_level(client):
    body = client.get("/hospitals", params={"province": "thanh hoa"}).json()
    assert {h["id"] for h in body["items"]} == {THANH_HOA, HAU_LOC}
    body = client.get("/hospitals", params={"province": "38", "level": "district"}).json()
    assert [h["id"] for h in body["items"]] == [HAU_LOC]
    # a pre-2025 province name finds the hospitals that keep it as legacy_province
    body = client.get("/hospitals", params={"province": "Bac Kan"}).json()
    assert body["total"] == 2 and all(h["legacy_province"] == "Bắc Kạn" for h in body["items"])
    assert client.get("/hospitals", params={"level": "central"}).json()["total"] == 3


def test_an_unknown_province_is_refused_not_answered_with_nothing(client):
    message = error_of(client.get("/hospitals", params={"province": "Narnia"}), 422)["message"]
    assert message.startswith("no province named 'Narnia'")
    error_of(client.get("/provinces/Narnia/coverage"), 404)
    assert client.get("/hospitals", params={"province": "TP.HCM"}).status_code == 200


def test_hospital_pagination(client):
    whole = client.get("/hospitals", params={"limit": 500}).json()
    assert whole["total"] == 12 and len(whole["items"]) == 12
    first = client.get("/hospitals", params={"limit": 5, "offset": 0}).json()
    second = client.get("/hospitals", params={"limit": 5, "offset": 5}).json()
    last = client.get("/hospitals", params={"limit": 5, "offset": 10}).json()
    assert (first["total"], first["limit"], first["offset"]) == (12, 5, 0)
    pages = first["items"] + second["items"] + last["items"]
    assert [h["id"] for h in pages] == [h["id"] for h in whole["items"]]
    assert len(last["items"]) == 2


def test_hospital_profile_is_the_query_module(client):
    """GET /hospitals/{id} answers the hospital_profile module's row (one read, not two)."""
    api = client.get(f"/hospitals/{THANH_HOA}", params={"sources_limit": 1}).json()
    (row,) = client.get(
        "/queries/hospital_profile", params={"id": THANH_HOA, "sources_limit": 1}
    ).json()["rows"]
    parts = ("supporters", "supported", "transfers_in", "transfers_out", "techniques", "people")
    for part in (*parts, "agreements", "sources"):
        assert [x["id"] for x in api[part]] == [x["id"] for x in row[part]], part
    assert api["sources_total"] == row["sources_total"]
    assert [t["technique"] for t in api["transfers_in"]] == [
        t["technique"] for t in row["transfers_in"]
    ]
    # one model of a link's facts: a hospital's links and a province's evidence share it
    assert {s["relationship"] for s in api["supporters"]} == {"SUPPORTS"}
    assert {t["relationship"] for t in api["transfers_in"]} == {"TRANSFERS"}
    facts = set(LinkFacts.model_fields)
    assert facts <= set(Link.model_fields) and facts <= set(SupportEvidence.model_fields)
    coverage = client.get("/coverage", params={"limit": 1}).json()
    evidence = [e for p in coverage["provinces"] for e in p["evidence"]]
    assert evidence and all(facts <= set(e) for e in evidence)


def test_coverage_serves_the_analysis_evidence_as_it_is(client, graph):
    """The analysis, the report and /coverage share one SupportEvidence: the API sends the analysis's
    records, without the places and specialty only the analyses read."""
    analysed = [
        e.model_dump(mode="json")
        for c in province_coverage(read_graph(graph, mentions=False))
        for e in c.evidence
    ]
    served = [e for p in client.get("/coverage").json()["provinces"] for e in p["evidence"]]
    assert served == analysed and len(served) > 5
    assert not {"supporter_places", "target_places", "specialty"} & {k for e in served for k in e}
    schema = client.get("/openapi.json").json()["components"]["schemas"]["SupportEvidence"]
    assert set(schema["properties"]) == set(served[0])


def test_hospital_profile(client):
    body = client.get(f"/hospitals/{THANH_HOA}").json()
    assert body["name"] == "Bệnh viện Đa khoa tỉnh Thanh Hóa"
    assert {s["id"] for s in body["supporters"]} == {BACH_MAI, E}
    bach_mai = next(s for s in body["supporters"] if s["id"] == BACH_MAI)
    assert set(bach_mai["kinds"]) == {"training", "technique_transfer"}
    assert bach_mai["evidence"] and bach_mai["sources"] == [DOC_A]
    assert [s["id"] for s in body["supported"]] == [HAU_LOC]
    assert [(t["id"], t["technique"], t["status"]) for t in body["transfers_in"]] == [
        (E, "lọc màng bụng", "planned")
    ]
    assert [(t["id"], t["technique"]) for t in body["transfers_out"]] == [
        (HAU_LOC, "nội soi phế quản ống mềm")
    ]
    assert [t["name"] for t in body["techniques"]] == ["nội soi phế quản ống mềm"]
    assert [(p["name"], p["title"]) for p in body["people"]] == [("Nguyễn Minh Tuấn", "Giám đốc")]
    assert [a["title"] for a in body["agreements"]] == ["Hợp đồng hỗ trợ chuyên môn 2022"]
    assert [d["id"] for d in body["sources"]] == [] and body["sources_total"] == 0


def test_hospital_profile_lists_the_newest_sources_and_counts_all(client, graph):
    BatchWriter(graph).write_graph(
        [],
        [
            Relationship(
                type="MENTIONED_IN",
                start=THANH_HOA,
                start_label="Hospital",
                end=doc,
                end_label="Document",
                properties={"sentence": "…", "start": 0, "end": 1},
            )
            for doc in (DOC_A, DOC_B, DOC_C)
        ],
    )
    whole = client.get(f"/hospitals/{THANH_HOA}").json()
    newest = client.get(f"/hospitals/{THANH_HOA}", params={"sources_limit": 1}).json()
    assert [d["id"] for d in whole["sources"]] == [DOC_B, DOC_A, DOC_C]  # newest first
    assert newest["sources"] == whole["sources"][:1]
    assert newest["sources_total"] == whole["sources_total"] == 3
    error_of(client.get(f"/hospitals/{THANH_HOA}", params={"sources_limit": -1}), 422)


def test_unknown_hospital_is_404(client):
    assert error_of(client.get("/hospitals/hospital:khong-co"), 404)["code"] == "not_found"


def test_people_techniques_programs(client):
    people = client.get("/people", params={"q": "tuan"}).json()
    assert people["total"] == 1
    assert people["items"][0]["positions"] == [
        {"title": "Giám đốc", "at_id": THANH_HOA, "at": "Bệnh viện Đa khoa tỉnh Thanh Hóa"}
    ]
    techniques = {t["name"]: t for t in client.get("/techniques").json()["items"]}
    assert techniques["lọc màng bụng"]["transfers"] == 2
    assert techniques["lọc màng bụng"]["hospitals"] == 1
    assert client.get("/techniques", params={"q": "loc mang"}).json()["total"] == 1
    programs = client.get("/programs", params={"q": "1816"}).json()
    assert [(p["name"], p["agreements"]) for p in programs["items"]] == [("Đề án 1816", 1)]


def test_provinces_and_coverage(client):
    provinces = client.get("/provinces", params={"limit": 500}).json()
    assert provinces["total"] == 34
    by_name = {p["name"]: p for p in provinces["items"]}
    assert by_name["Thanh Hóa"]["hospitals"] == 2 and by_name["Lào Cai"]["hospitals"] == 0
    thanh_hoa = client.get("/provinces/38/coverage").json()
    assert thanh_hoa["status"] == "covered"
    assert set(thanh_hoa["central_supporters"]) == {"Bệnh viện Bạch Mai", "Bệnh viện E"}
    assert any(e["documents"] and e["evidence"] for e in thanh_hoa["evidence"])
    assert client.get("/provinces/Thanh%20Hoa/coverage").json()["code"] == "38"
    error_of(client.get("/provinces/99/coverage"), 404)
    summary = client.get("/coverage").json()
    assert sum(summary["counts"].values()) == 34
    assert "Điện Biên" in summary["uncovered"]
    assert "Thanh Hóa" not in summary["uncovered"] + summary["partly"]


def test_shortest_path(client):
    body = client.get("/paths", params={"from": E, "to": HAU_LOC}).json()
    assert body["found"] and body["length"] == 2
    assert [n["id"] for n in body["nodes"]] == [E, THANH_HOA, HAU_LOC]
    # direction does not matter
    back = client.get("/paths", params={"from": HAU_LOC, "to": E}).json()
    assert [n["id"] for n in back["nodes"]] == [HAU_LOC, THANH_HOA, E]
    assert client.get("/paths", params={"from": LANG_SON, "to": CAO_BANG}).json()["length"] == 1
    assert client.get(
        "/paths", params={"from": LANG_SON, "to": BACH_MAI, "max_depth": 1}
    ).json() == {"found": False, "length": None, "nodes": [], "relationships": []}
    error_of(client.get("/paths", params={"from": "hospital:khong-co", "to": E}), 404)
    error_of(client.get("/paths", params={"from": E}), 422)


def test_document_with_its_sentences(client):
    body = client.get(f"/documents/{DOC_A}").json()
    assert body["title"] == "Thanh Hóa nhận chuyển giao kỹ thuật"
    vias = {s["via"] for s in body["sentences"]}
    assert "MENTIONED_IN" in vias and "SUPPORTS" in vias
    assert all(s["text"] for s in body["sentences"])
    error_of(client.get("/documents/document:khong-co"), 404)


def test_query_modules(client):
    names = {q["name"] for q in client.get("/queries").json()}
    assert {"search_names", "transfers_from"} <= names
    rows = client.get("/queries/transfers_from", params={"id": E}).json()
    assert rows["rows"] == [
        {
            "technique": "lọc màng bụng",
            "to": "Bệnh viện Đa khoa tỉnh Thanh Hóa",
            "date": "2025-11-21",
            "status": "planned",
            "sources": ["document:fixture-b"],
        }
    ]
    assert error_of(client.get("/queries/khong-co"), 404)["code"] == "query_not_found"
    assert error_of(client.get("/queries/transfers_from"), 422)["code"] == "bad_parameter"
    assert (
        error_of(client.get("/queries/transfers_from", params={"id": E, "other": "1"}), 422)["code"]
        == "bad_parameter"
    )


def test_cypher_read_only(client):
    rows = client.get("/cypher", params={"query": "MATCH (h:Hospital) RETURN count(h) AS n"}).json()
    assert rows == {
        "rows": [{"n": 12}],
        "count": 1,
        "total": 1,
        "limit": 50,
        "offset": 0,
        "truncated": False,
    }
    posted = client.post(
        "/cypher",
        json={"query": "MATCH (h:Hospital {id: $id}) RETURN h.name AS name", "params": {"id": E}},
    ).json()
    assert posted["rows"] == [{"name": "Bệnh viện E"}]
    assert (
        error_of(
            client.post("/cypher", json={"query": "CREATE (n:Hospital {id: 'x'}) RETURN n"}), 400
        )["code"]
        == "query_rejected"
    )
    assert (
        error_of(client.get("/cypher", params={"query": "MATCH (n) DETACH DELETE n"}), 400)["code"]
        == "query_rejected"
    )
    assert (
        error_of(client.get("/cypher", params={"query": "MATCH (n RETURN n"}), 400)["code"]
        == "query_rejected"
    )
    assert client.get(
        "/cypher", params={"query": "MATCH (h:Hospital) RETURN count(h) AS n"}
    ).json()["rows"] == [{"n": 12}]


def test_cypher_row_limit(client):
    rows = client.get("/cypher", params={"query": "UNWIND range(1, 80) AS x RETURN x"}).json()
    assert rows["count"] == 50 and rows["truncated"] is True and len(rows["rows"]) == 50
    assert rows["total"] == 50  # counted up to the row limit (50 in these tests)
    past = client.get(
        "/cypher", params={"query": "UNWIND range(1, 80) AS x RETURN x", "offset": 45}
    ).json()
    assert [r["x"] for r in past["rows"]] == [46, 47, 48, 49, 50] and past["truncated"] is True


def test_cypher_results_come_a_page_at_a_time(client):
    query = "UNWIND range(1, 30) AS x RETURN x ORDER BY x"
    page = client.get("/cypher", params={"query": query, "limit": 10, "offset": 25}).json()
    assert page == {
        "rows": [{"x": x} for x in range(26, 31)],
        "count": 5,
        "total": 30,
        "limit": 10,
        "offset": 25,
        "truncated": False,
    }
    posted = client.post(
        "/cypher",
        params={"limit": 4, "offset": 2},
        json={"query": "UNWIND range(1, $n) AS x RETURN x ORDER BY x", "params": {"n": 30}},
    ).json()
    assert [r["x"] for r in posted["rows"]] == [3, 4, 5, 6] and posted["total"] == 30
    assert client.get("/cypher", params={"query": query}).json()["count"] == 30  # default 50
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}):
        error_of(client.get("/cypher", params={"query": query, **bad}), 422)


def test_query_module_results_come_a_page_at_a_time(client):
    def names(**params):
        return client.get("/queries/search_names", params={"q": "benh vien", **params}).json()

    everything = names(limit=500)
    assert everything["total"] == everything["count"] > 6 and not everything["truncated"]
    pages = [names(limit=3, offset=o) for o in range(0, everything["total"], 3)]
    assert [row for page in pages for row in page["rows"]] == everything["rows"]
    assert {page["total"] for page in pages} == {everything["total"]}
    # the module's own `limit` (most rows, in the CLI and Neo4j Browser) is the page size here
    assert names(limit=2)["rows"] == everything["rows"][:2]
