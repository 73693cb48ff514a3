"""Origins and evidence groups: relays, syndicated copy and one origin's items, on real sentences of tests/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsift.assess import independence
from claimsift.assess.independence import corroboration, group_evidence, origin_key
from claimsift.model import Claim, SourceKind, SourceRef, Stance

DATA = Path(__file__).parent / "data"

# Real sentences (tests/data/*.txt).
NIS = (
    "South Korea's National Intelligence Service said the North had shipped 3,000 troops, including special "
    "forces, to Russia's Far East for training and acclimatising at military bases there, probably to be "
    "deployed for combat in the war."
)
NIS_IMAGES = (
    "Those the day before by Seoul's National Intelligence images of a concentration of troops deployed to "
    "special forces from the areas near Chongjin"
)
UNITS = (
    "Ukraine's military intelligence service said on Thursday that the first North Korean units trained in "
    "Russia had been deployed in the Kursk region, a Russian border area where Ukrainian forces staged a major "
    "incursion in August."
)
TOTAL = (
    "It said a total of around 12,000 North Korean troops, including 500 officers and three generals, were "
    "already in Russia, and training was taking place on five military bases."
)
KREMLIN = 'The Kremlin has previously dismissed reports about the North\'s troop deployment as "fake news".'
UKRAINE_CALL = (
    "Ukraine had called earlier on its allies to respond firmly to North Korean involvement into war by imposing "
    "new sanctions and further isolating Pyongyang."
)
SENT = "On Wednesday, the U.S. said it had seen evidence that North Korea has sent 3,000 troops to Russia"
PUTIN_TREATY = (
    "But Russian president Vladimir Putin said on Thursday that it was Moscow's business how to implement a "
    "partnership treaty with Pyongyang."
)
PUTIN = "Putin did not deny that North Korean troops were currently in Russia."
QUOTES = (NIS, NIS_IMAGES, UNITS, TOTAL, KREMLIN, UKRAINE_CALL, SENT, PUTIN_TREATY, PUTIN)
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


@pytest.mark.xfail(
    strict=True,
    reason="issue 9 item 6, not finished: some QUOTES come from the Reuters copy and the YouTube caption transcript "
    "removed from tests/data (not open text); they are still to be replaced by sentences of open texts",
)
def test_assess_independence_quotes_are_real_text() -> None:
    corpus = " ".join(p.read_text(encoding="utf-8") for p in DATA.glob("*.txt"))
    assert [q for q in QUOTES if q not in corpus] == []


@pytest.mark.parametrize(
    ("claim", "key"),
    [
        (make("C1", NIS, "South Korea's National Intelligence Service", entity="E36"), "E36"),
        (make("C1", NIS, "South Korea's National Intelligence Service"), "south korea national intelligence service"),
        (make("C1", NIS, "NIS"), "south korea national intelligence service"),
        (make("C1", NIS, "National Intelligence", via=("Kyiv Post",)), "south korea national intelligence service"),
        (make("C1", KREMLIN, "The Kremlin's"), "kremlin"),
        (make("C1", UKRAINE_CALL, "author", "author"), "author:voa_austin_nk_soldiers_in_russia"),
        (make("C1", UKRAINE_CALL, "unattributed", "unattributed", doc="x"), "unattributed:x"),
    ],
)
def test_assess_independence_origin_key(claim: Claim, key: str) -> None:
    assert origin_key(claim) == key


def test_assess_independence_ten_relays_of_one_statement_are_one_group() -> None:
    claims = [make(f"C{i}", KREMLIN, "Kremlin", doc=f"d{i}", via=(outlet,)) for i, outlet in enumerate(RELAYS, 1)]
    groups, grouped = group_evidence(claims)
    assert len(groups) == 1
    assert groups[0].relays == RELAYS
    assert groups[0].documents == tuple(f"d{i}" for i in range(1, 11))
    assert {c.group for c in grouped} == {"G1"}


def test_assess_independence_groups_are_numbered_in_order_of_first_claim() -> None:
    claims = [
        make("C1", UNITS, "Ukraine's military intelligence service", evidence="intelligence_assessment"),
        make("C2", KREMLIN, "Kremlin", stance="refutes"),
        make("C3", TOTAL, "Ukraine's military intelligence service", evidence="intelligence_assessment"),
        make("C4", NIS, "South Korea's National Intelligence Service", evidence="intelligence_assessment"),
    ]
    groups, grouped = group_evidence(claims)
    assert [(g.id, g.claims) for g in groups] == [("G1", ("C1", "C3")), ("G2", ("C2",)), ("G3", ("C4",))]
    assert [c.group for c in grouped] == ["G1", "G2", "G1", "G3"]
    assert [g.origin for g in groups] == [
        "Ukraine's military intelligence service",
        "Kremlin",
        "South Korea's National Intelligence Service",
    ]


def test_assess_independence_one_gazetteer_source_is_one_origin_across_entities() -> None:
    claims = [
        make("C1", PUTIN_TREATY, "Russian president Vladimir Putin", "person", entity="E15"),
        make("C2", PUTIN, "Putin", "person", entity="E16"),
        make("C3", NIS, "Seoul's National Intelligence Service", evidence="intelligence_assessment"),
        make("C4", NIS, "National Intelligence", evidence="intelligence_assessment", entity="E36", doc="t"),
    ]
    groups, _ = group_evidence(claims)
    assert [(g.origin, g.claims) for g in groups] == [
        ("Vladimir Putin", ("C1", "C2")),
        ("South Korea's National Intelligence Service", ("C3", "C4")),
    ]


def test_assess_independence_one_origin_splits_by_evidence_type() -> None:
    claims = [
        make("C1", NIS, "NIS", evidence="intelligence_assessment"),
        make("C2", NIS_IMAGES, "National Intelligence", doc="kursk_open_seams", evidence="imagery"),
    ]
    groups, _ = group_evidence(claims)
    assert [(g.evidence_type, g.claims, g.origin) for g in groups] == [
        ("intelligence_assessment", ("C1",), "South Korea's National Intelligence Service"),
        ("imagery", ("C2",), "South Korea's National Intelligence Service"),
    ]


def test_assess_independence_near_duplicates_of_one_origin_share_a_group_across_types() -> None:
    claims = [
        make("C1", UNITS, "Ukrainian intelligence agency", evidence="intelligence_assessment"),
        make("C2", UNITS.replace(" on Thursday", ""), "Ukrainian intelligence agency", evidence="media_report"),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1", "C2")]


def test_assess_independence_syndicated_copy_joins_the_earlier_group() -> None:
    claims = [
        make("C1", UKRAINE_CALL, "author", "author", doc="reuters"),
        make("C2", UKRAINE_CALL, "author", "author", doc="syndicated", via=("The Korea Times",)),
        make("C3", KREMLIN, "author", "author", doc="syndicated"),
    ]
    groups, grouped = group_evidence(claims)
    assert [(g.origin, g.claims, g.documents) for g in groups] == [
        ("author:reuters", ("C1", "C2"), ("reuters", "syndicated")),
        ("author:syndicated", ("C3",), ("syndicated",)),
    ]
    assert [c.group for c in grouped] == ["G1", "G1", "G2"]


def test_assess_independence_wire_copy_in_a_hundred_documents_is_one_group() -> None:
    claims = [make(f"C{i}", UKRAINE_CALL, "author", "author", doc=f"outlet{i}") for i in range(100)]
    groups, _ = group_evidence(claims)
    assert len(groups) == 1
    assert len(groups[0].documents) == 100


def test_assess_independence_unattributed_repeat_of_a_named_claim_is_circular() -> None:
    claims = [
        make("C1", NIS, "South Korea's National Intelligence Service", evidence="intelligence_assessment"),
        make("C2", NIS, "unattributed", "unattributed", doc="blog", evidence="media_report"),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1", "C2")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two named origins saying the same words are still two origins
        (("Kremlin", "organization", "d1"), ("Russian president Vladimir Putin", "person", "d2")),
        # a named claim after an unattributed one keeps its own origin
        (("unattributed", "unattributed", "d1"), ("Kremlin", "organization", "d2")),
        # one document's own repetition under another origin is not syndication
        (("Kremlin", "organization", "d1"), ("author", "author", "d1")),
    ],
)
def test_assess_independence_different_origins_do_not_merge(
    first: tuple[str, SourceKind, str], second: tuple[str, SourceKind, str]
) -> None:
    claims = [
        make("C1", KREMLIN, first[0], first[1], doc=first[2]),
        make("C2", KREMLIN, second[0], second[1], doc=second[2]),
    ]
    groups, _ = group_evidence(claims)
    assert [g.claims for g in groups] == [("C1",), ("C2",)]


def test_assess_independence_best_claim_comes_first() -> None:
    claims = [
        make("C1", TOTAL, "Ukrainian intelligence agency", stance="neutral", via=("Reuters",)),
        make("C2", UNITS, "Ukrainian intelligence agency", via=("Reuters", "Yonhap")),
        make("C3", UNITS, "Ukrainian intelligence agency"),
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
        make("C1", UNITS, "Ukrainian intelligence agency", evidence="intelligence_assessment"),
        make("C2", TOTAL, "Ukrainian intelligence agency", evidence="intelligence_assessment", via=("Reuters",)),
        make("C3", NIS, "South Korea's National Intelligence Service", evidence="intelligence_assessment"),
        make("C4", KREMLIN, "Kremlin", stance="refutes"),
        make("C5", SENT, "U.S.", stance="neutral"),
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
