"""CSV export for spreadsheets: claims.csv, sources.csv, entities.csv and documents.csv (stance per hypothesis).

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a hostile
document could plant one (CSV injection); such text cells get a leading apostrophe, which spreadsheets
show as text. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimsift.model import Analysis, Claim

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | bool | None


def safe_cell(value: Cell) -> str | int | float:
    """A cell spreadsheets will not run: text starting with a formula character gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def _write(path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows([safe_cell(v) for v in row] for row in rows)
    return path


CLAIM_COLUMNS = (
    "id doc start end text source source_kind source_entity via cue cue_polarity evidence_type hedged hedge_cues "
    "event_date stated_date fragmentary reliability reliability_default group"
).split()
"""claims.csv columns, then one stance_H<n> column per hypothesis."""


def _claim_row(c: Claim, hypotheses: Sequence[str]) -> list[Cell]:
    fields: list[Cell] = [c.id, c.doc, c.start, c.end, c.text, c.source.name, c.source.kind, c.source.entity]
    fields += [" > ".join(c.via), c.cue, c.cue_polarity, c.evidence_type, c.hedged, "; ".join(c.hedge_cues)]
    fields += [c.event_date, c.stated_date, c.fragmentary, c.reliability, c.reliability_default, c.group]
    return fields + [c.stance.get(h, "") for h in hypotheses]


def _claim_rows(analysis: Analysis) -> tuple[list[str], list[list[Cell]]]:
    ids = [a.hypothesis.id for a in analysis.assessments]
    return CLAIM_COLUMNS + [f"stance_{h}" for h in ids], [_claim_row(c, ids) for c in analysis.claims]


def _source_key(c: Claim) -> tuple[str, str]:
    if c.source.kind in ("author", "unattributed"):
        return f"{c.source.kind} of {c.doc}", c.source.kind
    return c.source.name, c.source.kind


def _source_rows(analysis: Analysis) -> tuple[list[str], list[list[Cell]]]:
    """One row per source or relay: how often it asserts, how often it relays, where, with which grades."""
    asserts: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    relays: dict[str, list[Claim]] = defaultdict(list)
    for c in analysis.claims:
        asserts[_source_key(c)].append(c)
        for v in c.via:
            relays[v].append(c)
    header = ["name", "kind", "entity", "claims_asserted", "claims_relayed", "documents", "groups", "reliability"]
    rows: list[list[Cell]] = []
    for (name, kind), claims in sorted(asserts.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        relayed = relays.pop(name, [])
        entity = next((c.source.entity for c in claims if c.source.entity), None)
        documents = "; ".join(sorted({c.doc for c in claims + relayed}))
        groups = "; ".join(sorted({c.group for c in claims if c.group}))
        letters = "; ".join(sorted({c.reliability[:1] for c in claims if c.reliability}))
        rows.append([name, kind, entity, len(claims), len(relayed), documents, groups, letters])
    for name, claims in sorted(relays.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append([name, "relay", None, 0, len(claims), "; ".join(sorted({c.doc for c in claims})), "", ""])
    return header, rows


def _entity_rows(analysis: Analysis) -> tuple[list[str], list[list[Cell]]]:
    header = ["id", "name", "type", "mentions", "documents", "surface_forms"]
    rows: list[list[Cell]] = []
    for e in analysis.entities:
        forms = sorted({m.text for m in e.mentions})
        rows.append(
            [e.id, e.name, e.type, len(e.mentions), "; ".join(sorted({m.doc for m in e.mentions})), "; ".join(forms)]
        )
    return header, rows


def _document_rows(analysis: Analysis) -> tuple[list[str], list[list[Cell]]]:
    hypotheses = [a.hypothesis.id for a in analysis.assessments]
    header = ["id", "title", "outlet", "published", "kind", "claims"] + [f"stance_{h}" for h in hypotheses]
    counts = Counter(c.doc for c in analysis.claims)
    rows: list[list[Cell]] = []
    for d in analysis.documents:
        st = analysis.doc_stances.get(d.id, {})
        row: list[Cell] = [d.id, d.title or "", d.outlet or "", d.published or "", d.kind or "", counts[d.id]]
        rows.append(row + [st[h].label if h in st else "" for h in hypotheses])
    return header, rows


def write_csv(analysis: Analysis, directory: str | Path) -> list[Path]:
    """Write claims.csv, sources.csv, entities.csv and documents.csv (UTF-8) into `directory`, creating it if needed.

    Returns:
        The paths written, in that order.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    return [
        _write(out / "claims.csv", *_claim_rows(analysis)),
        _write(out / "sources.csv", *_source_rows(analysis)),
        _write(out / "entities.csv", *_entity_rows(analysis)),
        _write(out / "documents.csv", *_document_rows(analysis)),
    ]
