from hospnet.places import places
from hospnet.analysis.techniques import specialty_gaps, technique_gaps

ALL = [p.name for p in places()]


def test_provinces_without_each_technique(G):
    gaps = {g.technique: g for g in technique_gaps(G)}
    assert gaps["nội soi phế quản ống mềm"].provinces_with == ("Hà Nội", "Thanh Hóa")
    # The planned transfer to Thanh Hóa does not count; the one in progress to Tây Ninh does.
    assert gaps["lọc màng bụng"].provinces_with == ("Hà Nội", "Tây Ninh")
    assert gaps["can thiệp mạch vành"].provinces_with == ("Thành phố Hồ Chí Minh", "Tây Ninh")
    for gap in gaps.values():
        assert gap.provinces_without == tuple(p for p in ALL if p not in gap.provinces_with)


def test_provinces_without_each_specialty(G):
    assert [
        (g.specialty, g.techniques, g.provinces_with, len(g.provinces_without))
        for g in specialty_gaps(G)
    ] == [
        ("hô hấp", 1, ("Hà Nội", "Thanh Hóa"), 32),
        ("thận", 1, ("Hà Nội", "Tây Ninh"), 32),
        ("tim mạch", 1, ("Thành phố Hồ Chí Minh", "Tây Ninh"), 32),
    ]
