"""Entity patterns as data: a head noun ("Viện", "Trường Đại học", "Sư đoàn") and the name after it.

The patterns live in hospnet/data/patterns/*.json, each with an id, its label, its heads
and example sentences (run as tests). A name after a head is read by
`lexicon.read_name`; the id goes on the mention as its `rule`.

>>> [(m.name, m.rule) for m in head_names("Viện trưởng Viện Pasteur TP.HCM và Sư đoàn 8", 0, "Organization")]
[('Viện Pasteur Thành phố Hồ Chí Minh', 'org.institute'), ('Sư đoàn 8', 'org.military_unit')]
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from hospnet.extract import gazetteers
from hospnet.extract.lexicon import UPPER, read_name, read_place
from hospnet.extract.mentions import Mention
from hospnet.extract.phrases import PhraseMatcher, fold_chars
from hospnet.names import expand_abbreviations, normalize_text

_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"
# Abbreviations seen inside institution names (beside hospnet.names' hospital ones).
_NAME_ABBREVIATIONS = (
    (re.compile(r"(?<![\w])ĐH(?![\w])"), "Đại học"),
    (re.compile(r"(?<![\w])YHCT(?![\w])"), "Y học cổ truyền"),
    (re.compile(r"(?<![\w])MTTQ(?![\w])"), "Mặt trận Tổ quốc"),
    (re.compile(r"[ ]*[–-][ ]*"), " - "),
)


_INSIDE_NAME = re.compile(rf"(?:(?<![\w])[{UPPER}][\w]*|[Vv]iện|BV|Trường)[ ]$")


@dataclass(frozen=True)
class HeadRule:
    id: str
    label: str
    kind: str
    number: bool  # the head takes a number ("Sư đoàn 8"), not a name
    bare: bool  # the head is the whole name ("USAID")
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class _Patterns:
    matcher: PhraseMatcher
    name_words: frozenset[str]
    stop_caps: frozenset[str]
    not_after_head: frozenset[str]
    rules: tuple[HeadRule, ...]


@functools.lru_cache(maxsize=1)
def patterns() -> _Patterns:
    files = [json.loads(path.read_text("utf-8")) for path in sorted(_DIR.glob("*.json"))]
    rules, phrases = [], []
    for entry in (e for data in files for e in data["heads"]):
        rule = HeadRule(
            entry["id"],
            entry.get("label", "Organization"),
            entry["kind"],
            bool(entry.get("number")),
            bool(entry.get("bare")),
            tuple(entry.get("examples", ())),
        )
        rules.append(rule)
        phrases += [(normalize_text(h), (rule, normalize_text(h))) for h in entry["heads"]]

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize_text(w) for data in files for w in data.get(key, ()))

    name_words = (words("name_words") | _gazetteer_words()) - words("not_name_words")
    return _Patterns(
        PhraseMatcher(phrases),
        name_words,
        words("stop_caps"),
        words("not_after_head"),
        tuple(rules),
    )


def _gazetteer_words() -> frozenset[str]:
    """The lower-case words of the Vietnamese names in the gazetteers ("Chợ Rẫy" none, "Y học cổ truyền" three)."""
    names = [n for h in gazetteers.hospitals() for n in (h.name, *h.aliases)]
    names += [n for o in gazetteers.organizations() for n in (o.name, *o.aliases)]
    return frozenset(
        w for n in names if not n.isascii() for w in re.findall(r"\w+", n) if w.islower()
    )


@functools.lru_cache(maxsize=4096)
def canonical_name(surface: str) -> str:
    """Abbreviations spelled out, one spacing for hyphens ("Y-Dược" -> "Y - Dược"); kept, as the
    same names recur in every document and each is six regex passes."""
    name = surface
    for pattern, full in _NAME_ABBREVIATIONS:
        name = pattern.sub(full, name)
    return expand_abbreviations(name)


@functools.lru_cache(maxsize=64)
def _hits(text: str) -> list:
    """The head phrases of a sentence, found once for every label's reader."""
    return patterns().matcher.find(text)


def head_names(text: str, base: int, label: str) -> list[Mention]:
    """Names introduced by a head noun of `label` in a sentence starting at document offset `base`."""
    p = patterns()
    out: list[Mention] = []
    hits = _hits(text)
    heads_at = frozenset(h[0] for h in hits)
    hard_heads = frozenset(h[0] for h in hits if h[2][0].label == "Hospital")
    for start, end, (rule, head) in hits:
        if (
            rule.label != label
            or not text[start].isupper()
            or text[start:end].lower() != head.lower()
        ):
            continue  # folding finds candidates; a head's own spelling decides ("Vụ" is not "Vũ")
        if _INSIDE_NAME.search(text[:start]):
            continue  # "Bắc Trung Bộ", "Bệnh viện Đại học Y Dược": part of a longer name
        if rule.bare:
            if text[start:end].isupper() or text[start:end] == head:
                out.append(
                    Mention(
                        label,
                        head,
                        base + start,
                        base + end,
                        text[start:end],
                        {"kind": rule.kind},
                        priority=2,
                        rule=rule.id,
                    )
                )
            continue
        if rule.number:
            m = re.match(r"[ ]+(?:số[ ]+)?\d+(?![\w])", text[end:])
            name_end = end + m.end() if m else end
        else:
            nxt = re.match(r"[ ]+(\w+)", text[end:])
            if nxt and nxt.group(1) in p.not_after_head:
                continue
            name_end = read_name(text, end, p.name_words, p.stop_caps, heads_at, hard_heads)
        if name_end == end:
            continue
        surface = text[start:name_end]
        place = read_place(surface)
        if place is not None and place.length == len(surface):
            continue  # "Hội An", "Vụ Bản": a place whose name starts like a head
        out.append(
            Mention(
                label,
                canonical_name(surface),
                base + start,
                base + name_end,
                surface,
                {"kind": rule.kind},
                priority=2,
                rule=rule.id,
            )
        )
    return out


__all__ = ["canonical_name", "fold_chars", "head_names", "patterns"]
