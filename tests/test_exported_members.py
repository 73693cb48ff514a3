"""The public API: ``claimsift.__all__`` is sorted, complete and names only what exists.

After httpx's tests/test_exported_members.py: every public name the package imports is exported, so
nothing becomes public by accident and nothing exported is missing.
"""

from __future__ import annotations

import types

import claimsift


def test_exported_members_all_is_sorted_without_repeats() -> None:
    assert claimsift.__all__ == sorted(set(claimsift.__all__))


def test_exported_members_every_name_exists() -> None:
    missing = [name for name in claimsift.__all__ if not hasattr(claimsift, name)]
    assert missing == []


def test_exported_members_every_public_import_is_exported() -> None:
    public = {
        name
        for name, value in vars(claimsift).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public == set(claimsift.__all__)


def test_exported_members_star_import_gives_the_documented_api() -> None:
    namespace: dict[str, object] = {}
    exec("from claimsift import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == claimsift.__all__
    assert namespace["analyze"] is claimsift.analysis.analyze
