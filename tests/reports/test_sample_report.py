"""The report on the bundled sample corpus: each of the 34 provinces, covered or not, with its evidence."""

from __future__ import annotations

import json

from hospnet.build import build
from hospnet.reports import build_report


def test_sample_corpus_report_lists_every_province_with_evidence(store, settings, tmp_path):
    summary = build(None, store, settings)
    assert summary.stored >= 15 and summary.failed == []
    files = build_report(store, tmp_path / "report")
    table = json.loads(
        (files.html.parent / "tables" / "provinces.json").read_text(encoding="utf-8")
    )
    rows = table["rows"]
    assert len(rows) == 34 and len({r["province"] for r in rows}) == 34
    assert {r["status"] for r in rows} <= {"covered", "partly", "uncovered"}
    covered = [r for r in rows if r["status"] == "covered"]
    uncovered = [r for r in rows if r["status"] == "uncovered"]
    assert len(covered) >= 10 and uncovered, (
        "the sample corpus covers part of the country, not all of it"
    )
    for row in covered:
        # A province is covered because a central hospital sits there (named in the reason) or by evidence.
        assert row["evidence"] or "located here" in row["reason"], row
        for line in row["evidence"]:
            assert "“" in line and "”" in line, line  # the sentence, quoted, with its document
    html = files.html.read_text(encoding="utf-8")
    for row in rows:
        assert row["province"] in html
