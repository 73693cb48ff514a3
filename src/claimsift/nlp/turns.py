"""Speaker turns of a transcript: "MR MILLER:", "QUESTION:", "Matthew Miller (00:04):".

Briefings, interviews and hearings mark who speaks with a label before each turn. A label is read off
the raw text (no parse), so offsets index the text exactly, and a turn runs from its label to the next.
A turn's own statements are its speaker's; the label's full name is looked up in the text
("MR. KIRBY" -> "John Kirby"). Labels are data (data/turn_labels.json), not code.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from claimsift.lexicons import data_file
from claimsift.model import Turn

MIN_LABELS = 2
"""A text has turns only when labels recur: one "UPDATE:" in an article is not a transcript."""
_CAPS_WORD = r"(?:Mc|Mac)?[A-Z][A-Z.'’\-]*"
_CAPS_LABEL = re.compile(
    rf"(?P<label>\b{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}})[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?:(?=[ \t]|\n|$)"
)
_TURN_BEFORE = '.!?)]”"—–-:'
"""What may come right before a label (past spaces): a sentence end, a dash, a line start."""
_NAMED_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<label>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3})[ \t]*"
    r"(?:\((?:\d{1,2}:)?\d{1,2}:\d{2}\)|\[(?:\d{1,2}:)?\d{1,2}:\d{2}\])?[ \t]*:(?=[ \t]|\n|$)"
)
_STAMPED = re.compile(r"\(\d|\[\d")
_BARE_Q = re.compile(r"(?m)^[ \t]*(?P<label>Q)\.?[ \t]+(?=[A-Z“\"(])")
"""White House transcripts mark questions with a bare "Q" at the line start, no colon."""


@cache
def _labels() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = data_file("turn_labels.json")
    return frozenset(data["questioners"]), frozenset(data["titles"]), frozenset(data["not_speakers"])


def note_label(label: str) -> bool:
    """Whether a capitalised word before a colon heads a note ("UPDATE:", "Photo:"), not a speaker."""
    return _key(label) in _labels()[2]


def _key(label: str) -> str:
    return " ".join(re.sub(r"[.’']", "", label).upper().split())


@lru_cache(maxsize=4)
def _label_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(label start, content start, label) for every candidate label, in text order.

    Cached for the last few texts: the sentence-break component and the claim reader scan the same piece.
    """
    questioners, _, not_speakers = _labels()
    found: dict[int, tuple[int, int, str]] = {}
    for m in _CAPS_LABEL.finditer(text):
        if not _opens_turn(text, m.start("label")):
            continue
        label = m.group("label").strip()
        letters = re.sub(r"[^A-Za-z]", "", label)
        if _key(label) in not_speakers or (len(letters) < 2 and _key(label) not in questioners):
            continue
        found[m.start("label")] = (m.start("label"), m.end(), label)
    for m in _NAMED_LABEL.finditer(text):
        label = m.group("label").strip()
        words = label.split()
        stamped = bool(_STAMPED.search(m.group(0)))
        if _key(label) in not_speakers or m.start("label") in found:
            continue
        if stamped or (2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)):
            found[m.start("label")] = (m.start("label"), m.end(), label)
    for m in _BARE_Q.finditer(text):
        found.setdefault(m.start("label"), (m.start("label"), m.end(), "Q"))
    return tuple(found[k] for k in sorted(found))


def _opens_turn(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] in '"“' and (j == 0 or text[j - 1] == "\n"):
        return True  # an article quoting a transcript: a paragraph opening '"WALLACE: ...'
    return j < 0 or text[j] == "\n" or (j < i - 1 and text[j] in _TURN_BEFORE)


def label_spans(text: str) -> list[tuple[int, int]]:
    """[label start, content start) of each speaker label, when the text has turns at all."""
    spans = _label_spans(text)
    if len(spans) < MIN_LABELS:
        return []
    return [(a, b) for a, b, _ in spans]


def _surname_words(label: str) -> list[str]:
    _, titles, _ = _labels()
    words = [w for w in re.split(r"[ \t]+", label) if w]
    kept = [w for w in words if _key(w) not in titles]
    return kept


INTERVIEWER = re.compile(r"\bwith[ \t]+((?:[A-Z][a-z]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z]+|[A-Z]\.)){1,2})[ \t]*$")
"""A name closing a transcript's title after "with": "Interview ... on CNN with Jake Tapper" asks the questions."""


def _interviewer(title: str) -> str | None:
    """The questioner's name when the title ends with it ("Secretary X With ... on CNN with Jake Tapper")."""
    m = INTERVIEWER.search(title.strip())
    return m.group(1) if m else None


def full_name(label: str, text: str, title: str = "") -> str:
    """The fullest name the text (or its title) gives for a label's surname, else the label itself.

    "MR. KIRBY" with "John Kirby" in the text gives "John Kirby" (a middle initial is kept: "Antony J. ...");
    a label that is already a full name ("JOHN KIRBY") is given in title case.
    """
    questioners, titles, _ = _labels()
    if _key(label) in questioners:
        return label
    words = _surname_words(label)
    if not words:
        return label
    surname = words[-1]
    if sum(ch.islower() for ch in surname) > 2:
        return label  # "Matthew Miller (00:04):" already names the speaker
    surname_re = "".join(f"(?i:{re.escape(ch)})" if ch.isalpha() else re.escape(ch) for ch in surname)
    # a given name, an optional middle initial, the surname: "John F. Kirby", "Denis McDonough"
    pattern = re.compile(rf"\b([A-Z][a-z]+)[ \t]+(?:([A-Z]\.)[ \t]+)?({surname_re})\b")
    counts: Counter[str] = Counter()
    for source in (text, title):
        for m in pattern.finditer(source):
            if _key(m.group(1)) in titles or m.group(3).isupper():
                continue
            counts[" ".join(g for g in m.groups() if g)] += 1
    if counts:
        return max(counts, key=lambda n: (len(n.split()), counts[n]))
    if len(words) >= 2:
        return " ".join(w.capitalize() for w in words)
    return label


def find_turns(text: str, title: str = "") -> list[Turn]:
    """The turns of a transcript with speaker labels, in text order; empty for any other text."""
    spans = _label_spans(text)
    if len(spans) < MIN_LABELS:
        return []
    questioners, _, _ = _labels()
    names: dict[str, str] = {}
    asker = _interviewer(title)
    if asker and any(asker.split()[-1].lower() in label.lower() for _, _, label in spans):
        asker = None  # "Press Gaggle with Karine Jean-Pierre": the name in the title answers, it does not ask
    turns = []
    for k, (start, content, label) in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if start > 0 and text[start - 1] in '"“':  # a quoted exchange in an article ends with its paragraph
            line_end = text.find("\n", content)
            end = min(end, line_end if line_end >= 0 else len(text))
        key = _key(label)
        if key not in names:
            names[key] = asker if asker and key in questioners else full_name(label, text, title)
        turns.append(
            Turn(
                speaker=names[key],
                label=label,
                start=start,
                end=end,
                content_start=content,
                questioner=key in questioners,
            )
        )
    return turns


MIN_QUESTIONS = 2
"""An interview without labels asks at least this many questions, each a paragraph of its own."""
QUESTION_CHARS = 400
"""A question paragraph is short; a longer one ending in "?" is an answer that asks back."""
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*", re.MULTILINE)
_NAME_AFTER = r"\s+(?:[a-z][\w-]*\s+){0,3}?(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\b"


@cache
def _openers() -> re.Pattern[str]:
    words = sorted(data_file("turn_labels.json")["interview_openers"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")" + _NAME_AFTER)


def interview_answers(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(who answers, the answers' character spans) of an interview whose questions and answers carry no labels:
    paragraphs that end in "?" ask, the paragraphs after each until the next question answer, and the one who
    answers is the person the text says it interviewed before its first question ("Wikinews interviewed Tina
    McKenzie, ...", "Wikinews spoke with William Evans, president of ..."). None for any other text."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    asks = [
        k
        for k, (a, b) in enumerate(paragraphs)
        if text[a:b].rstrip().endswith("?") and b - a <= QUESTION_CHARS and text[a] not in '"“'
    ]
    answered = [k for k in asks if k + 1 < len(paragraphs) and k + 1 not in asks]
    if len(answered) < MIN_QUESTIONS:
        return None
    intro = text[: paragraphs[asks[0]][0]]
    name = next((m.group("name") for m in _openers().finditer(intro)), None)
    if name is None:
        return None
    spans = []
    for k in answered:
        nxt = next((q for q in asks if q > k), len(paragraphs))
        spans.append((paragraphs[k + 1][0], paragraphs[nxt - 1][1]))
    return name, spans
