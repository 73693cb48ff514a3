"""PDF files: the text layer in reading order, a paragraph per text block, with the offset where each page starts.

pdfminer.six (MIT, pure Python) does the layout analysis: characters become lines, lines become text blocks,
and blocks are ordered for reading, so a two-column page reads down the left column, then the right one.
Lines of a block are joined with spaces (a hyphen that breaks a word at the end of a line is dropped) and
blocks with a blank line, which is how a ``.txt`` of the same document reads. A sentence cut by a page break
is joined again with a space; the next page then starts in the middle of that paragraph.

A page without a text layer (a scanned image) is missing from the text, with a warning; a PDF where no page has
one is refused with a one-line reason: claimsift does not OCR.
"""

from __future__ import annotations

import io
import re
from typing import NamedTuple

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextBox

from claimsift.errors import InputError

from ._meta import Part

_LAYOUT = LAParams(boxes_flow=0.5, line_margin=0.5, detect_vertical=False)
_SPACES = re.compile(r"[^\S\n]+")
_BROKEN_WORD = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SENTENCE_END = tuple('.!?:;"”’)]')
MIN_GAP = 4.0
"""White space (points) that separates two columns or two blocks."""
MAX_BOXES = 2000
"""Blocks on one page beyond which they are simply read top to bottom (the cuts are quadratic)."""
MAX_PAGES = 2000
"""Pages read at most: a hostile PDF may claim millions."""


def read_pdf(data: bytes, name: str) -> Part:
    """Read a PDF's text layer, page by page.

    Raises:
        InputError: The PDF is encrypted, malformed, or has no text layer on any page.
    """
    pages = _page_texts(data, name)
    text, starts = _join_pages(pages)
    if not text.strip():
        raise InputError(
            name,
            f"scanned PDF: none of its {len(pages)} page(s) has a text layer; run OCR first (e.g. ocrmypdf)",
        )
    blank = [str(n) for n, page in enumerate(pages, 1) if not page]
    warnings = (f"page(s) {', '.join(blank)} have no text layer (scanned?); their text is missing",) if blank else ()
    return Part(text=text, pages=starts, warnings=warnings)


def _page_texts(data: bytes, name: str) -> list[str]:
    """Each page's paragraphs joined by blank lines, in reading order."""
    try:
        return [_page_text(layout) for layout in extract_pages(io.BytesIO(data), laparams=_LAYOUT, maxpages=MAX_PAGES)]
    except Exception as exc:  # pdfminer raises many unrelated types on broken or hostile files
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise InputError(name, "encrypted PDF: claimsift cannot read it without the password") from exc
        raise InputError(name, f"malformed PDF: cannot be read ({kind})") from exc


def _page_text(layout: object) -> str:
    boxes = [item for item in layout if isinstance(item, LTTextBox)]  # type: ignore[attr-defined]
    ordered = _reading_order([Box(b.x0, b.y0, b.x1, b.y1, b.get_text()) for b in boxes])
    return "\n\n".join(text for text in (_block_text(box.text) for box in ordered) if text)


class Box(NamedTuple):
    """A text block and its place on the page (PDF points, y upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _reading_order(boxes: list[Box]) -> list[Box]:
    """Blocks in reading order by recursive cuts along white space (XY-cut).

    Columns first: where a vertical strip of white space crosses every block of the region, the left side is
    read before the right. Else the region's top block(s) above the first full-width white gap are read first.
    pdfminer's own order can read a short right column before a longer left one; this cannot.
    """
    if len(boxes) <= 1 or len(boxes) > MAX_BOXES:
        return sorted(boxes, key=lambda b: (-b.y1, b.x0))
    cut = _gap([(b.x0, b.x1) for b in boxes])
    if cut is not None:
        left = [b for b in boxes if b.x1 <= cut]
        return _reading_order(left) + _reading_order([b for b in boxes if b.x1 > cut])
    cut = _gap([(-b.y1, -b.y0) for b in boxes])
    if cut is not None:
        top = [b for b in boxes if -b.y0 <= cut]
        return _reading_order(top) + _reading_order([b for b in boxes if -b.y0 > cut])
    return sorted(boxes, key=lambda b: (-b.y1, b.x0))


def _gap(spans: list[tuple[float, float]]) -> float | None:
    """Where the first stretch of white space of at least ``MIN_GAP`` points between the spans starts."""
    spans = sorted(spans)
    reach = spans[0][1]
    for low, high in spans[1:]:
        if low - reach >= MIN_GAP:
            return reach
        reach = max(reach, high)
    return None


def _block_text(raw: str) -> str:
    """One text block as one paragraph: its lines joined by spaces, a word broken by a hyphen made whole."""
    text = _BROKEN_WORD.sub("", raw.strip())
    return _SPACES.sub(" ", _LINE_BREAK.sub(" ", text)).strip()


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """The pages as one text, and the offset where each starts; a sentence cut by a page break is joined again."""
    text = ""
    starts: list[int] = []
    for page in pages:
        if text and page:
            text += " " if not text.endswith(_SENTENCE_END) and page[:1].islower() else "\n\n"
        starts.append(len(text))
        text += page
    return text, tuple(starts)
