"""Bytes -> str for text formats: UTF-8 or UTF-16, the legacy Vietnamese encodings converted, binary refused.

Refusing with the reason is better than guessing: a wrong guess turns every
hospital name into noise that extraction silently misses.

>>> decode("a.txt", "Bệnh viện E".encode("utf-8-sig"))
'Bệnh viện E'
>>> decode("a.txt", b"B\\xd6nh vi\\xd6n \\xaea khoa")
'Bệnh viện đa khoa'
"""

from __future__ import annotations

import re

import codecs

from hospnet.loaders import legacy
from hospnet.loaders.document import document_error

# File signatures that tell a misnamed binary file, so the message says what it is.
_SIGNATURES = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive (DOCX?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip data"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(name: str, data: bytes) -> str:
    """Decode a text file's bytes, or raise DocumentError saying why it cannot be read as text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise document_error(
                    name,
                    f"not valid {codec.upper()} despite its byte-order mark ({exc.reason} at byte {exc.start})",
                ) from None
    if _looks_utf16(data):
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    _refuse_binary(name, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(name, data, exc)
    # UTF-8 that holds TCVN3/VNI read as Latin-1 ("BÖnh viÖn"): a legacy file converted blindly.
    return legacy.repair(text)[0]


def _looks_utf16(data: bytes) -> bool:
    """UTF-16-LE without a BOM: ASCII-range text with a NUL after every character."""
    sample = data[:4096]
    return (
        len(sample) >= 8
        and len(sample) % 2 == 0
        and sample[1::2].count(0) > 0.9 * (len(sample) // 2)
        and sample[0::2].count(0) < 0.1 * (len(sample) // 2)
    )


def _refuse_binary(name: str, data: bytes) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise document_error(name, f"binary file ({what}); give it the right suffix")
    sample = data[:65536]
    if b"\x00" in sample:
        raise document_error(name, "binary file (contains NUL bytes)")
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and control > 0.05 * len(sample):
        raise document_error(
            name, f"binary file ({control} control bytes in the first {len(sample)})"
        )


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode_legacy(name: str, data: bytes, error: UnicodeDecodeError) -> str:
    # Text that is UTF-8 but for a few damaged bytes is no legacy file: read as TCVN3 it would be
    # stored as mojibake. Refuse it, saying where the damage is.
    valid = len(_UTF8_MULTIBYTE.findall(data[:65536]))
    damaged = data[:65536].decode("utf-8", errors="replace").count("\ufffd")
    if valid >= 10 and damaged * 5 <= valid:
        raise document_error(
            name,
            f"not valid UTF-8: {damaged} damaged byte(s) in UTF-8 text, the first at offset {error.start}; repair or re-save the file",
        )
    latin = data.decode("latin-1")
    text, found = legacy.repair(latin)
    if found:
        return text
    bad = data[error.start]
    raise document_error(
        name,
        f"not valid UTF-8 (byte 0x{bad:02X} at offset {error.start}) and not TCVN3 or VNI; save it as UTF-8",
    )
