"""Stance of a claim towards a hypothesis: supports, refutes or neutral (a first, rule-based value).

Relevance is shared content words after light stemming (Korean/Koreans, deploy/deployed); a relevant
claim refutes when it carries a negation or denial cue or its cue is a denial, is neutral under a
condition ("If there are images, then ..."), and supports otherwise.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from claimsift.model import Claim, Hypothesis, Stance

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@cache
def _cues() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("claimsift.data").joinpath("stance_cues.json").read_text("utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def stem(word: str) -> str:
    """A crude stem, enough to match inflections of the same content word."""
    w = word.lower().strip("'")
    for suffix in ("ments", "ment", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def keywords(text: str) -> set[str]:
    """Content-word stems of a text."""
    stop = _cues()["stopwords"]
    return {stem(w) for w in WORD.findall(text) if w.lower() not in stop and len(w) > 2}


def _has(text: str, cues: frozenset[str]) -> bool:
    low = " " + " ".join(WORD.findall(text.lower().replace("n't", " n't"))) + " "
    return any(f" {c} " in low for c in cues) or ("n't" in cues and "n't" in text.lower())


def stance(claim: Claim, hypothesis: Hypothesis) -> Stance:
    """supports | refutes | neutral for one claim and one hypothesis."""
    hyp = keywords(hypothesis.text)
    shared = keywords(claim.text) & hyp
    if len(shared) < 2 and len(shared) < max(1, len(hyp) // 2):
        return "neutral"
    cues = _cues()
    if claim.cue_polarity == "neutral":
        return "neutral"
    if claim.cue_polarity == "deny" or _has(claim.text, cues["negation"]):
        return "refutes"
    if _has(claim.text, cues["conditional"]):
        return "neutral"
    return "supports"
