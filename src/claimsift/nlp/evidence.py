"""Evidence type of a claim from what the text says it rests on (cue lexicon in data/evidence_cues.json).

First match in the lexicon's order of precedence wins; without a cue the type follows the source:
the author's own reasoning is analysis, an unnamed report a media report, an official an official
statement, an intelligence body an intelligence assessment.
"""

from __future__ import annotations

import re
from functools import cache

from claimsift.lexicons import lexicons


@cache
def _cue_res() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for etype, cues in lexicons().evidence_cues.items():
        alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
        out.append((etype, re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE)))
    return tuple(out)


def evidence_type(text: str, source_name: str, source_kind: str) -> str:
    """One of model.EVIDENCE_TYPES for a claim's text and its source."""
    for etype, pattern in _cue_res():
        if etype in ("intelligence_assessment", "anonymous_source"):
            continue  # these describe the source, judged below
        if pattern.search(text):
            return etype
    cue_map = dict(_cue_res())
    if source_kind == "author":
        return "analysis"
    if source_kind == "unattributed":
        return "media_report"
    if cue_map["anonymous_source"].search(source_name):
        return "anonymous_source"
    if cue_map["intelligence_assessment"].search(source_name):
        return "intelligence_assessment"
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", source_name)}
    if words & lexicons().outlet_words:
        return "media_report"
    return "official_statement"
