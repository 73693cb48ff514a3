"""Writes preset sentence starts into a Doc in one pass.

spaCy's ``Token.is_sent_start`` setter first checks that the Doc has no parse, and that check scans every
token: setting N boundaries one by one costs N times the Doc's length, so a text of many blank lines or
speaker labels took time quadratic in its length. Gathering the values and writing them with one
``Doc.from_array`` costs one pass.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import SENT_START
from spacy.tokens import Doc

_VALUES = {True: 1, False: 2**64 - 1, None: 0}
"""spaCy's sentence-start codes (a start, not a start, unknown) as its arrays hold them: unsigned, so -1 wraps."""


def set_sent_starts(doc: Doc, starts: Mapping[int, bool | None]) -> Doc:
    """Give the tokens at the keys of ``starts`` those sentence-start values (before the parser runs)."""
    if not starts:
        return doc
    column = doc.to_array([SENT_START])
    for i, value in starts.items():
        column[i] = _VALUES[value]
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]  # (spaCy's stub says to_array gives floats)
    return doc
