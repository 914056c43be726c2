"""Relation rules as data: trigger lists and clause patterns read from YAML, matched against one sentence.

A rule file (hospnet/data/rules/relations.yaml; its header explains the pattern language)
holds the trigger lists, each defined once, and rules with an id, slots and examples. A
newcomer adds a rule by adding an entry there; `load_rules(path)` reads any such file.

>>> rules = load_rules()
>>> rules.get("supports.active").pattern[1].names
('support', 'send', 'consult', 'transfer', 'rotate')
>>> [(h.name, h.text) for h in rules.hits("Bệnh viện A không hỗ trợ ai", names=("support", "negation"))]
[('negation', 'không'), ('support', 'hỗ trợ')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from hospnet.errors import RuleFileError
from hospnet.extract.phrases import PhraseMatcher, fold_chars, scan

_DEFAULT = "relations.yaml"
GAP = "..."


@dataclass(frozen=True)
class Element:
    """One element of a pattern: a slot (`slot` set) or a trigger (`names` set); `gap` allows words before it."""

    slot: str | None = None
    names: tuple[str, ...] = ()
    gap: bool = False


@dataclass(frozen=True)
class Rule:
    """A clause pattern that makes one relation type, with the examples that test it."""

    id: str
    relation: str
    pattern: tuple[Element, ...]
    open: str | None = None  # the slot the neighbouring sentence fills
    unless: tuple[str, ...] = ()  # trigger lists whose words cancel a match they stand inside
    examples: tuple[dict, ...] = ()
    single: tuple[str, ...] = ()  # slots whose units a comma does not join (only "và", "and")
    open_from: str = (
        "neighbour"  # who fills the open slot: the neighbouring sentence, or the "story"
    )


# Who fills a rule's open slot: the sentence before or after, or (open givers only) the story's most
# salient hospital of a higher level than every receiver.
OPEN_FROM = ("neighbour", "story")


@dataclass(frozen=True)
class Hit:
    """A trigger word found in a sentence (offsets in the document)."""

    name: str
    start: int
    end: int
    text: str


@dataclass
class RuleSet:
    """Trigger lists compiled once, the slots' labels, and the rules in file order."""

    triggers: dict[str, re.Pattern]
    slots: dict[str, tuple[str, ...]]
    rules: list[Rule]
    gap: int = 160
    words: dict[str, list[str]] = field(default_factory=dict)
    _first: PhraseMatcher[frozenset[str]] | None = field(default=None, repr=False, compare=False)
    _needs: list[tuple[Rule, tuple[frozenset[str], ...]]] | None = field(
        default=None, repr=False, compare=False
    )

    def get(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def hits(self, text: str, base: int = 0, names: tuple[str, ...] | None = None) -> list[Hit]:
        """Every trigger word of the named lists (all lists when None) in `text`, in order.

        Each list's regex is tried only where the folded first word of one of its phrases
        stands (one Aho-Corasick pass, `first_words`), which finds what a scan of the whole
        sentence per list would, at a fraction of the cost."""
        wanted = names or tuple(self.triggers)
        starts: dict[str, set[int]] = {}
        for start, lists in self.first_words().candidates(text):
            for name in lists:
                starts.setdefault(name, set()).add(start)
        out = [
            Hit(name, base + m.start(), base + m.end(), m.group(0))
            for name in wanted
            if name in starts
            for m in scan(self.triggers[name], text, sorted(starts[name]))
        ]
        return sorted(out, key=lambda h: (h.start, -h.end))

    def applicable(self, present: set[str]) -> list[Rule]:
        """The rules, in file order, each of whose trigger elements has a word of its lists among the
        trigger lists `present` in a sentence: no other rule can match there."""
        if self._needs is None:
            self._needs = [
                (rule, tuple(frozenset(el.names) for el in rule.pattern if not el.slot))
                for rule in self.rules
            ]
        return [rule for rule, needs in self._needs if all(n & present for n in needs)]

    def first_words(self) -> PhraseMatcher[frozenset[str]]:
        """The first word of every trigger phrase, folded, with the lists it opens."""
        if self._first is None:
            opens: dict[str, set[str]] = {}
            for name, ws in self.words.items():
                for w in ws:
                    if w.split():
                        opens.setdefault(fold_chars(w.split()[0]), set()).add(name)
            self._first = PhraseMatcher({k: frozenset(v) for k, v in opens.items()})
        return self._first

    def has(self, name: str, text: str) -> bool:
        """Whether `text` holds a word of the named list (a file without that list has none)."""
        rx = self.triggers.get(name)
        return bool(rx and rx.search(text))

    def finditer(
        self, name: str, text: str, start: int = 0, end: int | None = None
    ) -> list[re.Match]:
        rx = self.triggers.get(name)
        return list(rx.finditer(text, start, len(text) if end is None else end)) if rx else []


def _phrases(words: list[str]) -> re.Pattern:
    """One regex for a word list: longest first, whole words, case-insensitive."""
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _element(raw: object, gap: bool, slots: dict, triggers: dict, where: str) -> Element:
    if not isinstance(raw, str):
        raise RuleFileError(f"{where}: a pattern element must be a string, got {raw!r}")
    if raw.startswith("@"):
        names = tuple(n.strip().lstrip("@") for n in raw.split("|"))
        unknown = [n for n in names if n not in triggers]
        if unknown:
            raise RuleFileError(
                f"{where}: unknown trigger list {unknown[0]!r}; define it under `triggers`"
            )
        return Element(names=names, gap=gap)
    if raw not in slots:
        raise RuleFileError(f"{where}: unknown slot {raw!r}; slots are {', '.join(slots)}")
    return Element(slot=raw, gap=gap)


def parse_rules(data: dict, source: str = "rules") -> RuleSet:
    """A RuleSet from the parsed YAML of a rule file; errors name the file and the rule."""
    try:
        words = {name: [str(w) for w in ws] for name, ws in data["triggers"].items()}
        slots = {name: tuple(labels) for name, labels in data["slots"].items()}
        entries = data["rules"]
    except (KeyError, TypeError, AttributeError) as exc:
        raise RuleFileError(
            f"{source}: needs `triggers`, `slots` and `rules` mappings ({exc})"
        ) from None
    rules = []
    for i, entry in enumerate(entries):
        where = f"{source}: rule {entry.get('id', i)!r}"
        if not entry.get("id") or not entry.get("relation") or not entry.get("pattern"):
            raise RuleFileError(f"{where}: needs `id`, `relation` and `pattern`")
        elements, gap = [], False
        for raw in entry["pattern"]:
            if raw == GAP:
                gap = True
                continue
            elements.append(_element(raw, gap, slots, words, where))
            gap = False
        if entry.get("open") and entry["open"] not in slots:
            raise RuleFileError(f"{where}: `open` names no slot")
        unless = tuple(entry.get("unless") or ())
        if any(u not in words for u in unless):
            raise RuleFileError(f"{where}: `unless` names an unknown trigger list")
        single = tuple(entry.get("single") or ())
        if any(x not in slots for x in single):
            raise RuleFileError(f"{where}: `single` names no slot")
        open_from = entry.get("open_from", "neighbour")
        if open_from not in OPEN_FROM or (
            open_from != "neighbour" and entry.get("open") != "givers"
        ):
            raise RuleFileError(
                f"{where}: `open_from` is one of {', '.join(OPEN_FROM)} (story: open givers)"
            )
        rules.append(
            Rule(
                entry["id"],
                entry["relation"],
                tuple(elements),
                entry.get("open"),
                unless,
                tuple(entry.get("examples") or ()),
                single,
                open_from,
            )
        )
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RuleFileError(f"{source}: rule ids must be unique")
    return RuleSet(
        {n: _phrases(ws) for n, ws in words.items()}, slots, rules, int(data.get("gap", 160)), words
    )


@functools.lru_cache(maxsize=8)
def load_rules(path: str | Path | None = None) -> RuleSet:
    """The rule file at `path`, or the package's own (hospnet/data/rules/relations.yaml)."""
    if path is None:
        text = (
            resources.files("hospnet.data").joinpath("rules").joinpath(_DEFAULT).read_text("utf-8")
        )
        source = f"hospnet/data/rules/{_DEFAULT}"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise RuleFileError(f"{path}: cannot read the rule file ({exc.strerror})") from None
        source = str(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{source}: not valid YAML ({exc})") from None
    return parse_rules(data or {}, source)
