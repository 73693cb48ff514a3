"""WebVTT and SRT captions to one text: cue texts joined with single spaces.

Cues are parsed with webvtt-py and, to check it, by a lenient parser that starts a cue at any timings line
(``.`` or ``,`` before the milliseconds, with or without a blank line or cue number before it). The lenient
cues are used, with a warning, when webvtt-py finds fewer (no ``WEBVTT`` header, SRT without cue numbers, the
other format's timestamps, a missing blank line) or swallows a timings line into a cue's text, or fails.
Cues keep the order of the file: cues out of time order, overlapping (outside roll-up captions) or ending
before they start are counted in a warning, never re-sorted. From each cue,
tags (``<c>``, ``<i>``, ``<v Name>``, ``<font>``, inline ``<00:00:01.520>`` timestamps), SRT ``{\\an8}``
overrides and entities are removed. A ``<v Name>`` voice becomes a ``Name: `` prefix where the speaker
changes.

YouTube roll-up auto-captions (recognised by inline word timestamps) repeat every line: each cue shows the
previous line on top, and a ~10 ms bridge cue holds the finished line. They are de-duplicated as in
CONVENTIONS.md section 7: cues shorter than 50 ms are dropped, and so is a cue's first line when it equals the
last line already kept. Files without inline timestamps are left untouched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from claimsift.errors import InputError

from ._meta import Part

BRIDGE_MS = 50
"""Roll-up cues shorter than this only hold the finished line again."""

_INLINE_TIME = re.compile(r"<(?:\d+:)?\d{2}:\d{2}\.\d{3}>")
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^\s<>][^<>]*)>")
"""Linear: neither part can match what the part before it matched, nor run past the next ``<``."""
_TAG = re.compile(r"<[^<>]*>")
_SRT_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_SPACES = re.compile(r"\s+")
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff")
_LENIENT_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})"
_MAX_HOUR_DIGITS = 6
"""Longer hour fields (which ``int`` may even refuse to read) are clamped: the cue keeps its text."""
_LENIENT_TIMINGS = re.compile(rf"^\s*{_LENIENT_TIME}\s*-->\s*{_LENIENT_TIME}")


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption cue: times in milliseconds and its payload with tags."""

    start: int
    end: int
    raw: str


def read_captions(text: str, fmt: str, name: str) -> Part:
    """Read a WebVTT (``fmt="vtt"``) or SRT (``fmt="srt"``) file's decoded text.

    Raises:
        InputError: No cue could be parsed, or the cues hold no text.
    """
    cues, warnings = parse_cues(text, fmt)
    if not cues:
        raise InputError(name, "malformed caption file: no cue could be parsed")
    rollup = any(_INLINE_TIME.search(cue.raw) for cue in cues)
    warnings.extend(timing_warnings(cues, rollup))
    if rollup:
        lines, note = dedupe_rollup(cues)
        warnings.append(note)
    else:
        lines = _cue_texts(cues)
    joined, times = join_spans(lines)
    if not joined:
        raise InputError(name, "caption file has cues but no text")
    return Part(text=joined, warnings=tuple(warnings), times=times)


def join_spans(spans: list[tuple[str, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Non-empty span texts joined by single spaces, and the (offset, milliseconds) where each starts."""
    parts: list[str] = []
    times: list[tuple[int, int]] = []
    offset = 0
    for text, millis in spans:
        if not text:
            continue
        if parts:
            offset += 1
        times.append((offset, max(millis, 0)))
        parts.append(text)
        offset += len(text)
    return " ".join(parts), tuple(times)


def parse_cues(text: str, fmt: str) -> tuple[list[Cue], list[str]]:
    """Parse cues with webvtt-py, or leniently when that reads more; warn about skipped and disordered cues."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = sum(1 for line in text.split("\n") if "-->" in line and line.lstrip()[:1].isdigit())
    warnings: list[str] = []
    cues = _library_cues(text, fmt)
    lenient = _lenient_cues(text)
    if lenient and (not cues or _with_text(lenient) > _with_text(cues) or _swallowed_timings(cues)):
        cues = lenient
        warnings.append(f"not a well-formed {fmt.upper()} file; cues were read leniently")
    skipped = expected - len(cues)
    if cues and skipped > 0:
        warnings.append(f"{skipped} of {expected} cues could not be parsed and were skipped")
    return cues, warnings


def _library_cues(text: str, fmt: str) -> list[Cue]:
    try:
        if fmt == "vtt":
            captions = webvtt.from_string(text).captions
        else:
            captions = webvtt.from_buffer([text.lstrip()], format="srt").captions
        return [Cue(c.start_time.in_milliseconds(), c.end_time.in_milliseconds(), c.raw_text) for c in captions]
    except (MalformedFileError, MalformedCaptionError):
        return []
    except Exception:  # a third-party parser on hostile input: any failure means the lenient parser decides
        return []


def _with_text(cues: list[Cue]) -> int:
    return sum(1 for cue in cues if cue.raw.strip())


def _swallowed_timings(cues: list[Cue]) -> bool:
    """True when a cue's text holds a timings line: webvtt-py missed the start of the next cue."""
    return any(_LENIENT_TIMINGS.match(line) for cue in cues for line in cue.raw.split("\n"))


def _lenient_cues(text: str) -> list[Cue]:
    """A cue at every timings line, its text the lines after it up to an empty line or the next timings line.

    A line of digits just before a timings line is that cue's number (SRT), not the text of the cue before.
    """
    cues: list[Cue] = []
    timings: tuple[int, int] | None = None
    payload: list[str] = []
    for line in text.split("\n"):
        match = _LENIENT_TIMINGS.match(line)
        if match is None and timings is not None and line:
            payload.append(line)
            continue
        if timings is not None:
            if match is not None and payload and payload[-1].strip().isdigit():
                payload.pop()
            cues.append(Cue(timings[0], timings[1], "\n".join(payload)))
        timings = (_millis(match.groups()[:4]), _millis(match.groups()[4:])) if match else None
        payload = []
    if timings is not None:
        cues.append(Cue(timings[0], timings[1], "\n".join(payload)))
    return cues


def _millis(fields: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, fraction = fields
    millis = int((fraction or "0").ljust(3, "0"))
    hours = hours if hours is None or len(hours) <= _MAX_HOUR_DIGITS else "9" * _MAX_HOUR_DIGITS
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds or 0)) * 1000 + millis


def timing_warnings(cues: list[Cue], rollup: bool) -> list[str]:
    """Warnings about cues out of time order, overlapping, or ending before they start; the order is kept.

    Overlaps are how roll-up captions work, so they are only counted in other files.
    """
    earlier = sum(1 for above, cue in pairwise(cues) if cue.start < above.start)
    overlaps = 0 if rollup else sum(1 for above, cue in pairwise(cues) if above.start <= cue.start < above.end)
    inverted = sum(1 for cue in cues if cue.end < cue.start)
    warnings = []
    if earlier:
        warnings.append(f"{earlier} cue(s) start before the cue above them; their text is kept in file order")
    if overlaps:
        warnings.append(f"{overlaps} cue(s) overlap the cue above them; their text is kept in file order")
    if inverted:
        warnings.append(f"{inverted} cue(s) end before they start")
    return warnings


def clean_line(line: str) -> str:
    """A payload line without tags, SRT overrides, entities, direction marks and repeated spaces."""
    line = _TAG.sub("", _SRT_OVERRIDE.sub("", line))
    line = html.unescape(line).translate(_INVISIBLE)
    return _SPACES.sub(" ", line).strip()


def _cue_texts(cues: list[Cue]) -> list[tuple[str, int]]:
    """One text per cue with its start, its lines joined by spaces, with ``Name: `` where the voice changes."""
    texts = []
    last_voice: str | None = None
    for cue in cues:
        text = " ".join(line for line in map(clean_line, cue.raw.split("\n")) if line)
        voice_match = _VOICE.search(cue.raw)
        voice = html.unescape(voice_match.group(1)).strip() if voice_match else None
        if voice and voice != last_voice and text:
            text = f"{voice}: {text}"
        if voice:
            last_voice = voice
        texts.append((text, cue.start))
    return texts


def dedupe_rollup(cues: list[Cue]) -> tuple[list[tuple[str, int]], str]:
    """The lines of roll-up captions, each once with the start of the cue that brought it; what was dropped."""
    kept: list[tuple[str, int]] = []
    bridges = repeats = 0
    for cue in cues:
        if 0 <= cue.end - cue.start < BRIDGE_MS:
            bridges += 1
            continue
        lines = [line for line in map(clean_line, cue.raw.split("\n")) if line]
        if lines and kept and lines[0] == kept[-1][0]:
            lines = lines[1:]
            repeats += 1
        kept.extend((line, cue.start) for line in lines)
    note = f"roll-up auto-captions: dropped {bridges} bridge cue(s) under {BRIDGE_MS} ms and {repeats} repeated line(s)"
    return kept, note
