"""The case library (``claimsift.case``): incremental adds, whole-case assessment, belief over time, batches.

Real open documents only: public-domain VOA and DOD News reports, the two relays of one UN Secretary-General
statement in tests/data/relay, and documents of their sentences recombined (``casekit.varied_texts``) where many
are needed.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import casekit
import claimsift.nlp.process as nlp_process
from claimsift import analyze
from claimsift.case import (
    AddEvent,
    add_hypothesis,
    add_paths,
    assess_case,
    check_case,
    init_case,
    render_json,
    set_reliability,
    show,
    timeline,
)
from claimsift.errors import UsageError
from claimsift.model import Document, DocumentFacts
from claimsift.report.json_report import render_json as analyze_json
from claimsift.store import Store

pytestmark = pytest.mark.model
RELAY_DOCS = sorted(str(p) for p in casekit.RELAY.glob("*.txt"))


@pytest.fixture(params=casekit.BACKENDS)
def any_case(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    for location in casekit.case_location(request.param, tmp_path):
        init_case(location)
        yield location


@pytest.fixture
def case(tmp_path: Path) -> str:
    location = str(tmp_path / "case.db")
    init_case(location)
    return location


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Ids of the documents handed to the nlp stage, in order."""
    seen: list[str] = []
    real = nlp_process.process

    def counting(
        documents: Sequence[Document], batch_size: int = 8, deadline: float | None = None
    ) -> Iterator[DocumentFacts]:
        seen.extend(d.id for d in documents)
        return real(documents, batch_size, deadline)

    monkeypatch.setattr(nlp_process, "process", counting)
    return seen


def test_case_add_parses_only_new_documents(any_case: str, parsed: list[str]) -> None:
    first = add_paths(any_case, [str(casekit.RELAY)])
    assert [e.document for e in first.added] == ["un_noon_briefing_2022_11_04", "un_sgsm21570_dprk_icbm"]
    second = add_paths(any_case, [str(casekit.RELAY), str(casekit.VOA_AUSTIN)])
    assert [e.path for e in second.skipped] == RELAY_DOCS
    assert [e.document for e in second.added] == ["voa_austin_nk_soldiers_in_russia"]
    assert second.summary() == "added 1 document, skipped 2 already in the case"
    assert parsed == ["un_noon_briefing_2022_11_04", "un_sgsm21570_dprk_icbm", "voa_austin_nk_soldiers_in_russia"]


def test_case_assess_never_parses_and_matches_analyze(any_case: str, parsed: list[str]) -> None:
    paths = [str(casekit.VOA_AUSTIN), str(casekit.RELAY), str(casekit.VOA_BATTLES)]
    add_paths(any_case, paths)
    add_hypothesis(any_case, casekit.DEPLOYED)
    parsed.clear()
    result = assess_case(any_case)
    assert parsed == []
    data = json.loads(render_json(result))
    history = [h.pop("history") for h in data["hypotheses"]]
    assert data == json.loads(analyze_json(analyze(paths, hypotheses=[casekit.DEPLOYED])))
    assert history[0] and history[0][-1]["probability"] == data["hypotheses"][0]["probability"]
    with Store.open(any_case) as store:
        assert [s["hypothesis"] for s in store.snapshots()] == ["H1"]


def test_case_a_source_named_differently_in_two_documents_is_one_source(case: str) -> None:
    add_paths(case, [str(casekit.VOA_AUSTIN), *map(str, casekit.US_REPORTS)])
    analysis = assess_case(case, record=False).analysis
    origins = {g.id: g.origin for g in analysis.groups}
    (pentagon,) = {origins[c.group] for c in analysis.claims if c.group and c.source.name == "Pentagon"}
    names_by_doc: dict[str, set[str]] = {}
    for c in analysis.claims:
        if c.group and origins[c.group] == pentagon:
            names_by_doc.setdefault(c.doc, set()).add(c.source.name)
    assert len(names_by_doc) >= 2, names_by_doc
    names = set().union(*names_by_doc.values())
    # "U.S. Defense Secretary Lloyd Austin", "Pentagon", "U.S. Department of Defense", a Pentagon press secretary
    assert {"Pentagon", "U.S. Department of Defense", "U.S. Defense Secretary Lloyd Austin"} <= names, names_by_doc
    lines = [s for s in show(case).sources if s.name == pentagon]
    assert len(lines) == 1 and lines[0].documents >= 2


def test_case_history_moves_the_right_way_as_documents_arrive(case: str) -> None:
    add_hypothesis(case, casekit.DEPLOYED)
    add_paths(case, [str(casekit.VOA_AUSTIN)])
    before = assess_case(case).history["H1"]
    add_paths(case, [str(p) for p in casekit.US_REPORTS])
    result = assess_case(case)
    after = result.history["H1"]
    assert before[-1].probability > 0.5  # VOA: the U.S., Ukraine and NATO say the troops are there
    assert after[-1].probability >= before[-1].probability
    assert after[-1].probability == result.analysis.assessments[0].probability
    dates = [s.date for s in after if s.date]
    assert dates == sorted(dates) and dates[-1] >= "2024-10-29"  # the Pentagon's word of 29 October and 18 November
    later_docs = {p.stem for p in casekit.US_REPORTS}
    by_id = {c.id: c for c in result.analysis.claims}
    late = [s for s in after if s.date and s.date >= "2024-10-29" and s.moved_by]
    assert late and all(by_id[s.moved_by].doc in later_docs for s in late if s.change > 0)


def test_case_bad_files_are_reported_and_the_rest_stored(case: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(casekit.VOA_AUSTIN, folder / "b_voa.txt")
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(gzip.compress(casekit.TRANSCRIPT.read_bytes()))
    events: list[AddEvent] = []
    report = add_paths(case, [str(folder), str(tmp_path / "missing.txt")], on_event=events.append)
    assert sorted((Path(e.path).name, e.kind) for e in events) == [
        ("a_empty.txt", "failed"),
        ("b_voa.txt", "added"),
        ("c_binary.txt", "failed"),
        ("missing.txt", "failed"),
    ]
    assert {e.message for e in report.failed} >= {"no such file or folder", "empty file"}
    assert report.summary() == "added 1 document, 3 failed"
    assert check_case(case) == []


def test_case_ctrl_c_keeps_whole_documents_only(case: str) -> None:
    def stop_after_first(event: AddEvent) -> None:
        if event.kind == "added":
            raise KeyboardInterrupt

    report = add_paths(case, [str(casekit.VOA_AUSTIN), *RELAY_DOCS], on_event=stop_after_first)
    assert report.interrupted and report.summary().startswith("interrupted: added 1 document")
    assert check_case(case) == []
    again = add_paths(case, [str(casekit.VOA_AUSTIN), *RELAY_DOCS])
    assert (len(again.skipped), len(again.added)) == (1, 2)


def test_case_two_worker_processes_store_what_one_process_does(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    casekit.write_folder(folder, 6)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    for location, jobs in ((one, 1), (two, 2)):
        init_case(location)
        report = add_paths(location, [str(folder)], jobs=jobs, batch_size=2)
        assert len(report.added) == 6 and not report.failed
    with Store.open(one) as a, Store.open(two) as b:
        assert list(a.facts()) == list(b.facts())


def test_case_reads_standard_input(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(casekit.VOA_BATTLES.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    report = add_paths(case, ["-"], published="2024-11-06")
    assert [e.document for e in report.added] == ["stdin"]


def test_case_timeline_is_in_date_order(case: str) -> None:
    add_hypothesis(case, casekit.DEPLOYED)
    add_paths(case, [str(casekit.VOA_BATTLES), str(casekit.VOA_AUSTIN)])
    rows = timeline(case)
    keys = [r.event_date or r.stated_date or r.published or "~" for r in rows]
    assert keys == sorted(keys)
    assert any(r.stance.get("H1") == "supports" for r in rows)


def test_case_reliability_override_is_used(case: str) -> None:
    add_paths(case, [str(casekit.VOA_AUSTIN)])
    assert set_reliability(case, "NATO", "a") == "A"
    claims = [c for c in assess_case(case).analysis.claims if c.source.name == "NATO spokesperson Farah Dakhlallah"]
    assert claims and all(c.reliability and c.reliability[0] == "A" and not c.reliability_default for c in claims)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: add_hypothesis(c, casekit.DEPLOYED, prior=1.5), "prior must be strictly between 0 and 1"),
        (lambda c: add_hypothesis(c, "   "), "a hypothesis needs some text"),
        (lambda c: set_reliability(c, "Reuters", "G"), "must be one of A, B, C, D, E, F"),
        (lambda c: add_paths(c, [str(casekit.VOA_AUSTIN)], published="24 Oct"), "YYYY-MM-DD"),
        (lambda c: add_paths(c, [str(casekit.VOA_AUSTIN)], jobs=0), "at least 1"),
    ],
)
def test_case_rejects_bad_arguments(case: str, call: object, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        call(case)  # type: ignore[operator]
