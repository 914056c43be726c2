import networkx as nx
import pytest

from hospnet.analysis.hubs import central_load, supporter_hubs


def test_hubs_by_units_and_betweenness(G):
    hubs = supporter_hubs(G)
    assert [(h.hospital, h.units_supported, h.supported_by, h.transfers) for h in hubs] == [
        ("Bệnh viện Bạch Mai", 3, 0, 0),
        ("Bệnh viện Đa khoa tỉnh Thanh Hóa", 1, 2, 1),
        ("Bệnh viện Đa khoa tỉnh Bắc Kạn", 1, 1, 0),
        ("Bệnh viện Chợ Rẫy", 1, 0, 2),
        ("Bệnh viện E", 1, 0, 1),
        ("Bệnh viện Đa khoa tỉnh Lạng Sơn", 1, 0, 0),
    ]
    # 11 nodes in the support graph, so 45 pairs: Bạch Mai separates 3x2 + 3x1 + 2x1 = 11 of them.
    by_name = {h.hospital: h.betweenness for h in hubs}
    assert by_name["Bệnh viện Bạch Mai"] == pytest.approx(11 / 45, abs=1e-6)
    assert by_name["Bệnh viện Đa khoa tỉnh Thanh Hóa"] == pytest.approx(9 / 45, abs=1e-6)
    assert by_name["Bệnh viện Đa khoa tỉnh Bắc Kạn"] == pytest.approx(5 / 45, abs=1e-6)
    assert all(h.betweenness_exact for h in hubs)


def test_load_per_central_hospital(G):
    assert [
        (
            c.hospital,
            c.units_supported,
            c.hospitals_supported,
            c.provinces_reached,
            c.transfers,
            c.techniques,
        )
        for c in central_load(G)
    ] == [
        ("Bệnh viện Bạch Mai", 3, 2, ("Bắc Ninh", "Thanh Hóa", "Thái Nguyên"), 0, 0),
        ("Bệnh viện Chợ Rẫy", 1, 1, ("Tây Ninh",), 2, 2),
        ("Bệnh viện E", 1, 1, ("Thanh Hóa",), 1, 1),
    ]


def test_a_national_size_graph_uses_sampled_betweenness():
    """2,000 hospitals in a three-level tree with cross links: every analysis runs, betweenness is sampled.

    How long it takes is measured in benchmarks/, not here (timed unit tests are noise on 2 cores).
    """
    from hospnet.analysis import coverage, distance, reachability, resilience, techniques
    from hospnet.places import places

    G = nx.MultiDiGraph()
    provinces = places()
    for p in provinces:
        G.add_node(f"province:{p.code}", label="Province", name=p.name, lat=p.lat, lon=p.lon)
    for i in range(2000):
        level = "central" if i < 40 else "provincial" if i < 400 else "district"
        province = provinces[i % 34].name
        G.add_node(f"h{i}", label="Hospital", level=level, name=f"H{i}", province=province)
        G.add_edge(
            f"h{i}", f"province:{provinces[i % 34].code}", key="LOCATED_IN", type="LOCATED_IN"
        )
        if i >= 40:
            parent = i % 40 if i < 400 else 40 + i % 360
            G.add_edge(f"h{parent}", f"h{i}", key="SUPPORTS", type="SUPPORTS", kinds=["training"])
            G.add_edge(
                f"h{(i * 7) % 40}", f"h{i}", key="SUPPORTS", type="SUPPORTS", kinds=["consultation"]
            )
    coverage.province_coverage(G)
    reachability.chains_to_central(G)
    resilience.single_supporter_units(G)
    resilience.critical_supporters(G)
    resilience.support_weak_points(G)
    hubs = supporter_hubs(G)
    central_load(G)
    distance.distance_to_support(G)
    techniques.technique_gaps(G)
    assert not hubs[0].betweenness_exact
