"""Stance of a claim towards a hypothesis: supports, refutes or neutral.

How it decides (rules over concepts, measured on the dev set; see README "Stance"):

1. Relevance. Hypothesis and claim are reduced to the concepts they mention (data/stance_concepts.json:
   parties such as North Korea or Russia, topics such as troops, deployment, fighting, treaty).
   A claim is *on topic* when it shares two topic concepts with the hypothesis, or one topic and one
   party; *touching* when it shares one of either. A claim on topic for another hypothesis but not
   for this one is neutral here (rice shipments bear on an alliance, not on a deployment).
2. Polarity. Denial words and frames ("fake", "no hard evidence", "shut down the rumor", a denial
   cue) refute; a negated topic verb refutes; "neither confirmed nor denied", conditionals ("If there
   are images, then ...") and questions are neutral; anything else supports.
3. Touching claims take a side only when someone other than the author reports them, or they rest
   on evidence (images, video, intercepts, documents, bodies): the narrator's asides stay neutral.
   A claim that only touches several hypotheses sides with the one its document is about; a bare
   denial ("nothing but dirty maneuvers") refutes the hypothesis its document is about.

Where it fails: irony, and claims whose relevance needs world knowledge (landing ships imply
troop transport); negation scope is read from words, not the parse.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimsift.lexicons import data_file
from claimsift.model import Claim, Hypothesis, Stance

WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
EVIDENTIAL = frozenset({"imagery", "video", "intercepted_communication", "document", "physical", "eyewitness"})


@dataclass(frozen=True, slots=True)
class _Lexicon:
    parties: dict[str, re.Pattern[str]]
    topics: dict[str, re.Pattern[str]]
    denial: re.Pattern[str]
    negation: re.Pattern[str]
    neutral_frames: re.Pattern[str]
    conditional: re.Pattern[str]


def _alternation(forms: list[str], plural: bool = True) -> re.Pattern[str]:
    suffix = r"(?:e?s)?" if plural else ""
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alt + r")" + suffix + r"(?![\w-])", re.IGNORECASE)


@cache
def _lexicon() -> _Lexicon:
    data = data_file("stance_concepts.json")
    return _Lexicon(
        parties={k: _alternation(v) for k, v in data["parties"].items()},
        topics={k: _alternation(v) for k, v in data["topics"].items()},
        denial=re.compile(
            _alternation(data["denial"], plural=False).pattern + "|" + "|".join(data.get("denial_patterns", [])),
            re.IGNORECASE,
        ),
        negation=re.compile(r"(?<!\w)(?:not|no|never|nor|neither|none|nothing|without)(?!\w)|n't", re.IGNORECASE),
        neutral_frames=_alternation(data["neutral_frames"], plural=False),
        conditional=_alternation(data["conditional"], plural=False),
    )


@cache
def _stopwords() -> frozenset[str]:
    data = data_file("stance_concepts.json")
    return frozenset(data.get("stopwords", []))


@dataclass(frozen=True, slots=True)
class Concepts:
    """The parties and topics a text mentions."""

    parties: frozenset[str]
    topics: frozenset[str]


@cache
def concepts(text: str) -> Concepts:
    """Concepts mentioned in a text (cached: hypotheses are asked about once per claim).

    Besides the lexicon's concepts, every other content word is a concept of its own ("kw:" and its
    first five letters), so a hypothesis on a subject the lexicon does not know is still compared.
    """
    lex = _lexicon()
    parties = frozenset(k for k, p in lex.parties.items() if p.search(text))
    topics = {k for k, p in lex.topics.items() if p.search(text)}
    rest = text
    for p in (*lex.parties.values(), *lex.topics.values()):
        rest = p.sub(" ", rest)
    topics |= {"kw:" + w.lower()[:5] for w in WORD.findall(rest) if len(w) >= 5 and w.lower() not in _stopwords()}
    return Concepts(parties=parties, topics=frozenset(topics))


def relevance(claim_text: str, hypothesis_text: str, competing: tuple[str, ...] = (), speaker: str = "") -> int:
    """2 on topic, 1 touching, 0 unrelated.

    With competing hypotheses, only the topics that set this one apart count (troops appear in both
    "troops are deployed" and "a treaty obliges military assistance"; the treaty decides). The speaker's
    own party counts as mentioned: Putin speaking of "the treaty" speaks of Russia's treaty.
    """
    text_concepts, h = concepts(claim_text), concepts(hypothesis_text)
    c = Concepts(parties=text_concepts.parties | concepts(speaker).parties, topics=text_concepts.topics)
    shared_by_all = frozenset.intersection(h.topics, *(concepts(o).topics for o in competing)) if competing else None
    own_topics = h.topics - shared_by_all if shared_by_all is not None and h.topics - shared_by_all else h.topics
    distinctive = len(c.topics & own_topics)
    topics, parties = len(c.topics & h.topics), len(c.parties & h.parties)
    if distinctive and (topics >= 2 or parties >= 1):
        return 2
    return 1 if topics or parties else 0


def _speaker(claim: Claim) -> str:
    """The name whose party a claim's source belongs to (nobody for the author or unnamed reports)."""
    return claim.source.name if claim.source.kind in ("person", "organization") else ""


def polarity(claim: Claim) -> Stance:
    """What a relevant claim does to a hypothesis, from its words and its cue."""
    lex, text = _lexicon(), claim.text
    if lex.neutral_frames.search(text) or claim.cue_polarity == "neutral":
        return "neutral"
    if claim.cue_polarity == "deny" or lex.denial.search(text):
        return "refutes"
    if lex.conditional.search(text) or text.rstrip(" \"”'").endswith("?"):
        return "neutral"
    if _negated_topic(text):
        return "refutes"
    return "supports"


NEGATION_REACH = 30
"""Characters after a negation within which a topic word must follow for the negation to bear on it."""


def _negated_topic(text: str) -> bool:
    """ "no North Korean troops", "have not been deployed": a negation right before a topic word.

    "did not say what they believed the forces were doing" negates the saying, not the forces.
    """
    lex = _lexicon()
    for m in lex.negation.finditer(text):
        if re.match(r"\s*only\b", text[m.end() :], re.IGNORECASE):
            continue  # "not only"
        window = text[m.end() : m.end() + NEGATION_REACH]
        if any(p.search(window) for p in lex.topics.values()):
            return True
    return False


def stance(
    claim: Claim, hypothesis: Hypothesis, others: tuple[Hypothesis, ...] = (), topic_of_doc: bool = True
) -> Stance:
    """supports | refutes | neutral for one claim and one hypothesis.

    Args:
        others: the competing hypotheses, whose shared topics do not count as relevance.
        topic_of_doc: whether this hypothesis is what the claim's document is mostly about; a claim
            that only touches the hypothesis takes a side only then.
    """
    competing = tuple(o.text for o in others if o.id != hypothesis.id)
    rel = relevance(claim.text, hypothesis.text, competing, _speaker(claim))
    if rel == 0:
        # "they are nothing but dirty maneuvers": a denial names no topic, it denies the document's
        return "refutes" if topic_of_doc and _lexicon().denial.search(claim.text) else "neutral"
    if rel == 1:
        if not topic_of_doc or any(
            relevance(claim.text, o, (hypothesis.text,), _speaker(claim)) == 2 for o in competing
        ):
            return "neutral"
        reported = claim.source.kind != "author" or claim.evidence_type in EVIDENTIAL
        if not reported:
            return "neutral"
    return polarity(claim)


def stances(claims: Sequence[Claim], hypotheses: Sequence[Hypothesis]) -> list[dict[str, Stance]]:
    """The stance of every claim on every hypothesis, reading each claim in its document's context.

    A document is about the hypothesis most of its claims are on topic for; its claims that only
    touch a hypothesis side with that one alone.
    """
    hyps = tuple(hypotheses)
    on_topic: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        for h in hyps:
            if relevance(c.text, h.text, tuple(o.text for o in hyps if o.id != h.id), _speaker(c)) == 2:
                on_topic[c.doc][h.id] += 1
    topic: dict[str, str | None] = {}
    for doc, counts in on_topic.items():
        ranked = counts.most_common(2)
        topic[doc] = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    if len(hyps) == 1:
        return [{hyps[0].id: stance(c, hyps[0])} for c in claims]
    return [{h.id: stance(c, h, hyps, topic.get(c.doc) == h.id) for h in hyps} for c in claims]
