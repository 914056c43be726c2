"""The gazetteers and the trigger lists are tried only where the phrase matcher sees a phrase start:
the same matches as a scan of the whole sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from hospnet.evaluate import read_document
from hospnet.extract import hospital_patterns, hospitals, organizations, people, techniques
from hospnet.extract.phrases import scan
from hospnet.extract.rules import load_rules
from hospnet.extract.segment import sentences

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> list[str]:
    files = sorted((ROOT / "tests" / "gold" / "docs").glob("*.txt"))
    files += sorted((ROOT / "hospnet" / "data" / "sample").glob("*.txt"))
    return [s.text for path in files for s in sentences(read_document(path).text)]


def test_prefiltered_gazetteer_matches_equal_the_whole_alternation():
    pattern, _ = hospitals._gazetteer()
    checked = 0
    for text in _sentences():
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in hospitals._gazetteer_matches(text)] == expected, text
        checked += bool(expected)
    assert checked > 50


@pytest.mark.parametrize(
    "vocabulary",
    [
        (organizations._gazetteer, organizations._gazetteer_starts),
        (techniques._vocabulary, techniques._vocabulary_starts),
    ],
    ids=["organizations", "techniques"],
)
def test_prefiltered_vocabulary_matches_equal_the_whole_alternation(vocabulary):
    """Scanning only where the phrase matcher sees a name start finds what a whole scan does."""
    alternation, name_starts = vocabulary
    pattern, _ = alternation()
    starts = name_starts()
    checked = 0
    for text in _sentences():
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in scan(pattern, text, starts.starts(text))] == expected, text
        checked += bool(expected)
    assert checked > 5


def test_trigger_hits_equal_a_scan_per_list():
    rules = load_rules()
    for text in _sentences():
        expected = sorted(
            (
                (name, m.start(), m.end())
                for name, rx in rules.triggers.items()
                for m in rx.finditer(text)
            ),
            key=lambda h: (h[1], -h[2]),
        )
        assert (
            sorted(
                ((h.name, h.start, h.end) for h in rules.hits(text)), key=lambda h: (h[1], -h[2])
            )
            == expected
        )


def test_a_sentence_without_a_patterns_needed_words_is_one_it_cannot_match():
    """The words a hospital pattern or an organization head needs are in every sentence it matches
    (a sentence without them is not scanned)."""
    gated = [(kind, rx, needs) for kind, rx, needs in hospital_patterns.PATTERNS if needs]
    for heads in organizations._patterns():
        gated += [("org.named", heads.named, heads.forms), ("org.bare", heads.bare, heads.forms)]
    matched = set()
    for text in _sentences():
        for kind, rx, needs in gated:
            if rx.search(text):
                assert any(word in text for word in needs), (kind, text)
                matched.add(kind)
    assert {"provincial", "district", "bare", "specialist", "org.named", "org.bare"} <= matched


def test_prefiltered_people_readers_equal_a_whole_scan():
    openers = people._openers()
    checked = 0
    for text in _sentences():
        for kind, matcher in openers.items():
            regex = people._regexes()[kind]
            expected = [m.span() for m in regex.finditer(text)]
            assert [m.span() for m in scan(regex, text, matcher.starts(text))] == expected, text
            checked += bool(expected)
    assert checked > 20
