from hospnet.analysis.reachability import chains_to_central, unreachable_hospitals


def test_shortest_chains_up_to_a_central_hospital(G):
    chains = {c.hospital: c for c in chains_to_central(G)}
    assert len(chains) == 9  # 6 provincial + 3 district hospitals
    expected = {
        "Bệnh viện Đa khoa huyện Hậu Lộc": (
            2,
            (
                "Bệnh viện Đa khoa huyện Hậu Lộc",
                "Bệnh viện Đa khoa tỉnh Thanh Hóa",
                "Bệnh viện Bạch Mai",
            ),
            ("SUPPORTS", "SUPPORTS"),
        ),
        "Bệnh viện Đa khoa tỉnh Thanh Hóa": (
            1,
            ("Bệnh viện Đa khoa tỉnh Thanh Hóa", "Bệnh viện Bạch Mai"),
            ("SUPPORTS",),
        ),
        "Bệnh viện Đa khoa tỉnh Bắc Kạn": (
            1,
            ("Bệnh viện Đa khoa tỉnh Bắc Kạn", "Bệnh viện Bạch Mai"),
            ("SUPPORTS",),
        ),
        "Trung tâm Y tế huyện Chợ Mới": (
            2,
            (
                "Trung tâm Y tế huyện Chợ Mới",
                "Bệnh viện Đa khoa tỉnh Bắc Kạn",
                "Bệnh viện Bạch Mai",
            ),
            ("SUPPORTS", "SUPPORTS"),
        ),
        "Bệnh viện Đa khoa tỉnh Tây Ninh": (
            1,
            ("Bệnh viện Đa khoa tỉnh Tây Ninh", "Bệnh viện Chợ Rẫy"),
            ("SUPPORTS",),
        ),
    }
    assert {name: (c.hops, c.chain, c.steps) for name, c in chains.items() if c.reached} == expected
    assert {c.hospital for c in unreachable_hospitals(G)} == {
        "Bệnh viện Đa khoa tỉnh Điện Biên",
        "Trung tâm Y tế huyện Mường Ảng",
        "Bệnh viện Đa khoa tỉnh Lạng Sơn",
        "Bệnh viện Đa khoa tỉnh Cao Bằng",
    }


def test_a_referral_alone_is_a_step_up(G):
    import networkx as nx

    H = nx.MultiDiGraph(G)
    H.add_edge(
        "hospital:benh-vien-da-khoa-tinh-dien-bien",
        "hospital:benh-vien-bach-mai",
        key="REFERS_TO",
        type="REFERS_TO",
    )
    chains = {c.hospital: c for c in chains_to_central(H)}
    assert chains["Trung tâm Y tế huyện Mường Ảng"].steps == ("REFERS_TO", "REFERS_TO")
    assert chains["Trung tâm Y tế huyện Mường Ảng"].central == "Bệnh viện Bạch Mai"
