"""The analyst's answer is defined once (hospnet/analysis/gaps.py): the report, GET /coverage and the
query module provinces_without_central_supporter give the same gaps, on the sample and on a national graph."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from hospnet import queries
from hospnet.analysis.gaps import answer
from hospnet.analysis.network import graph_from_records, read_graph
from hospnet.api.app import create_app
from hospnet.build import build
from hospnet.model import Node, Relationship
from hospnet.reports import build_report


def _all_agree(store, settings, site):
    """The answer, the query module, the report written to `site` and GET /coverage agree."""
    found = answer(read_graph(store, mentions=False))
    without = [p.name for p in found.without_central_supporter()]
    gaps = [(c.province, c.specialty, c.status) for c in found.gaps()]
    by_query = [
        row["province"] for row in queries.run(store, "provinces_without_central_supporter")
    ]
    tables = site / "tables"
    report_without = [
        r["province"]
        for r in json.loads((tables / "without_central_supporter.json").read_text("utf-8"))["rows"]
    ]
    report_gaps = [
        (r["province"], r["specialty"], r["status"])
        for r in json.loads((tables / "specialty_gaps_ranked.json").read_text("utf-8"))["rows"]
    ]
    api_gaps = []
    with TestClient(create_app(settings)) as client:
        while True:  # the gaps come a page at a time
            body = client.get("/coverage", params={"limit": 200, "offset": len(api_gaps)}).json()
            api_gaps += [(g["province"], g["specialty"], g["status"]) for g in body["gaps"]]
            if not body["gaps"]:
                break
    assert (
        sorted(by_query)
        == sorted(without)
        == sorted(report_without)
        == sorted(body["without_central_supporter"])
    )
    assert gaps == report_gaps == api_gaps and body["gaps_total"] == len(gaps)
    matrix = json.loads((tables / "specialty_matrix.json").read_text("utf-8"))["rows"]
    assert len(matrix) == 34 and sum(r["gaps"] for r in matrix) == len(gaps)
    return found


def test_sample_answer_agrees_everywhere(store, settings, tmp_path):
    build(None, store, settings)
    found = _all_agree(store, settings, build_report(store, tmp_path / "report").index.parent)
    hanoi = {c.specialty: c for c in found.row("01")}
    # Việt Đức is in Hà Nội: surgery is not a gap there, whatever the status of its transfers.
    assert not hanoi["ngoại khoa"].gap
    assert ("Bệnh viện Hữu nghị Việt Đức", "located") in [
        (s.supporter, s.status) for s in hanoi["ngoại khoa"].supports
    ]
    without = [p.name for p in found.without_central_supporter()]
    assert "Lai Châu" in without and "Hà Nội" not in without and "Thái Nguyên" not in without


def test_planned_transfers_alone_leave_a_gap():
    """A central hospital in Hà Nội plans one cardiology transfer to Lai Châu and does one nephrology transfer."""
    nodes = [
        Node(
            label="Hospital",
            id="c",
            properties={"name": "Central", "level": "central", "province": "Hà Nội"},
        ),
        Node(
            label="Hospital",
            id="h",
            properties={"name": "Lai Chau general", "level": "provincial", "province": "Lai Châu"},
        ),
        Node(label="Technique", id="t1", properties={"name": "stent", "specialty": "tim mạch"}),
        Node(label="Technique", id="t2", properties={"name": "dialysis", "specialty": "thận"}),
    ]
    rel = {"start": "c", "start_label": "Hospital", "end": "h", "end_label": "Hospital"}
    rels = [
        Relationship(type="TRANSFERS", properties={"technique": "t1", "status": "planned"}, **rel),
        Relationship(
            type="TRANSFERS",
            properties={"technique": "t2", "status": "done", "date": "2023-05"},
            **rel,
        ),
        Relationship(type="SUPPORTS", properties={"kinds": ["technique_transfer"]}, **rel),
    ]
    found = answer(graph_from_records(nodes, rels))
    cells = {c.specialty: c for c in found.row("12")}
    assert (
        cells["tim mạch"].status == "planned"
        and cells["tim mạch"].gap
        and not cells["tim mạch"].supporters
    )
    assert cells["thận"].status == "supported" and cells["thận"].since == "2023-05"
    # The companion SUPPORTS is those transfers, not general support of its own.
    assert cells["general"].status == "missing"
    assert "Lai Châu" not in [p.name for p in found.without_central_supporter()]
    assert [c.specialty for c in found.gaps("12")][
        -1
    ] == "tim mạch"  # planned-only ranks after missing


def test_national_answer_agrees_everywhere(national, national_site):
    """On the national graph the browser tests use (tests/national.py, built by the extractor)."""
    found = _all_agree(national.store, national.settings, national_site)
    assert len(found.specialties) >= 5 and found.gaps()
    assert (
        sum(not c.gap for c in found.cells.values()) > 34
    )  # support reaches well beyond the hosting provinces
