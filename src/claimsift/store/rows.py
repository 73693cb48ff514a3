"""``to_row`` / ``from_row``: model records to database rows and back, exactly.

Kept apart from the SQL so the round trip can be tested without a database and read in one sitting.
Mentions, claims and dates are stored as compact JSON lists without their ``doc`` field: every one of
them belongs to the row's document, so a document renamed on the way in (``report`` -> ``report-2``,
when the case already has a ``report``) needs no rewrite of its facts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from claimsift.model import Claim, Document, DocumentFacts, Mention, Proposition, SourceRef, TimeExpr

Row = dict[str, Any]
RowLike = Mapping[Any, Any]
"""A row as read back (SQLAlchemy's ``RowMapping`` or a plain dict)."""


def content_hash(text: str) -> str:
    """SHA-256 of a document's text in UTF-8: how a case recognises a document it already has."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _without_doc(record: Mention | Claim | TimeExpr, doc_id: str) -> dict[str, Any]:
    if record.doc != doc_id:
        raise ValueError(f"a fact of document {doc_id!r} names document {record.doc!r}; facts belong to one document")
    out = dataclasses.asdict(record)
    del out["doc"]
    return out


def to_row(facts: DocumentFacts, *, extractor: str, added: str | None = None) -> tuple[Row, Row]:
    """The ``documents`` row and the ``facts`` row (without its document key) of one document's facts.

    Raises:
        ValueError: A mention, claim or date names another document.
    """
    d = facts.document
    doc_id = d.id
    document: Row = {
        "id": doc_id,
        "sha256": content_hash(d.text),
        "path": d.path,
        "title": d.title,
        "outlet": d.outlet,
        "url": d.url,
        "published": d.published,
        "kind": d.kind,
        "format": d.format,
        "warnings": _dump(list(d.warnings)),
        "text": d.text,
        "added": added or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "author": d.author,
        "fetched": d.fetched,
        "pages": _dump(list(d.pages)) if d.pages else None,
        "times": _dump([list(t) for t in d.times]) if d.times else None,
        "original": d.original,
    }
    row: Row = {
        "extractor": extractor,
        "mentions": _dump([_without_doc(m, doc_id) for m in facts.mentions]),
        "claims": _dump([_without_doc(c, doc_id) for c in facts.claims]),
        "dates": _dump([_without_doc(t, doc_id) for t in facts.dates]),
    }
    return document, row


def _tuples(record: Mapping[str, Any]) -> dict[str, Any]:
    """JSON lists back to the tuples the model uses (every list-valued field of a record is a tuple)."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in record.items()}


def nested_tuples(value: Any) -> Any:
    """JSON lists back to tuples at every depth (a proposition's pairs are tuples of tuples)."""
    return tuple(nested_tuples(v) for v in value) if isinstance(value, list) else value


def claim_from_record(record: Mapping[str, Any], doc_id: str) -> Claim:
    """A ``Claim`` of document ``doc_id`` from its JSON record (``dataclasses.asdict`` without ``doc``)."""
    fields = _tuples(record)
    fields["source"] = SourceRef(**record["source"])
    fields["stance"] = dict(record.get("stance") or {})
    if record.get("prop") is not None:
        fields["prop"] = Proposition(**{k: nested_tuples(v) for k, v in record["prop"].items()})
    return Claim(doc=doc_id, **fields)


def document_from_row(row: RowLike) -> Document:
    """The ``Document`` of a ``documents`` row."""
    return Document(
        id=row["id"],
        path=row["path"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        kind=row["kind"],
        format=row["format"],
        warnings=tuple(json.loads(row["warnings"])),
        author=row.get("author"),
        fetched=row.get("fetched"),
        pages=tuple(json.loads(row["pages"])) if row.get("pages") else (),
        times=tuple((int(o), int(ms)) for o, ms in json.loads(row["times"])) if row.get("times") else (),
        original=row.get("original"),
    )


def from_row(row: RowLike) -> DocumentFacts:
    """The ``DocumentFacts`` of a joined ``documents`` + ``facts`` row.

    Raises:
        ValueError: The stored JSON is not what this claimsift writes (``json.JSONDecodeError`` is one).
        TypeError: A stored record has a field the model does not know.
    """
    document = document_from_row(row)
    doc_id = document.id
    return DocumentFacts(
        document=document,
        mentions=tuple(Mention(doc=doc_id, **_tuples(m)) for m in json.loads(row["mentions"])),
        claims=tuple(claim_from_record(c, doc_id) for c in json.loads(row["claims"])),
        dates=tuple(TimeExpr(doc=doc_id, **_tuples(t)) for t in json.loads(row["dates"])),
    )


def renamed(facts: DocumentFacts, doc_id: str) -> DocumentFacts:
    """The same facts under another document id (every mention, claim and date follows)."""
    if doc_id == facts.document.id:
        return facts
    return DocumentFacts(
        document=dataclasses.replace(facts.document, id=doc_id),
        mentions=tuple(dataclasses.replace(m, doc=doc_id) for m in facts.mentions),
        claims=tuple(dataclasses.replace(c, doc=doc_id) for c in facts.claims),
        dates=tuple(dataclasses.replace(t, doc=doc_id) for t in facts.dates),
    )
