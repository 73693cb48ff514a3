"""NATO Admiralty grades (CONVENTIONS.md 1): a letter for the source, a digit for the item, graded apart.

claimsift has no track record of any source, so the letter is a default by kind of source unless the
analyst sets one (``[reliability]`` in claimsift.toml, or ``reliability:`` in a YAML file). The defaults
live in ``data/evidence_weights.json`` (``default_letters``):

    =====================================================  ======
    source                                                  letter
    =====================================================  ======
    established news outlet, own findings                   B
      (media_report, video or imagery)
    established news outlet, anything else                  C
    state organ, state media or named official              C
    intelligence agency                                     C
    other named person or organisation                      C
    other outlet (not on the established list)              F
    anonymous or unnamed ("a source", "A U.S. official")    D
    unattributed reporting, an anonymous author             F
    a named narrator (a briefing, speech or statement)      as the named source it is
    =====================================================  ======

The digit follows the evidence, never the letter, to avoid the A1/B2 diagonal: 1 confirmed by an
independent origin, 2 probably true (confirmed but hedged, or a named source showing hard evidence),
3 possibly true, 4 doubtful (hedged, alone), 5 improbable (contradicted, alone), 6 cannot be judged
(the claim takes no side on any hypothesis, so nothing can confirm or contradict it).

A source's stake matters as much as its record: a party denying what it is accused of would say so
whether or not it is true. ``parties`` finds the states and organisations a hypothesis is about (the
gazetteer plus ``data/demonyms.json``: countries, demonyms, capitals, state organs and officials),
``affiliation`` the party a source speaks for, and ``interest`` combines them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from claimsift.assess.names import (
    affiliation,
    canonical_name,
    described_affiliation,
    hypothesis_roles,
    is_media,
    is_state_organ,
    name_keys,
    normalize_name,
    role_text,
    tokens,
)
from claimsift.errors import UsageError
from claimsift.lexicons import data_file
from claimsift.model import Claim, Hypothesis

LETTERS = "ABCDEF"


@cache
def _data(name: str) -> Any:
    return data_file(name)


def weights() -> dict[str, Any]:
    """The numbers of the assessment stage (``data/evidence_weights.json``)."""
    data: dict[str, Any] = _data("evidence_weights.json")
    return data


def parties(hypothesis_text: str) -> frozenset[str]:
    """Canonical names of the states and organisations a hypothesis is about."""
    return hypothesis_roles(hypothesis_text).parties


def interest(
    claim: Claim,
    hypothesis_id: str,
    hypothesis_parties: Collection[str],
    opposing: Collection[str] = frozenset(),
    achievement: bool = False,
) -> str:
    """self_serving | interested | disinterested: the source's stake in the side it takes.

    An accused party denying (or a doer confirming its own success) is self-serving; an opposing party
    confirming an accusation is interested; an admission against a party's interest is disinterested.
    """
    stance = claim.stance.get(hypothesis_id, "neutral")
    if stance == "neutral" or claim.source.kind == "unattributed":
        return "disinterested"
    if claim.source.kind == "author" and not narrated(claim.source.name):
        return "disinterested"
    party = affiliation(claim.source.name) or described_affiliation(claim.source.name, claim.text)
    if party is None or party not in hypothesis_parties:
        return "disinterested"
    against = party in opposing
    if achievement:
        return "self_serving" if stance == ("refutes" if against else "supports") else "disinterested"
    if against:
        return "interested" if stance == "supports" else "disinterested"
    return "self_serving" if stance == "refutes" else "disinterested"


def narrated(name: str) -> bool:
    """Whether the document's own voice has a name: a speech's speaker, a briefing's official, a statement's
    issuer. Such a narrator is graded like any named source; an anonymous author is not."""
    return bool(name) and name != "author"


@cache
def _outlet_forms() -> tuple[tuple[str, ...], ...]:
    return tuple(f for f in (tuple(normalize_name(o).split()) for o in weights()["established_outlets"]) if f)


def _is_established_outlet(name: str) -> bool:
    words = tuple(normalize_name(name).split())
    return any(words[: len(f)] == f or words[-len(f) :] == f for f in _outlet_forms())


def source_category(claim: Claim) -> str:
    """The row of the default-letter table (module docstring) a claim's source falls in."""
    return _category(claim.source.kind, claim.source.name, claim.evidence_type)


@lru_cache(maxsize=65536)
def _category(kind: str, name: str, evidence_type: str) -> str:
    data = weights()
    if kind == "unattributed" or (kind == "author" and not narrated(name)):
        return kind
    toks = tokens(name)
    named = any(t[:1].isupper() for _, t in toks)
    if (
        kind == "anonymous"
        or evidence_type == "anonymous_source"
        or not named
        or toks[0][0] in data["anonymous_markers"]
    ):
        return "anonymous"
    if _is_established_outlet(name):
        return "established_outlet_own_findings" if evidence_type in data["own_findings"] else "established_outlet"
    if is_state_organ(name):
        return "state_organ"
    spoken = f" {normalize_name(name)} "
    if evidence_type == "intelligence_assessment" or any(f" {w} " in spoken for w in data["intelligence_words"]):
        return "intelligence"
    if is_media(name):
        return "other_outlet"
    return "named_person" if kind == "person" else "named_organization"


@cache
def _override_index(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, letter in items:
        canonical = canonical_name(key)
        index.setdefault(normalize_name(key), letter)
        if canonical:
            index.setdefault(normalize_name(canonical), letter)
    return index


def source_letter(claim: Claim, overrides: Mapping[str, str]) -> tuple[str, bool]:
    """(Admiralty letter, True when it is claimsift's default rather than the analyst's)."""
    if overrides and claim.source.kind not in ("author", "unattributed"):
        index = _override_index(tuple(sorted(overrides.items())))
        for key in name_keys(claim.source.name):
            if key in index:
                return index[key].upper(), False
    return weights()["default_letters"][source_category(claim)], True


def credibility(claim: Claim, corroborated: bool, contradicted: bool) -> int:
    """Admiralty digit 1-6 of one claim (module docstring), from independent corroboration."""
    if all(s == "neutral" for s in claim.stance.values()):
        return 6
    if corroborated:
        return 2 if claim.hedged else 1
    if contradicted:
        return 5
    if claim.hedged:
        return 4
    named = source_category(claim) not in ("anonymous", "author", "unattributed")
    return 2 if named and claim.evidence_type in weights()["hard_evidence"] else 3


def grade(letter: str, digit: int) -> str:
    """The two-character Admiralty code: grade("B", 2) -> "B2"."""
    if len(letter) != 1 or letter not in LETTERS or not 1 <= digit <= 6:
        raise ValueError(f"no Admiralty code {letter!r}{digit!r}: letters A-F, digits 1-6")
    return f"{letter}{digit}"


def admiralty(
    claim: Claim, overrides: Mapping[str, str], corroboration: Mapping[str, tuple[bool, bool]]
) -> tuple[str, bool]:
    """(Admiralty code, letter is the default); corroboration: claim id -> (confirmed, contradicted)."""
    letter, default = source_letter(claim, overrides)
    return grade(letter, credibility(claim, *corroboration.get(claim.id, (False, False)))), default


def grade_claims(
    claims: Sequence[Claim], corroboration: Mapping[str, tuple[bool, bool]], overrides: Mapping[str, str]
) -> list[Claim]:
    """Claims with ``reliability`` and ``reliability_default`` set (see ``independence.corroboration``)."""
    out = []
    for c in claims:
        code, default = admiralty(c, overrides, corroboration)
        out.append(replace(c, reliability=code, reliability_default=default))
    return out


def _read_table(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read reliability settings ({exc})") from exc
    if path.suffix.lower() not in (".yaml", ".yml"):
        try:
            return tomllib.loads(text).get("reliability", {})
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{path}: not valid TOML ({exc})") from exc
    try:
        import yaml
    except ImportError as exc:
        raise UsageError(
            f"{path}: reading YAML needs PyYAML (pip install pyyaml); or put a [reliability] table in claimsift.toml"
        ) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UsageError(f"{path}: not valid YAML ({exc})") from exc
    if data is not None and not isinstance(data, dict):
        raise UsageError(f"{path}: expected a mapping with a 'reliability:' key")
    return (data or {}).get("reliability") or {}


def load_overrides(path: str | Path) -> dict[str, str]:
    """The analyst's reliability letters per source, from claimsift.toml ``[reliability]`` or YAML."""
    p = Path(path)
    table = _read_table(p)
    if not isinstance(table, dict):
        raise UsageError(f"{p}: 'reliability' must be a table of source name = letter")
    out: dict[str, str] = {}
    for source, letter in table.items():
        value = letter.strip().upper() if isinstance(letter, str) else ""
        if not str(source).strip() or len(value) != 1 or value not in LETTERS:
            valid = ", ".join(LETTERS)
            raise UsageError(f"{p}: reliability of {source!r} must be one of {valid}, got {letter!r}")
        out[str(source).strip()] = value
    return out


def credible_voice(hypotheses: Sequence[Hypothesis]) -> Callable[[Claim, str], bool]:
    """A predicate: does this claim's voice count against others on this hypothesis (not self-serving)?"""
    roles = {h.id: hypothesis_roles(role_text(h)) for h in hypotheses}

    def credible(claim: Claim, hypothesis_id: str) -> bool:
        r = roles.get(hypothesis_id)
        if r is None:
            return True
        return interest(claim, hypothesis_id, r.parties, r.opposing, r.achievement) != "self_serving"

    return credible
