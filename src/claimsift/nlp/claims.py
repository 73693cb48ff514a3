"""Attributed claims of one parsed document: clause segments joined to their attribution cues.

Stage breakdown after BBC's Citron: cue -> content -> source -> back-reference, then hedging,
evidence and dates. A segment with no cue over it is the author's own statement, or an unattributed
report when it is a bare "that ..." clause whose cue was lost or a report marked "reportedly".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimsift.lexicons import lexicons
from claimsift.model import Claim, SourceRef, TimeExpr, Turn
from claimsift.nlp.clauses import MIN_WORDS, segments
from claimsift.nlp.credits import credited
from claimsift.nlp.cues import Cue, source_phrase
from claimsift.nlp.events import dated_events, event_date
from claimsift.nlp.evidence import STRONG as STRONG_EVIDENCE
from claimsift.nlp.evidence import evidence_type
from claimsift.nlp.frames import sentence_cues
from claimsift.nlp.hedging import hedge_cues
from claimsift.nlp.marks import opening_mark
from claimsift.nlp.quotations import FIRST_PERSON_WORDS, QUOTE_RE, QUOTES, joined, quoted_sources
from claimsift.nlp.seams import Seams
from claimsift.nlp.sources import SourceMemory, resolve
from claimsift.nlp.spans import ents_within
from claimsift.nlp.statements import QUOTED_QUESTION, THIRD_PERSON, asks, is_question, states_something, worth_a_claim
from claimsift.nlp.turns import interview_answers

REPORTIVE_HEDGES = frozenset(
    {
        "reportedly",
        "allegedly",
        "alleged",
        "supposedly",
        "purportedly",
        "rumored",
        "rumoured",
        "there are reports",
        "reports suggest",
    }
)
FIRST_PERSON_OPENERS = frozenset({"i", "we", "i'm", "we're", "we've", "we'll", "i've"})
"""A clause opening in the first person is the speaker's own, whatever cue the parse hung on it (compared
with straight apostrophes)."""
CONTINUATION_SENTENCES = 1
"""How many sentences after a named report a plain transcript clause may continue it."""
TRANSCRIPT_REACH = 20
"""Tokens a cue reaches in a transcript with missing lines (about two caption lines)."""
AUTHOR = SourceRef(name="author", kind="author")
UNATTRIBUTED = SourceRef(name="unattributed", kind="unattributed")


@dataclass(frozen=True, slots=True)
class _DocContext:
    """What every claim of one document is read against, computed once per document."""

    doc: Doc
    doc_id: str
    text: str
    """doc.text, read once: spaCy rebuilds it from the tokens on every access."""
    quote_marks: list[int]
    dates: list[TimeExpr]
    date_starts: list[int]
    seams: Seams
    transcript: bool
    memory: SourceMemory
    turns: list[Turn]
    turn_starts: list[int]
    narrator: str | None
    """The document's own voice when it has a name (a speech's speaker, a statement's issuer)."""
    events: dict[str, str]
    """Event nouns the document dates once ("the May 3 vote"), for their undated mentions."""

    def turn_at(self, pos: int) -> Turn | None:
        i = bisect_left(self.turn_starts, pos + 1) - 1
        return self.turns[i] if i >= 0 and pos < self.turns[i].end else None

    def questioner_at(self, pos: int) -> bool:
        turn = self.turn_at(pos)
        return turn is not None and turn.questioner

    def in_label(self, pos: int) -> bool:
        turn = self.turn_at(pos)
        return turn is not None and pos < turn.content_start

    def before_turns(self, pos: int) -> bool:
        """Front matter of a transcript with turns: the title, date and place lines before the first label."""
        return bool(self.turns) and pos < self.turns[0].start

    def in_quote(self, pos: int) -> bool:
        return bisect_left(self.quote_marks, pos) % 2 == 1

    def span_in_quote(self, span: Span) -> bool:
        """Whether a span is inside a quotation: one opening with its own quotation mark is (its "I" is the
        quoted speaker's)."""
        return self.in_quote(span.start_char + (span[0].text in QUOTES))

    def dates_between(self, start: int, end: int) -> list[TimeExpr]:
        return self.dates[bisect_left(self.date_starts, start) : bisect_left(self.date_starts, end)]


@dataclass(frozen=True, slots=True)
class _Seg:
    start: int
    end: int
    cue: Cue | None


def _alpha(doc: Doc, ids: set[int] | frozenset[int], a: int, b: int) -> float:
    words = [i for i in range(a, b) if doc[i].is_alpha]
    return sum(1 for i in words if i in ids) / len(words) if words else 1.0


def _cue_for(doc: Doc, a: int, b: int, cues: list[Cue], reach: int | None) -> Cue | None:
    """The innermost cue whose content holds most of the segment, or whose frame it contains.

    In a transcript with missing lines a cue reaches only ``reach`` tokens: further on, a lost line
    may have handed the floor to someone else.
    """
    framed = [
        c
        for c in cues
        if a <= c.token < b and c.source is not None and c.relay_of is None and not _first_person(doc, c.source)
    ]
    if framed:  # the segment states its own attribution: its first frame speaks ("X declined to confirm Y's ...")
        # ... unless it passes on another's words: "The report quoted U.S. officials saying ..." is the officials'
        passing = [c for c in framed if c.polarity == "assert" and any(_quotes(doc, c, o) for o in framed)]
        framed = [c for c in framed if c not in passing] or framed
        # "X reported that, according to Y, ...": X relays Y, whose words the content is
        inner = _according_inside(doc, cues, framed)
        if inner is not None:
            return inner
        # a cue inside another's content is part of what that one reports ("..., he said" over "Russia intends")
        outer = [c for c in framed if not any(c.token in o.content for o in framed if o is not c)]
        return min(outer or framed, key=lambda c: c.source[0] if c.source else c.token)
    holding = [c for c in cues if (_alpha(doc, c.content, a, b) >= 0.5 and _near(c, a, b, reach)) or a <= c.token < b]
    holding = [c for c in holding if c.relay_of is None or not (a <= c.token < b)] or holding
    return min(holding, key=lambda c: (len(c.content), c.relay_of is not None), default=None)


def _according_inside(doc: Doc, cues: list[Cue], framed: list[Cue]) -> Cue | None:
    """An "according to" inside the clause another cue reports: that cue's source only relays it."""
    for c in cues:
        if c.text == "according to" and any(c.token in o.content and doc[c.token].head.i != o.token for o in framed):
            return c
    return None


def _quotes(doc: Doc, outer: Cue, inner: Cue) -> bool:
    """ "quoted officials saying", "cited a diplomat as saying": the inner cue hangs on the outer's object."""
    tok = doc[inner.token]
    return tok.dep_ in ("acl", "advcl") and tok.head.head.i == outer.token and tok.head.dep_ in ("dobj", "pobj")


def _first_person(doc: Doc, source: tuple[int, int]) -> bool:
    """ "we believe", "I can confirm": the speaker is whoever the quotation or sentence names."""
    return source[1] - source[0] == 1 and doc[source[0]].lower_ in FIRST_PERSON_WORDS


def _near(cue: Cue, a: int, b: int, reach: int | None) -> bool:
    return reach is None or min(abs(a - cue.token), abs(b - cue.token)) <= reach


def _attach_frames(doc: Doc, sent: Span, cues: list[Cue], reach: int | None) -> list[_Seg]:
    """Segments, with a segment that is only an attribution frame merged into its content."""
    segs = [list(s) for s in _reported_relatives(doc, _coordinated_reports(doc, segments(sent), cues), cues)]
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
    return [_Seg(a, b, _cue_for(doc, a, b, cues, reach)) for a, b in out]


def _reported_relatives(doc: Doc, segs: list[tuple[int, int]], cues: list[Cue]) -> list[tuple[int, int]]:
    """Cut a segment before a relative clause that reports with a source of its own: in "to discuss with you some
    matter | that I believe affected the national interest" only the relative clause is a belief ("..., who said
    ..." is not cut: its antecedent speaks the whole)."""
    cuts = set()
    for c in cues:
        tok = doc[c.token]
        if tok.dep_ != "relcl" or c.source is None or tok.head.i >= tok.i:
            continue
        if not any(t.dep_ in ("ccomp", "xcomp") for t in tok.children):
            continue  # "a report that they released today" reports a thing, no statement
        first = min(t.i for t in tok.subtree)
        if c.source[0] >= first:  # the source is inside the clause, not its antecedent
            cuts.add(first)
    return _cut(segs, cuts, lambda a, i: sum(t.is_alpha for t in doc[a:i]) >= MIN_WORDS)


def _coordinated_reports(doc: Doc, segs: list[tuple[int, int]], cues: list[Cue]) -> list[tuple[int, int]]:
    """Cut a segment before a reporting verb coordinated with another verb: "Graham urged Republicans to ...,
    and criticized the party's lack of ..." is two reports of one source, each with its own content; "X
    supported Democrats ..., and said he did not support Y" is a deed and a report."""
    heads = {c.token: c for c in cues if c.content}
    cuts = set()
    for c in cues:
        tok = doc[c.token]
        if tok.dep_ == "xcomp" and tok.head.dep_ == "conj":
            tok = tok.head  # "agreed with McLenny and | seemed to think ...": the coordinated verb the cue hangs on
        if tok.dep_ != "conj" or not c.content or tok.i < tok.head.i or min(c.content) < tok.i:
            continue
        head = heads.get(tok.head.i)
        # each verb has a content of its own before the next ("neither confirmed nor denied X" shares one); a
        # verb that reports nothing has its object ("Schultz supported Democrats ... and said he did not ...")
        # "They claimed Paris was a volunteer and | claim she has ...": hung on the first report's clause, which
        # ends before it (cues._second_report keeps the second report out of the first one's content)
        holder = any(tok.head.i in h.content and max(h.content) < tok.i for h in cues if h.content)
        before = (
            max(head.content) < tok.i
            if head is not None
            else holder
            or (tok.head.pos_ == "VERB" and any(t.dep_ in ("dobj", "prep") for t in tok.head.children if t.i < tok.i))
        )
        if before:
            cc = [t.i for t in tok.head.children if t.dep_ == "cc" and tok.head.i < t.i < tok.i]
            cuts.add(cc[-1] if cc else tok.i)  # "..., | and criticized": the comma ends the first report
    return _cut(segs, cuts)


def _cut(
    segs: list[tuple[int, int]], cuts: set[int], long_enough: Callable[[int, int], bool] = lambda a, i: True
) -> list[tuple[int, int]]:
    """Segments cut at the given token indices, each cut only where the piece before it is ``long_enough``."""
    out: list[tuple[int, int]] = []
    for a, b in segs:
        for cut in sorted(i for i in cuts if a < i < b and long_enough(a, i)):
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _relays(cue: Cue, cues: list[Cue], doc: Doc, memory: SourceMemory, in_quote: bool) -> list[SourceRef]:
    """The named sources that pass a cue's source on, nearest to the reader first: "X cited Y's claim" gives Y
    via X."""
    return [r for r in _outer_sources(cue, cues, doc, memory, in_quote) if r.kind not in ("author", "unattributed")]


def _listeners(doc: Doc, cue: Cue) -> tuple[str, ...]:
    """Outlets the speaker told ("told KBS", "speaking to Reuters", "in an interview with South Korea's public
    broadcaster KBS"): they relay the words, nearest to the speaker. An audience that is no outlet ("told the
    Security Council", "told reporters") relays nothing."""
    words, verb = lexicons().listener_words, doc[cue.token]
    heads = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in words["talking"])]
    found: list[Token] = []
    for head in heads:
        for c in head.children:
            if c.dep_ in ("dobj", "dative") and head.lemma_.lower() in words["listening"]:
                found.append(c)
            elif c.dep_ == "prep" and c.lower_ == "to" and head.lemma_.lower() in words["talking"]:
                found += [o for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "in":
                for talk in (o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in words["exchanges"]):
                    found += [o for p in talk.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    names = []
    outlets = lexicons().outlet_words
    for tok in found:
        inside = ents_within(doc, tok.left_edge.i, tok.right_edge.i + 1)
        ent = next((e for e in inside if e.label_ == "ORG" and e.start <= tok.i < e.end), None)
        if ent is not None and {t.lower_ for t in tok.subtree} & outlets:
            names.append(re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE))
    return tuple(dict.fromkeys(names))


def _names(refs: list[SourceRef]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.name for r in refs))


def _same_name(a: str, b: str, person: bool = False) -> bool:
    """One speaker named twice: "Mr. McKinley said that he ..." relays nobody but McKinley, and a person's surname
    or full name is the person ("John Key" in "New Zealand's Prime Minister John Key"); an organisation's name
    must match ("the House" is not "the White House")."""
    a, b = _untitled(a), _untitled(b)
    return a == b or (person and (a.endswith(f" {b}") or b.endswith(f" {a}")))


def _untitled(name: str) -> str:
    words = name.split()
    titles = lexicons().title_abbreviations
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


PLURAL_PRONOUNS = frozenset({"they", "them"})


def _could_be_person(doc: Doc, ref: SourceRef) -> bool:
    """Whether a source could be the "he" or "she" that stands for it: a name not known as an organisation or
    place ("Memon"), not "the company"."""
    if ref.kind == "person":
        return True
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand") if ref.start is not None and ref.end else None
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.pos_ == "PROPN" and root.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC")


def _outer_cues(cue: Cue, cues: list[Cue]) -> list[Cue]:
    """The cues whose content holds this cue (or that relay it), nearest first."""
    outer = [c for c in cues if c.relay_of == cue.token and c.source]
    return outer + [c for c in cues if c is not cue and cue.token in c.content and c.source and c not in outer]


def _outer_sources(cue: Cue, cues: list[Cue], doc: Doc, memory: SourceMemory, in_quote: bool) -> list[SourceRef]:
    """The sources of the cues whose content holds this cue, nearest first."""
    return [resolve(doc[c.source[0] : c.source[1]], memory, in_quote) for c in _outer_cues(cue, cues) if c.source]


def _quoted_self(ctx: _DocContext, span: Span, cue: Cue | None, cues: list[Cue]) -> Cue | None:
    """The cue that reports a quotation whose "I" or "we" speaks in it: '"I think ...," said X' is reported by
    "said", and X is its "I"; "think" is part of what X says."""
    if cue is None or cue.source is None or not _first_person(ctx.doc, cue.source):
        return None
    if not ctx.span_in_quote(span):
        return None
    for outer in _outer_cues(cue, cues):
        assert outer.source is not None
        ref = resolve(ctx.doc[outer.source[0] : outer.source[1]], ctx.memory, True)
        if ref.kind not in ("author", "unattributed"):
            return outer
    return None


def _default_source(span: Span, hedges: tuple[str, ...]) -> SourceRef:
    first = next((t for t in span if not t.is_punct), None)
    if first is not None and first.lower_ == "that" and first.dep_ == "mark":
        return UNATTRIBUTED  # a reported clause whose cue is gone
    if any(h.lower() in REPORTIVE_HEDGES for h in hedges):
        return UNATTRIBUTED
    return AUTHOR


def _content_range(span: Span, cue: Cue | None, source: SourceRef) -> tuple[int, int]:
    """Where the reported content lies inside a claim span: after its frame ("said on Thursday that ..."),
    or before it ('"...," Zelenskyy said Tuesday': the frame and its date come last)."""
    if cue is not None and span.start <= cue.token < span.end:
        after = [i for i in cue.content if cue.token < i < span.end]
        if after:
            return span.doc[min(after)].idx, span.end_char
        before = [i for i in cue.content if span.start <= i < cue.token]
        if before and min(cue.frame, default=cue.token) > max(before):
            last = span.doc[max(before)]
            return span.start_char, last.idx + len(last.text)
        if cue.content and max(cue.content) < span.start:
            return span.start_char, span.start_char  # the frame alone: its content was the piece before
        tok = span.doc[cue.token]
        return tok.idx + len(tok.text), span.end_char
    if cue is None and source.end is not None and span.start_char <= source.end <= span.end_char:
        return source.end, span.end_char
    return span.start_char, span.end_char


CUE_CONTEXT = 12
"""Tokens before a claim within which its cue still describes it ("videos on CNN, it seems ...")."""


def _near_cue_text(span: Span, cue: Cue | None) -> str:
    """The cue's words when it frames this claim, not when the claim only inherits its source."""
    if cue is None or not (span.start - CUE_CONTEXT <= cue.token < span.end):
        return ""
    return cue.text


def _quote_speaker(span: Span, transcript: bool) -> SourceRef | None:
    """A quotation with no cue is the words of whoever the sentence has speaking before it.

    In a transcript with missing lines ('On a Monday, X, a top aide to "We are ..."' lost its "said") that
    is the nearest person named before the opening mark. In other text it is the named subject of the
    clause that holds the quotation: 'Cruz called Trump a "pathological liar"', 'Trump openly admires Putin
    as a "strong leader"' (a person the sentence is about, "Black Lawmakers Rip Donald Trump As A 'Disgusting
    Fraud'", is not). A piece that only closes a quotation looks before where it opened, in the same
    sentence; one opened sentences before ('... to a John McCain or any other white who was running."')
    belongs to that quotation's speaker, not to a name in it.
    """
    quote = next((t for t in span if t.is_quote or t.text in QUOTES), None)
    if quote is None:
        return None
    opening = quote if opening_mark(quote) else None
    if opening is None:
        opening = next((t for t in reversed(span.doc[span.sent.start : quote.i]) if opening_mark(t)), None)
        if opening is None:
            return None
    if not transcript and (found := _quoting_subject(opening)) is not None:
        return found
    sent = span.sent
    persons = [
        e
        for e in ents_within(span.doc, sent.start, opening.i)
        if e.label_ == "PERSON" and (transcript or e.root.dep_ in ("nsubj", "nsubjpass") or e.start == sent.start)
    ]
    if not persons:
        return None
    p = persons[-1]
    return SourceRef(name=p.text, kind="person", start=p.start_char, end=p.end_char)


def _quoting_subject(opening: Token) -> SourceRef | None:
    """The named subject, before the quotation, of the nearest clause above its first word."""
    sent = opening.sent
    cur = opening.doc[opening.i + 1] if opening.i + 1 < sent.end else opening
    for _ in range(len(sent)):
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None or cur.head.i == cur.i:
            break
        cur = cur.head
    else:
        return None
    if subj is not None and subj.lower_ == "who" and cur.dep_ == "relcl":
        subj = cur.head  # "the parents, who called their son "an American hero.""
    if subj is None or subj.i > opening.i or subj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    a, b = source_phrase(subj)
    phrase = opening.doc[a:b]
    if subj.ent_type_ == "PERSON":
        return SourceRef(name=phrase.text, kind="person", start=phrase.start_char, end=phrase.end_char)
    return SourceRef(name=phrase.text, kind="organization", start=phrase.start_char, end=phrase.end_char)


def _dates_for(
    ctx: _DocContext, span: Span, content: tuple[int, int], source: SourceRef, others: Sequence[Cue] = ()
) -> tuple[str | None, str | None]:
    """(event_date, stated_date): a date in the reported content (or right before it: "on October 21
    a group ...") is the event's, and so is one in the narrator's own frame when the content is no clause
    ("Tomorrow, we'll be announcing a set of four actions"); a date in the attribution frame, earlier in the
    sentence, or in the sentence that named the source a pronoun stands for ("Putin ... on October 24. ... he
    said") is when the source said it. A date inside what another cue of the sentence reports is that report's event
    ("highlighted Russian casualties in the war it launched ... in early 2022, saying ..." was not said
    in 2022)."""
    content_start, content_end = content
    doc = ctx.doc
    reported = [(doc[min(c.content)].idx, doc[max(c.content)].idx + 1) for c in others if c.content]
    inside = ctx.dates_between(content_start, content_end)
    before = ctx.dates_between(span.start_char - 20, span.start_char)
    if not inside and before and not ctx.text[before[-1].end : span.start_char].strip(" ,"):
        inside = before[-1:]
    event = inside[0].value if inside else None
    said = doc.char_span(content_start, content_end, alignment_mode="expand")
    if event is None and said is not None:
        event = event_date(said, ctx.events)
    if source.kind == "unattributed":
        return event, None
    frame = [
        d
        for d in ctx.dates_between(span.sent.start_char, span.end_char)
        if d not in inside
        and not content_start <= d.start < content_end
        and not any(a <= d.start < b for a, b in reported)
    ]
    if source.kind == "author":
        # the narrator's own act is the event when it reports no clause: "Tomorrow, we'll be announcing a set of four
        # actions"; "Last year, I reported that the regime had executed ..." dates the report, not the executions
        act = said is not None and not any(t.pos_ in ("VERB", "AUX") for t in said)
        own = [d for d in frame if d.start >= span.start_char] if act else []
        return (event or (own[-1].value if own else None)), None
    if not frame and source.resolved_from and source.start is not None and source.start < span.sent.start_char:
        named = ctx.doc.char_span(source.start, source.end or source.start + 1, alignment_mode="expand")
        if named is not None:
            frame = ctx.dates_between(named.sent.start_char, named.sent.end_char)
    stated = frame[-1].value if frame else None
    return (None if event == stated else event), stated


def _continue_report(
    claim: Claim, span: Span, before: list[Claim], sent_no: int, report_sents: dict[str, int]
) -> Claim:
    """In a transcript, a plain clause right after a named source's report continues that report.

    A commentator summarising a report rarely repeats "the agency said" each line, and the lines
    that did say it may be missing. Clauses in the narrator's own voice (first person, evaluation,
    inference) stay the author's.
    """
    if claim.source.kind != "author" or claim.cue is not None or not before:
        return claim
    last = before[-1]
    if last.source.kind not in ("person", "organization", "unattributed"):
        return claim
    if sent_no - report_sents.get(last.source.name, -99) > CONTINUATION_SENTENCES:
        return claim  # (an unnamed report continues only into the next sentence, like a named one)
    if any(t.lower_ in lexicons().narrator_words for t in span):
        return claim
    first = next((t for t in span if t.is_alpha), None)
    if first is not None and first.lower_ in lexicons().narrator_transitions:
        return claim  # "Then on October 26, ..." moves the story on
    if any(
        e.label_ in ("PERSON", "ORG") and e.text not in last.source.name
        for e in ents_within(span.doc, span.start, span.end)
    ):
        return claim  # a clause naming someone else is not the last source's
    if any(t.lemma_.lower() in lexicons().noun_polarity and t.pos_ == "NOUN" for t in span):
        return claim  # "His assertions were supported ...": the narrator talking about the report
    return replace(
        claim,
        source=last.source,
        via=last.via,
        evidence_type=_continued_evidence(claim.text, last),
        stated_date=claim.stated_date or last.stated_date,
    )


def _continued_evidence(text: str, last: Claim) -> str:
    """A continued report rests on what the report rests on, unless the clause names evidence itself."""
    own = evidence_type(text, last.source.name, last.source.kind)
    return own if own in STRONG_EVIDENCE else last.evidence_type


def document_claims(
    doc: Doc,
    doc_id: str,
    dates: list[TimeExpr],
    seams: Seams,
    transcript: bool = False,
    turns: list[Turn] | None = None,
    narrator: str | None = None,
) -> list[Claim]:
    """Every claim of a document, in text order; ids are left empty for the analysis to number.

    A segment after a cue in the same sentence, with no cue of its own, continues that cue's source
    ("The agency said X, including Y, and Z"); a question states nothing and gives no claim.
    """
    text = doc.text
    ctx = _DocContext(
        doc=doc,
        doc_id=doc_id,
        text=text,
        quote_marks=[m.start() for m in QUOTE_RE.finditer(text)],
        dates=dates,
        date_starts=[d.start for d in dates],
        seams=seams,
        transcript=transcript,
        memory=SourceMemory.for_doc(doc),
        turns=list(turns or ()),
        turn_starts=[t.start for t in turns or ()],
        narrator=narrator,
        events=dated_events(doc, dates),
    )
    voiced = bool(turns) or narrator is not None
    interview = None if voiced else interview_answers(text)
    claims: list[Claim] = []
    report_sents: dict[str, int] = {}
    for sent_no, sent in enumerate(doc.sents):
        cues = sentence_cues(sent)
        question = is_question(sent)
        current: Cue | None = None
        last_sourced: Cue | None = None  # a sourceless cue ("... stated that") speaks for the last named one
        reach = TRANSCRIPT_REACH if transcript else None
        pieces: list[Claim] = []
        cue_tokens: list[int | None] = []  # which cue each piece reports: "called on ... and called on ..." are two
        leads: list[bool] = []  # which pieces hold only a frame whose content comes after them
        for seg in _attach_frames(doc, sent, cues, reach):
            if current is not None and (
                seams.crosses(doc[current.token].idx, doc[seg.start].idx + 1)
                or not _near(current, seg.start, seg.end, reach)
            ):
                current = None  # a missing line may have changed the speaker
            if seg.cue is not None and seg.cue.source is None and last_sourced is not None:
                cue: Cue | None = last_sourced
            else:
                cue = seg.cue if seg.cue is not None and seg.cue.source is not None else (current or seg.cue)
            if seg.cue is not None and seg.cue.source is not None:
                current = last_sourced = seg.cue
            span = doc[seg.start : seg.end]
            in_marks = ctx.in_quote(span.start_char) or any(t.is_quote or t.text in QUOTES for t in span)
            asked = (question or asks(span.text)) and not transcript and not voiced and in_marks
            if (question and seg.cue is None and not asked) or not worth_a_claim(span, asked):
                continue
            if ctx.in_label(span.start_char):
                continue
            if ctx.before_turns(span.start_char) and (cue is None or cue.source is None):
                continue  # a transcript's heading and cast list; an article's own report before an interview stays
            if question and ctx.questioner_at(span.start_char):
                continue  # a question states nothing, whatever cue it holds
            cue = _quoted_self(ctx, span, cue, cues) or cue
            piece = _claim(ctx, span, cue, cues)
            if (
                _frame_alone(span, cue)
                and pieces
                and pieces[-1].source.name != piece.source.name
                and not pieces[-1].source.resolved_from
            ):
                continue  # '"People say, ...," said Charlie King.': the content went to the inner cue
            pieces.append(piece)
            cue_tokens.append(cue.token if cue is not None else None)
            leads.append(_frame_before(span, cue))
        pieces, cue_tokens = _fold_frames(doc, pieces, cue_tokens, leads, seams)
        for claim in whole_contents(pieces, seams, text, cue_tokens):
            quoted = ctx.in_quote(claim.start) or QUOTE_RE.search(claim.text)
            if claim.source.kind == "author" and not quoted and not states_something(doc, text, claim, transcript):
                continue  # an aside in the document's own voice; what a source says is kept whatever it is
            if voiced:
                claim = _voice(ctx, claim)
            elif interview is not None:
                claim = _answered(claim, *interview)
            elif transcript:
                span = doc.char_span(claim.start, claim.end, alignment_mode="expand") or sent
                claim = _continue_report(claim, span, claims, sent_no, report_sents)
            if claim.source.kind in ("person", "organization", "anonymous", "unattributed"):
                report_sents[claim.source.name] = sent_no
            claims.append(claim)
    # quotation marks do not pair in a transcript with missing lines: spreading a speaker over them misleads
    if transcript:
        return claims
    # a quoted question is kept only as someone's: one the text gives no speaker says nothing of the author's
    return [
        c
        for c in credited(text, quoted_sources(text, claims))
        if not ((asks(c.text) or QUOTED_QUESTION.match(c.text)) and c.source.kind in ("author", "unattributed"))
    ]


def _frame_before(span: Span, cue: Cue | None) -> bool:
    """A piece holding only its cue's frame, with all the cue's content after it ("Michael Tanner, an analyst at
    the Cato Institute, said | he thinks ...")."""
    return cue is not None and bool(cue.content) and span.start <= cue.token < span.end <= min(cue.content)


def _fold_frames(
    doc: Doc, pieces: list[Claim], cue_tokens: list[int | None], leads: list[bool], seams: Seams
) -> tuple[list[Claim], list[int | None]]:
    """A frame alone before a content that has a cue of its own says nothing by itself: "X said | he thinks Y" is
    one claim of X's (its "he", where nothing else resolves it, is X); "X said | the union expected Y" is the
    union's, relayed by X (the frame is dropped). "X said as much, | arguing that Y" stays two: the second report
    hangs on the first, it is not what the first reports."""
    out: list[Claim] = []
    tokens: list[int | None] = []
    k = 0
    while k < len(pieces):
        piece, token = pieces[k], cue_tokens[k]
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        if leads[k] and nxt is not None and cue_tokens[k + 1] != token and not seams.crosses(piece.start, nxt.end):
            inner = cue_tokens[k + 1]
            reported = (
                inner is not None and token is not None and doc[inner].head.i == token and doc[inner].dep_ == "ccomp"
            )
            same = (nxt.source.name, nxt.source.kind) == (piece.source.name, piece.source.kind)
            if reported and (same or (nxt.source.kind == "unattributed" and _pronoun_subject(doc, inner))):
                out.append(joined(piece, nxt, doc.text))
                tokens.append(token)
                k += 2
                continue
            if any(_same_name(piece.source.name, v, piece.source.kind == "person") for v in nxt.via):
                k += 1
                continue
        out.append(piece)
        tokens.append(token)
        k += 1
    return out, tokens


def _pronoun_subject(doc: Doc, verb: int | None) -> bool:
    """Whether a verb's subject is "he", "she" or "they"."""
    return verb is not None and any(c.dep_ == "nsubj" and c.lower_ in THIRD_PERSON for c in doc[verb].children)


def _frame_alone(span: Span, cue: Cue | None) -> bool:
    """A piece holding only its cue's frame: all the cue's content lies before it."""
    return cue is not None and bool(cue.content) and max(cue.content) < span.start <= cue.token < span.end


def whole_contents(
    pieces: list[Claim], seams: Seams, text: str, cue_tokens: Sequence[int | None] | None = None
) -> list[Claim]:
    """Join the clause pieces of one sentence that report one cue's content into one claim.

    PARC and PolNeAR take a claim to be the whole reported content of a cue: "X said that A, because B,
    and C" is one claim of X's, not three. Pieces in the document's own voice (no cue) stay clauses, and
    nothing is joined across a likely missing line of a transcript. ``cue_tokens`` (where each piece's cue
    stands) keeps apart two reports with one verb ("has called on police to ... and called on people to ...").
    """
    tokens = list(cue_tokens) if cue_tokens is not None else [None] * len(pieces)
    out: list[Claim] = []
    last_token: int | None = None
    for piece, token in zip(pieces, tokens, strict=True):
        last = out[-1] if out else None
        if (
            last is not None
            and piece.cue is not None
            and piece.cue == last.cue
            and token == last_token
            and piece.source == last.source
            and piece.cue_polarity == last.cue_polarity
            and not seams.crosses(last.start, piece.end)
        ):
            out[-1] = joined(last, piece, text)
        else:
            out.append(piece)
            last_token = token
    return out


def _voice(ctx: _DocContext, claim: Claim) -> Claim:
    """Give a claim in the document's own voice to whoever that voice is: the turn's speaker, or the
    speech's speaker or statement's issuer; reported speech keeps its source with that voice as relay.

    "We" and "I" outside a quotation are the speaker ("we've seen that" in a secretary's turn); a clause
    whose cue a transcript lost ("that Russia detained ...") is the speaker's too.
    """
    turn = ctx.turn_at(claim.start)
    if turn is not None:
        voice = SourceRef(name=turn.speaker, kind="person", start=turn.start, end=turn.content_start)
    elif ctx.narrator is not None:
        voice = SourceRef(name=ctx.narrator, kind="author")
    else:
        return claim
    src = claim.source
    first_person = (src.resolved_from or "").lower() in FIRST_PERSON_WORDS and not ctx.in_quote(claim.start)
    # an unattributed clause in a speech is the speaker's unless a report word marks it as hearsay
    lost_cue = src.kind == "unattributed" and not any(h.lower() in REPORTIVE_HEDGES for h in claim.hedge_cues)
    # a pronoun that reaches back past the label ("it tells us") stands for nothing the speaker named
    earlier_turn = turn is not None and src.resolved_from is not None and (src.start or 0) < turn.content_start
    own_side = src.name.lower().split(" ", 1)[0] in ("my", "our")  # "my Administration announced"
    opener = claim.text.lstrip(' -–—"“').split(" ", 1)[0].lower().strip(",").replace("’", "'")
    speaks_first = opener in FIRST_PERSON_OPENERS
    if (
        src.kind == "author"
        or first_person
        or lost_cue
        or earlier_turn
        or own_side
        or (src.kind == "unattributed" and speaks_first)
    ):
        return replace(claim, source=voice, via=(), evidence_type=_voice_evidence(claim, voice, turn))
    return _relayed_by(claim, voice.name)


def _relayed_by(claim: Claim, voice: str) -> Claim:
    """What a speaker reports of a named source keeps that source, with the speaker as its nearest relay."""
    if claim.source.kind in ("person", "organization", "anonymous") and voice not in (claim.source.name, *claim.via):
        return replace(claim, via=(voice, *claim.via))
    return claim


def _answered(claim: Claim, who: str, answers: Sequence[tuple[int, int]]) -> Claim:
    """In an interview without labels, a claim in an answer in the document's own voice (or its "I" and "we") is
    the interviewee's; what the answer reports of others keeps its source, with the interviewee as relay."""
    if not any(a <= claim.start < b for a, b in answers):
        return claim
    src = claim.source
    own = src.kind in ("author", "unattributed") or (src.resolved_from or "").lower() in FIRST_PERSON_WORDS
    voice = SourceRef(name=who, kind="person")
    if own:
        # an interviewee speaks for no office the text names: an account or a view, unless it names its evidence
        named = evidence_type(f"{claim.cue or ''} {claim.text}", who, "person")
        return replace(claim, source=voice, via=(), evidence_type=named if named in STRONG_EVIDENCE else "analysis")
    return _relayed_by(claim, who)


def _voice_evidence(claim: Claim, voice: SourceRef, turn: Turn | None) -> str:
    """A briefer's or issuer's word is an official statement (or the assessment it names); a questioner's
    is a journalist's report."""
    text = f"{claim.cue or ''} {claim.text}"
    if turn is not None and turn.questioner:
        named = evidence_type(text, "author", "author")
        return named if named in STRONG_EVIDENCE else "media_report"
    return evidence_type(text, voice.name, "person" if turn is not None else "organization")


def _claim(ctx: _DocContext, span: Span, cue: Cue | None, cues: list[Cue]) -> Claim:
    doc, memory = ctx.doc, ctx.memory
    # a span opening with its quotation mark is inside the quotation: its "I" is the quoted speaker
    in_quote = ctx.span_in_quote(span)
    hedges = hedge_cues(span)
    via: tuple[str, ...] = ()
    if cue is not None and cue.source is not None:
        source = resolve(doc[cue.source[0] : cue.source[1]], memory, in_quote)
        relays = _relays(cue, cues, doc, memory, in_quote)
        pronoun = doc[cue.source[0] : cue.source[1]].text.lower()
        if source.kind == "unattributed" and pronoun in THIRD_PERSON and not in_quote and relays:
            # "Memon also said she believed ...", with nobody else "she" could be: the one who said it (in a
            # quotation the speaker says "I", and "she" is someone else); "he" or "she" only for a person
            outer, plural = relays[0], pronoun in PLURAL_PRONOUNS
            if plural or _could_be_person(doc, outer):
                source = replace(outer, kind=outer.kind if plural else "person", resolved_from=doc[cue.source[0]].text)
        heard = (*_listeners(doc, cue), *_names(relays))
        via = tuple(v for v in dict.fromkeys(heard) if not _same_name(v, source.name, source.kind == "person"))
        if not via and source.resolved_from and (not in_quote or len(source.resolved_from.split()) == 1):
            # "They added ..." keeps the relay "they" came through; "the president" inside a quotation is
            # relayed by whoever is quoted, not by who relayed a president before
            via = memory.vias.get(source.name, ())
        memory.remember(source)
        carrier = doc[cue.token]
        if carrier.pos_ == "NOUN" and source.kind not in ("author", "unattributed"):
            memory.carriers[carrier.lemma_.lower()] = source  # "the Panel's report": "the Report" is the Panel's
        if via:
            memory.vias[source.name] = via
    elif cue is not None:
        source = UNATTRIBUTED
        via = _names(_relays(cue, cues, doc, memory, in_quote))  # "X reported that, according to posts online, ..."
    else:
        source = _quote_speaker(span, ctx.transcript) or _default_source(span, hedges)
    start, end = span.start_char, span.end_char
    others = [c for c in cues if c is not cue and (cue is None or c.token != cue.token)]
    event, stated = _dates_for(ctx, span, _content_range(span, cue, source), source, others)
    text = ctx.text[start:end]
    # a quotation given to a speaker without any cue lost its "said" to a missing line
    fragmentary = ctx.seams.crosses(start, end) or (ctx.transcript and cue is None and source.start is not None)
    return Claim(
        id="",
        doc=ctx.doc_id,
        start=start,
        end=end,
        text=text,
        source=source,
        via=via,
        cue=cue.text if cue else None,
        cue_polarity="deny"
        if cue and cue.polarity == "deny"
        else ("neutral" if cue and cue.polarity == "neutral" else "assert"),
        evidence_type=evidence_type(f"{_near_cue_text(span, cue)} {text}", source.name, source.kind),
        hedged=bool(hedges),
        hedge_cues=hedges,
        event_date=event,
        stated_date=stated,
        fragmentary=fragmentary,
    )
