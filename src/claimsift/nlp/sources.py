"""Who a source phrase names: kind (person or organisation) and back-references resolved.

"he said" goes to the nearest person named before it; "they" and "the agency" to the nearest
organisation that was a source before; "I can confirm" after a name in a transcript to that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from claimsift.lexicons import alias_types, lexicons
from claimsift.model import SourceRef
from claimsift.nlp.spans import ents_within

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
FIRST_PERSON = frozenset({"i", "we"})
GROUP_PRONOUNS = frozenset({"they", "both", "it"})
POSSESSIVE = {"his": "he", "their": "they", "its": "it", "our": "we", "my": "i"}
"""Possessive owners ('his claim that ...') stand for whom their pronoun would."""
LEADING = ("the ", "The ")
QUOTE_CLOSERS = ('"', "”", "''")


@dataclass
class SourceMemory:
    """Sources met so far in a document, most recent last, and its named people and organisations.

    The entity lists are sorted by end offset so a back-reference is a binary search, not a scan; the sources
    met are indexed by kind, by word and by surname as they are remembered, so looking one up does not
    rescan every source of the document (which made long documents quadratic).
    """

    seen: list[SourceRef]
    vias: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Source name -> the relays it last came through, for back-references to it."""
    persons: list[Span] = field(default_factory=list)
    orgs: list[Span] = field(default_factory=list)
    carriers: dict[str, SourceRef] = field(default_factory=dict)
    """Carrier noun -> whose it was when last named with its owner ("the Panel's report")."""
    by_kind: dict[str, list[SourceRef]] = field(default_factory=dict)
    by_word: dict[str, list[SourceRef]] = field(default_factory=dict)
    """Lower-case word -> the sources met whose name holds it."""
    surnames: set[str] = field(default_factory=set)
    """Last words of the persons met as sources."""
    person_ends: dict[str, int] = field(default_factory=dict)
    """Last word of a person the text names -> where the first such name ends."""

    @classmethod
    def for_doc(cls, doc: Doc) -> SourceMemory:
        ents = sorted(doc.ents, key=lambda e: e.end_char)
        persons = [e for e in ents if e.label_ == "PERSON"]
        ends: dict[str, int] = {}
        for e in persons:
            ends.setdefault(e[-1].text, e.end_char)  # (sorted by end: the first is the earliest)
        return cls(seen=[], persons=persons, orgs=[e for e in ents if e.label_ == "ORG"], person_ends=ends)

    def remember(self, ref: SourceRef) -> None:
        """Add a source met, most recent last."""
        self.seen.append(ref)
        self.by_kind.setdefault(ref.kind, []).append(ref)
        for word in dict.fromkeys(ref.name.lower().split()):
            self.by_word.setdefault(word, []).append(ref)
        if ref.kind == "person" and ref.name.split():
            self.surnames.add(ref.name.split()[-1])

    @staticmethod
    def before(spans: list[Span], offset: int) -> Span | None:
        """The span ending last at or before an offset."""
        i = _bisect_end(spans, offset)
        return spans[i - 1] if i else None

    def last(self, kind: str | None, before: int, word: str | None = None) -> SourceRef | None:
        """The source met last that starts before an offset, of a kind and with a word in its name if given."""
        if word is not None:
            refs = self.by_word.get(word, [])
        else:
            refs = self.seen if kind is None else self.by_kind.get(kind, [])
        for ref in reversed(refs):
            if ref.start is not None and ref.start < before and (kind is None or ref.kind == kind):
                return ref
        return None


def _clean(text: str) -> str:
    text = text.strip(" ,;:\"'“”‘’")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]?\.?$", text):
        text = text[:-1]
    for lead in LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2]
    return text.strip()


def kind_of(span: Span) -> Literal["person", "organization"]:
    """person or organization, from the entity label or the head noun."""
    lex = lexicons()
    known = alias_types().get(_clean(span.text).lower())
    if known is not None:
        return "person" if known == "PERSON" else "organization"
    if any(t.ent_type_ == "PERSON" for t in span):
        return "person"
    if any(c.dep_ == "appos" and c.lemma_.lower() in lex.person_nouns for c in span.root.children):
        return "person"  # "Valeska Paris, an Australian woman and former Scientologist, has claimed ..."
    if any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in span):
        # "Russian President Vladimir Putin" has a NORP but a person head
        return "person" if span.root.lemma_.lower() in lex.person_nouns else "organization"
    head = span.root.lemma_.lower()
    if head in lex.person_nouns or span.root.lower_ in PERSON_PRONOUNS | FIRST_PERSON:
        return "person"
    words = [t for t in span if not t.is_punct]
    if (
        2 <= len(words) <= 3
        and all(t.is_title for t in words)
        and all(t.pos_ == "PROPN" for t in words[:-1])
        and words[-1].pos_ in ("PROPN", "NOUN")  # "M. Dane Waters" with "Waters" tagged a common noun
    ):
        lowered = {t.lower_ for t in words}
        if not lowered & (lex.org_nouns | lex.body_nouns | lex.outlet_words):
            return "person"  # a first and last name NER did not know: "Anatolii Barhylevych"
    return "organization"


NAMING_LABELS = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "two", "three", "four", "other", "another"})


def is_anonymous(span: Span) -> bool:
    """An unnamed source the text only describes: "a U.S. intelligence official", "people familiar with
    the matter", "diplomats". Places and nationalities may qualify it; a name or a named body may not
    ("the Pentagon spokesman" is one known person); an indefinite or plural description stays unnamed
    whatever body it belongs to ("a senior State Department official")."""
    root = span.root
    if root.ent_type_ in ("PERCENT", "CARDINAL") and root.pos_ != "PROPN":
        return True  # "Another 19 percent said ...": a share of those asked, nobody named
    if len(span) == 1 and root.lower_ in lexicons().subject_pronouns:
        return True  # "most said ...", "others argue ..."
    if root.lemma_.lower() not in lexicons().anonymous_nouns or root.pos_ == "PROPN":
        return False
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    first = span[0].lower_
    unnamed = first in INDEFINITE or span[0].like_num or (root.tag_ == "NNS" and first not in ("the", "these", "those"))
    if unnamed:  # "a senior State Department official", "Pentagon officials": a body, but nobody named
        return True
    if first in ("the", "these", "those", "both") and _titled_before(span):
        return False  # "The three national security advisors" after "National Security Advisor, Jake Sullivan"
    return not any(
        t.ent_type_ in NAMING_LABELS or (t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS) for t in span
    )


TITLE_LOOKBACK = 600
"""Tokens back a definite description looks for the people it names ("the advisors" after each was named)."""


def _titled_before(span: Span) -> bool:
    """Whether the text gave the description's title to as many named people before: "National Security Advisor,
    Jake Sullivan" and two counterparts named with the same title make "the three national security advisors"
    people the text names, not unnamed sources. The name must stand right by the title ("Advisor, Jake
    Sullivan", "Jake Sullivan, the advisor"), and a plural needs two such people."""
    lemma, doc = span.root.lemma_.lower(), span.doc
    named: set[str] = set()
    for t in doc[max(0, span.start - TITLE_LOOKBACK) : span.start]:
        if t.lemma_.lower() != lemma:
            continue
        after = t.i + 2 if t.i + 1 < len(doc) and doc[t.i + 1].text == "," else t.i + 1
        before = t.i - 1
        while before >= 0 and doc[before].dep_ in ("det", "amod", "compound") and doc[before].ent_type_ != "PERSON":
            before -= 1
        if before >= 0 and doc[before].text == ",":
            before -= 1
        for i in (after, before):
            if 0 <= i < len(doc) and doc[i].ent_type_ == "PERSON":
                ent = next((e for e in doc.ents if e.start <= i < e.end), None)
                named.add(ent.text if ent is not None else doc[i].text)
    return len(named) >= (2 if span.root.tag_ in ("NNS", "NNPS") else 1)


def _bisect_end(spans: list[Span], offset: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].end_char <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def resolve(span: Span, memory: SourceMemory, in_quote: bool) -> SourceRef:
    """The SourceRef a source phrase stands for, resolving pronouns and 'the agency'."""
    root = POSSESSIVE.get(span.root.lower_, span.root.lower_) if len(span) == 1 else span.root.lower_
    start = span.start_char
    if len(span) == 1 and root in PERSON_PRONOUNS | FIRST_PERSON:
        if root in FIRST_PERSON and not in_quote:
            person = memory.before(memory.persons, start)
            if person is None or start - person.end_char > 120:
                return SourceRef(
                    name="author", kind="author", start=span.start_char, end=span.end_char, resolved_from=span.text
                )
        else:
            # "..., she said": a name in the content before her is what she talks about, not her
            # ("out of range of ATACMS, she said"); she was named before the sentence began
            after_content = span.start > span.sent.start and span.doc[span.start - 1].text in (",", *QUOTE_CLOSERS)
            person = memory.before(memory.persons, span.sent.start_char if after_content else start)
        prior = memory.last("person", start)
        best = _previous_subject(span, memory) if root in PERSON_PRONOUNS else None
        best = best or _pick(person, prior)
        if best is not None:
            return SourceRef(name=best[0], kind="person", start=best[1], end=best[2], resolved_from=span.text)
    if len(span) == 1 and root == "they" and (group := _previous_plural_subject(span)) is not None:
        return SourceRef(
            name=_clean(group.text),
            kind="anonymous" if is_anonymous(group) else kind_of(group),
            start=group.start_char,
            end=group.end_char,
            resolved_from=span.text,
        )
    if len(span) == 1 and root == "it" and not in_quote and (body := _previous_body_subject(span)) is not None:
        return SourceRef(
            name=_clean(body.text),
            kind="organization",
            start=body.start_char,
            end=body.end_char,
            resolved_from=span.text,
        )
    if len(span) == 1 and root in GROUP_PRONOUNS:
        groups = [memory.last("organization", start)]
        if root != "it":  # "they" also stands for unnamed people met as sources ("Critics of the program ...")
            groups.append(memory.last("anonymous", start))
        found = [g for g in groups if g is not None and (g.kind != "anonymous" or _plural(g))]
        prior = max(found, key=lambda g: g.start or -1) if found else memory.last(None, start)
        if prior is not None:
            return SourceRef(
                name=prior.name, kind=prior.kind, start=prior.start, end=prior.end, resolved_from=span.text
            )
        main = _sentence_subject(span)  # "Ukrainian spies spotted the troops, who they said ..."
        if main is not None:
            return SourceRef(
                name=_clean(main.text),
                kind=kind_of(main),
                start=main.start_char,
                end=main.end_char,
                resolved_from=span.text,
            )
    if len(span) == 1 and root in PERSON_PRONOUNS | FIRST_PERSON | GROUP_PRONOUNS:
        return SourceRef(name="unattributed", kind="unattributed")  # a pronoun with nobody to stand for
    if span[0].lower_ == "the" and len(span) <= 3 and span.root.lemma_.lower() in memory.carriers:
        owner = memory.carriers[span.root.lemma_.lower()]  # "the report" after "the Panel's report"
        return SourceRef(name=owner.name, kind=owner.kind, start=owner.start, end=owner.end, resolved_from=span.text)
    if span[0].lower_ == "the" and len(span) <= 3 and not any(t.ent_type_ for t in span):
        prior = _same_head(span, memory) or (
            _nearest_org(start, memory) if span.root.lemma_.lower() in lexicons().org_nouns else None
        )  # "the officials" -> "two U.S. officials"; "the agency", "the same report" -> the last organisation
        if prior is not None:
            return SourceRef(
                name=prior.name, kind=prior.kind, start=prior.start, end=prior.end, resolved_from=span.text
            )
    return SourceRef(
        name=_clean(span.text) or span.text,
        kind="person" if _known_surname(span, memory) else ("anonymous" if is_anonymous(span) else kind_of(span)),
        start=span.start_char,
        end=span.end_char,
    )


def _plural(ref: SourceRef) -> bool:
    """Whether an unnamed source is a group ("Critics of the EB-5 program", "people familiar"), not one person."""
    nouns = lexicons().anonymous_nouns
    return any(w == "people" or (w.endswith("s") and w[:-1] in nouns) for w in ref.name.lower().split())


def _known_surname(span: Span, memory: SourceMemory) -> bool:
    """A lone proper noun that ended a person's name earlier: "Ryder said" after "Pat Ryder"."""
    if len(span) != 1 or not (span[0].pos_ == "PROPN" or span[0].is_title):
        return False
    word = span[0].text
    return word in memory.surnames or memory.person_ends.get(word, span.start_char + 1) <= span.start_char


def _previous_subject(span: Span, memory: SourceMemory) -> tuple[str, int, int] | None:
    """The person named as the subject of the sentence before: "Trump has record low support ... He
    recently pitched", "Merkel told reporters ... She said". A pronoun with no person named before it in
    its own sentence most often continues the subject of the one before (centering)."""
    sent = span.sent
    if sent.start == 0 or any(t.ent_type_ == "PERSON" for t in span.doc[sent.start : span.start]):
        return None
    before = span.doc[sent.start - 1].sent
    subj = _main_subject(before)
    if subj is None or not subj.is_title or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    ents = ents_within(span.doc, before.start, before.end)
    ent = next((e for e in ents if e.start <= subj.i < e.end and e.label_ == "PERSON"), None)
    if ent is not None:
        return _clean(ent.text), ent.start_char, ent.end_char
    # the small model often misses a surname ("Trump" as an organisation): a person's it is when the
    # text named that person in full before
    if _known_surname(span.doc[subj.i : subj.i + 1], memory):
        return subj.text, subj.idx, subj.idx + len(subj.text)
    return None


def _previous_body_subject(span: Span) -> Span | None:
    """ "However, the opposition Syrian Civil Defense Force comes up with higher figures. It reports ...": an
    "it" that opens its sentence continues the organisation the sentence before was about, even when that
    sentence reported nothing (the last source met may be another body)."""
    sent = span.sent
    if sent.start == 0 or span.start - sent.start > 2:
        return None
    before = span.doc[sent.start - 1].sent
    subjects = [t.i for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")]  # the parser may split one
    bodies = [e for e in ents_within(span.doc, before.start, before.end) if e.label_ == "ORG"]
    return next((e for e in bodies if any(e.start <= i < e.end for i in subjects)), None)


def _previous_plural_subject(span: Span) -> Span | None:
    """ "U.S. military officials called it a Taepo Dong-2 missile. They say ...": a "they" that opens its
    sentence continues the plural subject of the sentence before, when that subject is people or bodies."""
    sent = span.sent
    if sent.start == 0 or span.start - sent.start > 2:
        return None
    before = span.doc[sent.start - 1].sent
    subj = _main_subject(before)
    lex = lexicons()
    people = lex.person_nouns | lex.org_nouns | lex.body_nouns | lex.anonymous_nouns
    if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.lemma_.lower() not in people:
        return None
    end = subj.i + 1
    for child in subj.children:  # "Critics of the EB-5 program": the group's name goes on through its "of" phrase
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            end = child.right_edge.i + 1
    return span.doc[max(subj.left_edge.i, before.start) : min(end, before.end)]


def _main_subject(sent: Span) -> Token | None:
    """The subject of a sentence's main verb."""
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _sentence_subject(span: Span) -> Span | None:
    """The named subject of the sentence's main verb, when it comes before the pronoun."""
    subj = _main_subject(span.sent)
    if subj is None or subj.i >= span.start or subj.pos_ == "PRON":
        return None
    return span.doc[subj.left_edge.i : subj.i + 1]


def _same_head(span: Span, memory: SourceMemory) -> SourceRef | None:
    """The last source named with the same head noun: "the officials" after "two U.S. officials"."""
    return memory.last(None, span.start_char, word=span.root.lower_)


def _nearest_org(before: int, memory: SourceMemory) -> SourceRef | None:
    """The organisation named or quoted last before a description such as "the agency"."""
    prior = memory.last("organization", before)
    org = memory.before(memory.orgs, before)
    if org is not None and (prior is None or prior.end is None or org.end_char > prior.end):
        return SourceRef(name=_clean(org.text), kind="organization", start=org.start_char, end=org.end_char)
    return prior


def _pick(person: Span | None, prior: SourceRef | None) -> tuple[str, int, int] | None:
    """The nearer of a person named in the text and a person who was a source before."""
    cands = []
    if person is not None:
        cands.append((person.end_char, _clean(person.text), person.start_char, person.end_char))
    if prior is not None and prior.start is not None and prior.end is not None:
        cands.append((prior.end, prior.name, prior.start, prior.end))
    if not cands:
        return None
    _, name, s, e = max(cands)
    return name, s, e
