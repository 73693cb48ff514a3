"""STIX 2.1 export: validates with stix2-validator, stable ids, CONVENTIONS.md 3 confidence tables."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from stix2validator import ValidationOptions, validate_instance

from claimsift import analyze
from claimsift.model import Analysis
from claimsift.report.stix import note_confidence, opinion_confidence, opinion_value, stix_id, to_stix_bundle

DATA = Path(__file__).parent / "data"
DOCS = [DATA / "seams" / "kursk_open_seams.txt", *sorted((DATA / "relay").glob("*.txt"))]
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)


@pytest.fixture(scope="module")
def analysis(nlp: object) -> Analysis:
    return analyze([str(p) for p in DOCS], hypotheses=HYPOTHESES)


@pytest.fixture(scope="module")
def bundle(analysis: Analysis) -> dict[str, Any]:
    return to_stix_bundle(analysis)


def by_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [o for o in bundle["objects"] if o["type"] == kind]


@pytest.mark.model
def test_report_stix_validates_with_zero_errors(bundle: dict[str, Any]) -> None:
    result = validate_instance(bundle, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    assert result.errors == []
    # ids are UUIDv5 over the content on purpose (stable re-export); that is the only best-practice remark
    assert all("{103}" in str(w) for w in result.warnings)


@pytest.mark.model
def test_report_stix_validates_strictly_with_references_enforced(bundle: dict[str, Any]) -> None:
    options = ValidationOptions(version="2.1", strict=True, enforce_refs=True, disabled=["103"])
    result = validate_instance(bundle, options)
    assert result.is_valid, [str(e) for e in result.errors]
    assert result.warnings == []


@pytest.mark.model
def test_report_stix_reexport_is_identical(analysis: Analysis, bundle: dict[str, Any]) -> None:
    assert to_stix_bundle(analysis) == bundle


@pytest.mark.model
def test_report_stix_objects(analysis: Analysis, bundle: dict[str, Any]) -> None:
    counts = Counter(o["type"] for o in bundle["objects"])
    assert counts["report"] == 1
    assert counts["note"] == len(analysis.claims)
    assert counts["grouping"] == counts["opinion"] == len(analysis.assessments)
    assert counts["identity"] >= 2 and counts["relationship"] >= len(analysis.claims)
    assert {n["content"] for n in by_type(bundle, "note")} == {c.text for c in analysis.claims}
    classes = {i["identity_class"] for i in by_type(bundle, "identity")}
    assert classes <= {"individual", "organization", "unknown", "system"} and "individual" in classes


@pytest.mark.model
def test_report_stix_report_refers_to_everything(analysis: Analysis, bundle: dict[str, Any]) -> None:
    (report,) = by_type(bundle, "report")
    others = {o["id"] for o in bundle["objects"] if o["type"] != "report"}
    assert set(report["object_refs"]) == others
    newest = max(d.published for d in analysis.documents if d.published)
    assert report["published"] == f"{newest}T00:00:00Z"
    refs = {r["external_id"]: r for r in report["external_references"]}
    for d in analysis.documents:
        ref = refs[d.id]
        if d.url:
            assert ref["url"] == d.url
            assert ref["hashes"]["SHA-256"] == hashlib.sha256(d.text.encode("utf-8")).hexdigest()
        else:
            assert "url" not in ref and "hashes" not in ref


@pytest.mark.model
def test_report_stix_note_confidence_from_the_credibility_digit(analysis: Analysis, bundle: dict[str, Any]) -> None:
    table = {"1": 90, "2": 70, "3": 50, "4": 30, "5": 10}
    notes = {n["content"]: n for n in by_type(bundle, "note")}
    for c in analysis.claims:
        digit = (c.reliability or "")[1:]
        assert notes[c.text].get("confidence") == table.get(digit), c.id


@pytest.mark.model
def test_report_stix_opinions_on_hypothesis_groupings(analysis: Analysis, bundle: dict[str, Any]) -> None:
    groupings = {g["name"]: g for g in by_type(bundle, "grouping")}
    opinions = {o["object_refs"][0]: o for o in by_type(bundle, "opinion")}
    notes = {n["id"]: n for n in by_type(bundle, "note")}
    for a in analysis.assessments:
        g = groupings[a.hypothesis.text]
        assert g["context"] == "unspecified"
        sided = {c.text for c in analysis.claims if c.stance.get(a.hypothesis.id) in ("supports", "refutes")}
        assert {notes[r]["content"] for r in g["object_refs"]} == sided
        opinion = opinions[g["id"]]
        assert opinion["opinion"] == opinion_value(a.probability)
        assert opinion["confidence"] == opinion_confidence(a.wep)


@pytest.mark.parametrize(
    ("probability", "value"),
    [
        (0.97, "strongly-agree"),
        (0.8, "strongly-agree"),
        (0.79, "agree"),
        (0.55, "agree"),
        (0.5, "neutral"),
        (0.45, "disagree"),
        (0.21, "disagree"),
        (0.2, "strongly-disagree"),
        (0.02, "strongly-disagree"),
    ],
)
def test_report_stix_opinion_value(probability: float, value: str) -> None:
    assert opinion_value(probability) == value


@pytest.mark.parametrize(("code", "value"), [("A1", 90), ("B2", 70), ("C3", 50), ("D4", 30), ("E5", 10), ("F6", None)])
def test_report_stix_admiralty_credibility_table(code: str, value: int | None) -> None:
    assert note_confidence(code) == value


@pytest.mark.parametrize(
    ("wep", "value"),
    [
        ("almost_no_chance", 5),
        ("very_unlikely", 15),
        ("unlikely", 30),
        ("even", 50),
        ("likely", 70),
        ("very_likely", 85),
        ("almost_certain", 95),
    ],
)
def test_report_stix_dni_table(wep: str, value: int) -> None:
    assert opinion_confidence(wep) == value


def test_report_stix_ids_are_deterministic() -> None:
    assert stix_id("note", "a", 1) == stix_id("note", "a", 1) != stix_id("note", "a", 2)
    assert stix_id("note", "a").startswith("note--")


def test_report_stix_empty_analysis_still_validates() -> None:
    empty = Analysis(documents=(), entities=(), claims=(), dates=(), assessments=())
    bundle = to_stix_bundle(empty, created=datetime(2024, 11, 5, tzinfo=UTC))
    assert validate_instance(bundle, ValidationOptions(version="2.1")).is_valid
