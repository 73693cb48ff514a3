"""Quotations across a document's claims: who speaks a quotation, and one claim for one quotation.

Claims are made sentence by sentence (``claims.py``); a quotation can run over several sentences, open
before its frame or continue after it, so its speaker is read off the whole text once the claims exist.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from claimsift.model import Claim
from claimsift.nlp.evidence import STRONG as STRONG_EVIDENCE
from claimsift.nlp.evidence import evidence_type

QUOTES = '"“”'
QUOTE_RE = re.compile(r"[\"“”]|''")
"""A quotation mark: straight or curly double, or two apostrophes (the older newspaper archives' style)."""
FIRST_PERSON_WORDS = frozenset({"i", "we", "me", "us"})
"""Inside a quotation these are its speaker, whoever was named last before it."""
MAX_CLAIM_CHARS = 2000
"""No clause is longer; bounds the search for claims around a quotation."""
MAX_QUOTE_CHARS = 1500
"""A longer "quotation" is more likely two quotes whose marks went astray."""


def joined(a: Claim, b: Claim, text: str) -> Claim:
    """One claim from two adjacent pieces of a content: the span over both, what either says of itself."""
    strong = b.evidence_type if b.evidence_type in STRONG_EVIDENCE and a.evidence_type not in STRONG_EVIDENCE else None
    return replace(
        a,
        end=b.end,
        text=text[a.start : b.end],
        hedged=a.hedged or b.hedged,
        hedge_cues=tuple(dict.fromkeys(a.hedge_cues + b.hedge_cues)),
        # the first piece holds the main clause and later dates are of side events, unless the first has none and
        # the second is what it is about ("We had confirmation ... | that pro-government forces ... were involved in
        # the ground-based strikes on Sunday") or the first is a sentence of its own ('"Sadly, that has eventuated. |
        # We had confirmation ..."'): then the only dated event the claim tells of is the later one's
        event_date=a.event_date or (b.event_date if _complement(b.text) or _ends_sentence(a.text) else None),
        stated_date=a.stated_date or b.stated_date,
        fragmentary=a.fragmentary or b.fragmentary,
        evidence_type=strong or a.evidence_type,
    )


def _ends_sentence(text: str) -> bool:
    """Whether a piece ends its sentence (its last mark, before closing quotes, is a full stop, ! or ?)."""
    return text.rstrip(" \t\n\"”’'").endswith((".", "!", "?"))


def _complement(text: str) -> bool:
    """Whether a piece is a "that" clause: the content of the noun or verb of the piece before it."""
    return text.lstrip(" \t\n\"“‘'").lower().startswith("that ")


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Paired straight or curly double quotation marks, as [open, close] character offsets.

    A quotation running over several paragraphs opens each of them and closes only the last (news
    style): a mark that opens a paragraph while a quotation is open continues it, it does not close it.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in QUOTE_RE.finditer(text):
        i = mark.start()
        if open_at is None:
            open_at = i
        elif opens_paragraph(text, i) and "\n" in text[open_at:i]:
            continue
        else:
            regions.append((open_at, i))
            open_at = None
    return [(a, b) for a, b in regions if b - a <= MAX_QUOTE_CHARS]


def opens_paragraph(text: str, i: int) -> bool:
    """Whether position i starts a line, spaces aside (a mark there opens a paragraph of a quotation)."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def quoted_sources(text: str, claims: list[Claim]) -> list[Claim]:
    """Give every claim inside a quotation the speaker the quotation is attributed to.

    A quotation spanning several sentences is attributed once, after it ('..., the agency said') or
    before it ('X said: "...'); the sentences inside it carry no cue of their own.
    """
    out = list(claims)
    starts = [c.start for c in out]  # claims come in text order
    regions = _quote_regions(text)
    borrowed: set[int] = set()  # claims that speak only through the quotation's speaker
    for qs, qe in regions:
        lo, hi = bisect_left(starts, qs - MAX_CLAIM_CHARS), bisect_left(starts, qe + 2)
        near = range(lo, hi)
        inside = [i for i in near if qs <= out[i].start < qe]
        # a claim ending with the quotation speaks it when it opens with it or its frame follows the closing
        # mark ('"A. B," she said'); "I think that is a barrier."" inside the quotation does not
        speakers = [
            out[i]
            for i in near
            if out[i].start <= qe < out[i].end + 1
            and out[i].cue
            and (out[i].start <= qs + 1 or out[i].start + len(out[i].text.rstrip()) > qe + 1)
        ]
        speakers += [out[i] for i in near if qs - 2 <= out[i].end <= qs + 1 and out[i].cue]
        # 'she said, adding, "A. B."': the quotation opens inside the claim whose cue introduces it
        speakers += [out[i] for i in near if out[i].start < qs < out[i].end and out[i].cue]
        speakers = [c for c in speakers if c.source.kind != "author"]
        if not inside or not speakers:
            continue
        who = speakers[0]
        for i in inside:
            first_person = (out[i].source.resolved_from or "").lower() in FIRST_PERSON_WORDS
            if first_person or out[i].source.kind in ("author", "unattributed"):
                borrowed.add(out[i].start)
                out[i] = replace(
                    out[i],
                    source=who.source,
                    via=who.via,
                    cue=who.cue,
                    evidence_type=evidence_type(out[i].text, who.source.name, who.source.kind),
                )
    whole = _continued_quotations(_whole_quotations(out, regions, text), regions, text, borrowed)
    return _short_continuations(whole, regions, text)


def _region(regions: list[tuple[int, int]], opens: list[int], pos: int) -> int | None:
    """The index of the quotation a position falls in (``opens``: the regions' opening offsets), if any."""
    i = bisect_left(opens, pos + 1) - 1
    return i if i >= 0 and pos <= regions[i][1] else None


def _whole_quotations(claims: list[Claim], regions: list[tuple[int, int]], text: str) -> list[Claim]:
    """A quotation running over several sentences is one content: join its same-source claims."""
    opens = [qs for qs, _ in regions]
    out: list[Claim] = []
    for c in claims:
        last = out[-1] if out else None
        here = _region(regions, opens, c.start)
        if (
            last is not None
            and here is not None
            and here == _region(regions, opens, last.start)
            and c.source.kind not in ("author", "unattributed")
            and (c.source.name, c.source.kind) == (last.source.name, last.source.kind)
        ):
            out[-1] = joined(last, c, text)
        else:
            out.append(c)
    return out


def _continued_quotations(
    claims: list[Claim], regions: list[tuple[int, int]], text: str, borrowed: set[int]
) -> list[Claim]:
    """'"A," she said. "B."': a quotation that opens right after a quoted speaker's frame, in the same
    paragraph, goes on with what she said, so both are one content (as PARC and PolNeAR annotate them).
    Its sentences that are no claim of their own ('"Don't shoot him. He has no weapon. Don't shoot him."')
    belong to it too: the content runs from the frame to the closing mark."""
    opens = [qs for qs, _ in regions]
    out: list[Claim] = []
    for n, c in enumerate(claims):
        last = out[-1] if out else None
        k = _region(regions, opens, c.start)
        qs, qe = regions[k] if k is not None else (-1, -1)
        if (
            last is not None
            and k is not None
            and last.end <= qs
            and c.start in borrowed  # it has no frame of its own ('"B," she said' is a new content)
            and QUOTE_RE.search(last.text)
            and not text[last.end : qs].strip()
            and "\n" not in text[qs : c.start]
            and "\n" not in text[last.start + len(last.text.rstrip()) : qs]  # a new paragraph, a new quotation
            and c.source.kind not in ("author", "unattributed")
            and (c.source.name, c.source.kind, c.cue) == (last.source.name, last.source.kind, last.cue)
        ):
            merged = joined(last, c, text)
            close = QUOTE_RE.match(text, qe)
            following = claims[n + 1].start if n + 1 < len(claims) else len(text)
            if close is not None and merged.end <= qe and close.end() <= following:
                merged = replace(merged, end=close.end(), text=text[merged.start : close.end()])
            out[-1] = merged
        else:
            out.append(c)
    return out


def _short_continuations(claims: list[Claim], regions: list[tuple[int, int]], text: str) -> list[Claim]:
    """'"Here he is, babe," she said. "Donald's here, babe."': a quotation too short to be a claim of its own,
    right after a quoted speaker's frame in the same paragraph and with no frame after it, ends her content."""
    starts = [c.start for c in claims]
    opens = [qs for qs, _ in regions]
    out = list(claims)
    for i, c in enumerate(out):
        if c.source.kind in ("author", "unattributed") or not QUOTE_RE.search(c.text):
            continue
        k = bisect_left(opens, c.end)
        if k >= len(regions):
            continue
        qs, qe = regions[k]
        if qs - c.end > 4:
            continue  # not right after it (checked before slicing: a slice to a far quotation costs its length)
        gap, close = text[c.end : qs], QUOTE_RE.match(text, qe)
        after = close.end() if close else qe + 1
        tail = text[after : after + 200].split("\n", 1)[0]
        if gap.strip() or "\n" in gap or close is None or tail.strip(" .,;") or bisect_left(starts, qs) != i + 1:
            continue  # not adjacent, a new paragraph, a frame after it, or a claim of its own inside it
        if i + 1 < len(out) and out[i + 1].start <= close.end():
            continue
        out[i] = replace(c, end=close.end(), text=text[c.start : close.end()])
    return out
