"""The document size limit (HOSPNET_MAX_DOCUMENT_BYTES): a clear error naming the document, the rest stored.

(The API's limits, request body, documents per request, query time and rows, are tested with the API.)
"""

from __future__ import annotations

import json

from .conftest import export, hospnet
from .test_resume import GOOD, ledger, summary_count


def test_a_document_over_the_size_limit_is_refused_by_name_and_the_others_stored(
    rsettings, tmp_path
):
    folder = tmp_path / "in"
    folder.mkdir()
    limit = 2_000
    (folder / "small.txt").write_text(GOOD, encoding="utf-8")
    big = folder / "big.txt"
    big.write_text(GOOD + "Bệnh viện Bạch Mai hỗ trợ tuyến dưới. " * 100, encoding="utf-8")
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": GOOD.replace("Phú Thọ", "Sơn La")}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": "Bệnh viện K. " * 400}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )

    result = hospnet(rsettings, "build", str(folder), max_document_bytes=str(limit))

    assert result.returncode == 0, result.stderr
    assert summary_count(result.stdout, "stored") == 2
    assert summary_count(result.stdout, "failed") == 2
    size = big.stat().st_size
    assert (
        f"failed: {big}: too large: {size:,} bytes, over the limit of {limit:,} bytes"
        in result.stdout
    )
    assert any(
        line.startswith(f"failed: {feed}:2: too large") for line in result.stdout.splitlines()
    ), result.stdout
    assert set(ledger(rsettings)) == {str(big), f"{feed}:2"}
    titles = [
        r["properties"].get("title", "")
        for r in export(rsettings)
        if r["kind"] == "node" and r["label"] == "Document"
    ]
    assert len(titles) == 2
