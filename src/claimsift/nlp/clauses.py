"""Splits a parsed sentence into clause-sized segments, the unit a claim is made of.

A segment is a contiguous run of tokens that belong to the same clause head (the nearest ancestor
that is a verb heading a clause). Glued transcript fragments have several such heads per "sentence",
so this also keeps a statement from spilling over a missing line into the next speaker's words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "parataxis", "relcl", "conj", "acl", "xcomp"})
"""Dependencies of a clause's own head. A clausal subject is not one: "What has happened to him | is yet more
proof of ..." is one statement, its subject and what is said of it."""
MIN_WORDS = 5


def is_clause_head(tok: Token) -> bool:
    """Verbs (and copulas) that head their own clause."""
    return _heads_clause(tok, {c.dep_ for c in tok.children})


def _heads_clause(tok: Token, child_deps: set[str] | frozenset[str]) -> bool:
    """is_clause_head, given the dependency labels of the token's children (gathered once per sentence)."""
    if tok.dep_ not in CLAUSE_DEPS:
        return False
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ in ("xcomp", "acl"):
        # "expected to be deployed" and "troops deployed to ..." stay inside their clause
        return bool(child_deps & {"nsubj", "nsubjpass", "mark"})
    if tok.dep_ == "conj":
        return bool(child_deps & {"nsubj", "nsubjpass"})
    return True


def _child_deps(sent: Span) -> list[set[str]]:
    """The dependency labels of each token's children, in one pass over the sentence (``Token.children``
    scans a token's whole subtree, which on a chain of heads is most of the sentence)."""
    deps: list[set[str]] = [set() for _ in sent]
    for tok in sent:
        head = tok.head.i
        if head != tok.i and sent.start <= head < sent.end:
            deps[head - sent.start].add(tok.dep_)
    return deps


def clause_owners(sent: Span) -> list[int]:
    """Doc index of the clause head each token of a sentence belongs to, in sentence order.

    A token's owner is itself if it heads a clause (or its head is itself or outside the sentence), else its
    head's owner. Each owner is found once and remembered, and the walk up the tree is a loop, not recursion:
    a long chain of heads ("the commander of the unit of the brigade of ...") costs one pass, where walking
    up from every token took time quadratic in the sentence's length.
    """
    start, end, doc = sent.start, sent.end, sent.doc
    child_deps = _child_deps(sent)
    owners = [-1] * (end - start)  # -1: not known yet
    for tok in sent:
        path: list[int] = []  # tokens walked through, whose owner is the one the walk ends at
        cur = tok
        while owners[cur.i - start] < 0:
            head = cur.head.i
            stop = head == cur.i or not start <= head < end or len(path) >= end - start  # (a cycle would loop)
            if stop or _heads_clause(cur, child_deps[cur.i - start]):
                owners[cur.i - start] = cur.i
                break
            path.append(cur.i)
            cur = doc[head]
        for i in path:
            owners[i - start] = owners[cur.i - start]
    return owners


def _run_head(run: Span, owners: list[int], sent_start: int) -> int | None:
    """The clause head a run of tokens belongs to (its first word's), from the sentence's ``owners``."""
    first = next((t for t in run if not t.is_punct), None)
    return owners[first.i - sent_start] if first is not None else None


def _introduces(doc: Doc, head: int, nxt: int | None) -> bool:
    """Whether the clause of one run governs the next run's clause, as a frame governs what it reports."""
    return nxt is not None and doc[nxt].head.i == head and doc[nxt].dep_ in ("ccomp", "xcomp") and nxt > head


def _alpha_counts(sent: Span) -> list[int]:
    """Running count of words: entry k is the number of alphabetic tokens among the sentence's first k, so the
    words of any stretch cost one subtraction instead of a scan."""
    counts = [0]
    for tok in sent:
        counts.append(counts[-1] + tok.is_alpha)
    return counts


def _runs(sent: Span, owners: list[int]) -> list[list[int]]:
    """[start, end) token ranges of consecutive tokens with one owner; punctuation goes with the run before."""
    runs: list[list[int]] = []
    prev_owner: int | None = None
    for tok in sent:
        own = owners[tok.i - sent.start]
        if runs and (own == prev_owner or tok.is_punct):
            runs[-1][1] = tok.i + 1
        else:
            runs.append([tok.i, tok.i + 1])
        if not tok.is_punct:
            prev_owner = own
    return runs


EMBEDDED = frozenset({"relcl", "acl"})


def _embedded_in(doc: Doc, head: int | None, a: int, b: int) -> bool:
    """Whether a run's clause head is a relative clause on a word of tokens [a, b)."""
    return head is not None and doc[head].dep_ in EMBEDDED and a <= doc[head].head.i < b


def _rejoin_interrupted(sent: Span, owners: list[int], runs: list[list[int]]) -> list[list[int]]:
    """One run for a clause that a relative clause interrupts: "all of this along with the false flag
    operations | we've seen unfold | tells us that ..." is one statement, its subject and its verb together."""
    doc = sent.doc
    heads = [_run_head(doc[a:b], owners, sent.start) for a, b in runs]
    out: list[list[int]] = []
    k = 0
    while k < len(runs):
        a, b = runs[k]
        j = k + 1
        while j < len(runs) and _embedded_in(doc, heads[j], a, b):
            j += 1  # relative clauses on a noun of this run
        whole = j < len(runs) and sum(t.is_alpha for t in doc[a : runs[j][1]]) <= LONG_WORDS
        if j > k + 1 and whole and heads[j] == heads[k]:
            out.append([a, runs[j][1]])  # the clause goes on after them (unless the whole is too long to keep)
            k = j + 1
        else:
            out.append([a, b])
            k += 1
    return out


def segments(sent: Span) -> list[tuple[int, int]]:
    """Contiguous [start, end) token ranges, one per clause run; tiny runs join a neighbour."""
    owners = clause_owners(sent)
    runs = _rejoin_interrupted(sent, owners, _runs(sent, owners))
    counts = _alpha_counts(sent)

    def words(a: int, b: int) -> int:
        return counts[b - sent.start] - counts[a - sent.start]

    merged: list[list[int]] = []
    doc = sent.doc
    heads = [_run_head(doc[a:b], owners, sent.start) for a, b in runs]
    pending: int | None = None  # start of a tiny run that introduces the next one
    for k, run in enumerate(runs):
        start = run[0] if pending is None else pending
        pending = None
        tiny = words(run[0], run[1]) < MIN_WORDS
        head = heads[k]
        if tiny and k + 1 < len(runs) and head is not None and _introduces(doc, head, heads[k + 1]):
            # "though she acknowledged | it was unlikely": the frame goes with what it frames, and takes its
            # subject along when a clause of its own cut them apart ("The officials, who spoke ..., did not say")
            subj = next((c.i for c in doc[head].children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if merged and subj is not None and merged[-1][0] <= subj < merged[-1][1]:
                start = merged.pop()[0]
            pending = start
            continue
        if merged and tiny:
            merged[-1][1] = run[1]
        elif merged and words(merged[-1][0], merged[-1][1]) < MIN_WORDS:
            merged[-1][1] = run[1]
        else:
            merged.append([start, run[1]])
    if pending is not None:
        merged.append([pending, sent.end])
    out: list[tuple[int, int]] = []
    for a, b in merged:
        out += _split_long(doc[a:b], words(a, b))
    return out


LONG_WORDS = 30
"""A clause this long is usually several statements glued together (a transcript, a run-on list)."""
PIECE_WORDS = 8
BREAKS = frozenset({",", ";", '"', "“", "”", "—", "–"})


def _split_long(span: Span, n_words: int) -> list[tuple[int, int]]:
    """Cut an over-long segment (``n_words`` words) at commas, dashes and quotation marks into pieces of a
    clause's size."""
    if n_words <= LONG_WORDS:
        return [(span.start, span.end)]
    pieces: list[tuple[int, int]] = []
    start, words, seen = span.start, 0, 0
    for tok in span:
        words += tok.is_alpha
        seen += tok.is_alpha
        rest = n_words - seen  # words after this token
        if tok.text in BREAKS and words >= PIECE_WORDS and rest >= MIN_WORDS:
            pieces.append((start, tok.i + 1 if tok.text in (",", ";") else tok.i))
            start, words = (tok.i + 1 if tok.text in (",", ";") else tok.i), 0
    pieces.append((start, span.end))
    return pieces
