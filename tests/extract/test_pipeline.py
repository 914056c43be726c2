"""The declared extraction pipeline (hospnet/extract/pipeline.py)."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.extract.pipeline import PIPELINE, run_pipeline
from hospnet.model import Document


def test_every_stage_needs_only_what_earlier_stages_give():
    given = {"document"}
    for stage in PIPELINE:
        missing = set(stage.needs) - given
        assert not missing, f"stage {stage.name!r} needs {missing} before anything gives it"
        given |= set(stage.gives)
    assert PIPELINE[-1].gives == ("extraction",)


def test_a_stage_left_out_leaves_out_what_it_reads():
    doc = Document(
        id="d",
        text="Bệnh viện Bạch Mai hỗ trợ chuyên môn cho Bệnh viện Đa khoa tỉnh Phú Thọ.",
        source="t",
    )
    whole = extract(doc)
    without_support = run_pipeline(doc, tuple(s for s in PIPELINE if s.name != "support"))
    assert any(r.type == "SUPPORTS" for r in whole.relationships)
    assert not any(r.type == "SUPPORTS" for r in without_support.relationships)
    assert {n.id for n in without_support.nodes} <= {n.id for n in whole.nodes}
