"""End to end on real wire copy: outlets relaying one origin are one piece of evidence.

tests/data/relay holds two real UN documents of 4 November 2022 (URLs in their .meta.json): the statement
the Spokesman issued for the Secretary-General on North Korea's launch of a missile of intercontinental range
(SG/SM/21570), and the noon briefing transcript in which the Spokesman reads the same statement out again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsift import analyze

pytestmark = pytest.mark.model

RELAY = Path(__file__).parent / "data" / "relay"
H1 = "North Korea launched an intercontinental ballistic missile"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def both() -> object:
    return analyze([str(RELAY)], hypotheses=[H1])


def test_analysis_relays_of_one_origin_form_one_group(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    sg = [g for g in both.groups if g.origin_kind not in ("author", "unattributed") and len(g.documents) == 2]
    assert len(sg) == 1, [(g.origin, g.documents) for g in both.groups]
    group = sg[0]
    assert group.origin == "Secretary-General"
    docs = {c.doc for c in both.claims if c.group == group.id}
    assert docs == {"un_noon_briefing_2022_11_04", "un_sgsm21570_dprk_icbm"}
    # the statement's words and the briefing's reading of them are one piece of evidence, not two
    condemns = [c for c in both.claims if c.text.startswith("The Secretary-General strongly condemns the launch")]
    assert {c.doc for c in condemns} == set(docs)
    assert len({c.group for c in condemns}) == 1 and all(c.stance["H1"] == "supports" for c in condemns)


def test_analysis_a_second_relay_adds_no_independent_origin(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    one = analyze([str(RELAY / "un_sgsm21570_dprk_icbm.txt")], hypotheses=[H1])
    origins_one = {g.origin for g in one.groups if g.origin_kind not in ("author", "unattributed")}
    origins_both = {g.origin for g in both.groups if g.origin_kind not in ("author", "unattributed")}
    shared = origins_one & origins_both
    assert "Secretary-General" in shared, (origins_one, origins_both)  # the same origin in both analyses


def test_analysis_not_confirming_is_neutral() -> None:
    """DOD News, 18 November 2024 (public domain): "The Pentagon has not confirmed that these troops have
    engaged in combat with Ukrainian troops ..." neither supports nor refutes that they have."""
    engaged = "North Korean troops have engaged in combat with Ukrainian troops"
    result = analyze([str(DATA / "dod_singh_kursk_11000.txt")], hypotheses=[engaged])
    c = next(c for c in result.claims if "has not confirmed" in c.text)
    assert c.source.name == "Pentagon"
    assert c.stance["H1"] == "neutral"


def test_analysis_a_call_to_desist_is_neutral(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    calls = [c for c in both.claims if "reiterates his calls" in c.text]
    assert len(calls) == 2 and all(c.source.name == "Secretary-General" for c in calls)
    assert all(c.stance["H1"] == "neutral" for c in calls)
