"""The national graph the browser tests and the agreement test share, built once per session.

`hospnet synth --docs N` (N = HOSPNET_TEST_NATIONAL_DOCS, default 10,000, the size issue 13 names)
read by the real extractor (`hospnet build`) into the embedded store, with hostile text in the
corpus: one article whose title and sentences carry script, and two hospitals whose names do (one
in Thanh Hóa supported by Bạch Mai, one in Lai Châu), so every page is tried against them.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from hospnet.build import BuildSummary, build
from hospnet.graph import open_store
from hospnet.graph.base import GraphStore
from hospnet.graph.writer import BatchWriter
from hospnet.model import Node, Relationship, content_hash
from hospnet.names import normalize_text, search_key
from hospnet.settings import Settings
from hospnet.synth import Corpus, synthesize
from tests.fixture_graph import BACH_MAI
from tests.reports.test_site import _write_evil

DOCS = int(os.environ.get("HOSPNET_TEST_NATIONAL_DOCS", "10000"))
SEED = 2025

EVIL_NAME = 'Bệnh viện <img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script> Hậu Lộc 2'
EVIL_ID = "hospital:evil-hau-loc-2"
EVIL_DOC = "document:evil"
EVIL_SENTENCE = (
    '</script><script>window.__pwned=3;alert(3)</script><b onmouseover="window.__pwned=4">x</b>'
)
# An article of the corpus itself, read by the loader and the extractor like any other.
EVIL_ARTICLE = (
    'Bệnh viện Bạch Mai hỗ trợ <script>window.__pwned=6;alert(6)</script><img src=x onerror="window.__pwned=7">\n\n'
    "Ngày 12/3/2024\n\n"
    "Bệnh viện Bạch Mai đã cử bác sĩ về hỗ trợ chuyên môn cho Bệnh viện đa khoa tỉnh Lai Châu "
    '<b onmouseover="window.__pwned=8">trong 3 tháng</b>.\n'
)


@dataclass(frozen=True)
class National:
    """The built graph and how it was made."""

    settings: Settings
    store: GraphStore
    corpus: Corpus
    summary: BuildSummary
    build_seconds: float
    article: str  # the id of the hostile article's Document node


def write_evil_document(store: GraphStore) -> None:
    """A document whose hospital name and sentences carry script, as a hostile article would."""
    nodes = [
        Node(
            label="Hospital",
            id=EVIL_ID,
            properties={
                "name": EVIL_NAME,
                "level": "district",
                "province": "Thanh Hóa",
                "search": search_key(EVIL_NAME),
            },
        ),
        Node(
            label="Document",
            id=EVIL_DOC,
            properties={"title": EVIL_NAME, "source": "evil.txt", "language": "vi"},
        ),
    ]
    relationships = [
        Relationship(
            type="SUPPORTS",
            start=BACH_MAI,
            start_label="Hospital",
            end=EVIL_ID,
            end_label="Hospital",
            properties={"kinds": ["training"], "sources": [EVIL_DOC], "evidence": EVIL_SENTENCE},
        ),
        Relationship(
            type="MENTIONED_IN",
            start=EVIL_ID,
            start_label="Hospital",
            end=EVIL_DOC,
            end_label="Document",
            properties={"sentence": EVIL_SENTENCE, "start": 0, "end": 10},
        ),
    ]
    BatchWriter(store).write_graph(nodes, relationships)


def build_national(falkordb_dir: Path, root: Path) -> National:
    """Write the corpus under `root`, build it into a graph of its own on the embedded server."""
    settings = Settings(
        store="falkordb",
        data_dir=falkordb_dir,
        graph_name="national",
        corrections_file=root / "corrections.jsonl",
        _env_file=None,
    )
    corpus = synthesize(DOCS, SEED, root / "corpus")
    (corpus.docs_dir / "hostile.txt").write_text(EVIL_ARTICLE, encoding="utf-8")
    store = open_store(settings)
    store.clear()
    store.ensure_schema()
    started = time.perf_counter()
    summary = build([corpus.docs_dir], store, settings)
    seconds = time.perf_counter() - started
    assert summary.stored == DOCS + 1 and not summary.failed, (summary.stored, summary.failed[:3])
    write_evil_document(store)
    _write_evil(store)
    article = content_hash(normalize_text(EVIL_ARTICLE))
    return National(settings, store, corpus, summary, seconds, article)
