"""Paths to documents: files, folders walked recursively, web addresses, and ``-`` for standard input.

A folder yields, in sorted order, every file with a readable extension (.txt .md .vtt .srt .html .htm .json
.pdf .docx)
under it, except sidecars (``*.meta.json``), gold annotations (``*.gold.json``) and hidden files and folders.
A file named explicitly is read whatever its extension (the format is then guessed from its content).

Every file is checked against the size limit (``max_bytes``, else ``CLAIMSIFT_MAX_BYTES``, else 50 MB) before
it is read, and standard input is read no further than the limit. With ``on_error``, a path that cannot be read
is reported through it and skipped, and the others are still read. A file name that is not UTF-8 is read all
the same; the document's path and id show its undecodable bytes as U+FFFD (``safe_text.display_path``).

A folder's symbolic links are not trusted to stay in it: a link (to a file or a folder) whose target lies
outside the folder given, or that loops, is skipped with a one-line warning naming it, and the walk goes on. A
link to a file inside is read; a link to a folder is never walked (what it leads to inside the folder is read
where it lies). A symlink named on the command line is read: the user chose it.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from claimsift.errors import InputError
from claimsift.model import Document
from claimsift.safe_text import display_path

from ._fetch import is_address
from ._limits import read_limited, read_limited_file, resolve_max_bytes, too_large
from ._meta import check_published, load_sidecar
from ._read import FORMATS, read_data, unique_ids
from ._url import read_url

OnError = Callable[[str, str], None]
"""Told ``(path, reason)`` of every path that cannot be read, when a batch goes on past bad files."""

log = logging.getLogger("claimsift.ingest")

STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
SKIPPED_SUFFIXES: tuple[str, ...] = (".meta.json", ".gold.json")


def read_documents(
    paths: Sequence[str],
    published: str | None = None,
    *,
    max_bytes: int | None = None,
    on_error: OnError | None = None,
    allow_private: bool = False,
) -> list[Document]:
    """Read every document the paths name, in order, with unique ids.

    Args:
        paths: Files, folders (walked recursively, sorted), web addresses (``https://...``), or ``"-"`` for
            standard input.
        published: YYYY-MM-DD; overrides the publication date of every document.
        max_bytes: Largest file (or standard input) read, in bytes; default ``CLAIMSIFT_MAX_BYTES``, else 50 MB.
        on_error: Called with ``(path, reason)`` for each path that cannot be read, which is then skipped; the
            good ones are still read. When no path could be read, the first error is raised after all were
            reported. Without it, the first bad path raises at once.
        allow_private: Fetch addresses on loopback, private and link-local networks (see ``_fetch``).

    Raises:
        InputError: A path is missing, or a file is empty, binary, too large, not decodable or malformed; the
            message names the file. With ``on_error``, only when every path failed.
        UsageError: ``published`` is not a YYYY-MM-DD date, or ``max_bytes`` is not a positive number.
    """
    if isinstance(paths, str | bytes):
        raise TypeError("paths must be a sequence of paths, such as ['report.txt'], not a single string")
    check_published(published)
    limit = resolve_max_bytes(max_bytes)
    documents: list[Document] = []
    first_error: InputError | None = None
    for read in _readers(paths, published, limit, allow_private, on_error or _log_skipped):
        try:
            documents.extend(read())
        except InputError as exc:
            if on_error is None:
                raise
            first_error = first_error or exc
            on_error(exc.path, exc.reason)
    if first_error is not None and not documents:
        raise first_error
    return unique_ids(documents)


def _log_skipped(path: str, reason: str) -> None:
    """Where a skipped link is reported when the caller gave no ``on_error``: a warning in the log."""
    log.warning("skipped %s: %s", path, reason)


def _readers(
    paths: Sequence[str], published: str | None, limit: int, allow_private: bool, on_skip: OnError
) -> Iterator[Callable[[], list[Document]]]:
    """One call per file, address or stdin to read, in order; a path that cannot be expanded yields a call that
    raises."""
    for arg in paths:
        if arg == STDIN:
            yield partial(read_stdin, published, max_bytes=limit)
            continue
        if is_address(arg):
            yield partial(read_url, arg.strip(), published, max_bytes=limit, allow_private=allow_private)
            continue
        try:
            files = expand(arg, on_skip=on_skip)
        except InputError as exc:
            yield _raiser(exc)
            continue
        for path in files:
            yield partial(read_file, path, published, max_bytes=limit)


def _raiser(exc: InputError) -> Callable[[], list[Document]]:
    def read() -> list[Document]:
        raise exc

    return read


def expand(arg: str | os.PathLike[str], *, on_skip: OnError | None = None) -> list[Path]:
    """The files a path argument names: itself (a symlink too), or the readable files of a folder.

    Args:
        on_skip: Told ``(link, reason)`` of each symbolic link in the folder that is not followed (it leads
            outside the folder, or loops); without it, each is a warning in the ``claimsift.ingest`` log.

    Raises:
        InputError: The path does not exist, or the folder holds no readable file.
    """
    path = Path(arg)
    if path.is_dir():
        files = walk(path, on_skip=on_skip or _log_skipped)
        if not files:
            kinds = " ".join(sorted(FORMATS))
            raise InputError(str(arg), f"folder holds no readable file ({kinds})")
        return files
    if not path.exists():
        raise InputError(str(arg), "no such file or folder")
    return [path]


def walk(root: Path, *, on_skip: OnError = _log_skipped) -> list[Path]:
    """Readable document files under a folder, sorted by their path inside it; hidden entries skipped.

    A symbolic link leading outside ``root`` (or looping) is told to ``on_skip`` and left: a folder handed to
    claimsift must not read what lies elsewhere (``docs/notes.txt -> ~/.ssh/id_rsa``).
    """
    inside = os.path.realpath(root)
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):  # os.walk never descends into a link to a folder
        for name in dirnames:
            link = Path(folder, name)
            if not name.startswith(".") and link.is_symlink() and (reason := _escapes(link, inside)):
                on_skip(display_path(link), reason)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(folder, name)
            if not _is_document(name):
                continue
            if path.is_symlink() and (reason := _escapes(path, inside)):
                on_skip(display_path(path), reason)
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _escapes(link: Path, inside: str) -> str | None:
    """Why a symbolic link in a folder is not followed (it loops, or leads outside ``inside``), or None."""
    try:
        target = os.path.realpath(link, strict=True)
    except FileNotFoundError:
        target = os.path.realpath(link)  # dangling: judged by where it points; reading it then fails as missing
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link that loops"
        return f"symbolic link that cannot be followed ({exc.strerror})"
    if os.path.commonpath([target, inside]) != inside:
        return f"symbolic link to {display_path(target)}, outside {display_path(inside)}"
    return None


def _is_document(filename: str) -> bool:
    lower = filename.lower()
    if filename.startswith(".") or lower.endswith(SKIPPED_SUFFIXES):
        return False
    return os.path.splitext(lower)[1] in FORMATS


def read_file(path: Path, published: str | None = None, *, max_bytes: int | None = None) -> list[Document]:
    """The documents of one file, with its sidecar's metadata; ids not yet unique.

    Raises:
        InputError: The file or its sidecar cannot be read, is over the size limit, or is invalid.
    """
    name = display_path(path)  # the file is opened by its real name; documents carry one any output can hold
    data = read_limited_file(path, resolve_max_bytes(max_bytes))
    sidecar = load_sidecar(path)
    return read_data(data, name=name, path=name, published=published, sidecar=sidecar, max_bytes=max_bytes)


def read_stdin(published: str | None = None, *, max_bytes: int | None = None) -> list[Document]:
    """The documents piped to standard input, with the id ``stdin``; the format is guessed from the content.

    At most the size limit plus one byte is read: more than the limit is refused without reading the rest.

    Raises:
        InputError: The input is empty, over the size limit, binary, not decodable or malformed.
    """
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN_NAME, "no standard input to read")
    limit = resolve_max_bytes(max_bytes)
    try:
        data = read_limited(stream, limit)
    except OSError as exc:
        raise InputError(STDIN_NAME, f"cannot read standard input: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputError(STDIN_NAME, too_large(None, limit).replace("file too large", "input too large", 1))
    return read_data(data, name=STDIN_NAME, path=STDIN, published=published, sidecar={}, id_base=STDIN_ID)
