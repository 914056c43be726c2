"""Extraction speed in words per second on one core, against underthesea's NER on the same sentences.

The corpus is the sample shipped in hospnet/data/sample (the gold documents if it is empty).
Both sides are warmed up first (gazetteer regexes compiled, the CRF model loaded), then
timed over the whole corpus in this process, one thread.

    python -m benchmarks.bench_extract [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from hospnet.evaluate import read_document
from hospnet.extract import extract
from hospnet.extract.segment import sentences
from hospnet.model import Document

from .context import Row

ROOT = Path(__file__).resolve().parents[1]
TARGET = 10.0  # issue 12: extraction at least 10x underthesea.ner's words/s
CORPORA = (ROOT / "hospnet" / "data" / "sample", ROOT / "tests" / "gold" / "docs")


def corpus() -> tuple[Path, list[Document]]:
    for folder in CORPORA:
        files = sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".html", ".md"))
        if files:
            return folder, [read_document(p) for p in files]
    raise SystemExit("no corpus: hospnet/data/sample and tests/gold/docs are empty")


def measure(docs: list[Document], repeat: int = 3) -> dict:
    """Words/s of `extract` and of `underthesea.ner` over the same sentences, best of `repeat` rounds each."""
    from underthesea import ner  # noqa: PLC0415 (heavy import, only here)

    words = sum(len(d.text.split()) for d in docs)
    sents = [s.text for d in docs for s in sentences(d.text)]
    extract(docs[0])
    ner(sents[0])

    # Rounds take turns, and each side's best round counts: both sides get the same bursts of a
    # shared machine's other work, and the same number of tries.
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(_timed(lambda: [extract(d) for d in docs]))
        theirs.append(_timed(lambda: [ner(s) for s in sents]))
    best_ours, best_ner = min(ours), min(theirs)
    return {
        "docs": len(docs),
        "sentences": len(sents),
        "words": words,
        "extract_wps": words / best_ours,
        "ner_wps": words / best_ner,
        "ratio": (words / best_ours) / (words / best_ner),
    }


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(repeat: int = 3) -> list[Row]:
    folder, docs = corpus()
    m = measure(docs, repeat)
    return [
        Row(
            "extract",
            "",
            f"{m['extract_wps']:,.0f} words/s",
            f"underthesea.ner {m['ner_wps']:,.0f} words/s",
            f"{m['ratio']:.1f}x",
            f"{m['docs']} docs, {m['words']:,} words from {folder.relative_to(ROOT)}; "
            f"issue 12: >= {TARGET:g}x ({'met' if m['ratio'] >= TARGET else 'NOT met'})",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder, docs = corpus()
    m = measure(docs, args.repeat)
    print(
        f"corpus: {folder.relative_to(ROOT)} ({m['docs']} documents, {m['sentences']} sentences, "
        f"{m['words']:,} words)"
    )
    print(f"hospnet.extract : {m['extract_wps']:>10,.0f} words/s")
    print(f"underthesea.ner : {m['ner_wps']:>10,.0f} words/s (same sentences, same process)")
    print(f"ratio           : {m['ratio']:>10.1f}x (issue 12: >= {TARGET:g}x)")


if __name__ == "__main__":
    main()
