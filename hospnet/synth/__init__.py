"""A synthetic national corpus: N news-style documents about a realistic network, and its ground truth.

`synthesize(docs, seed, out_dir)` writes `out_dir/docs/000001.txt …` and `out_dir/truth.jsonl`
(the export format of hospnet/graph/jsonl.py) holding exactly the facts the documents state.
Same seed, same bytes: one `random.Random(seed)`, no global state, ordered iteration only.
It measures extraction recall at national scale and feeds the benchmarks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from ..model import content_hash
from ..names import normalize_text
from .network import Link, Network, national_network
from .phrasing import Draft, old_tone_marks, vn_date
from .stories import STORIES, WEIGHTS, contract
from .truth import Facts


@dataclass
class Corpus:
    docs_dir: Path
    truth: Path
    documents: int
    nodes: int
    relationships: int


def _date_after(rng: random.Random, iso: str) -> str:
    y = rng.randint(int(iso[:4]), 2025)
    return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _dateline(rng: random.Random, iso: str) -> str:
    y, m, d = iso.split("-")
    return rng.choice(
        (
            f"Ngày {vn_date(iso, rng)}",
            f"{d}/{m}/{y} {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}",
            f"Cập nhật: {d}/{m}/{y}",
        )
    )


def write_document(
    rng: random.Random, net: Network, by_supporter: dict[str, list[Link]]
) -> tuple[str, Facts]:
    """One article: pick a story and the links it tells about, write it, return text and facts."""
    kind = rng.choices(list(WEIGHTS), list(WEIGHTS.values()))[0]
    draft = Draft(rng, net)
    if kind == "contract":
        supporter = rng.choice(sorted(by_supporter))
        first = rng.choice(by_supporter[supporter])
        # Several receivers sign together only when they are in one province.
        others = [
            l
            for l in by_supporter[supporter]
            if l is not first and l.receiver.province == first.receiver.province
        ]
        links = sorted(
            [first] + rng.sample(others, min(len(others), rng.choice((0, 0, 1, 2)))),
            key=lambda l: l.receiver.name,
        )
        date = links[0].signed
        title, paragraphs = contract(draft, links, date)
    else:
        pool = (
            [l for l in net.links if l.supporter.level == "central"]
            if kind == "province_team"
            else net.links
        )
        link = rng.choice(pool)
        date = link.signed if kind == "appointment" else _date_after(rng, link.signed)
        title, paragraphs = STORIES[kind](draft, link, date)
    text = "\n\n".join([title, _dateline(rng, date), *paragraphs]) + "\n"
    if rng.random() < 0.2:
        text = old_tone_marks(text)
    return text, draft.facts


def synthesize(docs: int, seed: int, out_dir: Path) -> Corpus:
    """Write `docs` documents and their ground truth under `out_dir`."""
    rng = random.Random(seed)
    net = national_network(rng)
    by_supporter: dict[str, list[Link]] = {}
    for link in net.links:
        by_supporter.setdefault(link.supporter.id, []).append(link)
    out_dir = Path(out_dir)
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    truth = Facts()
    width = max(6, len(str(docs)))
    seen: set[str] = set()
    for i in range(1, docs + 1):
        # A text written twice would be one Document (same content hash): write another instead.
        while True:
            text, facts = write_document(rng, net, by_supporter)
            doc_id = content_hash(normalize_text(text))
            if doc_id not in seen:
                break
        seen.add(doc_id)
        name = f"{i:0{width}d}.txt"
        (docs_dir / name).write_text(text, encoding="utf-8")
        truth.node("Document", doc_id, title=normalize_text(text.split("\n", 1)[0]), language="vi")
        truth.update(facts, doc_id)
    truth_path = out_dir / "truth.jsonl"
    with open(truth_path, "w", encoding="utf-8") as handle:
        truth.write_jsonl(handle)
    rels = len(truth.relationships)
    return Corpus(docs_dir, truth_path, docs, len(truth.nodes), rels)


__all__ = ["Corpus", "synthesize", "national_network"]
