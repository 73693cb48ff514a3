"""schema.org ClaimReview JSON-LD (CONVENTIONS.md 4): one review per claim that takes a side.

A claim is rated by what claimsift concluded about the hypothesis it bears on: a claim that supports a
hypothesis judged very likely is itself very likely; one that refutes it is very unlikely. The rating is
the seven ICD 203 words as 1..7 (1 = almost no chance ... 7 = almost certain), the word as
``alternateName`` (the part readers see), and ``ratingExplanation`` names the hypothesis and publishes the
number-to-word mapping, as Google asks. When a claim bears on several hypotheses, the most decisive
verdict (farthest from even) rates it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from claimsift.model import WEP_SCALE, Analysis, Assessment, Claim, Document, wep_for

SCALE = [name for name, _low, _high in WEP_SCALE]
WORDS = {
    "almost_no_chance": "Almost no chance",
    "very_unlikely": "Very unlikely",
    "unlikely": "Unlikely",
    "even": "Roughly even chance",
    "likely": "Likely",
    "very_likely": "Very likely",
    "almost_certain": "Almost certain",
}
"""ICD 203 row 1, capitalised as a textual rating."""
MAPPING = ", ".join(f"{i} = {WORDS[w].lower()}" for i, w in enumerate(SCALE, 1))
CLAIM_LIMIT = 75


def short_claim(value: str, limit: int = CLAIM_LIMIT) -> str:
    """The claim on one line in at most `limit` characters, cut at a word with an ellipsis."""
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def rating_value(wep: str, stance: str) -> int:
    """1..7: the hypothesis' place on the ICD 203 scale, mirrored for a claim that refutes it."""
    value = SCALE.index(wep) + 1 if wep in SCALE else 4
    return value if stance == "supports" else len(SCALE) + 1 - value


def _deciding(c: Claim, assessments: Mapping[str, Assessment]) -> tuple[Assessment, str] | None:
    sided = [(assessments[h], s) for h, s in c.stance.items() if s in ("supports", "refutes") and h in assessments]
    if not sided:
        return None
    return max(sided, key=lambda pair: abs(pair[0].probability - 0.5))


def _author(c: Claim, origin: str | None) -> dict[str, Any] | None:
    """Person or Organization by the kind of source, named canonically (the evidence group's origin)."""
    kinds = {"person": "Person", "organization": "Organization"}
    if c.source.kind in kinds:
        return {"@type": kinds[c.source.kind], "name": origin or c.source.name}
    return None


def _appearance(d: Document | None, doc_id: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": (d.title or d.id) if d else doc_id}
    if d is None:
        return work
    if d.url and urlsplit(d.url).scheme.lower() in ("http", "https"):
        work["url"] = d.url
    if d.outlet:
        work["publisher"] = {"@type": "Organization", "name": d.outlet}
    if d.published:
        work["datePublished"] = d.published
    return work


def _item(c: Claim, d: Document | None, origin: str | None) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(d, c.doc)}
    author = _author(c, origin)
    if author is None and c.source.kind == "author" and d is not None and d.outlet:
        author = {"@type": "Organization", "name": d.outlet}
    if author is not None:
        claim["author"] = author
    when = c.stated_date or (d.published if d else None)
    if when:
        claim["datePublished"] = when
    return claim


@dataclass(frozen=True, slots=True)
class _Page:
    """What every review on the page shares."""

    base: str
    reviewer: dict[str, Any]
    published: str
    documents: Mapping[str, Document]
    origins: Mapping[str, str]
    """Evidence group id -> canonical name of its origin."""


def _rating(a: Assessment, stance: str) -> dict[str, Any]:
    wep = a.wep if a.wep in SCALE else wep_for(a.probability)
    value = rating_value(wep, stance)
    word = WORDS[SCALE[value - 1]]
    explanation = (
        f"This claim {stance} the hypothesis {a.hypothesis.id}, “{a.hypothesis.text}”, which claimsift judges "
        f"{a.summary or WORDS[wep].lower()}. Scale: {MAPPING}."
    )
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": len(SCALE),
        "worstRating": 1,
        "alternateName": word,
        "name": word,
        "ratingExplanation": explanation,
    }


def _review(c: Claim, a: Assessment, stance: str, page: _Page) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page.base}#claim-{c.id}",
        "claimReviewed": short_claim(c.text),
        "author": page.reviewer,
        "datePublished": page.published,
        "itemReviewed": _item(c, page.documents.get(c.doc), page.origins.get(c.group or "")),
        "reviewRating": _rating(a, stance),
    }


def to_claimreview(
    analysis: Analysis,
    url_base: str = "https://example.org/claimsift",
    *,
    reviewer: str = "claimsift",
    date_published: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview items, one per claim that supports or refutes a hypothesis.

    Args:
        url_base: the page the reviews are published on; each review's url is ``url_base#claim-ID``.
        reviewer: the name of the fact-checking organization (the review's author).
        date_published: YYYY-MM-DD of the review; today by default.
    """
    assessments = {a.hypothesis.id: a for a in analysis.assessments}
    base = url_base.split("#", 1)[0]
    page = _Page(
        base=base,
        reviewer={"@type": "Organization", "name": reviewer, "url": base},
        published=date_published or date.today().isoformat(),
        documents={d.id: d for d in analysis.documents},
        origins={g.id: g.origin for g in analysis.groups},
    )
    items = []
    for c in analysis.claims:
        deciding = _deciding(c, assessments)
        if deciding is not None:
            items.append(_review(c, deciding[0], deciding[1], page))
    return items


def render_claimreview(analysis: Analysis, url_base: str = "https://example.org/claimsift") -> str:
    """The items as a JSON-LD array, indented."""
    return json.dumps(to_claimreview(analysis, url_base), ensure_ascii=False, indent=2) + "\n"
