"""A pipeline component that starts a sentence after every blank line and after a news dateline.

A headline, a photo caption or a dateline stands on its own paragraph with no full stop; without a preset
boundary the parser reads it and the next paragraph as one sentence ("US: Chinese Balloon Is part of
Large Spying Program // This image ... shows ..." made the headline's noun the subject of "shows").
Boundaries set before the parser constrain it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "claimsift_paragraph_breaks"


DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Z.'’ -]{1,40})*(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+\d{1,2})?)?[ \t]*"
    r"(?:\([A-Za-z .]+\)[ \t]*)?(?:—|–|--)[ \t]*"
)
"""A news dateline opening a paragraph: "SEOUL/TOKYO — ", "WASHINGTON (AP) -- ", "LOS ANGELES, Sept. 28 (UPI) — "."""


@Language.component(COMPONENT)
def break_at_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after a blank line, and the first after a dateline, as sentence starts."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not doc[i].is_space:
            doc[i].is_sent_start = True
    if "—" in doc.text or "–" in doc.text or "--" in doc.text:
        starts = {t.idx: t.i for t in doc}
        for m in DATELINE.finditer(doc.text):
            after = starts.get(m.end())
            if after is not None and 0 < after < len(doc):
                doc[after].is_sent_start = True  # the dateline is where, not who: "WASHINGTON — Obama said"
    return doc
