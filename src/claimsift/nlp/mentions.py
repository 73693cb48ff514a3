"""Named-entity mentions of a parsed document: spaCy's entities plus every gazetteer alias occurrence.

In lower-case text (auto-captions) aliases are matched whatever their case, and win over the model's
entities they overlap: the model learned names from capitals.

Alias occurrences nested in a longer name count too ("Ukraine" in "the Ukraine Center for ..."):
that place is mentioned there, and a reader searching for it expects to find it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claimsift.lexicons import data_file, lexicons
from claimsift.model import Mention, Turn
from claimsift.nlp.propositions import known_demonym, known_place

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


LOWER_CASE_SHARE = 0.03
"""A text in which fewer of its words than this start with a capital is lower case (auto-captions)."""


def lower_case(doc: Doc) -> bool:
    """Auto-captions and similar: capitals carry no information, so names are matched without them."""
    words = [t for t in doc if t.is_alpha and len(t) > 1]
    return len(words) >= 20 and sum(t.text[0].isupper() for t in words) < LOWER_CASE_SHARE * len(words)


@cache
def _alias_matcher(vocab: Vocab, attr: str = "ORTH") -> tuple[PhraseMatcher, dict[str, str]]:
    matcher = PhraseMatcher(vocab, attr=attr)
    types: dict[str, str] = {}
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    for entry in lexicons().aliases:
        types[entry.name] = entry.type
        matcher.add(entry.name, [tokenizer(alias) for alias in entry.aliases])
    return matcher, types


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and description, a trailing possessive, a trailing word that opens a clause ("Kursk
    Where" of a headline's capitals) and an opened parenthesis ("Office of the High Commissioner for Human Rights
    (OHCHR": the acronym in it is a mention of its own) from an entity span."""
    if end - start > 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1  # "a World Health Organisation recommendation"
    lead = start
    while end - lead > 1 and doc[lead].is_alpha and doc[lead].is_lower and doc[lead].pos_ in ("NOUN", "ADJ"):
        lead += 1
    if lead > start and doc[lead].is_alpha and (doc[lead].is_title or doc[lead].is_upper):
        start = lead  # "the magician David Gish": a description before the name ("non-Muslim" stays)
    paren = next((t.i for t in doc[start + 1 : end] if t.text == "("), None)
    if paren is not None:
        end = paren
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    while end - start > 1 and doc[end - 1].is_stop and doc[end - 1].tag_ in CLAUSE_OPENERS:
        end -= 1  # a headline's capitals: "Troops Enter Kursk Where Ukrainians Are Fighting"
    return start, end


CLAUSE_OPENERS = frozenset({"WRB", "WP", "WDT", "IN", "CC"})
"""Tags of words that open a clause or phrase ("Where", "As", "And"), so never end a name."""


PROPAGATED = frozenset({"PERSON", "ORG", "GPE"})
NAME_PUNCT = frozenset({"'s", "’s", ".", "-", "&"})
"""The only non-letters a name that spreads may hold ("Korean People's Army", "U.S. Navy")."""
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "a", "an", "at"})


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _abbreviates(acronym: str, name: Span) -> bool:
    """Whether an acronym's letters are initials of the name ("OHCHR": Office of the High Commissioner for Human
    Rights), in any order ("UAAR": Union of Rationalist Atheists and Agnostics), the first one first; a function
    word may give a letter too ("DOE": Department of Energy)."""
    words = [t for t in name if t.is_alpha]
    initials = [t.text[0].upper() for t in words if t.lower_ not in FUNCTION_WORDS]
    if not initials or acronym[0] != initials[0]:
        return False
    rest = [t.text[0].upper() for t in words]
    for letter in acronym:
        if letter not in rest:
            return False
        rest.remove(letter)
    return True


def _body(word: str) -> bool:
    lex = lexicons()
    return word in lex.org_nouns or word in lex.body_nouns


def _titled_name_before(doc: Doc, paren: int, acronym: str) -> tuple[int, int] | None:
    """The title-case words right before "(ACRONYM)" that it abbreviates, when the model tagged no name there
    and the last word names a body ("the Office of Rural Water Supply (ORWS)";
    source_nouns.json). Lower-case terms ("advanced persistent threat (APT)") and other titles ("System Under
    Test (SUT)") are no organisations."""
    start = paren
    while start > 0 and (doc[start - 1].text.istitle() or doc[start - 1].lower_ in FUNCTION_WORDS):
        start -= 1
    for s in range(start, paren - 1):
        if doc[s].text.istitle() and doc[s].lower_ not in FUNCTION_WORDS and _abbreviates(acronym, doc[s:paren]):
            words = [t for t in doc[s:paren] if t.lower_ not in FUNCTION_WORDS]
            if len(words) >= 2 and all(t.is_alpha and t.text.istitle() for t in words) and _body(words[-1].lower_):
                return s, paren
    return None


def _defined_acronyms(doc: Doc, spans: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """ "Office of the High Commissioner for Human Rights (OHCHR)": an acronym in parentheses right after a
    name it abbreviates is a mention with the name's label."""
    out = {}
    for (s, e), label in spans.items():
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and _acronym(doc[e + 1].text):
            if _abbreviates(doc[e + 1].text, doc[s:e]):
                out[(e + 1, e + 2)] = label
    taken = {i for s, e in spans for i in range(s, e) if (s, e) not in out}
    for tok in doc[1:-1]:
        i = tok.i
        if tok.text == "(" and doc[i + 2 : i + 3].text == ")" and _acronym(doc[i + 1].text) and i - 1 not in taken:
            name = _titled_name_before(doc, i, doc[i + 1].text)
            if name is not None and not taken.intersection(range(*name)):
                spans[name] = "ORG"  # an unnamed body with a defined acronym: an organisation most often
                out[(i + 1, i + 2)] = spans.get((i + 1, i + 2), "ORG")
    return out


def _spreads(name: Span) -> bool:
    """A name of several words, letters only (and "'s", ".", "-", a middle initial "J."), title case, no line break
    in it."""
    return len(name) > 1 and all(
        (t.is_alpha and (t.text[0].isupper() or t.lower_ in FUNCTION_WORDS))
        or t.text in NAME_PUNCT
        or (len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "." and 0 < t.i - name.start < len(name) - 1)
        for t in name
    )


def _repeated(
    doc: Doc, spans: dict[tuple[int, int], str], acronyms: Collection[tuple[int, int]]
) -> dict[tuple[int, int], str]:
    """The other occurrences of the names the text already gives, in the same case: the model tags a name in
    one sentence and misses it in the next (a second "OHCHR"). Only names of several words and acronyms the text
    defines spread: one word the model tagged once may be its error ("Explorer" of Internet Explorer)."""
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    labels: dict[str, str] = {}
    for (s, e), label in spans.items():
        if label not in PROPAGATED or not (_spreads(doc[s:e]) or (s, e) in acronyms):
            continue
        words = [t.text for t in doc[s:e]]
        key = " ".join(words)
        if key not in labels:
            labels[key] = label
            matcher.add(key, [Doc(doc.vocab, words=words)])
    found: dict[tuple[int, int], str] = {}
    taken = [False] * len(doc)
    for s, e in spans:
        taken[s:e] = [True] * (e - s)
    for match_id, s, e in sorted(matcher(doc), key=lambda m: (m[1], m[1] - m[2])):
        if any(taken[s:e]):
            continue
        taken[s:e] = [True] * (e - s)
        found[(s, e)] = labels[doc.vocab.strings[match_id]]
    return found


def _acronyms_hold(doc: Doc, spans: dict[tuple[int, int], str], acronyms: Collection[tuple[int, int]]) -> None:
    """An acronym the text defines keeps the defined label wherever it stands: the model's other reading of it
    (a second "KSC" read as an organisation after "the Kennedy Space Center (KSC)") or a name it took around it
    (a heading's "Joint OHCHR" as a person) gives way to it."""
    defined = {doc[s].text: spans[(s, e)] for s, e in acronyms if (s, e) in spans}
    if not defined:
        return
    for (s, e), label in list(spans.items()):
        if (s, e) in acronyms:
            continue
        held = next((i for i in range(s, e) if doc[i].text in defined and defined[doc[i].text] != label), None)
        if held is not None:
            del spans[(s, e)]
            spans[(held, held + 1)] = defined[doc[held].text]


def _state_bodies(doc: Doc, spans: dict[tuple[int, int], str]) -> None:
    """In lower-case text, a demonym before a word for a state body is that body ("the russian government",
    "ukrainian forces"; aliases.json: state_body_nouns): the model, which learned names from capitals, misses
    them."""
    lex = lexicons()
    for tok in doc[1:]:
        if tok.lower_ in lex.state_body_nouns and known_demonym(doc[tok.i - 1].lower_):
            s, e = tok.i - 1, tok.i + 1
            for a, b in [k for k in spans if k[0] < e and s < k[1]]:
                del spans[(a, b)]
            spans[(s, e)] = "ORG"


def _places_stay_places(doc: Doc, spans: dict[tuple[int, int], str]) -> None:
    """A name the text makes a place ("the Kursk region") is that place wherever the model read it as something
    else (a bare "Kursk" it tags a product)."""
    heads = lexicons().region_nouns
    places = {
        doc[s:e].text for (s, e), label in spans.items() if label == "GPE" and e < len(doc) and doc[e].text in heads
    }
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS and ent.text in places and (ent.start, ent.end) not in spans:
            if not any(a < ent.end and ent.start < b for a, b in spans):
                spans[(ent.start, ent.end)] = "GPE"


def _stage_direction(doc: Doc, s: int, e: int) -> bool:
    """ "(Laughter.)", "(Applause)": a transcript's note of what happened in the room, alone in parentheses
    (data/turn_labels.json: stage_directions), which the model may tag a person."""
    if e - s != 1 or s == 0 or doc[s - 1].text not in ("(", "["):
        return False
    close = e + 1 if e < len(doc) and doc[e].text == "." else e
    return close < len(doc) and doc[close].text in (")", "]") and doc[s].lower_ in _stage_words()


@cache
def _stage_words() -> frozenset[str]:
    return frozenset(data_file("turn_labels.json")["stage_directions"])


def _defined_terms(doc: Doc) -> set[str]:
    """Acronyms the text defines as lower-case terms ("advanced persistent threat (APT)", "industrial control
    system/supervisory control and data acquisition (ICS/SCADA)"): a term, no one's name, whatever the model
    tags them."""
    out = set()
    for tok in doc[1:-1]:
        i = tok.i
        close = next((t.i for t in doc[i + 1 : i + 6] if t.text == ")"), None)
        if tok.text != "(" or close is None:
            continue
        acronym = doc[i + 1 : close].text
        letters = acronym.replace("/", "")
        if not re.fullmatch(r"[A-Z]+(?:/[A-Z]+)*", acronym):
            continue
        before = re.findall(r"[A-Za-z]+", doc[max(0, i - 3 * len(letters)) : i].text)
        if _ends_with_initials(letters.lower(), before):
            out.update({acronym, *acronym.split("/")})
    return out


def _ends_with_initials(letters: str, words: list[str]) -> bool:
    """Whether lower-case words end with ones whose initials spell the letters; a function word may give its
    letter or none ("supervisory control and data acquisition" spells "scada")."""
    if not letters:
        return True
    if not words or not words[-1].islower():
        return False
    word, rest = words[-1], words[:-1]
    if word[0] == letters[-1] and _ends_with_initials(letters[:-1], rest):
        return True
    return word in FUNCTION_WORDS and _ends_with_initials(letters, rest)


def _split_acronyms(mention: Mention, known: Collection[str]) -> list[Mention]:
    """ "OHCHR/UNHCR", one token to the tokenizer, names two bodies the text defines: one mention each."""
    parts = mention.text.split("/")
    if len(parts) < 2 or not all(_acronym(p) and p in known for p in parts):
        return [mention]
    out, at = [], mention.start
    for part in parts:
        out.append(Mention(doc=mention.doc, start=at, end=at + len(part), text=part, label=mention.label))
        at += len(part) + 1
    return out


def _surnames_are_people(doc: Doc, spans: dict[tuple[int, int], str], known: Collection[tuple[int, int]]) -> None:
    """A lone surname of a person the text names in full is that person, not the organisation or the place the
    model took it for ("Ryder" after "Pat Ryder"); a name the gazetteer knows, a known place ("Washington" after
    "George Washington") and an acronym keep their label. The full name
    must look like one: two or three title-case words, none a word the text also writes in lower case ("Space
    Shuttle Columbia", "Case Grammar" are no persons)."""
    lower = {t.text for t in doc if t.is_alpha and t.text.islower()}
    surnames = {
        doc[e - 1].text
        for (s, e), label in spans.items()
        if label == "PERSON"
        and 2 <= e - s <= 3
        and all(t.is_alpha and t.text.istitle() and not t.is_stop and t.lower_ not in lower for t in doc[s:e])
        and len({t.text for t in doc[s:e]}) == e - s  # "Tulsa Tulsa", a title run into its first line, is no name
    }
    for (s, e), label in spans.items():
        word = doc[s].text
        if e - s != 1 or word not in surnames or word.isupper() or (s, e) in known:
            continue
        if label == "ORG" or (label == "GPE" and not known_place(word)):
            spans[(s, e)] = "PERSON"


def mentions(doc: Doc, doc_id: str) -> list[Mention]:
    """Entity mentions in text order; an alias hit fixes a wrong NER label ("DPRK" is no organisation)."""
    caseless = lower_case(doc)
    matcher, types = _alias_matcher(doc.vocab, "LOWER" if caseless else "ORTH")
    alias_label = {}
    spans: dict[tuple[int, int], str] = {}
    for match_id, s, e in matcher(doc):
        label = types[doc.vocab.strings[match_id]]
        alias_label[(s, e)] = label
        spans[(s, e)] = label
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if caseless and any(a < e and s < b for a, b in alias_label):
            continue  # in lower-case text the gazetteer knows better than a model that learned from capitals
        label = alias_label.get((s, e), ent.label_)
        if label not in KEEP_LABELS and e < len(doc) and doc[e].text in lexicons().region_nouns:
            label = "GPE"  # "the Kursk region", whatever the model took "Kursk" for
        if label in KEEP_LABELS:
            spans.setdefault((s, e), label)
    _places_stay_places(doc, spans)
    if caseless:
        _state_bodies(doc, spans)
    acronyms: dict[tuple[int, int], str] = {}
    if not caseless:
        acronyms = _defined_acronyms(doc, spans)
        for where, label in acronyms.items():
            spans.setdefault(where, label)  # the model's own reading of the acronym, where it has one, stands
        _acronyms_hold(doc, spans, acronyms)
        spans.update(_repeated(doc, spans, acronyms))
        _surnames_are_people(doc, spans, alias_label)
    known = {doc[s].text for s, _ in acronyms}
    terms = _defined_terms(doc)
    out = []
    for (s, e), label in sorted(spans.items()):
        if (label == "PERSON" and _stage_direction(doc, s, e)) or doc[s:e].text in terms:
            continue
        span = doc[s:e]
        whole = Mention(doc=doc_id, start=span.start_char, end=span.end_char, text=span.text, label=label)
        out.extend(_split_acronyms(whole, known))
    return out


def _named(turn: Turn) -> bool:
    """Whether a label names the person its turn's speaker is ("MR RUBIN" for Jamie Rubin): the speaker is a
    full name in title case that ends with the label's last word, not the label itself ("CHIEF COMPLAINT:")."""
    name, label = turn.speaker.split(), turn.label.split()
    return (
        len(name) >= 2
        and turn.speaker.lower() != turn.label.lower()
        and all(w[:1].isupper() for w in name)
        and name[-1].lower() == label[-1].lower()
    )


def with_speaker_labels(found: list[Mention], turns: Collection[Turn], doc_id: str) -> list[Mention]:
    """A speaker label that names someone ("SECRETARY SMITH:" for the person the transcript names in full) is a
    mention of that person, title and all; what the model tagged inside it gives way. A questioner's label
    ("QUESTION:", which the model may take for a person) names no one."""
    labels = [(t.start, t.start + len(t.label), t.label) for t in turns if not t.questioner and _named(t)]
    asking = [(t.start, t.start + len(t.label)) for t in turns if t.questioner]
    spans = [(a, b) for a, b, _ in labels] + asking
    if not spans:
        return found
    kept = [m for m in found if not any(a <= m.start and m.end <= b for a, b in spans)]
    added = [Mention(doc=doc_id, start=a, end=b, text=text, label="PERSON") for a, b, text in labels]
    return sorted(kept + added, key=lambda m: (m.start, m.end))
