"""Readers, metadata, folder walking and stdin of claimsift.ingest.

The texts are real sentences of public-domain U.S. government texts in tests/data (VOA, DOD News, the White
House); tests/ingestmaker.py made the files in tests/data/ingest from them, and each file's .meta.json says how
and from which address.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import claimsift.ingest
from claimsift.errors import UsageError
from claimsift.ingest import read_bytes, read_documents
from claimsift.ingest._captions import clean_line
from claimsift.model import Document

DATA = Path(__file__).parent / "data" / "ingest"

OPENING = (
    "The Pentagon said Tuesday a \u201csmall number\u201d of North Korean troops have deployed to Russia\u2019s Kursk "
    "region, where they are likely to be used in combat against Ukrainian troops."
)
SINGH = (
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy "
    "Pentagon Press Secretary Sabrina Singh, who spoke to the media today."
)
AUTO = (
    SINGH + " The Pentagon has not confirmed that these troops have engaged in combat with Ukrainian troops who "
    "are inside a portion of the Kursk region, she said, adding, \"They're moving into Kursk for a reason. We have "
    'every expectation that they would be engaged in combat operations."'
)
META = {
    "title": "Ukraine reports destroying 38 Russian drones (excerpt)",
    "outlet": "Voice of America",
    "url": "https://voa.pangea-cms.com/preview/en-US/a/ukraine-reports-destroying-38-russian-drones/7853502.html",
    "published": "2024-11-06",
    "kind": "article",
}
DOD_URL = (
    "https://www.defense.gov/News/News-Stories/Article/Article/3968230/"
    "north-korean-troops-enter-kursk-where-ukrainians-are-fighting/"
)


def _only(paths: list[str], published: str | None = None) -> Document:
    documents = read_documents(paths, published=published)
    assert len(documents) == 1
    return documents[0]


def _copy(tmp_path: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / names[0]


def test_ingest_exports_sorted_public_api() -> None:
    assert claimsift.ingest.__all__ == sorted(claimsift.ingest.__all__)
    assert claimsift.ingest.__all__ == [
        "FeedEntry",
        "FetchPolicy",
        "check_address",
        "decode",
        "expand",
        "fetch",
        "is_address",
        "read_bytes",
        "read_documents",
        "read_feed",
        "read_url",
    ]


@pytest.mark.parametrize(
    ("filename", "fmt", "kind", "expected"),
    [
        ("kursk_open_opening.vtt", "vtt", "transcript", OPENING),
        ("kursk_open_auto.en.vtt", "vtt", "transcript", AUTO),
        ("kursk_open_singh.srt", "srt", "transcript", SINGH),
    ],
)
def test_ingest_captions_join_cue_texts(filename: str, fmt: str, kind: str, expected: str) -> None:
    document = _only([str(DATA / filename)])
    assert (document.format, document.kind, document.text) == (fmt, kind, expected)
    assert document.id == Path(filename).stem


@pytest.mark.parametrize("filename", ["kursk_open_excerpt.txt", "kursk_open_notes.md"])
def test_ingest_text_and_markdown_are_verbatim(filename: str) -> None:
    document = _only([str(DATA / filename)])
    assert document.text == (DATA / filename).read_bytes().decode("utf-8")
    assert document.format == {".txt": "text", ".md": "markdown"}[Path(filename).suffix]


def test_ingest_text_keeps_newlines_and_unicode_forms(tmp_path: Path) -> None:
    # CRLF, a tab, trailing spaces and a decomposed é must survive, so offsets match the file.
    raw = "Vitaliy Kim, the governor of Mykolaiv,\r\n\tcafe\u0301  \r\n\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    document = _only([str(path)])
    assert document.text == raw
    assert document.text[document.text.index("Kim") :].startswith("Kim, the governor")


def test_ingest_markdown_title_from_first_heading() -> None:
    document = _only([str(DATA / "kursk_open_notes.md")])
    assert (
        document.title
        == "On-the-Record Press Gaggle by White House National Security Communications Advisor John Kirby"
    )
    assert document.text.startswith("# On-the-Record Press Gaggle")


def test_ingest_html_main_text_and_metadata() -> None:
    document = _only([str(DATA / "kursk_open_article.html")])
    assert document.format == "html"
    assert "There is no evidence that more North Korean troops are entering Russia" in document.text
    assert "\"They're moving into Kursk for a reason." in document.text
    assert "SCRIPT_TEXT_MUST_NOT_APPEAR" not in document.text
    assert "track()" not in document.text and "font-family" not in document.text
    assert (document.title, document.outlet, document.url, document.published, document.kind) == (
        "North Korean Troops Enter Kursk Where Ukrainians Are Fighting",
        "U.S. Department of Defense, DOD News (David Vergun)",
        DOD_URL,
        "2024-11-18",
        "article",
    )


def test_ingest_html_falls_back_to_visible_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>t</title><script>var s = 'SCRIPT_TEXT';</script><style>nav {}</style></head>"
        "<body><nav><a href='/'>Pentagon</a></nav>"
        "<footer><p>U.S. Department of Defense</p></footer></body></html>"
    )
    path = tmp_path / "nav_only.html"
    path.write_text(page, encoding="utf-8")
    document = _only([str(path)])
    assert document.text == "Pentagon\nU.S. Department of Defense"
    assert any("visible text" in warning for warning in document.warnings)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # words of the open VOA and DOD News texts in tests/data, marked up as caption files mark them up
        ("<c.colorE5E5E5>Kursk</c> Oblast", "Kursk Oblast"),
        ("<i>&quot;small number&quot;</i>", '"small number"'),
        ("R&amp;D", "R&D"),
        ("{\\an8}Russia's Kursk", "Russia's Kursk"),
        ("aerial<00:07:07.340><c> drones</c>", "aerial drones"),
        ('<font color="#ffff00">Kursk   region</font>', "Kursk region"),
        ("&lrm;Kursk&nbsp;region", "Kursk region"),
        ("<v Pat Ryder>We remain concerned</v>", "We remain concerned"),
    ],
)
def test_ingest_caption_line_cleaning(line: str, expected: str) -> None:
    assert clean_line(line) == expected


def test_ingest_vtt_voice_becomes_prefix_where_speaker_changes(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:03.000\n<v Pat Ryder>We remain concerned that Russia intends to use these soldiers\n\n"
        "00:00:03.000 --> 00:00:05.000\n<v Pat Ryder>in combat or to support combat operations\n"
    )
    path = tmp_path / "voices.vtt"
    path.write_text(vtt, encoding="utf-8")
    assert _only([str(path)]).text == (
        "Pat Ryder: We remain concerned that Russia intends to use these soldiers in combat or to support combat "
        "operations"
    )


def test_ingest_rollup_dedupe_only_with_inline_timestamps(tmp_path: Path) -> None:
    # Without inline word timestamps a repeated line and a 20 ms cue are the author's, and are kept.
    vtt = (
        'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"They\'re moving into Kursk for a reason."\n\n'
        '00:00:03.000 --> 00:00:03.020\n"They\'re moving into Kursk for a reason."\n\n'
        '00:00:03.020 --> 00:00:05.000\n"They\'re moving into Kursk for a reason."\nSingh said.\n'
    )
    path = tmp_path / "manual.vtt"
    path.write_text(vtt, encoding="utf-8")
    document = _only([str(path)])
    assert document.text.count("They're moving into Kursk for a reason.") == 3
    assert document.warnings == ()


def test_ingest_rollup_reports_what_it_dropped() -> None:
    document = _only([str(DATA / "kursk_open_auto.en.vtt")])
    assert document.text.count("Sabrina Singh") == 1
    assert document.warnings == ("roll-up auto-captions: dropped 10 bridge cue(s) under 50 ms and 9 repeated line(s)",)


@pytest.mark.parametrize(
    ("filename", "captions", "warning"),
    [
        (
            "one_bad_cue.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nIt is likely that about 11,000\n\n"
            "00:00:0x.000 --> 00:00:03.000\nNorth Korean troops have moved\n\n"
            "00:00:03.000 --> 00:00:04.000\ninto Russia's Kursk region,\n",
            "1 of 3 cues could not be parsed and were skipped",
        ),
        (
            "one_bad_cue.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nIt is likely that about 11,000\n\n"
            "2\n00:00:0x,000 --> 00:00:03,000\nNorth Korean troops have moved\n\n"
            "3\n00:00:03,000 --> 00:00:04,000\ninto Russia's Kursk region,\n",
            "1 of 3 cues could not be parsed and were skipped",
        ),
        (
            "no_header.vtt",
            "00:00:01.000 --> 00:00:02.000\nIt is likely that about 11,000\n\n"
            "00:00:03.000 --> 00:00:04.000\ninto Russia's Kursk region,\n",
            "not a well-formed VTT file; cues were read leniently",
        ),
        (
            "no_numbers.srt",
            "00:00:01,000 --> 00:00:02,000\nIt is likely that about 11,000\n\n"
            "00:00:03,000 --> 00:00:04,000\ninto Russia's Kursk region,\n",
            "not a well-formed SRT file; cues were read leniently",
        ),
    ],
)
def test_ingest_captions_keep_good_cues_and_warn(tmp_path: Path, filename: str, captions: str, warning: str) -> None:
    path = tmp_path / filename
    path.write_text(captions, encoding="utf-8")
    document = _only([str(path)])
    assert document.text.startswith("It is likely that about 11,000")
    assert document.text.endswith("into Russia's Kursk region,")
    assert warning in document.warnings


def test_ingest_srt_with_crlf_and_bom(tmp_path: Path) -> None:
    srt = (DATA / "kursk_open_singh.srt").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "windows.srt"
    path.write_bytes(b"\xef\xbb\xbf" + srt.encode("utf-8"))
    assert _only([str(path)]).text == SINGH


@pytest.mark.parametrize(
    ("payload", "expected_ids"),
    [
        ({"id": "nk-rutte", "text": SINGH}, ["nk-rutte"]),
        ({"text": SINGH}, ["quotes"]),
        ([{"text": SINGH}, {"text": OPENING}], ["quotes", "quotes-2"]),
        ({"documents": [{"id": "a", "text": SINGH}, {"id": "a", "text": OPENING}]}, ["a", "a-2"]),
    ],
)
def test_ingest_json_shapes_and_ids(tmp_path: Path, payload: object, expected_ids: list[str]) -> None:
    path = tmp_path / "quotes.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    documents = read_documents([str(path)])
    assert [d.id for d in documents] == expected_ids
    assert documents[0].text == SINGH and documents[0].format == "json"


def test_ingest_json_keys_become_metadata() -> None:
    first, second = read_documents([str(DATA / "kursk_open_quotes.json")])
    assert (first.id, first.title, first.outlet, first.published, first.kind) == (
        "voa-ryder-kursk",
        "Pentagon says some North Korea forces are in Russia's Kursk (excerpt)",
        "Voice of America",
        "2024-10-29",
        "article",
    )
    assert first.text.startswith("\u201c[There are] indications that there's already a small number")
    assert (second.id, second.outlet, second.kind) == ("kursk_open_quotes", None, None)


def test_ingest_sidecar_metadata() -> None:
    document = _only([str(DATA / "kursk_open_excerpt.txt")])
    assert (document.title, document.outlet, document.url, document.published, document.kind) == tuple(
        META[key] for key in ("title", "outlet", "url", "published", "kind")
    )


def test_ingest_sidecar_empty_value_means_unknown(tmp_path: Path) -> None:
    path = _copy(tmp_path, "kursk_open_excerpt.txt")
    (tmp_path / "kursk_open_excerpt.meta.json").write_text(json.dumps(META | {"url": ""}), encoding="utf-8")
    document = _only([str(path)])
    assert (document.outlet, document.url) == (META["outlet"], None)


@pytest.mark.parametrize(
    ("filename", "kind"),
    [
        ("kursk_open_opening.vtt", "transcript"),
        ("kursk_open_singh.srt", "transcript"),
        ("kursk_open_article.html", "article"),
        ("kursk_open_notes.md", None),
    ],
)
def test_ingest_default_kind_by_format(filename: str, kind: str | None) -> None:
    assert _only([str(DATA / filename)]).kind == kind


def test_ingest_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = _copy(tmp_path, "kursk_open_article.html")
    sidecar = {"title": META["title"], "published": "2024-11-19", "kind": "statement"}
    (tmp_path / "kursk_open_article.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    document = _only([str(path)])
    assert (document.title, document.published, document.kind) == (META["title"], "2024-11-19", "statement")
    assert document.outlet == "U.S. Department of Defense, DOD News (David Vergun)"  # still from the page


def test_ingest_json_keys_override_sidecar(tmp_path: Path) -> None:
    path = _copy(tmp_path, "kursk_open_quotes.json")
    sidecar = {"outlet": "VOA News", "published": "2024-10-30"}
    (tmp_path / "kursk_open_quotes.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    first, second = read_documents([str(path)])
    assert (first.outlet, first.published) == ("Voice of America", "2024-10-29")
    assert (second.outlet, second.published) == ("VOA News", "2024-10-30")


@pytest.mark.parametrize("filename", ["kursk_open_excerpt.txt", "kursk_open_article.html", "kursk_open_quotes.json"])
def test_ingest_published_argument_overrides_everything(filename: str) -> None:
    documents = read_documents([str(DATA / filename)], published="2024-12-01")
    assert {d.published for d in documents} == {"2024-12-01"}


@pytest.mark.parametrize("published", ["2024-13-01", "05/11/2024", "2024-11-5", ""])
def test_ingest_bad_published_argument_is_a_usage_error(published: str) -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        read_documents([str(DATA / "kursk_open_excerpt.txt")], published=published)


def test_ingest_folder_walk_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    _copy(tmp_path, "kursk_open_excerpt.txt", "kursk_open_excerpt.meta.json", "kursk_open_singh.srt")
    nested = tmp_path / "b" / "c"
    nested.mkdir(parents=True)
    shutil.copy(DATA / "kursk_open_opening.vtt", nested / "opening.vtt")
    shutil.copy(DATA / "kursk_open_notes.md", tmp_path / "b" / "notes.MD")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text(OPENING, encoding="utf-8")
    documents = read_documents([str(tmp_path)])
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in documents] == [
        "b/c/opening.vtt",
        "b/notes.MD",
        "kursk_open_excerpt.txt",
        "kursk_open_singh.srt",
    ]
    assert documents[2].published == "2024-11-06"  # the sidecar still applies


def test_ingest_ids_made_unique_across_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for relative in ("nk.txt", "sub/nk.txt", "nk.md"):
        (tmp_path / relative).write_text(OPENING, encoding="utf-8")
    documents = read_documents([str(tmp_path / "nk.txt"), str(tmp_path / "sub"), str(tmp_path / "nk.md")])
    assert [d.id for d in documents] == ["nk", "nk-2", "nk-3"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    ("filename", "fmt"),
    [
        ("kursk_open_excerpt.txt", "text"),
        ("kursk_open_opening.vtt", "vtt"),
        ("kursk_open_singh.srt", "srt"),
        ("kursk_open_article.html", "html"),
        ("kursk_open_quotes.json", "json"),
    ],
)
def test_ingest_stdin_guesses_the_format(monkeypatch: pytest.MonkeyPatch, filename: str, fmt: str) -> None:
    _stdin(monkeypatch, (DATA / filename).read_bytes())
    expected = read_documents([str(DATA / filename)])
    documents = read_documents(["-"])
    assert [d.format for d in documents] == [fmt] * len(expected)
    assert [d.text for d in documents] == [d.text for d in expected]
    assert documents[0].path == "-"


def test_ingest_stdin_id_and_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "\ufeff“If they cross into Ukraine, yes.”\r\n".encode("utf-16-le"))
    document = _only(["-"], published="2024-11-05")
    assert (document.id, document.text, document.published) == (
        "stdin",
        "“If they cross into Ukraine, yes.”\r\n",
        "2024-11-05",
    )


def test_ingest_read_bytes_uses_name_and_meta() -> None:
    data = (DATA / "kursk_open_singh.srt").read_bytes()
    documents = read_bytes(data, "uploads/singh.srt", meta={"outlet": "DOD News", "url": ""})
    assert [(d.id, d.path, d.format, d.outlet, d.url, d.text) for d in documents] == [
        ("singh", "uploads/singh.srt", "srt", "DOD News", None, SINGH)
    ]


def test_ingest_read_bytes_json_list_gets_unique_ids() -> None:
    data = json.dumps([{"text": SINGH}, {"text": OPENING}]).encode("utf-8")
    assert [d.id for d in read_bytes(data, "upload.json", published="2024-11-05")] == ["upload", "upload-2"]


def test_ingest_rejects_a_single_string() -> None:
    with pytest.raises(TypeError, match="sequence of paths"):
        read_documents(str(DATA / "kursk_open_excerpt.txt"))
