"""The nlp stage for a batch of documents: parse once, then read mentions, dates and claims off each Doc.

Long documents are parsed in pieces of at most CHUNK_CHARS, cut at paragraph or sentence ends, and the
pieces' offsets are shifted back: spaCy's parser needs memory in proportion to a Doc's length and
refuses texts over ``nlp.max_length``, and a 20 MB page should still give its claims.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from claimsift.errors import ParseTimeout
from claimsift.model import Claim, Document, DocumentFacts, Mention, Proposition, TimeExpr
from claimsift.nlp.claims import document_claims
from claimsift.nlp.events import carried_dates
from claimsift.nlp.evidence import narrated
from claimsift.nlp.mentions import mentions, with_speaker_labels
from claimsift.nlp.narrator import narrator
from claimsift.nlp.pipeline import load_pipeline
from claimsift.nlp.propositions import hypothesis_propositions, proposition
from claimsift.nlp.seams import find_seams
from claimsift.nlp.temporal import find_dates
from claimsift.nlp.turns import find_turns

CHUNK_CHARS = 100_000
"""Longest text handed to spaCy at once."""
TRANSCRIPT_FORMATS = frozenset({"vtt", "srt"})


def _published(doc: Document) -> dt.date | None:
    return dt.date.fromisoformat(doc.published) if doc.published else None


def is_transcript(doc: Document) -> bool:
    """Caption files and documents whose metadata says transcript can have missing lines."""
    return doc.format in TRANSCRIPT_FORMATS or (doc.kind or "").lower() == "transcript"


def chunk_bounds(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """[start, end) pieces of at most ``limit`` (default CHUNK_CHARS) characters, cut after a blank line,
    a line or a sentence; on one long line without full stops, after a space rather than inside a word."""
    limit = limit or CHUNK_CHARS
    bounds, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        if cut <= limit // 2:
            cut = window.rfind(" ")
        end = start + (cut + 1 if cut > limit // 2 else limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _not_title(claims: list[Claim], title: str | None) -> list[Claim]:
    """The document's title repeated as its first line is its name, not a claim ("On the District Court's Order"
    under "Statement from President Joe Biden on the District Court's Order")."""
    key = f" {_words(title or '')} "
    if not key.strip():
        return claims
    return [c for c in claims if not (len(_words(c.text).split()) >= 3 and f" {_words(c.text)} " in key)]


def _with_proposition(claim: Claim, parsed: Doc) -> Claim:
    """The claim with the terms of its span in the document's parse (in context, so negation scope is right)."""
    span = parsed.char_span(claim.start, claim.end, alignment_mode="expand")
    return dataclasses.replace(claim, prop=proposition(span) if span is not None else Proposition())


def _shifted(facts: DocumentFacts, offset: int) -> DocumentFacts:
    """A piece's facts with offsets into the whole document."""
    if offset == 0:
        return facts

    def claim(c: Claim) -> Claim:
        src = c.source
        if src.start is not None and src.end is not None:
            src = dataclasses.replace(src, start=src.start + offset, end=src.end + offset)
        return dataclasses.replace(c, start=c.start + offset, end=c.end + offset, source=src)

    def mention(m: Mention) -> Mention:
        return dataclasses.replace(m, start=m.start + offset, end=m.end + offset)

    def date(d: TimeExpr) -> TimeExpr:
        return dataclasses.replace(d, start=d.start + offset, end=d.end + offset)

    return DocumentFacts(
        document=facts.document,
        mentions=tuple(mention(m) for m in facts.mentions),
        claims=tuple(claim(c) for c in facts.claims),
        dates=tuple(date(d) for d in facts.dates),
    )


OPENING_APOSTROPHES = re.compile(r"(?<![\w'])''(?=[^\s'])")
CLOSING_APOSTROPHES = re.compile(r"''")


def parse_text(text: str) -> str:
    """The text as the parser should see it, character for character as long: quotation marks written as two
    apostrophes (older newspaper archives) become a double quotation mark and a space, which spaCy's
    tokenizer and sentence splitter know; otherwise ''I don't'' glues its opening mark to the previous
    sentence. Offsets stay those of the original text."""
    if "''" not in text:
        return text
    return CLOSING_APOSTROPHES.sub('" ', OPENING_APOSTROPHES.sub(' "', text))


def _restored(facts: DocumentFacts, text: str) -> DocumentFacts:
    """Facts whose texts are read back from the original text (the parser saw ``parse_text``)."""
    return DocumentFacts(
        document=facts.document,
        mentions=tuple(dataclasses.replace(m, text=text[m.start : m.end]) for m in facts.mentions),
        claims=tuple(_whole_mark(c, text) for c in facts.claims),
        dates=tuple(dataclasses.replace(d, text=text[d.start : d.end]) for d in facts.dates),
    )


def _whole_mark(claim: Claim, text: str) -> Claim:
    """A claim read back from the original text, starting at the first of two apostrophes that open it."""
    start = claim.start - 1 if text[claim.start - 1 : claim.start + 1] == "''" else claim.start
    return dataclasses.replace(claim, start=start, text=text[start : claim.end])


def _pieces(documents: Iterable[Document]) -> Iterator[tuple[str, tuple[Document, int, bool]]]:
    for document in documents:
        bounds = chunk_bounds(document.text)
        for k, (start, end) in enumerate(bounds):
            yield parse_text(document.text[start:end]), (document, start, k == len(bounds) - 1)


def process(
    documents: Iterable[Document], batch_size: int = 8, deadline: float | None = None
) -> Iterator[DocumentFacts]:
    """Parse documents in batches (spaCy ``nlp.pipe``) and yield their facts in input order.

    Args:
        deadline: A ``time.monotonic()`` time after which no further piece of text is started (a piece is at
            most CHUNK_CHARS long, and parsing time is linear in its length, so the overrun is bounded).

    Raises:
        ParseTimeout: The deadline passed before the last document was done.
    """
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
    parts: list[DocumentFacts] = []
    for parsed, (document, offset, last) in nlp.pipe(_pieces(documents), as_tuples=True, batch_size=batch_size):
        if deadline is not None and time.monotonic() > deadline:
            raise ParseTimeout(f"{document.path}: parsing took longer than it was given; try a shorter text")
        original = document.text[offset : offset + len(parsed.text)]  # the parser may have seen parse_text's
        piece = document if offset == 0 and last else dataclasses.replace(document, text=original)
        dates = find_dates(parsed.text, document.id, _published(document))
        transcript = is_transcript(document)
        seams = find_seams(parsed, transcript)
        turns = find_turns(parsed.text, document.title or "")
        voice = None if turns else narrator(document, nlp)
        claims = document_claims(parsed, document.id, dates, seams, transcript, turns, voice)
        claims = narrated(
            _not_title(carried_dates(parsed, claims, document.kind, document.published), document.title), document.kind
        )
        facts = DocumentFacts(
            document=piece,
            mentions=tuple(with_speaker_labels(mentions(parsed, document.id), turns, document.id)),
            claims=tuple(_with_proposition(c, parsed) for c in claims),
            dates=tuple(dates),
        )
        parts.append(_shifted(facts, offset))
        if last:
            whole = DocumentFacts(
                document=document,
                mentions=tuple(m for p in parts for m in p.mentions),
                claims=tuple(c for p in parts for c in p.claims),
                dates=tuple(d for p in parts for d in p.dates),
            )
            yield _restored(whole, document.text) if "''" in document.text else whole
            parts = []


def hypothesis_terms(texts: Iterable[str]) -> list[Proposition]:
    """Hypotheses parsed with the shared pipeline: their weighted terms, names and negations."""
    return hypothesis_propositions(texts, load_pipeline())


def claim_terms(claims: Iterable[Claim]) -> list[Proposition]:
    """Terms of claims read without their document's parse (claims stored before claimsift kept terms)."""
    return [proposition(doc) for doc in load_pipeline().pipe(c.text for c in claims)]
