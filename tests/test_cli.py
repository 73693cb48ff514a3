"""`claimsift analyze` as DESIGN.md's command-line contract states it: output, options, exit status, stderr.

Real input only: the torn transcript and the excerpts in tests/data, made from public-domain U.S. government
texts (tests/seammaker.py, tests/ingestmaker.py). Broken files are built in tmp_path from those texts (gzip of
the transcript for binary data, a truncated copy of the JSON excerpt for malformed JSON).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import claimsift
from claimsift.cli import app

DATA = Path(__file__).parent / "data"
TRANSCRIPT = DATA / "seams" / "kursk_open_seams.txt"
EXCERPT = DATA / "ingest" / "kursk_open_excerpt.txt"
QUOTES = DATA / "ingest" / "kursk_open_quotes.json"
OPENING_VTT = DATA / "ingest" / "kursk_open_opening.vtt"
AUTO_VTT = DATA / "ingest" / "kursk_open_auto.en.vtt"
DEPLOYED = "North Korean troops are deployed in Russia to fight against Ukraine"
TREATY = "Russia and North Korea have a treaty that obliges each to give the other military assistance"
DENIED = "Russia denies that North Korean soldiers are in Kursk"

runner = CliRunner()


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    return runner.invoke(app, ["analyze", *args], input=input)


def report(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """Non-zero exit, nothing on stdout, one line on stderr that names the problem, no traceback."""
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimsift: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def date_values(data: dict[str, Any]) -> dict[str, str]:
    return {d["text"]: d["value"] for d in data["dates"]}


@pytest.fixture(scope="module")
def transcript_report(nlp: object) -> dict[str, Any]:
    return report(invoke(str(TRANSCRIPT), "--hypothesis", DEPLOYED, "--hypothesis", TREATY, "--format", "json"))


@pytest.mark.model
def test_cli_json_has_schema_documents_and_hypotheses(transcript_report: dict[str, Any]) -> None:
    data = transcript_report
    assert data["schema"] == "claimsift/1"
    assert [(h["id"], h["text"]) for h in data["hypotheses"]] == [("H1", DEPLOYED), ("H2", TREATY)]
    (doc,) = data["documents"]
    assert doc["id"] == "kursk_open_seams"
    assert doc["path"] == str(TRANSCRIPT)
    # metadata from the sidecar kursk_open_seams.meta.json
    assert (doc["published"], doc["kind"], doc["outlet"]) == (
        "2024-11-18",
        "transcript",
        "U.S. government (White House, VOA, DOD News)",
    )
    assert data["claims"] and data["entities"] and data["dates"]
    assert all(set(c["stance"]) == {"H1", "H2"} for c in data["claims"])


@pytest.mark.model
@pytest.mark.parametrize(
    "hypotheses",
    [
        [TREATY, DEPLOYED, DENIED],
        [DENIED, TREATY],
        [DEPLOYED],
    ],
)
def test_cli_hypotheses_numbered_in_the_order_given(nlp: object, hypotheses: list[str]) -> None:
    args = [a for h in hypotheses for a in ("-H", h)]
    data = report(invoke(str(EXCERPT), *args))
    assert [h["id"] for h in data["hypotheses"]] == [f"H{i}" for i in range(1, len(hypotheses) + 1)]
    assert [h["text"] for h in data["hypotheses"]] == hypotheses


@pytest.mark.model
def test_cli_without_hypotheses_gives_empty_stances(nlp: object) -> None:
    data = report(invoke(str(EXCERPT)))
    assert data["hypotheses"] == []
    assert data["claims"]
    assert all(c["stance"] == {} for c in data["claims"])


@pytest.mark.model
def test_cli_blank_hypothesis_keeps_ids_consecutive(nlp: object) -> None:
    result = invoke(str(EXCERPT), "-H", DEPLOYED, "-H", "   ", "-H", TREATY)
    if result.exit_code != 0:  # refusing the blank hypothesis is as good as dropping it
        assert_one_line_error(result, "hypothes")
        return
    assert [h["id"] for h in report(result)["hypotheses"]] == ["H1", "H2"]


@pytest.mark.model
def test_cli_markdown_to_stdout(nlp: object) -> None:
    result = invoke(str(TRANSCRIPT), "--hypothesis", DEPLOYED, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# claimsift report\n")
    assert "## Verdicts" in out and "## Claims by source" in out and "## Timeline" in out
    assert f"**H1** {DEPLOYED}:" in out
    assert "## Documents" in out and "| document | title | H1 |" in out
    assert re.search(r"\| kursk\\_open\\_seams \| .* \| (agrees|disagrees|discusses) \|", out)
    assert "2024-11-12" in out  # "said Tuesday" in the transcript, dated against the sidecar's Monday 2024-11-18
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


@pytest.mark.model
@pytest.mark.parametrize(("fmt", "name"), [("json", "report.json"), ("markdown", "report.md")])
def test_cli_output_file_gets_the_report_and_stdout_stays_empty(
    nlp: object, tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    result = invoke(str(EXCERPT), "-H", DEPLOYED, "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert str(target) in result.stderr
    written = target.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(written)
        assert data["schema"] == "claimsift/1"
        assert data["documents"][0]["id"] == "kursk_open_excerpt"
    else:
        assert written.startswith("# claimsift report\n")
        assert DEPLOYED in written


@pytest.mark.model
def test_cli_output_file_that_cannot_be_written(nlp: object, tmp_path: Path) -> None:
    target = tmp_path / "no_such_folder" / "report.json"
    assert_one_line_error(invoke(str(EXCERPT), "-o", str(target)), str(target))
    assert not target.exists()


@pytest.mark.model
@pytest.mark.parametrize(
    ("published", "expected_published", "last_month"),
    [
        (None, "2024-11-18", "2024-10"),  # the sidecar's date
        ("2024-11-18", "2024-11-18", "2024-10"),
        ("2023-11-05", "2023-11-05", "2023-10"),  # the option wins over the sidecar
        ("2025-01-15", "2025-01-15", "2024-12"),  # "last month" before January is last year's December
    ],
)
def test_cli_published_sets_the_reference_date(
    nlp: object, published: str | None, expected_published: str, last_month: str
) -> None:
    args = [str(TRANSCRIPT)] + (["--published", published] if published else [])
    data = report(invoke(*args))
    assert data["documents"][0]["published"] == expected_published
    assert date_values(data)["last month"] == last_month


@pytest.mark.parametrize("value", ["2024-13-05", "2024-11-31", "05/11/2024", "2024-11-5", "yesterday", ""])
def test_cli_bad_published_is_a_one_line_error(value: str) -> None:
    assert_one_line_error(invoke(str(EXCERPT), "--published", value), "YYYY-MM-DD")


@pytest.mark.parametrize("prior", ["0", "1", "1.5"])
def test_cli_bad_prior_is_a_one_line_error(prior: str) -> None:
    assert_one_line_error(invoke(str(EXCERPT), "-H", DEPLOYED, "--prior", prior), "prior")


@pytest.mark.model
def test_cli_reads_stdin(nlp: object, torn_transcript: str) -> None:
    data = report(invoke("-", "--published", "2024-11-05", "-H", DEPLOYED, "--include-text", input=torn_transcript))
    (doc,) = data["documents"]
    assert (doc["id"], doc["path"], doc["published"]) == ("stdin", "-", "2024-11-05")
    assert doc["text"] == torn_transcript
    assert data["claims"]
    assert all(torn_transcript[c["start"] : c["end"]] == c["text"] for c in data["claims"])
    assert date_values(data)["last month"] == "2024-10"  # against --published, stdin has no sidecar


@pytest.mark.model
def test_cli_stdin_and_files_together(nlp: object) -> None:
    data = report(invoke(str(EXCERPT), "-", input=OPENING_VTT.read_bytes()))
    assert [(d["id"], d["format"]) for d in data["documents"]] == [
        ("kursk_open_excerpt", "text"),
        ("stdin", "vtt"),
    ]
    assert {c["doc"] for c in data["claims"]} == {"kursk_open_excerpt", "stdin"}


def _truncated_quotes() -> bytes:
    data = QUOTES.read_bytes()
    return data[: data.index(b'"text"') + 20]


def _missing_file(tmp_path: Path) -> Path:
    return tmp_path / "kursk_open_seams.txt"


BAD_INPUTS = [
    pytest.param("empty.txt", lambda: b"", "empty file", id="empty"),
    pytest.param("blank.md", lambda: b" \n\n\t\n", "empty file", id="whitespace-only"),
    pytest.param("transcript.txt", lambda: gzip.compress(TRANSCRIPT.read_bytes(), mtime=0), "binary file", id="binary"),
    pytest.param(
        "no_cues.vtt",
        lambda: b"WEBVTT\n\nNOTE Opening of the North Korean troops video\n",
        "no cue could be parsed",
        id="vtt-without-cues",
    ),
    pytest.param("prose.vtt", EXCERPT.read_bytes, "no cue could be parsed", id="vtt-of-prose"),
    pytest.param("quotes.json", _truncated_quotes, "not valid JSON", id="truncated-json"),
    pytest.param("quotes_list.json", lambda: b'["Kyiv Post"]', "malformed JSON", id="json-without-text"),
]


@pytest.mark.parametrize(("name", "make", "reason"), BAD_INPUTS)
def test_cli_bad_input_is_a_one_line_error_naming_the_file(tmp_path: Path, name: str, make: Any, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    assert_one_line_error(invoke(str(path)), str(path), reason)


def test_cli_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = _missing_file(tmp_path)
    assert_one_line_error(invoke(str(path)), str(path), "no such file")


def test_cli_empty_stdin_is_a_one_line_error() -> None:
    assert_one_line_error(invoke("-", input=b""), "<stdin>", "empty")


@pytest.mark.model
def test_cli_a_bad_file_in_a_batch_is_skipped_and_named(tmp_path: Path) -> None:
    """Issue 6: the good files are analysed, the bad one is reported on one line; exit 0."""
    bad = tmp_path / "quotes.json"
    bad.write_bytes(_truncated_quotes())
    result = invoke(str(EXCERPT), str(bad))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["path"] == str(EXCERPT)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("claimsift: skipped ")]
    assert len(skipped) == 1 and str(bad) in skipped[0] and "not valid JSON" in skipped[0]
    assert str(EXCERPT) not in result.stderr


def test_cli_when_nothing_can_be_read_it_fails(tmp_path: Path) -> None:
    empty, bad = tmp_path / "empty.txt", tmp_path / "quotes.json"
    empty.write_bytes(b"")
    bad.write_bytes(_truncated_quotes())
    result = invoke(str(empty), str(bad))
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("claimsift: error: nothing could be read (2 files)")


@pytest.mark.model
def test_cli_each_warning_is_one_line(nlp: object, tmp_path: Path) -> None:
    path = tmp_path / "north_korean_troops_in_russia_youtube_auto_captions" / AUTO_VTT.name
    path.parent.mkdir()
    path.write_bytes(AUTO_VTT.read_bytes())
    result = invoke(str(path))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "roll-up auto-captions should produce a warning"
    assert all(line.startswith(f"claimsift: warning: {path}: ") for line in lines), lines


def test_cli_version() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == claimsift.__version__


def test_cli_real_process_exit_status_and_stderr(tmp_path: Path) -> None:
    """The installed command in a real process: status 1, one stderr line, even for a path wider than 80."""
    folder = tmp_path / ("north_korean_troops_in_russia_" * 3)
    folder.mkdir()
    binary = folder / "kursk_open_seams.txt"
    binary.write_bytes(gzip.compress(TRANSCRIPT.read_bytes(), mtime=0))
    for path in (binary, folder / "missing.vtt"):
        proc = subprocess.run(
            [sys.executable, "-m", "claimsift", "analyze", str(path), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1
        assert proc.stdout == ""
        assert "Traceback" not in proc.stderr
        lines = proc.stderr.splitlines()
        assert len(lines) == 1, proc.stderr
        assert lines[0].startswith(f"claimsift: error: {path}: ")


@pytest.mark.model
def test_cli_real_process_success(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimsift", "analyze", str(EXCERPT), "-H", DEPLOYED],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["hypotheses"][0]["id"] == "H1"
