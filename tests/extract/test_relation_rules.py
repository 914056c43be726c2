"""The relation rules are data: every example in the rule file is run, and a rule added from a file alone works."""

from __future__ import annotations

import pytest

from hospnet.errors import RuleFileError
from hospnet.extract.context import read_document
from hospnet.extract.rules import load_rules
from hospnet.extract.support import supports_and_transfers
from hospnet.names import normalize_text

RULES = load_rules()
EXAMPLES = [(rule.id, ex) for rule in RULES.rules for ex in rule.examples]


def _pairs(text: str, rules=None) -> set[tuple[str, str, str]]:
    facts = supports_and_transfers(read_document(normalize_text(text), "2024-03-05"), rules)
    return {(f.start.name, f.end.name, f.rule) for f in facts if f.type == "SUPPORTS"}


def test_every_rule_has_an_example():
    assert {r.id for r in RULES.rules} == {rule_id for rule_id, _ in EXAMPLES}


@pytest.mark.parametrize(
    ("rule_id", "example"), EXAMPLES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(EXAMPLES)]
)
def test_rule_example(rule_id, example):
    got = {(giver, receiver) for giver, receiver, _ in _pairs(example["text"])}
    assert got == {tuple(pair) for pair in example["facts"]}, example["text"]
    if example["facts"]:
        assert rule_id in {rule for *_, rule in _pairs(example["text"])}


RULE_FILE = """
triggers:
  twin: [kết nghĩa, twinned with]
  of: [với]
slots:
  givers: [Hospital]
  receivers: [Hospital, Province]
rules:
  - id: supports.twinning
    relation: SUPPORTS
    pattern: [givers, "...", "@twin", "@of", receivers]
"""


def test_a_rule_added_from_a_data_file_only(tmp_path):
    path = tmp_path / "twinning.yaml"
    path.write_text(RULE_FILE, "utf-8")
    text = "Bệnh viện Bạch Mai kết nghĩa với Bệnh viện Đa khoa tỉnh Điện Biên từ năm 2020."
    assert not {p for p in _pairs(text) if p[1] == "Bệnh viện Đa khoa tỉnh Điện Biên"}
    assert _pairs(text, load_rules(path)) == {
        ("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Điện Biên", "supports.twinning")
    }


def test_a_bad_rule_file_names_the_rule(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULE_FILE.replace('"@twin"', '"@twins"'), "utf-8")
    with pytest.raises(RuleFileError, match="supports.twinning.*unknown trigger list 'twins'"):
        load_rules(path)


def test_open_from_story_is_for_open_givers_only(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULE_FILE + "    open: receivers\n    open_from: story\n", "utf-8")
    with pytest.raises(RuleFileError, match="supports.twinning.*`open_from`"):
        load_rules(path)


def test_a_fact_read_across_two_sentences_keeps_both():
    first = "Sở Y tế thành lập đoàn hỗ trợ tỉnh Bình Dương chống dịch."
    second = "Đoàn gồm 17 nhân viên y tế của Bệnh viện Đa khoa tỉnh Bình Định."
    facts = supports_and_transfers(read_document(normalize_text(f"{first} {second}")))
    (fact,) = [f for f in facts if f.type == "SUPPORTS"]
    assert first in fact.sentence and second in fact.sentence
