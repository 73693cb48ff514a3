"""Known file signatures ("magic numbers"): binary and compressed files are refused by what they are.

A file named ``.txt`` may be a PNG, a PDF or a gzip stream. Its first bytes say so; checking them first gives
a clear reason ("PDF document") where the decoder would only see NUL or control bytes, or would even decode a
PDF's ASCII header as cp1252 text. Compressed files and archives are never decompressed: a small ``.txt`` that
is really gzip or ZIP may expand to gigabytes (a "bomb"), and claimsift reads text, not archives.

Signatures that are plain ASCII (``%PDF-``, ``GIF89a``, ``ID3``) are matched with enough of their binary
continuation that ordinary prose never starts with them.
"""

from __future__ import annotations

import re

from claimsift.errors import InputError

_HEAD = 512
"""Bytes of the file that the signatures look at."""

_COMPRESSED: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), label)
    for pattern, label in (
        (rb"\x1f\x8b", "gzip-compressed data"),
        (rb"PK(?:\x03\x04|\x05\x06|\x07\x08)", "ZIP archive, such as .docx or .epub"),
        (rb"BZh[1-9]1AY&SY", "bzip2-compressed data"),
        (rb"\xfd7zXZ\x00", "xz-compressed data"),
        (rb"\x28\xb5\x2f\xfd", "Zstandard-compressed data"),
        (rb"\x04\x22\x4d\x18", "LZ4-compressed data"),
        (rb"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (rb"Rar!\x1a\x07", "RAR archive"),
        (rb".{257}ustar", "tar archive"),
    )
)
_BINARY: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), label)
    for pattern, label in (
        (rb"%PDF-\d", "PDF document"),
        (rb"\x89PNG\r\n\x1a\n", "PNG image"),
        (rb"\xff\xd8\xff", "JPEG image"),
        (rb"GIF8[79]a", "GIF image"),
        (rb"RIFF.{4}WEBP", "WebP image"),
        (rb"RIFF.{4}(?:WAVE|AVI )", "RIFF audio or video"),
        (rb"II\x2a\x00|MM\x00\x2a", "TIFF image"),
        (rb".{4}ftyp", "MP4 or QuickTime video"),
        (rb"\x1a\x45\xdf\xa3", "Matroska or WebM video"),
        (rb"ID3[\x02-\x04]\x00", "MP3 audio"),
        (rb"OggS\x00", "Ogg audio or video"),
        (rb"fLaC\x00", "FLAC audio"),
        (rb"\x7fELF", "ELF executable"),
        (rb"MZ.{58}", "Windows executable"),
        (rb"\xcf\xfa\xed\xfe|\xce\xfa\xed\xfe|\xfe\xed\xfa[\xce\xcf]|\xca\xfe\xba\xbe", "Mach-O or Java binary"),
        (rb"\x00asm", "WebAssembly module"),
        (rb"SQLite format 3\x00", "SQLite database"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 document"),
    )
)


def refuse_known_binary(data: bytes, name: str) -> None:
    """Raise when the data starts with the signature of a binary or compressed format.

    Raises:
        InputError: The data is a known binary format (an image, a PDF, an executable) or compressed.
    """
    head = data[:_HEAD]
    for pattern, label in _COMPRESSED:
        if pattern.match(head):
            raise InputError(name, f"binary file ({label}), not text; claimsift never decompresses or unpacks input")
    for pattern, label in _BINARY:
        if pattern.match(head) and _not_prose(head, label):
            raise InputError(name, f"binary file ({label}), not text")


def _not_prose(head: bytes, label: str) -> bool:
    """Guard the two short signatures that text could start with: ``MZ`` and a 4-byte size before ``ftyp``."""
    if label in ("Windows executable", "MP4 or QuickTime video"):
        return b"\x00" in head[:64]
    return True
