"""Speaker turns, the document's own voice and unnamed sources, on real U.S. government and VOA texts.

Texts in tests/data with their addresses in the .meta.json beside each: a State Department briefing
(MR MILLER / MR RUBIN / QUESTION), a White House briefing whose questions are a bare "Q", a White House
press call (MODERATOR / MS. NEUBERGER), a presidential statement and a VOA article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit import claim_with, claims_in, claims_of
from claimsift import analyze
from claimsift.ingest import read_documents
from claimsift.model import Document
from claimsift.nlp.narrator import narrator
from claimsift.nlp.turns import find_turns, full_name, interview_answers, label_spans
from claimsift.report.json_report import to_dict

DATA = Path(__file__).parent / "data"
BRIEFING = DATA / "state_briefing_2023_09_28.txt"
MCDONOUGH = DATA / "wh_mcdonough_briefing.txt"
PORTS = DATA / "wh_ports_cyber_call.txt"
STATEMENT = DATA / "wh_statement_families.txt"
VOA = DATA / "voa_nk_rocket_failed_2012.txt"


def _text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def test_turns_labels_speakers_and_questioners() -> None:
    turns = find_turns(_text(BRIEFING))
    assert [t.label for t in turns] == ["MR MILLER", "QUESTION", "MR MILLER", "MR RUBIN", "QUESTION", "MR RUBIN"]
    assert {t.label: t.speaker for t in turns}["MR RUBIN"] == "Jamie Rubin"  # named in Miller's introduction
    assert [t.questioner for t in turns] == [False, True, False, False, True, False]
    text = _text(BRIEFING)
    for t, nxt in zip(turns, turns[1:], strict=False):
        assert text[t.start : t.content_start].startswith(t.label) and t.end == nxt.start


def test_turns_bare_q_and_a_mc_surname() -> None:
    turns = find_turns(_text(MCDONOUGH))
    speakers = {t.label: (t.speaker, t.questioner) for t in turns}
    assert speakers == {"MR. McDONOUGH": ("Denis McDonough", False), "Q": ("Q", True)}


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("SECRETARY BLINKEN", "Secretary Antony J. Blinken With State of the Union", "Antony J. Blinken"),
        (
            "MS. NEUBERGER",
            "it will be attributable to Anne Neuberger, Deputy National Security Advisor",
            "Anne Neuberger",
        ),
        ("MR MILLER", "Thank you, Matt.", "MR MILLER"),  # the text never gives his full name
        ("QUESTION", "Jamie Rubin", "QUESTION"),
    ],
)
def test_turns_full_name_of_a_label(label: str, text: str, expected: str) -> None:
    assert full_name(label, text) == expected


def test_turns_the_interviewer_named_in_the_title_asks_the_questions() -> None:
    # State Department transcript of 2022-02-20 (a federal transcript; read at https://www.acn.center/index.php/
    # 2022/02/21/secretary-antony-j-blinken-with-state-of-the-union-on-cnn-with-dana-bash/), its title and opening turns
    title = "Secretary Antony J. Blinken With State of the Union on CNN with Dana Bash"
    text = (
        "QUESTION:  And joining me now is the U.S. Secretary of State Antony Blinken.  Mr. Secretary, let’s start "
        "with what you just heard Clarissa reporting on.\n\nSECRETARY BLINKEN:  It does.\n\n"
        "QUESTION:  Ukraine is reporting dozens of ceasefire violations.\n\nSECRETARY BLINKEN:  It is.\n"
    )
    speakers = {t.label: t.speaker for t in find_turns(text, title)}
    assert speakers == {"QUESTION": "Dana Bash", "SECRETARY BLINKEN": "Antony J. Blinken"}
    # a name closing the title that is also a turn's label answers, it does not ask
    answering = {t.label: t.speaker for t in find_turns(text, "Interview of the Secretary with Antony Blinken")}
    assert answering["QUESTION"] == "QUESTION"
    # the White House briefing's title names its speaker with "by": the reporters stay unnamed
    assert {
        t.speaker
        for t in find_turns(_text(MCDONOUGH), json.loads(MCDONOUGH.with_suffix(".meta.json").read_text())["title"])
        if t.questioner
    } == {"Q"}


def test_turns_none_in_an_article() -> None:
    assert find_turns(_text(VOA)) == [] and label_spans(_text(VOA)) == []


@pytest.mark.model
def test_turns_statements_go_to_the_turns_speaker() -> None:
    claims = claims_in(BRIEFING)
    china = claim_with(claims, "Every day the People’s Republic of China")
    assert (china.source.name, china.source.kind, china.evidence_type) == (
        "Jamie Rubin",
        "person",
        "official_statement",
    )
    assert claim_with(claims, "I believe there’s nothing less").source.name == "Jamie Rubin"
    assert claim_with(claims, "We’re pleased to release").source.name == "Jamie Rubin"  # "we" is the speaker's side
    assert claim_with(claims, "We have a very special guest").source.name == "MR MILLER"
    assert not any("MR RUBIN" in c.text or "MR MILLER:" in c.text for c in claims)
    assert not any(c.text.startswith("Department Press Briefing") for c in claims)  # front matter


@pytest.mark.model
def test_turns_questions_are_not_claims_and_assertions_are_the_questioners() -> None:
    claims = claims_in(MCDONOUGH)
    assert not any(c.text.rstrip().endswith("?") for c in claims)
    assert {c.source.name for c in claims} == {"Denis McDonough"}
    asked = claim_with(claims_in(BRIEFING), "he was the one who set this up")
    assert (asked.source.name, asked.evidence_type) == ("QUESTION", "media_report")


@pytest.mark.model
def test_turns_reported_speech_inside_a_turn_keeps_its_source_with_the_speaker_as_relay() -> None:
    claims = claims_in(PORTS)
    preview = claim_with(claims, "to preview a series of actions")
    assert preview.source.name != "MODERATOR" and preview.via[:1] == ("MODERATOR",)
    ports = claim_with(claims, "America’s ports employ 31 million Americans")
    assert (ports.source.name, ports.via) == ("Anne Neuberger", ())


@pytest.mark.model
def test_turns_in_the_json_report() -> None:
    result = to_dict(analyze([str(BRIEFING)]))
    (doc,) = result["documents"]
    assert [t["speaker"] for t in doc["turns"]][:4] == ["MR MILLER", "QUESTION", "MR MILLER", "Jamie Rubin"]
    assert all({"speaker", "label", "start", "end"} <= set(t) for t in doc["turns"])
    article = to_dict(analyze([str(VOA)]))
    assert article["documents"][0]["turns"] == []


@pytest.mark.model
def test_narrator_of_a_statement_is_its_issuer(nlp) -> None:  # type: ignore[no-untyped-def]
    (doc,) = read_documents([str(STATEMENT)])
    assert narrator(doc, nlp) == "Joe Biden"
    claims = claims_in(STATEMENT)
    wrong = claim_with(claims, "That ruling is wrong.")
    assert (wrong.source.name, wrong.source.kind, wrong.evidence_type) == ("Joe Biden", "author", "official_statement")
    announced = claim_with(claims, "my Administration announced new action")
    assert announced.source.name == "Joe Biden"  # "my Administration" is the speaker's own side


@pytest.mark.model
def test_narrator_of_remarks_from_the_title_and_none_for_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    # Title and first sentence of "Remarks by President Biden on High-Speed Internet Investments" (whitehouse.gov).
    remarks = Document(
        id="r",
        path="r.txt",
        text="Folks — Governor Cooper and all the state officials here today — and, by the way, "
        "you got the best governor in the country.",
        title="Remarks by President Biden on High-Speed Internet Investments | Raleigh, NC",
        kind="transcript",
    )
    assert narrator(remarks, nlp) == "Biden"
    (article,) = read_documents([str(VOA)])
    assert narrator(article, nlp) is None
    meta = json.loads((DATA / "voa_nk_rocket_failed_2012.meta.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "article"


@pytest.mark.model
@pytest.mark.parametrize(
    ("needle", "name", "kind", "evidence"),
    [
        (
            "blasted off from the launch pad",
            "Officials in Seoul, Tokyo and Washington",
            "anonymous",
            "anonymous_source",
        ),
        ("other two stages failed", "North American Aerospace Defense Command", "organization", None),
    ],
)
def test_sources_unnamed_are_anonymous_named_are_not(needle: str, name: str, kind: str, evidence: str | None) -> None:
    claim = claim_with(claims_in(VOA), needle)
    assert (claim.source.name, claim.source.kind) == (name, kind)
    if evidence:
        assert claim.evidence_type == evidence


def test_turns_quoted_in_an_article_end_with_their_paragraph() -> None:
    """An article quoting a transcript opens each exchange with a quotation mark ('"MR MILLER: ...').
    The words are the State Department briefing's of 2023-09-28, quoted the way news articles quote."""
    text = (
        '"MR MILLER: Good afternoon, everyone. We have a very special guest here today.\n\n'
        '"QUESTION: Yeah, but he was the one who set this up.\n\n'
        '"MR MILLER: He has made me aware of that.\n\n'
        "The Special Envoy and Coordinator of the Global Engagement Center Jamie Rubin is going to give some "
        "remarks about a report that they released today.\n"
    )
    turns = find_turns(text)
    assert [t.label for t in turns] == ["MR MILLER", "QUESTION", "MR MILLER"]
    last = turns[-1]
    assert text[last.content_start : last.end].strip() == "He has made me aware of that."
    assert "Jamie Rubin" not in text[last.start : last.end]  # the narration after the quote is the author's


def test_turns_an_article_before_the_first_turn_keeps_its_reports() -> None:
    """An article that reports, then gives an interview's turns, keeps its own attributed report; a transcript's
    heading before the turns gives nothing. The text joins two open documents of tests/data: the opening of
    VOA's story of 29 October 2024 (voa_pentagon_kursk_small_number.txt) and the White House gaggle of
    25 October 2024 (wh_kirby_gaggle_2024_10_25.txt, with its heading)."""
    voa = (DATA / "voa_pentagon_kursk_small_number.txt").read_text(encoding="utf-8").split("\n\n")
    gaggle = (DATA / "wh_kirby_gaggle_2024_10_25.txt").read_text(encoding="utf-8")
    claims = claims_of("\n\n".join(voa[1:3]) + "\n\n" + gaggle, kind="article", published="2024-10-29")
    ryder = claim_with(claims, "indications that there's already a small number")
    assert ryder.source.name == "Pentagon press secretary Major General Pat Ryder"
    assert not [c for c in claims if "Via Teleconference" in c.text or "On-the-Record Press Gaggle" in c.text]
    assert claim_with(claims, "expressed grave concern").source.kind != "author"


@pytest.mark.model
def test_turns_an_interview_without_labels_gives_its_answers_to_the_interviewee() -> None:
    """Wikinews, 2013-11-16 (CC BY 2.5; tests/data/wikinews_interview_licen.txt, address in its .meta.json): the
    questions are paragraphs ending in "?", the answers follow them, and the title names whom Wikinews interviews.
    The introduction stays the narrator's; a briefing with labels is not read this way."""
    text = (DATA / "wikinews_interview_licen.txt").read_text(encoding="utf-8")
    found = interview_answers(text)
    assert found is not None and found[0] == "Simon Ličen"
    claims = claims_in(DATA / "wikinews_interview_licen.txt")
    answer = claim_with(claims, "Sports in the United States largely reaffirm")
    assert (answer.source.name, answer.source.kind, answer.evidence_type) == ("Simon Ličen", "person", "analysis")
    assert claim_with(claims, "has recently joined the Sport Management Program").source.kind == "author"
    assert interview_answers((DATA / "state_briefing_2023_09_28.txt").read_text(encoding="utf-8")) is None
