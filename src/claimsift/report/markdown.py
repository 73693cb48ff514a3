"""A readable Markdown summary: verdicts, claims grouped by source, a dated timeline.

Document text is escaped so a hostile document cannot inject markup into the report.
"""

from __future__ import annotations

import re
from collections import defaultdict

from claimsift.model import Analysis, Claim

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Markdown-inert text on one line."""
    return MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _source_label(c: Claim) -> str:
    if c.source.kind == "author":
        return "the author"
    if c.source.kind == "unattributed":
        return "unattributed"
    return c.source.name


def _claim_line(c: Claim) -> str:
    via = f" (via {', '.join(escape(v) for v in c.via)})" if c.via else ""
    flags = [c.evidence_type.replace("_", " "), c.reliability or ""]
    if c.hedged:
        flags.append("hedged")
    if c.fragmentary:
        flags.append("fragmentary")
    stance = ", ".join(f"{h}: {s}" for h, s in c.stance.items() if s != "neutral")
    where = f"{c.doc}:{c.start}-{c.end}"
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
            lines.append(f"- **{a.hypothesis.id}** {escape(a.hypothesis.text)}: {a.summary}")
        lines.append("")
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        by_source[_source_label(c)].append(c)
    lines += ["## Claims by source", ""]
    for name, claims in sorted(by_source.items(), key=lambda kv: -len(kv[1])):
        lines += [f"### {escape(name)} ({len(claims)})", ""] + [_claim_line(c) for c in claims] + [""]
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
    return "\n".join(lines) + "\n"
