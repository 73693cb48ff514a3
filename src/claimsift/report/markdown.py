"""A readable Markdown summary: verdicts, claims grouped by source, a dated timeline.

Document text is escaped so a hostile document cannot inject markup into the report.
"""

from __future__ import annotations

import re
from collections import defaultdict

from claimsift.model import Analysis, Assessment, Claim, Document
from claimsift.safe_text import strip_controls

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Markdown-inert text on one line, without control or bidi characters."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(strip_controls(text).split()))


def _source_label(c: Claim) -> str:
    if c.source.kind == "author":
        return "the author"
    if c.source.kind == "unattributed":
        return "unattributed"
    return c.source.name


def _place(c: Claim, document: Document | None) -> str:
    """Where a claim is: document and offsets, and its page (PDF) or time (captions) when the reader knew it."""
    where = f"{c.doc}:{c.start}-{c.end}"
    if document is not None and (page := document.page_at(c.start)) is not None:
        where += f", p. {page}"
    if document is not None and (seconds := document.time_at(c.start)) is not None:
        where += f", {int(seconds) // 60}:{int(seconds) % 60:02d}"
    return where


def _claim_line(c: Claim, document: Document | None = None) -> str:
    via = f" (via {', '.join(escape(v) for v in c.via)})" if c.via else ""
    flags = [c.evidence_type.replace("_", " "), c.reliability or ""]
    if c.hedged:
        flags.append("hedged")
    if c.fragmentary:
        flags.append("fragmentary")
    stance = ", ".join(f"{h}: {s}" for h, s in c.stance.items() if s != "neutral")
    where = _place(c, document)
    return (
        f"- **{c.id}** “{escape(c.text)}”{via} — {'; '.join(f for f in flags if f)}"
        f"{'; ' + stance if stance else ''} ({escape(where)})"
    )


def render_markdown(analysis: Analysis) -> str:
    """The Markdown report."""
    lines = ["# claimsift report", ""]
    lines += [
        f"Documents: {len(analysis.documents)} · claims: {len(analysis.claims)} · "
        f"entities: {len(analysis.entities)} · dates: {len(analysis.dates)}",
        "",
    ]
    if analysis.assessments:
        lines += ["## Verdicts", ""]
        for a in analysis.assessments:
            lines.append(f"- **{a.hypothesis.id}** {escape(a.hypothesis.text)}: {escape(a.summary)}")
        lines.append("")
    lines += _documents_table(analysis)
    docs = {d.id: d for d in analysis.documents}
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        by_source[_source_label(c)].append(c)
    lines += ["## Claims by source", ""]
    for name, claims in sorted(by_source.items(), key=lambda kv: -len(kv[1])):
        lines += [f"### {escape(name)} ({len(claims)})", ""] + [_claim_line(c, docs.get(c.doc)) for c in claims] + [""]
    lines += ["## Timeline", ""]
    dated = sorted(
        (c for c in analysis.claims if c.event_date or c.stated_date),
        key=lambda c: (c.event_date or c.stated_date or "", c.doc, c.start),
    )
    for c in dated:
        day, kind = (c.event_date, "event") if c.event_date else (c.stated_date, "stated")
        lines.append(f"- {day} ({kind}) — {escape(_source_label(c))}: “{escape(c.text)}” ({c.id})")
    if not dated:
        lines.append("No claim carries a date.")
    lines += _assessment_section(analysis)
    return "\n".join(lines) + "\n"


def _documents_table(analysis: Analysis) -> list[str]:
    """One row per document: what it does with each hypothesis (agrees, disagrees, discusses, unrelated)."""
    if not analysis.assessments:
        return []
    ids = [a.hypothesis.id for a in analysis.assessments]
    rows = ["## Documents", "", "| document | title | " + " | ".join(ids) + " |", "|---|---|" + "---|" * len(ids)]
    for d in analysis.documents:
        st = analysis.doc_stances.get(d.id, {})
        labels = " | ".join(_cell(st[h].label) if h in st else "" for h in ids)
        rows.append(f"| {_cell(d.id)} | {_cell(d.title or '')} | {labels} |")
    return [*rows, ""]


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def _drivers_table(analysis: Analysis, a: Assessment) -> list[str]:
    by_id = {c.id: c for c in analysis.claims}
    rows = [
        "| claim | log-odds | source | evidence | grade | where | text | why |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for d in a.drivers:
        c = by_id.get(d.claim)
        if c is None:
            continue
        excerpt = c.text if len(c.text) <= 90 else c.text[:87] + "..."
        rows.append(
            f"| {c.id} | {d.log_odds:+.2f} | {_cell(_source_label(c))} | {c.evidence_type.replace('_', ' ')} | "
            f"{c.reliability or ''}{'*' if c.reliability_default else ''} | {_cell(f'{c.doc}:{c.start}-{c.end}')} "
            f"| {_cell(excerpt)} | {_cell(d.reason)} |"
        )
    return rows if len(rows) > 2 else ["No claim takes a side on this hypothesis."]


def _ach_table(analysis: Analysis) -> list[str]:
    rows = analysis.ach.get("rows") if isinstance(analysis.ach, dict) else None
    if not isinstance(rows, list) or not rows:
        return []
    ids = [a.hypothesis.id for a in analysis.assessments]
    out = [
        "### Analysis of competing hypotheses",
        "",
        "| group | origin | evidence | " + " | ".join(ids) + " | diagnosticity |",
        "|---|---|---|" + "---|" * len(ids) + "---|",
    ]
    for r in rows[:25]:
        marks = " | ".join(str(r["marks"].get(h, "")) for h in ids)
        origin = _cell(str(r.get("origin_label", r["origin"])))
        evidence = str(r["evidence_type"]).replace("_", " ")
        out.append(f"| {r['group']} | {origin} | {evidence} | {marks} | {float(r['diagnosticity']):.2f} |")
    scores = analysis.ach.get("scores", {})
    if isinstance(scores, dict):
        out += [
            "",
            "Inconsistency (Heuer; I = -1, II = -2): "
            + ", ".join(f"{h} {scores[h]['inconsistency']}" for h in ids if h in scores)
            + ".",
        ]
    lead = analysis.ach.get("least_inconsistent")
    if lead:
        out.append(f"Least inconsistent with the evidence: **{lead}**.")
    return out + [""]


def _assessment_section(analysis: Analysis) -> list[str]:
    if not analysis.assessments:
        return []
    lines = ["", "## Assessment", ""]
    for a in analysis.assessments:
        lines += [
            f"### {a.hypothesis.id}: {escape(a.hypothesis.text)}",
            "",
            f"**{escape(a.summary[0].upper() + a.summary[1:])}.**",
            "",
            "Drivers:",
            "",
        ]
        lines += _drivers_table(analysis, a) + [""]
    lines += _ach_table(analysis)
    defaults = sum(1 for c in analysis.claims if c.reliability_default)
    lines.append(
        f"Admiralty grades marked * are claimsift's defaults by kind of source ({defaults} of "
        f"{len(analysis.claims)} claims); set your own with `--reliability claimsift.toml`."
    )
    return lines
