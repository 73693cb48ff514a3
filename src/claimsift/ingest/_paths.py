"""Paths to documents: files, folders walked recursively, and ``-`` for standard input.

A folder yields, in sorted order, every file with a readable extension (.txt .md .vtt .srt .html .htm .json)
under it, except sidecars (``*.meta.json``), gold annotations (``*.gold.json``) and hidden files and folders.
A file named explicitly is read whatever its extension (the format is then guessed from its content).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from claimsift.errors import InputError
from claimsift.model import Document

from ._meta import check_published, load_sidecar
from ._read import FORMATS, read_data, unique_ids

STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
SKIPPED_SUFFIXES: tuple[str, ...] = (".meta.json", ".gold.json")


def read_documents(paths: Sequence[str], published: str | None = None) -> list[Document]:
    """Read every document the paths name, in order, with unique ids.

    Args:
        paths: Files, folders (walked recursively, sorted), or ``"-"`` for standard input.
        published: YYYY-MM-DD; overrides the publication date of every document.

    Raises:
        InputError: A path is missing, or a file is empty, binary, not decodable or malformed; the message
            names the file.
        UsageError: ``published`` is not a YYYY-MM-DD date.
    """
    if isinstance(paths, str | bytes):
        raise TypeError("paths must be a sequence of paths, such as ['report.txt'], not a single string")
    check_published(published)
    documents: list[Document] = []
    for arg in paths:
        if arg == STDIN:
            documents.extend(read_stdin(published))
            continue
        for path in expand(arg):
            documents.extend(read_file(path, published))
    return unique_ids(documents)


def expand(arg: str | os.PathLike[str]) -> list[Path]:
    """The files a path argument names: itself, or the readable files of a folder.

    Raises:
        InputError: The path does not exist, or the folder holds no readable file.
    """
    path = Path(arg)
    if path.is_dir():
        files = walk(path)
        if not files:
            kinds = " ".join(sorted(FORMATS))
            raise InputError(str(arg), f"folder holds no readable file ({kinds})")
        return files
    if not path.exists():
        raise InputError(str(arg), "no such file or folder")
    return [path]


def walk(root: Path) -> list[Path]:
    """Readable document files under a folder, sorted by their path inside it; hidden entries skipped."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(folder, f) for f in filenames if _is_document(f))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _is_document(filename: str) -> bool:
    lower = filename.lower()
    if filename.startswith(".") or lower.endswith(SKIPPED_SUFFIXES):
        return False
    return os.path.splitext(lower)[1] in FORMATS


def read_file(path: Path, published: str | None = None) -> list[Document]:
    """The documents of one file, with its sidecar's metadata; ids not yet unique.

    Raises:
        InputError: The file or its sidecar cannot be read or is invalid.
    """
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read file: {exc.strerror or exc}") from exc
    sidecar = load_sidecar(path)
    return read_data(data, name=name, path=name, published=published, sidecar=sidecar)


def read_stdin(published: str | None = None) -> list[Document]:
    """The documents piped to standard input, with the id ``stdin``; the format is guessed from the content.

    Raises:
        InputError: The input is empty, binary, not decodable or malformed.
    """
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN_NAME, "no standard input to read")
    data = stream.read()
    return read_data(data, name=STDIN_NAME, path=STDIN, published=published, sidecar={}, id_base=STDIN_ID)
