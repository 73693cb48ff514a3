"""JSON output carries control and bidi characters only as escapes (issue #10 item 6): the same value, nothing a
terminal acts on. The text is a real VOA sentence (tests/data/voa_pentagon_kursk_small_number.txt) with a
right-to-left override and an ESC sequence put into it, as a hostile document would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimsift.safe_text import CONTROLS

pytestmark = pytest.mark.model
VOA = Path(__file__).parent / "data" / "voa_pentagon_kursk_small_number.txt"


def test_json_output_escapes_controls_and_bidi(tmp_path: Path) -> None:
    first = VOA.read_text(encoding="utf-8").split("\n\n")[1]  # "The Pentagon said Tuesday a ..."
    hostile = first.replace("Pentagon", "Penta\u202egon", 1).replace("Tuesday", "Tues\x1b]0;pwned\x07day", 1)
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "claimsift", "analyze", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert not CONTROLS.search(out), "a raw control or bidi character reached the output"
    assert "\\u202e" in out and "\\u001b" in out
    claims = json.loads(out)["claims"]
    assert any("\u202e" in c["text"] for c in claims)  # the value is unchanged, only written as an escape
