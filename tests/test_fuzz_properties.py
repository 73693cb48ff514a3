"""Property-based tests (Hypothesis): readers raise nothing but InputError, the date finder nothing at all, the
Markdown reports escape every input string, and the web app's handlers answer 4xx or do exactly what was asked.

Arbitrary bytes go to every reader, and so do bytes shaped like each format (caption cues with broken timings,
tag soup, nested JSON) in the encodings the decoder knows, so that the examples get past the decoder into the
parsers. Arbitrary text and text made of date words go to ``find_dates`` and ``normalise``, with any reference
date or none: they must not raise, and every date found must be the text at its offsets. The word lists quote
the real articles in tests/data/*.txt. The Markdown and web properties are the checks of fuzz/fuzz_outputs.py
(the atheris harness), fed hostile strings (tags, links, control and bidi characters, foreign headers); the web
ones post to the real app over a SQLite case and read the case back. 150 examples per property
(``CLAIMSIFT_FUZZ_EXAMPLES`` changes it), so the file runs in seconds.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest
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
KURSK_TEXT = (
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy "
    "Pentagon Press Secretary Sabrina Singh, who spoke to the media today."
)
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


# --- Markdown report and web input handlers (the checks of fuzz/fuzz_outputs.py) ----------------------------------


def _load_outputs_harness() -> Any:
    """fuzz/fuzz_outputs.py, whose check functions need no atheris."""
    path = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_outputs.py"
    spec = importlib.util.spec_from_file_location("claimsift_fuzz_outputs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


outputs = _load_outputs_harness()
HOSTILE_PIECES = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<https://evil.example>",
    "![x](https://evil.example/t.png)",
    "`code`",
    "**bold**",
    "_em_",
    "# heading",
    "| cell |",
    "\\",
    "\\<b>",
    "&lt;script&gt;",
    "<!-- c -->",
    "\x1b]0;title\x07",
    "\u202etxt.exe",
    "\n\n---\n",
    "    indented",
    "> quote",
    "1. item",
    "<",
    ">",
)
_HOSTILE_TEXT = st.lists(
    st.sampled_from(HOSTILE_PIECES) | st.sampled_from(WORDS) | st.text(max_size=8), max_size=12
).map("".join)


@FAST
@given(fields=st.lists(_HOSTILE_TEXT | st.text(max_size=60), min_size=1, max_size=12))
def test_fuzz_markdown_reports_escape_every_input_string(fields: list[str]) -> None:
    outputs.check_markdown(fields)


def test_fuzz_markdown_check_catches_an_unescaped_string() -> None:
    """The check is not blind: Markdown with a raw tag, a link or a control character fails it."""
    assert outputs.markdown_problems("- **C1** “\\<script\\>” (a:1-2)\n") == []
    for leaked in ("<script>alert(1)</script>", "[x](https://evil.example)", "\\\\<b>bold</b>", "a\x1b]0;t\x07"):
        assert outputs.markdown_problems(f"- **C1** “{leaked}”\n"), leaked


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return outputs.WebTarget(tmp_path_factory.mktemp("fuzzweb"))


_FORM_TEXT = _HOSTILE_TEXT | st.text(max_size=40) | st.sampled_from(["A", "b", " F ", "Z", "", "2024-10-18", "KCNA"])
_HEADER = st.sampled_from(
    ["", "127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000", "evil.example", "127.0.0.1:1"]
) | st.text(max_size=12)


@FAST
@given(route=st.sampled_from([0, 1, 5]), fields=st.lists(_FORM_TEXT, min_size=1, max_size=4))
def test_fuzz_web_forms_answer_4xx_or_do_what_they_say(web: Any, route: int, fields: list[str]) -> None:
    web.check(route, fields)


@FAST
@given(
    text=_FORM_TEXT,
    host=_HEADER,
    origin=st.sampled_from(["", "http://127.0.0.1:8000", "http://localhost:8000", "https://evil.example", "null"])
    | st.text(max_size=12),
    fetch_site=st.sampled_from(["", "same-origin", "none", "same-site", "cross-site"]) | st.text(max_size=8),
)
def test_fuzz_web_headers_never_let_a_foreign_request_through(
    web: Any, text: str, host: str, origin: str, fetch_site: str
) -> None:
    web.check(4, [text, host, origin, fetch_site])


@pytest.mark.model
@settings(max_examples=max(EXAMPLES // 6, 1), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from([2, 3]),
    fields=st.tuples(
        _FORM_TEXT | st.sampled_from(["../../etc/passwd.txt", "x.vtt", "a.json", "b\ufffd.txt", "\u202etxt.exe"]),
        st.sampled_from(["", "2024-11-18", "2024-02-30", "<i>soon</i>", "18/11/2024"]) | st.text(max_size=10),
        st.sampled_from([KURSK_TEXT, "", "\x00\x01", "{}", "WEBVTT\n\n"]) | _HOSTILE_TEXT,
    ),
)
def test_fuzz_web_paste_and_upload_answer_4xx_or_store_one_document(
    web: Any, nlp: object, route: int, fields: tuple[str, str, str]
) -> None:
    web.check(route, list(fields))
