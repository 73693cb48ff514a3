"""Find the date expressions in a plain text and normalise them to ISO 8601 with a grain.

Works on the text alone, without spaCy, so it is fast and can be tested without a pipeline. Regular
expressions, compiled once at import from the words in ``data/temporal.json``, propose candidate spans.
Plain ``datetime`` arithmetic gives their values. dateparser is only the fallback of :func:`normalise`,
for forms the patterns do not know.

Rules:

* A date without a year takes the year of ``published``, or the year before when the date would fall
  more than ``FUTURE_WINDOW_DAYS`` after ``published`` (news speaks of the past, and of the coming days
  at most). Without ``published`` it takes the nearest preceding explicit year in the text, except a
  year that is only a limit ("since 1990"). With neither, it is skipped: no value ever comes from
  today's date.
* Relative expressions ("the day before", "two days later", "yesterday", "last Tuesday", "on Tuesday",
  "last year") are resolved against the latest absolute day date that ends at most ``ANCHOR_WINDOW``
  characters before them. Failing that they use ``published``, and failing both they are skipped.
* A bare 4-digit number is a year only when it lies in 1900-2099, follows a cue word ("since 1990",
  "the year 2024", "the end of 2023", "the Moscow Declaration of 2000") and is not followed by a
  quantity noun ("by 2000 troops").
* "March", "April", "May", "June" and "August" are months only when capitalised. With no day or year
  next to them they need a cue word ("in March"), and "May" is never a month on its own. Month
  abbreviations need a day or a year. A bare month, weekday or "today" right after a capitalised word
  that is not a cue ("Red October", "Super Tuesday", "USA Today") is taken to be part of a name.
* Ranges give one date per day: "October 26 and 27" is "October 26" and "27".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from claimsift.lexicons import data_file
from claimsift.model import TimeExpr

Grain = Literal["day", "month", "year"]

ANCHOR_WINDOW = 400
"""How far back (in characters) a day date can be and still anchor a relative expression."""

APPOSITION_CHARS = 2
"""A relative expression this close after a day date ("the 8th of March, the next day") is in apposition to it."""
FUTURE_WINDOW_DAYS = 14
"""A date without a year up to this many days after ``published`` stays in its year ("plans to deploy
troops on Oct. 27-28", written on October 25); later ones go to the year before."""


def _load_words() -> dict[str, Any]:
    words: dict[str, Any] = data_file("temporal.json")
    return words


_W = _load_words()
_MONTH_NUMBERS: dict[str, int] = {**_W["months"], **_W["month_abbreviations"]}
_ABBREVIATIONS = frozenset(_W["month_abbreviations"])
_AMBIGUOUS = frozenset(_W["ambiguous_months"])
_NEVER_ALONE = frozenset(_W["never_alone"])
_MONTH_CUES = frozenset(_W["month_cues"])
_BOUNDARY_CUES = frozenset(_W["boundary_year_cues"])
_WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(_W["weekdays"])}
_NUMBERS: dict[str, int] = _W["number_words"]
CALENDAR_NAMES = frozenset(_WEEKDAYS) | (frozenset(_W["months"]) - _AMBIGUOUS)
"""Day and month names that are never a person's ("Wednesday", "January"; not "May", "August")."""
_DIRECTIONS: dict[str, int] = _W["direction"]
_ANAPHORIC: dict[str, int] = _W["anaphoric_days"]
_DEICTIC: dict[str, int] = _W["deictic_days"]
_DEICTIC_PHRASES: dict[str, int] = _W["deictic_phrases"]
_PERIOD_MODIFIERS: dict[str, int] = _W["period_modifiers"]
_WEEKDAY_MODES: dict[str, str] = _W["weekday_modifiers"]
_CUES = frozenset(
    w.lower()
    for key in ("month_cues", "year_cues", "function_words", "period_modifiers", "weekday_modifiers")
    for w in _W[key]
)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that "Sept" wins over "Sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", " ").replace(" ", r"\s+") for w in ordered)


def _name(word: str, exact: bool) -> str:
    """A capitalised name, which also matches with a lower-case first letter unless ``exact``."""
    return re.escape(word) if exact else f"[{word[0]}{word[0].lower()}]{re.escape(word[1:])}"


_MONTH_NAMES = "|".join(_name(m, m in _AMBIGUOUS) for m in sorted(_W["months"], key=len, reverse=True))
_MONTH = rf"(?:(?:{_MONTH_NAMES})\b|(?:{_alt(_ABBREVIATIONS)})\b\.?)"
_DAYED_NAMES = "|".join(_name(m, m in _NEVER_ALONE) for m in sorted(_W["months"], key=len, reverse=True))
_MONTH_DAYED = rf"(?:(?:{_DAYED_NAMES})\b|(?:{_alt(_ABBREVIATIONS)})\b\.?)"
"""A month next to a day number: speech-to-text writes "march 22nd" and "the 8th of march" in lower case."""
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)(?!\w)"
_WEEKDAY = "(?:" + "|".join(_name(d, False) for d in _WEEKDAYS) + r")\b"
_YEAR = (
    r"(?<![\w$£€¥.,/])(?:19|20)\d\d(?!\w|[.,]\d)"
    r"(?!\s*(?:%|(?i:" + _alt(_W["quantity_nouns"]) + r")\b))"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\w)"
_RANGE = r"\s*(?:-|–|—|and|to|through|until)\s*"

_ISO = re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])")
_NUMERIC = re.compile(r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d|[./]\d)")
_MONTH_FIRST = re.compile(
    rf"\b(?P<first>(?:{_WEEKDAY},?\s+)?(?P<m1>{_MONTH_DAYED})\s*(?:the\s+(?={_ORDINAL}))?(?P<d1>{_DAY}))"
    rf"(?:{_RANGE}(?P<second>(?:(?P<m2>{_MONTH})\s*)?(?P<d2>{_DAY})))?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_DAY_FIRST = re.compile(
    rf"(?P<first>(?:\b{_WEEKDAY},?\s+(?:the\s+)?)?(?<![\w.,])(?P<d1>{_DAY}))"
    rf"(?:{_RANGE}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MONTH_DAYED})(?:,?\s+(?P<y>{_YEAR}))?"
)
_MONTH_ALONE = re.compile(rf"\b(?P<m>{_MONTH})(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR})|[’'](?P<yy>\d\d)(?!\d)))?")
"""... with the year in full or cut to two digits after an apostrophe ("August of ’23")."""
_EARLY_MID_LATE = r"(?:(?:the\s+)?(?i:early|mid|late)[\s-]+)?"
_YEAR_CUED = re.compile(
    rf"\b(?:(?P<cue>(?i:{_alt(_W['year_cues'])}))[\s-]+|(?:(?i:{_alt(_W['year_of_cues'])})|[A-Z][a-z]+)\s+of\s+)"
    rf"{_EARLY_MID_LATE}"
    rf"(?P<y>{_YEAR})(?:{_RANGE}(?P<y2>{_YEAR})|(?!{_RANGE}\d))"
)
_ANAPHORIC_RE = re.compile(rf"\b(?P<phrase>(?i:{_alt(_ANAPHORIC)}))\b")
_SHIFT = re.compile(
    rf"\b(?P<n>(?i:{_alt(_NUMBERS)})|\d{{1,2}})\s+(?P<unit>(?i:days?|weeks?))\s+"
    rf"(?P<dir>(?i:{_alt(_DIRECTIONS)}))\b"
)
_DEICTIC_RE = re.compile(
    r"\b(?P<word>" + "|".join(_name(w.title(), False) for w in _DEICTIC) + rf"|(?i:{_alt(_DEICTIC_PHRASES)}))\b"
)
_PERIOD = re.compile(rf"(?<![Tt]he\s)\b(?P<mod>(?i:{_alt(_PERIOD_MODIFIERS)}))\s+(?P<unit>(?i:year|month))\b")
_WEEKDAY_RE = re.compile(rf"(?:\b(?P<mod>(?i:{_alt(k for k in _WEEKDAY_MODES if k)}))\s+)?\b(?P<wd>{_WEEKDAY})")
_NOUN_PHRASE_NEXT = re.compile(rf"\s+(?:(?i:{_alt(_W['noun_phrase_starts'])})\b|[A-Z0-9])")
_PREVIOUS_WORD = re.compile(r"(?P<word>[A-Za-z][\w'’]*)[ \t-]+$")
_NEXT_CAPITALISED = re.compile(r"[ \t]+[A-Z]")
_BARE_YEAR = re.compile(r"[12]\d{3}")
_FILLERS = _CUES | {w.lower() for w in _W["year_of_cues"]} | {"the", "of"}
_PARSEABLE = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|(?i:ago|days?|weeks?|months?|years?|yesterday|today|tomorrow|tonight|now)\b)"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
)
_PROBE_BASES = (dt.datetime(2001, 3, 7), dt.datetime(2013, 9, 23))
"""Two unrelated reference dates: a value that differs between them depends on the reference."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A span that may be a date, before its value is known."""

    start: int
    end: int
    kind: Literal["date", "year", "shift", "weekday", "period"]
    rank: int
    """0 for an absolute day, 1 for a month or year, 2 for a relative expression; lower wins overlaps."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    amount: int = 0
    """Days for a shift, the weekday (Monday = 0) for a weekday, the offset in periods for a period."""
    mode: str = ""
    """A weekday's direction (before, after, on_or_before), a period's unit (year, month), for a year "boundary"
    when a cue such as "since" makes it a limit rather than the time of the narrative, and for a shift "anaphoric"
    when it counts from a day the text gave ("the next day"), not from when it was written."""


@dataclass(slots=True)
class _State:
    """What the left-to-right resolution remembers: the reference date and the context so far."""

    published: dt.date | None
    year_hint: int | None = None
    anchor: dt.date | None = None
    anchor_end: int = -1
    earlier: dt.date | None = None
    """The anchor before the last one: "on the 8th of March, the next day" counts from the date before."""
    earlier_near: bool = False
    """Whether that earlier anchor was within ANCHOR_WINDOW of the last one."""
    told: dt.date | None = None
    """The day the text last gave, by its date or its weekday ("on Sunday"): what "the next day" counts from."""
    text: str = ""


def find_dates(text: str, doc_id: str, published: dt.date | None) -> list[TimeExpr]:
    """Every date expression in ``text``, normalised, sorted by offset and non-overlapping.

    Args:
        text: The document text; offsets point into it.
        doc_id: The document id to put on each result.
        published: The reference date for dates without a year and for relative dates, if known.

    Returns:
        One ``TimeExpr`` per date; a range such as "October 26 and 27" gives one per day.
    """
    state = _State(published, text=text)
    found: list[TimeExpr] = []
    for cand in _select(_candidates(text), len(text)):
        resolved = _resolve(cand, state)
        if resolved is not None:
            value, grain = resolved
            span = text[cand.start : cand.end]
            found.append(TimeExpr(doc=doc_id, start=cand.start, end=cand.end, text=span, value=value, grain=grain))
    return found


def normalise(expr: str, reference: dt.date | None) -> tuple[str, Grain] | None:
    """The ISO value and grain of one date expression, or None when it is not one date.

    ``reference`` serves both as the publication date (for a missing year) and as the anchor of
    relative expressions. Forms the patterns do not know go to dateparser. Without a reference,
    a value that would depend on today's date is refused. A range ("October 26 and 27") is not one date.

    Examples:
        >>> normalise("Oct. 18", dt.date(2024, 11, 5))
        ('2024-10-18', 'day')
        >>> normalise("since 1990", None)
        ('1990', 'year')
    """
    text = expr.strip()
    if not text:
        return None
    bare = _bare_value(text, reference)
    if bare is not None:
        return bare
    chosen = _select(_candidates(text), len(text))
    if len(chosen) == 1 and _only_fillers_around(text, chosen[0]):
        return _resolve(chosen[0], _State(reference))
    if len(chosen) > 1 or _NUMERIC.search(text):  # several dates, or a day/month order we cannot tell
        return None
    return _dateparser_value(text, reference)


def _candidates(text: str) -> Iterator[_Candidate]:
    yield from _iso_dates(text)
    yield from _numeric_dates(text)
    yield from _month_first_dates(text)
    yield from _day_first_dates(text)
    yield from _months(text)
    yield from _years(text)
    yield from _anaphoric(text)
    yield from _shifts(text)
    yield from _deictic(text)
    yield from _periods(text)
    yield from _weekdays(text)


def _select(candidates: Iterable[_Candidate], length: int) -> list[_Candidate]:
    """Non-overlapping candidates in text order: absolute days first, then the longest, then the earliest."""
    taken = bytearray(length)
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.rank, c.start - c.end, c.start)):
        if not any(taken[cand.start : cand.end]):
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# --- candidates ---------------------------------------------------------------------------------


def _month_number(name: str) -> int:
    word = name.rstrip(".")
    return _MONTH_NUMBERS[word[0].upper() + word[1:]]


def _day_number(day: str | None) -> int | None:
    if day is None:
        return None
    number = int(day.rstrip("stndrh"))
    return number if 1 <= number <= 31 else None


def _iso_dates(text: str) -> Iterator[_Candidate]:
    for m in _ISO.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        yield _Candidate(m.start(), m.end(), "date", 0, year=y, month=mo, day=d)


def _numeric_dates(text: str) -> Iterator[_Candidate]:
    """18/10/2024 or 10/18/2024 when only one reading is a valid date; 05/06/2024 is skipped."""
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a == b or (a > 12) != (b > 12):
            day, month = (a, b) if a > 12 or a == b else (b, a)
            yield _Candidate(m.start(), m.end(), "date", 0, year=int(m["y"]), month=month, day=day)


def _lower_ambiguous(month: str) -> bool:
    """ "march", "june" in lower case: a verb or a noun as often as a month."""
    return month[0].islower() and month.title() in _AMBIGUOUS


def _month_first_dates(text: str) -> Iterator[_Candidate]:
    """October 18; Oct. 18, 2024; Tuesday, October 22; October 26 and 27; October 8-13; (captions) on march the 7th."""
    for m in _MONTH_FIRST.finditer(text):
        m1, d1, d2 = _month_number(m["m1"]), _day_number(m["d1"]), _day_number(m["d2"])
        year = int(m["y"]) if m["y"] else None
        if d1 is None:
            continue
        if _lower_ambiguous(m["m1"]) and not (year or re.fullmatch(_ORDINAL, m["d1"]) or _month_cued(text, m.start())):
            continue  # "we march 5 miles"; but "on march 13", "march 22nd"
        if m["second"] is None:
            yield _Candidate(m.start(), m.end(), "date", 0, year=year, month=m1, day=d1)
            continue
        m2 = _month_number(m["m2"]) if m["m2"] else m1
        if d2 is None or (m2 == m1 and d2 <= d1):  # "October 26 and 13" is no range
            yield _Candidate(m.start(), m.end("first"), "date", 0, month=m1, day=d1)
            continue
        first_year = year - 1 if year is not None and m2 < m1 else year
        yield _Candidate(m.start(), m.end("first"), "date", 0, year=first_year, month=m1, day=d1)
        yield _Candidate(m.start("second"), m.end(), "date", 0, year=year, month=m2, day=d2)


def _day_first_dates(text: str) -> Iterator[_Candidate]:
    """18 October 2024; the 18th of October; 26 and 27 October."""
    for m in _DAY_FIRST.finditer(text):
        month, d1, d2 = _month_number(m["m"]), _day_number(m["d1"]), _day_number(m["d2"])
        year = int(m["y"]) if m["y"] else None
        if d1 is None or (m["d2"] is not None and (d2 is None or d2 <= d1)):
            continue
        if _lower_ambiguous(m["m"]) and not (year or re.fullmatch(_ORDINAL, m["d1"])):
            continue  # "some 50 march on the capital"; but "the 8th of march"
        if d2 is None:
            yield _Candidate(m.start(), m.end(), "date", 0, year=year, month=month, day=d1)
            continue
        yield _Candidate(m.start(), m.end("first"), "date", 0, year=year, month=month, day=d1)
        yield _Candidate(m.start("d2"), m.end(), "date", 0, year=year, month=month, day=d2)


def _months(text: str) -> Iterator[_Candidate]:
    """October 2024; May of 2024; in October; since March (month grain)."""
    for m in _MONTH_ALONE.finditer(text):
        if m["y"] is None and m["yy"] is None and not _bare_month_is_date(text, m.start(), m["m"]):
            continue
        year = int(m["y"]) if m["y"] else (_century(int(m["yy"])) if m["yy"] else None)
        yield _Candidate(m.start(), m.end(), "date", 1, year=year, month=_month_number(m["m"]))


def _century(yy: int) -> int:
    """The year of a two-digit "’23": this century up to '50, the last one after (reporting is about now)."""
    return 2000 + yy if yy <= 50 else 1900 + yy


def _bare_month_is_date(text: str, start: int, name: str) -> bool:
    word = name.rstrip(".")
    if word in _ABBREVIATIONS or word in _NEVER_ALONE:
        return False
    previous = _previous_word(text, start)
    if word in _AMBIGUOUS:
        return previous is not None and previous.lower() in _MONTH_CUES
    return not _is_name_part(previous)


DAY_CUES = frozenset(
    {"on", "since", "by", "until", "till", "from", "before", "after", "of", "between", "during", "in", "through"}
)
"""Prepositions that make a lower-case "march 10" a date; "to" and "and" only after a date ("from march 3 to
march 10"), not alone ("going to march 10 miles")."""
_AFTER_A_DAY = re.compile(r"\d(?:st|nd|rd|th)?,?\s+(?:to|and|through|until|till|-)\s+$")


def _month_cued(text: str, start: int) -> bool:
    """Whether a preposition that makes a month with a day a date ("on", "since") stands right before ``start``."""
    previous = _previous_word(text, start)
    if previous is not None and previous.lower() in DAY_CUES:
        return True
    return bool(_AFTER_A_DAY.search(text, max(0, start - 16), start))


def _years(text: str) -> Iterator[_Candidate]:
    """in 2023; since 1990; the end of 2023; the Moscow Declaration of 2000; between 2014 and 2022."""
    for m in _YEAR_CUED.finditer(text):
        mode = "boundary" if m["cue"] and m["cue"].lower() in _BOUNDARY_CUES else ""
        yield _Candidate(m.start("y"), m.end("y"), "year", 1, year=int(m["y"]), mode=mode)
        if m["y2"] is not None and int(m["y2"]) > int(m["y"]):
            yield _Candidate(m.start("y2"), m.end("y2"), "year", 1, year=int(m["y2"]), mode=mode)


def _anaphoric(text: str) -> Iterator[_Candidate]:
    """the day before; the next day; the same day (but not "the day before the vote")."""
    for m in _ANAPHORIC_RE.finditer(text):
        phrase = " ".join(m["phrase"].lower().split())
        if phrase.endswith(("before", "after", "prior")) and _NOUN_PHRASE_NEXT.match(text, m.end()):
            continue
        yield _Candidate(m.start(), m.end(), "shift", 2, amount=_ANAPHORIC[phrase], mode="anaphoric")


def _shifts(text: str) -> Iterator[_Candidate]:
    """one day earlier; two days later; three weeks before; 2 days ago."""
    for m in _SHIFT.finditer(text):
        direction = m["dir"].lower()
        if direction in ("before", "after", "prior") and _NOUN_PHRASE_NEXT.match(text, m.end()):
            continue
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
        days = n * (7 if m["unit"].lower().startswith("week") else 1)
        yield _Candidate(m.start(), m.end(), "shift", 2, amount=days * _DIRECTIONS[direction])


def _deictic(text: str) -> Iterator[_Candidate]:
    """yesterday, today, tomorrow, this morning, last night (but not "USA Today")."""
    for m in _DEICTIC_RE.finditer(text):
        previous = _previous_word(text, m.start())
        word = " ".join(m["word"].lower().split())
        if word in _DEICTIC_PHRASES and previous is not None and previous.lower() == "the":
            continue  # "on the last night" of a trip is no yesterday
        if not _is_name_part(previous):
            yield _Candidate(m.start(), m.end(), "shift", 2, amount=_DEICTIC.get(word, _DEICTIC_PHRASES.get(word, 0)))


def _periods(text: str) -> Iterator[_Candidate]:
    """last year, this month, next year (but not "over the last year")."""
    for m in _PERIOD.finditer(text):
        offset = _PERIOD_MODIFIERS[m["mod"].lower()]
        yield _Candidate(m.start(), m.end(), "period", 2, amount=offset, mode=m["unit"].lower())


def _weekdays(text: str) -> Iterator[_Candidate]:
    """on Tuesday, last Tuesday, next Friday (but not "Super Tuesday" or "the Sunday Times")."""
    for m in _WEEKDAY_RE.finditer(text):
        modifier = " ".join((m["mod"] or "").lower().split())
        if not modifier and _weekday_is_name_part(text, m.start("wd"), m.end("wd")):
            continue
        start = m.start("wd") if modifier in ("", "on") else m.start()
        weekday = _WEEKDAYS[m["wd"].title()]
        yield _Candidate(start, m.end(), "weekday", 2, amount=weekday, mode=_WEEKDAY_MODES[modifier])


def _previous_word(text: str, start: int) -> str | None:
    """The word right before ``start`` if only spaces or a hyphen separate them, else None."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return m["word"] if m else None


def _is_name_part(previous: str | None) -> bool:
    return previous is not None and previous[0].isupper() and previous.lower() not in _CUES


def _weekday_is_name_part(text: str, start: int, end: int) -> bool:
    previous = _previous_word(text, start)
    if _is_name_part(previous):
        return True
    return previous == "the" and _NEXT_CAPITALISED.match(text, end) is not None


# --- values -------------------------------------------------------------------------------------


def _resolve(cand: _Candidate, state: _State) -> tuple[str, Grain] | None:
    if cand.kind == "year":
        if cand.mode != "boundary":  # "since 1990" says nothing of the year the text narrates
            state.year_hint = cand.year
        return f"{cand.year:04d}", "year"
    if cand.kind == "date":
        return _absolute(cand, state)
    if cand.kind == "shift" and cand.amount != 0 and state.earlier is not None and _in_apposition(cand, state):
        reference: dt.date | None = state.earlier  # in apposition to the date just given, it restates it
    elif cand.mode == "anaphoric" and state.told is not None:
        reference = state.told  # "the next day" counts from the day the text last gave, however far back
    elif state.anchor is not None and cand.start - state.anchor_end <= ANCHOR_WINDOW:
        reference = state.anchor
    else:
        reference = state.published
    resolved = None if reference is None else _relative(cand, reference)
    if cand.kind == "weekday" and resolved is not None and resolved[1] == "day":
        state.told = dt.date.fromisoformat(resolved[0])
    return resolved


def _in_apposition(cand: _Candidate, state: _State) -> bool:
    """ "on the 8th of March, the next day": right after a day date, on the same line (a dateline above a
    sentence is no apposition), with the date before it near enough to be what it counts from."""
    gap = state.text[state.anchor_end : cand.start]
    return 0 <= cand.start - state.anchor_end <= APPOSITION_CHARS and "\n" not in gap and state.earlier_near


def _absolute(cand: _Candidate, state: _State) -> tuple[str, Grain] | None:
    if cand.month is None:  # never: every "date" candidate has a month
        return None
    if cand.year is not None:
        state.year_hint = cand.year
    year = cand.year if cand.year is not None else _infer_year(cand.month, cand.day, state)
    if year is None:
        return None
    if cand.day is None:
        return f"{year:04d}-{cand.month:02d}", "month"
    try:
        date = dt.date(year, cand.month, cand.day)
    except ValueError:  # 31 November, 29 February of a common year
        return None
    if state.anchor is not None and state.anchor != date:
        state.earlier = state.anchor
        state.earlier_near = cand.start - state.anchor_end <= ANCHOR_WINDOW
    state.anchor, state.anchor_end, state.told = date, cand.end, date
    return date.isoformat(), "day"


def _infer_year(month: int, day: int | None, state: _State) -> int | None:
    """The year of a date written without one; see the module docstring."""
    published = state.published
    if published is None:
        return state.year_hint
    try:
        ahead = (dt.date(published.year, month, day or 1) - published).days
    except ValueError:  # 29 February in a common year: the caller rejects the date
        return published.year
    return published.year - 1 if ahead > FUTURE_WINDOW_DAYS else published.year


def _relative(cand: _Candidate, reference: dt.date) -> tuple[str, Grain] | None:
    """A relative expression against its reference; None when it falls off the calendar (year 1 or 9999)."""
    try:
        value = _relative_value(cand, reference)
    except (OverflowError, ValueError):
        return None
    year = int(value[0][:4]) if value[0][:4].isdigit() else 0
    return value if 1 <= year <= 9999 and len(value[0].split("-")[0]) == 4 else None


def _relative_value(cand: _Candidate, reference: dt.date) -> tuple[str, Grain]:
    if cand.kind == "shift":
        return (reference + dt.timedelta(days=cand.amount)).isoformat(), "day"
    if cand.kind == "weekday":
        return _weekday_date(reference, cand.amount, cand.mode).isoformat(), "day"
    if cand.mode == "year":
        return f"{reference.year + cand.amount:04d}", "year"
    months = reference.year * 12 + reference.month - 1 + cand.amount
    return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"


def _weekday_date(reference: dt.date, weekday: int, mode: str) -> dt.date:
    """The weekday nearest ``reference`` in the direction ``mode`` names."""
    if mode == "after":
        return reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    if mode == "before":
        return reference - dt.timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


# --- normalise helpers ----------------------------------------------------------------------------


def _bare_value(text: str, reference: dt.date | None) -> tuple[str, Grain] | None:
    """A year or a month name on its own, which find_dates needs context for."""
    if _BARE_YEAR.fullmatch(text):
        return text, "year"
    if re.fullmatch(_MONTH, text):
        month = _month_number(text)
        year = _infer_year(month, None, _State(reference))
        return None if year is None else (f"{year:04d}-{month:02d}", "month")
    return None


def _only_fillers_around(text: str, cand: _Candidate) -> bool:
    """True when the text outside ``cand`` is only cue words ("on", "since", "the end of") and punctuation."""
    outside = re.findall(r"[^\W\d_]+|\d+", text[: cand.start] + " " + text[cand.end :])
    return all(word.lower() in _FILLERS for word in outside)


def _dateparser_value(text: str, reference: dt.date | None) -> tuple[str, Grain] | None:
    if not _PARSEABLE.search(text):
        return None
    if reference is not None:
        return _dateparser_parse(text, dt.datetime.combine(reference, dt.time()))
    first, second = (_dateparser_parse(text, base) for base in _PROBE_BASES)
    return first if first == second else None


def _dateparser_parse(text: str, base: dt.datetime) -> tuple[str, Grain] | None:
    from dateparser.date import DateDataParser  # slow to import, and rarely needed

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    grains: dict[str | None, Grain] = {"day": "day", "time": "day", "month": "month", "year": "year"}
    grain = grains.get(data.period)
    if data.date_obj is None or grain is None:
        return None
    return _iso(data.date_obj.date(), grain), grain


def _iso(date: dt.date, grain: Grain) -> str:
    """``date`` written to the precision of ``grain``: 2024-10-18, 2024-10 or 2024."""
    return {"day": date.isoformat(), "month": f"{date:%Y-%m}", "year": f"{date:%Y}"}[grain]
