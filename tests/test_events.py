"""Narrative time (nlp/events.py: carried_dates): in a news story a past event told without a date happened on
the day the story last dated one; nothing else is dated that way."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from claimsift.analysis import analyze
from claimsift.model import Claim, SourceRef
from claimsift.nlp.events import carried_dates
from claimsift.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.model
DATA = Path(__file__).parent / "data"
AUTHOR = SourceRef(name="author", kind="author")
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


@pytest.mark.parametrize(
    "sentence",
    [
        # VOA, November 2022 (tests/data/voa_un_rights_syria_attacks.txt): a perfect, a clause with its own time, a
        # prediction ("He says it is likely ..." in the story) and the present
        "The agency has verified the killing of at least seven civilians and wounding of some 27 others.",
        "After a long period of relative calm, fighting broke out in northern Syria two weeks ago between the "
        "militant Islamist group, Hay-at Tahrir al-Sham and some Turkish-affiliated armed groups.",
        "It is likely many more people will become displaced as they flee in search of safety.",
        "Laurence says the fact that several IDP camps in densely populated areas were struck during attacks raises "
        "serious concerns.",
        # VOA, 2024-11-06 (tests/data/voa_ukraine_drones_nk_battles.txt): a state, reported
        "Russian officials said there were no reports of damage or casualties.",
        # VOA, 2012-04-13 (tests/data/voa_nk_rocket_failed_2012.txt): a report that tells no event of its own
        "U.S. military officials called it a Taepo Dong-2 missile.",
    ],
)
def test_events_no_day_is_carried_to_what_is_no_finished_past_event(sentence: str) -> None:
    """Each follows a claim dated to a day in a news story, and none takes that day."""
    lead = "North Korea has acknowledged a multi-stage rocket it launched early Friday failed to reach orbit. "
    doc = load_pipeline()(lead + sentence)
    dated = Claim(id="", doc="t", start=0, end=len(lead) - 1, text=lead, source=AUTHOR, event_date="2012-04-13")
    plain = Claim(id="", doc="t", start=len(lead), end=len(doc.text), text=sentence, source=AUTHOR)
    assert carried_dates(doc, [dated, plain], "article", "2012-04-13")[1].event_date is None


def test_events_a_coarser_or_later_date_ends_the_day_a_story_told() -> None:
    """After the launch of 2012-04-13, a claim dated only to a year, or to a day after publication, ends that day:
    the next past event ("They say it was tracked by satellite ...") is not carried back to it."""
    text = (DATA / f"{ROCKET}.txt").read_text(encoding="utf-8")
    start = text.index("They say it was tracked")
    end = text.index(".", start) + 1
    doc = load_pipeline()(text)
    lead = Claim(id="", doc="t", start=0, end=10, text=text[:10], source=AUTHOR, event_date="2012-04-13")
    tracked = Claim(id="", doc="t", start=start, end=end, text=text[start:end], source=AUTHOR)
    assert carried_dates(doc, [lead, tracked], "article", "2012-04-13")[1].event_date == "2012-04-13"
    for other in ("2012", "2012-04-20"):
        between = dataclasses.replace(lead, event_date=other)
        assert carried_dates(doc, [lead, between, tracked], "article", "2012-04-13")[2].event_date is None
