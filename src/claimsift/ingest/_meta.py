"""Document metadata: sidecar files, validation of fields and dates, and the order in which sources win.

A document's metadata comes from up to five places; later ones win:

1. the reader's default kind (``transcript`` for captions, ``article`` for HTML);
2. what the reader found in the text (an HTML page's title, site name, date and URL; a Markdown heading);
3. the sidecar file ``NAME.meta.json`` beside ``NAME.ext`` (or the ``meta`` given to ``read_bytes``);
4. the keys of one document in a JSON file;
5. the ``published`` argument.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from claimsift.errors import InputError, UsageError

from ._decode import decode
from ._limits import SIDECAR_MAX_BYTES, read_limited_file

FIELDS: tuple[str, ...] = ("title", "outlet", "url", "published", "kind", "author")
"""Metadata fields a sidecar, a JSON document or a reader can set."""
SIDECAR_SUFFIX = ".meta.json"

Meta = dict[str, str]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""JSON's ``\\ud800`` escapes give strings that no UTF-8 output can write."""
_DEFAULT_KIND = {
    "vtt": "transcript",
    "srt": "transcript",
    "json3": "transcript",
    "srv3": "transcript",
    "html": "article",
}


@dataclass(frozen=True, slots=True)
class Part:
    """One document's text as a reader produced it, before it becomes a ``Document``."""

    text: str
    found: Meta = field(default_factory=dict)
    """Metadata the reader found in the text; a sidecar overrides it."""
    given: Meta = field(default_factory=dict)
    """Metadata stated for this one document (a JSON object's keys); overrides a sidecar."""
    id: str | None = None
    warnings: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()
    """Offset where each page starts (see ``Document.pages``)."""
    times: tuple[tuple[int, int], ...] = ()
    """``(offset, milliseconds)`` of each timed span (see ``Document.times``)."""


def is_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_published(published: str | None) -> None:
    """Reject a ``published`` argument that is not a YYYY-MM-DD date.

    Raises:
        UsageError: The value is not a date written YYYY-MM-DD.
    """
    if published is not None and not (isinstance(published, str) and is_iso_date(published)):
        raise UsageError(f"published must be a date written YYYY-MM-DD, such as 2024-11-05; got {published!r}")


def check_meta(raw: Mapping[str, object], where: str, label: str = "metadata") -> Meta:
    """Validate the metadata fields of a mapping; other keys are ignored, empty values dropped.

    Args:
        raw: A sidecar's object, a JSON document, or the ``meta`` argument.
        where: The file to name in an error.
        label: What holds the fields, for the error message ("metadata", "document 2").

    Raises:
        InputError: A field is not a string, or ``published`` is not a YYYY-MM-DD date.
    """
    meta: Meta = {}
    for key in FIELDS:
        value = raw.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(where, f"{label}: {key!r} must be a string, got {type(value).__name__}")
        if key == "published" and not is_iso_date(value.strip()):
            raise InputError(where, f"{label}: 'published' must be a date written YYYY-MM-DD, got {value!r}")
        meta[key] = without_surrogates(value.strip())
    return meta


def without_surrogates(text: str) -> str:
    """The text with each lone surrogate (from a JSON escape) replaced by U+FFFD, so it can be written out."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def sidecar_path(path: Path) -> Path:
    """``NAME.meta.json`` beside ``NAME.ext``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def load_sidecar(path: Path) -> Meta:
    """Read the sidecar of a document file, if it has one.

    Returns:
        The validated metadata; {} when the file has no sidecar.

    Raises:
        InputError: The sidecar cannot be read, is not a JSON object, or has an invalid field; the error names
            the sidecar file.
    """
    meta_path = sidecar_path(path)
    if not meta_path.is_file():
        return {}
    where = str(meta_path)
    data = read_limited_file(meta_path, SIDECAR_MAX_BYTES, "a metadata file holds a few fields, not a document")
    try:
        text, _warnings = decode(data, where)
        raw = json.loads(text)
    except RecursionError as exc:
        raise InputError(where, "metadata file is not valid JSON: nested too deeply") from exc
    except json.JSONDecodeError as exc:
        raise InputError(where, f"metadata file is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(raw, dict):
        raise InputError(where, "metadata file must hold a JSON object with title, outlet, url, published, kind")
    return check_meta(raw, where)


def merge(fmt: str, part: Part, sidecar: Meta, published: str | None) -> Meta:
    """The metadata of one document, each source overriding the ones before it (see the module docstring)."""
    meta: Meta = {}
    if fmt in _DEFAULT_KIND:
        meta["kind"] = _DEFAULT_KIND[fmt]
    meta.update(part.found)
    meta.update(sidecar)
    meta.update(part.given)
    if published is not None:
        meta["published"] = published
    return meta
