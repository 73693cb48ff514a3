"""Clause owners: computed once per sentence, the same as walking up the tree from every token."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimsift.nlp.clauses import clause_owners, is_clause_head, segments

DATA = Path(__file__).parent / "data"


def _walk_up(tok: Token, sent: Span) -> int:
    """The definition of a token's owner, one walk per token (what clauses.py did before, in quadratic time)."""
    cur = tok
    while not is_clause_head(cur) and cur.head.i != cur.i and sent.start <= cur.head.i < sent.end:
        cur = cur.head
    return cur.i


def _chain(n: int) -> Doc:
    """ "said the unit of the unit of the ...": every word hangs on the one before it, a chain n words deep."""
    words = ["said"] + ["of" if k % 2 else "unit" for k in range(n - 1)]
    heads = [0] + list(range(n - 1))
    deps = ["ROOT"] + ["prep" if k % 2 else "pobj" for k in range(n - 1)]
    pos = ["VERB"] + ["ADP" if k % 2 else "NOUN" for k in range(n - 1)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * (n - 1))


@pytest.mark.model
@pytest.mark.parametrize("name", ["seams/kursk_open_seams.txt", "un_sc_dprk_military_cooperation.txt"])
def test_clauses_owners_are_the_walk_up_the_tree(nlp: Language, name: str) -> None:
    doc = nlp((DATA / name).read_text(encoding="utf-8"))
    for sent in doc.sents:
        assert clause_owners(sent) == [_walk_up(t, sent) for t in sent], sent.text


def test_clauses_owners_of_a_chain_deeper_than_the_recursion_limit() -> None:
    """A chain of 5,000 heads: every word belongs to the verb at its top, found without recursion."""
    doc = _chain(5000)
    sent = doc[:]
    assert clause_owners(sent) == [0] * 5000
    assert segments(sent) == [(0, 5000)]


def test_clauses_owners_stop_at_clause_heads_inside_a_chain() -> None:
    """A verb in the middle of a chain heads its own clause: the words under it are its, not the root's."""
    doc = _chain(9)
    doc[4].dep_, doc[4].pos_ = "ccomp", "VERB"
    sent = doc[:]
    assert clause_owners(sent) == [0, 0, 0, 0, 4, 4, 4, 4, 4] == [_walk_up(t, sent) for t in sent]


def _sentence_with(nlp: Language, name: str, needle: str) -> Span:
    doc = nlp((DATA / name).read_text(encoding="utf-8"))
    return next(s for s in doc.sents if needle in s.text)


@pytest.mark.model
def test_clauses_a_relative_clause_does_not_cut_its_clause_in_two(nlp: Language) -> None:
    """UN noon briefing, 17 December 2015 (tests/data/un_noon_briefing_2015_12_17.txt): "the Report shows that the
    United Nations, which uncovered the abuse, did not subsequently handle the case ..." is one statement; the
    relative clause on "the United Nations" stays inside it, not a piece that cuts the subject from its verb."""
    sent = _sentence_with(nlp, "un_noon_briefing_2015_12_17.txt", "which uncovered the abuse")
    pieces = [sent.doc[a:b].text for a, b in segments(sent)]
    whole = next(p for p in pieces if "which uncovered the abuse" in p)
    assert "the United Nations" in whole and "did not subsequently handle the case" in whole, pieces
