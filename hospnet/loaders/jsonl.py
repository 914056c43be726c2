"""JSON Lines (.jsonl): one document a line, {"text": ..., "title"?, "date"?, "source"?}.

A corpus is often one big JSONL file, so the size limit applies to each line
(each document), the file is streamed, and a bad line is reported as
`file.jsonl:LINE` while the other lines still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from hospnet.errors import DocumentError
from hospnet.loaders.document import build_document, document_error
from hospnet.loaders.metadata import parse_date
from hospnet.loaders.registry import register, too_large
from hospnet.model import Document

_OPTIONAL = ("title", "date", "source")


@register(".jsonl")
def read_jsonl(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        label = f"{name}:{number}"
        if line is None:
            yield too_large(label, None, max_bytes)
            continue
        if not line.strip():
            continue
        try:
            yield _record(label, line, first=number == 1)
        except DocumentError as error:
            yield error


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line over the limit (its rest skipped unread into memory)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _record(label: str, line: bytes, *, first: bool) -> Document:
    try:
        raw = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise document_error(
            label, f"not valid UTF-8 (byte 0x{line[exc.start]:02X} at column {exc.start + 1})"
        ) from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise document_error(label, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise document_error(label, f"invalid JSON ({type(exc).__name__})") from None
    if not isinstance(record, dict):
        raise document_error(label, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise document_error(
            label,
            'no "text" field (a string)'
            if text is None
            else f'"text" must be a string, not {type(text).__name__}',
        )
    fields = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise document_error(label, f'"{key}" must be a string, not {type(value).__name__}')
        fields[key] = value or None
    if fields["date"] is not None:
        iso = parse_date(fields["date"])
        if iso is None:
            raise document_error(label, f'"date" {fields["date"]!r} is not a date (use yyyy-mm-dd)')
        fields["date"] = iso
    return build_document(label, text, **fields)
