"""Every example sentence of the entity patterns (hospnet/data/patterns) yields the names it lists, with its rule id."""

from __future__ import annotations

import pytest

from hospnet.extract.entity_patterns import patterns
from hospnet.extract.hospitals import find_hospitals
from hospnet.extract.organizations import find_organizations
from hospnet.extract.phrases import PhraseMatcher

_EXAMPLES = [(rule.id, ex) for rule in patterns().rules for ex in rule.examples]
_FINDERS = {"Organization": find_organizations, "Hospital": find_hospitals}
_LABEL = {rule.id: rule.label for rule in patterns().rules}


def test_every_rule_has_an_example():
    assert {rule.id for rule in patterns().rules} == {rule_id for rule_id, _ in _EXAMPLES}


@pytest.mark.parametrize(
    ("rule_id", "example"), _EXAMPLES, ids=[f"{r}:{e['text'][:30]}" for r, e in _EXAMPLES]
)
def test_example(rule_id, example):
    found = _FINDERS[_LABEL[rule_id]](example["text"], 0)
    names = [m.name for m in found]
    assert names == example["expect"], (rule_id, example["text"])
    assert rule_id in {m.rule for m in found}


def test_distributed_head_gives_one_organization_per_province():
    text = "giám đốc sở y tế các tỉnh, thành Long An, Tiền Giang và TP Cần Thơ đã ký văn bản."
    found = find_organizations(text, 0)
    assert [m.name for m in found] == ["Sở Y tế Long An", "Sở Y tế Tiền Giang", "Sở Y tế Cần Thơ"]
    assert {m.rule for m in found} == {"org.distributed"}


def test_a_name_extending_a_known_one_by_a_country_is_the_longer_name():
    assert [m.name for m in find_organizations("nghị định thư với Bộ Quốc phòng Lào.", 0)] == [
        "Bộ Quốc phòng Lào"
    ]
    # a person after a ministry is not part of its name
    assert [m.name for m in find_organizations("Bộ trưởng Bộ Y tế Đào Hồng Lan", 0)] == ["Bộ Y tế"]


def test_phrase_matcher_folds_tone_marks_and_keeps_offsets():
    m = PhraseMatcher({"Thanh Hóa": "th"})
    text = "tỉnh THANH HOÁ và Thanh Hoá"
    assert [(text[s:e], v) for s, e, v in m.find(text)] == [
        ("THANH HOÁ", "th"),
        ("Thanh Hoá", "th"),
    ]
