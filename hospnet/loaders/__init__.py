"""Files -> Documents, one module per format, registered by suffix; a bad file becomes a DocumentError.

    for path in iter_files([Path("corpus/")]):
        for item in load_file(path):
            if isinstance(item, DocumentError): report(item)   # "<file>: <reason>"
            else: handle(item)                                  # a hospnet.model.Document

Nothing here raises for a bad document: `load_file` and `load_bytes` yield the
error and go on, so one broken file never stops a build. Adding a format is one
module with a reader decorated by `register(".suffix")`, imported below.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from hospnet.errors import DocumentError, UnsupportedFormat
from hospnet.loaders import docx, html, jsonl, pdf, text  # noqa: F401  (each registers its suffixes)
from hospnet.loaders.document import document_error
from hospnet.loaders.registry import READERS, Reader, register
from hospnet.loaders.snapshot import Snapshot
from hospnet.model import Document

DEFAULT_MAX_BYTES = 5_000_000

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "Reader",
    "iter_files",
    "load_bytes",
    "load_file",
    "register",
    "suffixes",
]


def suffixes() -> list[str]:
    """The suffixes a reader is registered for, e.g. ['.docx', '.htm', ...]."""
    return sorted(READERS)


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files to load: folders expanded recursively (hidden ones skipped) to files with a registered suffix.

    A file named directly is kept whatever its suffix, so `load_file` reports an
    unsupported one instead of it vanishing. Sorted, each file once. A path that
    does not exist raises DocumentError.
    """
    found: dict[Path, Path] = {}
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for file_name in files:
                    file = Path(root, file_name)
                    if not file_name.startswith(".") and file.suffix.lower() in READERS:
                        found.setdefault(file.resolve(), file)
        elif path.exists():
            found.setdefault(path.resolve(), path)
        else:
            raise document_error(str(path), "no such file or directory")
    return sorted(found.values())


def load_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | DocumentError]:
    """Documents read from one file (one, or one per line for JSONL), and a DocumentError for each bad one."""
    path = Path(path)
    name = str(path)
    reader = _reader(name, path.suffix)
    if isinstance(reader, DocumentError):
        yield reader
        return
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield document_error(name, f"cannot open: {exc.strerror or exc}")
        return
    with stream:
        try:
            snapshot = Snapshot(name, path, stream)
        except OSError as exc:
            yield document_error(name, f"cannot read: {exc.strerror or exc}")
            return
        yield from _guarded(name, reader, snapshot, max_bytes)  # type: ignore[arg-type]


def load_bytes(
    name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | DocumentError]:
    """Like `load_file` for an uploaded document; `name` gives the suffix and the fallback source."""
    reader = _reader(name, Path(name).suffix)
    if isinstance(reader, DocumentError):
        yield reader
        return
    yield from _guarded(name, reader, io.BytesIO(data), max_bytes)


def _reader(name: str, suffix: str) -> Reader | DocumentError:
    reader = READERS.get(suffix.lower())
    if reader is None:
        what = f"'{suffix}'" if suffix else "no suffix"
        return document_error(
            name,
            f"unsupported format {what} (supported: {', '.join(suffixes())})",
            UnsupportedFormat,
        )
    return reader


def _guarded(
    name: str, reader: Reader, stream: BinaryIO, max_bytes: int
) -> Iterator[Document | DocumentError]:
    """Run a reader so that whatever it raises comes out as a DocumentError naming the file."""
    try:
        yield from reader(name, stream, max_bytes)
    except DocumentError as error:
        yield error
    except Exception as exc:  # the promise: a bad file is reported, never an uncaught exception
        yield document_error(name, f"cannot read ({type(exc).__name__}: {exc})")
