"""The cues of one sentence: each word's cue (``cues.py``), then what only the whole sentence shows.

A line's label ("Sanders: ..."), a relay ("X cited Y's claim"), a name after a closing quotation mark, a
frame set into the clause it reports (", said Michael Kofman, an expert ..., would ..."), and which cues are
only part of another's content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimsift.lexicons import lexicons
from claimsift.nlp.cues import (
    Cue,
    according_cue,
    attitude_cue,
    carrier_cue,
    is_source_like,
    noun_cue,
    verb_cue,
    words_cue,
)
from claimsift.nlp.marks import QUOTE_MARKS, appositive_end, inverted_name, name_at, opening_mark
from claimsift.nlp.turns import note_label

LABEL_WORDS = 5
"""Longest name before a headline's colon ("Frank Newport and Jim Harter: ...")."""


def label_cue(sent: Span) -> Cue | None:
    """ "Sanders: Clinton needs to ...", "Poll: Wealthy Voters Abandon ...": a line that opens with a name and
    a colon gives the rest of the line to that name (headlines, newsletters' quoted items). Only at the
    start of a line, with a capitalised name of a few words that is not a note's label ("UPDATE:")."""
    doc = sent.doc
    colon = next((t for t in sent[: LABEL_WORDS + 2] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    name = doc[sent.start : colon.i]
    inverted = len(name) > 1 and name[0].lower_ in lexicons().inverted_saying and name[0].is_title
    if inverted:
        name = doc[sent.start + 1 : colon.i]  # "Said Ellis: ...": the verb before its speaker, anywhere in a line
    elif sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
        return None  # the sentence does not open its line (tokens, not doc.text: that is rebuilt per call)
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > LABEL_WORDS or note_label(name.text):
        return None
    if not all(t.is_title or t.is_upper or t.lower_ in ("and", "of", "the") for t in words) or words[0].is_upper:
        return None  # all-capital labels are transcript turns, read as turns
    content = {t.i for t in sent if t.i > colon.i and not t.is_space}
    if sum(1 for i in content if doc[i].is_alpha) < 3:
        return None
    frame = frozenset(range(sent.start, colon.i + 1))
    return Cue(colon.i, ":", "assert", (name.start, name.end), frozenset(content), frame)


def _citing(sent: Span, cues: list[Cue]) -> list[Cue]:
    """ "Citing X, Y reported that ..." and "Y reported ..., citing X": X is the origin, Y relays it.

    The parser often folds "Citing X, Y" into one subject, so the phrase is read off the words: from
    "citing" to the next comma or the sentence end.
    """
    cite = next((t for t in sent if t.lower_ == "citing"), None)
    main = next((c for c in cues if c.source and c.polarity == "assert" and c.token != (cite.i if cite else -1)), None)
    if cite is None or main is None or main.source is None:
        return cues
    end = next((t.i for t in sent if t.i > cite.i and t.text in (",", ".", ";")), sent.end)
    origin = (cite.i + 1, end)
    if end - cite.i < 2:
        return cues
    outer_source = main.source
    if main.source[0] <= cite.i < main.source[1]:  # "Citing X, Y" parsed as one subject
        after = [c for c in sent.noun_chunks if c.start > end and c.end <= main.token and is_source_like(c.root)]
        if not after:
            return cues
        outer_source = (after[0].start, after[0].end)
    inner = Cue(cite.i, "citing", "assert", origin, main.content, frozenset(range(cite.i, end)))
    outer = Cue(main.token, main.text, main.polarity, outer_source, main.content, main.frame, cite.i)
    return [inner if c is main else c for c in cues if c.token != cite.i] + [outer]


SPEAKER_REACH = 20
"""Tokens after the speaker's name within which the reporting verb of a '"...," NAME, TITLE, said' must come."""


def _after_quote(sent: Span, cues: list[Cue]) -> list[Cue]:
    """'"...," Anatolii Barhylevych, the chief of ..., was quoted as saying': the name after a closing
    quotation mark speaks the quotation when a reporting verb follows, whatever the parse made of it."""
    doc = sent.doc
    for tok in sent:
        if tok.text not in QUOTE_MARKS or tok.i == sent.start or opening_mark(tok):
            continue
        i = tok.i + 1
        if i < sent.end and doc[i].text == ",":
            i += 1
        name = name_at(doc, i, sent.end)
        if name is None:
            continue
        i, end = name
        verb = next((c for c in cues if end <= c.token < end + SPEAKER_REACH and c.token > tok.i), None)
        if verb is None:
            continue
        content = frozenset(range(sent.start, tok.i))
        # the verb's own subject, when the parse found it after the quotation, is the whole name
        # ("Pentagon press secretary Major General Pat Ryder told"); else the name run the words give
        who = verb.source if verb.source is not None and verb.source[0] >= i else (i, end)
        speaker = Cue(verb.token, verb.text, verb.polarity, who, content, frozenset(range(tok.i, verb.token + 1)))
        return [speaker if c is verb else c for c in cues]
    return cues


def _inverted_inside(sent: Span, cues: list[Cue]) -> list[Cue]:
    """ "Any cleareyed interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia, would read
    this as ...": a verb of saying set off by a comma and followed by a name is a frame set into the clause it
    reports, whatever the parse made the name; the name speaks and the rest of the sentence is what is said."""
    doc = sent.doc
    out = []
    for cue in cues:
        t = cue.token
        name = inverted_name(doc[t], sent.end)
        own = cue.source is not None and cue.source[0] > t  # the parse found the speaker after the verb already
        if name is None or own:
            out.append(cue)
            continue
        end = appositive_end(doc[name[1] - 1], sent.end)
        if end >= sent.end or doc[end].text not in (",", ".", ";"):
            out.append(cue)  # "..., denouncing Putin for ..." : the name is what the verb is about
            continue
        end += doc[end].text == ","
        frame = frozenset(range(t - 1, end))
        content = frozenset(i for i in range(sent.start, sent.end) if i not in frame and not doc[i].is_space)
        out.append(Cue(t, cue.text, cue.polarity, name, content, frame))
    return out


FIRST_PERSON = frozenset({"i", "we"})


def _speaker_self(cue: Cue, doc: Doc) -> bool:
    """A cue whose source is the speaker's own "I" or "we"."""
    return cue.source is not None and cue.source[1] - cue.source[0] == 1 and doc[cue.source[0]].lower_ in FIRST_PERSON


PROPOSITION_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})


def _reports_proposition(tok: Token) -> bool:
    """Whether a cue word reports a proposition (a clause: "said troops arrived"), not only a thing ("tells
    lies", "doesn't show consistency"). Nouns, "according to" and quotations count as reporting one."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lower_ in ("according", "citing"):
        return True
    if tok.lemma_.lower() in lexicons().construal_verbs:
        return True  # a cue only with what its object is taken as: "views North Korea as cobelligerents"
    return any(c.dep_ in PROPOSITION_DEPS for c in tok.children) or any(c.is_quote for c in tok.children)


def _inside_another(cue: Cue, cues: list[Cue], doc: Doc) -> bool:
    """Whether a cue is only part of what another (known-source) cue reports, not a cue of its own."""
    around = [o for o in cues if cue.token in o.content and not o.generic]
    if cue.generic:
        return bool(around)
    return not _reports_proposition(doc[cue.token]) and any(o.source is not None for o in around)


def _relayed_by(inner: Cue, outer: Cue, doc: Doc) -> bool:
    """Whether an outer cue passes an inner one on: "X cited Y's claim", "X reported Y's findings".

    Only a cue that is the outer verb's object (or its object's preposition's) is relayed; a cue deeper
    in the reported clause is that clause's own ("X said Z, citing a Y report" is X's). A speaker's own
    "we assess" is not relayed by the "Ryder said" that introduces it.
    """
    if inner is outer or inner.source is None or inner.token not in outer.content or _speaker_self(inner, doc):
        return False
    tok = doc[inner.token]
    if tok.dep_ == "advcl":
        return False  # "Asked by VOA whether ..., Biden replied": the circumstance of a reply, not its content
    head = tok.head
    return head.i == outer.token or (head.dep_ == "prep" and head.head.i == outer.token)


def sentence_cues(sent: Span) -> list[Cue]:
    """Every cue of a sentence; a verb cue whose object is a noun cue relays it ("X cited Y's claim")."""
    cues = [
        c
        for t in sent
        for c in (verb_cue(t), noun_cue(t) or attitude_cue(t), carrier_cue(t), according_cue(t) or words_cue(t))
        if c is not None
    ]
    label = label_cue(sent)
    inverted = label is not None and label.source is not None and label.source[0] == sent.start + 1
    if label is not None and (inverted or not any(c.token < label.token for c in cues)):
        cues = [c for c in cues if c.token != sent.start] if inverted else cues  # "Said Ellis:" is the label's
        cues.append(label)
    # a generic noun inside what a known source reports is part of the report, not a speaker of its own
    # ("The agency said the bases ... claimed that ..." in a transcript that lost a line); nor is a verb
    # inside a report whose object is a thing, not a proposition ("Mook asserted that Trump tells so many
    # lies ...": Mook's claim; "X reported that officials said troops arrived" keeps its inner origin)
    cues = [c for c in cues if not _inside_another(c, cues, sent.doc)]
    cues = _inverted_inside(sent, _after_quote(sent, _citing(sent, cues)))
    by_token = {c.token: c for c in cues}
    linked: list[Cue] = []
    for cue in cues:
        inner = next((o for o in cues if _relayed_by(o, cue, sent.doc)), None)
        # only an outer cue that passes the inner one on relays it; "declined to confirm X's claim" does not
        if inner is not None and cue.source and cue.polarity == "assert" and by_token[inner.token].token != cue.token:
            cue = Cue(cue.token, cue.text, cue.polarity, cue.source, cue.content, cue.frame, inner.token)
        linked.append(cue)
    return linked
