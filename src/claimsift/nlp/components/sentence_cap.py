"""A pipeline component that keeps every sentence under a bounded number of tokens.

Much of the work on a sentence walks its parse tree, and spaCy's own ``Token.children`` and ``Token.subtree``
scan a token's whole span: on one sentence of thousands of words (a chain of "of the" phrases, a line of one
word repeated, a caption dump without punctuation) that work grows with the square of the sentence's length.
Capping sentences before the parser bounds it: the parser never joins tokens across a preset sentence start,
so no parsed sentence is longer than the cap and the work per sentence is bounded.

The cut goes where the parser most likely ends a sentence anyway: after the last full stop, else after the
last line break, in the second half of the over-long run; only a run with neither is cut mid-phrase. Normal
text never reaches the cap (the longest sentence in the evaluation and test documents is about 310 tokens, an
unpunctuated caption transcript), so its parse is unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimsift.nlp.components._sent_starts import set_sent_starts

COMPONENT = "claimsift_sentence_cap"
MAX_SENTENCE_TOKENS = 400
"""Longest run of tokens the parser may read as one sentence."""
FULL_STOPS = frozenset({".", "!", "?"})


@Language.component(COMPONENT)
def cap_sentences(doc: Doc) -> Doc:
    """Start a sentence wherever MAX_SENTENCE_TOKENS tokens have gone by since the last known start."""
    return cap_sentence_length(doc, MAX_SENTENCE_TOKENS)


def cap_sentence_length(doc: Doc, limit: int) -> Doc:
    """Mark sentence starts so that no run of ``limit`` tokens goes without one (before the parser runs).

    Starts already set (paragraph breaks, speaker labels) count; a token preset as not starting a sentence
    (after a title such as "Gen.") is never made one. One pass over the tokens.
    """
    if limit < 2:
        raise ValueError(f"the sentence cap must be at least 2 tokens, got {limit}")
    cuts: dict[int, bool] = {}
    start = 0  # first token of the current run
    stop = line = -1  # the latest word after a full stop, after a line break, in this run
    stopped = False  # a full stop went by, and no word after it yet
    for tok in doc:
        i = tok.i
        if i == 0 or tok.is_space:
            continue
        if tok.is_sent_start:
            start, stop, line, stopped = i, -1, -1, False
            continue
        prev = doc[i - 1]
        if stopped and (prev.whitespace_ or prev.is_space):
            stop, stopped = i, False  # the first word after the stop and what closes with it ('."', '.)')
        elif stopped and not tok.is_punct:
            stopped = False  # "3.5", "end.Next": no sentence ends there
        stopped = stopped or tok.text in FULL_STOPS
        if "\n" in prev.text or "\n" in prev.whitespace_:
            line = i
        if i - start < limit:
            continue
        half = start + limit // 2
        cut = stop if stop > half else line if line > half else i
        if doc[cut].is_sent_start is False:
            cut = i
        if doc[cut].is_sent_start is False:
            continue  # inside a name or a speaker label: the next token
        cuts[cut] = True
        start, stop, line = cut, (stop if stop > cut else -1), (line if line > cut else -1)
    return set_sent_starts(doc, cuts)
