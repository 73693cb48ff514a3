"""Origins and evidence groups: relays, syndicated copy and one origin's items, on real sentences of tests/data."""

from __future__ import annotations

import pytest

from claimsift.assess import independence
from claimsift.assess.independence import corroboration, group_evidence, origin_key
from claimsift.model import Claim, SourceKind, SourceRef, Stance
from opentext import (
    AUSTIN,
    DOD_10000,
    ENTERING,
    FIRST_BATTLES,
    KURSK,
    NO_EVIDENCE,
    RUSSIAN_OFFICIALS,
    SMALL_NUMBER,
    SMALL_SCALE,
    UMEROV,
)

QUOTES = (
    DOD_10000,
    SMALL_NUMBER,
    UMEROV,
    SMALL_SCALE,
    KURSK,
    FIRST_BATTLES,
    RUSSIAN_OFFICIALS,
    NO_EVIDENCE,
    ENTERING,
    AUSTIN,
)
RELAYS = ("Reuters", "Yonhap", "BBC", "Kyiv Post", "El País", "Associated Press", "AFP", "NHK", "CNN", "Politico")


def make(
    cid: str,
    text: str,
    source: str,
    kind: SourceKind = "organization",
    *,
    doc: str = "voa_austin_nk_soldiers_in_russia",
    evidence: str = "official_statement",
    stance: Stance = "supports",
    via: tuple[str, ...] = (),
    entity: str | None = None,
) -> Claim:
    return Claim(
        id=cid,
        doc=doc,
        start=0,
        end=len(text),
        text=text,
        source=SourceRef(name=source, kind=kind, entity=entity),
        via=via,
        evidence_type=evidence,
        stance={"H1": stance},
    )


@pytest.mark.parametrize(
    ("claim", "key"),
    [
        (make("C1", DOD_10000, "U.S. Department of Defense", entity="E36"), "E36"),
        (make("C1", DOD_10000, "U.S. Department of Defense"), "pentagon"),
        (make("C1", DOD_10000, "DoD"), "pentagon"),
        (make("C1", DOD_10000, "Department of Defense", via=("VOA",)), "pentagon"),
        (make("C1", SMALL_NUMBER, "The Pentagon's"), "pentagon"),
        (make("C1", ENTERING, "author", "author"), "author:voa_austin_nk_soldiers_in_russia"),
        (make("C1", ENTERING, "unattributed", "unattributed", doc="x"), "unattributed:x"),
    ],
)
def test_assess_independence_origin_key(claim: Claim, key: str) -> None:
    assert origin_key(claim) == key


def test_assess_independence_ten_relays_of_one_statement_are_one_group() -> None:
    claims = [make(f"C{i}", SMALL_NUMBER, "Pentagon", doc=f"d{i}", via=(outlet,)) for i, outlet in enumerate(RELAYS, 1)]
    groups, grouped = group_evidence(claims)
    assert len(groups) == 1
    assert groups[0].relays == RELAYS
    assert groups[0].documents == tuple(f"d{i}" for i in range(1, 11))
    assert {c.group for c in grouped} == {"G1"}


def test_assess_independence_groups_are_numbered_in_order_of_first_claim() -> None:
    claims = [
        make("C1", UMEROV, "Rustem Umerov", "person"),
        make("C2", RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="refutes"),
        make("C3", SMALL_SCALE, "Rustem Umerov", "person"),
        make("C4", DOD_10000, "U.S. Department of Defense", evidence="intelligence_assessment"),
    ]
    groups, grouped = group_evidence(claims)
    assert [(g.id, g.claims) for g in groups] == [("G1", ("C1", "C3")), ("G2", ("C2",)), ("G3", ("C4",))]
    assert [c.group for c in grouped] == ["G1", "G2", "G1", "G3"]
    assert [g.origin for g in groups] == [
        "Rustem Umerov",
        "Russian officials",
        "Pentagon",
    ]


def test_assess_independence_one_gazetteer_source_is_one_origin_across_entities() -> None:
    claims = [
        make("C1", KURSK, "Ukrainian President Volodymyr Zelenskyy", "person", entity="E15"),
        make("C2", FIRST_BATTLES, "Zelenskyy", "person", entity="E16"),
        make("C3", DOD_10000, "U.S. Department of Defense", evidence="intelligence_assessment"),
        make("C4", SMALL_NUMBER, "Pentagon", evidence="intelligence_assessment", entity="E36", doc="t"),
    ]
    groups, _ = group_evidence(claims)
    assert [(g.origin, g.claims) for g in groups] == [
        ("Volodymyr Zelenskyy", ("C1", "C2")),
        ("Pentagon", ("C3", "C4")),
    ]


def test_assess_independence_one_origin_splits_by_evidence_type() -> None:
    claims = [
        make("C1", DOD_10000, "DoD", evidence="intelligence_assessment"),
        make("C2", SMALL_NUMBER, "Pentagon", doc="kursk_open_seams", evidence="imagery"),
    ]
    groups, _ = group_evidence(claims)
    assert [(g.evidence_type, g.claims, g.origin) for g in groups] == [
        ("intelligence_assessment", ("C1",), "Pentagon"),
        ("imagery", ("C2",), "Pentagon"),
    ]


def test_assess_independence_near_duplicates_of_one_origin_share_a_group_across_types() -> None:
    claims = [
        make("C1", UMEROV, "Rustem Umerov", "person", evidence="official_statement"),
        make("C2", UMEROV.replace(" also", ""), "Rustem Umerov", "person", evidence="media_report"),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1", "C2")]


def test_assess_independence_syndicated_copy_joins_the_earlier_group() -> None:
    claims = [
        make("C1", ENTERING, "author", "author", doc="dod"),
        make("C2", ENTERING, "author", "author", doc="syndicated", via=("DVIDS",)),
        make("C3", RUSSIAN_OFFICIALS, "author", "author", doc="syndicated"),
    ]
    groups, grouped = group_evidence(claims)
    assert [(g.origin, g.claims, g.documents) for g in groups] == [
        ("author:dod", ("C1", "C2"), ("dod", "syndicated")),
        ("author:syndicated", ("C3",), ("syndicated",)),
    ]
    assert [c.group for c in grouped] == ["G1", "G1", "G2"]


def test_assess_independence_wire_copy_in_a_hundred_documents_is_one_group() -> None:
    claims = [make(f"C{i}", ENTERING, "author", "author", doc=f"outlet{i}") for i in range(100)]
    groups, _ = group_evidence(claims)
    assert len(groups) == 1
    assert len(groups[0].documents) == 100


def test_assess_independence_unattributed_repeat_of_a_named_claim_is_circular() -> None:
    claims = [
        make("C1", DOD_10000, "U.S. Department of Defense", evidence="intelligence_assessment"),
        make("C2", DOD_10000, "unattributed", "unattributed", doc="blog", evidence="media_report"),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1", "C2")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two named origins saying the same words are still two origins
        (("Pentagon", "organization", "d1"), ("U.S. Defense Secretary Lloyd Austin", "person", "d2")),
        # a named claim after an unattributed one keeps its own origin
        (("unattributed", "unattributed", "d1"), ("Pentagon", "organization", "d2")),
        # one document's own repetition under another origin is not syndication
        (("Pentagon", "organization", "d1"), ("author", "author", "d1")),
    ],
)
def test_assess_independence_different_origins_do_not_merge(
    first: tuple[str, SourceKind, str], second: tuple[str, SourceKind, str]
) -> None:
    claims = [
        make("C1", SMALL_NUMBER, first[0], first[1], doc=first[2]),
        make("C2", SMALL_NUMBER, second[0], second[1], doc=second[2]),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1",), ("C2",)]


def test_assess_independence_best_claim_comes_first() -> None:
    claims = [
        make("C1", SMALL_SCALE, "Rustem Umerov", "person", stance="neutral", via=("VOA",)),
        make("C2", UMEROV, "Rustem Umerov", "person", via=("VOA", "KBS")),
        make("C3", UMEROV, "Rustem Umerov", "person"),
    ]
    groups, _ = group_evidence(claims)
    assert groups[0].claims == ("C3", "C2", "C1")


def test_assess_independence_fuzzy_comparisons_grow_about_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = independence.fuzz.token_set_ratio

    def counting(a: str, b: str) -> float:
        nonlocal calls
        calls += 1
        return float(real(a, b))

    monkeypatch.setattr(independence.fuzz, "token_set_ratio", counting)
    sentences = [s.split() for s in QUOTES]
    claims = []
    for i in range(1500):
        words = sentences[i % len(sentences)]
        text = " ".join(words[: 4 + i % 7] + [f"item{i}", f"unit{i * 7}"])
        kind: SourceKind = "author" if i % 3 == 0 else "organization"
        claims.append(make(f"C{i}", text, f"Source {i % 50}", kind, doc=f"d{i % 20}"))
    groups, _ = group_evidence(claims)
    assert len(groups) > 50
    assert calls < 15 * len(claims)


def test_assess_independence_corroboration_needs_another_origin() -> None:
    claims = [
        make("C1", UMEROV, "Rustem Umerov", "person"),
        make("C2", SMALL_SCALE, "Rustem Umerov", "person", via=("VOA",)),
        make("C3", DOD_10000, "U.S. Department of Defense", evidence="intelligence_assessment"),
        make("C4", NO_EVIDENCE, "Singh", "person", stance="refutes"),
        make("C5", AUSTIN, "Lloyd Austin", "person", stance="neutral"),
    ]
    groups, grouped = group_evidence(claims)
    assert corroboration(grouped, groups) == {
        "C1": (True, True),
        "C2": (True, True),
        "C3": (True, True),
        "C4": (False, True),
        "C5": (False, False),
    }
    alone = [c for c in grouped if c.id in ("C1", "C2")]
    assert corroboration(alone, groups) == {"C1": (False, False), "C2": (False, False)}
