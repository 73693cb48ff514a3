"""Narrative time (nlp/events.py: carried_dates): in a news story a past event told without a date happened on
the day the story last dated one; nothing else is dated that way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimsift.analysis import analyze

pytestmark = pytest.mark.model
DATA = Path(__file__).parent / "data"
ROCKET = "voa_nk_rocket_failed_2012"  # VOA, 2012-04-13: "... a multi-stage rocket it launched early Friday ..."


def _claims(path: Path) -> dict[str, str | None]:
    return {c.text.strip(): c.event_date for c in analyze([str(path)]).claims}


def test_events_a_story_dates_the_past_events_it_tells_after_its_dated_lead() -> None:
    """'They say it was tracked by satellite ...' is the launch of 'early Friday' (2012-04-13): the event a report
    tells is dated, a report that tells no event is not."""
    dates = _claims(DATA / f"{ROCKET}.txt")
    tracked = next(t for t in dates if t.startswith("They say it was tracked by satellite"))
    assert dates[tracked] == "2012-04-13"
    blasted = next(t for t in dates if t.startswith("Officials in Seoul, Tokyo and Washington say"))
    assert dates[blasted] == "2012-04-13"
    # "U.S. military officials called it a Taepo Dong-2 missile.": when they said it, not an event of the launch
    called = next(t for t in dates if t.startswith("U.S. military officials called it"))
    assert dates[called] is None


def test_events_no_narrative_time_outside_news_stories(tmp_path: Path) -> None:
    """The same text as a transcript: a speaker moves between times without saying so, so nothing is carried."""
    shutil.copy(DATA / f"{ROCKET}.txt", tmp_path / f"{ROCKET}.txt")
    meta = json.loads((DATA / f"{ROCKET}.meta.json").read_text(encoding="utf-8"))
    (tmp_path / f"{ROCKET}.meta.json").write_text(json.dumps({**meta, "kind": "transcript"}), encoding="utf-8")
    dates = _claims(tmp_path / f"{ROCKET}.txt")
    tracked = next(t for t in dates if t.startswith("They say it was tracked by satellite"))
    assert dates[tracked] is None
