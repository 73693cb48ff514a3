"""Property-based tests (Hypothesis): readers raise nothing but InputError, the date finder nothing at all.

Arbitrary bytes go to every reader, and so do bytes shaped like each format (caption cues with broken timings,
tag soup, nested JSON) in the encodings the decoder knows, so that the examples get past the decoder into the
parsers. Arbitrary text and text made of date words go to ``find_dates`` and ``normalise``, with any reference
date or none: they must not raise, and every date found must be the text at its offsets. The word lists quote
the real articles in tests/data/*.txt. 150 examples per property (``CLAIMSIFT_FUZZ_EXAMPLES`` changes it), so
the file runs in seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimsift.errors import InputError
from claimsift.ingest import read_bytes
from claimsift.nlp.temporal import find_dates, normalise

EXTENSIONS = (".txt", ".md", ".vtt", ".srt", ".html", ".htm", ".json", "")
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")
EXAMPLES = int(os.environ.get("CLAIMSIFT_FUZZ_EXAMPLES", "150"))
"""Examples per property; raise it to hunt for bugs (``CLAIMSIFT_FUZZ_EXAMPLES=20000 pytest ...``)."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said. "
    "The U.S. views North Korea as cobelligerents with Russia, she said."
).split()
DATE_WORDS = (
    "October 18 Oct 24 2024 on Thursday last week the day before two days later since 1990 in August "
    "early to mid-October Tuesday Monday yesterday today last year May 23, 2024 2024-10-23 10/23/2024 "
    "the end of 2023 nearly 10 years ago 29 February 9999 0001 , . ( )"
).split()


def _reads_or_refuses(data: bytes, name: str) -> None:
    try:
        documents = read_bytes(data, name)
    except InputError as exc:
        assert exc.path == name
        assert exc.reason and "\n" not in exc.reason
        return
    assert documents
    for document in documents:
        assert document.text.strip()
        for value in (document.id, document.text, document.title, document.outlet, document.url, *document.warnings):
            (value or "").encode("utf-8")  # writable to any UTF-8 report, no lone surrogate


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@FAST
@given(data=st.binary(max_size=3000), extension=st.sampled_from(EXTENSIONS))
def test_fuzz_any_bytes_under_any_extension(data: bytes, extension: str) -> None:
    _reads_or_refuses(data, "fuzz" + extension)


@FAST
@given(text=st.text(max_size=2000), extension=st.sampled_from(EXTENSIONS), encoding=st.sampled_from(ENCODINGS))
def test_fuzz_any_text_in_any_encoding(text: str, extension: str, encoding: str) -> None:
    _reads_or_refuses(_encode(text, encoding), "fuzz" + extension)


def _timestamp(separator: str) -> st.SearchStrategy[str]:
    digits = st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}")
    broken = st.sampled_from(["", "0x", "99999999999", "-1", "1.5"])
    field = st.one_of(digits, digits, broken)
    return st.tuples(field, field, field, st.integers(0, 9999)).map(lambda t: f"{t[0]}:{t[1]}:{t[2]}{separator}{t[3]}")


def _caption_line(separator: str) -> st.SearchStrategy[str]:
    timings = st.tuples(
        _timestamp(separator), st.sampled_from([" --> ", "-->", " -> ", " --> "]), _timestamp(separator)
    )
    payload = st.lists(
        st.sampled_from([*WORDS, "<i>", "</i>", "<v Kirby>", "<c.x>", "{\\an8}", "&amp;", "<00:00:01.520>"])
    )
    return st.one_of(
        timings.map("".join),
        payload.map(" ".join),
        st.integers(0, 50).map(str),
        st.just(""),
        st.just("WEBVTT"),
        st.just("NOTE"),
        st.text(max_size=20),
    )


@FAST
@given(
    lines=st.lists(_caption_line("."), max_size=40) | st.lists(_caption_line(","), max_size=40),
    extension=st.sampled_from([".vtt", ".srt", ""]),
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_fuzz_caption_shaped_input(lines: list[str], extension: str, encoding: str, newline: str) -> None:
    _reads_or_refuses(_encode(newline.join(lines), encoding), "fuzz" + extension)


HTML_PIECES = (
    "<html>",
    "</html>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<svg>",
    "<template>",
    "<title>",
    "</title>",
    "<br/>",
    "<",
    ">",
    "&amp;",
    "&#x41;",
    "&#99999999;",
    '<meta charset="windows-1251">',
    "<![CDATA[",
    "]]>",
    "<!doctype html>",
)


@FAST
@given(
    pieces=st.lists(st.sampled_from(HTML_PIECES) | st.sampled_from(WORDS), max_size=80),
    depth=st.integers(0, 3000),
    extension=st.sampled_from([".html", ".htm", ""]),
    encoding=st.sampled_from(ENCODINGS),
)
def test_fuzz_html_shaped_input(pieces: list[str], depth: int, extension: str, encoding: str) -> None:
    page = "<div>" * depth + " ".join(pieces)
    _reads_or_refuses(_encode(page, encoding), "fuzz" + extension)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40) | st.sampled_from(WORDS),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "id", "title", "published", "documents", "kind"]) | st.text(max_size=8),
            inner,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@FAST
@given(value=_JSON, depth=st.integers(0, 3000), encoding=st.sampled_from(ENCODINGS))
def test_fuzz_json_shaped_input(value: object, depth: int, encoding: str) -> None:
    text = "[" * depth + json.dumps(value) + "]" * depth
    _reads_or_refuses(_encode(text, encoding), "fuzz.json")


# --- dates ------------------------------------------------------------------------------------------------------

_REFERENCES = st.none() | st.dates()
_DATE_TEXT = st.lists(st.sampled_from(DATE_WORDS) | st.sampled_from(WORDS), max_size=40).map(" ".join)


def _check_dates(text: str, reference: dt.date | None) -> None:
    for expr in find_dates(text, "fuzz", reference):
        assert text[expr.start : expr.end] == expr.text
        assert expr.grain in ("day", "month", "year")
        assert expr.doc == "fuzz"


@FAST
@given(text=st.text(max_size=400), reference=_REFERENCES)
def test_fuzz_find_dates_on_any_text(text: str, reference: dt.date | None) -> None:
    _check_dates(text, reference)


@FAST
@given(text=_DATE_TEXT, reference=_REFERENCES)
def test_fuzz_find_dates_on_date_words(text: str, reference: dt.date | None) -> None:
    _check_dates(text, reference)


@settings(max_examples=max(EXAMPLES * 2 // 3, 1), deadline=None)
@given(text=_DATE_TEXT | st.text(max_size=40), reference=_REFERENCES)
def test_fuzz_normalise(text: str, reference: dt.date | None) -> None:
    result = normalise(text, reference)
    if result is not None:
        value, grain = result
        assert grain in ("day", "month", "year")
        assert isinstance(value, str) and value
