"""The blind sets' annotation files follow the gold format (tests/gold/README.md).

A format check only: it never runs the extractor, so each set stays blind until it is scored
once (tests/gold_blind/README.md, tests/gold_blind2/README.md, tests/gold_blind3/README.md,
tests/gold_blind4/README.md, tests/gold_blind5/README.md, tests/gold_blind6/README.md).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BLIND_SETS = [
    HERE / "gold_blind",
    HERE / "gold_blind2",
    HERE / "gold_blind3",
    HERE / "gold_blind4",
    HERE / "gold_blind5",
    HERE / "gold_blind6",
]
# A set is written in halves of ten documents (two writers), each half with one English text.
HALF = 10
# Sets whose halves are still being written land in steps of a few documents: they may hold any
# number up to two halves, with at most one English text per half begun. Take a set off this
# list when both its halves have landed, so that the ten-or-twenty rule holds for it again.
BEING_WRITTEN: set[Path] = set()  # gold_blind6 came off it when its second half landed
ANNOTATIONS = sorted(a for s in BLIND_SETS for a in (s / "annotations").glob("*.json"))

PROVINCES_2025 = {
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Thành phố Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
}
LABELS = {"Hospital", "Person", "Organization", "Technique", "Program", "Province"}
LEVELS = {"central", "provincial", "district", "private", "other"}
AGREEMENT = "agreement"
# relation type -> (labels allowed at "from", labels allowed at "to", required extra keys)
SHAPES = {
    "SUPPORTS": ({"Hospital"}, {"Hospital", "Province", "Organization"}, set()),
    "TRANSFERS": ({"Hospital"}, {"Hospital"}, {"technique"}),
    "REFERS_TO": ({"Hospital"}, {"Hospital"}, set()),
    "HOLDS_POSITION": ({"Person"}, {"Hospital", "Organization"}, {"title"}),
    "LOCATED_IN": ({"Hospital", "Organization"}, {"Province"}, set()),
    "PARTY_TO": ({"Hospital", "Organization"}, {AGREEMENT}, set()),
    "UNDER": ({AGREEMENT}, {"Program"}, set()),
}
OPTIONAL = {"SUPPORTS": {"program"}}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _annotations(blind: Path) -> list[Path]:
    return sorted((blind / "annotations").glob("*.json"))


@pytest.mark.parametrize("blind", BLIND_SETS, ids=lambda p: p.name)
def test_the_set_has_ten_or_twenty_documents_each_with_one_annotation(blind):
    docs = sorted(p for p in (blind / "docs").iterdir() if p.is_file())
    annotations = _annotations(blind)
    if blind in BEING_WRITTEN:
        assert 0 < len(docs) <= 2 * HALF
    else:
        assert len(docs) in (HALF, 2 * HALF)
    assert sorted(p.name for p in docs) == sorted(_load(a)["doc"] for a in annotations)
    for path in annotations:
        assert path.name == _load(path)["doc"] + ".json"


@pytest.mark.parametrize("blind", BLIND_SETS, ids=lambda p: p.name)
def test_one_document_in_ten_is_in_english(blind):
    languages = [_load(a)["language"] for a in _annotations(blind)]
    assert set(languages) <= {"vi", "en"}
    if blind in BEING_WRITTEN:
        halves_begun = -(-len(languages) // HALF)
        assert languages.count("en") <= halves_begun
    else:
        assert languages.count("en") == len(languages) // HALF


def test_no_document_name_is_shared_between_the_blind_sets():
    names = [a.name for a in ANNOTATIONS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_entities_are_well_formed(path):
    data = _load(path)
    assert set(data) == {"doc", "language", "entities", "relations"}
    keys = [(e["label"], e["name"]) for e in data["entities"]]
    assert len(keys) == len(set(keys)), "an entity is listed twice"
    for entity in data["entities"]:
        name = entity["name"]
        assert entity["label"] in LABELS, entity
        assert name == unicodedata.normalize("NFC", name) and name == name.strip(), entity
        if entity["label"] == "Hospital":
            assert entity["level"] in LEVELS, entity
            assert set(entity) <= {"label", "name", "level", "province", "legacy_province"}
            if "province" in entity:
                assert entity["province"] in PROVINCES_2025, entity
            else:
                assert entity["level"] == "other", (
                    f"only a foreign hospital has no province: {entity}"
                )
            if "legacy_province" in entity:
                assert entity["legacy_province"] != entity["province"], entity
        else:
            assert set(entity) == {"label", "name"}, entity
        if entity["label"] == "Province":
            assert name in PROVINCES_2025, entity


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_relations_name_entities_of_the_right_kind(path):
    data = _load(path)
    label_of = {}
    for entity in data["entities"]:
        label_of.setdefault(entity["name"], set()).add(entity["label"])
    for relation in data["relations"]:
        kind = relation["type"]
        assert kind in SHAPES, relation
        froms, tos, required = SHAPES[kind]
        assert set(relation) == {"type", "from", "to"} | required | (
            set(relation) & OPTIONAL.get(kind, set())
        )
        for end, allowed in (("from", froms), ("to", tos)):
            value = relation[end]
            labels = {AGREEMENT} if value == AGREEMENT else label_of.get(value, set())
            assert labels & allowed, f"{end} of {relation} names no {sorted(allowed)} entity"
        if kind == "TRANSFERS":
            assert "Technique" in label_of.get(relation["technique"], set()), relation
        if "program" in relation:
            assert "Program" in label_of.get(relation["program"], set()), relation
    rows = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in data["relations"]]
    assert len(rows) == len(set(rows)), "a relation is listed twice"


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_conventions_that_tie_relations_together(path):
    """Every TRANSFERS pair has its SUPPORTS; every hospital with a province is LOCATED_IN it."""
    data = _load(path)
    supports = {(r["from"], r["to"]) for r in data["relations"] if r["type"] == "SUPPORTS"}
    for relation in data["relations"]:
        if relation["type"] == "TRANSFERS":
            assert (relation["from"], relation["to"]) in supports, relation
    located = {(r["from"], r["to"]) for r in data["relations"] if r["type"] == "LOCATED_IN"}
    provinces = {e["name"] for e in data["entities"] if e["label"] == "Province"}
    for entity in data["entities"]:
        if entity["label"] == "Hospital" and "province" in entity:
            assert (entity["name"], entity["province"]) in located, entity
            assert entity["province"] in provinces, entity
    for _hospital, province in located:
        assert province in provinces
