"""Technique lists read by their structure: a head shared by an elliptical list is restored, tails are cut."""

from __future__ import annotations

from hospnet.extract.techniques import list_techniques


def test_shared_head_is_restored_in_an_elliptical_list():
    found = list_techniques(
        "gồm: phẫu thuật nội soi cắt ruột thừa, cắt túi mật; đặt stent niệu quản", 0
    )
    assert [m.name for m in found] == [
        "phẫu thuật nội soi cắt ruột thừa",
        "phẫu thuật nội soi cắt túi mật",
        "đặt stent niệu quản",
    ]


def test_an_item_with_its_own_head_keeps_it():
    found = list_techniques("như: phẫu thuật thay khớp háng, nội soi phế quản", 0)
    assert [m.name for m in found] == ["phẫu thuật thay khớp háng", "nội soi phế quản"]


def test_a_destination_ends_the_item():
    assert [m.name for m in list_techniques("gồm: mổ tim hở về Quy Nhơn", 0)] == ["mổ tim hở"]
