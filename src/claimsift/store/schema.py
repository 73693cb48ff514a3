"""The case database's tables, in SQLAlchemy Core, one definition for SQLite and PostgreSQL alike.

A case keeps what cannot be recomputed cheaply (the text and what the nlp stage read off it) and what the
analyst decided (hypotheses, reliability letters); everything across documents (entities, sources, evidence
groups, verdicts) is recomputed from those by ``analysis.assemble``. The evidence tables keep what a verdict
needs (groups, their per-hypothesis stance and weight) so ``case assess --verdicts`` reads groups, not every
claim; ``evidence_state`` says what they reflect, so a stale copy is recognised and brought up to date. Facts are JSON
text written by ``store.rows`` rather than normalised tables: they are read and written whole, one document
at a time, and JSON text round-trips exactly on both databases.

This module always describes the latest schema; ``store.migrations`` brings older databases up to it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied", sa.String(32), nullable=False),
)
"""One row per migration applied; the highest version is the schema's."""

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(255), nullable=False, unique=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("kind", sa.Text),
    sa.Column("format", sa.String(32), nullable=False),
    sa.Column("warnings", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("added", sa.String(32), nullable=False),
    sa.Column("author", sa.Text),
    sa.Column("fetched", sa.String(32)),
    sa.Column("pages", sa.Text),
    sa.Column("times", sa.Text),
    sa.Column("original", sa.Text),
)
"""One row per document; ``sha256`` is the hash of its UTF-8 text, which is how a repeat is recognised.
``pages`` and ``times`` are JSON lists (``Document.pages``, ``Document.times``); ``original`` is a fetched page's
HTML as it was read, so that assessing a case never fetches it again."""

facts = sa.Table(
    "facts",
    metadata,
    sa.Column(
        "document",
        sa.Integer,
        sa.ForeignKey("documents.pk", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    sa.Column("extractor", sa.String(32), nullable=False),
    sa.Column("mentions", sa.Text, nullable=False),
    sa.Column("claims", sa.Text, nullable=False),
    sa.Column("dates", sa.Text, nullable=False),
)
"""What the nlp stage read off one document (``model.DocumentFacts``), written in the same transaction."""

hypotheses = sa.Table(
    "hypotheses",
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("prior", sa.Float, nullable=False),
    sa.Column("added", sa.String(32), nullable=False),
)

reliability = sa.Table(
    "reliability",
    metadata,
    sa.Column("source", sa.String(255), primary_key=True),
    sa.Column("letter", sa.String(1), nullable=False),
    sa.Column("updated", sa.String(32), nullable=False),
)
"""The analyst's Admiralty letter per source name, overriding claimsift's defaults."""

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created", sa.String(32), nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("hypothesis", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("probability", sa.Float, nullable=False),
    sa.Column("wep", sa.String(32), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
)
"""A snapshot per hypothesis each time the case is assessed: what was concluded, when, on how many documents."""

evidence_groups = sa.Table(
    "evidence_groups",
    metadata,
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("origin_kind", sa.String(32), nullable=False),
    sa.Column("evidence_type", sa.String(64), nullable=False),
    sa.Column("claims", sa.Text, nullable=False),
    sa.Column("relays", sa.Text, nullable=False),
    sa.Column("documents", sa.Text, nullable=False),
    sa.Column("code", sa.String(2), nullable=False),
    sa.Column("ranks", sa.Text, nullable=False),
)
"""The case's evidence groups (G1 is number 1) as ``assess.independence`` made them over every stored claim:
origin, member claim ids (best first), relays, documents, the Admiralty code of the first claim (ACH), and how
many claims share each rank (``independence.rank_counts``: where a new claim goes)."""

group_scores = sa.Table(
    "group_scores",
    metadata,
    sa.Column(
        "group",
        sa.Integer,
        sa.ForeignKey("evidence_groups.number", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    sa.Column("hypothesis", sa.String(16), primary_key=True),
    sa.Column("side", sa.String(16), nullable=False),
    sa.Column("llr", sa.Float, nullable=False),
    sa.Column("best", sa.String(32)),
    sa.Column("weighed", sa.Boolean, nullable=False),
    sa.Column("tally", sa.Text, nullable=False),
)
"""Each group's stance on each hypothesis and its weight there (natural-log LR before correlation damping),
with the claim that states it best; a verdict is computed from these rows alone. ``tally`` (``aggregate.Tally``)
is what the weight follows from, so a group that gains claims is weighed again without reading its old ones."""

evidence_claims = sa.Table(
    "evidence_claims",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("claim", sa.Text, nullable=False),
)
"""The best claim of every group that takes a side (a driver's words and grade), as JSON."""

evidence_state = sa.Table(
    "evidence_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("stamp", sa.Text, nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
    sa.Column("hypotheses", sa.Text, nullable=False),
    sa.Column("updated", sa.String(32), nullable=False),
)
"""One row: what the evidence tables reflect (documents, hypotheses, letters, claimsift version), and the
hypotheses as the assessment read them (their terms: no parse is needed to assess from groups). When it
differs from the case, the evidence is stale and the next writer brings it up to date."""

evidence_members = sa.Table(
    "evidence_members",
    metadata,
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("grp", sa.Integer, nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("corroboration", sa.String(2), nullable=False),
    sa.Column("claim", sa.Text, nullable=False),
)
"""Every claim as the assessment left it (stance, grade; its source's entity by name), by position (C1 is 0),
with its group number, its origin key and whether another origin confirms ("1_") or contradicts ("_1") it:
a new document's claims are grouped and graded against these, and a group it touches is weighed again
from its members alone."""

evidence_index = sa.Table(
    "evidence_index",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)
"""What grouping, entity resolution and corroboration keep across documents, as JSON, one row each
(``grouping``, ``entities``, ``stems``, ``extent``): their size follows the vocabulary and the origins,
not the claims."""

TABLES: tuple[sa.Table, ...] = (
    schema_version,
    documents,
    facts,
    hypotheses,
    reliability,
    assessments,
    evidence_groups,
    group_scores,
    evidence_claims,
    evidence_state,
    evidence_members,
    evidence_index,
)

VERSION_1: tuple[sa.Table, ...] = (documents, facts, hypotheses, reliability, assessments)
"""The tables of schema version 1 (migration 1 creates exactly these; later ones add theirs)."""
