"""The nlp stage over long documents: parsed in pieces, offsets into the whole text."""

from __future__ import annotations

import pytest

from claimsift.model import Document
from claimsift.nlp import process as process_module
from claimsift.nlp.process import chunk_bounds, process


def test_process_chunk_bounds_cover_the_text_and_cut_at_line_ends(torn_transcript: str) -> None:
    text = torn_transcript.replace(". ", ".\n")
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b and b - a <= 1000 for a, b in bounds)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(bounds, bounds[1:], strict=False))
    assert all(text[b - 1] == "\n" for _, b in bounds[:-1])


@pytest.mark.model
def test_process_long_document_offsets_point_into_the_whole_text(
    torn_transcript: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(process_module, "CHUNK_CHARS", 600)
    doc = Document(id="t", path="t.txt", text=torn_transcript, kind="transcript", published="2024-11-18")
    (facts,) = list(process([doc]))
    assert facts.document is doc
    assert len(facts.claims) >= 30
    assert all(torn_transcript[c.start : c.end] == c.text for c in facts.claims)
    assert all(torn_transcript[m.start : m.end] == m.text for m in facts.mentions)
    assert all(torn_transcript[d.start : d.end] == d.text for d in facts.dates)
    named = [c for c in facts.claims if c.source.start is not None and c.source.kind in ("person", "organization")]
    assert named and all(c.source.end is not None and c.source.end <= len(torn_transcript) for c in named)
    assert any(d.value == "2024-11-12" for d in facts.dates)  # "Tuesday" before Monday 18 November


def test_process_pieces_follow_the_chunk_size(torn_transcript: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(process_module, "CHUNK_CHARS", 600)
    assert len(chunk_bounds(torn_transcript)) >= 5
