"""HTML pages: the main text by trafilatura, with title, site name, date and URL from the page's metadata.

When trafilatura finds no main text, all visible text is used instead (scripts, styles and the head dropped),
with a warning. Scripts and styles never reach the text either way.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura

from claimsift.errors import InputError

from ._meta import Meta, Part, is_iso_date

_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SPACES = re.compile(r"[^\S\n]+")
_DATE_CONFIG = {"extensive_search": False, "original_date": True}
"""Dates from the page's markup only: a date in the body text is an event, not the publication date."""


def read_html(text: str, name: str) -> Part:
    """Read an HTML page's decoded text.

    Raises:
        InputError: The page has no visible text.
    """
    body = trafilatura.extract(text, include_comments=False, favor_precision=True) or ""
    warnings: tuple[str, ...] = ()
    if not body.strip():
        body = visible_text(text)
        warnings = ("no main text found by trafilatura; used all visible text of the page",)
    if not body.strip():
        raise InputError(name, "HTML page has no visible text")
    return Part(text=body, found=_page_meta(text), warnings=warnings)


def visible_text(text: str) -> str:
    """All text a browser would show, a line per block element, without scripts and styles."""
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_INVISIBLE_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _page_meta(text: str) -> Meta:
    """Title, outlet (site name), published (YYYY-MM-DD) and URL that the page's markup states."""
    try:
        found = trafilatura.extract_metadata(text, date_config=_DATE_CONFIG)
    except (lxml.etree.ParserError, ValueError):
        return {}
    if found is None:
        return {}
    meta: Meta = {}
    for key, value in (("title", found.title), ("outlet", found.sitename), ("url", found.url)):
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    if isinstance(found.date, str) and is_iso_date(found.date):
        meta["published"] = found.date
    return meta
