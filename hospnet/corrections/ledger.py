"""The corrections ledger: the graph's second source besides the documents, one JSON record a line.

`corrections.jsonl` is append-only and meant to be kept in git by a team: a record is never
rewritten; an undo is a new record naming the one it cancels. Each record says who, when and why,
and one operation:

    reject  a relationship {type, from, to[, technique|title]} or a node {node}: no build brings it back
    add     a relationship {type, from, to, properties, source: {document, sentence} | {citation}}
    merge   {keep, gone}: gone's name becomes an alias of keep, its relationships move to keep
    split   {node, alias}: the alias becomes a node of its own, with the facts whose evidence names it
    set     {node, property, value} or a relationship's {type, from, to, property, value}
    undo    {undoes}: the correction it names no longer applies
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from ..errors import HospnetError

OPERATIONS = ("reject", "add", "merge", "split", "set", "undo")


class CorrectionError(HospnetError):
    """A correction that cannot be recorded (unknown id, self-merge, contradiction); nothing is written."""

    hint = "run `hospnet corrections list` to see the ledger"


class Correction(BaseModel):
    """One record of the ledger."""

    id: str
    op: str
    who: str
    when: str
    why: str
    target: dict[str, Any] = Field(default_factory=dict)

    def line(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, sort_keys=True)


def new_correction(
    op: str, target: dict[str, Any], who: str, why: str, when: str | None = None
) -> Correction:
    """A correction with a random-salted hash for id, so two people's ledgers merge in git without clashes."""
    if op not in OPERATIONS:
        raise CorrectionError(f"unknown correction {op!r}: use one of {', '.join(OPERATIONS)}")
    if not why.strip():
        raise CorrectionError(f'a {op} needs a reason: give --why "…"')
    if not who.strip():
        raise CorrectionError(f"a {op} needs a name: give --who NAME")
    when = when or datetime.now(timezone.utc).isoformat(timespec="seconds")
    body = json.dumps(
        {
            "op": op,
            "target": target,
            "who": who,
            "when": when,
            "why": why,
            "nonce": secrets.token_hex(8),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    return Correction(
        id="c-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:10],
        op=op,
        who=who.strip(),
        when=when,
        why=why.strip(),
        target=target,
    )


class Ledger:
    """The file of corrections; appends are one write of one line, so a killed writer leaves a torn line at most."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> list[Correction]:
        if not self.path.exists():
            return []
        out = []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                out.append(Correction.model_validate_json(line))
            except ValueError as exc:
                if number == len(lines) or not line.rstrip().endswith("}"):
                    continue  # a torn line from a killed writer
                raise CorrectionError(
                    f"{self.path}:{number}: not a correction record ({type(exc).__name__})",
                    hint="fix or remove that line; the ledger is plain JSON lines",
                ) from exc
        return out

    def append(self, correction: Correction) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        torn = (
            self.path.exists()
            and self.path.stat().st_size
            and not self.path.read_bytes().endswith(b"\n")
        )
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(
                ("\n" if torn else "") + correction.line() + "\n"
            )  # a torn line stays alone, skipped
            handle.flush()
            os.fsync(handle.fileno())

    def get(self, correction_id: str) -> Correction:
        for correction in self.read():
            if correction.id == correction_id:
                return correction
        raise CorrectionError(f"no correction with id {correction_id!r}")

    def active(self) -> list[Correction]:
        """The corrections that apply, in the order they were made (undos and what they undo left out)."""
        records = self.read()
        undone = {c.target.get("undoes") for c in records if c.op == "undo"}
        return [c for c in records if c.op != "undo" and c.id not in undone]

    def undone(self) -> set[str]:
        return {str(c.target.get("undoes")) for c in self.read() if c.op == "undo"}
