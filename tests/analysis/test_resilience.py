import networkx as nx

from hospnet.analysis.network import graph_from_records
from hospnet.analysis.resilience import (
    critical_supporters,
    single_supporter_units,
    support_weak_points,
)
from hospnet.model import Relationship
from tests.fixture_graph import (
    BACH_MAI,
    BAC_KAN,
    CAO_BANG,
    CHO_MOI,
    CHO_RAY,
    E,
    HAU_LOC,
    LANG_SON,
    TAY_NINH,
    THANH_HOA,
    fixture_records,
)


def test_units_with_one_supporter(G):
    assert [(s.unit, s.supporter) for s in single_supporter_units(G)] == [
        ("Bắc Ninh", "Bệnh viện Bạch Mai"),
        ("Bệnh viện Đa khoa tỉnh Cao Bằng", "Bệnh viện Đa khoa tỉnh Lạng Sơn"),
        ("Bệnh viện Đa khoa huyện Hậu Lộc", "Bệnh viện Đa khoa tỉnh Thanh Hóa"),
        ("Bệnh viện Đa khoa tỉnh Bắc Kạn", "Bệnh viện Bạch Mai"),
        ("Trung tâm Y tế huyện Chợ Mới", "Bệnh viện Đa khoa tỉnh Bắc Kạn"),
        ("Bệnh viện Đa khoa tỉnh Tây Ninh", "Bệnh viện Chợ Rẫy"),
    ]


def test_supporters_whose_loss_uncovers_provinces(G):
    assert [(c.supporter, c.changes) for c in critical_supporters(G)] == [
        (
            "Bệnh viện Bạch Mai",
            ("Thái Nguyên: covered -> uncovered", "Bắc Ninh: partly -> uncovered"),
        ),
        ("Bệnh viện Chợ Rẫy", ("Tây Ninh: covered -> uncovered",)),
        ("Bệnh viện Đa khoa tỉnh Lạng Sơn", ("Cao Bằng: partly -> uncovered",)),
    ]  # Thanh Hóa keeps E when Bạch Mai goes, and the other way round.


def test_articulation_points_and_bridges(G):
    weak = support_weak_points(G)
    assert [p for p, _ in weak.articulation_points] == [BACH_MAI, BAC_KAN, THANH_HOA]
    # The fixture's support graph is a forest: every link is a bridge.
    assert sorted((a, b) for a, _, b, _ in weak.bridges) == sorted(
        tuple(sorted(p))
        for p in [
            (BACH_MAI, BAC_KAN),
            (BACH_MAI, THANH_HOA),
            (BACH_MAI, "province:bac-ninh"),
            (CHO_RAY, TAY_NINH),
            (HAU_LOC, THANH_HOA),
            (BAC_KAN, CHO_MOI),
            (CAO_BANG, LANG_SON),
            (THANH_HOA, E),
        ]
    )


def test_a_second_path_removes_the_cut():
    nodes, rels = fixture_records()
    rels.append(
        Relationship(
            type="SUPPORTS",
            start=E,
            start_label="Hospital",
            end=BAC_KAN,
            end_label="Hospital",
            properties={"kinds": ["training"]},
        )
    )
    weak = support_weak_points(graph_from_records(nodes, rels))
    # Bạch Mai - Thanh Hóa - E - Bắc Kạn - Bạch Mai is now a cycle: none of its four links is a bridge.
    cycle = {
        tuple(sorted(p))
        for p in [(BACH_MAI, BAC_KAN), (BACH_MAI, THANH_HOA), (THANH_HOA, E), (E, BAC_KAN)]
    }
    assert not cycle & {(a, b) for a, _, b, _ in weak.bridges}
    assert [p for p, _ in weak.articulation_points] == [
        BACH_MAI,
        BAC_KAN,
        THANH_HOA,
    ]  # still cut Bắc Ninh, Chợ Mới, Hậu Lộc off
    assert isinstance(nx.Graph(), nx.Graph)
