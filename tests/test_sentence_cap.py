"""The sentence cap: no parsed sentence is longer than MAX_SENTENCE_TOKENS, and normal text parses as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimsift.model import Document
from claimsift.nlp.components.sentence_cap import COMPONENT, MAX_SENTENCE_TOKENS, cap_sentence_length
from claimsift.nlp.process import chunk_bounds, process

DATA = Path(__file__).parent / "data"


def _before_parser(nlp: Language, text: str) -> Doc:
    """The text through every component before the parser except the cap: what the cap is handed."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in ("parser", COMPONENT):
            break
        doc = proc(doc)
    return doc


def _starts(doc: Doc) -> list[int]:
    return [t.i for t in doc if t.i > 0 and t.is_sent_start]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # words and lines of the open VOA and DOD News texts in tests/data, over and over
        " ".join(["troops"] * 3000),
        "said Andrii Kovalenko, the head" + " of the counter-disinformation branch" * 1200 + ".",
        "\n".join(["The Pentagon has not confirmed that these troops have engaged in combat with"] * 300),
    ],
    ids=["one-word line", "chained sentence", "unpunctuated lines"],
)
def test_sentence_cap_no_parsed_sentence_is_longer(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


@pytest.mark.model
def test_sentence_cap_cuts_after_a_full_stop_and_its_closing_quote(nlp: Language) -> None:
    """'... makes me smart." Trump ...': the cut goes before the next word, not between the stop and its mark."""
    # VOA, 2024-10-29 (tests/data/voa_pentagon_kursk_small_number.txt): a sentence ending in a quotation
    text = (
        "Asked by VOA whether Ukraine should strike back against North Korean forces, President Joe Biden replied, "
        "“If they cross into Ukraine, yes.” "
    )
    doc = cap_sentence_length(_before_parser(nlp, text * 20), 30)
    starts = _starts(doc)
    assert starts and all(doc[i - 1].text in ('"', "”", ".") for i in starts)
    assert all(doc[i].text == "Asked" for i in starts)


@pytest.mark.model
def test_sentence_cap_cuts_after_a_line_break_without_full_stops(nlp: Language) -> None:
    # a caption line of the DOD News text (tests/data/dod_singh_kursk_11000.txt), no full stop in it
    line = "The Pentagon has not confirmed that these troops have engaged in combat with\n"
    doc = cap_sentence_length(_before_parser(nlp, line * 20), 30)
    starts = _starts(doc)
    assert starts and all("\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_ for i in starts)
    assert max(b - a for a, b in zip([0, *starts], [*starts, len(doc)], strict=True)) <= 30


@pytest.mark.model
def test_sentence_cap_cuts_a_run_with_neither_at_the_cap(nlp: Language) -> None:
    doc = cap_sentence_length(_before_parser(nlp, " ".join(["troops"] * 100)), 30)
    assert _starts(doc) == [30, 60, 90]


@pytest.mark.model
def test_sentence_cap_never_starts_a_sentence_preset_not_to(nlp: Language) -> None:
    doc = _before_parser(nlp, " ".join(["troops"] * 100))
    doc[30].is_sent_start = False
    cap_sentence_length(doc, 30)
    assert _starts(doc) == [31, 61, 91]


def test_sentence_cap_refuses_a_cap_below_two() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        cap_sentence_length(Doc(Vocab(), words=["troops"]), 1)


@pytest.mark.model
@pytest.mark.parametrize(
    "name", ["seams/kursk_open_seams.txt", "voa_austin_nk_soldiers_in_russia.txt", "voa_nk_rocket_failed_2012.txt"]
)
def test_sentence_cap_leaves_the_parse_of_normal_text_alone(nlp: Language, name: str) -> None:
    """The torn transcript has 538 tokens on one line, without a preset start, so the cap does cut it, after full stops
    where the parser ends sentences anyway: every head, label and sentence start is what it was without it."""
    text = (DATA / name).read_text(encoding="utf-8")
    with nlp.select_pipes(disable=[COMPONENT]):
        free = nlp(text)
    capped = nlp(text)
    assert [(t.head.i, t.dep_, t.is_sent_start) for t in capped] == [(t.head.i, t.dep_, t.is_sent_start) for t in free]


@pytest.mark.model
def test_sentence_cap_a_long_one_word_line_keeps_its_offsets() -> None:
    """A 240,000-character line with no full stop, parsed in pieces cut at spaces: every mention and claim
    points into the original text."""
    # DOD News, 2024-11-18 (tests/data/dod_singh_kursk_11000.txt): a sentence's first clause, over and over
    text = "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region " * 2800
    assert all(text[b - 1] == " " for _, b in chunk_bounds(text, 100_000)[:-1])
    (facts,) = list(process([Document(id="w", path="w.txt", text=text)]))
    assert len(facts.mentions) > 6000 and facts.mentions[-1].start > 200_000
    assert all(text[m.start : m.end] == m.text for m in facts.mentions)
    assert all(text[c.start : c.end] == c.text for c in facts.claims)
