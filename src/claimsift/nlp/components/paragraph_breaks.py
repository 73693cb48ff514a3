"""A pipeline component that starts a sentence after every blank line, a heading line and a news dateline.

A headline, a photo caption or a dateline stands on its own paragraph with no full stop; without a preset
boundary the parser reads it and the next paragraph as one sentence (a headline "X: Y Is Part of Z" followed
by a caption "This image ... shows ..." made the headline's noun the subject of "shows").
Boundaries set before the parser constrain it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from claimsift.nlp.components._sent_starts import set_sent_starts

COMPONENT = "claimsift_paragraph_breaks"


DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Z.'’ -]{1,40})*(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+\d{1,2})?)?[ \t]*"
    r"(?:\([A-Za-z .]+\)[ \t]*)?(?:—|–|--)[ \t]*"
)
"""A news dateline opening a paragraph: "SEOUL/TOKYO — ", "WASHINGTON (AP) -- ", "LOS ANGELES, Sept. 28 (UPI) — "."""


HEADING_WORDS = 12
"""Longest line read as a heading ("Joint ODNI, FBI, and CISA Statement", "September 18, 2024")."""


def _heading(line: str) -> bool:
    """A short line with no closing punctuation whose words are mostly capitalised or numbers: a heading,
    a date or an issuer's name. Auto-captions are lower case, so their lines never qualify."""
    words = re.findall(r"[A-Za-z][\w'’-]*|\d+", line)
    if not words or len(words) > HEADING_WORDS or line.rstrip()[-1:] in '.!?:;,"”':
        return False
    big = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return big * 3 >= len(words) * 2


LABELLED_HEADLINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*:[ \t]+(\S[^\n]*)$")
"""A headline line that names its speaker first: "Rubio: I Still Believe Trump Can't Be Trusted with ..."."""


def _labelled_headline(line: str) -> bool:
    """A title-case line "Name: ...": one sentence, the name's, however its capitals and marks read."""
    m = LABELLED_HEADLINE.match(line)
    if m is None:
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", m.group(1))
    big = sum(1 for w in words if w[0].isupper())
    return 3 <= len(words) <= 2 * HEADING_WORDS and big * 4 >= len(words) * 3


@Language.component(COMPONENT)
def break_at_paragraphs(doc: Doc) -> Doc:
    """Mark the first token after a blank line, after a heading line, and after a dateline as sentence
    starts."""
    text = doc.text
    breaks: dict[int, bool] = {}
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if doc[i].is_space:
            continue
        if prev.is_space and prev.text.count("\n") >= 2:
            breaks[i] = True
        elif "\n" in prev.text or "\n" in prev.whitespace_:
            line_start = text.rfind("\n", 0, prev.idx) + 1
            if doc[i].text[:1].isupper() and _heading(text[line_start : prev.idx + len(prev.text)]):
                breaks[i] = True
    dashed, labelled = ("—" in text or "–" in text or "--" in text), ":" in text
    starts = {t.idx: t.i for t in doc} if dashed or labelled else {}  # token at each offset, built once
    if dashed:
        for m in DATELINE.finditer(text):
            after = starts.get(m.end())
            if after is not None and 0 < after < len(doc):
                breaks[after] = True  # the dateline is where, not who: "WASHINGTON — Obama said"
    if labelled:
        for m in LABELLED_HEADLINE.finditer(text):
            if not _labelled_headline(m.group(0)):
                continue
            first = starts.get(m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
            if first is None:
                continue
            for t in doc[first + 1 :]:
                if t.idx >= m.end():
                    break
                breaks[t.i] = False  # "Rush Limbaugh: Hillary Asking Moderator To Fact Check ..." is one sentence
    return set_sent_starts(doc, breaks)
