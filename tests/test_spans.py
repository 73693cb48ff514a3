"""Entities inside a stretch of tokens, read off the stretch: the same as filtering ``doc.ents``."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from claimsift.nlp.components._sent_starts import set_sent_starts
from claimsift.nlp.spans import ents_within

DATA = Path(__file__).parent / "data"


def _key(ents: list[Span] | tuple[Span, ...]) -> list[tuple[int, int, str, str, str]]:
    return [(e.start, e.end, e.label_, e.ent_id_, e.kb_id_) for e in ents]


@pytest.mark.model
def test_spans_ents_within_are_the_documents_entities_inside(nlp: Language) -> None:
    """Every stretch that starts or ends inside an entity, at it, or around it, in a real article."""
    doc = nlp((DATA / "voa_austin_nk_soldiers_in_russia.txt").read_text(encoding="utf-8"))
    ents = doc.ents
    assert len(ents) > 20
    edges = sorted({0, len(doc)} | {e.start for e in ents} | {e.end for e in ents} | {e.start + 1 for e in ents})
    for a in edges[::3]:
        for b in edges:
            if a <= b:
                expected = [e for e in ents if a <= e.start and e.end <= b]
                assert _key(ents_within(doc, a, b)) == _key(expected), (a, b)


@pytest.mark.model
def test_spans_ents_within_a_sentence_are_its_ents(nlp: Language) -> None:
    doc = nlp((DATA / "voa_nk_rocket_failed_2012.txt").read_text(encoding="utf-8"))
    for sent in doc.sents:
        assert _key(ents_within(doc, sent.start, sent.end)) == _key(sent.ents)


@pytest.mark.model
def test_spans_sentence_starts_written_at_once_are_those_set_one_by_one(nlp: Language) -> None:
    """Later values win, as they do when set one after another (a speaker label overrides a paragraph start)."""
    writes = [(3, True), (5, False), (3, False), (7, None), (9, True), (7, True)]
    one_by_one, at_once = nlp.make_doc("a b c d e f g h i j k"), nlp.make_doc("a b c d e f g h i j k")
    for i, value in writes:
        one_by_one[i].is_sent_start = value
    set_sent_starts(at_once, dict(writes))
    assert [t.is_sent_start for t in at_once] == [t.is_sent_start for t in one_by_one]
    assert [at_once[i].is_sent_start for i in (3, 5, 7, 9)] == [False, False, True, True]
