"""Size limits: a file over the limit is refused before it is read whole, and no read goes past the limit.

The limit is ``max_bytes`` when given, else the environment variable ``CLAIMSIFT_MAX_BYTES`` (a number of
bytes, optionally with a ``K``, ``M`` or ``G`` suffix: ``200M``), else 50 MB. A regular file's size is taken
from ``stat`` before it is opened for reading; standard input, and a file that grows while it is read, are
read in at most ``limit + 1`` bytes, so that memory stays bounded by the limit whatever comes in.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from claimsift.errors import InputError, UsageError

DEFAULT_MAX_BYTES = 50_000_000
ENV_MAX_BYTES = "CLAIMSIFT_MAX_BYTES"
SIDECAR_MAX_BYTES = 1_000_000
"""Metadata files are a few hundred bytes; anything over this is not a sidecar."""

_SIZE = re.compile(r"(\d{1,15})\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}
_CHUNK = 1 << 20
_HINT = f"set {ENV_MAX_BYTES} (or max_bytes) to raise the limit"


def resolve_max_bytes(max_bytes: int | None) -> int:
    """The size limit in bytes: the argument, else ``CLAIMSIFT_MAX_BYTES``, else 50 MB.

    Raises:
        UsageError: The argument or the environment variable is not a positive number of bytes.
    """
    if max_bytes is None:
        raw = os.environ.get(ENV_MAX_BYTES, "").strip()
        return parse_size(raw, ENV_MAX_BYTES) if raw else DEFAULT_MAX_BYTES
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise UsageError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    return max_bytes


def parse_size(raw: str, label: str) -> int:
    """Bytes of ``50000000``, ``50M``, ``50MB`` or ``800k`` (decimal units).

    Raises:
        UsageError: The value is not such a size, or is zero.
    """
    match = _SIZE.fullmatch(raw.strip())
    if match is None or int(match.group(1)) == 0:
        raise UsageError(f"{label} must be a positive number of bytes such as 50000000 or 50M, got {raw!r}")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def human_size(size: int) -> str:
    """``209.7 MB``, ``50 MB``, ``812 bytes``: decimal units, one decimal where it matters."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def too_large(size: int | None, limit: int, hint: str = _HINT) -> str:
    """The one-line reason for refusing input over the limit (its size, when known)."""
    found = f"{human_size(size)}, over" if size is not None else "over"
    return f"file too large ({found} the {human_size(limit)} limit); {hint}"


def read_limited_file(path: Path, limit: int, hint: str = _HINT) -> bytes:
    """The bytes of a regular file, refused by its size before reading when over ``limit``.

    Raises:
        InputError: The file is missing, unreadable, not a regular file, or over the limit.
    """
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a device, pipe or socket); use - for standard input")
        if info.st_size > limit:
            raise InputError(name, too_large(info.st_size, limit, hint))
        with path.open("rb") as handle:
            data = read_limited(handle, limit, expected=info.st_size)
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputError(name, too_large(None, limit, hint))
    return data


def read_limited(stream: BinaryIO, limit: int, expected: int | None = None) -> bytes:
    """At most ``limit + 1`` bytes of a stream: one byte more than the limit tells the caller it is over.

    Read in chunks, so that a large limit never means a large buffer up front.

    Args:
        expected: The size ``stat`` gave: the first read asks for one byte more, to see whether it grew.
    """
    chunks: list[bytes] = []
    total = 0
    want = min(expected + 1, _CHUNK * 64) if expected is not None else _CHUNK
    while total <= limit:
        chunk = stream.read(min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK
    return b"".join(chunks)
