"""Unreadable input: every InputError names the file and the reason."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from claimsift.errors import InputError
from claimsift.ingest import read_bytes, read_documents

# DOD News, 18 November 2024 (tests/data/dod_singh_kursk_11000.txt; address in its .meta.json)
ATACMS = "The Russians have moved their airfields out of range of ATACMS, she said."
PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \r\n\t\n", "empty file (only whitespace)"),
        ("blank_utf16.txt", "\ufeff \n\n".encode("utf-16-le"), "empty file (only whitespace)"),
        ("bom_only.vtt", b"\xef\xbb\xbf", "empty file (only whitespace)"),
        ("picture.txt", PNG_START, "binary file (PNG image)"),
        ("picture.vtt", PNG_START, "binary file (PNG image)"),
        ("picture.json", PNG_START, "binary file (PNG image)"),
        ("controls.html", bytes(range(1, 9)) * 30, "binary file (mostly control characters)"),
        ("no_cues.vtt", b"WEBVTT\n\nNOTE only a comment\n", "malformed caption file: no cue could be parsed"),
        ("bad_times.vtt", b"WEBVTT\n\n00:0x:01.000 --> 00:00:02.000\nKursk\n", "no cue could be parsed"),
        ("prose.srt", ATACMS.encode(), "malformed caption file: no cue could be parsed"),
        ("silent.srt", b"1\n00:00:01,000 --> 00:00:02,000\n<i> </i>\n", "caption file has cues but no text"),
        ("broken.json", b'{"text": "Kursk",', "not valid JSON"),
        ("no_text.json", json.dumps({"title": ATACMS}).encode(), 'has no "text" string'),
        (
            "number_text.json",
            json.dumps([{"text": ATACMS}, {"text": 28}]).encode(),
            'document 2 has no "text"',
        ),
        ("empty_list.json", b"[]", "the list holds no documents"),
        ("scalar.json", b"28", "malformed JSON"),
        ("blank_text.json", json.dumps({"text": "  "}).encode(), '"text" is empty'),
        ("bad_date.json", json.dumps({"text": ATACMS, "published": "28 October"}).encode(), "YYYY-MM-DD"),
        ("bad_title.json", json.dumps({"text": ATACMS, "title": ["a"]}).encode(), "'title' must be a string"),
        ("script_only.html", b"<html><body><script>var a = 1;</script></body></html>", "no visible text"),
    ],
)
def test_ingest_error_names_the_file(tmp_path: Path, filename: str, data: bytes, reason: str) -> None:
    path = tmp_path / filename
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_documents([str(path)])
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        (b'{"published": "2024-13-05"}', "'published' must be a date written YYYY-MM-DD"),
        (b'{"published": "November 5, 2024"}', "YYYY-MM-DD"),
        (b'{"outlet": 5}', "'outlet' must be a string"),
        (b'{"title": ', "metadata file is not valid JSON"),
        (b'["DOD News"]', "must hold a JSON object"),
    ],
)
def test_ingest_bad_sidecar_names_the_meta_file(tmp_path: Path, sidecar: bytes, reason: str) -> None:
    (tmp_path / "atacms.txt").write_text(ATACMS, encoding="utf-8")
    meta_path = tmp_path / "atacms.meta.json"
    meta_path.write_bytes(sidecar)
    with pytest.raises(InputError) as caught:
        read_documents([str(tmp_path / "atacms.txt")])
    assert caught.value.path == str(meta_path)
    assert reason in caught.value.reason


def test_ingest_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="no such file") as caught:
        read_documents([str(missing)])
    assert caught.value.path == str(missing)


def test_ingest_folder_without_documents(tmp_path: Path) -> None:
    (tmp_path / "clip.mp4").write_bytes(PNG_START)
    (tmp_path / "atacms.meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="folder holds no readable file") as caught:
        read_documents([str(tmp_path)])
    assert caught.value.path == str(tmp_path)


def test_ingest_one_bad_file_in_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ATACMS, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read_documents([str(tmp_path)])
    assert caught.value.path == str(tmp_path / "b.txt")


def test_ingest_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    with pytest.raises(InputError, match="empty file") as caught:
        read_documents(["-"])
    assert caught.value.path == "<stdin>"


def test_ingest_read_bytes_errors_name_the_upload() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(PNG_START, "upload.txt")
    assert caught.value.path == "upload.txt"
    with pytest.raises(InputError, match="'published' must be") as caught:
        read_bytes(ATACMS.encode(), "upload.txt", meta={"published": "yesterday"})
    assert caught.value.path == "upload.txt"
