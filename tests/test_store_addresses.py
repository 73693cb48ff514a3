"""A malformed database address is one line of error and never shows the password (issue #10, item 11).

Each address goes to the real command line (in-process with Typer's runner, and once as a real process): a
port that is not a number or out of range, an unknown driver or database, no host, and passwords holding
characters an address must percent-encode. Where an address is well formed, the connection is refused by a
closed port on loopback (or the default socket, absent here), so the server's own message is checked too. The
passwords are made of pieces found nowhere else, so no piece of them may appear in what the command prints.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimsift.cli import app
from claimsift.store import shown_location

runner = CliRunner()
ERROR = re.compile(r"claimsift: error: \S.*")

# (address, pieces of its password that must never be printed)
ADDRESSES = [
    ("postgresql://analyst:Qz7Kp9Xv3@localhost:notaport/case", ["Qz7Kp9Xv3"]),
    ("postgresql://analyst:Qz7Kp9Xv3@localhost:99999/case", ["Qz7Kp9Xv3"]),
    ("postgresql+asyncpg://analyst:Qz7Kp9Xv3@localhost/case", ["Qz7Kp9Xv3"]),
    ("mysql://analyst:Qz7Kp9Xv3@localhost/case", ["Qz7Kp9Xv3"]),
    ("postgresql://analyst:Qz7Kp9Xv3@:1/case", ["Qz7Kp9Xv3"]),  # no host: the default socket, not there
    ("postgresql://analyst:Qz7@Kp9:Xv3#Lm5@localhost/case", ["Qz7", "Kp9", "Xv3", "Lm5"]),  # unencoded @ : #
    ("postgresql://analyst:Qz7:Kp9/Xv3@localhost:5x/case", ["Qz7", "Kp9", "Xv3"]),
    ("postgres://analyst:Qz7 Kp9@[::1/case", ["Qz7", "Kp9"]),
    ("postgresql://analyst:Qz7%40Kp9%23Xv3@127.0.0.1:1/case", ["Qz7", "Kp9", "Xv3"]),  # well formed, refused
    ("postgresql://analyst@127.0.0.1:1/case?password=Qz7Kp9Xv3&sslmode=bogus", ["Qz7Kp9Xv3"]),
]


def _assert_one_line_without(output: str, pieces: list[str]) -> None:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and ERROR.fullmatch(lines[0]), output
    assert "Traceback" not in output
    for piece in pieces:
        assert piece not in output, (piece, output)


@pytest.mark.parametrize(("address", "pieces"), ADDRESSES)
@pytest.mark.parametrize("command", [["case", "show"], ["case", "init"], ["case", "check"]])
def test_store_addresses_are_one_line_without_the_password(address: str, pieces: list[str], command: list[str]) -> None:
    result = runner.invoke(app, [*command, address])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    _assert_one_line_without(result.stderr, pieces)


def test_store_addresses_as_a_real_process() -> None:
    """The same from ``python -m claimsift``: what a person sees, interpreter and all."""
    for address, pieces in ADDRESSES[:2] + ADDRESSES[5:6]:
        done = subprocess.run(
            [sys.executable, "-m", "claimsift", "case", "hypothesis", address, "North Korea sent troops"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1 and done.stdout == "", done.stderr
        _assert_one_line_without(done.stderr, pieces)


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("postgresql://analyst:Qz7@Kp9#Xv3@db.example:5432/case", "postgresql://analyst:***@db.example:5432/case"),
        (
            "postgresql://analyst@db.example/case?sslmode=require&password=Qz7",
            "postgresql://analyst@db.example/case?sslmode=require&password=***",
        ),
        ("postgresql://db.example/case", "postgresql://db.example/case"),
        ("cases/nk.db", "cases/nk.db"),
    ],
)
def test_store_addresses_shown_location_hides_the_password(address: str, shown: str) -> None:
    assert shown_location(address) == shown
