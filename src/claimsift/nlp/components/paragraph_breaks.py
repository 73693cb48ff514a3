"""A pipeline component that starts a sentence after every blank line.

A headline, a photo caption or a dateline stands on its own paragraph with no full stop; without a preset
boundary the parser reads it and the next paragraph as one sentence ("US: Chinese Balloon Is part of
Large Spying Program // This image ... shows ..." made the headline's noun the subject of "shows").
Boundaries set before the parser constrain it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "claimsift_paragraph_breaks"


@Language.component(COMPONENT)
def break_at_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after a whitespace token holding a blank line as a sentence start."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc
