"""Word files (.docx): the archive is checked before python-docx opens it, then paragraphs and tables read.

A DOCX is a zip archive; a small one can unpack to gigabytes (a zip bomb), so the
sizes its directory declares are checked first. zipfile never inflates a member
past its declared size, so checking the declared sizes is enough.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from hospnet.loaders import legacy
from hospnet.loaders.document import build_document, document_error
from hospnet.loaders.registry import read_all, register
from hospnet.model import Document

MAX_UNPACKED_BYTES = 100_000_000
MAX_RATIO = 100  # deflated XML runs 5-20:1; runs of zeros reach 1000:1
MAX_MEMBERS = 5_000
_RATIO_FLOOR = 1_000_000  # small members may compress well without harm

_TITLE_STYLES = ("title", "heading 1")


@register(".docx")
def read_docx(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    data = read_all(name, stream, max_bytes)
    check_archive(name, data)
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
        # Every paragraph in body order, table cells included.
        paragraphs = [p.text for p in document.element.body.iter(qn("w:p"))]
        title = document.core_properties.title or _heading(document)
    except (
        Exception
    ) as exc:  # python-docx raises KeyError, ValueError, lxml errors... for a damaged package
        raise document_error(name, f"broken DOCX ({type(exc).__name__}: {exc})") from None
    text = "\n".join(paragraphs)
    # .VnTime fonts: TCVN3 characters typed into a Unicode document.
    text = legacy.repair(text)[0]
    yield build_document(name, text, title=title)


def check_archive(name: str, data: bytes) -> None:
    """Refuse what python-docx should not open: an old .doc, a broken zip, a zip bomb, a zip that is not Word."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise document_error(name, "an old Word 97-2003 .doc file, not DOCX; save it as .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise document_error(name, f"not a DOCX file (not a valid zip archive: {exc})") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise document_error(
            name,
            f"refused: {len(members):,} files in the archive (limit {MAX_MEMBERS:,}); possible zip bomb",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise document_error(
                name,
                f"refused: {member.filename} is compressed {ratio:,.0f}:1 (limit {MAX_RATIO}:1); possible zip bomb",
            )
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise document_error(
            name,
            f"refused: unpacks to {total:,} bytes (limit {MAX_UNPACKED_BYTES:,}); possible zip bomb",
        )
    if "word/document.xml" not in archive.namelist():
        raise document_error(name, "not a Word document (no word/document.xml in the archive)")


def _heading(document) -> str | None:
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style in _TITLE_STYLES and paragraph.text.strip():
            return paragraph.text
    return None
