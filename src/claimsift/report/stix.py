"""STIX 2.1 export (CONVENTIONS.md 3): claims as notes, sources as identities, verdicts as opinions.

The bundle holds:

- one ``identity`` for claimsift (the creator, ``created_by_ref`` of everything) and one per source and relay
  (identity_class individual, organization, or unknown for a document's author and unattributed reporting);
- one ``note`` per claim: content the claim's text, abstract its source and cue, object_refs its source and
  relays, confidence from the Admiralty credibility digit (STIX Appendix A table; omitted for 6), labels for
  evidence type, grade and stance, and an external reference to the document and span;
- one ``grouping`` per hypothesis (context "unspecified", name the hypothesis) of the notes that take a side
  on it, and one ``opinion`` on that grouping: agree or disagree by the probability, confidence from the DNI
  table of the ICD 203 word;
- ``relationship``s: source ``related-to`` note, relay ``related-to`` note, relay ``derived-from`` the
  source (or relay) it repeats;
- a ``report`` that refers to all of them, published on the newest document date, with external references
  to the documents (URL and SHA-256 of the text when there is a URL).

Ids are UUIDv5 over the content and timestamps come from the documents, so exporting the same analysis
again gives the same bundle, and a changed claim or verdict gets a new id, as STIX requires.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import stix2
from stix2.confidence.scales import admiralty_credibility_to_value, dni_to_value

from claimsift.model import Analysis, Assessment, Claim, Document, EvidenceGroup

NAMESPACE = uuid.UUID("6f1c4f0e-8d5b-5a7e-9c2a-3b7d2c1e4a90")
"""Namespace of claimsift's deterministic STIX ids."""
CREDIBILITY = {
    "1": "1 - Confirmed by other sources",
    "2": "2 - Probably True",
    "3": "3 - Possibly True",
    "4": "4 - Doubtful",
    "5": "5 - Improbable",
}
DNI = {
    "almost_no_chance": "Almost No Chance / Remote",
    "very_unlikely": "Very Unlikely / Highly Improbable",
    "unlikely": "Unlikely / Improbable",
    "even": "Roughly Even Chance / Roughly Even Odds",
    "likely": "Likely / Probable",
    "very_likely": "Very Likely / Highly Probable",
    "almost_certain": "Almost Certain / Nearly Certain",
}
IDENTITY_CLASS = {"person": "individual", "organization": "organization"}


def stix_id(kind: str, *parts: object) -> str:
    """A deterministic STIX id: ``kind--uuid5(claimsift namespace, kind and parts)``."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, chr(31).join([kind, *(str(p) for p in parts)]))}"


def note_confidence(reliability: str | None) -> int | None:
    """STIX confidence from the Admiralty credibility digit: 1 -> 90 ... 5 -> 10; None for 6 or no grade."""
    digit = (reliability or "")[1:]
    return admiralty_credibility_to_value(CREDIBILITY[digit]) if digit in CREDIBILITY else None


def opinion_value(probability: float) -> str:
    """strongly-agree >= 0.8, agree >= 0.55, strongly-disagree <= 0.2, disagree <= 0.45, else neutral."""
    if probability >= 0.8:
        return "strongly-agree"
    if probability >= 0.55:
        return "agree"
    if probability <= 0.2:
        return "strongly-disagree"
    if probability <= 0.45:
        return "disagree"
    return "neutral"


def opinion_confidence(wep: str) -> int:
    """STIX confidence of the ICD 203 word by the DNI table (5, 15, 30, 50, 70, 85, 95)."""
    label = DNI[wep]
    try:
        return int(dni_to_value(label))
    except ValueError:  # older stix2 releases spell the even row "Roughly Even Change"
        return int(dni_to_value(label.replace("Chance /", "Change /")))


class _Builder:
    """Collects the objects of one bundle, each id made once."""

    def __init__(self, analysis: Analysis, created: datetime) -> None:
        self.analysis = analysis
        self.stamp = created
        self.creator = stix2.Identity(
            id=stix_id("identity", "claimsift"),
            name="claimsift",
            identity_class="system",
            description="claimsift: attributed claims and calibrated verdicts, made offline",
            created=created,
            modified=created,
        )
        self.objects: dict[str, Any] = {self.creator.id: self.creator}
        self.groups = {g.id: g for g in analysis.groups}
        self.docs = {d.id: d for d in analysis.documents}

    def common(self) -> dict[str, Any]:
        return {"created": self.stamp, "modified": self.stamp, "created_by_ref": self.creator.id}

    def add(self, obj: Any) -> str:
        self.objects.setdefault(obj.id, obj)
        return str(obj.id)

    def identity(self, name: str, kind: str, description: str | None = None) -> str:
        cls = IDENTITY_CLASS.get(kind, "unknown")
        oid = stix_id("identity", cls, " ".join(name.casefold().split()))
        if oid not in self.objects:
            self.add(stix2.Identity(id=oid, name=name, identity_class=cls, description=description, **self.common()))
        return oid

    def relationship(self, kind: str, source: str, target: str, description: str) -> str:
        oid = stix_id("relationship", kind, source, target)
        if oid not in self.objects:
            self.add(
                stix2.Relationship(
                    id=oid,
                    relationship_type=kind,
                    source_ref=source,
                    target_ref=target,
                    description=description,
                    **self.common(),
                )
            )
        return oid


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


def document_reference(d: Document, description: str | None = None) -> stix2.ExternalReference:
    """An external reference to a document: its outlet or title, URL and SHA-256 of its text."""
    url = _web_url(d.url)
    ref: dict[str, Any] = {
        "source_name": d.outlet or d.title or d.id,
        "description": description or d.title or d.id,
        "external_id": d.id,
    }
    if url:
        ref["url"] = url
        ref["hashes"] = {"SHA-256": hashlib.sha256(d.text.encode("utf-8")).hexdigest()}
    return stix2.ExternalReference(**ref)


def _source(c: Claim, group: EvidenceGroup | None) -> tuple[str, str]:
    """Canonical name and kind of the claim's original source."""
    if c.source.kind in ("author", "unattributed"):
        return (group.label if group else f"{c.source.kind} of {c.doc}"), c.source.kind
    return (group.origin if group else c.source.name), c.source.kind


def _labels(c: Claim) -> list[str]:
    labels = [f"evidence-type:{c.evidence_type}"]
    if c.reliability:
        labels.append(f"admiralty:{c.reliability}" + (":default" if c.reliability_default else ""))
    labels += [f"stance:{h}:{s}" for h, s in sorted(c.stance.items()) if s != "neutral"]
    labels += [flag for flag, on in (("hedged", c.hedged), ("fragmentary", c.fragmentary)) if on]
    return labels


def _note(b: _Builder, c: Claim) -> str:
    name, kind = _source(c, b.groups.get(c.group or ""))
    source = b.identity(name, kind)
    relays = [b.identity(v, "relay", "relays claims of other sources") for v in c.via]
    doc = b.docs.get(c.doc)
    span = f"{c.doc}, characters {c.start}-{c.end}"
    refs = [document_reference(doc, span)] if doc else []
    note = stix2.Note(
        id=stix_id("note", c.doc, c.start, c.end, c.text, name, c.reliability, sorted(c.stance.items())),
        content=c.text,
        abstract=f"{name} ({c.cue})" if c.cue else name,
        object_refs=list(dict.fromkeys([source, *relays])),
        confidence=note_confidence(c.reliability),
        labels=_labels(c),
        external_references=refs or None,
        **b.common(),
    )
    nid = b.add(note)
    b.relationship("related-to", source, nid, "asserts this claim")
    chain = [*relays, source]
    for i, relay in enumerate(relays):
        b.relationship("related-to", relay, nid, "relays this claim")
        b.relationship("derived-from", relay, chain[i + 1], "repeats what this source said")
    return nid


def _verdict(b: _Builder, a: Assessment, notes: dict[str, str]) -> None:
    h = a.hypothesis
    sided = [notes[c.id] for c in b.analysis.claims if c.stance.get(h.id, "neutral") != "neutral"]
    refs = list(dict.fromkeys(sided or list(notes.values()) or [b.creator.id]))
    grouping = stix2.Grouping(
        id=stix_id("grouping", h.id, h.text, *refs),
        name=h.text,
        context="unspecified",
        object_refs=refs,
        description=f"{h.id}: the claims that support or refute this hypothesis ({len(sided)})",
        labels=[f"hypothesis:{h.id}"],
        **b.common(),
    )
    gid = b.add(grouping)
    b.add(
        stix2.Opinion(
            id=stix_id("opinion", gid, a.probability, a.wep),
            opinion=opinion_value(a.probability),
            explanation=a.summary or f"{h.id}: probability {a.probability:.2f}",
            object_refs=[gid],
            confidence=opinion_confidence(a.wep),
            labels=[f"hypothesis:{h.id}", f"wep:{a.wep}"],
            **b.common(),
        )
    )


def newest_date(documents: Iterable[Document]) -> datetime | None:
    """The newest `published` date of the documents, as midnight UTC."""
    days = []
    for d in documents:
        try:
            days.append(datetime.strptime((d.published or "")[:10], "%Y-%m-%d").replace(tzinfo=UTC))
        except ValueError:
            continue
    return max(days, default=None)


def _report(b: _Builder, published: datetime) -> stix2.Report:
    a = b.analysis
    refs = list(b.objects)
    hyps = "; ".join(x.hypothesis.text for x in a.assessments)
    name = f"claimsift: {hyps}" if hyps else f"claimsift: {len(a.documents)} documents"
    verdicts = " ".join(f"{x.hypothesis.id}: {x.summary}." for x in a.assessments if x.summary)
    counts = f"{len(a.claims)} claims from {len(a.documents)} documents, {len(a.groups)} evidence groups."
    description = f"{counts} {verdicts}"
    doc_refs = [document_reference(d) for d in a.documents]
    return stix2.Report(
        id=stix_id("report", *sorted(refs)),
        name=name[:250],
        description=description.strip(),
        published=published,
        object_refs=refs,
        external_references=doc_refs or None,
        **b.common(),
    )


def to_stix_bundle(analysis: Analysis, *, created: datetime | None = None) -> dict[str, Any]:
    """The analysis as a STIX 2.1 bundle (a JSON-ready dict) that passes stix2-validator.

    Args:
        created: `created`/`modified` of every object; by default the newest document date (midnight
            UTC), or the Unix epoch when no document is dated, so that a re-export is identical.
    """
    published = newest_date(analysis.documents)
    stamp = created or published or datetime(1970, 1, 1, tzinfo=UTC)
    builder = _Builder(analysis, stamp)
    notes = {c.id: _note(builder, c) for c in analysis.claims}
    for a in analysis.assessments:
        _verdict(builder, a, notes)
    report = _report(builder, published or stamp)
    objects: Sequence[Any] = [report, *builder.objects.values()]
    bundle = stix2.Bundle(objects=list(objects), id=stix_id("bundle", report.id))
    data: dict[str, Any] = json.loads(bundle.serialize())
    return data


def render_stix(analysis: Analysis) -> str:
    """The bundle as indented JSON text."""
    return json.dumps(to_stix_bundle(analysis), ensure_ascii=False, indent=2) + "\n"
