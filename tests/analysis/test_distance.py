import pytest

from hospnet.analysis.distance import distance_to_support


def test_km_to_the_nearest_supporting_central_hospital(G):
    found = {d.province: d for d in distance_to_support(G)}
    assert len(found) == 34
    # Great-circle km between the province centres of the 2025 list (hospitals have no lat/lon of their own).
    expected = {
        "Thanh Hóa": (
            "Bệnh viện Bạch Mai",
            113.2,
        ),  # Bạch Mai and E are both in Hà Nội: the name breaks the tie
        "Thái Nguyên": ("Bệnh viện Bạch Mai", 114.6),
        "Bắc Ninh": ("Bệnh viện Bạch Mai", 55.6),
        "Tây Ninh": ("Bệnh viện Chợ Rẫy", 65.3),
    }
    for province, (supporter, km) in expected.items():
        assert found[province].nearest_supporter == supporter
        assert found[province].km == pytest.approx(km, abs=1.0)
    assert {p for p, d in found.items() if d.km is not None} == set(expected)
    assert found["Hà Nội"].hosts_central and found["Hà Nội"].km is None
    assert found["Cao Bằng"].nearest_supporter is None  # its supporter is not central


def test_a_hospital_with_its_own_coordinates_sits_there(G):
    import networkx as nx

    H = nx.MultiDiGraph(G)
    H.nodes["hospital:benh-vien-cho-ray"].update(
        lat=10.7578, lon=106.6594
    )  # the hospital itself, in the city centre
    assert {d.province: d.km for d in distance_to_support(H)}["Tây Ninh"] == pytest.approx(
        58.8, abs=1.0
    )
