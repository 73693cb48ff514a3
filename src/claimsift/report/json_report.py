"""The JSON report, schema "claimsift/1" (DESIGN.md): the contract tests and the scorer read."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from claimsift.model import (
    Analysis,
    Assessment,
    Claim,
    Document,
    DocumentStance,
    Entity,
    EvidenceGroup,
    TimeExpr,
    Turn,
)
from claimsift.safe_text import escape_controls_in_json

SCHEMA = "claimsift/1"


def _document(
    d: Document, include_text: bool, turns: tuple[Turn, ...] = (), stance: Mapping[str, DocumentStance] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "outlet": d.outlet,
        "url": d.url,
        "published": d.published,
        "kind": d.kind,
        "format": d.format,
        "turns": [
            {"speaker": t.speaker, "label": t.label, "start": t.start, "end": t.end, "questioner": t.questioner}
            for t in turns
        ],
        "stance": {h: {"label": st.label, "claims": list(st.claims)} for h, st in (stance or {}).items()},
    }
    for key, value in (("author", d.author), ("fetched", d.fetched)):
        if value:
            out[key] = value
    if d.warnings:
        out["warnings"] = list(d.warnings)
    if include_text:
        out["text"] = d.text
    return out


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }


def provenance(c: Claim, document: Document | None) -> dict[str, Any]:
    """Where the claim is in the original: its ``page`` (PDF) or ``time`` in seconds (captions), when known."""
    out: dict[str, Any] = {}
    if document is not None and document.pages:
        out["page"] = document.page_at(c.start)
    if document is not None and document.times:
        out["time"] = document.time_at(c.start)
    return out


def _claim(c: Claim, document: Document | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"name": c.source.name, "kind": c.source.kind, "entity": c.source.entity}
    if c.source.start is not None:
        source["start"], source["end"] = c.source.start, c.source.end
    if c.source.resolved_from:
        source["resolved_from"] = c.source.resolved_from
    return {
        "id": c.id,
        "doc": c.doc,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "source": source,
        "via": list(c.via),
        "cue": c.cue,
        "cue_polarity": c.cue_polarity,
        "evidence_type": c.evidence_type,
        "hedged": c.hedged,
        "hedge_cues": list(c.hedge_cues),
        "event_date": c.event_date,
        "stated_date": c.stated_date,
        "fragmentary": c.fragmentary,
        "stance": dict(c.stance),
        "reliability": c.reliability,
        "reliability_default": c.reliability_default,
        "group": c.group,
        **provenance(c, document),
    }


def _date(d: TimeExpr) -> dict[str, Any]:
    return {"doc": d.doc, "start": d.start, "end": d.end, "text": d.text, "value": d.value, "grain": d.grain}


def _hypothesis(a: Assessment) -> dict[str, Any]:
    h = a.hypothesis
    return {
        "id": h.id,
        "text": h.text,
        "prior": h.prior,
        "probability": a.probability,
        "wep": a.wep,
        "summary": a.summary,
        "drivers": [{"claim": d.claim, "log_odds": d.log_odds, "reason": d.reason} for d in a.drivers],
        "ach": a.ach,
    }


def to_dict(analysis: Analysis, include_text: bool = False) -> dict[str, Any]:
    """The whole analysis as plain JSON-ready data."""
    docs = {d.id: d for d in analysis.documents}
    return {
        "schema": SCHEMA,
        "documents": [
            _document(d, include_text, analysis.turns.get(d.id, ()), analysis.doc_stances.get(d.id))
            for d in analysis.documents
        ],
        "entities": [_entity(e) for e in analysis.entities],
        "claims": [_claim(c, docs.get(c.doc)) for c in analysis.claims],
        "dates": [_date(d) for d in analysis.dates],
        "hypotheses": [_hypothesis(a) for a in analysis.assessments],
        "groups": [_group(g) for g in analysis.groups],
        "ach": analysis.ach,
    }


def _group(g: EvidenceGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "origin": g.origin,
        "origin_kind": g.origin_kind,
        "evidence_type": g.evidence_type,
        "claims": list(g.claims),
        "relays": list(g.relays),
        "documents": list(g.documents),
    }


def render_json(analysis: Analysis, include_text: bool = False) -> str:
    """JSON text, UTF-8 friendly (no ASCII escaping), indented for people who open it."""
    return escape_controls_in_json(json.dumps(to_dict(analysis, include_text), ensure_ascii=False, indent=2)) + "\n"
