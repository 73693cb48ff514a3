"""The data files hold general English in the shapes the code reads: a word class is never taken for a polarity."""

from __future__ import annotations

import json
from importlib.resources import files

from claimsift.lexicons import NOT_POLARITY, lexicons

POLARITIES = {"assert", "deny", "neutral"}


def _verbs_file() -> dict[str, object]:
    return json.loads(files("claimsift").joinpath("data/reporting_verbs.json").read_text(encoding="utf-8"))


def test_every_reporting_verb_has_a_polarity_the_claims_know() -> None:
    # a key added to reporting_verbs.json for a word class but missing from NOT_POLARITY would give its
    # verbs that key as their polarity ("implicative"), which no claim, report or stance rule knows
    assert set(lexicons().verb_polarity.values()) <= POLARITIES


def test_every_key_of_the_verbs_file_is_a_polarity_or_a_known_word_class() -> None:
    keys = {k for k in _verbs_file() if not k.startswith("_")}
    assert keys - NOT_POLARITY == POLARITIES


def test_word_classes_are_lists_of_lower_case_words() -> None:
    data = _verbs_file()
    for key in NOT_POLARITY:
        words = list(data[key]) if isinstance(data[key], dict) else data[key]  # "irregular" maps form -> lemma
        assert isinstance(words, list) and words, key
        assert all(isinstance(w, str) and w == w.lower().strip() for w in words), key


def test_irregular_forms_are_of_reporting_verbs() -> None:
    """Every irregular past form stands for a reporting verb the lexicon knows, or it could never match."""
    forms = lexicons().irregular_forms
    assert forms["said"] == "say"
    known = set(lexicons().verb_polarity) | lexicons().quoting_verbs
    assert set(forms.values()) <= known, set(forms.values()) - known
