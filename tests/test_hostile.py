"""Hostile and broken input (issue 6): every file ends in its best text or one clear InputError, fast.

Every file is built here in tmp_path; nothing binary is checked in. The binary parts (signatures, NUL and
control bytes, compressed streams) are synthetic; every readable sentence is quoted from the real articles in
tests/data/*.txt, some with typographic or Latin-1 quotation marks so that legacy encodings have something to
get right. Each case must finish within ``BUDGET_S`` seconds (the issue allows 30).
"""

from __future__ import annotations

import codecs
import functools
import gzip
import io
import json
import os
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from claimsift.errors import InputError
from claimsift.ingest import read_documents
from claimsift.model import Document

DATA = Path(__file__).parent / "data"
BUDGET_S = 20.0
MB = 1_000_000

SINGH = "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said."
ATACMS = "The Russians have moved their airfields out of range of ATACMS, she said."
PENTAGON = (
    "The Pentagon said Tuesday a \u201csmall number\u201d of North Korean troops have deployed to Russia\u2019s Kursk "
    "region, where they are likely to be used in combat against Ukrainian troops."
)
EXPECTATION = (
    "The Pentagon has not confirmed that these troops have engaged in combat with Ukrainian troops who are inside a "
    "portion of the Kursk region, she said, adding, \"They're moving into Kursk for a reason. We have every "
    'expectation that they would be engaged in combat operations."'
)
RYDER = (
    "The Pentagon has \u201cno information\u201d to corroborate reports that North Korean troops are also inside "
    "Ukraine, according to Ryder."
)
QUOTES = (SINGH, ATACMS, PENTAGON, EXPECTATION, RYDER)
TYPOGRAPHIC = EXPECTATION.replace('"', "\u201c", 1).replace('"', "\u201d", 1)
"""The DOD News quote with “curly” quotation marks, as cp1252 encodes them."""
GUILLEMETS = EXPECTATION.replace('"', "\u00ab", 1).replace('"', "\u00bb", 1)
"""The same quote with «guillemets», which Latin-1 has and ASCII has not."""


def test_hostile_quotes_are_real_sentences() -> None:
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in DATA.glob("*.txt"))
    for quote in QUOTES:
        assert quote in corpus


def _timed_read(path: Path) -> tuple[list[Document] | None, InputError | None]:
    """The documents of the file, or the InputError it raised; within the time budget either way."""
    started = time.perf_counter()
    try:
        result: tuple[list[Document] | None, InputError | None] = (read_documents([str(path)]), None)
    except InputError as exc:
        result = (None, exc)
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_S, f"{path.name} took {elapsed:.1f} s"
    return result


def _refused(tmp_path: Path, name: str, data: bytes, reason: str, where: Path | None = None) -> InputError:
    """Reading the file raises InputError naming it (or ``where``, its sidecar), for ``reason``, on one line."""
    path = tmp_path / name
    path.write_bytes(data)
    documents, error = _timed_read(path)
    assert error is not None, f"{name} was read: {len(documents or [])} document(s)"
    assert error.path == str(where or path)
    assert reason in error.reason
    assert "\n" not in str(error)
    return error


def _read_one(tmp_path: Path, name: str, data: bytes, warning: str | None = None) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    documents, error = _timed_read(path)
    assert error is None, str(error)
    assert documents is not None and len(documents) == 1
    if warning is not None:
        assert any(warning in w for w in documents[0].warnings), documents[0].warnings
    return documents[0]


# --- binary and compressed data, under every extension ---------------------------------------------------------

EXTENSIONS = (".txt", ".md", ".vtt", ".srt", ".html", ".htm", ".json")


def _png() -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", len(header)) + b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(chunk[4:])) + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _pdf() -> bytes:
    stream = f"BT /F1 12 Tf ({SINGH}) Tj ET".encode()
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def _zip(payload: bytes = ATACMS.encode()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("voa.txt", payload)
    return buffer.getvalue()


@functools.cache
def _zip_bomb() -> bytes:
    """A ZIP archive of under 200 kB that unpacks to 200 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("bomb.txt", "w") as member:
        for _ in range(200):
            member.write(bytes(MB))
    return buffer.getvalue()


@functools.cache
def _gzip_bomb() -> bytes:
    """A gzip stream of under 200 kB that decompresses to 200 MB of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(bytes(MB)) for _ in range(200)) + packer.flush()


BINARY: dict[str, tuple[Callable[[], bytes], str]] = {
    "png": (_png, "binary file (PNG image)"),
    "pdf": (_pdf, "binary file (PDF document)"),
    "zip": (_zip, "binary file (ZIP archive"),
    "zip-bomb": (_zip_bomb, "binary file (ZIP archive"),
    "gzip": (lambda: gzip.compress(PENTAGON.encode() * 20, mtime=0), "binary file (gzip-compressed data)"),
    "gzip-bomb": (_gzip_bomb, "binary file (gzip-compressed data)"),
    "bzip2": (lambda: b"BZh91AY&SY" + bytes(range(40)), "binary file (bzip2-compressed data)"),
    "elf": (lambda: b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00" + bytes(48), "binary file (ELF"),
    "jpeg": (lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(40), "binary file (JPEG image)"),
    "sqlite": (lambda: b"SQLite format 3\x00" + bytes(84), "binary file (SQLite database)"),
    "nul-bytes": (
        lambda: SINGH.encode() + b"\x00\x01\x02\x00" + ATACMS.encode(),
        "binary file (contains NUL bytes)",
    ),
    "control-bytes": (lambda: bytes(range(1, 9)) * 40 + SINGH.encode(), "binary file (mostly control characters)"),
    "random": (lambda: bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary file"),
}


@pytest.mark.parametrize("kind", sorted(BINARY))
def test_hostile_binary_refused_under_every_extension(tmp_path: Path, kind: str) -> None:
    build, reason = BINARY[kind]
    data = build()
    for extension in EXTENSIONS:
        _refused(tmp_path, f"{kind}{extension}", data, reason)


def test_hostile_bombs_are_small_and_never_unpacked(tmp_path: Path) -> None:
    for name, data in (("bomb.txt", _gzip_bomb()), ("bomb.json", _zip_bomb())):
        assert len(data) < 400_000
        tracemalloc.start()
        try:
            _refused(tmp_path, name, data, "never decompresses")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 20 * len(data) + MB, f"{name}: {peak} bytes allocated for {len(data)} bytes of input"


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_hostile_empty_file_under_every_extension(tmp_path: Path, extension: str) -> None:
    _refused(tmp_path, f"empty{extension}", b"", "empty file")
    _refused(tmp_path, f"bom{extension}", codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le"), "only whitespace")


# --- encodings -------------------------------------------------------------------------------------------------

SRT_TEMPLATE = "1\r\n00:00:01,000 --> 00:00:04,000\r\n{0}\r\n\r\n2\r\n00:00:04,000 --> 00:00:08,000\r\n{1}\r\n"
VTT_TEMPLATE = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n{0}\n\n00:00:04.000 --> 00:00:08.000\n{1}\n"


@pytest.mark.parametrize(
    ("name", "encode", "expected"),
    [
        ("bom_le.txt", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), TYPOGRAPHIC),
        ("bom_be.md", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), TYPOGRAPHIC),
        ("no_bom_le.txt", lambda t: t.encode("utf-16-le"), TYPOGRAPHIC),
        ("no_bom_be.txt", lambda t: t.encode("utf-16-be"), TYPOGRAPHIC),
        ("bom.srt", lambda t: SRT_TEMPLATE.format(t, SINGH).encode("utf-16"), f"{TYPOGRAPHIC} {SINGH}"),
        ("no_bom.vtt", lambda t: VTT_TEMPLATE.format(t, SINGH).encode("utf-16-le"), f"{TYPOGRAPHIC} {SINGH}"),
        ("bom.json", lambda t: json.dumps({"text": t}).encode("utf-16"), TYPOGRAPHIC),
    ],
)
def test_hostile_utf16_with_and_without_bom(
    tmp_path: Path, name: str, encode: Callable[[str], bytes], expected: str
) -> None:
    document = _read_one(tmp_path, name, encode(TYPOGRAPHIC))
    assert document.text == expected
    assert document.warnings == ()


def test_hostile_utf16_cut_short_is_read_with_a_warning(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + TYPOGRAPHIC.encode("utf-16-le")
    document = _read_one(tmp_path, "cut.txt", data[:-1], warning="replaced with U+FFFD")
    assert document.text == TYPOGRAPHIC[:-1] + "\ufffd"
    document = _read_one(tmp_path, "cut_no_bom.txt", data[2:-1], warning="replaced with U+FFFD")
    assert document.text == TYPOGRAPHIC[:-1] + "\ufffd"


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("windows.txt", f"{TYPOGRAPHIC}\r\n{PENTAGON}\r\n", "cp1252"),
        ("latin1.md", f"{GUILLEMETS}\n{ATACMS}\n", "latin-1"),
        ("latin1.srt", SRT_TEMPLATE.format(GUILLEMETS, ATACMS), "latin-1"),
        ("windows.json", json.dumps({"text": TYPOGRAPHIC}, ensure_ascii=False), "cp1252"),
    ],
)
def test_hostile_legacy_encodings_decoded_correctly(tmp_path: Path, name: str, text: str, encoding: str) -> None:
    document = _read_one(tmp_path, name, text.encode(encoding), warning="decoded as cp1252")
    if name.endswith(".srt"):
        assert document.text == f"{GUILLEMETS} {ATACMS}"
    elif name.endswith(".json"):
        assert document.text == TYPOGRAPHIC
    else:
        assert document.text == text


def test_hostile_invalid_utf8_bytes_replaced_with_a_warning(tmp_path: Path) -> None:
    good = f"{TYPOGRAPHIC}\n{RYDER}\n"
    data = good.encode("utf-8").replace(b"Ukraine", b"Ukr\xc3aine").replace(b"Ryder", b"Ry\xffder")
    document = _read_one(tmp_path, "broken.txt", data, warning="2 undecodable byte sequence(s) replaced")
    assert document.text == good.replace("Ukraine", "Ukr\ufffdaine").replace("Ryder", "Ry\ufffdder")
    stray = (SINGH + "\n").encode() * 200 + b"\x81\x8d"
    document = _read_one(tmp_path, "stray.txt", stray, warning="replaced with U+FFFD")
    assert document.text.startswith(SINGH)


# --- size: a single 20 MB line works, files over the limit are refused before they are read -------------------

LINE_20MB = (RYDER + " ") * (20 * MB // (len(RYDER) + 1))
"""One line of 20 MB, no newline: the Pentagon spokesman's sentence over and over."""


@pytest.mark.parametrize(
    ("name", "build", "warning"),
    [
        ("line.txt", lambda: LINE_20MB, None),
        ("line.md", lambda: "# " + LINE_20MB, None),
        ("line.vtt", lambda: "WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n" + LINE_20MB, None),
        ("line.srt", lambda: "1\n00:00:01,000 --> 00:00:09,000\n" + LINE_20MB, None),
        ("line.json", lambda: json.dumps({"text": LINE_20MB}), None),
        ("line.html", lambda: f"<html><body><p>{LINE_20MB}</p><script>alert(1)</script></body></html>", "skipped"),
    ],
)
def test_hostile_single_20mb_line(tmp_path: Path, name: str, build: Callable[[], str], warning: str | None) -> None:
    text = build()
    document = _read_one(tmp_path, name, text.encode("utf-8"), warning)
    if name.endswith((".txt", ".md")):
        assert document.text == text
    else:
        assert document.text.strip() == LINE_20MB.strip()
    if name.endswith(".md"):
        assert document.title == LINE_20MB.strip()


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_hostile_200mb_file_refused_by_its_size_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMSIFT_MAX_BYTES", raising=False)
    path = _sparse(tmp_path / "huge.txt", 200 * MB)
    tracemalloc.start()
    try:
        documents, error = _timed_read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error is not None and error.path == str(path)
    assert error.reason.startswith("file too large (200 MB, over the 50 MB limit)")
    assert "CLAIMSIFT_MAX_BYTES" in error.reason
    assert peak < MB


# --- caption files: broken timestamps, missing blank lines, overlapping and disordered cues -------------------


@pytest.mark.parametrize(
    ("name", "captions", "expected", "warning"),
    [
        pytest.param(
            "bad_times.srt",
            f"1\n00:00:01,000 --> 00:00:04,000\n{SINGH}\n\n2\n00:00:0x,000 --> 00:00:O8,000\n{ATACMS}\n\n"
            f"3\n00:00:08,000 --> 00:00:12,000\n{PENTAGON}\n",
            f"{SINGH} {PENTAGON}",
            "1 of 3 cues could not be parsed",
            id="broken-timestamp-srt",
        ),
        pytest.param(
            "bad_times.vtt",
            f"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n{SINGH}\n\n00:00:04.000 -> 00:00:08.000\n{ATACMS}\n\n"
            f"00:00:08.000 --> 00:00:12.000\n{PENTAGON}\n",
            f"{SINGH} {PENTAGON}",
            None,
            id="broken-arrow-vtt",
        ),
        pytest.param(
            "no_blank.srt",
            f"1\n00:00:01,000 --> 00:00:04,000\n{SINGH}\n2\n00:00:04,000 --> 00:00:08,000\n{ATACMS}\n"
            f"00:00:08,000 --> 00:00:12,000\n{PENTAGON}\n",
            f"{SINGH} {ATACMS} {PENTAGON}",
            "read leniently",
            id="missing-blank-lines-srt",
        ),
        pytest.param(
            "no_blank.vtt",
            f"WEBVTT\n00:00:01.000 --> 00:00:04.000\n{SINGH}\n00:00:04.000 --> 00:00:08.000\n{ATACMS}\n",
            f"{SINGH} {ATACMS}",
            None,
            id="missing-blank-lines-vtt",
        ),
        pytest.param(
            "overlap.srt",
            SRT_TEMPLATE.format(SINGH, ATACMS).replace("00:00:04,000 --> 00:00:08", "00:00:02,500 --> 00:00:08"),
            f"{SINGH} {ATACMS}",
            "1 cue(s) overlap the cue above them",
            id="overlapping-cues",
        ),
        pytest.param(
            "disorder.vtt",
            f"WEBVTT\n\n00:01:00.000 --> 00:01:04.000\n{SINGH}\n\n00:00:01.000 --> 00:00:04.000\n{ATACMS}\n\n"
            f"00:00:30.000 --> 00:00:20.000\n{PENTAGON}\n",
            f"{SINGH} {ATACMS} {PENTAGON}",
            "1 cue(s) start before the cue above them; their text is kept in file order",
            id="cues-out-of-order",
        ),
        pytest.param(
            "cut.srt",
            SRT_TEMPLATE.format(SINGH, ATACMS).rsplit("-->", 1)[0] + "--> 00:0",
            SINGH,
            "1 of 2 cues could not be parsed",
            id="cut-mid-cue",
        ),
        pytest.param(
            "hours.vtt",
            f"WEBVTT\n\n{'9' * 5000}:00:01.000 --> 00:00:04.000\n{SINGH}\n",
            SINGH,
            "read leniently",
            id="5000-digit-hours",
        ),
    ],
)
def test_hostile_captions(tmp_path: Path, name: str, captions: str, expected: str, warning: str | None) -> None:
    document = _read_one(tmp_path, name, captions.encode("utf-8"), warning)
    assert document.text == expected
    assert "-->" not in document.text


def test_hostile_caption_timings_only_is_an_error(tmp_path: Path) -> None:
    timings = "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n + 1},000\n\n" for n in range(1, 8))
    _refused(tmp_path, "silent.srt", timings.encode(), "caption file has cues but no text")


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("voices.vtt", "<v " * 400_000),
        ("tags.vtt", "<c." * 400_000 + SINGH),
        ("overrides.srt", "{\\" * 400_000 + SINGH),
        ("arrows.srt", "-->" * 400_000),
    ],
)
def test_hostile_caption_payloads_crafted_against_regexes(tmp_path: Path, name: str, payload: str) -> None:
    head = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n" if name.endswith(".vtt") else "1\n00:00:01,000 --> 00:00:04,000\n"
    )
    path = tmp_path / name
    path.write_text(f"{head}{payload}\n\n{head.replace('01', '05')}{SINGH}\n", encoding="utf-8")
    documents, _error = _timed_read(path)
    if documents:
        assert SINGH in documents[0].text


# --- HTML: deep nesting, no body, scripts and styles ------------------------------------------------------------

SCRIPTS = (
    "<script>document.write('pwned'); alert(1)</script><style>p { color: red }</style>"
    "<noscript>enable scripts</noscript><template><p>hidden template</p></template>"
)
NEVER_SHOWN = ("document.write", "alert", "color: red", "enable scripts", "hidden template", "<", ">")


@pytest.mark.parametrize(
    ("name", "page", "warning"),
    [
        (
            "nested.html",
            f"<html><body><p>{SINGH}</p>{'<div>' * 100_000}{ATACMS}{'</div>' * 100_000}</body></html>",
            "nested",
        ),
        ("unclosed.htm", f"<p>{SINGH}</p>{'<div><span>' * 100_000}{SCRIPTS}{ATACMS}", "nested"),
        ("deep300.html", f"<body><p>{SINGH}</p>{'<section>' * 300}<p>{ATACMS}</p>", "nested"),
        ("fragment.html", f"<p>{SINGH}</p>{SCRIPTS}<p>{ATACMS}</p>", None),
        (
            "scripts.html",
            f"<html><head>{SCRIPTS}</head><body>{SCRIPTS}<p>{SINGH}</p><p>{ATACMS}</p></body></html>",
            None,
        ),
        ("open_script.html", f"<body><p>{SINGH}</p><p>{ATACMS}</p><script>alert(1); document.write('", None),
        ("many_scripts.html", f"<p>{SINGH}</p><p>{ATACMS}</p>" + "<script>" * 200_000, None),
        ("comment.html", f"<p>{SINGH}</p><p>{ATACMS}</p><!-- alert(1) " + "<p>enable scripts</p>" * 1000, None),
        (
            "big.html",
            f"<html><body>{SCRIPTS}<p>{SINGH}</p>" + f"<p>{ATACMS}</p>" * 80_000 + "</body></html>",
            "skipped",
        ),
    ],
)
def test_hostile_html(tmp_path: Path, name: str, page: str, warning: str | None) -> None:
    document = _read_one(tmp_path, name, page.encode("utf-8"), warning)
    assert SINGH in document.text
    assert ATACMS in document.text
    for hidden in NEVER_SHOWN:
        assert hidden not in document.text, hidden


def test_hostile_html_with_characters_lxml_refuses(tmp_path: Path) -> None:
    """Found by atheris: a control character in the tail of a dropped <script> made lxml raise ValueError."""
    page = f"<html><body><p>{SINGH}</p><script>alert(1)</script>\x0b\x07 {ATACMS}\uffff<style>p {{}}</style>\x0c</body>"
    document = _read_one(tmp_path, "controls.html", page.encode("utf-8"))
    assert SINGH in document.text
    assert ATACMS in document.text
    assert "alert" not in document.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>North Korean troops in Kursk</title></head></html>",
        f"<html><head><title>Kursk</title></head><body>{SCRIPTS}</body></html>",
        "<div>" * 100_000 + SCRIPTS,
    ],
)
def test_hostile_html_without_visible_text(tmp_path: Path, page: str) -> None:
    _refused(tmp_path, "nobody.html", page.encode(), "HTML page has no visible text")


# --- JSON and Markdown built against their parsers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("deep_text.json", '{"documents": ' + "[" * 100_000, "nested too deeply"),
        ("bigint.json", '{"text": "' + SINGH + '", "id": ' + "7" * 5000 + "}", "not valid JSON"),
        ("nan.json", '{"text": NaN}', 'no "text" string'),
    ],
)
def test_hostile_json(tmp_path: Path, name: str, data: str, reason: str) -> None:
    _refused(tmp_path, name, data.encode(), reason)


def test_hostile_json_lone_surrogates_replaced_with_a_warning(tmp_path: Path) -> None:
    data = json.dumps({"text": SINGH.replace("Singh", "Singh\ud800"), "title": "Kursk\udfff"}).encode()
    document = _read_one(tmp_path, "surrogates.json", data, warning="lone surrogate")
    assert document.text == SINGH.replace("Singh", "Singh\ufffd")
    assert document.title == "Kursk\ufffd"
    document.text.encode("utf-8")


def test_hostile_deep_json_sidecar_names_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "dod.txt").write_text(SINGH, encoding="utf-8")
    (tmp_path / "dod.meta.json").write_text("[" * 100_000, encoding="utf-8")
    _refused(tmp_path, "dod.txt", SINGH.encode(), "nested too deeply", where=tmp_path / "dod.meta.json")


def test_hostile_sidecar_over_its_limit(tmp_path: Path) -> None:
    _sparse(tmp_path / "dod.meta.json", 30 * MB)
    reason = "file too large (30 MB, over the 1 MB limit)"
    _refused(tmp_path, "dod.txt", SINGH.encode(), reason, where=tmp_path / "dod.meta.json")


def test_hostile_markdown_heading_crafted_against_the_title_regex(tmp_path: Path) -> None:
    document = _read_one(tmp_path, "hashes.md", ("# " + "#" * 2 * MB + " x\n" + SINGH).encode())
    assert document.text.endswith(SINGH)


def test_hostile_special_file_refused(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    documents, error = _timed_read(fifo)
    assert error is not None and "not a regular file" in error.reason


# --- the command line: one line on stderr, non-zero exit, never a traceback -------------------------------------


def _analyze(path: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "claimsift", "analyze", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert time.perf_counter() - started < BUDGET_S + 10  # the process also imports claimsift
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.mark.parametrize(
    ("name", "build", "reason"),
    [
        ("picture.txt", _png, "binary file (PNG image), not text"),
        ("bomb.txt", _gzip_bomb, "binary file (gzip-compressed data)"),
        ("archive.srt", _zip_bomb, "binary file (ZIP archive"),
        ("deep.json", lambda: b"[" * 100_000, "JSON nested too deeply"),
        ("silent.vtt", lambda: b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n", "caption file has cues but no text"),
        ("huge.txt", None, "file too large (200 MB, over the 50 MB limit)"),
    ],
)
def test_hostile_cli_one_line_error(tmp_path: Path, name: str, build: Callable[[], bytes] | None, reason: str) -> None:
    path = tmp_path / name
    if build is None:
        _sparse(path, 200 * MB)
    else:
        path.write_bytes(build())
    proc = _analyze(path, env={"CLAIMSIFT_MAX_BYTES": ""})
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"claimsift: error: {path}: ")
    assert reason in lines[0]


def test_hostile_cli_size_limit_from_environment(tmp_path: Path) -> None:
    path = tmp_path / "pentagon.txt"
    path.write_text(f"{PENTAGON}\n" * 20, encoding="utf-8")
    proc = _analyze(path, env={"CLAIMSIFT_MAX_BYTES": "1k"})
    assert proc.returncode != 0
    assert proc.stderr.splitlines() == [
        f"claimsift: error: {path}: file too large (3.6 kB, over the 1 kB limit); "
        "set CLAIMSIFT_MAX_BYTES (or max_bytes) to raise the limit"
    ]


@pytest.mark.model
def test_hostile_cli_deeply_nested_page_is_analysed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    page = f"<html><body><p>{SINGH}</p>{'<div>' * 100_000}<p>{ATACMS}</p>{'</div>' * 100_000}{SCRIPTS}</body></html>"
    path.write_text(page, encoding="utf-8")
    proc = _analyze(path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"claimsift: warning: {path}: page too deeply nested"), lines
    document = json.loads(proc.stdout)["documents"][0]
    assert any("nested" in warning for warning in document["warnings"])


def test_hostile_markdown_summary_escapes_source_names_and_drops_controls(tmp_path: Path) -> None:
    """A source named with markup, a terminal title sequence and a bidi override (the VOA story's sentence
    with its source so renamed): the verdict's summary line, which names the strongest source, stays inert
    in the Markdown report, and no control or bidi character reaches it."""
    from claimsift import analyze
    from claimsift.report.markdown import render_markdown

    hostile = "\x1b]0;pwn\x07\u202e<script>alert(1)</script> officials"
    text = (
        f"{hostile} said Tuesday a “small number” of North Korean troops have deployed to Russia’s Kursk region, "
        "where they are likely to be used in combat against Ukrainian troops."
    )
    path = tmp_path / "voa.txt"
    path.write_text(text, encoding="utf-8")
    report = render_markdown(analyze([str(path)], hypotheses=["North Korean troops have deployed to Russia's Kursk"]))
    assert "<script>" not in report and "\\<script\\>" in report
    assert not any(ch in report for ch in ("\x1b", "\x07", "\u202e"))
