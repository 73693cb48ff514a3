"""Evidence brought up to date from the new documents alone (``claimsift.case_update``).

A case built one real document at a time (the open texts of tests/data), its evidence updated from each new
document only, must hold what a whole assessment of the same case gives: the same groups with the same
members, scores, best claims and verdicts, and the same kept state, so the next update builds on the same
thing. The one part compared on its content rather than its form is the union-find of origins: which key
stands for an origin depends on the order origins were found to be one (the partition and each origin's
name are compared).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import casekit
from claimsift import case_evidence, case_update
from claimsift.assess import independence
from claimsift.assess.independence import Conflict, Grouping, GroupingState
from claimsift.case import add_hypothesis, add_paths, init_case, set_reliability
from claimsift.case_update import update
from claimsift.ingest import read_documents
from claimsift.model import Claim, DocumentFacts, SourceRef
from claimsift.nlp.process import process
from claimsift.store import Store, schema
from claimsift.store.rows import renamed
from test_case_evidence import assert_same, three_writers

DOCUMENTS = (
    casekit.VOA_AUSTIN,
    *sorted(casekit.RELAY.glob("*.txt")),
    casekit.VOA_BATTLES,
    *casekit.US_REPORTS,
    *sorted(
        p for p in casekit.DATA.glob("*.txt") if p not in (casekit.VOA_AUSTIN, casekit.VOA_BATTLES, *casekit.US_REPORTS)
    ),
)


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int | None]]:
    """What each ``update`` returned (None: the whole assessment ran instead)."""
    seen: list[int | None] = []

    def recorded(store: Store, version: str) -> int | None:
        seen.append(update(store, version))
        return seen[-1]

    monkeypatch.setattr(case_evidence, "update", recorded)
    yield seen


def _partition(parent: dict[str, str]) -> dict[str, str]:
    """Key -> the smallest key of its origin: the union-find without its choice of roots."""

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    members: dict[str, list[str]] = {}
    for k in parent:
        members.setdefault(root(k), []).append(k)
    return {k: min(ks) for ks in members.values() for k in ks}


def _grouping(data: dict[str, Any]) -> dict[str, Any]:
    """The grouping state with each origin named by its smallest key instead of its root."""
    of = _partition(data["parent"])
    return {
        **data,
        "parent": of,
        "names": {of[k]: v for k, v in data["names"].items()},
        "canonical": {of[k]: v for k, v in data["canonical"].items()},
        "by_type": {f"{of[k.rsplit('|', 1)[0]]}|{k.rsplit('|', 1)[1]}": v for k, v in data["by_type"].items()},
    }


def kept(case: str) -> dict[str, Any]:
    """Every evidence table (best claims aside: an update never deletes one, see ``best_claims``)."""
    tables = (schema.evidence_groups, schema.group_scores, schema.evidence_members, schema.evidence_state)
    with Store.open(case) as store, store.reading() as conn:
        out: dict[str, Any] = {t.name: sorted(tuple(r) for r in conn.execute(sa.select(t))) for t in tables}
        for row in conn.execute(sa.select(schema.evidence_index)):
            data = json.loads(row.data)
            out[row.name] = _grouping(data) if row.name == "grouping" else data
    out["evidence_state"] = [row[:3] for row in out["evidence_state"]]  # not when it was saved
    return out


def best_claims(case: str) -> dict[str, str]:
    with Store.open(case) as store, store.reading() as conn:
        return {row.id: row.claim for row in conn.execute(sa.select(schema.evidence_claims))}


def from_scratch(case: str, tmp_path: Path) -> str:
    """A copy of the case whose evidence is computed by a whole assessment."""
    copy = str(tmp_path / "scratch.db")
    shutil.copy(case, copy)
    with Store.open(copy) as store:
        with store.transaction() as conn:
            for table in (schema.evidence_state, schema.evidence_index):
                conn.execute(sa.delete(table))
        assert case_evidence.refresh(store) is not None
    return copy


@pytest.mark.model
@pytest.mark.parametrize("common", [independence.COMMON_WORD, 3])
def test_case_update_one_document_at_a_time_equals_the_whole_assessment(
    tmp_path: Path, updates: list[int | None], monkeypatch: pytest.MonkeyPatch, common: int
) -> None:
    """With a low ``COMMON_WORD`` words go common as documents come, which takes corroboration away from
    earlier claims (their flags are judged again from every claim that shares their words)."""
    monkeypatch.setattr(independence, "COMMON_WORD", common)
    monkeypatch.setattr(case_update, "COMMON_WORD", common)
    case = str(tmp_path / "case.db")
    init_case(case)
    add_hypothesis(case, casekit.DEPLOYED)
    add_hypothesis(case, casekit.LAUNCHED)
    for path in DOCUMENTS:
        add_paths(case, [str(path)])
        assert_same(case)  # verdicts, drivers, groups and ACH from the stored groups = a whole assessment
    assert updates[0] is None and all(n is not None for n in updates[1:]), updates  # the first has nothing to build on
    scratch = from_scratch(case, tmp_path)
    assert kept(case) == kept(scratch)
    ours, theirs = best_claims(case), best_claims(scratch)
    assert all(ours[cid] == text for cid, text in theirs.items())


@pytest.fixture(scope="module")
def parsed() -> list[DocumentFacts]:
    return list(process(read_documents([str(p) for p in DOCUMENTS])))


@pytest.mark.model
def test_case_update_copies_from_other_documents_equal_the_whole_assessment(
    tmp_path: Path, parsed: list[DocumentFacts], updates: list[int | None]
) -> None:
    """Every open document stored again under another id (a syndicated copy): the copy's unsourced claims join
    the groups of the original's, whose origin is the original's, for grouping and corroboration alike."""
    case = str(tmp_path / "case.db")
    init_case(case)
    add_hypothesis(case, casekit.DEPLOYED)
    with Store.open(case) as store:
        for i, f in enumerate([*parsed, *parsed[::2]]):
            f = renamed(f, f"{f.document.id}-{i}")
            text = f"{f.document.text}\n[copy {i}]\n"  # a new text hash; the facts are the original's
            store.add(dataclasses.replace(f, document=dataclasses.replace(f.document, text=text)), extractor="test")
            case_evidence.refresh(store)
    assert updates[0] is None and all(n is not None for n in updates[1:]), updates
    assert_same(case)
    assert kept(case) == kept(from_scratch(case, tmp_path))


@pytest.mark.model
def test_case_update_gives_way_to_the_whole_assessment_when_the_case_changed_otherwise(
    tmp_path: Path, updates: list[int | None]
) -> None:
    case = str(tmp_path / "case.db")
    init_case(case)
    add_hypothesis(case, casekit.DEPLOYED)
    add_paths(case, [str(casekit.VOA_AUSTIN)])
    add_hypothesis(case, casekit.LAUNCHED)  # every group is weighed again on the new hypothesis
    add_paths(case, [str(casekit.VOA_BATTLES)])
    set_reliability(case, "Pentagon", "A")
    add_paths(case, [str(casekit.US_REPORTS[0])])
    assert updates == [None, None, None]
    assert_same(case)
    add_paths(case, [str(casekit.US_REPORTS[1])])
    assert updates[-1] is not None
    assert_same(case)


def test_case_update_writers_updating_at_once_on_postgresql_take_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three writers update from the same new document at once: one saves, the others find it saved (their
    update gives way, and the whole assessment they fall back on finds the evidence current)."""
    rescored = case_update._rescored
    together = threading.Barrier(3, timeout=60)

    def then_wait(*args: Any) -> Any:  # every writer has its groups before any saves: they meet at the save
        result = rescored(*args)
        together.wait()
        return result

    for case in casekit.case_location("postgresql", tmp_path):
        init_case(case)
        add_hypothesis(case, casekit.DEPLOYED)
        add_paths(case, [str(casekit.VOA_AUSTIN)])
        add_paths(case, [str(casekit.VOA_BATTLES)], evidence=False)
        monkeypatch.setattr(case_update, "_rescored", then_wait)
        outcomes = three_writers(case)
        assert len(outcomes) == 3 and outcomes.count(None) == 2
        assert_same(case)


# from the open VOA story of 2024-11-06 (tests/data/voa_ukraine_drones_nk_battles.txt)
ENGAGED = "his country's forces have engaged in battle with the North Korean troops"
NEW_PAGE = "The first battles with North Korean soldiers open a new page of instability in the world"


def _claim(cid: str, text: str, name: str, entity: str, doc: str) -> Claim:
    source = SourceRef(name=name, kind="person", entity=entity)
    return Claim(id=cid, doc=doc, start=0, end=len(text), text=text, source=source, evidence_type="official_statement")


def test_case_update_origins_found_to_be_one_give_way() -> None:
    """Two origins apart until a later claim shows they are one: the earlier claims would regroup, so the
    update gives way (the whole assessment joins them)."""
    state = GroupingState()
    names = {"E1": "Ukrainian", "E2": "Zelenskyy"}
    Grouping(state, entity_names=names).add(
        [
            _claim("C1", ENGAGED, "Ukrainian President Volodymyr Zelenskyy", "E1", "a"),  # the gazetteer knows him
            _claim("C2", NEW_PAGE, "his daily address", "E2", "a"),  # linked to the entity, no gazetteer name
        ]
    )
    with pytest.raises(Conflict):
        Grouping(state, entity_names=names).add([_claim("C3", NEW_PAGE, "Zelenskyy", "E2", "b")])
