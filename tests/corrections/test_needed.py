"""`hospnet eval --corrections`: how many of a ledger's corrections the extractor makes unnecessary."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hospnet.cli import app
from hospnet.corrections.ledger import Ledger, new_correction

THANH_HOA = "hospital:benh-vien-da-khoa-tinh-thanh-hoa"
HAU_LOC = "hospital:benh-vien-da-khoa-huyen-hau-loc"
NGA_SON = "hospital:benh-vien-da-khoa-huyen-nga-son"


def test_eval_says_which_corrections_the_extractor_makes_unnecessary(tmp_path):
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "a.txt").write_text(
        "Bệnh viện Đa khoa tỉnh Thanh Hóa cử bác sĩ hỗ trợ chuyên môn cho Bệnh viện Đa khoa "
        "huyện Hậu Lộc.",
        "utf-8",
    )
    (gold / "a.txt.json").write_text(
        json.dumps({"doc": "a.txt", "language": "vi", "entities": [], "relations": []}), "utf-8"
    )
    ledger = Ledger(tmp_path / "corrections.jsonl")
    support = {"type": "SUPPORTS", "from": THANH_HOA, "to": HAU_LOC}
    read_now = new_correction("add", {**support, "source": {"citation": "x"}}, "lan", "missed")
    wrong_still = new_correction("reject", support, "lan", "not true")
    never_read = new_correction("add", {**support, "to": NGA_SON}, "lan", "missed")
    renamed = new_correction(
        "set", {"node": HAU_LOC, "properties": {"level": "district"}}, "lan", "x"
    )
    for c in (read_now, wrong_still, never_read, renamed):
        ledger.append(c)

    result = CliRunner().invoke(
        app, ["eval", str(gold), str(docs), "--no-misses", "--corrections", str(ledger.path)]
    )

    assert result.exit_code == 0, result.output
    assert (
        "corrections: 4 in the ledger; 1 made unnecessary by this extractor, 2 still needed, "
        "1 not judged (split, set)"
    ) in result.output


def test_eval_refuses_a_ledger_that_is_not_there(tmp_path):
    result = CliRunner().invoke(
        app, ["eval", str(tmp_path), str(tmp_path), "--corrections", str(tmp_path / "none.jsonl")]
    )
    assert result.exit_code == 2
    assert "no corrections ledger" in result.output
