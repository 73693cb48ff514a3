"""Belief over time (``assess.history``) on the claims of real reporting: dated steps, the last one today's verdict.

The documents: VOA on Austin's word (23 October 2024), VOA on the first battles (6 November 2024) and two UN documents of 4 November
2022 relaying one statement of the Secretary-General on North Korea's missile launch (the SG/SM press release
and the noon briefing reading it out), parsed once; the history is computed on their assembled claims.
"""

from __future__ import annotations

import dataclasses

import pytest

import casekit
from claimsift.analysis import assemble, make_hypotheses
from claimsift.assess.aggregate import assess
from claimsift.assess.history import as_dicts, belief_history, step_date
from claimsift.ingest import read_documents
from claimsift.model import Analysis, DocumentFacts
from claimsift.nlp.process import process

pytestmark = pytest.mark.model
UNRELATED = "The 2024 Summer Olympics were held in Paris"
LAUNCHED = "North Korea launched an intercontinental ballistic missile"
RELAY_DOCS = {"un_noon_briefing_2022_11_04", "un_sgsm21570_dprk_icbm"}


@pytest.fixture(scope="module")
def facts() -> list[DocumentFacts]:
    return list(process(read_documents([str(casekit.VOA_AUSTIN), str(casekit.RELAY), str(casekit.VOA_BATTLES)])))


@pytest.fixture(scope="module")
def analysis(facts: list[DocumentFacts]) -> Analysis:
    return assemble(facts, make_hypotheses([casekit.DEPLOYED, UNRELATED, LAUNCHED]))


def _published(analysis: Analysis) -> dict[str, str | None]:
    return {d.id: d.published for d in analysis.documents}


def test_history_last_step_is_the_verdict_and_dates_ascend(analysis: Analysis) -> None:
    hypotheses = [a.hypothesis for a in analysis.assessments]
    history = belief_history(analysis.claims, analysis.groups, hypotheses, _published(analysis))
    steps = history["H1"]
    assert steps[-1].probability == analysis.assessments[0].probability
    assert steps[-1].claims == len(analysis.claims)
    dates = [s.date for s in steps if s.date is not None]
    assert dates == sorted(dates) and dates[0] >= "2024-10"
    assert all(s.date is not None for s in steps[:-1])  # only the last step may be the undated one


def test_history_each_step_is_the_verdict_on_the_claims_known_then(analysis: Analysis) -> None:
    h = analysis.assessments[0].hypothesis
    published = _published(analysis)
    steps = belief_history(analysis.claims, analysis.groups, [h], published)["H1"]
    for step in steps[:-1]:
        known = [c for c in analysis.claims if (step_date(c, published) or "~") <= (step.date or "~")]
        ids = {c.id for c in known}
        groups = [
            dataclasses.replace(
                g,
                claims=tuple(c for c in g.claims if c in ids),
                documents=tuple(dict.fromkeys(c.doc for c in known if c.group == g.id)),
            )
            for g in analysis.groups
            if any(c in ids for c in g.claims)
        ]
        assert assess(h, known, groups).probability == step.probability
        assert step.claims == len(known)


def test_history_moves_up_when_the_first_reports_arrive(analysis: Analysis) -> None:
    h = analysis.assessments[0].hypothesis
    steps = belief_history(analysis.claims, analysis.groups, [h], _published(analysis))["H1"]
    before = [s for s in steps if s.date and s.date <= "2024-10-24"]
    assert before and before[0].probability > h.prior  # the U.S. (Austin), Ukraine and NATO say so on 22-23 October
    assert all(s.moved_by is None or s.change >= 0 for s in steps)


def test_history_two_relays_of_one_statement_are_one_step_moved_by_a_relay(analysis: Analysis) -> None:
    h = analysis.assessments[2].hypothesis
    steps = belief_history(analysis.claims, analysis.groups, [h], _published(analysis))["H3"]
    by_id = {c.id: c for c in analysis.claims}
    assert [s.date for s in steps] == ["2022-11-04"]  # the statement and its reading out are of one day
    (step,) = steps
    assert step.probability > h.prior and step.moved_by is not None
    assert by_id[step.moved_by].doc in RELAY_DOCS
    assert step.claims == len([c for c in analysis.claims if c.doc in RELAY_DOCS])
    # the Secretary-General's words in both documents are one evidence group, not one per document
    sg = [g for g in analysis.groups if g.origin == "Secretary-General"]
    assert len(sg) == 1 and set(sg[0].documents) == RELAY_DOCS


def test_history_of_an_unrelated_hypothesis_is_empty(analysis: Analysis) -> None:
    hypotheses = [a.hypothesis for a in analysis.assessments]
    history = belief_history(analysis.claims, analysis.groups, hypotheses, _published(analysis))
    assert history["H2"] == ()
    assert analysis.assessments[1].probability == 0.5


def test_history_dates_a_claim_by_statement_else_publication(analysis: Analysis) -> None:
    published = _published(analysis)
    stated = next(c for c in analysis.claims if c.stated_date)
    undated = next(c for c in analysis.claims if not c.stated_date)
    assert step_date(stated, published) == stated.stated_date
    assert step_date(undated, published) == published[undated.doc]
    assert step_date(dataclasses.replace(undated, doc="elsewhere"), published) is None


def test_history_as_dicts_is_json_ready(analysis: Analysis) -> None:
    h = analysis.assessments[0].hypothesis
    (first, *_rest) = as_dicts(belief_history(analysis.claims, analysis.groups, [h], _published(analysis))["H1"])
    assert set(first) == {"date", "probability", "wep", "moved_by", "change", "claims"}
