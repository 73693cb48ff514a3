"""HTML pages: the main text by trafilatura, with title, site name, date and URL from the page's metadata.

When trafilatura finds no main text, all visible text is used instead (scripts, styles and the head dropped),
with a warning. Scripts and styles never reach the text either way, and nothing in a page is ever run.

Hostile pages take another road, always with a warning: a page over ``MAX_EXTRACT_CHARS`` (trafilatura's time
grows faster than the page), and a page libxml2 cannot parse whole (over 256 levels of nesting, or a text node
over 10 MB: it would silently drop the rest) are read by the linear tag stripper of ``_tagsoup``. A
``RecursionError`` or a parser error in trafilatura falls back the same way.
"""

from __future__ import annotations

import copy
import re

import lxml.etree
import lxml.html
import trafilatura

from claimsift.errors import InputError

from ._meta import Meta, Part, is_iso_date
from ._tagsoup import BLOCK_TAGS, HIDDEN_TAGS, strip_tags

_SPACES = re.compile(r"[^\S\n]+")
MAX_EXTRACT_CHARS = 5_000_000
"""Larger pages skip trafilatura (about 1.5 s at this size, 15 s at 20 MB) for the tag stripper."""
_META_CHARS = 1_000_000
"""Metadata is read from the start of the page only: the head, and the top of the body."""
_PARSER_FAILURES = (lxml.etree.LxmlError, ValueError, RecursionError)
_TOO_BIG = "page of {size:,} characters: main-text extraction skipped, all visible text used"
_TOO_DEEP = "page too deeply nested, or a text too long, for the HTML parser; all visible text read by a tag stripper"
_FAILED = "the HTML parser failed on this page; all visible text read by a tag stripper"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters lxml refuses in text (control characters, surrogates, non-characters): read as spaces."""
_NO_MAIN = "no main text found by trafilatura; used all visible text of the page"
_DATE_CONFIG = {"extensive_search": False, "original_date": True}
"""Dates from the page's markup only: a date in the body text is an event, not the publication date."""


def read_html(text: str, name: str) -> Part:
    """Read an HTML page's decoded text.

    Raises:
        InputError: The page has no visible text.
    """
    text = _NOT_XML.sub(" ", text)
    body, warnings = _page_text(text)
    if not body.strip():
        raise InputError(name, "HTML page has no visible text")
    return Part(text=body, found=_page_meta(text), warnings=warnings)


def _page_text(text: str) -> tuple[str, tuple[str, ...]]:
    """The main text of the page, else all its visible text; and the warnings that say which and why."""
    if len(text) > MAX_EXTRACT_CHARS:
        return strip_tags(text), (_TOO_BIG.format(size=len(text)),)
    try:
        return _extract(text)
    except _PARSER_FAILURES:
        return strip_tags(text), (_FAILED,)


def _extract(text: str) -> tuple[str, tuple[str, ...]]:
    """Main text by trafilatura on the parsed page, without what a browser never shows."""
    root, complete = _parse(text)
    if root is None:
        return strip_tags(text), ()
    if not complete:
        return strip_tags(text), (_TOO_DEEP,)
    shown = _drop_hidden(copy.deepcopy(root), keep_head=True)
    body = trafilatura.extract(shown, include_comments=False, favor_precision=True) or ""
    if body.strip():
        return body, ()
    return _visible(root), (_NO_MAIN,)


def _parse(text: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The page's tree (None when lxml finds no document), and False when libxml2 hit one of its limits."""
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except _PARSER_FAILURES:
        return None, not _hit_limit(parser)
    return root, not _hit_limit(parser)


def _hit_limit(parser: lxml.html.HTMLParser) -> bool:
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


def visible_text(text: str) -> str:
    """All text a browser would show, a line per block element, without scripts and styles."""
    text = _NOT_XML.sub(" ", text)
    try:
        root, complete = _parse(text)
        if root is not None and complete:
            return _visible(root)
    except _PARSER_FAILURES:
        pass
    return strip_tags(text)


def _visible(root: lxml.html.HtmlElement) -> str:
    """The visible text of a parsed page, a line per block element (changes the tree)."""
    _drop_hidden(root, keep_head=False)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    content = root.text_content()
    lines = (_SPACES.sub(" ", line).strip() for line in content.split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_hidden(root: lxml.html.HtmlElement, keep_head: bool) -> lxml.html.HtmlElement:
    """The tree without scripts, styles and other elements whose content is never shown (and the head)."""
    tags = [tag for tag in HIDDEN_TAGS if not (keep_head and tag == "head")]
    for element in list(root.iter(*tags)):
        element.drop_tree()
    return root


def _page_meta(text: str) -> Meta:
    """Title, outlet (site name), author, published (YYYY-MM-DD) and URL the page's meta tags and JSON-LD state."""
    try:
        found = trafilatura.extract_metadata(text[:_META_CHARS], date_config=_DATE_CONFIG)
    except _PARSER_FAILURES:
        return {}
    if found is None:
        return {}
    meta: Meta = {}
    fields = (("title", found.title), ("outlet", found.sitename), ("url", found.url), ("author", found.author))
    for key, value in fields:
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    if isinstance(found.date, str) and is_iso_date(found.date):
        meta["published"] = found.date
    return meta
