"""Extraction scored on the development set of real-fact news articles (../shared/devset).

The issue's target is entities F1 >= 0.90 and relationships F1 >= 0.80 with SUPPORTS,
TRANSFERS and HOLDS_POSITION each >= 0.75. The floors below hold those targets, a little
above where the extractor reads today (README, `hospnet eval`), so a change that reads worse
fails here. Raise them as the reading improves; never lower them to pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hospnet.evaluate import evaluate, format_report

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
FLOORS = {
    "entities": 0.91,
    "relationships": 0.82,
    "SUPPORTS": 0.75,
    "TRANSFERS": 0.75,
    "HOLDS_POSITION": 0.85,
}


@pytest.fixture(scope="module")
def report():
    assert (DEVSET / "annotations").is_dir(), (
        f"the development set is missing: expected {DEVSET}/annotations"
    )
    return evaluate(DEVSET / "annotations", DEVSET / "docs")


def test_every_devset_document_is_read(report):
    assert report.documents == 40 and not report.missing_docs


def test_devset_floors(report):
    got = {
        "entities": report.entity_total.f1,
        "relationships": report.relation_total.f1,
        "SUPPORTS": report.relations["SUPPORTS"].f1,
        "TRANSFERS": report.relations["TRANSFERS"].f1,
        "HOLDS_POSITION": report.relations["HOLDS_POSITION"].f1,
    }
    below = {k: round(v, 3) for k, v in got.items() if v < FLOORS[k]}
    assert not below, f"below the floor {FLOORS}: {below}\n" + format_report(report, misses=False)


def test_every_rule_is_scored(report):
    """`--by-rule` sees the rule id of every relationship it scores."""
    assert "?" not in report.rules and any(rule.startswith("supports.") for rule in report.rules)
