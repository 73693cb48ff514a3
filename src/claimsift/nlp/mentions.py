"""Named-entity mentions of a parsed document: spaCy's entities plus every gazetteer alias occurrence.

In lower-case text (auto-captions) aliases are matched whatever their case, and win over the model's
entities they overlap: the model learned names from capitals.

Alias occurrences nested in a longer name count too ("Ukraine" in "the Ukraine Center for ..."):
that place is mentioned there, and a reader searching for it expects to find it.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimsift.lexicons import lexicons
from claimsift.model import Mention

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
    """Drop a leading "the" and a trailing possessive from an entity span."""
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


def mentions(doc: Doc, doc_id: str) -> list[Mention]:
    """Entity mentions in text order; an alias hit fixes a wrong NER label (Kursk is not a PRODUCT)."""
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
        if label in KEEP_LABELS:
            spans.setdefault((s, e), label)
    out = []
    for (s, e), label in sorted(spans.items()):
        span = doc[s:e]
        out.append(Mention(doc=doc_id, start=span.start_char, end=span.end_char, text=span.text, label=label))
    return out
