"""Encoding detection of claimsift.ingest.decode, and its use by the readers.

The encoded variants are built here from real sentences of the public-domain DOD News article in
tests/data/dod_singh_kursk_11000.txt, written with typographic quotes and apostrophe so that every encoding has
non-ASCII characters to get right.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from claimsift.errors import InputError
from claimsift.ingest import decode, read_documents

SENTENCE = (
    "“They’re moving into Kursk for a reason.”\r\n"
    "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said.\n"
)

ENCODED = [
    ("utf-8", SENTENCE.encode("utf-8")),
    ("utf-8 with BOM", codecs.BOM_UTF8 + SENTENCE.encode("utf-8")),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le")),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be")),
    ("utf-16-le without BOM", SENTENCE.encode("utf-16-le")),
    ("utf-16-be without BOM", SENTENCE.encode("utf-16-be")),
    ("utf-32-le with BOM", codecs.BOM_UTF32_LE + SENTENCE.encode("utf-32-le")),
]


@pytest.mark.parametrize(("label", "data"), ENCODED, ids=[label for label, _ in ENCODED])
def test_ingest_decode_unicode_encodings(label: str, data: bytes) -> None:
    assert decode(data, "singh.txt") == (SENTENCE, [])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"caf\xe9", "café"),
        (SENTENCE.encode("cp1252"), SENTENCE),
        (b"\x93They\x92re moving into Kursk for a reason.\x94", "“They’re moving into Kursk for a reason.”"),
        ("Kursk – Pokrovsk direction…".encode("cp1252"), "Kursk – Pokrovsk direction…"),
    ],
)
def test_ingest_decode_cp1252(data: bytes, expected: str) -> None:
    text, warnings = decode(data, "legacy.txt")
    assert text == expected
    assert warnings == ["not UTF-8: decoded as cp1252 (Windows Western European)"]


def test_ingest_decode_invalid_utf8_is_replaced_with_a_warning() -> None:
    data = SENTENCE.encode("utf-8").replace(b"Korea", b"Ko\xffrea")
    text, warnings = decode(data, "broken.txt")
    assert text == SENTENCE.replace("Korea", "Ko\ufffdrea")
    assert warnings == ["invalid UTF-8: 1 undecodable byte sequence(s) replaced with U+FFFD"]


def test_ingest_decode_other_legacy_encoding_is_flagged_as_a_guess() -> None:
    # Place names (Kursk region, Primorsky Krai) in Russian, in the Windows Cyrillic code page.
    original = "Курская область, Приморский край, Владивосток"
    text, warnings = decode(original.encode("cp1251"), "names.txt")
    assert text == original
    assert warnings and "cp1251" in warnings[0] and "guess" in warnings[0]


def test_ingest_decode_honours_html_charset_declaration() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Курская область</p></body></html>'
    text, warnings = decode(page.encode("cp1251"), "page.html")
    assert text == page
    assert "declares" in warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (SENTENCE.encode("utf-8") + b"\x00" + SENTENCE.encode("utf-8"), "NUL bytes"),
        (bytes(range(1, 9)) * 20 + b"Kursk", "control characters"),
    ],
)
def test_ingest_decode_refuses_binary(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        decode(data, "clip.txt")
    assert caught.value.path == "clip.txt"


@pytest.mark.parametrize(("label", "data"), ENCODED, ids=[label for label, _ in ENCODED])
def test_ingest_text_file_in_any_encoding(tmp_path: Path, label: str, data: bytes) -> None:
    path = tmp_path / "singh.txt"
    path.write_bytes(data)
    (document,) = read_documents([str(path)])
    assert document.text == SENTENCE
    assert document.warnings == ()


def test_ingest_cp1252_caption_file_warns(tmp_path: Path) -> None:
    path = tmp_path / "singh.srt"
    path.write_bytes(b"1\r\n00:09:43,860 --> 00:09:46,300\r\n\x93They\x92re moving into Kursk for a reason.\x94\r\n")
    (document,) = read_documents([str(path)])
    assert document.text == "“They’re moving into Kursk for a reason.”"
    assert document.warnings == ("not UTF-8: decoded as cp1252 (Windows Western European)",)
