"""A pipeline component that starts a sentence at every speaker label and right after it.

In a briefing transcript a turn can begin mid-line ("Let me — QUESTION: Are you really?"); without a
preset boundary the parser glues the label and both speakers' words into one sentence, and a claim
would run across two speakers. Boundaries set before the parser constrain it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from claimsift.nlp.components._sent_starts import set_sent_starts
from claimsift.nlp.turns import label_spans

COMPONENT = "claimsift_turn_breaks"


@Language.component(COMPONENT)
def break_at_turns(doc: Doc) -> Doc:
    """Mark each label's first token and the first token after it as sentence starts."""
    spans = label_spans(doc.text)
    if not spans:
        return doc
    idx = [tok.idx for tok in doc]
    starts: dict[int, bool] = {}  # written in this order, so a later label's values win, as set one by one
    for label_start, content_start in spans:
        first, after = bisect_left(idx, label_start), bisect_left(idx, content_start)
        for i in (first, after):
            if 0 < i < len(doc):
                starts[i] = True
        for i in range(first + 1, min(after, len(doc))):
            starts[i] = False
    return set_sent_starts(doc, starts)
