"""Turning extracted text into a Document, and a bad file into a one-line DocumentError.

Every reader ends here, so every format gets the same normalisation, the same
metadata rules and the same "empty document" check.
"""

from __future__ import annotations

from pathlib import PurePath

from hospnet.errors import DocumentError
from hospnet.loaders.metadata import find_date, find_source, find_title, guess_language
from hospnet.model import Document
from hospnet.names import normalize_text


def one_line(text: str) -> str:
    """Whitespace and line breaks folded, so an error is always one "<file>: <reason>" line."""
    return " ".join(str(text).split())


def document_error(
    name: str, reason: str, kind: type[DocumentError] = DocumentError, *, hint: str = ""
) -> DocumentError:
    """A DocumentError (or subclass) naming the document and the reason, on one line."""
    error = kind(one_line(name), one_line(reason))
    if hint:
        error.hint = hint
    return error


def build_document(
    name: str,
    text: str,
    *,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
) -> Document:
    """Normalise `text` and fill what the reader did not know from the text itself.

    `source` falls back to the "Nguồn: ..." line or a URL in the text, then to the file name.
    """
    text = normalize_text(text)
    if not text:
        raise document_error(name, "empty document")
    if not any(c.isalpha() for c in text):
        raise document_error(name, "no text: the document holds no letters")
    return Document.from_text(
        text,
        title=normalize_text(title or "") or find_title(text),
        date=date or find_date(text),
        source=normalize_text(source or "") or find_source(text) or PurePath(name).name,
        language=guess_language(text),
        path=name,
    )
