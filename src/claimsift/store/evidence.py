"""The stored evidence: groups, each group's stance and weight per hypothesis, and the claims that drive them.

``claimsift.case`` computes them from every stored claim (``analysis.assemble``, the same code as a whole
assessment, so a verdict from them is the same verdict) and saves them here; ``case assess --verdicts``
then reads one row per group instead of every claim. A save rewrites only the rows that changed: a new
document touches the groups its claims joined or made, and the rest stay as they are.

``case_stamp`` is a digest of what the evidence depends on (the documents, the hypotheses, the analyst's
letters and the claimsift that computed it); the evidence is current when its saved stamp equals it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimsift.model import Claim, EvidenceGroup, Hypothesis, Proposition
from claimsift.store import schema
from claimsift.store.rows import claim_from_record, nested_tuples

STATE = 1
"""The key of the one ``evidence_state`` row."""
PG_LOCK = 0x636C6169  # "clai"
"""PostgreSQL advisory lock that queues writers saving the evidence (SQLite's ``BEGIN IMMEDIATE`` already does)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupScore:
    """One group's stance on one hypothesis and its weight there."""

    side: str
    """supports, refutes, or neutral (no side, or as many claims each way)."""
    llr: float
    """Natural-log likelihood ratio before correlation damping (``aggregate.evaluate_group``)."""
    best: str | None
    """The claim that states the group's side best; None when it takes none."""
    weighed: bool
    """Whether the group's claims were weighed against the hypothesis at all (ACH: a blank cell otherwise)."""
    tally: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """What the weight follows from (``aggregate.Tally`` as JSON data): the group weighed again when it gains claims."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredGroup:
    """An evidence group as the case keeps it."""

    group: EvidenceGroup
    code: str
    """Admiralty code of the group's first claim (its credibility in the ACH matrix)."""
    scores: Mapping[str, GroupScore]
    """Per hypothesis id."""
    ranks: Sequence[Sequence[Any]] = ()
    """How many claims share each rank (``independence.rank_counts``): where a new claim goes."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def case_stamp(conn: sa.Connection, version: str, upto: int | None = None) -> tuple[str, int]:
    """(digest of what the evidence depends on, number of documents) as the case stands now.

    Args:
        upto: Count only the documents stored up to this key (the case as it was before later ones came).
    """
    d, h, r = schema.documents, schema.hypotheses, schema.reliability
    query = sa.select(sa.func.count(), sa.func.max(d.c.pk))
    count, last = conn.execute(query if upto is None else query.where(d.c.pk <= upto)).one()
    hypotheses = [list(row) for row in conn.execute(sa.select(h.c.id, h.c.text, h.c.prior).order_by(h.c.position))]
    letters = [list(row) for row in conn.execute(sa.select(r.c.source, r.c.letter).order_by(r.c.source))]
    key = _dump({"documents": [count, last], "hypotheses": hypotheses, "letters": letters, "version": version})
    return hashlib.sha256(key.encode("utf-8")).hexdigest(), int(count or 0)


def last_document(conn: sa.Connection) -> int:
    """The key of the latest stored document (0 when there is none)."""
    return int(conn.execute(sa.select(sa.func.max(schema.documents.c.pk))).scalar() or 0)


def lock(conn: sa.Connection) -> None:
    """Hold the evidence for this write transaction: two writers saving at once would clash on group numbers."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})


def saved_stamp(conn: sa.Connection) -> str | None:
    """The stamp the evidence was saved with, or None when it was never computed (a new or migrated case)."""
    s = schema.evidence_state
    return conn.execute(sa.select(s.c.stamp).where(s.c.id == STATE)).scalar()


def _group_row(stored: StoredGroup) -> dict[str, Any]:
    g = stored.group
    return {
        "number": int(g.id[1:]),
        "origin": g.origin,
        "origin_kind": g.origin_kind,
        "evidence_type": g.evidence_type,
        "claims": _dump(list(g.claims)),
        "relays": _dump(list(g.relays)),
        "documents": _dump(list(g.documents)),
        "code": stored.code,
        "ranks": _dump([list(r) for r in stored.ranks]),
    }


def _score_rows(stored: StoredGroup) -> list[dict[str, Any]]:
    number = int(stored.group.id[1:])
    return [
        {"group": number, "hypothesis": hid, **_fields(score), "tally": _dump(score.tally)}
        for hid, score in sorted(stored.scores.items())
    ]


def _fields(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _claim_json(claim: Claim) -> str:
    """``dataclasses.asdict(claim)`` as JSON, without its deep copy (a case has a row for every claim)."""
    record = _fields(claim)
    record["source"] = _fields(claim.source)
    if claim.prop is not None:
        record["prop"] = _fields(claim.prop)
    return _dump(record)


def save(
    conn: sa.Connection,
    stamp: tuple[str, int],
    groups: Sequence[StoredGroup],
    claims: Iterable[Claim],
    hypotheses: Sequence[Hypothesis],
) -> int:
    """Bring the evidence tables to ``groups`` inside the caller's write transaction (holding ``lock``); the
    groups rewritten.

    Only rows that differ are written: the groups a new document touched (joined or made) and their scores.
    """
    g, sc, ec = schema.evidence_groups, schema.group_scores, schema.evidence_claims
    old_groups = {row["number"]: dict(row) for row in conn.execute(sa.select(g)).mappings()}
    old_scores: dict[int, list[dict[str, Any]]] = {}
    for row in conn.execute(sa.select(sc).order_by(sc.c.group, sc.c.hypothesis)).mappings():
        old_scores.setdefault(row["group"], []).append(dict(row))
    new = {int(x.group.id[1:]): x for x in groups}
    changed = [n for n, x in new.items() if old_groups.get(n) != _group_row(x) or old_scores.get(n) != _score_rows(x)]
    gone = [n for n in old_groups if n not in new]
    stale = [*changed, *gone]
    for start in range(0, len(stale), 500):  # bounded IN lists
        chunk = stale[start : start + 500]
        conn.execute(sa.delete(sc).where(sc.c.group.in_(chunk)))
        conn.execute(sa.delete(g).where(g.c.number.in_(chunk)))
    if changed:
        conn.execute(sa.insert(g), [_group_row(new[n]) for n in changed])
        scores = [row for n in changed for row in _score_rows(new[n])]
        if scores:
            conn.execute(sa.insert(sc), scores)
    _save_claims(conn, ec, {c.id: _claim_json(c) for c in claims})
    mark_current(conn, stamp, hypotheses)
    return len(changed)


def _save_claims(conn: sa.Connection, table: sa.Table, claims: Mapping[str, str]) -> None:
    old = {row.id: row.claim for row in conn.execute(sa.select(table.c.id, table.c.claim))}
    stale = [cid for cid, text in old.items() if claims.get(cid) != text]
    for start in range(0, len(stale), 500):
        conn.execute(sa.delete(table).where(table.c.id.in_(stale[start : start + 500])))
    fresh = [{"id": cid, "claim": text} for cid, text in claims.items() if old.get(cid) != text]
    if fresh:
        conn.execute(sa.insert(table), fresh)


def load_groups(conn: sa.Connection, numbers: Iterable[int] | None = None) -> list[StoredGroup]:
    """Every stored group (or these, by number) with its scores, in group order (G1, G2, ...)."""
    if numbers is not None:
        wanted = sorted(set(numbers))
        return [x for start in range(0, len(wanted), 500) for x in _groups(conn, wanted[start : start + 500])]
    return _groups(conn, None)


def _groups(conn: sa.Connection, numbers: list[int] | None) -> list[StoredGroup]:
    g, sc = schema.evidence_groups, schema.group_scores
    scores: dict[int, dict[str, GroupScore]] = {}
    query = sa.select(sc) if numbers is None else sa.select(sc).where(sc.c.group.in_(numbers))
    for row in conn.execute(query).mappings():
        scores.setdefault(row["group"], {})[row["hypothesis"]] = GroupScore(
            side=row["side"],
            llr=float(row["llr"]),
            best=row["best"],
            weighed=bool(row["weighed"]),
            tally=json.loads(row["tally"]),
        )
    out = []
    query = sa.select(g).order_by(g.c.number)
    for row in conn.execute(query if numbers is None else query.where(g.c.number.in_(numbers))).mappings():
        group = EvidenceGroup(
            id=f"G{row['number']}",
            origin=row["origin"],
            origin_kind=row["origin_kind"],
            evidence_type=row["evidence_type"],
            claims=tuple(json.loads(row["claims"])),
            relays=tuple(json.loads(row["relays"])),
            documents=tuple(json.loads(row["documents"])),
        )
        ranks = json.loads(row["ranks"])
        out.append(StoredGroup(group=group, code=row["code"], scores=scores.get(row["number"], {}), ranks=ranks))
    return out


def load_claims(conn: sa.Connection, ids: Iterable[str]) -> dict[str, Claim]:
    """The stored best claims of these ids (the drivers of a verdict)."""
    wanted = list(dict.fromkeys(ids))
    table = schema.evidence_claims
    out: dict[str, Claim] = {}
    for start in range(0, len(wanted), 500):
        query = sa.select(table.c.id, table.c.claim).where(table.c.id.in_(wanted[start : start + 500]))
        for row in conn.execute(query):
            record = json.loads(row.claim)
            doc = record.pop("doc")
            out[row.id] = claim_from_record(record, doc)
    return out


def load_hypotheses(conn: sa.Connection, hypotheses: Sequence[Hypothesis]) -> list[Hypothesis]:
    """The hypotheses with the terms the evidence was computed with (so no parse is needed to assess)."""
    s = schema.evidence_state
    text = conn.execute(sa.select(s.c.hypotheses).where(s.c.id == STATE)).scalar()
    props = json.loads(text) if text else {}
    out = []
    for h in hypotheses:
        prop = props.get(h.id)
        out.append(
            dataclasses.replace(h, prop=Proposition(**{k: nested_tuples(v) for k, v in prop.items()})) if prop else h
        )
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """A claim as the evidence keeps it: by position (C1 is 0), in its group, with its origin key."""

    position: int
    group: int
    """Group number, 1 for G1."""
    key: str
    corroboration: tuple[bool, bool]
    """(confirmed, contradicted) by another origin (``independence.judge``)."""
    claim: Claim
    """Assessed (stance, grade); ``source.entity`` holds the entity's name, which outlives renumbering."""


def _member_row(m: Member) -> dict[str, Any]:
    flags = "".join("1" if f else "0" for f in m.corroboration)
    return {"position": m.position, "grp": m.group, "key": m.key, "corroboration": flags, "claim": _claim_json(m.claim)}


def _member(row: Any) -> Member:
    record = json.loads(row.claim)
    doc = record.pop("doc")
    flags = (row.corroboration[0] == "1", row.corroboration[1] == "1")
    claim = claim_from_record(record, doc)
    return Member(position=row.position, group=row.grp, key=row.key, corroboration=flags, claim=claim)


def replace_members(conn: sa.Connection, members: Iterable[Member]) -> None:
    """Every claim's row, all at once (a whole assessment)."""
    table = schema.evidence_members
    conn.execute(sa.delete(table))
    rows = [_member_row(m) for m in members]
    for start in range(0, len(rows), 5000):
        conn.execute(sa.insert(table), rows[start : start + 5000])


def put_members(conn: sa.Connection, members: Sequence[Member]) -> None:
    """Write these claims' rows (new ones, or regraded ones)."""
    table = schema.evidence_members
    positions = [m.position for m in members]
    for start in range(0, len(positions), 500):
        conn.execute(sa.delete(table).where(table.c.position.in_(positions[start : start + 500])))
    if members:
        conn.execute(sa.insert(table), [_member_row(m) for m in members])


def members_at(conn: sa.Connection, positions: Iterable[int]) -> dict[int, Member]:
    """The stored claims at these positions."""
    wanted = sorted(set(positions))
    table = schema.evidence_members
    out: dict[int, Member] = {}
    for start in range(0, len(wanted), 500):
        query = sa.select(table).where(table.c.position.in_(wanted[start : start + 500]))
        out.update((row.position, _member(row)) for row in conn.execute(query))
    return out


def load_index(conn: sa.Connection, name: str) -> Any:
    """One of the indexes (``schema.evidence_index``) as JSON data, or None when there is none."""
    table = schema.evidence_index
    text = conn.execute(sa.select(table.c.data).where(table.c.name == name)).scalar()
    return json.loads(text) if text is not None else None


def save_index(conn: sa.Connection, name: str, data: object) -> None:
    table = schema.evidence_index
    conn.execute(sa.delete(table).where(table.c.name == name))
    conn.execute(sa.insert(table).values(name=name, data=_dump(data)))


def put_groups(conn: sa.Connection, groups: Sequence[StoredGroup], claims: Iterable[Claim]) -> None:
    """Write these groups (new or changed) with their scores, and these best claims."""
    g, sc, ec = schema.evidence_groups, schema.group_scores, schema.evidence_claims
    numbers = [int(x.group.id[1:]) for x in groups]
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        conn.execute(sa.delete(sc).where(sc.c.group.in_(chunk)))
        conn.execute(sa.delete(g).where(g.c.number.in_(chunk)))
    if groups:
        conn.execute(sa.insert(g), [_group_row(x) for x in groups])
        scores = [row for x in groups for row in _score_rows(x)]
        if scores:
            conn.execute(sa.insert(sc), scores)
    best = {c.id: _claim_json(c) for c in claims}
    ids = list(best)
    for start in range(0, len(ids), 500):
        conn.execute(sa.delete(ec).where(ec.c.id.in_(ids[start : start + 500])))
    if best:
        conn.execute(sa.insert(ec), [{"id": cid, "claim": text} for cid, text in best.items()])


def mark_current(conn: sa.Connection, stamp: tuple[str, int], hypotheses: Sequence[Hypothesis]) -> None:
    """Record what the evidence now reflects."""
    st = schema.evidence_state
    props = {h.id: dataclasses.asdict(h.prop) if h.prop else None for h in hypotheses}
    values = {"stamp": stamp[0], "documents": stamp[1], "hypotheses": _dump(props), "updated": _now()}
    conn.execute(sa.delete(st).where(st.c.id == STATE))
    conn.execute(sa.insert(st).values(id=STATE, **values))
