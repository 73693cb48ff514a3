"""Evidence type of a claim from what the text says it rests on (cue lexicon in data/evidence_cues.json).

Evidence the claim names (images, video, intercepts, bodies, eyewitnesses) decides first; otherwise
the type follows the source: the author's own reasoning is analysis (a document when it reads one),
an unnamed report a media report, an unnamed source an anonymous source, an intelligence body an
intelligence assessment, state media and officials an official statement, an outlet a media report.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from claimsift.lexicons import lexicons
from claimsift.model import Claim


@cache
def _cue_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for etype, cues in lexicons().evidence_cues.items():
        alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        out.append((etype, re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE)))
    return tuple(out)


STRONG = ("imagery", "video", "intercepted_communication", "physical", "eyewitness")
"""Evidence named in the claim itself outranks what its source usually gives."""


def _named(pattern_name: str, text: str) -> bool:
    return bool(dict(_cue_res())[pattern_name].search(text))


def _source_type(source_name: str) -> str:
    lex = lexicons()
    low = source_name.lower()
    if _named("anonymous_source", source_name):
        return "anonymous_source"
    if _named("intelligence_assessment", source_name):
        return "intelligence_assessment"
    if any(re.search(r"(?<!\w)" + re.escape(m) + r"(?!\w)", low) for m in lex.state_media):
        return "official_statement"  # state media speak for the state
    words = [w.lower() for w in re.findall(r"[A-Za-zé]+", source_name)]
    titled = {a for a, b in zip(words, words[1:], strict=False) if a == "press" and b in lex.press_titles}
    if (set(words) - titled) & lex.outlet_words:  # "Pentagon press secretary Pat Ryder" is an official
        return "media_report"
    return "official_statement"


@cache
def _findings() -> re.Pattern[str]:
    alt = "|".join(re.escape(c) for c in sorted(lexicons().assessment_phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE)


def _finding(text: str) -> bool:
    return bool(_findings().search(text.replace("’", "'")))


def narrated(claims: list[Claim], kind: str | None) -> list[Claim]:
    """In a news article the narrator's own account is the outlet's reporting, not analysis."""
    if kind != "article":
        return claims
    return [
        dataclasses.replace(c, evidence_type="media_report")
        if c.source.kind == "author" and c.evidence_type == "analysis"
        else c
        for c in claims
    ]


def evidence_type(text: str, source_name: str, source_kind: str) -> str:
    """One of model.EVIDENCE_TYPES for a claim's text and its source."""
    for etype in STRONG:
        if _named(etype, text):
            return etype
    if source_kind == "anonymous":
        return "anonymous_source"
    if source_kind in ("person", "organization") and _finding(text) and _source_type(source_name) != "media_report":
        return "intelligence_assessment"  # "we've seen", "the FBI has learned": what they found, not announce
    if source_kind in ("author", "unattributed"):
        if _named("document", text):
            return "document"
        return "analysis" if source_kind == "author" else "media_report"
    return _source_type(source_name)
