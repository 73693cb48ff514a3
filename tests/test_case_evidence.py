"""Verdicts from the stored evidence groups (``claimsift.case_evidence``, ``case assess --verdicts``).

The same case, assessed the whole way (``assess_case``: every claim re-read) and from its stored groups,
must give the same probabilities, drivers, groups and ACH matrix, on SQLite and PostgreSQL, after documents
arrive in several runs, after a new hypothesis and after an analyst's letter. Real documents from tests/data.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import casekit
from claimsift import case_evidence
from claimsift.case import add_hypothesis, add_paths, assess_case, init_case, render_json, set_reliability
from claimsift.case_evidence import assess_verdicts, refresh, render_verdicts_json
from claimsift.cli import app
from claimsift.store import Store, latest_version, schema

pytestmark = pytest.mark.model
BATCHES = (
    [str(casekit.VOA_AUSTIN)],
    [str(casekit.RELAY), str(casekit.VOA_BATTLES)],
    [str(p) for p in casekit.US_REPORTS],
)


@pytest.fixture(params=casekit.BACKENDS)
def any_case(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    for location in casekit.case_location(request.param, tmp_path):
        init_case(location)
        yield location


def whole(case: str) -> dict[str, Any]:
    """What the whole assessment (every claim re-read) concludes: hypotheses, groups and the ACH matrix."""
    data = json.loads(render_json(assess_case(case, record=False)))
    for h in data["hypotheses"]:
        h.pop("history")
    return {"hypotheses": data["hypotheses"], "groups": data["groups"], "ach": data["ach"], "claims": data["claims"]}


def from_groups(case: str, record: bool = True) -> dict[str, Any]:
    data = json.loads(render_verdicts_json(assess_verdicts(case, record=record)))
    return {"hypotheses": data["hypotheses"], "groups": data["groups"], "ach": data["ach"], "claims": data["claims"]}


def assert_same(case: str) -> None:
    full, fast = whole(case), from_groups(case)
    assert fast["hypotheses"] == full["hypotheses"]
    assert fast["groups"] == full["groups"]
    assert fast["ach"] == full["ach"]
    by_id = {c["id"]: c for c in full["claims"]}
    assert fast["claims"] and all(by_id[c["id"]] == c for c in fast["claims"])  # the drivers, exactly
    assert {d["claim"] for h in fast["hypotheses"] for d in h["drivers"]} == {c["id"] for c in fast["claims"]}


def test_case_evidence_verdicts_from_groups_equal_the_whole_assessment(any_case: str) -> None:
    add_hypothesis(any_case, casekit.DEPLOYED)
    for paths in BATCHES:
        add_paths(any_case, paths)
        assert_same(any_case)
    add_hypothesis(any_case, casekit.LAUNCHED)  # stale: a new hypothesis re-weighs every group
    assert_same(any_case)
    set_reliability(any_case, "United States", "A")
    assert_same(any_case)
    data = from_groups(any_case)
    assert [h["id"] for h in data["hypotheses"]] == ["H1", "H2"] and data["hypotheses"][0]["probability"] > 0.5


def test_case_evidence_a_new_document_rewrites_only_the_groups_it_touches(tmp_path: Path) -> None:
    case = str(tmp_path / "case.db")
    init_case(case)
    add_hypothesis(case, casekit.DEPLOYED)
    add_paths(case, [str(casekit.VOA_AUSTIN), str(casekit.RELAY), str(casekit.VOA_BATTLES)])
    with Store.open(case) as store:
        assert refresh(store) is None  # current: nothing to do
        before = {row.number: tuple(row) for row in _groups(store)}
    add_paths(case, [str(casekit.US_REPORTS[0])], evidence=False)
    with Store.open(case) as store:
        rewritten = refresh(store)
        after = {row.number: tuple(row) for row in _groups(store)}
    assert rewritten is not None and 0 < rewritten < len(after) / 2
    kept = [n for n in before if before[n] == after.get(n)]
    assert len(kept) >= len(before) - rewritten and rewritten == sum(1 for n in after if before.get(n) != after[n])
    assert_same(case)


def _groups(store: Store) -> list[Any]:
    with store.reading() as conn:
        return list(conn.execute(sa.select(schema.evidence_groups)))


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_case_evidence_read_only_verdicts_never_write(tmp_path: Path) -> None:
    case = tmp_path / "case.db"
    init_case(str(case))
    add_hypothesis(str(case), casekit.DEPLOYED)
    add_paths(str(case), [str(casekit.VOA_AUSTIN)], evidence=False)  # stale evidence
    before = fingerprint(case)
    fast = from_groups(str(case), record=False)  # computed in memory
    assert fingerprint(case) == before
    assert fast["hypotheses"] == whole(str(case))["hypotheses"]


def test_case_evidence_an_older_case_migrates_and_assesses(tmp_path: Path) -> None:
    case = tmp_path / "old.db"
    init_case(str(case))
    add_hypothesis(str(case), casekit.DEPLOYED)
    add_paths(str(case), [str(casekit.VOA_AUSTIN)])
    with Store.open(str(case)) as store, store.transaction() as conn:  # back to schema version 2
        for table in (
            schema.evidence_index,
            schema.evidence_members,
            schema.evidence_state,
            schema.evidence_claims,
            schema.group_scores,
            schema.evidence_groups,
        ):
            table.drop(conn)
        conn.execute(sa.delete(schema.schema_version).where(schema.schema_version.c.version > 2))
    with pytest.raises(Exception, match="older schema version 2"):
        Store.open(str(case), readonly=True)
    with Store.open(str(case)) as store:
        assert store.version == latest_version() == 4
    add_paths(str(case), [str(casekit.VOA_BATTLES)])
    assert_same(str(case))


def test_case_evidence_cli_verdicts(tmp_path: Path) -> None:
    case = str(tmp_path / "case.db")
    init_case(case)
    add_hypothesis(case, casekit.DEPLOYED)
    add_paths(case, [str(casekit.VOA_AUSTIN)], evidence=False)
    runner = CliRunner()
    result = runner.invoke(app, ["case", "assess", case, "--verdicts"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdicts_only"] is True and data["documents_assessed"] == 1 and data["documents"] == []
    assert data["hypotheses"][0]["id"] == "H1" and data["groups"]
    bad = runner.invoke(app, ["case", "assess", case, "--verdicts", "--format", "markdown"])
    assert bad.exit_code == 1 and "--verdicts writes JSON only" in bad.output
    with Store.open(case) as store:
        assert [s["hypothesis"] for s in store.snapshots()] == ["H1"]


def _save_into(case: str, outcomes: list[object]) -> None:
    """Bring the evidence up to date from a connection of its own; record the outcome or the error."""
    try:
        with Store.open(case) as store:
            outcomes.append(refresh(store))
    except Exception as exc:  # reported by the test: a clash on group numbers was the bug
        outcomes.append(exc)


def three_writers(case: str) -> list[object]:
    """What three writers bringing the evidence up to date at once each returned (none may raise)."""
    outcomes: list[object] = []
    threads = [threading.Thread(target=_save_into, args=(case, outcomes)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    return outcomes


def test_case_evidence_writers_saving_at_once_on_postgresql_take_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = case_evidence._computed
    together = threading.Barrier(3, timeout=60)

    def then_wait(store: Store, last: int | None = None) -> Any:  # every writer has its groups before any saves
        result = computed(store, last)
        together.wait()
        return result

    monkeypatch.setattr(case_evidence, "_computed", then_wait)
    for case in casekit.case_location("postgresql", tmp_path):
        init_case(case)
        add_hypothesis(case, casekit.DEPLOYED)
        add_paths(case, [str(casekit.VOA_AUSTIN), str(casekit.VOA_BATTLES)], evidence=False)
        outcomes = three_writers(case)
        assert len(outcomes) == 3 and any(outcomes)  # one saved; the others found it current, or saved the same
        assert_same(case)
