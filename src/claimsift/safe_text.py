"""Text that is safe to show: no terminal control characters and no bidi overrides.

A document, a file name or a user can carry ESC sequences (which retitle or clear a terminal), BEL, NUL,
or right-to-left overrides (which make "txt.exe" read as "exe.txt"); every terminal line and every
Markdown string claimsift writes goes through ``strip_controls`` first.
"""

from __future__ import annotations

import re

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls except tab and newline, and the bidi marks, embeddings, overrides and isolates."""


def strip_controls(text: str) -> str:
    """The text without control or bidi characters (tab and newline kept)."""
    return CONTROLS.sub("", text)
