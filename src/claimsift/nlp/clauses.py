"""Splits a parsed sentence into clause-sized segments, the unit a claim is made of.

A segment is a contiguous run of tokens that belong to the same clause head (the nearest ancestor
that is a verb heading a clause). Glued transcript fragments have several such heads per "sentence",
so this also keeps a statement from spilling over a missing line into the next speaker's words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "parataxis", "csubj", "relcl", "conj", "acl", "xcomp"})
MIN_WORDS = 5


def is_clause_head(tok: Token) -> bool:
    """Verbs (and copulas) that head their own clause."""
    if tok.dep_ not in CLAUSE_DEPS:
        return False
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ in ("xcomp", "acl"):
        # "expected to be deployed" and "troops deployed to ..." stay inside their clause
        return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
    if tok.dep_ == "conj":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    return True


def owner(tok: Token, sent: Span) -> int:
    """Doc index of the clause head a token belongs to."""
    cur = tok
    while not is_clause_head(cur) and cur.head.i != cur.i and sent.start <= cur.head.i < sent.end:
        cur = cur.head
    return cur.i


def _run_head(run: Span, sent: Span) -> int | None:
    """The clause head a run of tokens belongs to (its first word's)."""
    first = next((t for t in run if not t.is_punct), None)
    return owner(first, sent) if first is not None else None


def _introduces(doc: Doc, head: int, nxt: int | None) -> bool:
    """Whether the clause of one run governs the next run's clause, as a frame governs what it reports."""
    return nxt is not None and doc[nxt].head.i == head and doc[nxt].dep_ in ("ccomp", "xcomp") and nxt > head


def _words(doc_slice: Span) -> int:
    return sum(1 for t in doc_slice if t.is_alpha)


def segments(sent: Span) -> list[tuple[int, int]]:
    """Contiguous [start, end) token ranges, one per clause run; tiny runs join a neighbour."""
    runs: list[list[int]] = []
    prev_owner: int | None = None
    for tok in sent:
        own = owner(tok, sent)
        if runs and (own == prev_owner or tok.is_punct):
            runs[-1][1] = tok.i + 1
        else:
            runs.append([tok.i, tok.i + 1])
        if not tok.is_punct:
            prev_owner = own
    merged: list[list[int]] = []
    doc = sent.doc
    heads = [_run_head(doc[a:b], sent) for a, b in runs]
    pending: int | None = None  # start of a tiny run that introduces the next one
    for k, run in enumerate(runs):
        start = run[0] if pending is None else pending
        pending = None
        tiny = _words(doc[run[0] : run[1]]) < MIN_WORDS
        head = heads[k]
        if tiny and k + 1 < len(runs) and head is not None and _introduces(doc, head, heads[k + 1]):
            # "though she acknowledged | it was unlikely": the frame goes with what it frames, and takes its
            # subject along when a clause of its own cut them apart ("The officials, who spoke ..., did not say")
            subj = next((c.i for c in doc[head].children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if merged and subj is not None and merged[-1][0] <= subj < merged[-1][1]:
                start = merged.pop()[0]
            pending = start
            continue
        if merged and tiny:
            merged[-1][1] = run[1]
        elif merged and _words(doc[merged[-1][0] : merged[-1][1]]) < MIN_WORDS:
            merged[-1][1] = run[1]
        else:
            merged.append([start, run[1]])
    if pending is not None:
        merged.append([pending, sent.end])
    out: list[tuple[int, int]] = []
    for a, b in merged:
        out += _split_long(doc[a:b])
    return out


LONG_WORDS = 30
"""A clause this long is usually several statements glued together (a transcript, a run-on list)."""
PIECE_WORDS = 8
BREAKS = frozenset({",", ";", '"', "“", "”", "—", "–"})


def _split_long(span: Span) -> list[tuple[int, int]]:
    """Cut an over-long segment at commas, dashes and quotation marks into pieces of a clause's size."""
    if _words(span) <= LONG_WORDS:
        return [(span.start, span.end)]
    pieces: list[tuple[int, int]] = []
    start, words = span.start, 0
    for tok in span:
        words += tok.is_alpha
        rest = _words(span.doc[tok.i + 1 : span.end])
        if tok.text in BREAKS and words >= PIECE_WORDS and rest >= MIN_WORDS:
            pieces.append((start, tok.i + 1 if tok.text in (",", ";") else tok.i))
            start, words = (tok.i + 1 if tok.text in (",", ";") else tok.i), 0
    pieces.append((start, span.end))
    return pieces
