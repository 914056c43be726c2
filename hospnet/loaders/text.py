"""Plain text files (.txt): decoded by `encoding`, metadata from the text itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from hospnet.loaders.document import build_document
from hospnet.loaders.encoding import decode
from hospnet.loaders.registry import read_all, register
from hospnet.model import Document


@register(".txt")
def read_text(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    yield build_document(name, decode(name, read_all(name, stream, max_bytes)))
