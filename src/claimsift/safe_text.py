"""Text that is safe to show: no terminal control characters and no bidi overrides.

A document, a file name or a user can carry ESC sequences (which retitle or clear a terminal), BEL, NUL,
or right-to-left overrides (which make "txt.exe" read as "exe.txt"); every terminal line and every
Markdown string claimsift writes goes through ``strip_controls`` first. A file name need not even be
text: ``display_path`` shows the bytes that are not UTF-8 as replacement characters.
"""

from __future__ import annotations

import os
import re

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls except tab and newline, and the bidi marks, embeddings, overrides and isolates."""


def strip_controls(text: str) -> str:
    """The text without control or bidi characters (tab and newline kept)."""
    return CONTROLS.sub("", text)


def escape_controls_in_json(text: str) -> str:
    """JSON text with every control or bidi character written as a ``\\uXXXX`` escape: the same JSON value,
    but nothing a terminal would act on (json.dumps escapes C0 controls itself, not C1 nor bidi overrides)."""
    return CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text every UTF-8 output can hold: bytes of a file name that are not UTF-8 (which Python keeps
    as lone surrogates, ``bad\\udcff.txt``) become U+FFFD (``bad\ufffd.txt``), so a report, a terminal or a
    case database can show the name instead of failing with UnicodeEncodeError."""
    text = os.fspath(path)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a lone surrogate that did not come from the file system
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")
