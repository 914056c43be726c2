"""PDF files: the text layer read with pypdf; a scan without one is refused, not guessed at."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import BinaryIO

from hospnet.loaders import legacy
from hospnet.loaders.document import build_document, document_error
from hospnet.loaders.registry import read_all, register
from hospnet.model import Document

# Titles that PDF producers write on their own; they say nothing about the article.
_JUNK_TITLE_PREFIXES = ("microsoft word -", "untitled", "document", "tài liệu", "(")


# Its warnings about a damaged file would print to stderr when the application set no logging;
# the reader reports such a file itself. An application that sets up logging still gets them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


@register(".pdf")
def read_pdf(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = read_all(name, stream, max_bytes)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise document_error(name, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise document_error(name, "PDF is protected by a password; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _title(reader)
    except PyPdfError as exc:
        raise document_error(name, f"broken PDF ({exc})") from None
    if not pages:
        raise document_error(name, "PDF has no pages")
    # .VnTime fonts without a Unicode map come out as TCVN3 characters.
    text = legacy.repair("\n\n".join(pages))[0]
    if not text.strip():
        raise document_error(name, "PDF has no text layer (scanned?); run OCR first")
    yield build_document(name, text, title=title)


def _title(reader) -> str | None:
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # a broken Info dictionary only costs the title
        return None
    title = str(title or "").strip()
    if (
        not title
        or title.lower().startswith(_JUNK_TITLE_PREFIXES)
        or title.lower().endswith((".doc", ".docx", ".pdf"))
    ):
        return None
    return title
