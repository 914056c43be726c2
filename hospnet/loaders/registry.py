"""The suffix registry: a format is one module that registers its reader here.

A reader takes (name, binary stream, max_bytes) and yields Documents; it raises a
DocumentError for a file it cannot read, or yields one per bad record (JSONL) and
goes on. `load_file` and `load_bytes` turn anything else into a DocumentError too.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import BinaryIO

from hospnet.errors import DocumentError, DocumentTooLarge
from hospnet.loaders.document import document_error
from hospnet.model import Document

Reader = Callable[[str, BinaryIO, int], Iterator["Document | DocumentError"]]

READERS: dict[str, Reader] = {}

SIZE_HINT = "split the document, or raise HOSPNET_MAX_DOCUMENT_BYTES"


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register `reader` for the given suffixes (lower case, with the dot)."""

    def add(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = reader
        return reader

    return add


def too_large(name: str, size: int | None, max_bytes: int) -> DocumentTooLarge:
    what = f"{size:,} bytes" if size is not None else "more bytes"
    error = document_error(
        name,
        f"too large: {what}, over the limit of {max_bytes:,} bytes",
        DocumentTooLarge,
        hint=SIZE_HINT,
    )
    assert isinstance(error, DocumentTooLarge)
    return error


def _size(stream: BinaryIO) -> int | None:
    try:
        position = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(position)
        return end - position
    except (OSError, ValueError, AttributeError):
        return None


def read_all(name: str, stream: BinaryIO, max_bytes: int) -> bytes:
    """The whole stream, or DocumentTooLarge before reading a byte of a file that is over the limit."""
    size = _size(stream)
    if size is not None and size > max_bytes:
        raise too_large(name, size, max_bytes)
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(name, None, max_bytes)
    return data
