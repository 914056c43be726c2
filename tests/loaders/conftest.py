"""Builders for the files the loader tests read: real PDFs and DOCX archives made in the test."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest


def build_pdf(
    latin_lines: list[str] = (),
    unicode_lines: list[str] = (),
    *,
    title: str | None = None,
    content: bool = True,
) -> bytes:
    """A one-page PDF written by hand.

    ASCII lines use Helvetica; other lines use a Type0 font whose ToUnicode map
    gives each character its own glyph code, which is how real PDFs carry
    Vietnamese. With content=False the page has no content stream (a "scan").
    """
    chars = sorted({c for line in unicode_lines for c in line})
    code = {c: i + 1 for i, c in enumerate(chars)}
    ops = []
    y = 780
    for line in latin_lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 12 Tf 60 {y} Td ({escaped}) Tj ET")
        y -= 20
    for line in unicode_lines:
        glyphs = "".join(f"{code[c]:04X}" for c in line)
        ops.append(f"BT /F2 12 Tf 60 {y} Td <{glyphs}> Tj ET")
        y -= 20
    stream = "\n".join(ops).encode("latin-1")
    cmap_entries = "\n".join(
        f"<{code[c]:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c in chars
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Test-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap_entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")
    contents = b"/Contents 6 0 R " if content else b""
    info = "/Info 10 0 R " if title else ""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        + contents
        + b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 600 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /TestSans /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
        f"<< /Title ({title or ''}) /Producer (hospnet tests) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {info}>>\nstartxref\n{xref}\n%%EOF\n".encode(
        "ascii"
    )
    return bytes(out)


def build_docx(
    path: Path,
    paragraphs: list[str],
    *,
    heading: str | None = None,
    table: list[list[str]] | None = None,
) -> Path:
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(path)
    return path


def build_zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A .docx-shaped zip whose word/document.xml is `megabytes` MB of zeros (a few hundred KB packed)."""
    block = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(block)
    return path


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    return build_pdf


@pytest.fixture
def make_docx() -> Callable[..., Path]:
    return build_docx


@pytest.fixture
def make_zip_bomb() -> Callable[..., Path]:
    return build_zip_bomb
