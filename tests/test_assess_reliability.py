"""Admiralty letters and digits, analyst overrides, parties and self-interest, on real sentences of tests/data."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from claimsift.assess.names import affiliation, described_affiliation
from claimsift.assess.reliability import (
    credibility,
    grade,
    grade_claims,
    hypothesis_roles,
    interest,
    load_overrides,
    parties,
    source_category,
    source_letter,
)
from claimsift.errors import UsageError
from claimsift.model import Claim, SourceKind, SourceRef, Stance
from opentext import (
    ADMITS,
    AUSTIN,
    BACKED,
    COOPERATION,
    DOD_10000,
    ENTERING,
    NO_EVIDENCE,
    RUSSIAN_OFFICIALS,
    UMEROV,
    YOON,
)

H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
H2 = "Russia and North Korea have a treaty that obliges each to give the other military assistance"


def make(
    text: str,
    source: str,
    kind: SourceKind = "organization",
    evidence: str = "official_statement",
    stance: Stance = "supports",
    hedged: bool = False,
) -> Claim:
    return Claim(
        id="C1",
        doc="d",
        start=0,
        end=len(text),
        text=text,
        source=SourceRef(name=source, kind=kind),
        evidence_type=evidence,
        hedged=hedged,
        stance={"H1": stance},
    )


def test_assess_reliability_overrides_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "claimsift.toml"
    path.write_text(
        '[other]\nx = 1\n[reliability]\n"South Korea\'s National Intelligence Service" = "B"\nKremlin = "e"\n',
        encoding="utf-8",
    )
    assert load_overrides(path) == {"South Korea's National Intelligence Service": "B", "Kremlin": "E"}


def test_assess_reliability_overrides_without_table_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "claimsift.toml"
    path.write_text("[report]\nformat = 'markdown'\n", encoding="utf-8")
    assert load_overrides(path) == {}


@pytest.mark.parametrize("value", ['"G"', '"AB"', "3", '""'])
def test_assess_reliability_overrides_reject_a_bad_letter(tmp_path: Path, value: str) -> None:
    path = tmp_path / "claimsift.toml"
    path.write_text(f"[reliability]\nKremlin = {value}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"'Kremlin' must be one of A, B, C, D, E, F"):
        load_overrides(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("claimsift.toml", "[reliability\nKremlin = 'C'", "not valid TOML"),
        ("claimsift.toml", "reliability = 'C'\n", "must be a table"),
        ("missing.toml", None, "cannot read"),
    ],
)
def test_assess_reliability_overrides_bad_file_is_a_usage_error(
    tmp_path: Path, name: str, text: str | None, message: str
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_overrides(path)


def test_assess_reliability_overrides_yaml_needs_pyyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("reliability:\n  NIS: B\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml now raises ImportError
    with pytest.raises(UsageError, match="PyYAML"):
        load_overrides(path)


def test_assess_reliability_overrides_yaml_errors_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class YAMLError(Exception):
        pass

    def safe_load(text: str) -> object:
        raise YAMLError("mapping values are not allowed here")

    fake = types.ModuleType("yaml")
    fake.YAMLError = YAMLError  # type: ignore[attr-defined]
    fake.safe_load = safe_load  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "yaml", fake)
    path = tmp_path / "sources.yml"
    path.write_text("reliability: NIS: B\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid YAML"):
        load_overrides(path)


def test_assess_reliability_overrides_from_real_yaml(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "sources.yaml"
    path.write_text("reliability:\n  NIS: b\n  Kremlin: E\n", encoding="utf-8")
    assert load_overrides(path) == {"NIS": "B", "Kremlin": "E"}


@pytest.mark.parametrize(
    ("key", "source", "kind"),
    [
        ("Pentagon", "U.S. Department of Defense", "organization"),
        ("Pentagon", "Department of Defense", "organization"),
        ("U.S. Department of Defense", "DoD", "organization"),
        ("the kremlin", "Kremlin", "organization"),
        ("Putin", "Russian president Vladimir Putin", "person"),
        ("Kyiv Post", "The Kyiv Post", "organization"),
    ],
)
def test_assess_reliability_override_matches_source_names(key: str, source: str, kind: SourceKind) -> None:
    assert source_letter(make(DOD_10000, source, kind), {key: "A"}) == ("A", False)


@pytest.mark.parametrize(
    ("key", "source"),
    [
        ("United Nations", "North Korea's Permanent Mission to the UN"),
        ("Pentagon", "Ukraine's military intelligence service"),
        ("Kremlin", "unattributed"),
    ],
)
def test_assess_reliability_override_does_not_leak_to_other_sources(key: str, source: str) -> None:
    kind: SourceKind = "unattributed" if source == "unattributed" else "organization"
    letter, default = source_letter(make(ADMITS, source, kind), {key: "A"})
    assert default and letter != "A"


@pytest.mark.parametrize(
    ("text", "source", "kind", "evidence", "letter", "category"),
    [
        (BACKED, "Kyiv Post", "organization", "video", "B", "established_outlet_own_findings"),
        (BACKED, "Kyiv Post", "organization", "official_statement", "C", "established_outlet"),
        (RUSSIAN_OFFICIALS, "Kremlin", "organization", "official_statement", "C", "state_organ"),
        # an official no table lists is a named person; the letter is the same
        (AUSTIN, "Lloyd Austin", "person", "official_statement", "C", "named_person"),
        (YOON, "Seoul's spy agency", "organization", "intelligence_assessment", "C", "intelligence"),
        (NO_EVIDENCE, "A U.S. official", "person", "official_statement", "D", "anonymous"),
        (ENTERING, "unattributed", "unattributed", "intercepted_communication", "F", "unattributed"),
        (BACKED, "author", "author", "analysis", "F", "author"),
        # a named narrator (a briefing's official, a speech's speaker) is graded like any named source
        (COOPERATION, "John Kirby", "author", "official_statement", "C", "named_organization"),
        (BACKED, "Kyiv Post", "author", "video", "B", "established_outlet_own_findings"),
        (BACKED, "YouTube commentary channel", "organization", "video", "F", "other_outlet"),
    ],
)
def test_assess_reliability_default_letters(
    text: str, source: str, kind: SourceKind, evidence: str, letter: str, category: str
) -> None:
    claim = make(text, source, kind, evidence)
    assert source_category(claim) == category
    assert source_letter(claim, {}) == (letter, True)


@pytest.mark.parametrize(
    ("hypothesis", "expected"),
    [
        (H1, {"North Korea", "Russia", "Ukraine"}),
        (H2, {"North Korea", "Russia"}),
        (AUSTIN, {"United States", "North Korea", "Russia"}),
        (COOPERATION, {"North Korea", "Russia", "UN Security Council"}),
        (YOON, {"South Korea", "North Korea", "Russia"}),
    ],
)
def test_assess_reliability_parties_of_a_hypothesis(hypothesis: str, expected: set[str]) -> None:
    assert parties(hypothesis) == expected


def test_assess_reliability_roles_put_the_target_against_the_accused() -> None:
    assert hypothesis_roles(H1).opposing == {"Ukraine"}
    assert hypothesis_roles(H2).opposing == frozenset()


@pytest.mark.parametrize(
    ("source", "party"),
    [
        ("Russian President Vladimir Putin", "Russia"),
        ("Kremlin", "Russia"),
        ("national press agency KCNA", "North Korea"),
        ("North Korea's Permanent Mission to the UN", "North Korea"),
        ("Seoul's spy agency", "South Korea"),
        ("Kyiv's top military officer", "Ukraine"),
        ("A U.S. official", "United States"),
        ("The Kyiv Post", None),
        ("a Ukraine news report", None),
        ("Reuters", None),
    ],
)
def test_assess_reliability_affiliation_of_a_source(source: str, party: str | None) -> None:
    assert affiliation(source) == party


def test_assess_reliability_an_official_is_placed_by_the_text() -> None:
    """No list names Ukraine's defense minister: the apposition does (VOA, tests/data, via opentext.UMEROV);
    the Pentagon's spokeswoman is placed by the title before her name (DOD, tests/data/dod_singh_kursk_11000.txt).
    A description without an office places no one: Wikinews, 2009 (CC BY 2.5), read in the GUM corpus
    (dep/GUM_interview_messina.conllu), https://en.wikinews.org/wiki/Frank_Messina:_An_interview_with_the_%27Mets_Poet%27."""
    assert affiliation("Rustem Umerov") is None
    assert described_affiliation("Rustem Umerov", UMEROV) == "Ukraine"
    singh = (
        "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy "
        "Pentagon Press Secretary Sabrina Singh, who spoke to the media today."
    )
    assert described_affiliation("Sabrina Singh", singh) == "United States"
    whitman = "Walt Whitman, the first great American poet, wrote about the Civil War."
    assert described_affiliation("Walt Whitman", whitman) is None


@pytest.mark.parametrize(
    ("text", "source", "kind", "stance", "expected"),
    [
        (RUSSIAN_OFFICIALS, "Russian officials", "anonymous", "refutes", "self_serving"),
        (ADMITS, "North Korea", "organization", "refutes", "self_serving"),
        (ADMITS, "North Korea", "organization", "supports", "disinterested"),  # an admission against its interest
        (UMEROV, "Rustem Umerov", "person", "supports", "interested"),
        (DOD_10000, "U.S. Department of Defense", "organization", "supports", "disinterested"),
        (NO_EVIDENCE, "Singh", "person", "refutes", "disinterested"),
        (ENTERING, "unattributed", "unattributed", "refutes", "disinterested"),
        (RUSSIAN_OFFICIALS, "Russian officials", "anonymous", "neutral", "disinterested"),
        (RUSSIAN_OFFICIALS, "Kremlin", "author", "refutes", "self_serving"),  # the Kremlin's own statement denying
        (RUSSIAN_OFFICIALS, "author", "author", "refutes", "disinterested"),
    ],
)
def test_assess_reliability_interest_of_a_source(
    text: str, source: str, kind: SourceKind, stance: Stance, expected: str
) -> None:
    roles = hypothesis_roles(H1)
    assert interest(make(text, source, kind, stance=stance), "H1", roles.parties, roles.opposing) == expected


@pytest.mark.parametrize(
    ("source", "stance", "expected"),
    [
        ("Ukraine's military intelligence service", "supports", "self_serving"),
        ("Ukraine's military intelligence service", "refutes", "disinterested"),
        ("Kremlin", "refutes", "self_serving"),
        ("Kremlin", "supports", "disinterested"),
    ],
)
def test_assess_reliability_interest_in_a_claimed_success(source: str, stance: Stance, expected: str) -> None:
    roles = hypothesis_roles("Ukrainian forces repelled the North Korean and Russian assault in Kursk")
    assert roles == (frozenset({"Ukraine", "North Korea", "Russia"}), frozenset({"North Korea", "Russia"}), True)
    claim = make(UMEROV, source, stance=stance)
    assert interest(claim, "H1", roles.parties, roles.opposing, roles.achievement) == expected


def test_assess_reliability_interest_without_roles_treats_parties_as_accused() -> None:
    claim = make(RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="refutes")
    assert interest(claim, "H1", parties(H1)) == "self_serving"
    assert interest(claim, "H1", frozenset({"Ukraine"})) == "disinterested"


@pytest.mark.parametrize(
    ("stance", "hedged", "evidence", "source", "kind", "corroborated", "contradicted", "digit"),
    [
        ("supports", False, "intelligence_assessment", "Pentagon", "organization", True, False, 1),
        ("supports", False, "intelligence_assessment", "Pentagon", "organization", True, True, 1),
        ("supports", True, "intelligence_assessment", "Pentagon", "organization", True, False, 2),
        ("supports", False, "imagery", "Pentagon", "organization", False, False, 2),
        ("supports", False, "imagery", "unattributed", "unattributed", False, False, 3),
        ("supports", False, "official_statement", "Kremlin", "organization", False, False, 3),
        ("supports", True, "imagery", "Pentagon", "organization", False, False, 4),
        ("refutes", False, "official_statement", "Kremlin", "organization", False, True, 5),
        ("neutral", False, "official_statement", "Kremlin", "organization", True, True, 6),
    ],
)
def test_assess_reliability_credibility_digit(
    stance: Stance,
    hedged: bool,
    evidence: str,
    source: str,
    kind: SourceKind,
    corroborated: bool,
    contradicted: bool,
    digit: int,
) -> None:
    claim = make(DOD_10000, source, kind, evidence, stance, hedged)
    assert credibility(claim, corroborated, contradicted) == digit


@pytest.mark.parametrize(("letter", "digit", "code"), [("B", 2, "B2"), ("F", 6, "F6"), ("A", 5, "A5")])
def test_assess_reliability_grade(letter: str, digit: int, code: str) -> None:
    assert grade(letter, digit) == code


@pytest.mark.parametrize(("letter", "digit"), [("G", 2), ("b", 2), ("B", 0), ("B", 7), ("", 1)])
def test_assess_reliability_grade_rejects_codes_outside_the_scale(letter: str, digit: int) -> None:
    with pytest.raises(ValueError, match="letters A-F, digits 1-6"):
        grade(letter, digit)


def test_assess_reliability_grade_claims_sets_code_and_default_flag() -> None:
    dod = make(DOD_10000, "U.S. Department of Defense", evidence="intelligence_assessment")
    kremlin = Claim(
        id="C2",
        doc="d",
        start=0,
        end=len(RUSSIAN_OFFICIALS),
        text=RUSSIAN_OFFICIALS,
        source=SourceRef(name="Kremlin", kind="organization"),
        stance={"H1": "refutes"},
    )
    graded = grade_claims([dod, kremlin], {"C1": (True, False), "C2": (False, True)}, {"Pentagon": "B"})
    assert [(c.reliability, c.reliability_default) for c in graded] == [("B1", False), ("C5", True)]
