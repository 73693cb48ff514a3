"""YouTube caption downloads and the transcript panel: each to one clean text with a time for each span.

The files people get from YouTube (``yt-dlp --write-auto-subs --sub-format json3/srv3``) and what they copy:

* ``json3``: ``{"events": [{"tStartMs": 7010, "segs": [{"utf8": "But"}, {"utf8": " what", "tOffsetMs": 270}]}]}``;
  an event holding only a line break (``"aAppend": 1``) starts a new line of roll-up captions and has no text.
* ``srv3`` (``<timedtext format="3">``): ``<p t="7010" d="2850"><s>But</s><s t="270"> what</s></p>``; the older
  ``srv1`` (``<transcript><text start="7.01" dur="2.85">But what</text>``) is read too.
* the transcript panel pasted as text: a timestamp (``0:04``, ``1:02:05``) on its own line, then the text said
  from then on; the spoken length YouTube adds for screen readers ("4 seconds") is dropped.

Roll-up repeats do not occur in these formats: each line is sent once. Spans are joined with single spaces,
the way ``.vtt`` captions are, so the same captions read to the same text whichever format they came in.
"""

from __future__ import annotations

import json
import re

import lxml.etree

from claimsift.errors import InputError

from ._captions import clean_line, join_spans
from ._meta import Part

_SPACES = re.compile(r"\s+")
_STAMP = re.compile(r"[ \t]*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[ \t]*")
_SPOKEN = re.compile(r"[ \t]*\d+ (?:hours?|minutes?|seconds?)(?:,? \d+ (?:minutes?|seconds?))*[ \t]*")
_JSON3_HINT = re.compile(r'"(?:wireMagic|events)"\s*:')
_SRV_HINT = re.compile(r"\A(?:\ufeff?\s*<\?xml[^>]*>)?\s*<(?:timedtext|transcript)\b")
_MIN_STAMPS = 2
_FIRST_LINE = re.compile(r"\s*([^\r\n]{0,40})")
"""The first non-blank line, or its start: a timestamp line is short."""


def _part(spans: list[tuple[str, int]], name: str, what: str) -> Part:
    text, times = join_spans(spans)
    if not text:
        raise InputError(name, f"{what} has no caption text")
    return Part(text=text, times=times)


def is_json3(text: str) -> bool:
    """True for a ``.json`` file that is YouTube's json3 captions rather than claimsift's JSON documents."""
    return bool(_JSON3_HINT.search(text[:4096])) and '"text"' not in text[:4096]


def read_json3(text: str, name: str) -> Part:
    """YouTube json3 captions: one span per event with text.

    Raises:
        InputError: Not JSON, no ``events`` list, or no caption text.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(name, "malformed json3 captions: not valid JSON") from exc
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        raise InputError(name, 'malformed json3 captions: no "events" list')
    spans: list[tuple[str, int]] = []
    for event in events:
        segs = event.get("segs") if isinstance(event, dict) else None
        if not isinstance(segs, list):
            continue
        raw = "".join(str(seg.get("utf8", "")) for seg in segs if isinstance(seg, dict))
        start = event.get("tStartMs", 0)
        spans.append((_SPACES.sub(" ", raw).strip(), start if isinstance(start, int) else 0))
    return _part(spans, name, "json3 file")


def is_srv(text: str) -> bool:
    """True for YouTube's XML captions (srv3 ``<timedtext>``, srv1 ``<transcript>``)."""
    return bool(_SRV_HINT.match(text[:1024]))


def read_srv(text: str, name: str) -> Part:
    """YouTube srv3 (``<p t= d=>``, milliseconds) or srv1 (``<text start= dur=>``, seconds) captions.

    The XML parser resolves no entities, reads no DTD and fetches nothing.

    Raises:
        InputError: Not well-formed XML, or no caption text.
    """
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise InputError(name, f"malformed srv3 captions: {exc.msg}") from exc
    spans: list[tuple[str, int]] = []
    for element in root.iter("p", "text"):
        raw = "".join(element.itertext())
        if element.tag == "p":
            start = _number(element.get("t"), 1)
        else:  # srv1: seconds, and the text is HTML-escaped a second time
            start = _number(element.get("start"), 1000)
            raw = clean_line(raw)
        spans.append((_SPACES.sub(" ", raw).strip(), start))
    return _part(spans, name, "srv3 file")


def _number(value: str | None, scale: int) -> int:
    try:
        return round(float(value or 0) * scale)
    except ValueError:
        return 0


def is_panel(text: str) -> bool:
    """True for a pasted transcript panel: it opens with a timestamp line, and such lines recur.

    Only then is a ``.txt`` read as a transcript rather than verbatim: at least two timestamp lines, and at least
    one line in four is one (the panel alternates them with the text).
    """
    first = _FIRST_LINE.match(text)
    if first is None or not _STAMP.fullmatch(first.group(1)):
        return False  # decided without splitting the text: most .txt files stop here
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 * _MIN_STAMPS:
        return False
    stamps = sum(1 for line in lines if _STAMP.fullmatch(line))
    return stamps >= _MIN_STAMPS and stamps * 4 >= len(lines)


def read_panel(text: str, name: str) -> Part:
    """A transcript panel pasted as text: the lines after each timestamp line are one span from that time.

    Raises:
        InputError: No text follows any timestamp.
    """
    spans: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    for line in text.splitlines():
        stamp = _STAMP.fullmatch(line)
        if stamp is not None:
            spans.append((" ".join(current), start))
            current, start = [], _stamp_millis(stamp)
        elif line.strip() and not _SPOKEN.fullmatch(line):
            current.append(_SPACES.sub(" ", line).strip())
    spans.append((" ".join(current), start))
    part = _part(spans, name, "transcript panel")
    return Part(
        text=part.text, times=part.times, warnings=("read as a YouTube transcript panel: timestamps taken out",)
    )


def _stamp_millis(match: re.Match[str]) -> int:
    hours, minutes, seconds = match.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
