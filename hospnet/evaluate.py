"""Score extraction against hand-annotated gold files: precision, recall, F1, and the misses.

A gold file (tests/gold/annotations/*.json) names a document and lists its entities
({"label", "name", ...}) and relations ({"type", "from", "to"[, "technique"]}) by
canonical name. Names compare folded (no case, no diacritics). Keys:

- entity: (label, name)
- relation: (type, from, to), plus the technique for TRANSFERS;
  PARTY_TO compares only (type, from) — agreements have composed titles;
  UNDER compares only (type, to).

Only the labels and relationship types the gold set annotates are scored (it does
not annotate Agreement, Document, HAS_TECHNIQUE, ISSUED_BY, SIGNED_BY, MENTIONED_IN),
so an extraction is not charged for facts nobody checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hospnet.extract import extract
from hospnet.model import Document, Extraction
from hospnet.names import fold, normalize_text


@dataclass
class Score:
    """Counts for one label, one relationship type, or a total."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Miss:
    """A false negative (in gold, not extracted) or false positive (extracted, not in gold)."""

    doc: str
    kind: str  # "fn" | "fp"
    key: tuple


@dataclass
class Report:
    """Scores per entity label and relationship type, micro totals, and every miss."""

    documents: int = 0
    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    missing_docs: list[str] = field(default_factory=list)
    rules: dict[str, Score] = field(
        default_factory=dict
    )  # per `rule` id: tp and fp of what it extracted
    node_ids: set[str] = field(
        default_factory=set
    )  # what the extractor read, for the ledger's check
    relationship_keys: set[tuple] = field(default_factory=set)  # (type, from, to, technique)

    @property
    def entity_total(self) -> Score:
        return _total(self.entities.values())

    @property
    def relation_total(self) -> Score:
        return _total(self.relations.values())


def _total(scores: Iterable[Score]) -> Score:
    total = Score()
    for s in scores:
        total.add(s)
    return total


def entity_key(label: str, name: str) -> tuple:
    return (label, fold(name))


def relation_key(type_: str, start: str, end: str, technique: str | None = None) -> tuple:
    if type_ == "PARTY_TO":
        return (type_, fold(start))
    if type_ == "UNDER":
        return (type_, fold(end))
    if type_ == "TRANSFERS":
        return (type_, fold(start), fold(end), fold(technique or ""))
    return (type_, fold(start), fold(end))


def extracted_keys(extraction: Extraction) -> tuple[set[tuple], set[tuple]]:
    """The entity and relation keys of an extraction, by the gold file's conventions."""
    names = {
        n.id: (n.properties.get("name") or n.properties.get("title") or n.id)
        for n in extraction.nodes
    }
    entities = {entity_key(n.label, names[n.id]) for n in extraction.nodes}
    return entities, set(_rule_of_key(extraction, names))


def _rule_of_key(extraction: Extraction, names: dict[str, str]) -> dict[tuple, str]:
    """Each relation key of an extraction and the rule that first read it."""
    out: dict[tuple, str] = {}
    for r in extraction.relationships:
        technique = names.get(r.properties.get("technique", "")) if r.type == "TRANSFERS" else None
        key = relation_key(r.type, names.get(r.start, r.start), names.get(r.end, r.end), technique)
        out.setdefault(key, r.properties.get("rule", "?"))
    return out


def gold_keys(gold: dict) -> tuple[set[tuple], set[tuple]]:
    entities = {entity_key(e["label"], e["name"]) for e in gold.get("entities", [])}
    relations = {
        relation_key(r["type"], r["from"], r["to"], r.get("technique"))
        for r in gold.get("relations", [])
    }
    return entities, relations


def read_document(path: Path) -> Document:
    """A document file as the build reads it (through the loaders); as plain text when they cannot read it."""
    from hospnet.loaders import load_file

    for item in load_file(path):
        if isinstance(item, Document):
            return item
    text = normalize_text(path.read_text("utf-8"))
    return Document.from_text(text, source=path.name, language="vi")


def _find_doc(name: str, docs_dirs: list[Path]) -> Path | None:
    for d in docs_dirs:
        if (d / name).is_file():
            return d / name
    return None


def evaluate(
    gold_dir: str | Path,
    docs_dir: str | Path | list[str | Path],
    seeds_dir: str | Path | None = None,
) -> Report:
    """Extract every annotated document and compare with its gold file.

    `docs_dir` may be one directory or several; entries marked `"seed": true` are
    also looked for in `seeds_dir`.
    """
    dirs = [Path(d) for d in (docs_dir if isinstance(docs_dir, list) else [docs_dir])]
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    golds = [json.loads(p.read_text("utf-8")) for p in gold_files]
    labels = {e["label"] for g in golds for e in g.get("entities", [])}
    types = {r["type"] for g in golds for r in g.get("relations", [])}
    report = Report(
        entities={label: Score() for label in sorted(labels)},
        relations={t: Score() for t in sorted(types)},
    )
    for gold in golds:
        search = dirs + ([Path(seeds_dir)] if seeds_dir and gold.get("seed") else [])
        path = _find_doc(gold["doc"], search)
        if path is None:
            report.missing_docs.append(gold["doc"])
            continue
        document = read_document(path)
        if gold.get("language") and document.language != gold["language"]:
            document = document.model_copy(update={"language": gold["language"]})
        extraction = extract(document)
        report.node_ids |= {n.id for n in extraction.nodes}
        report.relationship_keys |= {
            (r.type, r.start, r.end, r.properties.get("technique"))
            for r in extraction.relationships
        }
        got_entities, got_relations = extracted_keys(extraction)
        want_entities, want_relations = gold_keys(gold)
        names = {
            n.id: (n.properties.get("name") or n.properties.get("title") or n.id)
            for n in extraction.nodes
        }
        for key, rule in _rule_of_key(extraction, names).items():
            if key[0] in types:
                score = report.rules.setdefault(rule, Score())
                score.tp += key in want_relations
                score.fp += key not in want_relations
        report.documents += 1
        _score(
            report.entities,
            report.misses,
            gold["doc"],
            {k for k in got_entities if k[0] in labels},
            want_entities,
        )
        _score(
            report.relations,
            report.misses,
            gold["doc"],
            {k for k in got_relations if k[0] in types},
            want_relations,
        )
    return report


def _score(
    scores: dict[str, Score], misses: list[Miss], doc: str, got: set[tuple], want: set[tuple]
) -> None:
    for key in sorted(got | want):
        score = scores.setdefault(key[0], Score())
        if key in got and key in want:
            score.tp += 1
        elif key in got:
            score.fp += 1
            misses.append(Miss(doc, "fp", key))
        else:
            score.fn += 1
            misses.append(Miss(doc, "fn", key))


def format_report(report: Report, misses: bool = True, by_rule: bool = False) -> str:
    """The report as a plain-text table, then (with `by_rule`) precision per rule, then the misses by document."""
    lines = [f"documents: {report.documents}"]
    if report.missing_docs:
        lines.append(f"documents not found: {', '.join(report.missing_docs)}")
    for title, scores, total in (
        ("entities", report.entities, report.entity_total),
        ("relationships", report.relations, report.relation_total),
    ):
        lines.append("")
        lines.append(f"{title:<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for name, s in [*scores.items(), ("overall (micro)", total)]:
            lines.append(
                f"{name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"
            )
    if by_rule:
        lines.append("")
        lines.append(f"{'rule':<32} {'P':>6} {'tp':>5} {'fp':>5}")
        for rule, sc in sorted(report.rules.items()):
            lines.append(f"{rule:<32} {sc.precision:6.3f} {sc.tp:5d} {sc.fp:5d}")
    if misses and report.misses:
        lines.append("")
        lines.append("misses (fn = in gold, not extracted; fp = extracted, not in gold):")
        for m in report.misses:
            lines.append(f"  {m.doc}  {m.kind}  {' | '.join(m.key)}")
    return "\n".join(lines)
