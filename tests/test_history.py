"""Belief over time (``assess.history``) on the claims of real reporting: dated steps, the last one today's verdict.

The documents: Reuters (24 October 2024), the KBS and swissinfo relays of one U.S. statement (29 and 30
October) and the Korea Times (10 November), parsed once; the history is computed on their assembled claims.
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


@pytest.fixture(scope="module")
def facts() -> list[DocumentFacts]:
    return list(process(read_documents([str(casekit.REUTERS), str(casekit.RELAY), str(casekit.KOREATIMES)])))


@pytest.fixture(scope="module")
def analysis(facts: list[DocumentFacts]) -> Analysis:
    return assemble(facts, make_hypotheses([casekit.DEPLOYED, UNRELATED]))


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


def test_history_moves_up_when_the_relays_of_the_us_statement_arrive(analysis: Analysis) -> None:
    h = analysis.assessments[0].hypothesis
    steps = belief_history(analysis.claims, analysis.groups, [h], _published(analysis))["H1"]
    before = [s for s in steps if s.date and s.date <= "2024-10-24"]
    after = [s for s in steps if s.date and "2024-10-29" <= s.date <= "2024-10-30"]
    assert before and after
    assert before[0].probability > h.prior  # Ukraine's intelligence service and the U.S. say so on 23-24 October
    assert after[-1].probability >= before[-1].probability
    by_id = {c.id: c for c in analysis.claims}
    first = after[0]  # the officials' word arrives; the second outlet relaying it adds nothing
    assert first.moved_by is not None
    assert by_id[first.moved_by].doc in {"kbs_us_believes_kursk", "swissinfo_us_believes_kursk"}
    assert all(s.moved_by is None or s.change >= 0 for s in after[1:])


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
