"""Entity recognition scored per label on the development set of real-fact news (../shared/devset).

The issue's target is entities F1 >= 0.90; these floors are what the recognisers truly reach
(`hospnet eval`), so a change that reads one label worse fails here. Raise them as the
reading improves; never lower them to pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hospnet.evaluate import evaluate, format_report

DEVSET = Path(__file__).resolve().parents[3] / "shared" / "devset"
FLOORS = {
    "overall": 0.87,
    "Hospital": 0.85,
    "Organization": 0.91,
    "Person": 0.89,
    "Program": 0.73,
    "Province": 0.97,
    "Technique": 0.37,
}


@pytest.fixture(scope="module")
def report():
    assert (DEVSET / "annotations").is_dir(), (
        f"the development set is missing: expected {DEVSET}/annotations"
    )
    return evaluate(DEVSET / "annotations", DEVSET / "docs")


def test_entity_floors_per_label(report):
    got = {label: score.f1 for label, score in report.entities.items()} | {
        "overall": report.entity_total.f1
    }
    below = {k: round(got.get(k, 0.0), 3) for k in FLOORS if got.get(k, 0.0) < FLOORS[k]}
    assert not below, f"below the floor {FLOORS}: {below}\n" + format_report(report, misses=False)
