"""The failure side of the ingest ledger: which sources failed and why, kept beside the store.

The success side lives in the graph itself: a document is done when its `Document` node (id = content
hash) exists, written in the same transaction as its facts. Failures have no trustworthy content hash
(the file may not even decode), so they are kept by source in `failures.jsonl` in the data directory,
for `hospnet build --retry-failed` and for a person to read.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFolderError


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str


class FailureLedger:
    """Failures by source; a later success of the same source removes it."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "failures.jsonl"

    def read(self) -> dict[str, Failure]:
        if not self.path.exists():
            return {}
        found = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
                found[record["source"]] = Failure(record["source"], record["reason"])
            except (ValueError, KeyError):
                continue  # a torn last line from a killed build
        return found

    def update(self, failed: list[Failure], succeeded: set[str]) -> None:
        """Record this run's failures and forget sources that now load; written atomically."""
        current = self.read()
        for source in succeeded:
            current.pop(source, None)
        for failure in failed:
            current[failure.source] = failure
        tmp = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(
                "".join(
                    json.dumps({"source": f.source, "reason": f.reason}, ensure_ascii=False) + "\n"
                    for f in current.values()
                ),
                encoding="utf-8",
            )
            os.replace(tmp, self.path)
        except OSError as exc:  # a read-only or full data folder; the ledger as it was stays
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise DataFolderError(
                f"cannot save the failure ledger in {self.path.parent}: {exc.strerror or exc}"
            ) from exc

    def sources(self) -> list[Path]:
        """Failed sources that are files still on disk (a JSONL line's source names its file)."""
        paths = []
        for source in self.read():
            path = Path(
                source.rsplit(":", 1)[0] if not Path(source).exists() and ":" in source else source
            )
            if path.exists() and path not in paths:
                paths.append(path)
        return paths
