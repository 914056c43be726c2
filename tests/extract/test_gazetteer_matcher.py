"""The hospital gazetteer is tried only where the phrase matcher sees a name start: same matches."""

from __future__ import annotations

from pathlib import Path

from hospnet.evaluate import read_document
from hospnet.extract import hospitals
from hospnet.extract.segment import sentences

ROOT = Path(__file__).resolve().parents[2]


def test_prefiltered_gazetteer_matches_equal_the_whole_alternation():
    pattern, _ = hospitals._gazetteer()
    files = sorted((ROOT / "tests" / "gold" / "docs").glob("*.txt"))
    files += sorted((ROOT / "hospnet" / "data" / "sample").glob("*.txt"))
    checked = 0
    for path in files:
        for s in sentences(read_document(path).text):
            expected = [m.span() for m in pattern.finditer(s.text)]
            assert [m.span() for m in hospitals._gazetteer_matches(s.text)] == expected, s.text
            checked += bool(expected)
    assert checked > 50
