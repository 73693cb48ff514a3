"""What the two command-line modules share: the stderr console, output formats, one-line errors, writing."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from claimsift.safe_text import strip_controls

err = Console(stderr=True)


class Format(StrEnum):
    json = "json"
    markdown = "markdown"
    html = "html"


def say(message: str, console: Console = err) -> None:
    """One line on stderr, never wrapped, never styled."""
    console.print(strip_controls(message), markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error; the caller raises what this returns (``raise fail(...)``)."""
    say(f"claimsift: error: {message}")
    return typer.Exit(code=code)


def write_report(text: str, output: Path | None) -> None:
    """The report on stdout, or into ``output`` with a line saying so."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write report: {exc.strerror}") from None
    say(f"wrote {output}")
