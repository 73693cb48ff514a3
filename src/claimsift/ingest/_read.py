"""Bytes to ``Document`` records: decode, pick the reader by extension, merge metadata, make ids unique.

This is the one place that knows every reader: ``_paths`` feeds it files and stdin, the web app uploads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath

from claimsift.errors import InputError
from claimsift.model import Document

from ._captions import read_captions
from ._decode import decode
from ._docx import read_docx
from ._html import read_html
from ._json import read_json
from ._limits import resolve_max_bytes, too_large
from ._meta import Meta, Part, check_meta, check_published, merge
from ._pdf import read_pdf
from ._text import read_markdown, read_text, sniff_format
from ._youtube import is_json3, is_panel, is_srv, read_json3, read_panel, read_srv

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".vtt": "vtt",
    ".srt": "srt",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".pdf": "pdf",
    ".docx": "docx",
    ".json3": "json3",
    ".srv3": "srv3",
    ".srv1": "srv3",
}
"""Extension (lower case) to format; data with another extension is sniffed."""
BINARY_FORMATS = frozenset({"pdf", "docx"})
"""Formats read from bytes (never decoded as text); only a file's extension selects them."""

_READERS: dict[str, Callable[[str, str], list[Part]]] = {
    "text": lambda text, name: [read_text(text)],
    "markdown": lambda text, name: [read_markdown(text)],
    "vtt": lambda text, name: [read_captions(text, "vtt", name)],
    "srt": lambda text, name: [read_captions(text, "srt", name)],
    "html": lambda text, name: [read_html(text, name)],
    "json": read_json,
    "json3": lambda text, name: [read_json3(text, name)],
    "srv3": lambda text, name: [read_srv(text, name)],
    "panel": lambda text, name: [read_panel(text, name)],
}


def read_bytes(
    data: bytes,
    name: str,
    published: str | None = None,
    meta: Mapping[str, object] | None = None,
    *,
    max_bytes: int | None = None,
) -> list[Document]:
    """Read documents from bytes in memory, such as an upload.

    Args:
        data: The raw bytes.
        name: The file name; its extension picks the reader and its stem is the document id.
        published: YYYY-MM-DD; overrides any other publication date.
        meta: Metadata as a sidecar file would give it (title, outlet, url, published, kind).
        max_bytes: Largest data read, in bytes; default ``CLAIMSIFT_MAX_BYTES``, else 50 MB.

    Returns:
        One document, or several for a JSON list, with unique ids.

    Raises:
        InputError: The data is empty, binary, over the size limit, not decodable or malformed for its format.
        UsageError: ``published`` is not a YYYY-MM-DD date, or ``max_bytes`` is not a positive number.
    """
    check_published(published)
    limit = resolve_max_bytes(max_bytes)
    if len(data) > limit:
        raise InputError(name, too_large(len(data), limit))
    sidecar = check_meta(meta, name) if meta is not None else {}
    return unique_ids(read_data(data, name=name, path=name, published=published, sidecar=sidecar, max_bytes=limit))


def read_data(
    data: bytes,
    *,
    name: str,
    path: str,
    published: str | None,
    sidecar: Meta,
    id_base: str | None = None,
    max_bytes: int | None = None,
) -> list[Document]:
    """Documents from one file's bytes; ids are the stem (or ``id_base``), not yet unique.

    Raises:
        InputError: The data is empty, binary, not decodable or malformed for its format.
    """
    if not data:
        raise InputError(name, "empty file")
    base = id_base or PurePath(name).stem or "document"
    fmt = FORMATS.get(PurePath(name).suffix.lower())
    if fmt in BINARY_FORMATS:
        parts = [read_pdf(data, name) if fmt == "pdf" else read_docx(data, name, resolve_max_bytes(max_bytes))]
        return [_document(parts[0], fmt=fmt, path=path, doc_id=base, meta=merge(fmt, parts[0], sidecar, published))]
    text, warnings = decode(data, name)
    if not text.strip():
        raise InputError(name, "empty file (only whitespace)")
    fmt = _refine(fmt or sniff_format(text), text)
    try:
        parts = _READERS[fmt](text, name)
    except RecursionError as exc:  # a last guard: every reader avoids deep recursion on its own
        raise InputError(name, f"{fmt.upper()} structure nested too deeply to read") from exc
    return [
        _document(
            part,
            fmt=fmt,
            path=path,
            doc_id=part.id or base,
            meta=merge(fmt, part, sidecar, published),
            warnings=(*warnings, *part.warnings),
        )
        for part in parts
    ]


def _refine(fmt: str, text: str) -> str:
    """YouTube's captions in a generic file: json3 in a ``.json``, srv3 XML, a transcript panel in a ``.txt``."""
    if fmt == "json" and is_json3(text):
        return "json3"
    if fmt == "text" and is_srv(text):
        return "srv3"
    if fmt == "text" and is_panel(text):
        return "panel"
    return fmt


def _document(
    part: Part, *, fmt: str, path: str, doc_id: str, meta: Meta, warnings: tuple[str, ...] | None = None
) -> Document:
    return Document(
        id=doc_id,
        path=path,
        text=part.text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=meta.get("published"),
        kind=meta.get("kind"),
        format=fmt,
        warnings=part.warnings if warnings is None else warnings,
        author=meta.get("author"),
        pages=part.pages,
        times=part.times,
    )


def unique_ids(documents: Iterable[Document]) -> list[Document]:
    """The documents in order, a repeated id given a ``-2``, ``-3``, ... suffix."""
    used: set[str] = set()
    result = []
    for document in documents:
        doc_id = document.id
        number = 1
        while doc_id in used:
            number += 1
            doc_id = f"{document.id}-{number}"
        used.add(doc_id)
        result.append(document if doc_id == document.id else dataclasses.replace(document, id=doc_id))
    return result
