"""The corrected graph as gold: every fix a person makes becomes a test case for the extractor.

One file per document (tests/gold format, named `<document file name>.json`): the entities the
document mentions and the relationships read from it, as the corrected graph holds them now.
`hospnet eval GOLD DOCS` then scores a new extractor against people's corrections.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..graph.base import GraphStore
from ..loaders import iter_files, load_file
from ..model import Document

DOCUMENTS = (
    "MATCH (d:Document) RETURN d.id AS id, d.source AS source, d.language AS language ORDER BY id"
)
ENTITIES = (
    "MATCH (n)-[:MENTIONED_IN]->(:Document {id: $id}) WHERE NOT n:Agreement AND NOT n:Document "
    "RETURN DISTINCT labels(n)[0] AS label, coalesce(n.name, n.id) AS name, n.level AS level, n.province AS province, "
    "n.legacy_province AS legacy_province ORDER BY label, name"
)
RELATIONS = (
    "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' AND $id IN r.sources "
    "OPTIONAL MATCH (t:Technique {id: r.technique}) "
    "RETURN type(r) AS type, coalesce(a.name, a.title, a.id) AS start, labels(b)[0] AS end_label, "
    "coalesce(b.name, b.title, b.id) AS end, t.name AS technique, r.title AS title, r.program AS program ORDER BY type, start, end"
)


def file_names(docs: Path) -> dict[str, str]:
    """Document id -> the name of the file under `docs` it was read from (a JSONL file's lines share it)."""
    names: dict[str, str] = {}
    for path in iter_files([docs]):
        for item in load_file(path):
            if isinstance(item, Document):
                names.setdefault(
                    item.id, str(path.relative_to(docs)) if path != docs else path.name
                )
    return names


def export_gold(store: GraphStore, out: Path, docs: Path | None = None) -> list[Path]:
    """Write a gold file for each document with a file name (found in `docs`, else its source); returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    names = file_names(docs) if docs else {}
    written = []
    for doc in store.read(DOCUMENTS, limit=None):
        name = names.get(doc["id"]) or Path(str(doc["source"] or "")).name
        if "." not in name or name.endswith(".jsonl"):
            continue  # a publisher's name, or a file of many documents: not one `hospnet eval` reads
        entities = [
            {k: v for k, v in row.items() if v is not None}
            for row in store.read(ENTITIES, {"id": doc["id"]}, limit=None)
        ]
        relations = []
        for row in store.read(RELATIONS, {"id": doc["id"]}, limit=None):
            rel = {
                "type": row["type"],
                "from": row["start"],
                "to": "agreement" if row["end_label"] == "Agreement" else row["end"],
            }
            rel.update({k: row[k] for k in ("technique", "title", "program") if row.get(k)})
            relations.append(rel)
        gold = {
            "doc": name,
            "language": doc["language"] or "vi",
            "entities": entities,
            "relations": relations,
        }
        path = out / f"{name}.json"
        path.write_text(
            json.dumps(gold, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
