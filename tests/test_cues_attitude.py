"""Attitudes put forward by a light verb ("renewed his concern over ..."), on a UN press release.

tests/data/un_sc_dprk_military_cooperation.txt is the UN's coverage of a Security Council meeting (a UN press
release; its address is in the .meta.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimkit import claim_with, claims_in

pytestmark = pytest.mark.model
UN = Path(__file__).parent / "data" / "un_sc_dprk_military_cooperation.txt"


def test_cues_a_light_verb_with_an_attitude_noun_is_its_subjects_claim() -> None:
    """ "As well, he renewed his concern over massive damage to the Ukraine's critical infrastructure" is the
    briefer's, with "he" resolved to him; the narrator does not hold that concern."""
    c = claim_with(claims_in(UN), "renewed his concern over massive damage")
    assert (c.source.name, c.source.kind, c.cue) == ("Miroslav Jenča", "person", "renewed his concern")
    assert c.source.resolved_from == "he"
