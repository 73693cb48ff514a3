"""Attributed claims of one parsed document: clause segments joined to their attribution cues.

Stage breakdown after BBC's Citron: cue -> content -> source -> back-reference, then hedging,
evidence and dates. A segment with no cue over it is the author's own statement, or an unattributed
report when it is a bare "that ..." clause whose cue was lost or a report marked "reportedly".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimsift.model import Claim, SourceRef, TimeExpr
from claimsift.nlp.clauses import segments
from claimsift.nlp.cues import Cue, sentence_cues
from claimsift.nlp.evidence import evidence_type
from claimsift.nlp.hedging import hedge_cues
from claimsift.nlp.seams import Seams
from claimsift.nlp.sources import SourceMemory, resolve

QUOTES = "\"“”"
REPORTIVE_HEDGES = frozenset({"reportedly", "allegedly", "alleged", "supposedly", "purportedly", "rumored",
                              "rumoured", "reported", "said", "there are reports", "reports suggest"})
AUTHOR = SourceRef(name="author", kind="author")
UNATTRIBUTED = SourceRef(name="unattributed", kind="unattributed")


@dataclass(frozen=True, slots=True)
class _Seg:
    start: int
    end: int
    cue: Cue | None


def _alpha(doc: Doc, ids: set[int] | frozenset[int], a: int, b: int) -> float:
    words = [i for i in range(a, b) if doc[i].is_alpha]
    return sum(1 for i in words if i in ids) / len(words) if words else 1.0


def _cue_for(doc: Doc, a: int, b: int, cues: list[Cue]) -> Cue | None:
    """The innermost cue whose content holds most of the segment, or whose frame it contains."""
    holding = [c for c in cues if _alpha(doc, c.content, a, b) >= 0.5 or a <= c.token < b]
    holding = [c for c in holding if c.relay_of is None or not (a <= c.token < b)] or holding
    return min(holding, key=lambda c: len(c.content), default=None)


def _attach_frames(doc: Doc, sent: Span, cues: list[Cue]) -> list[_Seg]:
    """Segments, with a segment that is only an attribution frame merged into its content."""
    segs = [list(s) for s in segments(sent)]
    frames = frozenset().union(*(c.frame for c in cues)) if cues else frozenset()
    out: list[list[int]] = []
    i = 0
    while i < len(segs):
        a, b = segs[i]
        if frames and _alpha(doc, frames, a, b) >= 0.6:
            if i + 1 < len(segs):  # "The agency said | the bases in ..." -> one claim
                segs[i + 1][0] = a
            elif out:  # '"...," he said.' at the end joins the quote before it
                out[-1][1] = b
            else:
                out.append([a, b])
            i += 1
            continue
        out.append([a, b])
        i += 1
    return [_Seg(a, b, _cue_for(doc, a, b, cues)) for a, b in out]


def _via(cue: Cue, cues: list[Cue], doc: Doc, memory: SourceMemory, in_quote: bool) -> tuple[str, ...]:
    """Relays of a cue's source, nearest to the reader first: "X cited Y's claim" gives Y via X."""
    via: list[str] = []
    outer = [c for c in cues if c.relay_of == cue.token and c.source]
    outer += [c for c in cues if c is not cue and cue.token in c.content and c.source and c not in outer]
    for c in outer:
        assert c.source is not None
        ref = resolve(doc[c.source[0] : c.source[1]], memory, in_quote)
        if ref.kind != "author" and ref.name not in via:
            via.append(ref.name)
    return tuple(via)


def _in_quote(text: str, pos: int) -> bool:
    return sum(text.count(q, 0, pos) for q in QUOTES) % 2 == 1


def _default_source(span: Span, hedges: tuple[str, ...]) -> SourceRef:
    first = next((t for t in span if not t.is_punct), None)
    if first is not None and first.lower_ == "that" and first.dep_ == "mark":
        return UNATTRIBUTED  # a reported clause whose cue is gone
    if any(h.lower() in REPORTIVE_HEDGES for h in hedges):
        return UNATTRIBUTED
    return AUTHOR


def _dates_for(span: Span, cue: Cue | None, dates: list[TimeExpr]) -> tuple[str | None, str | None]:
    """(event_date, stated_date): a day date inside the content is the event; one by the cue is the statement."""
    event = next((d.value for d in dates if span.start_char <= d.start < span.end_char), None)
    stated = None
    if cue is not None:
        sent = span.doc[cue.token].sent
        cue_char = span.doc[cue.token].idx
        near = [d for d in dates if sent.start_char <= d.start < sent.end_char and abs(d.start - cue_char) < 120
                and not (span.start_char <= d.start < span.end_char and d.start > cue_char)]
        stated = near[0].value if near else None
    if stated is not None and event == stated:
        event = None
    return event, stated


def _good(span: Span) -> bool:
    """A claim states something: enough words, not a question, not a call to action."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 4:
        return False
    if span.text.rstrip(" \"”").endswith("?"):
        return False
    return not (words[0].lower_ in ("let", "subscribe", "click") and words[0].i == span.sent.start)


def document_claims(doc: Doc, doc_id: str, dates: list[TimeExpr], seams: Seams) -> list[Claim]:
    """Every claim of a document, in text order; ids are left empty for the analysis to number."""
    memory = SourceMemory(seen=[])
    claims: list[Claim] = []
    for sent in doc.sents:
        cues = sentence_cues(sent)
        for seg in _attach_frames(doc, sent, cues):
            span = doc[seg.start : seg.end]
            if not _good(span):
                continue
            claims.append(_claim(doc, doc_id, span, seg.cue, cues, memory, dates, seams))
    return claims


def _claim(doc: Doc, doc_id: str, span: Span, cue: Cue | None, cues: list[Cue], memory: SourceMemory,
           dates: list[TimeExpr], seams: Seams) -> Claim:
    in_quote = _in_quote(doc.text, span.start_char)
    hedges = hedge_cues(span)
    via: tuple[str, ...] = ()
    if cue is not None and cue.source is not None:
        source = resolve(doc[cue.source[0] : cue.source[1]], memory, in_quote)
        via = _via(cue, cues, doc, memory, in_quote)
        memory.seen.append(source)
    elif cue is not None:
        source = UNATTRIBUTED
    else:
        source = _default_source(span, hedges)
    start, end = span.start_char, span.end_char
    event, stated = _dates_for(span, cue, dates)
    text = doc.text[start:end]
    return Claim(
        id="", doc=doc_id, start=start, end=end, text=text, source=source, via=via,
        cue=cue.text if cue else None,
        cue_polarity="deny" if cue and cue.polarity == "deny" else ("neutral" if cue and cue.polarity == "neutral" else "assert"),
        evidence_type=evidence_type(text, source.name, source.kind), hedged=bool(hedges), hedge_cues=hedges,
        event_date=event, stated_date=stated, fragmentary=seams.crosses(start, end),
    )
