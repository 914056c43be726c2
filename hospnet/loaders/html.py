"""Web pages (.html, .htm): trafilatura for the article body, lxml for the title, date and URL.

Saved news pages carry menus, footers and related links; trafilatura keeps the
article. When it finds none (a very short page), the page's visible text is used.
Malformed markup is parsed leniently; a page with no text at all is refused.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from typing import BinaryIO

from hospnet.loaders.document import build_document, document_error
from hospnet.loaders.encoding import decode
from hospnet.loaders.metadata import find_source, parse_date
from hospnet.loaders.registry import read_all, register
from hospnet.model import Document

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DATE_KEYS = {
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "title",
}
_INVISIBLE = ("script", "style", "noscript", "template", "head")


# Its warnings about a damaged file would print to stderr when the application set no logging;
# the reader reports such a file itself. An application that sets up logging still gets them.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


@register(".html", ".htm")
def read_html(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[Document]:
    markup = _decode(name, read_all(name, stream, max_bytes))
    tree = _parse(markup)
    title, date, url = _title(tree), _date(tree), _canonical_url(tree)
    text = _article_text(markup) or _visible_text(
        tree
    )  # the fallback edits the tree: metadata first
    if not text.strip():
        raise document_error(name, "no text (the page is markup only)")
    yield build_document(name, text, title=title, date=date, source=find_source(text) or url)


def _decode(name: str, data: bytes) -> str:
    """The page's declared charset when it names a legacy one, else the text rules (UTF-8, TCVN3, VNI)."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        charset = declared.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            codec = "utf-8"
        if codec not in ("utf-8", "ascii"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise document_error(
                    name,
                    f"not valid {charset} as the page declares (byte 0x{data[exc.start]:02X} at offset {exc.start})",
                ) from None
    return decode(name, data)


def _parse(markup: str):
    """An lxml tree of the page, or None when nothing can be made of it."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (
        Exception
    ):  # lxml refuses some hopeless inputs ("Document is empty"); the page is then text-less
        return None


def _article_text(markup: str) -> str:
    import trafilatura

    try:
        return trafilatura.extract(markup, include_comments=False, include_tables=True) or ""
    except Exception:  # trafilatura is best effort; the visible text is the fallback
        return ""


def _visible_text(tree) -> str:
    if tree is None:
        return ""
    for element in list(tree.iter(*_INVISIBLE)):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def _meta(tree, *keys: str) -> str:
    for meta in tree.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        if key in keys and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    return ""


def _title(tree) -> str | None:
    """og:title, else the first <h1>, else <title> without a " | site name" tail."""
    if tree is None:
        return None
    if title := _meta(tree, "og:title", "twitter:title"):
        return title
    for h1 in tree.iter("h1"):
        if h1.text_content().strip():
            return h1.text_content()
    for title in tree.iter("title"):
        text = (title.text_content() or "").split(" | ")[0]
        if text.strip():
            return text
    return None


def _date(tree) -> str | None:
    if tree is None:
        return None
    for meta in tree.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        if key in _DATE_KEYS and (iso := parse_date(meta.get("content") or "")):
            return iso
    for time in tree.iter("time"):
        if iso := parse_date(time.get("datetime") or time.text_content()):
            return iso
    return None


def _canonical_url(tree) -> str | None:
    if tree is None:
        return None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower() and (link.get("href") or "").startswith(
            ("http://", "https://")
        ):
            return link.get("href").strip()
    url = _meta(tree, "og:url")
    return url if url.startswith(("http://", "https://")) else None
