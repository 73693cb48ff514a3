"""Likely seams in transcripts with missing lines, where glued fragments meet.

A caption transcript that lost every other line reads as sentences glued from fragments: a clause
stops mid-phrase and another starts. The parser marks such joins with "dep"/"parataxis" relations,
lower-case sentence starts and unpaired quotation marks. Claims that cross one are flagged
``fragmentary``, and attribution never reaches across one (the clause splitter keeps them apart).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

QUOTES = '"“”'


@dataclass(frozen=True, slots=True)
class Seams:
    """Sorted character offsets of likely seams."""

    offsets: tuple[int, ...]

    def crosses(self, start: int, end: int) -> bool:
        """Whether a seam lies strictly inside [start, end)."""
        i = bisect_left(self.offsets, start + 1)
        return i < len(self.offsets) and self.offsets[i] < end


def find_seams(doc: Doc, transcript: bool) -> Seams:
    """Seam offsets; only transcripts have them (an edited article's odd parse is not a seam)."""
    if not transcript:
        return Seams(())
    found: set[int] = set()
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_punct), None)
        if first is not None and first.is_lower and first.is_alpha:
            found.add(first.idx)
        if sum(sent.text.count(q) for q in QUOTES) % 2 == 1:
            q = next(t for t in sent if t.text in QUOTES or any(c in t.text for c in QUOTES))
            found.add(q.idx)
        for tok in sent:
            if tok.dep_ in ("dep", "parataxis") and tok.i > sent.start:
                found.add(doc[min(tok.i, tok.head.i) + 1].idx if abs(tok.i - tok.head.i) == 1 else tok.idx)
    return Seams(tuple(sorted(found)))
