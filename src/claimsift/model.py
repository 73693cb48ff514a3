"""The data model every stage shares: plain frozen dataclasses, character offsets, no spaCy objects.

Data flows one way (ingest -> nlp -> resolve -> assess -> report); each stage returns new records
instead of mutating old ones, so a record seen in a report is exactly what the stage produced.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["person", "organization", "anonymous", "author", "unattributed"]
"""anonymous: an unnamed source the text describes ("a U.S. official"); author: the document's own voice
(named when the document says whose it is: a speech's speaker, a statement's issuer)."""
Stance = Literal["supports", "refutes", "neutral"]

EVIDENCE_TYPES: tuple[str, ...] = (
    "official_statement",
    "intelligence_assessment",
    "imagery",
    "video",
    "intercepted_communication",
    "document",
    "eyewitness",
    "anonymous_source",
    "media_report",
    "physical",
    "analysis",
)

WEP_SCALE: tuple[tuple[str, float, float], ...] = (
    # ICD 203 row 1, with the upper bound of each band (CONVENTIONS.md section 2).
    ("almost_no_chance", 0.0, 0.05),
    ("very_unlikely", 0.05, 0.20),
    ("unlikely", 0.20, 0.45),
    ("even", 0.45, 0.55),
    ("likely", 0.55, 0.80),
    ("very_likely", 0.80, 0.95),
    ("almost_certain", 0.95, 1.0),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One text as read from a file, URL or stdin, with its metadata."""

    id: str
    """Stable short id, the file stem (made unique within one analysis)."""
    path: str
    text: str
    """The text every offset points into."""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    """YYYY-MM-DD; the reference date for dates without a year and for relative dates."""
    kind: str | None = None
    """transcript | article | statement | ..."""
    format: str = "text"
    """Reader that produced the text: text, markdown, vtt, srt, html, json, pdf, docx, json3, srv3."""
    warnings: tuple[str, ...] = ()
    """What the reader had to repair (decoding, dropped cues), for the user to see."""
    author: str | None = None
    pages: tuple[int, ...] = ()
    """Offset where each page's text starts (PDF; DOCX with page breaks): page n starts at ``pages[n - 1]``."""
    times: tuple[tuple[int, int], ...] = ()
    """Captions: ``(offset, milliseconds from the start)`` of each timed span, in text order."""
    fetched: str | None = None
    """When the text was fetched from ``url`` (ISO 8601, UTC); None for files."""
    original: str | None = None
    """The page exactly as fetched (HTML), kept so that a case never fetches it again."""

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) that holds this offset; None when the document has no pages."""
        return bisect_right(self.pages, offset) or None if self.pages else None

    def time_at(self, offset: int) -> float | None:
        """Seconds from the start of the recording at this offset; None when the document has no times."""
        i = bisect_right(self.times, (offset, 2**62))
        return self.times[i - 1][1] / 1000 if i else (self.times[0][1] / 1000 if self.times else None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """One speaker's turn in a transcript with speaker labels ("MR MILLER:", "QUESTION:")."""

    speaker: str
    """Full name where the text gives it ("John Kirby" for "MR. KIRBY"), else the label."""
    label: str
    """The label as written, without its colon."""
    start: int
    """Offset of the label; the turn runs to the next label or the end of the text."""
    end: int
    content_start: int
    """Offset of the first character after the label."""
    questioner: bool = False
    """True for QUESTION, Q, REPORTER: a question is not a claim, an assertion is the questioner's."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A named-entity mention in one document."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    """spaCy label: PERSON, ORG, GPE, NORP, LOC, ..."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """Mentions grouped as one real-world thing across surface forms and documents."""

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    """A date expression normalised to ISO 8601."""

    doc: str
    start: int
    end: int
    text: str
    value: str
    """2024-10-18 (day), 2024-10 (month), 2024 (year)."""
    grain: Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Who asserts a claim."""

    name: str
    kind: SourceKind
    entity: str | None = None
    """Id of the Entity the name belongs to, when it is one."""
    start: int | None = None
    """Offsets of the words that name the source (the pronoun for "he said"), when the text has them."""
    end: int | None = None
    resolved_from: str | None = None
    """The pronoun or description the name was resolved from ("he", "the agency")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposition:
    """What a clause or hypothesis says, for comparing them: content terms (stems), names and negated terms."""

    terms: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """Terms that come from names (people, places, organisations) and numbers: one shared name is not enough."""
    entities: tuple[str, ...] = ()
    """The names among them that the parser read as an entity (a person, organisation, place, people or work), not
    a date, number or capitalised word."""
    places: tuple[str, ...] = ()
    """The names among them that the parser read as a place (a country, city, region or site) outside the
    subject: where a proposition happens, not who does it.
    """
    negated: tuple[str, ...] = ()
    """Terms under a negation in the parse: "were not deployed", "no connection to"."""
    weights: tuple[float, ...] = ()
    """One weight per term (hypotheses only): rarer words weigh more."""
    asides: tuple[tuple[int, int], ...] = ()
    """Character spans of clauses that only describe the subject (hypotheses only): in "The ship that
    left Greece was ...", Greece is where it sailed from, not who is accused."""
    attributive: tuple[str, ...] = ()
    """Denial words that only describe a noun here ("fabricated crimes", "fake accounts"): no denial."""
    subject: tuple[str, ...] = ()
    """Terms of the main clause's subject when it names someone (hypotheses only): who the hypothesis is about."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Two names joined by "and" ("North Korea and Russia", "between the DPRK and Russia"),
    each side its terms joined by spaces: the text speaks of what is between them."""
    acts_on: tuple[tuple[str, str], ...] = ()
    """(act, country) for each country an act goes to, happens in or is aimed at ("entering Russia" gives
    ("enter", "russia")): the same act at another country is another proposition."""
    amounts: tuple[tuple[str, float, float, float | None], ...] = ()
    """Numbers written in digits: (the terms of what is counted, the number, the lowest and the highest it allows,
    None for no upper bound); "more than 1000 people were killed" gives ("peopl kill", 1000, 1000, None)."""
    deed: tuple[str, ...] = ()
    """Terms of the main verb and its direct object (hypotheses only): what the subject did to what ("deploy",
    "troop" of "North Korea had deployed troops to Russia for use in its war"); two such deeds of one doer that share
    no term are two deeds."""
    beside: tuple[str, ...] = ()
    """Terms found only in an adverbial clause with a subject of its own (hypotheses only): "user" of "... was
    falling as Firefox and Chrome gained users" is what another doer did beside the main clause, no part of it."""
    identity: bool = False
    """Whether the hypothesis says what its subject is ("The balloon was a surveillance craft"), hypotheses only:
    two such accounts of one subject exclude each other, two deeds of one doer need not."""
    points_back: bool | None = None
    """Whether a pronoun of the clause stands for something said before ("we saw it", "that was a lie"); a
    relative "that" whose noun is in the clause and an expletive "it" do not. None for claims stored before
    claimsift read it from the parse."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """An attributed statement: about one clause of text, with source, relays, cue and dates."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    source: SourceRef
    via: tuple[str, ...] = ()
    """Relaying outlets or people, nearest to the reader first."""
    cue: str | None = None
    """The attribution cue as written: said, according to, claimed, ..."""
    cue_polarity: Literal["assert", "deny", "neutral"] = "assert"
    evidence_type: str = "media_report"
    hedged: bool = False
    hedge_cues: tuple[str, ...] = ()
    event_date: str | None = None
    stated_date: str | None = None
    fragmentary: bool = False
    """True when the claim crosses a likely seam of a transcript with missing lines."""
    stance: dict[str, Stance] = field(default_factory=dict)
    reliability: str | None = None
    """NATO Admiralty code, e.g. B2."""
    reliability_default: bool = True
    """True when the source letter is claimsift's default, False when the analyst set it."""
    group: str | None = None
    """Id of the evidence group (independent origin and evidence item) the claim belongs to."""
    prop: Proposition | None = None
    """The claim's terms read off the document's parse; None for claims stored before claimsift had them."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceGroup:
    """Claims that are one piece of evidence: one origin, one evidence item, however many relays.

    Ten outlets relaying one ministry's statement are one group; the same ministry showing new
    satellite images is a second group of the same origin (correlated, so damped when aggregated).
    """

    id: str
    origin: str
    """Canonical name of the original source ("author:DOC" / "unattributed:DOC" for those kinds)."""
    origin_kind: SourceKind
    evidence_type: str
    claims: tuple[str, ...]
    """Claim ids, first the one that states it best."""
    relays: tuple[str, ...] = ()
    """Distinct relaying outlets or people across the group's claims."""
    documents: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How a reader should see the origin: the author's and unnamed reporting by document."""
        doc = self.origin.split(":", 1)[-1]
        if self.origin_kind == "author":
            return f"the author of {doc}"
        if self.origin_kind == "unattributed":
            return f"unattributed reporting in {doc}"
        return self.origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Hypothesis:
    """A question the analyst weighs, with its prior probability."""

    id: str
    text: str
    prior: float = 0.5
    prop: Proposition | None = None
    """Its terms, names, negations and descriptive clauses, read off its parse (set by the analysis)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Driver:
    """A claim's contribution to a hypothesis, in natural-log odds."""

    claim: str
    log_odds: float
    reason: str = ""
    """Why it weighs what it weighs, in words: side, evidence, origin, grade and what discounted it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """The verdict on one hypothesis."""

    hypothesis: Hypothesis
    probability: float
    wep: str
    drivers: tuple[Driver, ...] = ()
    ach: dict[str, object] = field(default_factory=dict)
    summary: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentFacts:
    """What the nlp stage read off one document, before anything is compared across documents.

    This is what a case stores per document: assessing again needs no parse.
    """

    document: Document
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    """Claims with empty ids and no entity links; the analysis numbers and links them."""
    dates: tuple[TimeExpr, ...]


DocStanceLabel = Literal["agrees", "disagrees", "discusses", "unrelated"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentStance:
    """What one document does with one hypothesis (FNC-1's labels), and the claims that decide it."""

    label: DocStanceLabel
    claims: tuple[str, ...] = ()
    """Ids of the claims it rests on, the weightiest first."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """Everything one run produced, ready for a report."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    dates: tuple[TimeExpr, ...]
    assessments: tuple[Assessment, ...]
    groups: tuple[EvidenceGroup, ...] = ()
    ach: dict[str, object] = field(default_factory=dict)
    """The Analysis-of-Competing-Hypotheses matrix: rows (evidence groups x hypotheses), scores, leader."""
    turns: dict[str, tuple[Turn, ...]] = field(default_factory=dict)
    """Document id -> its speaker turns (transcripts with speaker labels; absent otherwise)."""
    doc_stances: dict[str, dict[str, DocumentStance]] = field(default_factory=dict)
    """Document id -> hypothesis id -> what the document as a whole does with the hypothesis."""


WEP_WORDS: dict[str, str] = {
    # ICD 203 row 1 (CONVENTIONS.md section 2), as a reader sees them
    "almost_no_chance": "almost no chance",
    "very_unlikely": "very unlikely",
    "unlikely": "unlikely",
    "even": "roughly even chance",
    "likely": "likely",
    "very_likely": "very likely",
    "almost_certain": "almost certain",
}


def wep_for(probability: float) -> str:
    """ICD 203 word (claimsift `wep` value) for a probability in (0, 1)."""
    for name, _low, high in WEP_SCALE:
        if probability < high:
            return name
    return WEP_SCALE[-1][0]
