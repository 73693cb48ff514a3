"""Shared fixtures: the spaCy pipeline, loaded once per session, and the dev transcript."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimsift.nlp.pipeline import load_pipeline

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """claimsift's pipeline (model plus gazetteer); tests that use it carry the ``model`` marker."""
    return load_pipeline()


@pytest.fixture(scope="session")
def dev_transcript() -> str:
    """The real YouTube caption transcript on North Korean troops in Russia, exactly as stored."""
    with open(DATA / "nk_troops_transcript.txt", encoding="utf-8", newline="") as f:
        return f.read()
