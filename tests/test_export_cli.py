"""`claimsift export CASE` and `case assess --format html` on a real case (tests/data/relay)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsift.cli import app

pytestmark = pytest.mark.model

RELAY = Path(__file__).parent / "data" / "relay"
H1 = "North Korea launched an intercontinental ballistic missile"  # what the documents in RELAY relay


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("case") / "nk.db"
    runner = CliRunner()
    for args in (
        ["case", "init", str(path)],
        ["case", "add", str(path), str(RELAY)],
        ["case", "hypothesis", str(path), H1],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return path


def test_export_cli_writes_valid_stix_claimreview_and_csv(case: Path, tmp_path: Path) -> None:
    from stix2validator import ValidationOptions, validate_instance

    stix, review, csv = tmp_path / "b.json", tmp_path / "r.jsonld", tmp_path / "csv"
    result = CliRunner().invoke(
        app, ["export", str(case), "--stix", str(stix), "--claimreview", str(review), "--csv", str(csv)]
    )
    assert result.exit_code == 0, result.output
    assert validate_instance(json.loads(stix.read_text("utf-8")), ValidationOptions(version="2.1")).is_valid
    items = json.loads(review.read_text("utf-8"))
    assert items and all("claimReviewed" in i and "reviewRating" in i for i in items)
    assert sorted(p.name for p in csv.iterdir()) == ["claims.csv", "documents.csv", "entities.csv", "sources.csv"]


def test_export_cli_without_a_target_is_a_one_line_error(case: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(case)])
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        "claimsift: error: nothing to export: give --stix FILE, --claimreview FILE or --csv DIR"
    ]


def test_export_cli_case_assess_html_has_the_belief_curve(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.html"
    result = CliRunner().invoke(app, ["case", "assess", str(case), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert 'id="belief"' in page and "<script src=" not in page
