"""The reports: the JSON contract of DESIGN.md ("claimsift/1") on every real document in tests/data, and a
Markdown report that stays inert on hostile input.

The JSON is produced by the command line (``--include-text``) over the whole tests/data folder, so every
reader (text, Markdown, WebVTT, SRT, HTML, JSON) feeds the checks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from claimsift.cli import app
from claimsift.model import EVIDENCE_TYPES, WEP_SCALE, wep_for

DATA = Path(__file__).parent / "data"
TRANSCRIPT = DATA / "seams" / "kursk_open_seams.txt"
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)
SOURCE_KINDS = {"person", "organization", "anonymous", "author", "unattributed"}
STANCES = {"supports", "refutes", "neutral"}
WEPS = [name for name, _low, _high in WEP_SCALE]
ICD_203 = ["almost_no_chance", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain"]
ADMIRALTY = re.compile(r"[A-F][1-6]")
ISO_BY_GRAIN = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}

runner = CliRunner()
pytestmark = pytest.mark.model


def run(*args: str) -> Result:
    result = runner.invoke(app, ["analyze", *args])
    assert result.exit_code == 0, result.stderr
    return result


def is_iso(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD, YYYY-MM or YYYY."""
    for fmt in ISO_BY_GRAIN.values():
        try:
            parsed = dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime(fmt) == value
    return False


@pytest.fixture(scope="module")
def data(nlp: object) -> dict[str, Any]:
    args = [str(DATA), "--include-text", "--format", "json"]
    for h in HYPOTHESES:
        args += ["--hypothesis", h]
    out: dict[str, Any] = json.loads(run(*args).stdout)
    return out


@pytest.fixture(scope="module")
def texts(data: dict[str, Any]) -> dict[str, str]:
    return {d["id"]: d["text"] for d in data["documents"]}


@pytest.fixture(scope="module")
def claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    assert data["claims"], "the real documents in tests/data must give claims"
    return list(data["claims"])


def test_report_top_level_shape(data: dict[str, Any]) -> None:
    assert data["schema"] == "claimsift/1"
    assert {"schema", "documents", "entities", "claims", "dates", "hypotheses"} <= set(data)
    assert [h["id"] for h in data["hypotheses"]] == ["H1", "H2"]


def test_report_documents_cover_every_reader(data: dict[str, Any]) -> None:
    ids = [d["id"] for d in data["documents"]]
    assert len(ids) == len(set(ids))
    assert {"text", "markdown", "vtt", "srt", "html", "json"} <= {d["format"] for d in data["documents"]}
    for d in data["documents"]:
        assert {"id", "path", "title", "outlet", "published", "kind"} <= set(d)
        assert d["text"].strip()
        assert d["published"] is None or (is_iso(d["published"]) and len(d["published"]) == 10)


def test_report_documents_carry_their_stance_on_every_hypothesis(data: dict[str, Any]) -> None:
    claim_ids = {c["id"] for c in data["claims"]}
    for d in data["documents"]:
        assert set(d["stance"]) == {"H1", "H2"}, d["id"]
        for st in d["stance"].values():
            assert st["label"] in ("agrees", "disagrees", "discusses", "unrelated")
            assert set(st["claims"]) <= claim_ids
            assert (st["label"] == "unrelated") == (not st["claims"]) or st["label"] == "discusses"
    assert any(st["label"] != "unrelated" for d in data["documents"] for st in d["stance"].values())


def test_report_plain_text_offsets_point_into_the_file_as_read(data: dict[str, Any]) -> None:
    """For .txt files the document text is the file's text exactly (no newline or other normalisation)."""
    for d in data["documents"]:
        if d["format"] == "text" and d["path"] != "-":
            with open(d["path"], encoding="utf-8-sig", newline="") as f:
                assert d["text"] == f.read(), d["path"]


def test_report_claim_ids_are_numbered_in_order(claims: list[dict[str, Any]]) -> None:
    assert [c["id"] for c in claims] == [f"C{i}" for i in range(1, len(claims) + 1)]


def test_report_claim_text_is_its_span(claims: list[dict[str, Any]], texts: dict[str, str]) -> None:
    wrong = [
        c["id"]
        for c in claims
        if not 0 <= c["start"] < c["end"] <= len(texts[c["doc"]]) or texts[c["doc"]][c["start"] : c["end"]] != c["text"]
    ]
    assert wrong == []


def test_report_claim_source(claims: list[dict[str, Any]], data: dict[str, Any], texts: dict[str, str]) -> None:
    entity_ids = {e["id"] for e in data["entities"]}
    for c in claims:
        s = c["source"]
        assert isinstance(s["name"], str) and s["name"].strip(), c["id"]
        assert s["kind"] in SOURCE_KINDS, c["id"]
        assert s.get("entity") is None or s["entity"] in entity_ids, c["id"]
        if s.get("start") is not None:
            assert 0 <= s["start"] < s["end"] <= len(texts[c["doc"]]), c["id"]
    assert SOURCE_KINDS - {"unattributed"} <= {c["source"]["kind"] for c in claims}


def test_report_claim_via_cue_and_evidence(claims: list[dict[str, Any]], texts: dict[str, str]) -> None:
    for c in claims:
        assert isinstance(c["via"], list) and all(isinstance(v, str) and v.strip() for v in c["via"]), c["id"]
        assert c["cue"] is None or (isinstance(c["cue"], str) and c["cue"].lower() in texts[c["doc"]].lower()), c
        assert c["evidence_type"] in EVIDENCE_TYPES, c["id"]
    assert any(c["cue"] for c in claims)
    assert any(c["via"] for c in claims)


def test_report_claim_hedging(claims: list[dict[str, Any]]) -> None:
    for c in claims:
        assert isinstance(c["hedged"], bool), c["id"]
        assert c["hedged"] == bool(c.get("hedge_cues", c["hedged"])), c["id"]
    assert any(c["hedged"] for c in claims) and not all(c["hedged"] for c in claims)


def test_report_claim_dates_are_null_or_iso(claims: list[dict[str, Any]]) -> None:
    for c in claims:
        for key in ("event_date", "stated_date"):
            assert c[key] is None or is_iso(c[key]), (c["id"], key, c[key])
    assert any(c["event_date"] or c["stated_date"] for c in claims)


def test_report_claim_stance_for_every_hypothesis(claims: list[dict[str, Any]]) -> None:
    for c in claims:
        assert set(c["stance"]) == {"H1", "H2"}, c["id"]
        assert set(c["stance"].values()) <= STANCES, c["id"]


def test_report_claim_reliability_is_an_admiralty_code(claims: list[dict[str, Any]]) -> None:
    wrong = [
        (c["id"], c["reliability"])
        for c in claims
        if not isinstance(c["reliability"], str) or not ADMIRALTY.fullmatch(c["reliability"])
    ]
    assert wrong == []


def test_report_dates_are_spans_with_value_and_grain(data: dict[str, Any], texts: dict[str, str]) -> None:
    assert data["dates"]
    for d in data["dates"]:
        assert texts[d["doc"]][d["start"] : d["end"]] == d["text"], d
        assert d["grain"] in ISO_BY_GRAIN, d
        assert is_iso(d["value"]) and len(d["value"]) == len(dt.date(2024, 1, 1).strftime(ISO_BY_GRAIN[d["grain"]])), d


def test_report_entity_mentions_are_spans(data: dict[str, Any], texts: dict[str, str]) -> None:
    assert [e["id"] for e in data["entities"]] == [f"E{i}" for i in range(1, len(data["entities"]) + 1)]
    seen: set[tuple[str, int, int]] = set()
    for e in data["entities"]:
        assert e["name"].strip() and e["type"].strip() and e["mentions"], e["id"]
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"] : m["end"]] == m["text"], (e["id"], m)
            key = (m["doc"], m["start"], m["end"])
            assert key not in seen, f"mention {m} is in two entities"
            seen.add(key)


def test_report_hypotheses_probability_and_words(data: dict[str, Any]) -> None:
    assert WEPS == ICD_203
    for h in data["hypotheses"]:
        assert 0.0 < h["probability"] < 1.0, h
        assert h["wep"] in ICD_203, h
        assert h["wep"] == wep_for(h["probability"]), h


def test_report_drivers_are_claims_that_take_a_side(data: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    by_id = {c["id"]: c for c in claims}
    assert any(h["drivers"] for h in data["hypotheses"])
    for h in data["hypotheses"]:
        for d in h["drivers"]:
            assert d["claim"] in by_id, d
            expected = "supports" if d["log_odds"] > 0 else "refutes"
            assert by_id[d["claim"]]["stance"][h["id"]] == expected, (h["id"], d)


def test_report_offsets_are_python_string_offsets_in_crlf_text_with_curly_quotes(
    tmp_path: Path, torn_transcript: str
) -> None:
    """The transcript set in typographic quotes with Windows line breaks: offsets count characters, not
    bytes, and the \\r of each line break stays in the text they point into."""
    quotes = iter("“”" * torn_transcript.count('"'))
    text = re.sub('"', lambda _m: next(quotes), torn_transcript)
    text = re.sub(r"(?<=[.?!]) (?=[A-Z])", "\r\n", text)
    path = tmp_path / "kursk_crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    out = json.loads(run(str(path), "-H", HYPOTHESES[0]).stdout)
    assert out["claims"] and out["entities"]
    assert "\r\n" in text and "“" in text
    for c in out["claims"]:
        assert text[c["start"] : c["end"]] == c["text"], c["id"]
    for e in out["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], m
    assert any("\r" in c["text"] or "“" in c["text"] for c in out["claims"])


# Hostile input for the Markdown report: real sentences (tests/data/dod_singh_kursk_11000.txt) with markup that
# must stay text.
HOSTILE = (
    'The Pentagon has not confirmed that these troops have engaged in combat with Ukrainian troops who are inside a portion of the Kursk region, she said, adding, "They\'re moving into Kursk for a reason. We have every expectation that they would be engaged in combat operations." <script>alert(1)</script>\n'
    "There is no evidence that more North Korean troops are entering Russia, [x](javascript:alert(1)) but that could change, Singh said.\n"
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy Pentagon Press Secretary Sabrina Singh, who spoke to the media today. "
    '<img src=x onerror=alert(2)> and <a href="javascript:alert(3)">this</a>\n'
)
HOSTILE_HYPOTHESIS = "<script>alert(4)</script> [z](javascript:alert(5))"


def _render_html(markdown: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    html: str = markdown_it.MarkdownIt("commonmark").render(markdown)  # raw HTML enabled, as GitHub would
    return html


def test_report_markdown_escapes_hostile_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    md = run(str(path), "--format", "markdown", "-H", HOSTILE_HYPOTHESIS).stdout
    # the hostile text reaches the report, escaped
    for escaped in (
        r"\<script\>alert\(1\)",
        r"\[x\]\(javascript:alert\(1\)\)",
        r"\<img src=x onerror=alert\(2\)\>",
        r'\<a href="javascript:alert\(3\)"\>',
        r"\<script\>alert\(4\)",
    ):
        assert escaped in md, escaped
    assert re.search(r"(?<!\\)[<>]", md) is None  # every angle bracket is escaped
    assert "](javascript:" not in md
    html = _render_html(md)
    for tag in ("<script", "<img", "<a "):
        assert tag not in html, tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown to the reader as text


def test_report_markdown_escapes_hostile_document_ids(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"id": "a`<script>alert(1)</script>", "text": HOSTILE}), encoding="utf-8")
    md = run(str(path), "--format", "markdown").stdout
    assert "C1" in md
    assert "<script" not in _render_html(md)
