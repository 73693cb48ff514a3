"""Shared helpers of the claim tests: the claims of a text or a file, and the one claim that holds a phrase."""

from __future__ import annotations

from pathlib import Path

from claimsift.ingest import read_documents
from claimsift.model import Claim, Document
from claimsift.nlp.process import process


def claims_of(text: str, kind: str = "transcript", published: str = "2024-11-05") -> list[Claim]:
    """The claims the nlp stage reads off a text given as a document of that kind and date."""
    doc = Document(id="t", path="t.txt", text=text, kind=kind, published=published)
    (facts,) = list(process([doc]))
    return list(facts.claims)


def claims_in(path: Path) -> list[Claim]:
    """The claims of a file read as claimsift reads it (with its .meta.json)."""
    (facts,) = list(process(read_documents([str(path)])))
    return list(facts.claims)


def claim_with(claims: list[Claim], needle: str) -> Claim:
    """The first claim whose text holds ``needle``; fails the test, listing the claims, when none does."""
    found = [c for c in claims if needle in c.text]
    assert found, f"no claim contains {needle!r}: {[c.text for c in claims]}"
    return found[0]
