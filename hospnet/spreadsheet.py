"""CSV cells a spreadsheet shows as text: a document's sentence never becomes a live formula.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and
some a tab or carriage return first); the OWASP advice is a leading apostrophe.

>>> safe_cell('=HYPERLINK("http://x", "click")'), safe_cell("Bệnh viện E"), safe_cell(-3)
('\\'=HYPERLINK("http://x", "click")', 'Bệnh viện E', -3)
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text value that a spreadsheet would evaluate, with an apostrophe before it; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
