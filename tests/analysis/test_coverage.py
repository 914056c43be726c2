"""Province coverage on the fixture graph, whose statuses are known by construction."""

from hospnet.analysis.coverage import (
    central_support_by_kind,
    province_coverage,
    support_by_specialty,
    uncovered_provinces,
)
from hospnet.places import places

BACH_MAI, E, CHO_RAY = "Bệnh viện Bạch Mai", "Bệnh viện E", "Bệnh viện Chợ Rẫy"
COVERED = {"Hà Nội", "Thành phố Hồ Chí Minh", "Thanh Hóa", "Thái Nguyên", "Tây Ninh"}
PARTLY = {"Bắc Ninh", "Cao Bằng"}


def test_all_34_provinces_have_a_status(G):
    coverage = province_coverage(G)
    assert [c.province for c in coverage] == [p.name for p in places()] and len(coverage) == 34
    assert {c.province for c in coverage if c.status == "covered"} == COVERED
    assert {c.province for c in coverage if c.status == "partly"} == PARTLY
    assert {c.province for c in uncovered_provinces(G)} == {
        p.name for p in places()
    } - COVERED - PARTLY
    assert len(uncovered_provinces(G)) == 27


def test_supporters_kinds_and_evidence(G):
    by_name = {c.province: c for c in province_coverage(G)}
    thanh_hoa = by_name["Thanh Hóa"]
    assert thanh_hoa.central_supporters == (BACH_MAI, E)
    assert thanh_hoa.kinds == ("technique_transfer", "training")
    assert thanh_hoa.specialties == ("hô hấp", "thận")
    first = thanh_hoa.evidence[0]
    assert (first.supporter, first.relationship, first.evidence) == (
        BACH_MAI,
        "SUPPORTS",
        "Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
    )
    assert [(d.id, d.title) for d in first.documents] == [
        ("document:fixture-a", "Thanh Hóa nhận chuyển giao kỹ thuật")
    ]
    assert by_name["Thái Nguyên"].central_supporters == (BACH_MAI,)  # through the Bắc Kạn hospital
    assert by_name["Bắc Ninh"].reason == "epidemic response only from Bệnh viện Bạch Mai"
    assert by_name["Cao Bằng"].other_supporters == ("Bệnh viện Đa khoa tỉnh Lạng Sơn",)
    assert (
        by_name["Hà Nội"].hosted_central == (BACH_MAI, E)
        and by_name["Hà Nội"].central_supporters == ()
    )
    # Support inside one province (Lạng Sơn is supported by nobody; Điện Biên only refers internally) is no coverage.
    assert by_name["Điện Biên"].evidence == () and by_name["Lạng Sơn"].status == "uncovered"


def test_by_kind_and_by_specialty(G):
    coverage = province_coverage(G)
    assert [(r.province, r.kind, r.supporters) for r in central_support_by_kind(coverage)] == [
        ("Thái Nguyên", "consultation", (BACH_MAI,)),
        ("Bắc Ninh", "epidemic_response", (BACH_MAI,)),
        ("Thanh Hóa", "technique_transfer", (BACH_MAI, E)),
        ("Thanh Hóa", "training", (BACH_MAI,)),
        ("Tây Ninh", "technique_transfer", (CHO_RAY,)),
    ]
    assert [
        (r.province, r.specialty, r.supporters, r.techniques)
        for r in support_by_specialty(coverage)
    ] == [
        (
            "Thanh Hóa",
            "hô hấp",
            ("Bệnh viện Đa khoa tỉnh Thanh Hóa",),
            ("nội soi phế quản ống mềm",),
        ),
        ("Thanh Hóa", "thận", (E,), ("lọc màng bụng",)),
        ("Tây Ninh", "thận", (CHO_RAY,), ("lọc màng bụng",)),
        ("Tây Ninh", "tim mạch", (CHO_RAY,), ("can thiệp mạch vành",)),
    ]


def test_legacy_provinces(G):
    coverage = province_coverage(G, legacy=True)
    assert len(coverage) == 63
    status = {c.province: c.status for c in coverage}
    assert {p for p, s in status.items() if s == "covered"} == {
        "Hà Nội",
        "Thành phố Hồ Chí Minh",
        "Thanh Hóa",
        "Bắc Kạn",
        "Tây Ninh",
    }
    # Support sent to the 2025 province Bắc Ninh counts for both of its old provinces.
    assert {p for p, s in status.items() if s == "partly"} == {"Bắc Ninh", "Bắc Giang", "Cao Bằng"}
    # The Bắc Kạn hospital's support does not cover old Thái Nguyên, nor does Chợ Rẫy's cover Long An.
    assert status["Thái Nguyên"] == "uncovered" and status["Long An"] == "uncovered"
    assert {c.province: c.parent for c in coverage}["Bắc Kạn"] == "Thái Nguyên"
