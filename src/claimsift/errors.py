"""The one exception hierarchy of claimsift.

    ClaimsiftError
     ├── ClusterError      a Dask cluster cannot be reached or used (names the address and the reason)
     ├── InputError        a user's file or text cannot be read (names the file and the reason)
     ├── ModelError        the spaCy pipeline is missing or broken
     ├── ParseTimeout      parsing went past the time it was given (the web app's bound per request)
     ├── StoreError        a case database cannot be opened, read or written
     └── UsageError        an argument is invalid (a bad date, an unknown format)

Only ``cli.py`` turns these into exit codes; library code raises them with ``raise ... from exc``.
"""

from __future__ import annotations

from claimsift.safe_text import display_path


class ClaimsiftError(Exception):
    """Base class of every error claimsift raises on purpose."""


class ClusterError(ClaimsiftError):
    """A Dask cluster cannot be reached or used for parsing (names the address and the reason)."""


class InputError(ClaimsiftError):
    """A document could not be read: empty, binary, malformed, or unreadable."""

    def __init__(self, path: str, reason: str) -> None:
        path = display_path(path)  # a file name that is not UTF-8 must not break the message's output
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(ClaimsiftError):
    """The spaCy English pipeline could not be loaded."""


class ParseTimeout(ClaimsiftError):
    """Parsing went past the deadline it was given; nothing of the unfinished document is kept."""


class StoreError(ClaimsiftError):
    """The case database cannot be opened, read or written (names the case and the reason)."""


class UsageError(ClaimsiftError):
    """An argument has an invalid value; the message says which values are valid."""
