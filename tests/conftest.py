"""Shared fixtures: the spaCy pipeline (loaded once per session) and the real dev transcript."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from claimsift.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def dev_transcript() -> str:
    return (DATA / "nk_troops_transcript.txt").read_text(encoding="utf-8")
