"""The HTML report: one self-contained file (no network, no CDN) that opens offline and prints well.

Jinja2 with autoescape renders the page; every string from a document goes through markupsafe escaping,
either in the template or in `highlight` below, and the pictures come from `svg` and `sourcegraph`, which
escape too. The small script and style sheet are inlined, and a Content-Security-Policy allows exactly
those two (by hash) and nothing else, so even a mistake in escaping could not run injected script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import metadata, resources
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from claimsift.model import Analysis, Assessment, Claim, Document
from claimsift.report import sourcegraph, svg
from claimsift.report.highlight import highlight, overall_stance, source_label
from claimsift.report.svg import ICD_WORDS, HistoryPoint, TimelineMark

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
"""NATO Admiralty labels (CONVENTIONS.md 1)."""
ACH_MARKS = ("CC", "C", "N", "I", "II", "NA")


def render_html(
    analysis: Analysis,
    history: Mapping[str, Sequence[HistoryPoint]] | None = None,
    *,
    title: str | None = None,
) -> str:
    """The whole report as one HTML page.

    Args:
        analysis: what `claimsift.analyze` (or a case) produced.
        history: hypothesis id -> (date, probability) steps of a case, for the belief-over-time curve;
            None or no points draws no curve.
        title: the page title; by default built from the documents.
    """
    js, css = _static("report.js"), _static("report.css")
    docs = {d.id: d for d in analysis.documents}
    page = (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title or _title(analysis),
            version=_version(),
            analysis=analysis,
            verdicts=[_verdict(analysis, a) for a in analysis.assessments],
            timeline=Markup(svg.timeline(*_timeline_inputs(analysis))),
            belief=Markup(
                svg.belief_curve(history or {}, {a.hypothesis.id: _hyp_label(a) for a in analysis.assessments})
            ),
            graph=Markup(sourcegraph.source_graph(analysis)),
            ach=_ach(analysis),
            documents=[_document(analysis, d) for d in analysis.documents],
            claims=[_claim_row(c, docs.get(c.doc)) for c in analysis.claims],
            data={"claims": _claim_details(analysis), "hypotheses": [a.hypothesis.id for a in analysis.assessments]},
            stance_colours=svg.STANCE_COLOURS,
            script=Markup(js),
            style=Markup(css),
            csp=_csp(js, css),
        )
    )
    return page


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimsift.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _static(name: str) -> str:
    return resources.files("claimsift.report").joinpath("static", name).read_text(encoding="utf-8")


def _version() -> str:
    try:
        return metadata.version("claimsift")
    except metadata.PackageNotFoundError:
        return "unknown"


def _csp(js: str, css: str) -> str:
    """Allow exactly the inlined script and style sheet; no network, no other script."""

    def sha(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"

    return (
        f"default-src 'none'; script-src {sha(js)}; style-src {sha(css)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _title(analysis: Analysis) -> str:
    names = [d.title or d.id for d in analysis.documents]
    if len(names) == 1:
        return f"claimsift report: {names[0]}"
    return f"claimsift report: {len(names)} documents"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a `javascript:` or `data:` URL never becomes a link."""
    if not url:
        return None
    stripped = "".join(ch for ch in url.strip() if ch.isprintable() and not ch.isspace())
    return stripped if urlsplit(stripped).scheme.lower() in ("http", "https") else None


def grade_meaning(code: str | None) -> str:
    """B2 -> "B: usually reliable; 2: probably true"."""
    if not code:
        return "not graded"
    letter, digit = code[:1], code[1:]
    return f"{letter}: {RELIABILITY.get(letter, '?')}; {digit}: {CREDIBILITY.get(digit, '?')}"


def _hyp_label(a: Assessment) -> str:
    return f"{a.hypothesis.id}: {a.hypothesis.text}"


def _excerpt(value: str, limit: int = 140) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --- verdicts --------------------------------------------------------------------------------------


def _verdict(analysis: Analysis, a: Assessment) -> dict[str, Any]:
    by_id = {c.id: c for c in analysis.claims}
    biggest = max((abs(d.log_odds) for d in a.drivers), default=1.0) or 1.0
    drivers = []
    for d in a.drivers:
        c = by_id.get(d.claim)
        if c is None:
            continue
        drivers.append(
            {
                "claim": c.id,
                "log_odds": d.log_odds,
                "width": round(abs(d.log_odds) / biggest * 100),
                "side": "supports" if d.log_odds >= 0 else "refutes",
                "source": source_label(c),
                "via": list(c.via),
                "evidence": c.evidence_type.replace("_", " "),
                "grade": c.reliability or "",
                "default": c.reliability_default,
                "excerpt": _excerpt(c.text),
                "reason": d.reason,
            }
        )
    summary = a.summary[:1].upper() + a.summary[1:] if a.summary else ""
    return {
        "id": a.hypothesis.id,
        "text": a.hypothesis.text,
        "percent": svg.percent(a.probability),
        "words": ICD_WORDS.get(a.wep, a.wep),
        "wep": a.wep,
        "summary": summary,
        "bar": Markup(svg.probability_bar(a.probability, a.wep)),
        "drivers": drivers,
        "lead": bool(a.ach.get("least_inconsistent")),
        "prior": svg.percent(a.hypothesis.prior),
    }


# --- timeline --------------------------------------------------------------------------------------


def _timeline_inputs(
    analysis: Analysis,
) -> tuple[list[TimelineMark], list[tuple[str, str]], list[tuple[Any, str]]]:
    ids = [a.hypothesis.id for a in analysis.assessments]
    marks = []
    for c in analysis.claims:
        day = svg.parse_day(c.event_date or c.stated_date)
        if day is None:
            continue
        when = f"{c.event_date} (event)" if c.event_date else f"{c.stated_date} (stated)"
        label = f"{c.id} · {when} · {source_label(c)}: {_excerpt(c.text, 160)}"
        sides: list[tuple[str, str]] = [(h, s) for h, s in c.stance.items() if h in ids and s != "neutral"]
        for h, s in sides or [("none", "neutral")]:
            marks.append(TimelineMark(claim=c.id, day=day, lane=h, stance=s, stated=not c.event_date, label=label))
    lanes = [(a.hypothesis.id, _hyp_label(a)) for a in analysis.assessments] + [("none", "no side taken")]
    published = [(day, d.outlet or d.title or d.id) for d in analysis.documents if (day := svg.parse_day(d.published))]
    return marks, lanes, published


# --- ACH matrix ------------------------------------------------------------------------------------


def _ach(analysis: Analysis) -> dict[str, Any] | None:
    rows = analysis.ach.get("rows")
    if not isinstance(rows, list) or not rows:
        return None
    groups = {g.id: g for g in analysis.groups}
    ids = [a.hypothesis.id for a in analysis.assessments]
    out_rows = []
    for r in rows:
        g = groups.get(str(r.get("group")))
        marks = r.get("marks", {})
        out_rows.append(
            {
                "group": str(r.get("group")),
                "origin": str(r.get("origin_label", r.get("origin", ""))),
                "evidence": str(r.get("evidence_type", "")).replace("_", " "),
                "credibility": str(r.get("credibility", "")),
                "relevance": str(r.get("relevance", "")),
                "marks": [str(marks.get(h, "NA")) if isinstance(marks, dict) else "NA" for h in ids],
                "diagnosticity": float(r.get("diagnosticity", 0.0)),
                "claims": list(g.claims) if g else [],
                "relays": list(g.relays) if g else [],
            }
        )
    scores = analysis.ach.get("scores")
    scores = scores if isinstance(scores, dict) else {}
    return {
        "ids": ids,
        "rows": out_rows,
        "lead": analysis.ach.get("least_inconsistent"),
        "inconsistency": [scores.get(h, {}).get("inconsistency", "") for h in ids],
        "weighted": [scores.get(h, {}).get("weighted", "") for h in ids],
        "texts": {a.hypothesis.id: a.hypothesis.text for a in analysis.assessments},
    }


# --- documents and highlighted text ----------------------------------------------------------------


def _document(analysis: Analysis, d: Document) -> dict[str, Any]:
    claims = [c for c in analysis.claims if c.doc == d.id]
    dates = [t for t in analysis.dates if t.doc == d.id]
    return {
        "id": d.id,
        "title": d.title or d.id,
        "outlet": d.outlet,
        "published": d.published,
        "kind": d.kind,
        "url": safe_url(d.url),
        "raw_url": d.url if d.url and not safe_url(d.url) else None,
        "path": d.path,
        "format": d.format,
        "warnings": list(d.warnings),
        "claims": len(claims),
        "dates": len(dates),
        "stance": [(h, st.label) for h, st in analysis.doc_stances.get(d.id, {}).items()],
        "body": highlight(d.text, claims, [(t.start, t.end, t.value) for t in dates]),
    }


# --- claim details ---------------------------------------------------------------------------------


def _claim_details(analysis: Analysis) -> dict[str, dict[str, Any]]:
    groups = {g.id: g.label for g in analysis.groups}
    titles = {d.id: d.title or d.id for d in analysis.documents}
    drivers: dict[str, dict[str, float]] = {}
    for a in analysis.assessments:
        for d in a.drivers:
            drivers.setdefault(d.claim, {})[a.hypothesis.id] = d.log_odds
    return {c.id: _claim_detail(c, groups, titles, drivers.get(c.id, {})) for c in analysis.claims}


def _claim_detail(
    c: Claim, groups: Mapping[str, str], titles: Mapping[str, str], drivers: Mapping[str, float]
) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "doc": c.doc,
        "docTitle": titles.get(c.doc, c.doc),
        "start": c.start,
        "end": c.end,
        "source": source_label(c),
        "sourceKind": c.source.kind,
        "resolvedFrom": c.source.resolved_from,
        "via": list(c.via),
        "cue": c.cue,
        "polarity": c.cue_polarity,
        "evidence": c.evidence_type.replace("_", " "),
        "hedged": c.hedged,
        "hedgeCues": list(c.hedge_cues),
        "eventDate": c.event_date,
        "statedDate": c.stated_date,
        "grade": c.reliability,
        "gradeDefault": c.reliability_default,
        "gradeMeaning": grade_meaning(c.reliability),
        "group": c.group,
        "groupLabel": groups.get(c.group or ""),
        "stance": dict(c.stance),
        "fragmentary": c.fragmentary,
        "drivers": dict(drivers),
    }


def where(c: Claim, document: Document | None) -> tuple[str, str | None]:
    """Where a claim is in its original: ``p. 3`` (PDF), ``1:02:05`` (captions, with a ``?t=`` link to the
    video when the document has its address), or nothing."""
    if document is None:
        return "", None
    page = document.page_at(c.start)
    if page is not None:
        return f"p. {page}", None
    seconds = document.time_at(c.start)
    if seconds is None:
        return "", None
    whole = int(seconds)
    minutes = f"{whole // 60 % 60:02d}:{whole % 60:02d}" if whole >= 3600 else f"{whole // 60}:{whole % 60:02d}"
    label = f"{whole // 3600}:{minutes}" if whole >= 3600 else minutes
    url = safe_url(document.url)
    if not url or not is_video_address(url):
        return label, None
    return label, f"{url}{'&' if '?' in url else '?'}t={whole}"


VIDEO_HOSTS = ("youtube.com", "youtu.be")
"""Hosts whose video pages start at ``?t=SECONDS``."""


def is_video_address(url: str) -> bool:
    """True for a YouTube video address, where ``?t=`` means a moment of the video."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS)


def _claim_row(c: Claim, document: Document | None = None) -> dict[str, Any]:
    place, link = where(c, document)
    return {
        "id": c.id,
        "doc": c.doc,
        "where": place,
        "where_url": link,
        "source": source_label(c),
        "via": " → ".join(c.via),
        "cue": c.cue or "",
        "evidence": c.evidence_type.replace("_", " "),
        "grade": c.reliability or "",
        "default": c.reliability_default,
        "hedged": c.hedged,
        "date": c.event_date or c.stated_date or "",
        "stance": overall_stance(c),
        "stances": " ".join(f"{h}:{s}" for h, s in c.stance.items() if s != "neutral"),
        "text": _excerpt(c.text, 220),
    }
