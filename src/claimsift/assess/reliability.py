"""NATO Admiralty grades (first values): a reliability letter for the source, a credibility digit for
the item.

Letters default by source kind, since claimsift has no track record yet: a named person or
organisation is C (fairly reliable), the author and unnamed reporting F (cannot be judged).
Digits follow corroboration: confirmed by another independent origin 2, uncorroborated 3, hedged 4,
contradicted by an independent origin 5.
"""

from __future__ import annotations

from claimsift.model import Claim

DEFAULT_LETTER = {"person": "C", "organization": "C", "author": "F", "unattributed": "F"}


def grade(claim: Claim, corroborated: bool, contradicted: bool) -> str:
    """The two-character Admiralty code, e.g. C3."""
    letter = DEFAULT_LETTER.get(claim.source.kind, "F")
    if contradicted:
        digit = 5
    elif claim.hedged:
        digit = 4
    elif corroborated:
        digit = 2
    else:
        digit = 3
    return f"{letter}{digit}"
