"""Word (.docx) files: paragraphs and table cells in document order, by python-docx.

A .docx is a ZIP archive, so it is checked before python-docx opens it: what it would unpack to must stay within
the size limit and no member may be compressed more than ``MAX_RATIO`` times (a "ZIP bomb" is refused, never
unpacked). Pages are what Word last laid out: a page starts at a paragraph holding an explicit page break or
the page break Word records when it saves (``w:lastRenderedPageBreak``); a file without either has no pages.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from claimsift.errors import InputError

from ._limits import human_size
from ._meta import Part

MAX_RATIO = 200
"""Largest compression ratio of one member; real Word XML compresses about 10 times."""
_MAIN = "word/document.xml"
_BREAKS = ('w:br w:type="page"', "w:lastRenderedPageBreak")


def read_docx(data: bytes, name: str, limit: int) -> Part:
    """Read a Word document's paragraphs and tables.

    Raises:
        InputError: The file is not a Word document, unpacks to more than ``limit`` bytes, or has no text.
    """
    _check_archive(data, name, limit)
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken files
        raise InputError(name, f"malformed Word document: cannot be read ({type(exc).__name__})") from exc
    paragraphs: list[tuple[str, bool]] = []
    for block in document.iter_inner_content():
        paragraphs.extend(_block(block))
    text, pages = _join(paragraphs)
    if not text.strip():
        raise InputError(name, "Word document has no text")
    return Part(text=text, found=_core(document), pages=pages)


def _check_archive(data: bytes, name: str, limit: int) -> None:
    """Refuse what is no .docx, and a ZIP bomb, before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(name, "not a Word document (.docx files are ZIP archives; this is not one)") from exc
    if _MAIN not in {m.filename for m in members}:
        raise InputError(name, f"not a Word document: the archive has no {_MAIN}")
    total = sum(m.file_size for m in members)
    if total > limit:
        raise InputError(name, f"Word document unpacks to {human_size(total)}, over the {human_size(limit)} limit")
    if any(m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members):
        raise InputError(name, "Word document refused: a member is compressed like a ZIP bomb; it was not unpacked")


def _block(block: Paragraph | Table) -> list[tuple[str, bool]]:
    """(text, starts a page) of a paragraph, or of each paragraph of each cell of a table, row by row."""
    if isinstance(block, Paragraph):
        return [(block.text.strip(), any(mark in block._p.xml for mark in _BREAKS))]
    rows: list[tuple[str, bool]] = []
    for row in block.rows:
        cells = [cell.text.strip() for cell in row.cells]
        unique = [c for i, c in enumerate(cells) if c and c not in cells[:i]]  # merged cells repeat their text
        rows.append((" | ".join(unique), False))
    return rows


def _join(paragraphs: list[tuple[str, bool]]) -> tuple[str, tuple[int, ...]]:
    """Non-empty paragraphs separated by blank lines; page starts, when the document marks any."""
    text = ""
    starts: list[int] = [0]
    for paragraph, new_page in paragraphs:
        if new_page and text:
            starts.append(len(text) + 2)
        if paragraph:
            text += ("\n\n" if text else "") + paragraph
    return text, tuple(starts) if len(starts) > 1 else ()


def _core(document: object) -> dict[str, str]:
    """Title and author from the document's core properties, when set."""
    props = document.core_properties  # type: ignore[attr-defined]
    found = {"title": props.title or "", "author": props.author or ""}
    return {key: value.strip() for key, value in found.items() if value and value.strip()}
