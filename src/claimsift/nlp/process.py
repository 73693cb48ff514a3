"""The nlp stage for a batch of documents: parse once, then read mentions, dates and claims off each Doc."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from claimsift.model import Document, DocumentFacts
from claimsift.nlp.claims import document_claims
from claimsift.nlp.mentions import mentions
from claimsift.nlp.pipeline import load_pipeline
from claimsift.nlp.seams import find_seams
from claimsift.nlp.temporal import find_dates

MAX_CHARS = 2_000_000
TRANSCRIPT_FORMATS = frozenset({"vtt", "srt"})


def _published(doc: Document) -> dt.date | None:
    return dt.date.fromisoformat(doc.published) if doc.published else None


def is_transcript(doc: Document) -> bool:
    """Caption files and documents whose metadata says transcript can have missing lines."""
    return doc.format in TRANSCRIPT_FORMATS or (doc.kind or "").lower() == "transcript"


def process(documents: Sequence[Document], batch_size: int = 8) -> Iterator[DocumentFacts]:
    """Parse documents in batches (spaCy ``nlp.pipe``) and yield their facts in input order."""
    nlp = load_pipeline()
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    texts = (d.text for d in documents)
    for document, parsed in zip(documents, nlp.pipe(texts, batch_size=batch_size), strict=True):
        dates = find_dates(document.text, document.id, _published(document))
        transcript = is_transcript(document)
        seams = find_seams(parsed, transcript)
        yield DocumentFacts(
            document=document,
            mentions=tuple(mentions(parsed, document.id)),
            claims=tuple(document_claims(parsed, document.id, dates, seams, transcript)),
            dates=tuple(dates),
        )
