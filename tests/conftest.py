"""Shared fixtures: the spaCy pipeline, loaded once per session, and a torn transcript made from open texts."""

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
def torn_transcript() -> str:
    """A transcript with every other caption line missing, made by tests/seammaker.py from public-domain U.S.
    government texts on North Korean troops in Russia (tests/data/seams), exactly as stored."""
    with open(DATA / "seams" / "kursk_open_seams.txt", encoding="utf-8", newline="") as f:
        return f.read()
