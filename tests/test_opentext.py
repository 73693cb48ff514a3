"""The sentences the assessment tests quote (``opentext.py``) are real text of the open files in tests/data."""

from __future__ import annotations

from pathlib import Path

from opentext import SENTENCES

DATA = Path(__file__).parent / "data"


def test_opentext_quotes_are_real_text() -> None:
    corpus = " ".join(p.read_text(encoding="utf-8") for p in DATA.glob("*.txt"))
    assert [q for q in SENTENCES if q not in corpus] == []
