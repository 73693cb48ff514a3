"""Batches past bad files (``on_error``) and the size limit (``max_bytes``, ``CLAIMSIFT_MAX_BYTES``, stdin).

The texts are sentences quoted from the real articles in tests/data/*.txt.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from claimsift.errors import InputError, UsageError
from claimsift.ingest import read_bytes, read_documents
from claimsift.ingest._limits import human_size, parse_size

# Real sentences of tests/data/dod_singh_kursk_11000.txt (DOD News, public domain); ATACMS is the shorter.
ATACMS = "The Russians have moved their airfields out of range of ATACMS, she said."
SINGH = "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said."
MB = 1_000_000


class Reported:
    """An ``on_error`` callback that keeps what it was told."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, path: str, reason: str) -> None:
        self.calls.append((path, reason))


def _folder(tmp_path: Path) -> Path:
    """Two good files and three bad ones, in walk order a_ to e_."""
    (tmp_path / "a_atacms.txt").write_text(ATACMS, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_picture.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
    (tmp_path / "d_singh.srt").write_text(f"1\n00:00:01,000 --> 00:00:04,000\n{SINGH}\n", encoding="utf-8")
    (tmp_path / "e_broken.json").write_text('{"text": ', encoding="utf-8")
    return tmp_path


def test_ingest_batch_reports_and_skips_bad_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    reported = Reported()
    documents = read_documents([str(folder)], on_error=reported)
    assert [(d.id, d.text) for d in documents] == [("a_atacms", ATACMS), ("d_singh", SINGH)]
    assert [(Path(path).name, reason.split(":")[0]) for path, reason in reported.calls] == [
        ("b_empty.txt", "empty file"),
        ("c_picture.md", "binary file (PNG image), not text"),
        ("e_broken.json", "not valid JSON"),
    ]


def test_ingest_batch_without_on_error_raises_at_the_first_bad_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with pytest.raises(InputError) as caught:
        read_documents([str(folder)])
    assert caught.value.path == str(folder / "b_empty.txt")


def test_ingest_batch_missing_paths_and_bad_sidecars_are_reported(tmp_path: Path) -> None:
    (tmp_path / "atacms.txt").write_text(ATACMS, encoding="utf-8")
    (tmp_path / "singh.txt").write_text(SINGH, encoding="utf-8")
    (tmp_path / "singh.meta.json").write_text(json.dumps({"published": "Wednesday"}), encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    reported = Reported()
    paths = [str(tmp_path / "missing.vtt"), str(tmp_path / "singh.txt"), str(tmp_path / "nothing"), str(tmp_path)]
    documents = read_documents(paths, on_error=reported)
    assert [d.text for d in documents] == [ATACMS]  # the folder: singh.txt again (bad sidecar), atacms.txt
    assert [path for path, _reason in reported.calls] == [
        str(tmp_path / "missing.vtt"),
        str(tmp_path / "singh.meta.json"),
        str(tmp_path / "nothing"),
        str(tmp_path / "singh.meta.json"),
    ]
    assert reported.calls[0][1] == "no such file or folder"


def test_ingest_batch_all_bad_raises_the_first_after_reporting_all(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.vtt").write_text("WEBVTT\n\nNOTE nothing\n", encoding="utf-8")
    reported = Reported()
    with pytest.raises(InputError) as caught:
        read_documents([str(tmp_path / "a.txt"), str(tmp_path / "b.vtt")], on_error=reported)
    assert caught.value.path == str(tmp_path / "a.txt")
    assert [path for path, _reason in reported.calls] == [str(tmp_path / "a.txt"), str(tmp_path / "b.vtt")]


def test_ingest_batch_nothing_to_read_is_no_error() -> None:
    assert read_documents([], on_error=Reported()) == []


def test_ingest_batch_over_the_limit_is_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ATACMS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SINGH, encoding="utf-8")
    reported = Reported()
    documents = read_documents([str(tmp_path)], max_bytes=len(ATACMS), on_error=reported)
    assert [d.text for d in documents] == [ATACMS]
    assert reported.calls == [(str(tmp_path / "b.txt"), reported.calls[0][1])]
    assert reported.calls[0][1].startswith(f"file too large ({len(SINGH)} bytes, over the {len(ATACMS)} bytes limit)")


# --- the size limit ---------------------------------------------------------------------------------------------


def test_ingest_size_limit_from_argument_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "atacms.txt"
    path.write_text(ATACMS, encoding="utf-8")
    size = len(ATACMS)
    assert read_documents([str(path)], max_bytes=size)[0].text == ATACMS
    with pytest.raises(InputError, match=rf"file too large \({size} bytes, over the {size - 1} bytes limit\)"):
        read_documents([str(path)], max_bytes=size - 1)
    monkeypatch.setenv("CLAIMSIFT_MAX_BYTES", str(size - 1))
    with pytest.raises(InputError, match="file too large"):
        read_documents([str(path)])
    assert read_documents([str(path)], max_bytes=size)[0].text == ATACMS  # the argument wins
    monkeypatch.setenv("CLAIMSIFT_MAX_BYTES", "1k")
    assert read_documents([str(path)])[0].text == ATACMS


def test_ingest_read_bytes_size_limit() -> None:
    assert read_bytes(ATACMS.encode(), "upload.txt", max_bytes=len(ATACMS))[0].text == ATACMS
    with pytest.raises(InputError, match="file too large") as caught:
        read_bytes(ATACMS.encode(), "upload.txt", max_bytes=10)
    assert caught.value.path == "upload.txt"


@pytest.mark.parametrize("value", [0, -5, True, 2.5, "50M"])
def test_ingest_bad_max_bytes_is_a_usage_error(tmp_path: Path, value: object) -> None:
    with pytest.raises(UsageError, match="max_bytes must be a positive number of bytes"):
        read_documents([str(tmp_path)], max_bytes=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0", "fifty", "-3", "5 TB", "1.5M"])
def test_ingest_bad_environment_limit_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CLAIMSIFT_MAX_BYTES", value)
    with pytest.raises(UsageError, match="CLAIMSIFT_MAX_BYTES must be a positive number of bytes"):
        read_documents([])


@pytest.mark.parametrize(
    ("raw", "size"),
    [("50000000", 50 * MB), ("50M", 50 * MB), ("50mb", 50 * MB), ("800k", 800_000), ("2G", 2_000_000_000), (" 7 ", 7)],
)
def test_ingest_parse_size(raw: str, size: int) -> None:
    assert parse_size(raw, "CLAIMSIFT_MAX_BYTES") == size


@pytest.mark.parametrize(
    ("size", "text"),
    [(812, "812 bytes"), (2_200, "2.2 kB"), (50 * MB, "50 MB"), (209_715_200, "209.7 MB"), (3 * 10**9, "3 GB")],
)
def test_ingest_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


class _Endless(io.RawIOBase):
    """Standard input that never ends (``yes | claimsift analyze -``), counting what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        line = (ATACMS + "\n").encode()
        chunk = line * (len(buffer) // len(line) + 1)
        buffer[:] = chunk[: len(buffer)]
        self.taken += len(buffer)
        return len(buffer)


def test_ingest_endless_stdin_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_documents(["-"], max_bytes=2 * MB)
    assert time.perf_counter() - started < 20
    assert caught.value.path == "<stdin>"
    assert caught.value.reason.startswith("input too large (over the 2 MB limit)")
    assert raw.taken <= 2 * MB + 1 + io.DEFAULT_BUFFER_SIZE


def test_ingest_stdin_within_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (ATACMS + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (document,) = read_documents(["-"], max_bytes=len(data))
    assert document.text == ATACMS + "\n"
