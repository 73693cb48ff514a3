"""Atheris harness: every reader (``read_bytes`` with each extension) and the date finder, on arbitrary input.

The first byte of an input picks the target (its value modulo 9): a reader by extension (.txt .md .vtt .srt
.html .htm .json, or none: the format is then guessed), or the dates (``find_dates`` and ``normalise``, with a
reference date or none drawn from the next five bytes). The rest of the input is the file or the text.

A reader may only raise ``InputError``, with a one-line reason, and what it reads must have text and be
writable as UTF-8 (no lone surrogates); the date functions may raise nothing, and every date they find must be
the text at its offsets. Anything else is a crash, which atheris saves as ``crash-<sha1>`` with its input.

Not run by CI; see fuzz/README.md for the command.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import atheris

with atheris.instrument_imports(include=["claimsift", "webvtt"]):
    from claimsift.errors import InputError
    from claimsift.ingest import read_bytes
    from claimsift.nlp.temporal import find_dates, normalise

EXTENSIONS = (".txt", ".md", ".vtt", ".srt", ".html", ".htm", ".json", "")
"""The readers by extension; no extension makes the format guessed from the content, as for stdin."""
DATES = len(EXTENSIONS)
"""The target number of the date finder, after the readers."""
TARGETS = DATES + 1
ONLY = os.environ.get("FUZZ_ONLY", "")
"""``readers`` or ``dates`` to fuzz one side only (inputs for the other are skipped); empty for both."""


def split(data: bytes) -> tuple[int, bytes]:
    """The target an input is for (its first byte) and the bytes it hands that target."""
    if not data:
        return 0, b""
    return data[0] % TARGETS, data[1:]


def reference_date(head: bytes) -> dt.date | None:
    """None when the first byte is even, else a date anywhere in 1..9999 from the next four bytes."""
    if len(head) < 5 or head[0] % 2 == 0:
        return None
    return dt.date.fromordinal(int.from_bytes(head[1:5], "big") % dt.date.max.toordinal() + 1)


def check_dates(payload: bytes) -> None:
    """find_dates and normalise never raise, and every date found is the text at its offsets."""
    reference = reference_date(payload[:5])
    text = payload[5:].decode("utf-8", errors="replace")
    for expr in find_dates(text, "fuzz", reference):
        if text[expr.start : expr.end] != expr.text:
            raise AssertionError(f"offsets {expr.start}:{expr.end} do not hold {expr.text!r}")
    normalise(text[:200], reference)


def check_reader(payload: bytes, extension: str) -> None:
    """read_bytes raises nothing but InputError, whose reason is one line; what it reads can be written out."""
    try:
        documents = read_bytes(payload, "fuzz" + extension)
    except InputError as exc:
        if "\n" in exc.reason or "\r" in exc.reason:
            raise AssertionError(f"InputError reason is not one line: {exc.reason!r}") from exc
        return
    for document in documents:
        if not document.text.strip():
            raise AssertionError("a document without text")
        for value in (document.id, document.text, document.title, document.outlet, document.url, *document.warnings):
            (value or "").encode("utf-8")  # raises on a lone surrogate, which no UTF-8 report can hold


def test_one_input(data: bytes) -> None:
    target, payload = split(data)
    if target == DATES and ONLY != "readers":
        check_dates(payload)
    elif target != DATES and ONLY != "dates":
        check_reader(payload, EXTENSIONS[target])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
