"""Visible text of any HTML, in linear time and without a tree: the fallback when lxml cannot parse a page.

libxml2 stops at 256 levels of nesting and at text nodes over 10 MB (silently: the rest of the page is lost),
and trafilatura slows down faster than the page grows. For such pages the text is read here by scanning: the
content of scripts, styles and other invisible elements is dropped, block tags become line breaks, every other
tag is removed and entities are decoded. Nothing is ever executed and nothing recurses, whatever the nesting.

Every search moves forward from where the previous one for the same thing ended, so the work is linear even
for crafted input such as thousands of ``<script>`` tags that are never closed.
"""

from __future__ import annotations

import html
import re

HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
"""Elements whose content a browser does not show as text."""
RAW_TEXT_TAGS = frozenset({"script", "style"})
"""Without a closing tag, everything after these is script or style, as a browser reads it."""
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)

_HIDDEN_START = re.compile(r"<(?:!--|(" + "|".join(HIDDEN_TAGS) + r")(?=[\s/>]))", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")(?=[\s/>])[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<[!?][^<>]*>")
_SPACES = re.compile(r"[^\S\n]+")


class _Closer:
    """Finds the end of an element or comment, never searching the same stretch of text twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}

    def end_of(self, closing: re.Pattern[str], key: str, start: int) -> int:
        """The index after the first match of ``closing`` at or after ``start``; -1 when there is none."""
        known = self.found.get(key)
        if known is not None and (known < 0 or known >= start):
            return known
        match = closing.search(self.text, start)
        self.found[key] = -1 if match is None else match.end()
        return self.found[key]


_CLOSERS = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in HIDDEN_TAGS}
_COMMENT_END = re.compile(r"-->")
_TAG_END = re.compile(r">")


def strip_tags(page: str) -> str:
    """All text a browser would show, a line per block element, without scripts, styles and comments."""
    shown = _BLOCK_TAG.sub("\n", drop_hidden(page))
    text = html.unescape(_ANY_TAG.sub("", shown))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def drop_hidden(page: str) -> str:
    """The page without comments and without the content of hidden elements (scripts, styles, the head)."""
    closer = _Closer(page)
    kept: list[str] = []
    pos = 0
    while (match := _HIDDEN_START.search(page, pos)) is not None:
        kept.append(page[pos : match.start()])
        tag = (match.group(1) or "").lower()
        if not tag:
            end = closer.end_of(_COMMENT_END, "--", match.end())
        else:
            end = closer.end_of(_CLOSERS[tag], tag, match.end())
            if end < 0 and tag not in RAW_TEXT_TAGS:  # an unclosed <head> or <svg>: drop the tag, keep the rest
                end = closer.end_of(_TAG_END, ">", match.end())
        if end < 0:
            return "".join(kept)
        pos = end
    kept.append(page[pos:])
    return "".join(kept)
