"""Hedging: words and phrases that mark a claim as uncertain (allegedly, may, if true, most likely)."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from claimsift.lexicons import lexicons


@cache
def _phrase_re() -> re.Pattern[str]:
    phrases = sorted(lexicons().hedge_phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE)


def hedge_cues(span: Span) -> tuple[str, ...]:
    """The hedging cues inside a span, in text order (an empty tuple means a plain assertion)."""
    words = lexicons().hedge_words
    found = [t.text for t in span if t.lower_ in words or (t.tag_ == "MD" and t.lower_ in words)]
    found += [m.group(0) for m in _phrase_re().finditer(span.text)]
    return tuple(dict.fromkeys(found))
