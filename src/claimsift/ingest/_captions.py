"""WebVTT and SRT captions to one text: cue texts joined with single spaces.

Cues are parsed with webvtt-py; when it finds none (no ``WEBVTT`` header, SRT without cue numbers, the other
format's timestamps) a lenient parser reads any block with a timings line, with a warning. From each cue,
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

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from claimsift.errors import InputError

from ._meta import Part

BRIDGE_MS = 50
"""Roll-up cues shorter than this only hold the finished line again."""

_INLINE_TIME = re.compile(r"<(?:\d+:)?\d{2}:\d{2}\.\d{3}>")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]+)>")
_TAG = re.compile(r"<[^<>]*>")
_SRT_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_SPACES = re.compile(r"\s+")
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LENIENT_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})"
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
    if any(_INLINE_TIME.search(cue.raw) for cue in cues):
        lines, note = dedupe_rollup(cues)
        warnings.append(note)
    else:
        lines = _cue_texts(cues)
    joined = " ".join(line for line in lines if line)
    if not joined:
        raise InputError(name, "caption file has cues but no text")
    return Part(text=joined, warnings=tuple(warnings))


def parse_cues(text: str, fmt: str) -> tuple[list[Cue], list[str]]:
    """Parse cues with webvtt-py, falling back to the lenient parser; warn about cues that were skipped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = sum(1 for line in text.split("\n") if "-->" in line)
    warnings: list[str] = []
    cues = _library_cues(text, fmt)
    if not cues and expected:
        cues = _lenient_cues(text)
        if cues:
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
    except (MalformedFileError, MalformedCaptionError):
        return []
    return [Cue(c.start_time.in_milliseconds(), c.end_time.in_milliseconds(), c.raw_text) for c in captions]


def _lenient_cues(text: str) -> list[Cue]:
    """Cues of any block holding a timings line, with either ``.`` or ``,`` before the milliseconds."""
    cues = []
    for block in _BLANK_LINE.split(text):
        lines = block.strip("\n").split("\n")
        for index, line in enumerate(lines):
            match = _LENIENT_TIMINGS.match(line)
            if match:
                start, end = _millis(match.groups()[:4]), _millis(match.groups()[4:])
                cues.append(Cue(start, end, "\n".join(lines[index + 1 :])))
                break
    return cues


def _millis(fields: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, fraction = fields
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds or 0)) * 1000 + millis


def clean_line(line: str) -> str:
    """A payload line without tags, SRT overrides, entities, direction marks and repeated spaces."""
    line = _TAG.sub("", _SRT_OVERRIDE.sub("", line))
    line = html.unescape(line).translate(_INVISIBLE)
    return _SPACES.sub(" ", line).strip()


def _cue_texts(cues: list[Cue]) -> list[str]:
    """One text per cue, its lines joined by spaces, with ``Name: `` where the voice changes."""
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
        texts.append(text)
    return texts


def dedupe_rollup(cues: list[Cue]) -> tuple[list[str], str]:
    """The lines of roll-up captions, each once; and a note of what was dropped."""
    kept: list[str] = []
    bridges = repeats = 0
    for cue in cues:
        if cue.end - cue.start < BRIDGE_MS:
            bridges += 1
            continue
        lines = [line for line in map(clean_line, cue.raw.split("\n")) if line]
        if lines and kept and lines[0] == kept[-1]:
            lines = lines[1:]
            repeats += 1
        kept.extend(lines)
    note = f"roll-up auto-captions: dropped {bridges} bridge cue(s) under {BRIDGE_MS} ms and {repeats} repeated line(s)"
    return kept, note
