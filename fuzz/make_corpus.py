"""Write the seed corpus of fuzz_readers.py: the real sample files and the hostile cases of issue 6.

Each seed is one input of the harness: a first byte that picks the target (see fuzz_readers.py), then the file
or the text. The readable text comes from the real documents in tests/data (the articles, and the caption,
HTML, JSON and Markdown samples in tests/data/ingest); the hostile variants are built here from them: other
encodings, binary signatures, compressed data, broken caption timings, missing blank lines, deep nesting,
scripts, cut-off files. Seeds are cut to ``MAX_SEED`` bytes, below the ``-max_len`` of the fuzzing command.

Usage: .venv/bin/python fuzz/make_corpus.py [OUTPUT_DIR]   (default fuzz/corpus)
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXTENSIONS = (".txt", ".md", ".vtt", ".srt", ".html", ".htm", ".json", "")
"""Target numbers 0-7, as in fuzz_readers.py; 8 is the dates."""
DATES = len(EXTENSIONS)
MAX_SEED = 60_000
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")


def target(extension: str) -> int:
    return EXTENSIONS.index(extension)


def sentences() -> list[str]:
    """The first lines of the real articles in tests/data."""
    lines: list[str] = []
    for path in sorted(DATA.glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines()[:4] if line.strip())
    return lines


def samples() -> Iterator[tuple[str, bytes]]:
    """The real sample files, each under its own extension and under no extension (sniffed)."""
    for path in sorted((DATA / "ingest").iterdir()):
        if path.suffix in EXTENSIONS and not path.name.endswith(".meta.json"):
            yield path.suffix, path.read_bytes()
            yield "", path.read_bytes()
    for path in sorted(DATA.glob("*.txt")):
        yield ".txt", path.read_bytes()[:MAX_SEED]


def encodings(lines: list[str]) -> Iterator[tuple[str, bytes]]:
    text = "\n".join(lines[:6]).replace('"', "\u201c", 1).replace('"', "\u201d", 1)
    for encoding in ENCODINGS:
        data = text.encode(encoding, errors="replace")
        yield ".txt", data
        yield ".txt", data[:-1]
    yield ".txt", codecs.BOM_UTF8 + text.encode() + b"\xff\xfe\xc3"
    yield ".md", text.encode("utf-8").replace(b"Korea", b"Ko\xffrea")


def binaries(lines: list[str]) -> Iterator[tuple[str, bytes]]:
    text = "\n".join(lines).encode()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("article.txt", text)
    signatures = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"\x7fELF\x02\x01\x01",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"SQLite format 3\x00",
        b"BZh91AY&SY",
        b"\xfd7zXZ\x00",
    )
    for extension in EXTENSIONS:
        yield extension, gzip.compress(text, mtime=0)
        yield extension, archive.getvalue()
        yield extension, b""
        for signature in signatures:
            yield extension, signature + text[:200]
    yield ".txt", text[:100] + b"\x00" + text[100:200]
    yield ".vtt", bytes(range(1, 9)) * 20 + text[:100]


def captions(lines: list[str]) -> Iterator[tuple[str, bytes]]:
    a, b, c = lines[0], lines[1], lines[2]
    vtt = f"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n{a}\n\n00:00:04.000 --> 00:00:08.000\n<v Kirby>{b}\n"
    srt = f"1\n00:00:01,000 --> 00:00:04,000\n{a}\n\n2\n00:00:04,000 --> 00:00:08,000\n<i>{b}</i>\n"
    yield ".vtt", vtt.encode()
    yield ".srt", srt.encode()
    yield ".vtt", vtt.replace("\n\n", "\n").encode()  # missing blank lines
    yield ".srt", srt.replace("\n\n", "\n").replace("2\n", "").encode()
    yield ".srt", srt.replace("00:00:04,000 -->", "00:0x:04,000 -->").encode()  # broken timestamp
    yield ".vtt", vtt.replace("00:00:04.000 --> 00:00:08", "00:00:00.500 --> 00:00:09").encode()  # out of order
    yield ".srt", srt[: len(srt) // 2].encode()  # cut mid-cue
    yield ".vtt", f"WEBVTT\n\n{'9' * 5000}:00:01.000 --> 00:00:04.000\n{c}\n".encode()
    yield ".vtt", ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n" + "<v " * 5000 + "\n").encode()
    yield ".srt", srt.encode("utf-16")
    yield ".vtt", vtt.replace("\n", "\r\n").encode("cp1252", errors="replace")


def pages(lines: list[str]) -> Iterator[tuple[str, bytes]]:
    a, b = lines[0], lines[1]
    script = "<script>document.write('x')</script><style>p{color:red}</style>"
    yield ".html", f"<html><body><p>{a}</p>{'<div>' * 3000}{b}{'</div>' * 3000}</body></html>".encode()
    yield ".html", f"<p>{a}</p>{'<div><span>' * 2000}{script}{b}".encode()
    yield ".html", f"<html><head><title>{a}</title>{script}</head></html>".encode()
    yield ".htm", f"<p>{a}</p>{script}<p>{b}</p><!-- {a}".encode()
    yield ".html", (f"<p>{a}</p>" + "<script>" * 3000).encode()
    yield ".html", f'<meta charset="windows-1251"><p>{a}</p>'.encode()


def documents(lines: list[str]) -> Iterator[tuple[str, bytes]]:
    a, b = lines[0], lines[1]
    yield ".json", json.dumps([{"text": a, "id": 1}, {"text": b, "published": "2024-10-24"}]).encode()
    yield ".json", json.dumps({"documents": [{"text": a, "title": ["x"]}]}).encode()
    yield ".json", ("[" * 5000 + "]" * 5000).encode()
    yield ".json", ('{"text": "' + a + '", "id": ' + "7" * 5000 + "}").encode()
    yield ".md", ("# " + "#" * 20_000 + " x\n" + b).encode()
    yield "", ("[" * 5000).encode()


def dates(lines: list[str]) -> Iterator[bytes]:
    for reference in (
        b"\x00\x00\x00\x00\x00",
        b"\x01\x00\x0b\x1b\x56",
        b"\x01\xff\xff\xff\xff",
        b"\x01\x00\x00\x00\x00",
    ):
        for line in lines:
            yield bytes([DATES]) + reference + line.encode()


def seeds() -> Iterator[bytes]:
    lines = sentences()
    for group in (samples(), encodings(lines), binaries(lines), captions(lines), pages(lines), documents(lines)):
        for extension, data in group:
            yield bytes([target(extension)]) + data
    yield from dates(lines)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for seed in seeds():
        seed = seed[:MAX_SEED]
        (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        count += 1
    print(f"wrote {count} seeds to {out}")


if __name__ == "__main__":
    main()
