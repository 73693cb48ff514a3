"""YouTube caption downloads: yt-dlp roll-up .vtt, json3, srv3 and the pasted transcript panel.

The files in tests/data/captions were made by tests/captionmaker.py from the State Department's public-domain
briefing transcript in tests/data/state_briefing_2023_09_28.txt (see their .meta.json): real words, made-up
timings. All four must read to one text, with a time for each caption line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from captionmaker import FIRST_MS, WORD_MS, WORDS_PER_LINE, caption_lines, json3, srv3
from claimsift.analysis import analyze
from claimsift.errors import InputError
from claimsift.ingest import read_bytes, read_documents
from claimsift.report.html import render_html
from claimsift.report.json_report import to_dict

DATA = Path(__file__).parent / "data"
CAPTIONS = DATA / "captions"
STEM = "state_briefing_2023_09_28"
FILES = {
    "vtt": CAPTIONS / f"{STEM}.en.vtt",
    "json3": CAPTIONS / f"{STEM}.en.json3",
    "srv3": CAPTIONS / f"{STEM}.en.srv3",
    "panel": CAPTIONS / f"{STEM}_panel.txt",
}
TRANSCRIPT = " ".join((DATA / f"{STEM}.txt").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_ingest_youtube_formats_read_to_the_transcript_with_a_time_per_line(fmt: str) -> None:
    doc = read_documents([str(FILES[fmt])])[0]
    assert doc.format == fmt and doc.kind == "transcript" and doc.published == "2023-09-28"
    assert doc.text == TRANSCRIPT
    lines = caption_lines()
    assert len(doc.times) == len(lines)
    second = doc.times[1]
    assert doc.text[second[0] :].startswith(" ".join(lines[1][1]))
    expected = FIRST_MS + WORDS_PER_LINE * WORD_MS
    assert second[1] == (expected // 1000 * 1000 if fmt == "panel" else expected)  # the panel has whole seconds
    assert doc.time_at(second[0] + 5) == second[1] / 1000


def test_ingest_youtube_json3_in_a_json_file_and_srv3_in_an_xml_file_are_recognised() -> None:
    lines = caption_lines()[:3]
    as_json = read_bytes(json3(lines).encode(), "captions.json")[0]
    as_xml = read_bytes(srv3(lines).encode(), "captions.xml")[0]
    assert as_json.format == "json3" and as_xml.format == "srv3"
    assert as_json.text == as_xml.text == " ".join(w for _, words in lines for w in words)


def test_ingest_youtube_srv1_transcript_is_read() -> None:
    xml = '<?xml version="1.0"?><transcript><text start="1.5" dur="2">Thanks very much, Matt.</text><text start="4.25" dur="1">It&amp;#39;s good.</text></transcript>'
    doc = read_bytes(xml.encode(), "captions.srv1")[0]
    assert doc.text == "Thanks very much, Matt. It's good." and doc.times == ((0, 1500), (24, 4250))


def test_ingest_youtube_panel_drops_spoken_lengths_and_reads_hours() -> None:
    panel = (
        "0:00\n0 seconds\nGood afternoon, everyone.\n1:02:05\n1 hour, 2 minutes, 5 seconds\nThanks very much, Matt.\n"
    )
    doc = read_bytes(panel.encode(), "panel.txt")[0]
    assert doc.text == "Good afternoon, everyone. Thanks very much, Matt." and doc.times == ((0, 0), (26, 3725000))


def test_ingest_youtube_ordinary_text_with_a_clock_time_stays_verbatim() -> None:
    doc = read_documents([str(DATA / f"{STEM}.txt")])[0]
    assert doc.format == "text" and doc.times == ()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.json3", b'{"events": 3}', 'malformed json3 captions: no "events" list'),
        ("bad.json3", b'{"events": [', "malformed json3 captions: not valid JSON"),
        (
            "empty.json3",
            b'{"wireMagic": "pb3", "events": [{"tStartMs": 0, "segs": [{"utf8": "\\n"}]}]}',
            "json3 file has no caption text",
        ),
        ("bad.srv3", b'<timedtext format="3"><body><p t="1">unclosed', "malformed srv3 captions"),
    ],
)
def test_ingest_youtube_broken_files_give_one_line_errors(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        read_bytes(data, name)
    assert err.value.reason.startswith(reason) and "\n" not in str(err.value)


def test_ingest_youtube_srv3_entities_are_never_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<timedtext format="3"><body><p t="0">Thanks &b; Matt.</p></body></timedtext>'
    )
    doc = read_bytes(bomb.encode(), "bomb.srv3")[0]
    assert "aaaa" not in doc.text and doc.text.startswith("Thanks")


def _sidecar(tmp_path: Path, fmt: str, url: str) -> Path:
    source = FILES[fmt]
    target = tmp_path / source.name
    target.write_bytes(source.read_bytes())
    meta = json.loads((CAPTIONS / f"{STEM}.en.meta.json").read_text(encoding="utf-8"))
    stem = target.name.removesuffix(target.suffix)
    (tmp_path / f"{stem}.meta.json").write_text(json.dumps(dict(meta, url=url)), encoding="utf-8")
    return target


@pytest.mark.model
def test_ingest_youtube_claims_carry_their_time_and_the_report_links_the_video(tmp_path: Path) -> None:
    # a placeholder video address: the test checks the link's form, not a real video
    video = "https://www.youtube.com/watch?v=placeholder"
    result = analyze([str(_sidecar(tmp_path, "json3", video))])
    claims = to_dict(result)["claims"]
    aware = next(c for c in claims if c["text"].startswith("He has made me aware of that"))
    line = next(i for i, (_, words) in enumerate(caption_lines()) if "made" in words and "aware" in words)
    assert aware["time"] == (FIRST_MS + line * WORDS_PER_LINE * WORD_MS) / 1000 and "page" not in aware
    assert all(isinstance(c["time"], float) for c in claims)
    html = render_html(result)
    assert f'href="{video}&amp;t={int(aware["time"])}"' in html


@pytest.mark.model
def test_ingest_youtube_report_shows_the_time_without_a_link_for_a_page_address() -> None:
    result = analyze([str(FILES["vtt"])])
    html = render_html(result)
    assert '<span class="where">0:29</span>' in html and '<a class="where"' not in html


def test_ingest_youtube_panel_with_windows_line_ends_is_recognised() -> None:
    panel = FILES["panel"].read_text(encoding="utf-8").replace("\n", "\r\n")
    doc = read_bytes(panel.encode(), "copied.txt")[0]
    assert doc.format == "panel" and doc.text == TRANSCRIPT
