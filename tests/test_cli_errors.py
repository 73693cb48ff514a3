"""The command line contract: JSON on stdout, exit 0; one-line errors naming the file, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
H2 = "Russia and North Korea have a treaty that obliges each to give the other military assistance"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "claimsift", *args], input=stdin, capture_output=True, timeout=120
    )


@pytest.mark.model
def test_cli_analyze_writes_the_json_contract() -> None:
    proc = run("analyze", str(DATA / "nk_troops_transcript.txt"), "--hypothesis", H1, "--hypothesis", H2)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["schema"] == "claimsift/1"
    assert [h["id"] for h in out["hypotheses"]] == ["H1", "H2"]
    text = (DATA / "nk_troops_transcript.txt").read_text(encoding="utf-8")
    assert out["claims"] and all(text[c["start"] : c["end"]] == c["text"] for c in out["claims"])
    assert out["documents"][0]["published"] == "2024-11-05"  # from the sidecar


@pytest.mark.model
def test_cli_markdown_to_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    proc = run("analyze", str(DATA / "reuters_nk_units_kursk.txt"), "-f", "markdown", "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("# claimsift report")


@pytest.mark.model
def test_cli_reads_stdin() -> None:
    sentence = (DATA / "reuters_nk_units_kursk.txt").read_text(encoding="utf-8").splitlines()[0]
    proc = run("analyze", "-", "--published", "2024-10-24", stdin=sentence.encode())
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(proc.stdout)["claims"]
    assert claims[0]["source"]["name"] == "Ukraine's military intelligence service"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("broken.vtt", b"WEBVTT\n\nthis is not a cue\n", "malformed caption"),
        ("broken.json", b'{"text": ', "json"),
    ],
)
def test_cli_bad_input_gives_one_line_error(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    proc = run("analyze", str(path))
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert name in err and reason in err.lower()


def test_cli_missing_file_and_bad_date(tmp_path: Path) -> None:
    proc = run("analyze", str(tmp_path / "nowhere.txt"))
    assert proc.returncode != 0 and "nowhere.txt" in proc.stderr.decode()
    proc = run("analyze", str(DATA / "reuters_nk_units_kursk.txt"), "--published", "2024-13-01")
    assert proc.returncode != 0 and "YYYY-MM-DD" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
