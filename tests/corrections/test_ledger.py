"""Corrections outlast every rebuild, on both stores; bad corrections are one-line errors that write nothing."""

from __future__ import annotations

import pytest

from hospnet.build import build
from hospnet.corrections import CorrectionError, Ledger, apply_all, correct, undo
from hospnet.corrections import facts

from .conftest import ADD_FROM, ADD_TO, GONE, KEEP, RECEIVER, SET_NODE, SUPPORTER, export, make_four


def test_corrections_hold_after_clear_and_rebuild_byte_for_byte(built, csettings):
    store, ledger = built, csettings.corrections_path
    uncorrected = export(store)
    made = make_four(store, ledger)
    corrected = export(store)
    assert corrected != uncorrected
    assert (
        facts.relationship(store, {"type": "SUPPORTS", "from": SUPPORTER, "to": RECEIVER}) is None
    )
    assert facts.node(store, GONE) is None
    keep = facts.node(store, KEEP)
    assert "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An" in keep["aliases"] and keep[
        "corrections"
    ] == [made[1].id]
    added = facts.relationship(store, {"type": "SUPPORTS", "from": ADD_FROM, "to": ADD_TO})
    assert (
        added["curated_by"] == ["minh"]
        and added["corrections"] == [made[2].id]
        and added["evidence"] == "Sức khỏe & Đời sống, 2024"
    )
    assert facts.node(store, SET_NODE)["level"] == "provincial"

    store.clear()
    summary = build(None, store, csettings)
    assert [o.status for o in summary.corrections.outcomes] == ["applied"] * 4
    assert export(store) == corrected
    again = build(None, store, csettings)
    assert again.stored == 0 and [o.status for o in again.corrections.outcomes] == ["held"] * 4
    assert export(store) == corrected


def test_undo_returns_the_uncorrected_graph(built, csettings):
    store, ledger = built, csettings.corrections_path
    uncorrected = export(store)
    made = make_four(store, ledger)
    for correction in reversed(made):
        undo(store, ledger, correction.id, "lan", "test")
    assert export(store) == uncorrected
    assert Ledger(ledger).active() == [] and len(Ledger(ledger).read()) == 8
    with pytest.raises(CorrectionError, match="undone already"):
        undo(store, ledger, made[0].id, "lan", "again")


BAD = [
    (
        "reject",
        {"type": "SUPPORTS", "from": "hospital:no-such-hospital", "to": RECEIVER},
        "no node with id 'hospital:no-such-hospital'",
    ),
    ("reject", {"type": "SUPPORTS", "from": RECEIVER, "to": SUPPORTER}, "no SUPPORTS from"),
    (
        "reject",
        {"type": "LIKES", "from": SUPPORTER, "to": RECEIVER},
        "unknown relationship type 'LIKES'",
    ),
    ("merge", {"keep": KEEP, "gone": KEEP}, "into itself"),
    (
        "merge",
        {"keep": KEEP, "gone": "province:nghe-an"},
        "cannot merge a Province into a Hospital",
    ),
    ("merge", {"keep": KEEP, "gone": "hospital:no-such-hospital"}, "no node with id"),
    ("set", {"node": SET_NODE, "property": "level", "value": "huge"}, "unknown level 'huge'"),
    ("set", {"node": SET_NODE, "property": "search", "value": "x"}, "cannot set 'search'"),
    ("split", {"node": KEEP, "alias": "Bệnh viện Không Có"}, "has no alias"),
    ("add", {"type": "SUPPORTS", "from": ADD_FROM, "to": ADD_TO, "source": {}}, "needs a source"),
    (
        "add",
        {
            "type": "SUPPORTS",
            "from": ADD_FROM,
            "to": ADD_TO,
            "source": {"document": "document:0000"},
        },
        "no document with id",
    ),
]


def test_bad_corrections_are_one_line_errors_that_write_nothing(built, csettings):
    store, ledger = built, csettings.corrections_path
    before = export(store)
    for op, target, message in BAD:
        with pytest.raises(CorrectionError, match=message) as info:
            correct(store, ledger, op, target, "lan", "test")
        assert "\n" not in str(info.value)
    assert not ledger.exists()
    assert export(store) == before
    with pytest.raises(CorrectionError, match="needs a reason"):
        correct(store, ledger, "merge", {"keep": KEEP, "gone": GONE}, "lan", " ")


def test_a_contradicting_correction_is_refused(built, csettings):
    store, ledger = built, csettings.corrections_path
    add, _ = correct(
        store,
        ledger,
        "add",
        {"type": "SUPPORTS", "from": ADD_FROM, "to": ADD_TO, "source": {"citation": "a report"}},
        "lan",
        "missed",
    )
    lines = ledger.read_text("utf-8")
    graph = export(store)
    with pytest.raises(CorrectionError, match=f"contradicts {add.id}"):
        correct(
            store,
            ledger,
            "reject",
            {"type": "SUPPORTS", "from": ADD_FROM, "to": ADD_TO},
            "minh",
            "no",
        )
    assert ledger.read_text("utf-8") == lines and export(store) == graph


def test_a_lost_target_is_reported_and_kept(built, csettings):
    store, ledger = built, csettings.corrections_path
    made = make_four(store, ledger)
    store.clear()
    report = apply_all(
        store, ledger
    )  # an empty graph: nothing to merge into, no ends for the added fact
    lost = {o.id: o.reason for o in report.lost}
    assert set(lost) == {made[1].id, made[2].id, made[3].id, made[0].id}
    assert KEEP in lost[made[1].id]
    assert len(Ledger(ledger).active()) == 4


def test_a_merged_name_read_again_lands_on_the_survivor(built, csettings):
    from hospnet.build import BuildSummary, ingest
    from hospnet.model import Document

    store, ledger = built, csettings.corrections_path
    correct(store, ledger, "merge", {"keep": KEEP, "gone": GONE}, "lan", "one hospital")
    text = (
        "Bệnh viện Bạch Mai cử bác sĩ hỗ trợ chuyên môn cho Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An "
        "trong năm 2025, theo Đề án 1816."
    )
    ingest([Document.from_text(text, source="new.txt")], store, csettings, BuildSummary())
    assert facts.node(store, GONE) is not None  # the extractor still writes the old name ...
    apply_all(store, ledger)  # ... and the ledger moves it (build and POST /documents do this)
    assert facts.node(store, GONE) is None
    assert (
        facts.relationship(
            store, {"type": "SUPPORTS", "from": "hospital:benh-vien-bach-mai", "to": KEEP}
        )
        is not None
    )


def test_split_takes_the_alias_and_its_facts_off(built, csettings):
    store, ledger = built, csettings.corrections_path
    correct(store, ledger, "merge", {"keep": KEEP, "gone": GONE}, "lan", "looked like one hospital")
    moved = [
        r
        for r in facts.relationships_of(store, KEEP)
        if "Tây Bắc" in str(r["props"].get("evidence") or r["props"].get("sentence"))
    ]
    assert moved
    correct(
        store,
        ledger,
        "split",
        {"node": KEEP, "alias": "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An"},
        "minh",
        "two hospitals after all",
    )
    assert "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An" not in facts.node(store, KEEP)["aliases"]
    assert facts.node(store, GONE)["name"] == "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An"
    assert len(facts.relationships_of(store, GONE)) == len(moved)


def test_a_torn_line_from_a_killed_writer_is_skipped(tmp_path):
    from hospnet.corrections.ledger import new_correction

    ledger = Ledger(tmp_path / "corrections.jsonl")
    ledger.append(new_correction("merge", {"keep": KEEP, "gone": GONE}, "lan", "one"))
    with open(ledger.path, "a", encoding="utf-8") as handle:
        handle.write('{"id": "c-torn", "op": "me')
    later = new_correction(
        "set", {"node": SET_NODE, "property": "level", "value": "central"}, "lan", "two"
    )
    ledger.append(later)
    assert [c.op for c in ledger.read()] == ["merge", "set"]
    assert ledger.get(later.id) == later
