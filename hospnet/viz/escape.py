"""The one way text from documents reaches a page: escaped for the place it lands.

Names and sentences come from untrusted articles. In HTML markup they are entity-escaped; inside
the page's <script> they travel as JSON with every character that could close the script or open
markup written as a \\u escape, so `</script>` or `<img onerror=…>` in a hospital name stays text.

>>> str(escape_html('<img src=x onerror="alert(1)">'))
'&lt;img src=x onerror=&#34;alert(1)&#34;&gt;'
>>> str(script_json({"name": "</script><script>alert(1)</script>"}))
'{"name": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def escape_html(value: Any) -> Markup:
    """Text for HTML markup (element content or a quoted attribute)."""
    return escape("" if value is None else value)


def script_json(value: Any) -> Markup:
    """A value as JSON that is safe to place inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, replacement in _SCRIPT_UNSAFE.items():
        text = text.replace(char, replacement)
    return Markup(text)
