"""Build the PDF and Word test files from open texts already in tests/data (reportlab, python-docx).

The committed files in tests/data/documents were made by ``python tests/docmaker.py``; tests that need a
variant (a PDF with no text layer at all) build it with the same functions in a temporary folder. The text is
the public-domain VOA article in tests/data/voa_pentagon_kursk_small_number.txt (its .meta.json gives the source
address), paragraph for paragraph.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
SOURCE = DATA / "voa_pentagon_kursk_small_number.txt"
OUT = DATA / "documents"


def paragraphs(path: Path = SOURCE) -> list[str]:
    """The paragraphs of an open text, as its .txt file has them."""
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def _scan_image() -> object:
    """A grey raster with dark bars, like a scanned page: pixels only, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (600, 800), 235)
    draw = ImageDraw.Draw(image)
    for y in range(60, 760, 28):
        draw.rectangle((50, y, 550 - (y * 7) % 120, y + 12), fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def build_pdf(path: Path, texts: list[str], *, scanned_only: bool = False) -> Path:
    """A PDF: page 1 one column (title and two paragraphs), page 2 two columns, page 3 a scan, page 4 the rest.

    With ``scanned_only``, a single page holding only the scan image (no text layer anywhere).
    """
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    width, height = letter
    margin = 72
    scan = _scan_image()

    def draw_scan(canvas: object, doc: object) -> None:
        canvas.drawImage(scan, margin, margin, width - 2 * margin, height - 2 * margin)  # type: ignore[attr-defined]

    gap = 24
    column = (width - 2 * margin - gap) / 2
    one = Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="one")
    left = Frame(margin, margin, column, height - 2 * margin, id="left")
    right = Frame(margin + column + gap, margin, column, height - 2 * margin, id="right")
    templates = [
        PageTemplate(id="one", frames=[one]),
        PageTemplate(id="two", frames=[left, right]),
        PageTemplate(id="scan", frames=[Frame(margin, margin, 40, 40, id="blank")], onPage=draw_scan),
    ]
    doc = BaseDocTemplate(str(path), pagesize=letter, title="", author="", invariant=True)
    if scanned_only:
        doc.addPageTemplates(templates[2:])
        doc.build([Spacer(1, 1)])
        return path
    doc.addPageTemplates(templates)
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.spaceAfter = 14
    styles["Title"].spaceAfter = 18
    story: list[object] = [Paragraph(texts[0], styles["Title"])]
    story += [Paragraph(t, body) for t in texts[1:3]]
    story += [NextPageTemplate("two"), PageBreak()]
    # the right column: a frame break moves on to it, so the page really has two columns of text
    story += [Paragraph(t, body) for t in texts[3:5]] + [FrameBreak(), Paragraph(texts[5], body)]
    story += [NextPageTemplate("scan"), PageBreak(), NextPageTemplate("one"), PageBreak()]
    story += [Paragraph(t, body) for t in texts[6:]]
    doc.build(story)
    return path


def build_docx(path: Path, texts: list[str]) -> Path:
    """A Word file: the title as a heading, the paragraphs, a page break before the last two."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    document.core_properties.title = texts[0]
    document.core_properties.author = "Voice of America"
    document.add_heading(texts[0], level=1)
    for i, text in enumerate(texts[1:], 1):
        if i == len(texts) - 2:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph(text)
    document.save(str(path))
    return path


def main() -> None:
    """Write tests/data/documents/voa_pentagon_kursk_small_number.{pdf,docx}."""
    OUT.mkdir(exist_ok=True)
    texts = paragraphs()
    print(build_pdf(OUT / "voa_pentagon_kursk_small_number.pdf", texts))
    print(build_docx(OUT / "voa_pentagon_kursk_small_number.docx", texts))


if __name__ == "__main__":
    sys.exit(main())
