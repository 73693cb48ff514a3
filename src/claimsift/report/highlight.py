"""A document's text as escaped HTML with its claims highlighted: overlapping spans split into segments.

Each segment is wrapped in one <mark> listing every claim that covers it (innermost first), so overlaps
need no nested marks; dates and source names get <span>s inside; an empty anchor ``claim-ID`` marks where
each claim starts, for links from the verdicts, timeline and matrix. Every character of the document
passes through markupsafe escaping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from claimsift.model import Claim
from claimsift.report.sourcegraph import claim_stance


def source_label(c: Claim) -> str:
    """The source as a reader should see it."""
    if c.source.kind == "author":
        return f"the author of {c.doc}"
    if c.source.kind == "unattributed":
        return f"unattributed (in {c.doc})"
    return c.source.name


def tooltip(c: Claim) -> str:
    """One line a reader sees on hover: id, source and relays, evidence, grade (* = default), hedging, dates."""
    parts = [c.id, source_label(c) + (f" via {' → '.join(c.via)}" if c.via else "")]
    parts.append(c.evidence_type.replace("_", " "))
    if c.reliability:
        parts.append(c.reliability + ("*" if c.reliability_default else ""))
    if c.hedged:
        parts.append("hedged")
    parts += [f"{label} {day}" for label, day in (("event", c.event_date), ("stated", c.stated_date)) if day]
    return " · ".join(parts)


def overall_stance(c: Claim) -> str:
    """supports | refutes | mixed | neutral across all hypotheses."""
    return claim_stance(list(c.stance.values()))


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    """claim | date | source"""
    ref: str
    """Claim id, or the normalised date value."""


def _spans(text: str, claims: Sequence[Claim], dates: Sequence[tuple[int, int, str]]) -> list[_Span]:
    n = len(text)
    spans = [_Span(c.start, c.end, "claim", c.id) for c in claims]
    spans += [_Span(s, e, "date", v) for s, e, v in dates]
    spans += [
        _Span(c.source.start, c.source.end, "source", c.id)
        for c in claims
        if c.source.start is not None and c.source.end is not None
    ]
    return [_Span(max(0, s.start), min(n, s.end), s.kind, s.ref) for s in spans if 0 <= s.start < s.end <= n]


def highlight(text: str, claims: Sequence[Claim], dates: Sequence[tuple[int, int, str]] = ()) -> Markup:
    """The document text, escaped, with claim spans as <mark> (overlaps split into segments), dates and
    source names as <span>s, and an anchor ``claim-ID`` where each claim starts."""
    spans = sorted(_spans(text, claims, dates), key=lambda s: s.start)
    by_id = {c.id: c for c in claims}
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    active: list[_Span] = []
    i = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a]
        while i < len(spans) and spans[i].start <= a:
            active.append(spans[i])
            if spans[i].kind == "claim":
                out.append(f'<span class="anchor" id="claim-{escape(spans[i].ref)}"></span>')
            i += 1
        out.append(_segment(text[a:b], active, by_id))
    return Markup("".join(out))


def _segment(piece: str, inside: list[_Span], by_id: Mapping[str, Claim]) -> str:
    body = str(escape(piece))
    date = next((s for s in inside if s.kind == "date"), None)
    if date is not None:
        body = f'<span class="date" title="{escape(date.ref)}">{body}</span>'
    if any(s.kind == "source" for s in inside):
        body = f'<span class="src">{body}</span>'
    claims = sorted((s for s in inside if s.kind == "claim"), key=lambda s: (s.end - s.start, s.start))
    if not claims:
        return body
    first = by_id[claims[0].ref]
    ids = " ".join(s.ref for s in claims)
    cls = f"c st-{overall_stance(first)}" + (" multi" if len(claims) > 1 else "")
    tip = tooltip(first) + (f" (also in {', '.join(s.ref for s in claims[1:])})" if len(claims) > 1 else "")
    return f'<mark class="{cls}" data-claims="{escape(ids)}" title="{escape(tip)}" tabindex="0">{body}</mark>'
