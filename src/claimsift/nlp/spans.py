"""Named entities inside a stretch of tokens, read off that stretch alone.

spaCy's ``Doc.ents`` rebuilds every entity of the document on each access, and ``Span.ents`` goes through it:
asked once per claim or per cue, that is time quadratic in the document's length. Reading the entity tags of
the stretch itself costs its length.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_B, _I = 3, 1
"""spaCy's entity IOB codes for the first token of an entity and for the tokens after it."""


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly inside tokens [start, end), as ``doc.ents`` gives them (same label and ids)."""
    start, end = max(start, 0), min(end, len(doc))
    out: list[Span] = []
    begin = -1  # first token of the entity being read
    label = kb_id = ent_id = 0
    i = start
    while i < end and doc[i].ent_iob == _I:
        i += 1  # an entity that began before the stretch is not inside it
    for k in range(i, end):
        tok = doc[k]
        if tok.ent_iob == _I:
            continue
        if begin >= 0:
            out.append(Span(doc, begin, k, label=label, kb_id=kb_id, span_id=ent_id))
            begin = -1
        if tok.ent_iob == _B and tok.ent_type:
            begin, label, kb_id, ent_id = k, tok.ent_type, tok.ent_kb_id, tok.ent_id
    if begin >= 0 and (end == len(doc) or doc[end].ent_iob != _I):
        out.append(Span(doc, begin, end, label=label, kb_id=kb_id, span_id=ent_id))
    return [e for e in out if e.label_]
