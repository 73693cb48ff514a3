"""PDF and Word files: text in reading order, pages, scanned pages, broken files; claims match the .txt.

The files in tests/data/documents were made by tests/docmaker.py from the public-domain VOA article in
tests/data/voa_pentagon_kursk_small_number.txt (see their .meta.json).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from claimsift.analysis import analyze
from claimsift.errors import InputError
from claimsift.ingest import read_bytes, read_documents
from claimsift.ingest._pdf import Box, _join_pages, _reading_order
from claimsift.report.html import render_html
from claimsift.report.json_report import to_dict
from docmaker import build_pdf, paragraphs

DATA = Path(__file__).parent / "data"
TXT = DATA / "voa_pentagon_kursk_small_number.txt"
PDF = DATA / "documents" / "voa_pentagon_kursk_small_number.pdf"
DOCX = DATA / "documents" / "voa_pentagon_kursk_small_number.docx"


def test_ingest_pdf_reads_columns_in_order_and_pages() -> None:
    doc = read_documents([str(PDF)])[0]
    assert doc.format == "pdf" and doc.outlet == "Voice of America" and doc.published == "2024-10-29"
    assert doc.text == TXT.read_text(encoding="utf-8").strip()  # the two-column page reads left, then right
    texts = paragraphs()
    assert doc.page_at(doc.text.index(texts[1])) == 1
    assert doc.page_at(doc.text.index(texts[3])) == 2  # left column
    assert doc.page_at(doc.text.index(texts[5])) == 2  # right column
    assert doc.page_at(doc.text.index(texts[6])) == 4  # after the scanned page
    assert doc.warnings == ("page(s) 3 have no text layer (scanned?); their text is missing",)


def test_ingest_docx_reads_paragraphs_and_page_breaks() -> None:
    doc = read_documents([str(DOCX)])[0]
    assert doc.format == "docx" and doc.author == "Voice of America"
    assert doc.text == TXT.read_text(encoding="utf-8").strip()
    texts = paragraphs()
    assert doc.page_at(doc.text.index(texts[5])) == 1 and doc.page_at(doc.text.index(texts[6])) == 2


def test_ingest_folder_walk_includes_pdf_and_docx() -> None:
    docs = read_documents([str(DATA / "documents")])
    assert [d.format for d in docs] == ["docx", "pdf"]
    assert [d.id for d in docs] == ["voa_pentagon_kursk_small_number", "voa_pentagon_kursk_small_number-2"]


def test_ingest_scanned_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    scan = build_pdf(tmp_path / "scan.pdf", paragraphs(), scanned_only=True)
    with pytest.raises(InputError) as err:
        read_documents([str(scan)])
    assert err.value.reason == ("scanned PDF: none of its 1 page(s) has a text layer; run OCR first (e.g. ocrmypdf)")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\nBT ET\nendstream\n%%EOF\n", "malformed PDF"),
        ("plain.pdf", TXT.read_bytes(), "malformed PDF"),
        ("plain.docx", TXT.read_bytes(), "not a Word document (.docx files are ZIP archives; this is not one)"),
    ],
)
def test_ingest_broken_documents_give_one_line_errors(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        read_bytes(data, name)
    assert err.value.reason.startswith(reason) and "\n" not in str(err.value)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, payload in members.items():
            archive.writestr(member, payload)
    return buffer.getvalue()


def test_ingest_docx_bomb_and_foreign_zip_are_refused_unopened() -> None:
    with pytest.raises(InputError, match="no word/document.xml"):
        read_bytes(_zip({"voa.txt": TXT.read_bytes()}), "archive.docx")
    bomb = _zip({"word/document.xml": bytes(20_000_000)})
    with pytest.raises(InputError, match="compressed like a ZIP bomb"):
        read_bytes(bomb, "bomb.docx")
    with pytest.raises(InputError, match="unpacks to 20 MB, over the 1 MB limit"):
        read_bytes(bomb, "bomb.docx", max_bytes=1_000_000)


def test_ingest_reading_order_puts_left_column_before_a_higher_right_one() -> None:
    title = Box(72, 700, 540, 720, "title")
    left_top, left_low = Box(72, 500, 290, 680, "left 1"), Box(72, 300, 290, 480, "left 2")
    right = Box(314, 560, 540, 690, "right")
    assert [b.text for b in _reading_order([right, left_low, title, left_top])] == [
        "title",
        "left 1",
        "left 2",
        "right",
    ]


def test_ingest_pdf_page_break_inside_a_sentence_is_joined() -> None:
    # VOA, 2024-11-06 (tests/data/voa_ukraine_drones_nk_battles.txt): a page ends inside its sentence
    pages = [
        "Vitaliy Kim, the governor of Mykolaiv, said on Telegram that Russia’s attack damaged energy",
        "infrastructure but did not hurt anyone.",
        "Russia’s Defense Ministry said Wednesday it destroyed two Ukrainian drones over the Kursk region and another drone over Oryol.",
    ]
    text, starts = _join_pages(pages)
    assert text == f"{pages[0]} {pages[1]}\n\n{pages[2]}"
    assert starts == (0, 92, 133)


def _claims(path: Path) -> list[tuple[str, str, str, str | None]]:
    result = analyze([str(path)])
    return [(" ".join(c.text.split()), c.source.name, c.source.kind, c.event_date) for c in result.claims]


@pytest.mark.model
@pytest.mark.parametrize("document", [PDF, DOCX], ids=["pdf", "docx"])
def test_ingest_documents_give_the_claims_and_sources_of_the_txt(tmp_path: Path, document: Path) -> None:
    txt = tmp_path / "voa.txt"
    txt.write_text(TXT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "voa.meta.json").write_text((DATA / "voa_pentagon_kursk_small_number.meta.json").read_text())
    expected = _claims(txt)
    assert len(expected) >= 4
    assert _claims(document) == expected


@pytest.mark.model
def test_ingest_pdf_claims_carry_their_page_in_json_and_html() -> None:
    result = analyze([str(PDF)])
    data = to_dict(result)
    pages = {c["text"][:30]: c["page"] for c in data["claims"]}
    assert set(pages.values()) == {1, 2, 4}
    ryder = next(c for c in data["claims"] if "no information" in c["text"])
    assert ryder["page"] == 2 and "time" not in ryder
    html = render_html(result)
    assert '<span class="where">p. 2</span>' in html and '<span class="where">p. 4</span>' in html
    assert json.loads(json.dumps(data))["schema"] == "claimsift/1"
