"""CSV export: claims, sources and entities, readable back, and never a spreadsheet formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimsift import analyze
from claimsift.model import Analysis, Claim, Document, Entity, Mention, SourceRef
from claimsift.report.csv_export import safe_cell, write_csv

DATA = Path(__file__).parent / "data"
HYPOTHESES = ("North Korean troops are deployed in Russia to fight against Ukraine",)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.model
def test_report_csv_real_analysis(nlp: object, tmp_path: Path) -> None:
    result = analyze([str(DATA / "seams" / "kursk_open_seams.txt"), str(DATA / "relay")], hypotheses=HYPOTHESES)
    paths = write_csv(result, tmp_path / "out")
    assert [p.name for p in paths] == ["claims.csv", "sources.csv", "entities.csv", "documents.csv"]
    claims = read(paths[0])
    assert [r["id"] for r in claims] == [c.id for c in result.claims]
    for row, c in zip(claims, result.claims, strict=True):
        assert row["text"] in (c.text, "'" + c.text)
        assert (int(row["start"]), int(row["end"])) == (c.start, c.end)
        assert row["stance_H1"] == c.stance["H1"]
    sources = read(paths[1])
    assert sum(int(r["claims_asserted"]) for r in sources) == len(result.claims)
    assert any(r["kind"] == "relay" or int(r["claims_relayed"]) > 0 for r in sources)
    assert [r["id"] for r in read(paths[2])] == [e.id for e in result.entities]
    documents = read(paths[3])
    assert [r["id"] for r in documents] == [d.id for d in result.documents]
    assert [r["stance_H1"] for r in documents] == [result.doc_stances[d.id]["H1"].label for d in result.documents]
    assert {r["stance_H1"] for r in documents} <= {"agrees", "disagrees", "discusses", "unrelated"}


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        (-3, -3),
        (0.5, 0.5),
        (True, "yes"),
        (None, ""),
    ],
)
def test_report_csv_safe_cell(value: str | int | float | bool | None, cell: str | int | float) -> None:
    assert safe_cell(value) == cell


def test_report_csv_hostile_cells_are_text(tmp_path: Path) -> None:
    # a formula before a real sentence (VOA, tests/data/voa_ukraine_drones_nk_battles.txt)
    text = '=cmd|" /C calc"!A0 Russian officials said there were no reports of damage or casualties.'
    doc = Document(id="=evil", path="evil.txt", text=text)
    claim = Claim(
        id="C1",
        doc="=evil",
        start=0,
        end=len(text),
        text=text,
        source=SourceRef(name="+ministry", kind="organization"),
        via=("@relay",),
        cue="-said",
        stance={"H1": "supports"},
    )
    entity = Entity(
        id="E1", name="=1+1", type="ORG", mentions=(Mention(doc="=evil", start=0, end=4, text="=cmd", label="ORG"),)
    )
    hostile = Analysis(documents=(doc,), entities=(entity,), claims=(claim,), dates=(), assessments=())
    claims_csv, sources_csv, entities_csv, documents_csv = write_csv(hostile, tmp_path)
    (row,) = read(claims_csv)
    assert row["text"] == "'" + text and row["doc"] == "'=evil" and row["source"] == "'+ministry"
    assert row["via"] == "'@relay" and row["cue"] == "'-said"
    assert {r["name"] for r in read(sources_csv)} == {"'+ministry", "'@relay"}
    (entity_row,) = read(entities_csv)
    assert entity_row["name"] == "'=1+1" and entity_row["surface_forms"] == "'=cmd"
    for path in (claims_csv, sources_csv, entities_csv, documents_csv):
        with path.open(encoding="utf-8", newline="") as f:
            for line in csv.reader(f):
                assert not any(cell and cell[0] in "=+-@\t\r" for cell in line), line
