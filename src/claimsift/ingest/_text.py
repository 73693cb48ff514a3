"""Plain text and Markdown, kept verbatim; and the guess of a format for data without a known extension.

Plain text and Markdown are the decoded text exactly as read: no newline translation, no Unicode or whitespace
normalisation, Markdown markup left in place, so that offsets point into the file's own characters. A Markdown
file's first ``# heading`` is taken as its title.
"""

from __future__ import annotations

import json
import re

from ._meta import Part

_ATX_HEADING = re.compile(r"^[ ]{0,3}#[ \t]+(\S.*)$", re.MULTILINE)
"""Linear: the heading text starts at its first non-blank; its closing ``#`` marks are stripped in Python."""
_SRT_START = re.compile(r"\A\d+[ \t]*\r?\n[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->")
_HTML_START = re.compile(r"\A(?:<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)


def read_text(text: str) -> Part:
    """A plain text file: the text as decoded."""
    return Part(text=text)


def read_markdown(text: str) -> Part:
    """A Markdown file: the text as decoded, titled by its first level-one heading."""
    match = _ATX_HEADING.search(text)
    title = match.group(1).strip().rstrip("#").strip() if match else ""
    found = {"title": title} if title else {}
    return Part(text=text, found=found)


def sniff_format(text: str) -> str:
    """The format of text that came without a known extension (stdin): vtt, srt, html, json or text."""
    head = text.lstrip()
    if head.startswith("WEBVTT"):
        return "vtt"
    if _SRT_START.match(head):
        return "srt"
    if _HTML_START.match(head):
        return "html"
    if head[:1] in ("{", "["):
        try:
            json.loads(text)
        except RecursionError:
            return "json"  # JSON nested too deeply: the JSON reader says so
        except ValueError:
            return "text"
        return "json"
    return "text"
