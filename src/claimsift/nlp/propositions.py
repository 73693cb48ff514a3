"""What a clause or a hypothesis says, reduced to what stance compares: content terms and their negation.

A term is the Snowball stem of a content word (noun, name, verb, adjective, number), so "deployed" and
"deployment" meet; a demonym, capital or alias also gives its country's words ("Russian", "Moscow" ->
russia), so "a Russian strike" meets "Russia struck". A term is *negated* when the parse puts it under a
negation: a ``neg`` on its predicate ("were not deployed", "is not responsible") or a "no"/"without"
before it ("no connection to Iran's government", "without evidence"). Negating a speech or knowledge verb
does not negate what it governs: "did not say where the troops were" leaves the troops alone.

Hypotheses also get a weight per term from its frequency in English (wordfreq's Zipf scale), so a rare
name or a specific verb counts for more than "state" or "said".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from claimsift.lexicons import data_file, lexicons
from claimsift.model import Proposition

STEM_CHARS = 6
"""Stems are cut to this length, so derived words meet: suspend/suspension, presid/presidenti."""
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TIMES = frozenset({"DATE", "TIME"})
"""Entity labels of when, not who or what: never a subject's doer, and like a name no shared content ("autumn")."""


@dataclass(frozen=True, slots=True)
class _Negation:
    """The negation and morphology word lists of data/stance_cues.json (see the notes there)."""

    negators: frozenset[str]
    not_words: frozenset[str]
    not_only: frozenset[str]
    opaque_heads: frozenset[str]
    failing_verbs: frozenset[str]
    privatives: frozenset[str]
    scarce: frozenset[str]
    scarce_affirmed: frozenset[str]
    sion_verbs: tuple[tuple[str, str], ...]


@cache
def _negation() -> _Negation:
    data = data_file("stance_cues.json")
    return _Negation(
        negators=frozenset(data["negators"]),
        not_words=frozenset(data["not_words"]),
        not_only=frozenset(data["not_only"]),
        opaque_heads=frozenset(data["opaque_heads"]),
        failing_verbs=frozenset(data["failing_verbs"]),
        privatives=frozenset(data["privatives"]),
        scarce=frozenset(data["scarce"]),
        scarce_affirmed=frozenset(data["scarce_affirmed"]),
        sion_verbs=tuple((a, b) for a, b in data["sion_verbs"]),
    )


def negating_words() -> frozenset[str]:
    """The words that negate what follows them ("not", "n't", "no", "never", "without", ...), as the parse reads
    them (``stance_cues.json``: negators, not_words)."""
    return _negation().negators | _negation().not_words


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class _Places:
    """What data/demonyms.json tells of a one-word place name, read once."""

    country_words: dict[str, tuple[str, ...]]
    """Lower-case demonym, capital or alias (one word) -> its country's name words."""
    capitals: frozenset[str]
    """One-word capitals ("paris", "washington"): also surnames ("Valeska Paris", "George Washington")."""
    demonyms: frozenset[str]
    """Demonyms (one word, or the last word of "North Korean"): a word that is only its country."""


@cache
def _places() -> _Places:
    words: dict[str, tuple[str, ...]] = {}
    capitals: set[str] = set()
    demonyms: set[str] = set()
    for country in data_file("demonyms.json")["countries"]:
        name_words = tuple(w.lower() for w in country["name"].split())
        capitals.update(c.lower() for c in country["capitals"] if " " not in c)
        demonyms.update(d.lower().split()[-1] for d in country["demonyms"])
        for form in (*country["demonyms"], *country["capitals"], *country["aliases"], country["name"]):
            parts = form.lower().split()
            if len(parts) == 1:
                words.setdefault(parts[0], name_words)
            elif len(parts) == len(name_words) and parts[:-1] == list(name_words[:-1]):
                words.setdefault(parts[-1], (name_words[-1],))  # North Korean -> korea
    return _Places(words, frozenset(capitals), frozenset(demonyms))


def known_demonym(word: str) -> bool:
    """Whether one word is a demonym ("russian", "ukrainian"; data/demonyms.json)."""
    return word.lower() in _places().demonyms


def known_place(word: str) -> bool:
    """Whether one word is a country, its capital, demonym or alias (data/demonyms.json)."""
    return word.lower() in _places().country_words


@cache
def _denial_words() -> frozenset[str]:
    """Single-word denial cues (data/stance_cues.json), to tell "the report is fabricated" from "fabricated crimes"."""
    return frozenset(w for w in data_file("stance_cues.json")["denial"] if " " not in w)


@cache
def _connectives() -> tuple[tuple[str, ...], ...]:
    """Linking phrases whose words are no terms at the start of a clause (data/stance_cues.json), longest first."""
    phrases = (tuple(p.split()) for p in data_file("stance_cues.json")["connectives"])
    return tuple(sorted(phrases, key=len, reverse=True))


def _connective_words(span: Span | Doc) -> set[int]:
    """Indices of the tokens of a linking phrase that opens a clause ("In response, ...", "..., and in fact ...")."""
    out: set[int] = set()
    phrases = _connectives()
    firsts = {p[0] for p in phrases}
    words = [t.lower_ for t in span]
    for k, t in enumerate(span):
        opens = k == 0 or span[k - 1].is_punct or span[k - 1].dep_ == "cc"
        if not opens or t.lower_ not in firsts:
            continue
        for phrase in phrases:
            if tuple(words[k : k + len(phrase)]) == phrase:
                out.update(span[k + j].i for j in range(len(phrase)))
                break
    return out


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The comparison key of one word: lower case, Snowball stem."""
    w = word.lower().strip(".'’")
    if w.replace(",", "").isdigit():
        return w.replace(",", "")  # "10,000" is 10000
    return str(_stemmer().stemWord(w))[:STEM_CHARS] if w.isalpha() else w


def token_terms(token: Token) -> tuple[str, ...]:
    """The terms one token contributes (none for function words)."""
    if token.pos_ not in CONTENT_POS or token.is_stop or token.is_punct or len(token.text) < 2:
        return ()
    if token.pos_ == "NUM" and not token.text.replace(",", "").isdigit():
        return ()
    if token.pos_ == "VERB" and token.lemma_.lower() in lexicons().verb_polarity:
        return ()  # "said", "claimed", "denied": the frame, not the content
    lower = token.text.lower()
    # a person's name is no place ("Valeska Paris"); a demonym is its country, once ("South Korean" shares one
    # name with "North Korean", not "korean" and "korea"); a capital or alias is itself and its country
    known = _places()
    given = token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN" and token.doc[token.i - 1].is_title
    surname = lower in known.capitals and given and token.doc[token.i - 1].lower_ not in known.country_words
    places = known.country_words.get(lower, ()) if token.ent_type_ != "PERSON" and not surname else ()
    country = tuple(dict.fromkeys(stem(w) for w in places))
    if country and lower in known.demonyms:
        return country
    base = stem(token.lemma_ if token.pos_ in ("VERB", "NOUN") else token.text)
    if token.pos_ == "NOUN":
        base = _verb_of_noun(lower) or base
    return tuple(dict.fromkeys((base, *country)))


def _verb_of_noun(word: str) -> str | None:
    """The stem of the verb a "-sion" noun is made from, so "invasion" meets "invaded"."""
    for noun_end, verb_end in _negation().sion_verbs:
        if word.endswith(noun_end) and len(word) > len(noun_end) + 2:
            return stem(word[: -len(noun_end)] + verb_end)
    return None


def _is_name(token: Token, headline: bool) -> bool:
    """A name: an entity, or a proper noun where capitals still mean names (not in a title-case headline)."""
    return token.ent_type_ in NAME_ENTS or (token.pos_ == "PROPN" and not headline)


def _title_case(span: Span | Doc) -> bool:
    """ "Small Meteorite Hits Managua": most words capitalised, so capitals say nothing about names."""
    words = [t for t in span if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)


def _scope(head: Token, bound: Span | Doc) -> Iterable[Token]:
    """The tokens a negation of ``head`` covers: its subtree, minus clauses under opaque verbs."""
    if head.lemma_.lower() in _negation().opaque_heads:
        yield head
        for child in head.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                yield from child.subtree
        return
    for t in head.subtree:
        if bound[0].i <= t.i <= bound[-1].i:
            yield t


def _arguments(verb: Token, span: Span | Doc) -> set[Token]:
    """A verb, its words and the nouns of its prepositions, one level down: "put a satellite into orbit"."""
    out = {verb}
    for c in verb.children:
        out.add(c)
        if c.dep_ == "prep":
            out.update(g for g in c.children if g.dep_ == "pobj")
    return {t for t in out if span[0].i <= t.i <= span[-1].i}


def _negated(span: Span | Doc) -> set[Token]:
    words = _negation()
    out: set[Token] = set()
    for t in span:
        lower = t.lower_
        following = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
        if following in words.not_only:
            continue  # "not only shelled the town but also burned it": an addition, no negation
        if f"{lower} {following}" in _bound_openings():
            continue  # "no more than 500", "not fewer than": a bound on a number, no negation
        if t.dep_ == "neg" or (lower in words.not_words and t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i):
            # (a title-case headline's curly "n’t" is parsed as punctuation: "Culkin Has n’t Died")
            head = t.head.head if t.head.dep_ in ("aux", "auxpass") else t.head
            out.update(_scope(head, span))
        elif t.lemma_.lower() in words.failing_verbs and t.pos_ == "VERB":
            # "failed to reach orbit": what the verb takes did not happen, its act and the act's own arguments
            # ("failed to respond to allegations of abuse" denies the response, not the abuse)
            for child in t.children:
                if child.dep_ == "xcomp":
                    out.update(_arguments(child, span))
        elif lower in words.privatives:
            out.update(s for h in _privative_phrase(t) for s in h.subtree if span[0].i <= s.i <= span[-1].i)
        elif lower in words.scarce and not (t.i > 0 and t.doc[t.i - 1].lower_ in words.scarce_affirmed):
            counted = _counted(t)
            if counted is not None:
                out.update(s for s in counted.subtree if span[0].i <= s.i <= span[-1].i)
            else:
                out.update(_scope(t.head, span))
        elif lower in words.negators and t.dep_ in ("det", "prep", "advmod", "preconj", "dep"):
            # "no connection to ...", "without evidence": the phrase the negator opens
            target = t.head if t.dep_ in ("det", "preconj") else t  # "neither classified nor secret"
            out.update(s for s in target.subtree if span[0].i <= s.i <= span[-1].i)
    return out


def _in_subject(t: Token) -> bool:
    """Whether a word is part of its clause's subject ("Pyongyang has not sent ...", "Russia's army"): a doer,
    not where something happens."""
    while t.dep_ in ("compound", "amod", "flat", "poss", "appos", "nmod") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass", "csubj")


def _privative_phrase(t: Token) -> list[Token]:
    """What a privative word denies: the phrase it heads ("her lack of improvement"); a verb's object ("they lack
    water"); a predicate adjective's phrase with its modifier, which the parser may hang above it ("are iodine
    deficient")."""
    if t.pos_ == "VERB":
        return [c for c in t.children if c.dep_ == "dobj"]
    if (
        t.dep_ == "acomp"
        and t.head.pos_ != "AUX"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.head.children)
    ):
        return [t.head]  # "iodine deficient" parsed as a subjectless verb "iodine"; not "aid remained insufficient"
    return [t]


def _counted(t: Token) -> Token | None:
    """The noun a scarcity quantifier counts ("few manufacturers", "few if any food manufacturers", which the
    parser may split), or None for an adverb of its verb ("rarely used")."""
    if t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX", "ADJ"):
        return None
    if t.dep_ in ("amod", "det") and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head
    following = t.doc[t.i + 1 : t.i + 6]
    return next((n for n in following if n.pos_ in ("NOUN", "PROPN") and n.dep_ != "compound"), None)


def _asides(span: Span | Doc) -> tuple[tuple[int, int], ...]:
    """Relative and participle clauses on the main subject ("that crossed the United States"), as
    character spans relative to the span: they describe the subject, they accuse nobody."""
    base = span[0].idx
    out = []
    for t in span:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT":
            for c in t.children:
                if c.dep_ in ("relcl", "acl"):
                    sub = list(c.subtree)
                    out.append((sub[0].idx - base, sub[-1].idx + len(sub[-1]) - base))
    return tuple(out)


def _pairs(span: Span | Doc) -> tuple[tuple[str, str], ...]:
    """Named entities joined by "and" ("North Korea and Russia", "between the DPRK and Russia"), each
    side as its terms: a hypothesis about the two together is about their relation, not one of them."""
    ents = [e for e in span.ents if e.label_ in NAME_ENTS]
    out = []
    for a, b in zip(ents, ents[1:], strict=False):
        between = [t.lower_ for t in a.doc[a.end : b.start]]
        listed = a.start > 0 and a.doc[a.start - 1].text == ","  # "Libya, Syria and Yemen": a list, no relation
        if between in (["and"], ["and", "the"]) and not listed:
            sides = [" ".join(dict.fromkeys(term for t in e for term in token_terms(t))) for e in (a, b)]
            if all(sides) and sides[0] != sides[1]:
                out.append((sides[0], sides[1]))
    return tuple(out)


def _acts_on_countries(span: Span | Doc) -> tuple[tuple[str, str], ...]:
    """(act, country) for each country an act goes to, happens in or is aimed at: its object, or the object of
    its preposition ("entering Russia", "deployed in Russia", "fight against Ukraine", "invasion of Ukraine").
    Only countries (data/demonyms.json) count: two of them are two places, where "Kursk" may lie in "Russia"."""
    out: dict[tuple[str, str], None] = {}
    for t in span:
        if t.ent_type_ == "PERSON" or not known_place(t.text) or t.dep_ not in ("dobj", "pobj"):
            continue
        gov = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
        if t.dep_ == "pobj" and t.head.dep_ != "prep" or gov.pos_ not in ("VERB", "NOUN"):
            continue
        place, act = token_terms(t), token_terms(gov)
        if place and act:
            out[(act[0], place[-1])] = None
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _AmountWords:
    """data/stance_cues.json ``amounts``: the qualifiers of a number and the words that scale it."""

    qualifiers: tuple[tuple[str, str], ...]
    """(phrase, "at_least" | "at_most" | "about"), longest first: "no more than" is at most, not "more than"."""
    scale: dict[str, float]


@cache
def _amount_words() -> _AmountWords:
    data = data_file("stance_cues.json")["amounts"]
    kinds = [(q, kind) for kind in ("at_least", "at_most", "about") for q in data[kind]]
    return _AmountWords(tuple(sorted(kinds, key=lambda x: -len(x[0]))), dict(data["scale"]))


@cache
def _bound_openings() -> frozenset[str]:
    """The first two words of the bounds that open with a negation ("no more", "not fewer")."""
    words = _amount_words()
    return frozenset(
        " ".join(q.split()[:2]) for q, kind in words.qualifiers if kind != "about" and q.split()[0] in ("no", "not")
    )


ABOUT, EXACT = 0.2, 0.05
"""How far an "about" number and a bare one reach either way."""


def _number(t: Token) -> float | None:
    """The value of a number written in digits, scaled by the word it heads ("1.3 million")."""
    scale = _amount_words().scale
    if t.lower_ in scale:
        digits = [c for c in t.children if c.dep_ in ("compound", "quantmod") and c.like_num]
        value = _number(digits[0]) if digits else None
        return value * scale[t.lower_] if value is not None else None
    try:
        return float(t.text.replace(",", ""))
    except ValueError:
        return None


def _qualifier(t: Token) -> str | None:
    """How a number is qualified ("at_least", "at_most", "about", or "" for a bare one), from up to four words
    before it (not past a punctuation mark, a conjunction or another number) and an "or more" after it; None for
    a number of a range ("between 3,000 and 5,000"), which is not read."""
    window = t.doc[max(t.sent.start, t.i - 4) : t.i]
    if any(w.lower_ == "between" for w in window):
        return None
    before: list[str] = []
    for w in reversed(window):
        if w.is_punct or w.like_num or w.pos_ == "CCONJ":
            break
        before.insert(0, w.lower_)
    after = [c.lower_ for c in t.children if c.i > t.i and c.dep_ in ("cc", "conj")]
    said = f" {' '.join(before)} | {' '.join(after)} "
    return next((kind for q, kind in _amount_words().qualifiers if f" {q} " in said), "")


def _amounts(span: Span | Doc) -> tuple[tuple[str, float, float, float | None], ...]:
    """(what is counted, the number, the lowest and highest it allows; None: no upper bound) for each number
    written in digits: "more than 1000 people were killed" gives ("peopl kill", 1000, 1000, None)."""
    scale = _amount_words().scale
    out = []
    for t in span:
        if t.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY") or not (t.like_num or t.lower_ in scale):
            continue
        if t.head.lower_ in scale and t.head.i != t.i:
            continue  # "1.3" of "1.3 million": read from "million"
        if t.dep_ == "nummod" and t.i > t.head.i:
            continue  # "Resolution 2270", "Article 4": a number naming something, no count
        value, kind = _number(t), _qualifier(t)
        if value is None or kind is None:
            continue
        counted = [] if t.head.i == t.i else [t.head]
        if counted and counted[0].dep_ in ("nsubj", "nsubjpass", "dobj") and counted[0].head.pos_ == "VERB":
            counted.append(counted[0].head)  # "people were killed": the people and the killing
        key = " ".join(term for c in counted for term in token_terms(c))
        if not key:
            continue
        if kind == "at_least":
            low, high = value, None
        elif kind == "at_most":
            low, high = 0.0, value
        else:
            reach = ABOUT if kind == "about" else EXACT
            low, high = value * (1 - reach), value * (1 + reach)
        out.append((key, value, low, high))
    return tuple(out)


def proposition(span: Span | Doc, weighted: bool = False) -> Proposition:
    """The terms of a parsed span, the names among them and those under negation.

    Args:
        weighted: also give each term a weight (rarer words weigh more); hypotheses need it, claims do not.
    """
    if len(span) == 0:
        return Proposition()
    negated = _negated(span)
    headline = _title_case(span)
    terms: dict[str, float] = {}
    names: set[str] = set()
    entities: set[str] = set()
    places: set[str] = set()
    neg: set[str] = set()
    linking = _connective_words(span)
    for t in span:
        if t.i in linking:
            continue
        for term in token_terms(t):
            weight = max(0.5, min(5.0, 7.0 - zipf_frequency(t.text.lower(), "en"))) if weighted else 0.0
            terms[term] = max(terms.get(term, 0.0), weight)
            if _is_name(t, headline) or t.pos_ == "NUM" or t.ent_type_ in TIMES:
                names.add(term)
            if t.ent_type_ in NAME_ENTS:
                entities.add(term)
            if t.ent_type_ in PLACE_ENTS and not _in_subject(t):
                places.add(term)
            if t in negated:
                neg.add(term)
    asides = _asides(span) if weighted else ()
    denial = _denial_words()
    attributive = sorted({t.lower_ for t in span if t.dep_ in ("amod", "compound") and t.lower_ in denial})
    return Proposition(
        asides=asides,
        attributive=tuple(attributive),
        terms=tuple(terms),
        names=tuple(sorted(names)),
        entities=tuple(sorted(entities)),
        places=tuple(sorted(places)),
        negated=tuple(sorted(neg)),
        weights=tuple(terms.values()) if weighted else (),
        subject=_named_subject(span, names) if weighted else (),
        deed=_deed(span) if weighted else (),
        beside=_beside(span) if weighted else (),
        identity=weighted and _says_what_it_is(span),
        pairs=_pairs(span),
        acts_on=_acts_on_countries(span),
        amounts=_amounts(span),
        points_back=any(_points_back(t, span) for t in span),
    )


POINTING = frozenset(
    {"it", "its", "they", "them", "their", "this", "that", "these", "those", "he", "him", "his", "she", "her"}
    | {"we", "our", "us"}
)
"""Pronouns that may stand for what was said before."""


def _points_back(token: Token, span: Span | Doc) -> bool:
    """A pronoun standing for something said before: a relative "that" only when its noun is outside the clause
    ("... the Russian Government | that is responsible"), not in "a cyber attack that's already happened"."""
    if token.lower_ not in POINTING or token.dep_ == "expl":
        return False  # "it is clear that ...", "there are": an expletive stands for nothing
    if token.tag_ in ("WDT", "WP"):
        noun = antecedent(token)
        if noun is None:  # no antecedent in the parse: one that opens the clause came before it
            return token.i == (span.start if isinstance(span, Span) else 0)
        return not _within(noun, span)
    return True


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("a United Nations" for "that failed to respond"), from the parse."""
    if token.tag_ not in ("WDT", "WP") or token.head.dep_ != "relcl":
        return None
    return token.head.head


def _within(token: Token, span: Span | Doc) -> bool:
    return not isinstance(span, Span) or span.start <= token.i < span.end


def _says_what_it_is(span: Span | Doc) -> bool:
    """ "The balloon was a surveillance craft": the main verb is "be" with a noun after it."""
    root = span.root if isinstance(span, Span) else next((t for t in span if t.dep_ == "ROOT"), None)
    return root is not None and root.lemma_ == "be" and any(c.dep_ == "attr" for c in root.children)


def main_verb(span: Span | Doc) -> Token | None:
    """The verb a proposition is about: its root, or what a verb of saying at the root reports ("Woman detained in
    Lebanon is not al-Baghdadi's wife, Iraq says")."""
    root = span.root if isinstance(span, Span) else next((t for t in span if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    said = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
    if said is not None and root.lemma_.lower() in lexicons().verb_polarity:
        return said
    return root


def _deed(span: Span | Doc) -> tuple[str, ...]:
    """Terms of the main verb and its direct object: "deployed troops", "transferred arms"; none for a verb without
    an object ("was disengaged", "failed"), which says how its subject is rather than what it did to something."""
    verb = main_verb(span)
    objects = [c for c in verb.children if c.dep_ == "dobj"] if verb is not None and verb.pos_ == "VERB" else []
    if verb is None or not objects:
        return ()
    return tuple(dict.fromkeys(term for t in (verb, *objects) for term in token_terms(t)))


def _beside(span: Span | Doc) -> tuple[str, ...]:
    """Terms only in the main verb's adverbial clauses that have a subject of their own ("as Firefox and Chrome
    gained users"): another doer's act told beside the main one."""
    verb = main_verb(span)
    if verb is None:
        return ()
    clauses = [  # not "as it failed to fix security flaws": the same doer, by its pronoun
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.pos_ != "PRON" for g in c.children)
    ]
    inside = {t.i for c in clauses for t in c.subtree}
    there = {term for t in span if t.i in inside for term in token_terms(t)}
    elsewhere = {term for t in span if t.i not in inside for term in token_terms(t)}
    return tuple(sorted(there - elsewhere))


def _named_subject(span: Span | Doc, names: set[str]) -> tuple[str, ...]:
    """The terms of the subject of the main verb when it names someone ("North Korean troops" of "... are
    deployed in Russia"), or of a passive's agent, the doer, when it names someone ("The attacks on the Idlib camps
    were carried out by X" is about X); none for a generic subject ("The rocket launch failed")."""
    root = main_verb(span)  # "Woman detained in Lebanon is not al-Baghdadi's wife, Iraq says": about the woman
    if root is None:
        return ()
    # a time is no doer: "By mid-November 2024 about 11,000 North Korean troops had deployed ..." parsed with
    # "November" as a second subject, or the date folded into the subject's phrase
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return ()
    subj = subjects[0]
    agent = next((c for c in root.children if c.dep_ == "agent"), None)
    doers = (agent, subj) if subj.dep_ == "nsubjpass" and agent is not None else tuple(subjects)
    for doer in doers:  # "The attack was staged by X" is about X
        words = (t for t in doer.subtree if t.ent_type_ not in TIMES)
        terms = tuple(dict.fromkeys(term for t in words for term in token_terms(t)))
        if names.intersection(terms):
            return terms
    return ()


def hypothesis_propositions(texts: Iterable[str], nlp: Language) -> list[Proposition]:
    """Each hypothesis text parsed alone, with weights."""
    return [proposition(doc, weighted=True) for doc in nlp.pipe(texts)]
