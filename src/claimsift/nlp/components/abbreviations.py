"""A pipeline component that keeps titles from ending sentences: "Air Force Maj. Gen. Pat Ryder told ...".

The small English model splits after "Maj." and "Gen.", which cuts a speaker's name off its quotation
and its verb. Setting ``is_sent_start = False`` before the parser constrains it (spaCy respects preset
boundaries), so the fix costs one pass over the tokens.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from claimsift.lexicons import data_file
from claimsift.nlp.components._sent_starts import set_sent_starts

COMPONENT = "claimsift_title_abbreviations"


@cache
def _abbreviations() -> frozenset[str]:
    data = data_file("title_abbreviations.json")
    return frozenset(data["abbreviations"])


def add_title_special_cases(nlp: Language) -> None:
    """Make each title one token ("Maj." not "Maj" + "."), so the period cannot look like a full stop."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer: leave it alone
    for title in _abbreviations():
        tokenizer.add_special_case(title, [{"ORTH": title}])


@Language.component(COMPONENT)
def keep_titles_in_sentences(doc: Doc) -> Doc:
    """Mark the token after a title abbreviation as not starting a sentence."""
    titles = _abbreviations()
    starts = {tok.i + 1: False for tok in doc[:-1] if tok.text in titles and doc[tok.i + 1].is_title}
    return set_sent_starts(doc, starts)
