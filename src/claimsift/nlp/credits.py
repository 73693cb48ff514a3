"""Picture credits: "(U.S. Navy via AP)" after a caption says the Navy made the picture and the agency passed it on.

News agencies credit a handout picture as "(ORIGIN via AGENCY)" at the end of its caption. A claim of that
caption whose source is the origin reaches the reader through the agency, so the agency is its relay; the
caption stays the outlet's words about the picture whoever took it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from claimsift.lexicons import lexicons
from claimsift.model import Claim

CREDIT = re.compile(r"\(\s*(?P<origin>[^()\n]{2,80}?)\s+via\s+(?P<relay>[^()\n]{2,60}?)\s*\)")


@cache
def _full_names() -> dict[str, str]:
    """An agency's short form as credits write it ("AP") -> the name the gazetteer knows it by."""
    return {a: e.name for e in lexicons().aliases for a in e.aliases if a.isupper() and e.type == "ORG"}


def _same(a: str, b: str) -> bool:
    def bare(s: str) -> str:
        return re.sub(r"^the\s+", "", s.strip().lower())

    return bare(a) == bare(b)


def credited(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """Claims whose source a picture credit after them on the same line names as the origin, with the credit's
    agency as their nearest relay."""
    credits = list(CREDIT.finditer(text))
    if not credits:
        return list(claims)
    out = []
    for c in claims:
        for m in credits:
            end = c.start + len(c.text.rstrip())  # a claim may end with its paragraph's line breaks
            if end <= m.start() and "\n" not in text[end : m.start()] and _same(c.source.name, m["origin"]):
                relay = _full_names().get(m["relay"], m["relay"])
                if relay not in c.via:
                    c = replace(c, via=(relay, *c.via))
                break
        out.append(c)
    return out
