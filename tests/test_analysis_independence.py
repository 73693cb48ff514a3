"""End to end on real wire copy: outlets relaying one origin are one piece of evidence.

tests/data/relay holds two real articles of 29-30 October 2024 (KBS World and a Reuters story on
swissinfo.ch; URLs in their .meta.json) that both relay what "two U.S. officials" told Reuters.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsift import analyze

pytestmark = pytest.mark.model

RELAY = Path(__file__).parent / "data" / "relay"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"


@pytest.fixture(scope="module")
def both() -> object:
    return analyze([str(RELAY)], hypotheses=[H1])


def test_analysis_relays_of_one_origin_form_one_group(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    us = [g for g in both.groups if g.origin_kind not in ("author", "unattributed") and len(g.documents) == 2]
    assert len(us) == 1, [(g.origin, g.documents) for g in both.groups]
    group = us[0]
    docs = {c.doc for c in both.claims if c.group == group.id}
    assert docs == {"kbs_us_believes_kursk", "swissinfo_us_believes_kursk"}


def test_analysis_a_second_relay_adds_no_independent_origin(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    one = analyze([str(RELAY / "swissinfo_us_believes_kursk.txt")], hypotheses=[H1])
    origins_one = {g.origin for g in one.groups if g.origin_kind not in ("author", "unattributed")}
    origins_both = {g.origin for g in both.groups if g.origin_kind not in ("author", "unattributed")}
    shared = origins_one & origins_both
    assert shared, (origins_one, origins_both)  # the U.S. origin is the same one in both analyses


def test_analysis_declining_to_confirm_is_neutral(both: object) -> None:
    from claimsift.model import Analysis

    assert isinstance(both, Analysis)
    c = next(c for c in both.claims if "declined to confirm" in c.text)
    assert c.source.name == "Pentagon"
    assert c.stance["H1"] == "neutral"
