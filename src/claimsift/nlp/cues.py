"""Attribution cues of single words in a parsed sentence: reporting verbs, reporting nouns, attitude nouns,
carriers and "according to" (the whole sentence's reading is ``frames.py``).

A cue knows three things: the token that carries it, the span of its source (who says it) and the
tokens of its content (what is said). Everything here reads the dependency parse of one sentence;
nothing leaves this module but plain token indices.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimsift.lexicons import lexicons
from claimsift.nlp.marks import inverted_name, is_mark, opening_mark
from claimsift.nlp.temporal import CALENDAR_NAMES

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "csubj", "advcl", "acl", "relcl", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WITHHOLDING = frozenset({"decline", "refuse", "fail", "hesitate", "avoid"})
"""Verbs that withhold the reporting verb they govern: "declined to confirm" confirms nothing."""
SOURCE_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "both"})
NAME_DEPS = frozenset(
    {"compound", "amod", "poss", "case", "det", "nmod", "nummod", "flat", "prep", "pobj", "cc", "conj"}
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution cue found in a sentence (token indices are Doc indices)."""

    token: int
    """The cue token (the verb, the noun, or "according")."""
    text: str
    """The cue as written: said, according to, claim."""
    polarity: str
    source: tuple[int, int] | None
    """Doc token range [start, end) of the source phrase, None when the text names no one."""
    content: frozenset[int]
    """Doc token indices of what is reported."""
    frame: frozenset[int]
    """Tokens of the attribution frame itself (source phrase, cue, auxiliaries)."""
    relay_of: int | None = None
    """Token of an inner cue this cue relays ("X cited Y's claim that ..."): X is a via of Y."""
    generic: bool = False
    """The source is a noun that speaks only as a verb's subject ("the bank said"), not a known kind of source."""


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def source_phrase(head: Token) -> tuple[int, int]:
    """The name a source is known by: the head noun with its modifiers, without clauses or appositions.

    "Pat Ryder, the Pentagon's press secretary, ..." gives "Pat Ryder"; "The head of the agency's center
    for ..." keeps its "of" phrase; "The Washington Post, which ..." drops the relative clause.
    """
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in NAME_DEPS and not (child.dep_ == "prep" and child.lower_ not in ("of", "in", "at", "for")):
                keep.add(child.i)
                stack.append(child)
    start, end = min(keep), max(keep) + 1
    # The phrase must be contiguous around the head; cut at punctuation that opens an apposition.
    doc = head.doc
    lo, hi = head.i, head.i + 1
    while lo - 1 >= head.sent.start and not _breaks(doc[lo - 1]):
        hyphened = _inner_punct(doc[lo])  # "co-founder", "so-called": the word before a hyphen is the name's too
        if not (hyphened or (lo - 1 >= start and (lo - 1 in keep or _inner_punct(doc[lo - 1])))):
            break
        lo -= 1
    while hi < end and _goes_on(doc, hi, keep):
        hi += 1
    while hi < head.sent.end and doc[hi - 1].pos_ == "ADP" and doc[hi].is_title:
        hi += 1  # "Center for Countering Disinformation": a name goes on past its preposition
        while hi < head.sent.end and doc[hi].is_title and not doc[hi].is_punct:
            hi += 1
    if hi - lo > 1 and doc[hi - 1].pos_ == "ADP":
        hi -= 1  # never end a name on "for" or "of"
    glued = [t.i for t in doc[lo + 1 : head.i + 1] if t.text == "The"]
    if glued:
        lo = glued[-1]  # "a huge The head of ...": a transcript glued two lines before the name
    return lo, hi


def by_name(head: Token) -> Token:
    """The name in apposition to a common noun that describes a source ("the Afghan team's coach, Alireza
    Mehraban", "The Internet security firm Secunia.com"): the source is known by its name, as in "Pat Ryder, the
    Pentagon's press secretary". Only a person's or an organisation's name, right after the noun or after a
    comma: not what is in brackets ("The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino" is
    Galantino), nor a title further on."""
    if head.pos_ != "NOUN":
        return head
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG"):
            before = head.doc[c.left_edge.i - 1]
            if before.i == head.i or before.text == ",":
                return c
    return head


def _goes_on(doc: Doc, i: int, keep: set[int]) -> bool:
    """Whether a name goes on at token i: a word of the phrase, a glued hyphen, or a comma between items of
    a list inside it ("Officials in Seoul, Tokyo and Washington"); other punctuation opens an apposition."""
    if doc[i].text == "," and i + 1 in keep and doc[i + 1].dep_ == "conj":
        return True
    return (i in keep or _inner_punct(doc[i])) and not _breaks(doc[i])


def _inner_punct(tok: Token) -> bool:
    """Punctuation inside a name: the hyphen of "Secretary-General", glued on both sides."""
    return (
        tok.is_punct and tok.text in "-‐–" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    )


def _breaks(tok: Token) -> bool:
    return tok.is_punct and not _inner_punct(tok)


def is_source_like(tok: Token) -> bool:
    """Whether a subject can be a source: a name, an entity, a person/organisation noun or a pronoun."""
    lex = lexicons()
    if tok.lower_ in SOURCE_PRONOUNS:
        return True
    if tok.ent_type_ in ("DATE", "TIME") and (tok.pos_ != "PROPN" or tok.text in CALENDAR_NAMES):
        return False  # "Wednesday added one more unusual development": a day says nothing (but "Last week Stumpf")
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return True
    if tok.is_title and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        return True  # "M. Dane Waters" with "Waters" tagged a common noun: a name all the same
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    nouns = lex.person_nouns | lex.org_nouns | lex.body_nouns | lex.anonymous_nouns
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns  # "sources": the list holds some plurals


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SINGULAR_DETERMINERS = frozenset({"a", "an", "this", "that", "another", "each"})
PLURAL_DETERMINERS = frozenset({"these", "those", "many", "several"})


def _described(noun: Token) -> bool:
    """A carrier the text singles out ("the poll", "a new study", "court documents"), not a bare plural
    ("videos show ...", evidence the narrator describes). A determiner that does not agree in number with
    its noun ("an accent atypical videos") marks words glued from two lines, not a description."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    plural = noun.tag_ in ("NNS", "NNPS")
    if plural and not dets and noun.lemma_.lower() in lexicons().authored_carriers:
        return True  # "polls show that ...": someone's work, speaking for its authors
    for det in dets:
        if (plural and det.lower_ in SINGULAR_DETERMINERS) or (not plural and det.lower_ in PLURAL_DETERMINERS):
            return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children):
        return True  # "Data from the 2014 American Community Survey show ...": a carrier with its origin
    if noun.lemma_.lower() not in lexicons().authored_carriers:
        return bool(dets) or any(c.dep_ == "poss" for c in noun.children)  # "Protest videos show ...": evidence
    return bool(dets) or any(c.dep_ in ("poss", "compound", "amod", "nummod") for c in noun.children)


def _carrier(noun: Token) -> bool:
    """A noun that carries information (a report, a poll, data: the lemmatizer makes "data" "datum")."""
    carriers = lexicons().carrier_nouns
    return noun.lemma_.lower() in carriers or noun.lower_ in carriers


def _evidential(verb: Token) -> bool:
    lex = lexicons()
    return verb.lemma_.lower() in lex.evidential_verbs or verb.lower_[:-1] in lex.evidential_verbs


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _speaks(subj: Token, verb: Token) -> bool:
    """Whether any noun subject speaks: with a verb of saying, "the bank said", "one slide says" and "others
    argue" name their source whatever the noun; with an evidential verb a thing is evidence ("the data
    show"), so only a person or organisation noun speaks (``is_source_like``)."""
    lex = lexicons()
    if _evidential(verb):
        # "the poll shows", "a study found"; "Twelve percent indicated that ...": a share of those asked
        share = subj.ent_type_ == "PERCENT" or subj.lemma_.lower() in ("percent", "%")
        return (_carrier(subj) and _described(subj)) or (share and any(c.dep_ == "ccomp" for c in verb.children))
    if subj.ent_type_ in ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"):
        return False  # "Twelve percent said ...", "Four said ...": a poll's or a group's share speaks
    return subj.pos_ in ("NOUN", "PROPN") or subj.lower_ in lex.subject_pronouns


def _verb_polarity(tok: Token) -> str | None:
    """The polarity of a reporting verb, by lemma or, where the lemmatiser slips ("hopes" -> "hop"), by form."""
    table = lexicons().verb_polarity
    if tok.lemma_.lower() in lexicons().construal_verbs:
        return "assert" if _names_as(tok) or _taken_as(tok) or _small_clause(tok) is not None else None
    found = table.get(tok.lemma_.lower())
    if found is None and tok.lower_.endswith("s"):
        found = table.get(tok.lower_[:-1])
    if found is None and tok.lemma_.lower() in lexicons().quoting_verbs and _quotes_directly(tok):
        return "assert"
    if found is None and tok.lemma_.lower() in lexicons().phrasing_verbs and _as_put_it(tok):
        return "assert"
    return found


def _as_put_it(verb: Token) -> bool:
    """'..., as a Homeland Security memo put it': "as" and "it" make the verb a frame of the clause it modifies."""
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in children) and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in children
    )


def _quotes_directly(verb: Token) -> bool:
    """'Limbaugh continued: "They are ..."', '"...," she joked': the verb governs a clause set in quotation marks;
    or, as a frame after what it reports ("..., he continued, adding that ..."), a clause before it; or a clause
    that "that" opens ("yelling to the officers that her husband was unarmed")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    return bool(clauses) and (
        any(c.dep_ == "punct" and c.is_quote for c in verb.children)
        or any(c.i < verb.i for c in clauses)
        or any(g.dep_ == "mark" and g.lower_ == "that" for c in clauses for g in c.children)
    )


def _governs_clause(verb: Token) -> bool:
    """An attitude verb attributes a clause or a "for/on/about/of" phrase: "called on X to", "wants to",
    "expects that", "spoke of several flights"."""
    if verb.lemma_.lower() in lexicons().clause_only_verbs:
        return any(_proposition_clause(c) for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "csubj"):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("for", "on", "about", "of")
            and any(
                c.dep_ in ("pobj", "pcomp")  # "called for steep new tariffs", "called for eliminating ..."
                and c.ent_type_ not in ("DATE", "TIME")
                and c.lemma_.lower() not in lexicons().frame_objects
                for c in child.children
            )
        ):
            return True
        if child.dep_ == "dobj" and any(c.dep_ in ("xcomp", "acl", "oprd", "ccomp") for c in child.children):
            return True  # "called fellow Republicans to unendorse", "urged police to release"
    return _names_as(verb)


def _proposition_clause(clause: Token) -> bool:
    """A clause that states something: "I heard (that) the plan failed", "we understand it to be"; not a bare
    infinitive ("heard me say it"), a gerund, or a question word's clause ("don't understand what kind of ...")."""
    if clause.dep_ == "xcomp":
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if clause.dep_ != "ccomp" or clause.tag_ in ("VB", "VBG") or clause.pos_ not in ("VERB", "AUX"):
        return False  # (nor a verbless one: "we heard you loud and clear")
    first = clause.doc[clause.left_edge.i]
    return not (first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether", "if"))


def _taken_as(verb: Token) -> bool:
    """ "see the program as an opportunity", "likened the refugees to a snake": an object and an "as" (or, for a
    likening, "to") phrase saying what it is taken to be."""
    deps = {c.dep_ for c in verb.children}
    preps = ("as", "to") if verb.lemma_.lower() in lexicons().likening_verbs else ("as",)
    return "dobj" in deps and any(
        c.lower_ in preps and c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in verb.children
    )


def _small_clause(verb: Token) -> Token | None:
    """ "considers Taiwan a renegade province", "considers the YPG a terrorist group": an object and what it is
    taken to be with no verb between them, parsed as a verbless clause or as an object with an apposition that
    no comma sets off."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ") and any(g.dep_ == "nsubj" for g in c.children):
            return c
        if c.dep_ == "dobj":
            appos = next((g for g in c.children if g.dep_ == "appos" and g.i > c.i), None)
            if appos is None:
                continue
            between = verb.doc[c.i + 1 : appos.left_edge.i]  # (a quotation mark may open what it is called)
            if not any(t.is_punct and not is_mark(t) for t in between):
                return c
    return None


def _names_as(verb: Token) -> bool:
    """ "called her vote a mistake": an object and what it is called make a small clause, a proposition."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"dobj", "nsubjpass"}) and "oprd" in deps  # or passive: "has been called a charlatan by"


def _subject(verb: Token) -> Token | None:
    if verb.pos_ == "NOUN":
        named = _noun_subject(verb)
        if named is not None:
            return named
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None and _clausal(verb) and any(c.dep_ == "nsubjpass" for c in subjects):
        # "Troops were reported by the ministry to have crossed", "has been called a charlatan by fellow physicians"
        return agent
    if len(subjects) > 1:  # '"... Full panic mode," said Leslie Wimes': a noun in the quotation is not who said it,
        # nor one in the clause an inverted frame cuts ("Any interpretation of his actions, said Michael Kofman, ...")
        subjects = [c for c in subjects if not (_quoted_before(c, verb) or _inverted_after(c, verb))] or subjects
    if subjects:  # a word the tokenizer broke ("ex - wife") gives several: the last before the verb is the head
        return next((c for c in reversed(subjects) if c.i < verb.i), subjects[0])
    for child in verb.children:  # passive: "was reported by X"
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    carried = _carried_in(verb)
    if carried is not None:
        return carried
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        reporter = head.head if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") else None
        if verb.dep_ == "conj" and reporter is not None and _verb_polarity(verb) and _verb_polarity(reporter):
            # "the Department said that North Korea has sent ..., and warned that ...": the parser hangs the second
            # report on the reported clause; reports coordinate with reports, so the one who said also warned
            return _subject(reporter)
        return _subject(head)  # "X denied it and said ...", "X declined to confirm ..."
    if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "X began by saying ...": the subject of the verb the preposition hangs on, or of the verb that one is
        # coordinated with ("X appeared on MSNBC and began by saying ...")
        governor = verb.head.head
        own = next((c for c in governor.children if c.dep_ in SUBJECT_DEPS), None)
        if own is None and governor.dep_ == "conj" and governor.head.pos_ in ("VERB", "AUX"):
            own = next((c for c in governor.head.children if c.dep_ in SUBJECT_DEPS), None)
        return own
    return None


def _carried_in(verb: Token) -> Token | None:
    """ "As stated in Davis' commentary, ...", "as reported in the Journal": a participle with no subject whose
    "in" phrase names a carrier of information; the carrier is where the words come from."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is not None and (_carrier(pobj) or pobj.ent_type_ == "ORG" or pobj.lower_ in lexicons().outlet_words):
        return pobj
    return None


def _nobody(subj: Token) -> bool:
    """A subject that names no one: "nobody", "none of them", "no one", "no official"."""
    return subj.lower_ in lexicons().nobody or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _own_passive(verb: Token) -> bool:
    """A coordinated passive with its own auxiliary: "has been placed on alert and has been told to prepare"."""
    return verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children)


def _clausal(verb: Token) -> bool:
    """A verb with a clause or what its object is called ("called a charlatan"): a proposition, not a thing."""
    return any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children)


def _propositional(verb: Token) -> bool:
    """A passive that reports a proposition: a clause or a name ("is believed to have sent", "was called a
    charlatan"), or a deed by a gerund ("was accused of using"); "was found in a river" reports none."""
    return _clausal(verb) or any(
        c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children
    )


def _in_quotation(tok: Token) -> bool:
    """Whether a token stands inside a quotation opened earlier in its sentence (marks before it do not pair up)."""
    return sum(1 for t in tok.sent if t.i < tok.i and is_mark(t)) % 2 == 1


def _passive_report(verb: Token) -> bool:
    """A passive reporting verb with no agent: "is believed to have", "were reported to be", "was asked to give",
    "was accused of using" (not "was quoted as saying", whose "saying" names the speaker)."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _inverted_after(word: Token, verb: Token) -> bool:
    """Whether a word stands before a verb that a comma sets off and a name follows: ", said Michael Kofman"."""
    return word.i < verb.i - 1 and inverted_name(verb, verb.sent.end) is not None


def _quoted_before(word: Token, verb: Token) -> bool:
    """Whether a word stands before the verb inside a quotation that closes before the verb."""
    return word.i < verb.i and any(is_mark(t) and not opening_mark(t) for t in word.doc[word.i + 1 : verb.i])


def _apposed(subj: Token | None) -> Token | None:
    """ "the election, Minyon Moore, a senior adviser ..., called": a subject that is no source but has a
    person or organisation in apposition was misparsed around a fronted phrase; the apposition speaks."""
    if subj is None or is_source_like(subj) or subj.lower_ in RELATIVE_PRONOUNS:
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG")), subj)


def _counted(subj: Token | None) -> Token | None:
    """ "a number of writers suggested", "most of them said": the people counted speak, not the number (and
    "all of this tells us" names no speaker)."""
    lex = lexicons()
    if subj is None or not (subj.lemma_.lower() in lex.quantity_nouns or subj.lower_ in lex.subject_pronouns):
        return subj
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), subj) if of is not None else subj


def _left_phrase(cue: Token) -> tuple[int, int] | None:
    """The noun phrase right before a subjectless cue, for parses broken by a missing line.

    "... of North Korea's Permanent Mission to the UN said" gives "North Korea's Permanent Mission to
    the UN": the phrase headed by the word before the cue, extended over "to/of/for/at" and the phrase
    before it. Read off the parse around the cue (no noun-chunk scan: that walks the whole document).
    """
    doc, sent = cue.doc, cue.sent
    i = cue.i - 1
    if i > sent.start and doc[i].pos_ == "ADV":
        i -= 1
    title = doc[i - 1] if i - 1 > sent.start and doc[i].text == "," else None
    if title is not None and title.dep_ == "appos" and title.head.i < title.i and title.head.pos_ == "PROPN":
        i = title.head.i  # "Tom Molomby, SC, said": the name before its title
    if i < sent.start or doc[i].pos_ not in ("NOUN", "PROPN", "PRON") or not is_source_like(doc[i]):
        return None
    if doc[i].dep_ == "pobj" and doc[i].head.lower_ in lexicons().place_prepositions:
        return None  # "... motivating black voters in Florida shows ...": where, not who
    head = doc[i]
    start = max(head.left_edge.i, sent.start)
    prep = doc[start - 1] if start - 1 >= sent.start else None
    owner = doc[start - 2] if start - 2 >= sent.start else None
    if prep is not None and owner is not None and prep.lower_ in ("to", "of", "for", "at"):
        if owner.pos_ in ("NOUN", "PROPN") and is_source_like(owner):  # adjacent, whatever the parse says
            start = max(owner.left_edge.i, sent.start)
    if any(t.is_punct for t in doc[start:i]):
        start = max(t.i for t in doc[start:i] if t.is_punct) + 1
    return start, i + 1


def _circumstance(child: Token, verb: Token) -> bool:
    """ "Though he has heralded plans ..., experts say ...", "Asked about it, she said ...": a subordinate clause
    put before the speaker sets the scene of the saying; what is said is the verb's other clause."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return (
        child.dep_ == "advcl"
        and subj is not None
        and child.right_edge.i < subj.left_edge.i
        and any(c.dep_ in ("ccomp", "parataxis") and c.i > verb.i for c in verb.children)
    )


def _content_of(verb: Token, exclude: set[int]) -> set[int]:
    content: set[int] = set()
    naming = _names_as(verb)
    taken = _taken_as(verb) and verb.lemma_.lower() in lexicons().construal_verbs
    liken = verb.lemma_.lower() in lexicons().likening_verbs
    phrasing = verb.lemma_.lower() in lexicons().phrasing_verbs and _as_put_it(verb)
    for child in verb.children:
        if phrasing and child.dep_ == "dobj":
            continue  # "as the memo put it": "it" is the clause the frame is set into, not a content
        if (
            (child.dep_ in CONTENT_DEPS and not _circumstance(child, verb))
            or (naming and child.dep_ == "oprd")
            or (taken and child.dep_ == "prep" and (child.lower_ == "as" or (liken and child.lower_ == "to")))
        ):
            content |= _subtree_ids(child)
    if not content and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The proposal is vague about who would be eligible, experts say, including ...": a frame set into the
        # clause it reports
        content = _subtree_ids(verb.head) - _subtree_ids(verb)
    if not content:  # broken parse: the words right after the cue, up to the next clause boundary
        content = _following_clause(verb)
    return content - exclude


def _following_clause(tok: Token, limit: int = 25) -> set[int]:
    """Tokens after a cue until punctuation that closes a clause, a quotation mark or the sentence end."""
    out: set[int] = set()
    for t in tok.doc[tok.i + 1 : min(tok.sent.end, tok.i + 1 + limit)]:
        if t.text in (".", ";", "?", "!") or (t.is_quote and out):
            break
        out.add(t.i)
    return out


def _frame(verb: Token, source: tuple[int, int] | None) -> set[int]:
    frame = {verb.i}
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "advmod", "punct", "mark") and abs(child.i - verb.i) <= 3:
            frame.add(child.i)
    if source:
        frame |= set(range(*source))
    return frame


def _verb_read_as_noun(tok: Token) -> bool:
    """ "But Trump claims that he should be ...": a verb tagged as a plural noun, yet with a subject and a
    reported clause of its own."""
    deps = {c.dep_ for c in tok.children}
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"
        and "ccomp" in deps
        and ("nsubj" in deps or _noun_subject(tok) is not None)
    )


def _noun_subject(tok: Token) -> Token | None:
    """ "But Trump claims that ...", parsed as the noun "claims" with "Trump" its compound: the name right
    before a plural noun that governs a "that" clause is the subject of a verb the tagger took for a noun."""
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is None or prev.dep_ != "compound" or prev.head.i != tok.i or prev.pos_ != "PROPN":
        return None
    if not any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in tok.children
    ):
        return None
    return prev


def _reports_nothing(tok: Token, polarity: str) -> bool:
    """Reporting verbs that report nothing where they stand (each case with its example below)."""
    if not (tok.pos_ in ("VERB", "AUX") or _verb_read_as_noun(tok)) or tok.dep_ == "amod":
        return True  # "over Reported Russian-DPRK Military Cooperation": a participle describing a noun
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and not is_source_like(tok.head)
        and not any(c.dep_ == "agent" for c in tok.children)
    ):  # "the poll released Friday shows ...": the participle describes the poll, the poll speaks (but "this
        return True  # picture released by North Korea's KCNA" names who stands behind the picture)
    lemma = tok.lemma_.lower()
    if polarity == "deny" and any(c.dep_ in ("dative", "iobj") for c in tok.children):
        return True  # "denied him medical care": withholding, not a denial
    if tok.tag_ == "VBG" and tok.i == tok.sent.start and not _own_subject(tok) and not _clausal(tok):
        return True  # "Discussing his concern in a public statement, X said ...": the scene of the saying, not a report
    if lemma in lexicons().displaying_verbs and not _clausal(tok) and not _carrier_subject(tok):
        return True  # "Trump's supporters continue to show signs of enthusiasm": showing a thing reports nothing
    if (lemma in lexicons().clausal_verbs or tok.lower_[:-1] in lexicons().clausal_verbs) and (
        not _governs_clause(tok) or tok.dep_ == "relcl"
    ):
        return True  # "the people who want to break up the banks" describes them; it attributes nothing
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return True  # "smart for the president to say ...": what someone might say, not what they said
    if (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and tok.lemma_.lower() in lexicons().implicative_verbs
        and not _own_subject(tok)
    ):
        return True  # "Trump has been disrespecting veterans, proving he's unfit": what the deed shows, no report
    return False


def _carrier_subject(verb: Token) -> bool:
    """Whether a verb's subject may show what it reports: a carrier of information ("the poll shows"), a name or a
    share ("Putin showed", "40 percent showed"; left to the other rules), or none found (a broken parse); not a
    described person ("supporters continue to show signs of ...")."""
    subj = _subject(verb)
    return subj is None or _carrier(subj) or subj.ent_type_ in ("PERCENT", "ORG") or subj.pos_ == "PROPN"


def _passive_cue(tok: Token, polarity: str) -> tuple[bool, Cue | None]:
    """What a passive reporting verb reports, if that is decided here: (True, None) nothing, (True, cue) an
    unattributed report, (False, None) read it as any verb (its "by X" agent speaks; ``_subject``)."""
    if _in_quotation(tok) or not _propositional(tok):
        return True, None  # "The body was found in a river", "the briefing was first reported by The Post": a
        # thing reported, no proposition; '"This is discussed with the West"': inside a quotation the speaker states it
    if _passive_report(tok):
        # "North Korea is believed to have sent troops", "she was asked to ...", "Mr. Quiros was accused of using
        # ...": a passive report's subject is what it is about; who believes, asks or accuses is not named
        frame = _frame(tok, None)
        return True, Cue(tok.i, tok.text, polarity, None, frozenset(_content_of(tok, frame)), frozenset(frame))
    return False, None


def verb_cue(tok: Token) -> Cue | None:
    """A reporting verb with a source-like subject (or a passive with none: "it was reported")."""
    polarity = _verb_polarity(tok)
    if polarity is None or _reports_nothing(tok, polarity):
        return None
    named = _apposed(_subject(tok))
    if named is not None and _nobody(named):
        return None  # "No one has disputed a word I said", "None of them claimed ...": nobody reports anything
    if named is not None and named.dep_ == "nsubjpass" and (named.head.i == tok.i or _own_passive(tok)):
        decided, cue = _passive_cue(tok, polarity)
        if decided:
            return cue
    subj = _counted(named)
    counted = subj is not named and named is not None and named.head.i == tok.i and named.dep_ == "nsubj"
    if (
        subj is not None
        and subj.lower_ in RELATIVE_PRONOUNS
        and tok.dep_ == "relcl"
        and (is_source_like(tok.head) or _speaks(tok.head, tok))
    ):
        subj = tok.head  # "..., who said ...": the relative clause's antecedent speaks
    own = subj is not None and subj.head.i == tok.i
    owner = _carrier_owner(subj) if own and subj is not None and subj.pos_ == "NOUN" else None
    generic = owner is None and subj is not None and not is_source_like(subj) and _speaks(subj, tok)
    participle = tok.dep_ == "advcl" or (tok.dep_ == "conj" and tok.head.dep_ == "advcl" and tok.head.tag_ == "VBG")
    # "..., each touting their own experience and saying the other lacks ...": the participle's own subject speaks
    borrowed = participle and tok.tag_ == "VBG" and subj is not None and subj.dep_ == "nsubj"
    # "Scott's family has called on police to ... and called on people to ...": the coordinated verb's subject
    shared = (  # (when the first verb is a report its subject speaks in: "Protest videos show ... and calling" is not)
        tok.dep_ == "conj"
        and subj is not None
        and subj.dep_ == "nsubj"
        and subj.head.i == tok.head.i
        and _verb_polarity(tok.head) is not None
        and not _evidential(tok.head)
    )
    source: tuple[int, int] | None
    if (
        own
        and subj is not None
        and subj.pos_ == "NOUN"
        and subj.dep_ == "nsubj"
        and subj.lemma_.lower() in lexicons().hearsay_carriers
        and _unnamed_carrier(subj)
        and not any(c.dep_ == "prep" for c in subj.children)
    ):
        # "Recent reports have revealed that ...", "Reports say ...": no one is named behind them ("Posts on the
        # message board for the site Operation Clambake" say where they stand, and stay the posts there)
        frame = _frame(tok, (subj.left_edge.i, subj.i + 1))
        content = frozenset(_content_of(tok, frame) - _second_report(tok))
        return Cue(tok.i, tok.text, polarity, None, content, frozenset(frame))
    if owner is not None:
        source = owner  # "A Bloomberg poll shows that", "This image provided by the U.S. Navy shows"
    elif subj is not None and (
        is_source_like(subj)
        or (generic and ((own and subj.dep_ == "nsubj") or tok.dep_ == "relcl" or borrowed or counted or shared))
        or (own and subj.lower_ == "it" and subj.dep_ == "nsubj" and subj.i < tok.i)
    ):
        source = source_phrase(by_name(subj))
    elif own:
        return None  # "videos show ..." is evidence, not attribution
    elif subj is None and tok.dep_ == "acl" and is_source_like(tok.head) and tok.head.i < tok.i and _quoted_as(tok):
        source = source_phrase(tok.head)  # "quoted U.S. officials saying ...", "cited a diplomat as saying ..."
    elif subj is None and tok.dep_ == "acl" and tok.head.dep_ == "dobj" and (sender := _sender(tok.head.head)):
        source = sender  # "The Vermont senator emailed supporters saying ...": who sent it says it
    else:  # no subject of its own: a broken parse, or one borrowed from a verb far away
        source = _left_phrase(tok)
        if source is None and subj is not None:
            return None
    negated = any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ == "conj" and any(c.dep_ == "neg" for c in tok.head.children)
    )
    if negated and polarity in ("deny", "assert"):
        polarity = "neutral"  # "did not deny", "has not confirmed or denied": neither asserts nor denies
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WITHHOLDING:
        polarity = "neutral"  # "declined to confirm", "refused to comment"
    frame = _frame(tok, source)
    content = frozenset(_content_of(tok, frame) - _second_report(tok))
    return Cue(tok.i, tok.text, polarity, source, content, frozenset(frame), generic=generic and source is not None)


def _second_report(verb: Token) -> set[int]:
    """ "They claimed Paris was a volunteer and claim she has ...": the parser hangs the second report on the first
    one's clause; the same verb of saying coordinated there, with no subject of its own, reports its own clause."""
    out: set[int] = set()
    for t in verb.subtree:
        if (
            t.dep_ == "conj"
            and t.i > verb.i
            and t.lemma_.lower() == verb.lemma_.lower()
            and t.head.i != verb.i
            and not _own_subject(t)
        ):
            out |= _subtree_ids(t) | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
    return out


def noun_cue(tok: Token) -> Cue | None:
    """A reporting noun with its owner: "Ukraine's Security Service's claim that ..."."""
    polarity = lexicons().noun_polarity.get(tok.lemma_.lower())
    if polarity is None or tok.pos_ != "NOUN":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    pronoun = owner is not None and owner.lower_ in ("its", "their", "his", "her")
    if owner is None or not (pronoun or is_source_like(owner)) or (pronoun and (nxt is None or nxt.lower_ != "that")):
        return None  # "his claim that ..." reports; "their statement on ..." only names one
    source = source_phrase(owner)
    frame = set(range(*source)) | {tok.i}
    content = {
        t.i
        for c in tok.children
        if c.dep_ in ("acl", "ccomp", "relcl") and not _happens_to(c)  # "asylum claim being withdrawn"
        for t in c.subtree
    }
    if not content and nxt is not None and nxt.lower_ == "that":
        content = _following_clause(tok)
    if not content:
        return None  # "Kim's comments" names a statement but reports nothing
    return Cue(tok.i, tok.text, polarity, source, frozenset(content - frame), frozenset(frame))


def _quoted_as(participle: Token) -> bool:
    """Whether the noun a participle of saying hangs on is who says it: "Clinton, casting herself as ...", "quoted
    U.S. officials saying ..."; not the object of a verb that does not report ("emailed supporters saying ...",
    where the sender speaks)."""
    noun = participle.head
    return noun.dep_ != "dobj" or _verb_polarity(noun.head) is not None


def _sender(verb: Token) -> tuple[int, int] | None:
    """Who sends a message, as a phrase: the source-like subject of a verb of sending."""
    if verb.lemma_.lower() not in lexicons().sending_verbs:
        return None
    subj = _subject(verb)
    return source_phrase(subj) if subj is not None and is_source_like(subj) else None


def _happens_to(clause: Token) -> bool:
    """A passive participle after a noun tells what is done to it ("an asylum claim being withdrawn"), not what
    it says."""
    return clause.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in clause.children)


ATTITUDE_PREPS = frozenset({"over", "about", "at", "for", "on", "regarding", "with", "in", "to"})


def attitude_cue(tok: Token) -> Cue | None:
    """ "X expressed deep concern over Y", "voiced support for", "renewed his call for": a light verb whose
    object is an attitude noun gives its subject that attitude about what the noun governs."""
    lex = lexicons()
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj":
        return None
    nouns = lex.attitude_nouns | lex.neutral_attitude_nouns
    if tok.lemma_.lower() not in nouns and tok.lower_ not in nouns:
        return None
    verb = tok.head
    if verb.lemma_.lower() not in lex.light_verbs:
        return None
    subj = _apposed(_subject(verb))
    if subj is None or not (is_source_like(subj) or _speaks(subj, verb)):
        return None
    content = {
        t.i
        for c in tok.children
        if (c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS) or c.dep_ in ("acl", "ccomp", "relcl", "advcl")
        for t in c.subtree
    }
    if not content:
        return None  # "expressed concern" about nothing named: no content to attribute
    source = source_phrase(subj)
    frame = _frame(verb, source) | {tok.i} | {c.i for c in tok.children if c.dep_ in ("amod", "det", "poss")}
    neutral = tok.lower_ in lex.neutral_attitude_nouns or tok.lemma_.lower() in lex.neutral_attitude_nouns
    polarity = "neutral" if neutral else "assert"
    words = tok.doc[min(verb.i, tok.i) : max(verb.i, tok.i) + 1].text  # as written: "expressed deep concern"
    return Cue(tok.i, words, polarity, source, frozenset(content - frame), frozenset(frame))


def carrier_cue(tok: Token) -> Cue | None:
    """ "videos on CNN", "a report by the ministry": a named carrier of information is the source.

    Only named organisations and people count (not places: "images from Kursk" name no source).
    """
    if tok.pos_ != "NOUN" or not _carrier(tok):
        return None
    owner = _named_owner(tok)
    if owner is not None and tok.i + 1 < tok.sent.end and tok.doc[tok.i + 1].lower_ == "about":
        return None  # "U.S. findings about the ship": what the findings are on, not what they say
    if owner is not None:  # "a Reuters report that ...", "the agency's images of ..."
        source = owner
        frame = set(range(owner[0], tok.i + 1))
        content = {t.i for t in tok.sent if t.i > tok.i}
        return Cue(tok.i, tok.text, "assert", source, frozenset(content), frozenset(frame))
    # "videos on CNN" names a publisher; "a statement on influence efforts" a topic
    preps = ("from", "by") if tok.lemma_.lower() in lexicons().topical_carriers else ("on", "from", "by", "in")
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps), None)
    if prep is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in preps[:3]:
        prep = tok.doc[tok.i + 1]  # a broken parse still has the words in order (but "in" is too common)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.ent_type_ not in ("ORG", "PERSON"):
        return None
    source = source_phrase(pobj)
    frame = set(range(tok.i, source[1]))
    content = {t.i for t in tok.sent if t.i >= source[1]}
    return Cue(tok.i, tok.text, "assert", source, frozenset(content), frozenset(frame))


def _carrier_owner(noun: Token) -> tuple[int, int] | None:
    """Who a report, image, poll or study comes from, when the text names them: "Bloomberg" in "a Bloomberg
    poll", "the U.S. Navy" in "an image provided by the U.S. Navy"."""
    if not _carrier(noun):
        return None
    owner = _named_owner(noun)
    if owner is not None:
        return owner
    held = lexicons().held_by_verbs  # "a letter seen by Sky News": who holds it, not who wrote it
    heads = {noun.i, *(c.i for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() not in held)}
    for t in noun.subtree:
        if t.lower_ in ("by", "from") and t.head.i in heads:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("ORG", "PERSON", "GPE"):
                return source_phrase(obj)
    return None


def _named_owner(noun: Token) -> tuple[int, int] | None:
    """A named organisation, person or state right before a carrier noun, possessive or not ("U.S. evidence")."""
    doc, i = noun.doc, noun.i - 1
    while i > noun.sent.start and doc[i].dep_ == "compound" and doc[i].pos_ == "NOUN" and doc[i].ent_iob_ == "O":
        i -= 1  # "the Reuters/Ipsos opinion poll": the owner before the carrier's own compound nouns
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < noun.sent.start or doc[i].ent_type_ not in ("ORG", "PERSON", "GPE") or doc[i].ent_iob_ == "O":
        return None
    start = i
    while start > noun.sent.start and doc[start].ent_iob_ == "I":
        start -= 1
    return start, i + 1


def _identified_work(noun: Token) -> bool:
    """ "a new poll", "federal data", "a 2015 study": someone's work that the text tells apart, and so a source
    a reader can look up; not "a report", "new reports" or "unverified reports" (no one can say which)."""
    if noun.lemma_.lower() not in lexicons().identified_works:
        return False
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "nummod", "compound")]
    return bool(modifiers) and not any(c.lower_ in lexicons().hedge_words for c in modifiers)


def _unnamed_carrier(noun: Token) -> bool:
    """ "unverified posts", "recent reports", "an Internet posting": a carrier nobody is named behind, and not one
    the text tells apart ("a new poll") or points back at ("the poll", after "A Bloomberg poll shows ...")."""
    return (
        _carrier(noun)
        and _carrier_owner(noun) is None
        and not _identified_work(noun)
        and not any(c.dep_ in ("poss", "compound") for c in noun.children)
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
    )


def words_cue(tok: Token) -> Cue | None:
    """ "in the words of the Crown prosecutor, Mark Tedeschi, ...", "in his own words": the rest of the sentence is
    theirs, as after "according to"."""
    if tok.lower_ != "words" or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    owner = owner or next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None or not is_source_like(owner):
        return None
    named = next((c for c in owner.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    source = source_phrase(named or owner)  # "the Crown prosecutor, Mark Tedeschi, QC": the name
    frame = {tok.head.i, tok.i, *range(owner.left_edge.i, owner.right_edge.i + 1)}
    after = {t.i for t in tok.sent if t.i > max(frame)}
    # what follows the frame is theirs; a frame closing its sentence ("..., in his words") takes what came before
    content = after if any(tok.doc[i].is_alpha for i in after) else {t.i for t in tok.sent if t.i < tok.head.i}
    return Cue(tok.i, "in the words of", "assert", source, frozenset(content), frozenset(frame))


def according_cue(tok: Token) -> Cue | None:
    """ "according to X": the rest of the sentence is X's."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        to = tok.doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    owner = _carrier_owner(pobj) if pobj is not None and _carrier(pobj) else None
    unnamed = pobj is not None and owner is None and _unnamed_carrier(pobj)
    # "according to a statement posted online", "according to unverified posts": nobody is named; the
    # sentence's own cue may say whose, else the content has no known origin
    # "according to an analysis by Lily Batchelder, ...": whose the carrier is, when the text says
    source = owner or (source_phrase(by_name(pobj)) if pobj is not None and not unnamed else None)
    frame = {tok.i, to.i} | (set(range(*source)) if source else set(t.i for t in pobj.subtree) if pobj else set())
    if pobj is not None and (owner is not None or by_name(pobj).i != pobj.i):
        frame |= {t.i for t in pobj.subtree}  # the carrier and its owner, the role and its name, are the frame
    content = {t.i for t in tok.sent} - frame
    return Cue(tok.i, "according to", "assert", source, frozenset(content), frozenset(frame))
