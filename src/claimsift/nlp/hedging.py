"""Hedging: words and phrases that mark a claim as uncertain (allegedly, may, if true, most likely)."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimsift.lexicons import lexicons


@cache
def _phrase_re() -> re.Pattern[str]:
    phrases = sorted(lexicons().hedge_phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE)


GOVERNING_POS = frozenset({"VERB", "AUX", "ADJ", "ADV"})


def _governing(span: Span) -> list[str]:
    """Hedges elsewhere in the sentence whose clause contains the span ("it seems certain [...]")."""
    words = lexicons().hedge_words
    found = []
    for t in span.sent:
        if span.start <= t.i < span.end or t.lower_ not in words or t.pos_ not in GOVERNING_POS:
            continue
        head = t if t.pos_ == "VERB" else t.head
        if head.is_ancestor(span.root):
            found.append(t.text)
    return found


@cache
def _retro_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(lexicons().hedge_retroactive, key=len, reverse=True))
    return re.compile(r"\s*[\"“]?(?:" + alt + r")\b", re.IGNORECASE)


def retroactive_hedge(text: str, end: int) -> str | None:
    """ "If true, ..." opening the next sentence hedges the statement that ends at ``end``."""
    m = _retro_re().match(text, end, min(len(text), end + 40))
    return m.group(0).strip(' "“') if m else None


@cache
def _aside_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(lexicons().hedge_asides, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE)


def _hedges_nothing(t: Token, asides: list[tuple[int, int]]) -> bool:
    """A hedge word that does not hedge the claim: in an aside ("I might add"); "reported" with its reporter named
    ("KCNA reported", "first reported by The Washington Post"), which is attribution; an adverb on a preposition's
    phrase ("potentially for use on the battlefield"), which hedges that phrase only; the month "May"."""
    if any(a <= t.idx < b for a, b in asides):
        return True
    if t.lower_ == "reported" and t.pos_ == "VERB":
        return any(c.dep_ in ("nsubj", "agent") for c in t.children)
    if t.dep_ == "advmod" and t.head.pos_ == "ADP":
        return True  # "troop deployments ..., potentially for use on the battlefield": the purpose, not the deed
    return t.ent_type_ == "DATE"  # "in late May"


def hedge_cues(span: Span) -> tuple[str, ...]:
    """The hedging cues of a span, in text order (an empty tuple means a plain assertion)."""
    words = lexicons().hedge_words
    base = span.start_char
    asides = [(base + m.start(), base + m.end()) for m in _aside_re().finditer(span.text)]
    found = [t.text for t in span if t.lower_ in words and not _hedges_nothing(t, asides)]
    found += [m.group(0) for m in _phrase_re().finditer(span.text)]
    found += _governing(span)
    if span.end == span.sent.end:  # read the next few tokens, never doc.text (rebuilt on each access)
        following = span.doc[span.end : min(len(span.doc), span.end + 8)]
        retro = retroactive_hedge(following.text, 0)
        if retro:
            found.append(retro)
    return tuple(dict.fromkeys(found))
