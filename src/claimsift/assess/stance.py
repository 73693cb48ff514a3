"""Stance of a claim towards a hypothesis (supports, refutes, neutral) and of a document (agrees, ...).

How it decides (general rules, no topic lists; see README "Stance"):

1. Relevance, from the hypothesis itself. Hypothesis and claim are compared by their terms (stems of
   content words, with a country's demonyms and capital as its name; ``nlp/propositions.py``), each
   hypothesis term weighted by how rare it is in English. A claim is *on topic* (2) when it shares at
   least two terms, at least one of them not a name, and enough of the hypothesis's weight; *touching* (1)
   when it shares two terms or one content term, one of them from the hypothesis's subject (who or what it
   is about); otherwise unrelated. One shared name is never enough, and a word that is part of a name in the
   claim (a report's title: "the Review of the United Nations Response to ...") counts as a name.
   With competing hypotheses, an on-topic claim must share a term that sets this hypothesis apart, and
   it bears on the hypothesis it is closest to. A claim whose pronouns point back ("they did it again")
   also carries the terms of its source's previous claim. A claim that joins two names with "and" the way a
   hypothesis joins them ("military cooperation between North Korea and Russia" and "North Korea and Russia
   have a mutual defense pact") speaks of their relation: it is about that hypothesis, whatever its document
   is about.
2. Polarity. Neutral frames ("declined to comment"), conditionals and questions are neutral. A denial
   cue ("denied"), denial words ("hoax", "no evidence that", "remain unconvinced") or a negation over a
   shared term in the parse ("were not deployed", "is not responsible") refute. A hypothesis that is
   itself negated ("actors with no connection to Iran's government") flips the result when the claim
   speaks of the negated terms. A negation that names another place than the hypothesis, or the same act in
   another country, is another proposition; a count outside the hypothesis's range does not support it, and one
   wholly outside refutes it.
3. Context. Touching claims take a side only when someone other than the narrator reports them, or they
   rest on evidence (images, video, intercepts, documents, bodies), and only for the hypothesis their
   document is about. Between two hypotheses that exclude each other (two answers to one question: different
   doers of one event, two things one subject is, or one negating what the other asserts), a claim supporting
   one refutes the other; a detail of an event, or a second deed of the same doer, is no alternative. Two doers
   share their deed outside both subjects ("the attack on the concert hall"); a second deed is told by its verb
   and object ("deployed troops", "transferred arms"). A claim that affirms only what a hypothesis does not deny
   in so many words ("soldiers are in Russia" of "... were there only for training and did not fight") is no
   evidence for it.

Where it fails: synonyms without a shared stem ("soldiers" vs "troops"), irony, and claims whose
relevance needs world knowledge (a crater implies an explosion); pronouns are read back only to
the same source's previous claim, which also makes some neutral asides take that claim's side.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimsift.lexicons import data_file, lexicons
from claimsift.model import Claim, DocumentStance, Hypothesis, Proposition, Stance
from claimsift.nlp.propositions import POINTING, negating_words

ANAPHOR = re.compile(r"\b(?:" + "|".join(sorted(POINTING)) + r")\b", re.I)
"""The pronouns of a claim stored before claimsift read them from the parse (``Proposition.points_back``)."""
CONTEXT_CHARS = 400
"""How far back a pronoun may reach for its source's previous claim."""
EVIDENTIAL = frozenset({"imagery", "video", "intercepted_communication", "document", "physical", "eyewitness"})
ON_TOPIC_SHARE = 0.3
"""Share of a hypothesis's term weight a claim must carry to be on topic ..."""
ON_TOPIC_WEIGHT = 5.0
"""... or this much weight in absolute terms (two rare words: a name and a specific verb) ..."""
ON_TOPIC_CONTENT = 0.25
"""... and this share of what the hypothesis says outside names (its predicate and common nouns) ..."""
ON_TOPIC_CONTENT_WEIGHT = 2.0
"""... or this much of it, for long hypotheses."""
RIVAL_SHARE = 0.5
"""A claim bears on a hypothesis only if it shares at least this part of what it shares with the closest one."""
EXCLUSIVE_SHARE = 0.3
"""Two hypotheses sharing this much of each other's weight ..."""
EXCLUSIVE_CONTENT = 1.5
"""... including this much outside names and numbers speak of one subject and event: they are alternatives."""


@dataclass(frozen=True, slots=True)
class _Cues:
    denial: re.Pattern[str]
    neutral_frames: re.Pattern[str]
    conditional: re.Pattern[str]
    reported: re.Pattern[str]
    judgement: re.Pattern[str]
    demonstrative: re.Pattern[str]
    """A demonstrative standing alone ("the ministry knew this before"): it points at what was just said."""


def _alternation(forms: list[str]) -> str:
    return r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w-])"


@cache
def _cues() -> _Cues:
    data = data_file("stance_cues.json")
    return _Cues(
        denial=re.compile(_alternation(data["denial"]) + "|" + "|".join(data["denial_patterns"]), re.IGNORECASE),
        neutral_frames=re.compile(_alternation(data["neutral_frames"]), re.IGNORECASE),
        conditional=re.compile(r"^\W*" + _alternation(data["conditional"]), re.IGNORECASE),
        reported=re.compile(_alternation(data["reported_frames"]), re.IGNORECASE),
        judgement=re.compile(_alternation(data["judgements"]), re.IGNORECASE),
        demonstrative=re.compile(
            r"\b(?:"
            + "|".join(map(re.escape, data["demonstratives"]))
            + r")\b(?=\s*(?:$|[.,;:!?)]|(?:"
            + "|".join(map(re.escape, data["after_demonstrative"]))
            + r")\b))",
            re.IGNORECASE,
        ),
    )


def _weights(h: Proposition) -> dict[str, float]:
    return dict(zip(h.terms, h.weights or (1.0,) * len(h.terms), strict=True))


def shared_terms(claim: Proposition, h: Proposition) -> tuple[set[str], float]:
    """The hypothesis terms a claim has, and the share of the hypothesis's weight they carry."""
    w = _weights(h)
    have = set(claim.terms)
    matched = {t for t in w if t in have}
    total = sum(w.values())
    return matched, (sum(w[t] for t in matched) / total if total else 0.0)


def joined(claim: Proposition, h: Proposition) -> bool:
    """Whether a claim joins the two names a hypothesis joins ("military cooperation between North Korea and
    Russia" and "Russia and North Korea have a treaty"), in either order: it speaks of their relation."""

    def meets(x: str, y: str) -> bool:  # "north korea" in "dprk north korea"; not in "south korean korea"
        a, b = set(x.split()), set(y.split())
        return a <= b or b <= a

    return any(
        (meets(a, x) and meets(b, y)) or (meets(a, y) and meets(b, x)) for a, b in h.pairs for x, y in claim.pairs
    )


def relevance(claim: Proposition, h: Proposition, others: Sequence[Proposition] = ()) -> int:
    """2 on topic, 1 touching, 0 unrelated (see the module docstring).

    Touching needs a term of the hypothesis's subject when that subject names someone: "Russian forces launched
    drones at Ukraine" shares two names with "North Korean troops are fighting against Ukraine in Kursk" but says
    nothing of North Korean troops. A generic subject ("The rocket launch failed") sets no such condition: "the
    other two stages failed" is about the launch."""
    if _acts_elsewhere(claim, h):
        return 0
    matched, share = shared_terms(claim, h)
    content = matched - set(h.names) - set(claim.names)
    about = not h.subject or bool(matched.intersection(h.subject))
    # "Ukrainian and North Korean forces have fought each other": a claim that names one side of the subject and
    # nothing of what the hypothesis says of it ("Ukraine's military shot down 38 drones") is about Ukraine's forces
    one_side = any(not (matched & x and matched & y) for x, y in _subject_pairs(h))
    if one_side and not matched - set(h.subject):
        return 0
    if not content:
        return 1 if len(matched) >= 2 and about else 0
    if len(matched) >= 2:
        w = _weights(h)
        weight, content_weight = sum(w[t] for t in matched), sum(w[t] for t in content)
        all_content = sum(w[t] for t in w if t not in h.names)
        own = set(h.terms).difference(*(o.terms for o in others)) if others else set(h.terms)
        specific = share >= ON_TOPIC_SHARE or weight >= ON_TOPIC_WEIGHT
        enough = min(ON_TOPIC_CONTENT * all_content, ON_TOPIC_CONTENT_WEIGHT)
        if specific and content_weight >= enough and (matched & own):
            return 2
    return 1 if about else 0


def _acts_elsewhere(claim: Proposition, h: Proposition) -> bool:
    """Whether a claim tells of the hypothesis's act going to, or happening in, another country that the
    hypothesis does not name, where the claim does not name the hypothesis's ("North Korean troops began entering
    Russia" against "... are entering Ukraine"): another proposition, on neither side."""
    return any(
        act == h_act and place != h_place and place not in h.terms and h_place not in claim.terms
        for act, place in claim.acts_on
        for h_act, h_place in h.acts_on
    )


def _subject_pairs(h: Proposition) -> list[tuple[set[str], set[str]]]:
    """The two sides of a subject that joins two names ("Ukrainian and North Korean forces fought each other")."""
    subject = set(h.subject)
    sides = [(set(x.split()), set(y.split())) for x, y in h.pairs]
    return [(x, y) for x, y in sides if x <= subject and y <= subject]


def polarity(claim: Claim, h: Proposition, h_text: str = "") -> Stance:
    """What a relevant claim does to a hypothesis, from its words, its parse and its cue.

    A hypothesis that itself denies ("... dismissed as hoax", "X is not responsible") is supported by a
    claim that denies the same thing.
    """
    cues, text = _cues(), claim.text
    if cues.neutral_frames.search(text) or claim.cue_polarity == "neutral":
        return "neutral"
    prop = claim.prop or Proposition()
    matched, _ = shared_terms(prop, h)
    content = matched - set(h.names) - set(prop.names)
    worded = any(m.group(0).lower() not in prop.attributive for m in cues.denial.finditer(text))
    negation = bool(set(prop.negated) & content)
    if negation and claim.cue_polarity != "deny" and _elsewhere(prop, h):
        return "neutral"
    denied = claim.cue_polarity == "deny" or worded or negation
    counted = _counts(prop, h)
    if counted == "neutral":
        return "neutral"  # "killing 107 or more" neither makes nor unmakes "more than 1000 people were killed"
    denied = denied or counted == "refutes"
    if not denied and (cues.conditional.search(text) or text.rstrip(" \t\n\"”'’").endswith("?")):
        return "neutral"
    if h.negated and not denied and not set(h.negated) & matched and (not content or _affirms_beside(prop, h_text)):
        # "North Korea has sent no troops to Russia": a claim that only names the parties says nothing of what
        # the hypothesis denies
        return "neutral"
    if set(h.negated) & matched or cues.denial.search(h_text):
        denied = not denied  # the claim speaks of what the hypothesis negates
    return "refutes" if denied else "supports"


@cache
def _negators() -> re.Pattern[str]:
    """The negating words the parse reads (``negating_words``), as one pattern over a hypothesis's text."""
    words = negating_words()
    clitics = [re.escape(w) for w in words if not w[:1].isalpha() or "'" in w or "’" in w]  # "n't" ends a word
    whole = [re.escape(w) for w in words if re.escape(w) not in clitics]
    return re.compile(r"\b(?:" + "|".join(whole) + r")\b|(?<=\w)(?:" + "|".join(clitics) + r")\b", re.IGNORECASE)


def _affirms_beside(claim: Proposition, h_text: str) -> bool:
    """Whether a claim that says nothing of what a hypothesis denies in so many words ("... were there only for
    training and did not fight") affirms only the rest ("there is evidence that North Korean soldiers are in
    Russia"): no evidence either way. A hypothesis that denies by its verb ("failed to place its satellite in
    orbit") and a claim that denies anything itself ("the other two stages failed to continue") are left to the
    usual reading."""
    return bool(_negators().search(h_text)) and not claim.negated


def _counts(claim: Proposition, h: Proposition) -> Stance | None:
    """What a claim's counts do to the hypothesis's counts of the same thing: supports when one of its numbers lies
    in the range the hypothesis allows, refutes when its ranges lie wholly outside ("3,000 troops" against "more
    than 10,000 troops"), and neither when they only overlap; None when they count nothing in common."""
    found: list[Stance] = []
    for h_key, _, h_low, h_high in h.amounts:
        for key, value, low, high in claim.amounts:
            if not _same_count(h_key, key):
                continue
            if h_low <= value and (h_high is None or value <= h_high):
                found.append("supports")
            elif _apart(low, high, h_low, h_high):
                found.append("refutes")
            else:
                found.append("neutral")
    for side in ("supports", "refutes", "neutral"):
        if side in found:
            return side
    return None


def _same_count(a: str, b: str) -> bool:
    """Whether two counts count the same thing: the same counted word and act ("3,000 troops were killed" is no
    count of "troops sent" nor of troops present); a count of the act alone ("killing 107") meets a count of
    those it befell ("1000 people were killed")."""
    x, y = a.split(), b.split()
    if x == y:
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) == 1 and len(long) > 1 and short[0] == long[-1]


def _apart(low: float, high: float | None, other_low: float, other_high: float | None) -> bool:
    """Whether two ranges (None: no upper bound) cannot meet."""
    return (high is not None and high < other_low) or (other_high is not None and other_high < low)


def _count_pairs(a: Proposition, b: Proposition) -> list[bool]:
    """For each pair of counts of the same thing in two hypotheses, whether their ranges meet ("about 10,000
    troops" and "9,500 troops" do; "fewer than 3,000 troops" does not)."""
    return [
        not _apart(la, ha, lb, hb) for ka, _, la, ha in a.amounts for kb, _, lb, hb in b.amounts if _same_count(ka, kb)
    ]


def _elsewhere(claim: Proposition, h: Proposition) -> bool:
    """Whether what a claim negates is another proposition than the hypothesis: it names a place the hypothesis
    does not, where the hypothesis names something the claim does not ("no information to corroborate
    reports that North Korean troops are inside Ukraine" against "... are fighting in Kursk"). A name that only
    adds to the hypothesis's ("the Kwangmyongsong-3 satellite did not reach orbit"), a date or a number does not."""
    foreign = set(claim.negated) & set(claim.places) - set(h.terms)
    # what the hypothesis names besides its subject (the small model may read "Kursk" as a product)
    missing = set(h.entities) - set(claim.terms) - set(h.subject)
    return bool(foreign and missing)


def _one_doer(a: Proposition, b: Proposition) -> bool:
    """Whether two hypotheses name one doer: the names of one's subject are all in the other's ("North Korea",
    "North Korean soldiers"); "North Korea" and "South Korea" share a word, not a doer."""
    # a count is how many, not who: "about 11,000 North Korean troops" and "North Korean troops" are one doer
    x, y = ({t for t in set(p.subject) & set(p.names) if not t.isdigit()} for p in (a, b))
    return bool(x and y) and (x <= y or y <= x)


def _one_deed(a: Proposition, b: Proposition) -> bool:
    """Whether two hypotheses of one doer share what the doer did, outside both subjects ("brought ... to school"
    in "Ahmed Mohamed brought a hoax bomb to school" and "... a homemade clock to school"): two accounts of one
    deed, which exclude each other."""
    if a.deed and b.deed and not set(a.deed) & set(b.deed):
        return False  # "had deployed troops" and "transferred arms", though both "for its war against Ukraine"
    w = _weights(a)
    act = set(a.terms) & set(b.terms) - set(a.subject) - set(b.subject) - set(a.names) - set(a.beside) - set(b.beside)
    return sum(w[t] for t in act) >= EXCLUSIVE_CONTENT


def complementary(a: Proposition, b: Proposition) -> bool:
    """One hypothesis negates what the other asserts ("... by actors with no connection to Iran's
    government"): exactly one holds, so refuting one supports the other."""
    return bool((set(a.negated) & set(b.terms)) - set(a.names) or (set(b.negated) & set(a.terms)) - set(b.names))


def exclusive(a: Proposition, b: Proposition) -> bool:
    """Two hypotheses that cannot both hold, read from either side (``_exclusive`` weighs by one of them)."""
    return _exclusive(a, b) and _exclusive(b, a)


def _exclusive(a: Proposition, b: Proposition) -> bool:
    """Two hypotheses that cannot both hold: one negates what the other asserts, or both tell one subject apart.

    Only one of them naming who did it ("Pro-Syrian government forces attacked the camps", "Cluster bombs were
    used in the attacks on the camps") makes the other a detail of the same event, not an alternative; so does
    one doer in both ("North Korea has sent soldiers to Russia", "North Korean soldiers are fighting in
    Ukraine"), unless both say what that one subject is ("The balloon was a surveillance craft", "... was a
    civilian weather-research airship")."""
    if complementary(a, b):
        return True
    if not all(_count_pairs(a, b)):
        return True  # two counts of one thing whose ranges cannot meet: two answers to "how many"
    if bool(a.subject) != bool(b.subject):
        return False
    if _one_doer(a, b) and not (a.identity and b.identity) and not _one_deed(a, b):
        return False  # one doer, two deeds ("sent soldiers to Russia", "its soldiers are fighting in Ukraine")
    shared, ab = shared_terms(a, b)
    _, ba = shared_terms(b, a)
    w = _weights(a)
    # two doers of one deed share what was done outside both subjects ("the attack on Crocus City Hall"); what one
    # says of the soldiers and the other makes its subject ("The soldiers accused of abusing children ...") is no
    # deed in common. Two accounts of what one subject is share that subject.
    told = set() if _one_doer(a, b) else set(a.subject) | set(b.subject)
    specific = sum(w[t] for t in shared - set(a.names) - told)
    return min(ab, ba) >= EXCLUSIVE_SHARE and specific >= EXCLUSIVE_CONTENT


def stance(
    claim: Claim,
    h: Proposition,
    others: Sequence[Proposition] = (),
    topic_of_doc: bool = True,
    h_text: str = "",
) -> Stance:
    """supports | refutes | neutral for one claim and one hypothesis.

    Args:
        others: the competing hypotheses' propositions, whose shared terms do not make a claim on topic.
        topic_of_doc: whether this hypothesis is what the claim's document is mostly about; a claim
            that only touches the hypothesis takes a side only then.
    """
    prop = claim.prop or Proposition()
    rel = relevance(prop, h, others)
    if rel == 0:
        return "neutral"
    if rel == 1:
        if not topic_of_doc or any(relevance(prop, o, (h,)) == 2 for o in others):
            return "neutral"
        if (
            claim.source.kind == "author"
            and claim.evidence_type not in EVIDENTIAL
            and not _cues().judgement.search(claim.text)
        ):
            return "neutral"
    return polarity(claim, h, h_text)


def _prop(h: Hypothesis) -> Proposition:
    return h.prop or Proposition()


def stances(claims: Sequence[Claim], hypotheses: Sequence[Hypothesis]) -> list[dict[str, Stance]]:
    """The stance of every claim on every hypothesis (each with its ``prop`` set), reading each claim in its
    document's context.

    A document is about the hypothesis most of its claims are on topic for; its claims that only touch
    a hypothesis side with that one alone. Between exclusive hypotheses, support for one refutes the other.
    """
    claims = _in_context(claims)
    hp = {h.id: _prop(h) for h in hypotheses}
    others = {h.id: tuple(p for i, p in hp.items() if i != h.id) for h in hypotheses}
    on_topic: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        for h in hypotheses:
            if relevance(c.prop or Proposition(), hp[h.id], others[h.id]) == 2:
                on_topic[c.doc][h.id] += 1
    topic: dict[str, str | None] = {}
    for doc, counts in on_topic.items():
        ranked = counts.most_common(2)
        topic[doc] = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    rivals = {h.id: [o.id for o in hypotheses if o.id != h.id and exclusive(hp[h.id], hp[o.id])] for h in hypotheses}
    complements = {
        h.id: [o.id for o in hypotheses if o.id != h.id and complementary(hp[h.id], hp[o.id])] for h in hypotheses
    }
    out = []
    for c in claims:
        prop = c.prop or Proposition()
        shares = {h.id: shared_terms(prop, hp[h.id])[1] for h in hypotheses}
        best = max(shares.values(), default=0.0)
        pair = [h.id for h in hypotheses if joined(prop, hp[h.id])]
        about = pair[0] if len(pair) == 1 else topic.get(c.doc)
        own = {
            h.id: stance(c, hp[h.id], others[h.id], len(hypotheses) == 1 or about == h.id, h.text)
            if shares[h.id] >= RIVAL_SHARE * best
            else "neutral"  # a claim far closer to another hypothesis is about that one
            for h in hypotheses
        }
        own = _one_of_rivals(own, rivals, shares)
        out.append(
            {
                h: _against_rivals(s, [own[r] for r in rivals[h]], [own[r] for r in complements[h]])
                for h, s in own.items()
            }
        )
    return _same_report(claims, out, hp, topic)


def _directive(claim: Claim) -> bool:
    """A claim that calls for, wants or promises something ("reiterates his calls on the DPRK to desist"):
    what it reports is not a fact, so it does not carry a report's side."""
    words = (claim.cue or "").lower().split()
    return (bool(words) and any(words[0].startswith(v) for v in lexicons().clausal_verbs)) or bool(
        _calls().search(claim.text)
    )


@cache
def _calls() -> re.Pattern[str]:
    """ "calls on X to", "urged the council to", "an appeal for": a clausal verb or noun followed by its addressee."""
    verbs = "|".join(sorted(lexicons().clausal_verbs))
    return re.compile(rf"\b(?:{verbs})\w*\s+(?:on|upon|for)\b", re.IGNORECASE)


REPORT_CHARS = 300
"""How far a source's report runs on: a claim of the same source within this many characters continues it."""


def _same_report(
    claims: Sequence[Claim], found: list[dict[str, Stance]], hp: dict[str, Proposition], topic: dict[str, str | None]
) -> list[dict[str, Stance]]:
    """A source's reported claim that bears on no hypothesis by itself ("with a couple thousand more that
    are either almost there or due to arrive imminently", after the spokesman said troops were in Kursk)
    continues that source's report just before it, if no one else spoke in between: on the hypothesis its
    document is about, it takes the side the report took."""
    last: dict[tuple[str, str], int] = {}  # (doc, source) -> index of its last claim on the document's topic
    out = list(found)
    for i, c in enumerate(claims):
        about = topic.get(c.doc)
        if about is None or c.source.kind in ("author", "unattributed") or _directive(c):
            continue
        key = (c.doc, c.source.name)
        prop = c.prop or Proposition()
        if found[i][about] != "neutral":
            last[key] = i
        elif key in last and not any(relevance(prop, h) for h in hp.values()):
            j = last[key]
            # a report runs on through its cue; a speaker's turn (no cue at all) runs over many things
            cued = c.cue is not None or claims[j].cue is not None
            near = 0 <= c.start - claims[j].end <= REPORT_CHARS
            # ... and only until someone else speaks ("The U.S. views ...", the narrator's own lines); checked
            # last, on the few claims within reach, so a long document costs no scan back to a far report
            if (
                cued
                and near
                and not _cues().neutral_frames.search(c.text)
                and all((b.doc, b.source.name) == key for b in claims[j + 1 : i])
            ):
                out[i] = {**found[i], about: found[j][about]}
    return out


def _one_of_rivals(own: dict[str, Stance], rivals: dict[str, list[str]], shares: dict[str, float]) -> dict[str, Stance]:
    """A claim cannot support two hypotheses that exclude each other: it supports the one it shares more with and
    so refutes the other (a claim that a maker is "part of the military" is about a military craft, though it
    names the maker's "civilian" side too)."""
    out = dict(own)
    for h, s in own.items():
        both = [r for r in rivals[h] if own[r] == "supports"] if s == "supports" else []
        if any(shares[r] > shares[h] for r in both):
            out[h] = "refutes"
        elif any(shares[r] == shares[h] for r in both):
            out[h] = "neutral"  # as close to both: it tells them apart no more than it bears on either
    return out


def _against_rivals(own: Stance, rivals: Sequence[Stance], complements: Sequence[Stance]) -> Stance:
    """A claim neutral on a hypothesis refutes it when it supports an exclusive rival, and supports it when
    it refutes its complement (the hypothesis that negates it)."""
    if own != "neutral":
        return own
    if "supports" in rivals:
        return "refutes"
    return "supports" if "refutes" in complements else own


def _in_context(claims: Sequence[Claim]) -> list[Claim]:
    """Claims whose pronouns point back ("we saw it", "they said") also carry the terms of the
    same source's last claim without a pronoun, the one that named its subject: a crude stand-in for
    coreference. A run of "he ... he ... he", each within a few sentences of the one before, reaches back
    to that same claim, so its terms do not pile up over a whole speech."""
    named: dict[tuple[str, str, str], Claim] = {}
    last: dict[tuple[str, str, str], Claim] = {}
    reach: dict[tuple[str, str, str], int] = {}  # where the run of pronoun claims reaching back has got to
    out = []
    for c in claims:
        key = (c.doc, c.source.kind, c.source.name)
        prev, recent, prop = named.get(key), last.get(key), c.prop or Proposition()
        last[key] = c
        if not _points_back(c) or _self_possessive(c):
            named[key], reach[key] = c, c.end
        elif prev is not None and 0 <= c.start - reach[key] <= CONTEXT_CHARS:
            if (
                recent is not None
                and _cues().demonstrative.search(c.text)
                and 0 <= c.start - recent.end <= CONTEXT_CHARS
            ):
                prev = recent  # "the ministry knew this": what was just said, not the subject named before
            before = prev.prop or Proposition()
            terms = tuple(dict.fromkeys((*prop.terms, *before.terms)))
            pairs = tuple(dict.fromkeys((*prop.pairs, *before.pairs)))
            # a word of a name there ("the Review of the United Nations Response to ...") stays a name here
            names = tuple(dict.fromkeys((*prop.names, *(n for n in before.names if n not in prop.terms))))
            places = tuple(dict.fromkeys((*prop.places, *(n for n in before.places if n not in prop.terms))))
            c = dataclasses.replace(
                c, prop=dataclasses.replace(prop, terms=terms, pairs=pairs, names=names, places=places)
            )
            reach[key] = c.end
        out.append(c)
    return out


def _points_back(claim: Claim) -> bool:
    prop = claim.prop
    if prop is not None and prop.points_back is not None:
        return prop.points_back
    return bool(ANAPHOR.search(claim.text))


POSSESSIVES = frozenset({"his", "her", "its", "their", "our"})


def _self_possessive(claim: Claim) -> bool:
    """ "The Secretary-General reiterates his calls ...": the claim names its own source and its only
    pronouns are possessives, which point at that source, not at what was said before."""
    words = {m.group(0).lower() for m in ANAPHOR.finditer(claim.text)}
    return bool(claim.source.name) and claim.source.name.lower() in claim.text.lower() and words <= POSSESSIVES


def reported_only(claim: Claim) -> bool:
    """A claim that relays or rumours rather than asserts: "reportedly", "according to a post", hedged."""
    return claim.hedged or bool(_cues().reported.search(claim.text)) or claim.source.kind == "unattributed"


RELATED_SHARE = 0.25
"""A document bears on a hypothesis when one of its claims shares two terms and this much of its weight."""
DOCUMENT_SHARE = 0.4
"""... or when the document as a whole has two of its terms and this much of its weight."""
CORE_SHARE = 0.7
"""The claims a document's stance rests on: those sharing at least this part of its closest claim's share."""
DISAGREE_MIN, DISAGREE_SHARE = 2, 0.8
"""A document disagrees when at least this many of its core claims, and this share of them, refute."""
AGREE_SHARE = 0.67
"""A document agrees when this share of its core claims assert support in the narrator's own voice."""


def document_stance(claims: Sequence[Claim], h: Hypothesis) -> DocumentStance:
    """agrees | disagrees | discusses | unrelated for one document's claims and one hypothesis.

    Unrelated: no claim shares two of the hypothesis's terms and a quarter of its weight, and the whole
    document not two terms and 40 % of it. Otherwise the stance rests on the core claims, those closest
    to the hypothesis: the document disagrees when they refute it nearly all together, agrees when most
    of them assert it in the narrator's own voice (not "reportedly", not "according to"), and otherwise
    discusses it: reporting a claim, or its denial, is not taking a side. Measured on FNC-1 (README
    "Stance"); the thresholds above were set on a training sample and checked on another.
    """
    prop = _prop(h)
    scored = [(c, *shared_terms(c.prop or Proposition(), prop)) for c in claims]
    near = [(c, share) for c, matched, share in scored if len(matched) >= 2]
    best = max((share for _, share in near), default=0.0)
    whole, whole_share = shared_terms(
        Proposition(terms=tuple({t for c in claims for t in (c.prop or Proposition()).terms})), prop
    )
    if best < RELATED_SHARE and (len(whole) < 2 or whole_share < DOCUMENT_SHARE):
        return DocumentStance(label="unrelated")
    if not near:
        return DocumentStance(label="discusses", claims=_ids([c for c, matched, _ in scored if matched]))
    core = [c for c, share in near if share >= CORE_SHARE * best]
    against = [c for c in core if c.stance.get(h.id) == "refutes"]
    support = [c for c in core if c.stance.get(h.id) == "supports"]
    if len(against) >= DISAGREE_MIN and len(against) >= DISAGREE_SHARE * len(core):
        return DocumentStance(label="disagrees", claims=_ids(against))
    own = [c for c in support if c.source.kind == "author" and not reported_only(c)]
    if own and len(own) >= AGREE_SHARE * len(core):
        return DocumentStance(label="agrees", claims=_ids(own + [c for c in support if c not in own]))
    return DocumentStance(label="discusses", claims=_ids(support + against or core))


def _ids(claims: Sequence[Claim]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.id for c in claims))


def document_stances(claims: Sequence[Claim], hypotheses: Sequence[Hypothesis]) -> dict[str, dict[str, DocumentStance]]:
    """Document id -> hypothesis id -> the document's stance, from its claims' stances (set already)."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    return {doc: {h.id: document_stance(cs, h) for h in hypotheses} for doc, cs in by_doc.items()}
