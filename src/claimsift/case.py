"""Cases: a question followed for weeks, as a database that grows document by document.

The library API the ``claimsift case`` commands (and the web app) call. Adding documents parses only the
new ones (``nlp.process``, through ``batch``) and stores their facts; everything across documents (entities,
sources, evidence groups, verdicts, belief over time) is recomputed from the stored facts by
``analysis.assemble``, which never parses, so it always reflects the whole case and the analyst's latest
hypotheses and reliability letters.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, TypedDict, Unpack

from claimsift.analysis import assemble, make_hypotheses
from claimsift.assess.history import Step, as_dicts, belief_history
from claimsift.assess.reliability import LETTERS
from claimsift.batch import Parsed, parse_stream
from claimsift.case_evidence import refresh
from claimsift.errors import InputError, UsageError
from claimsift.ingest import expand, is_address, read_documents, read_feed
from claimsift.model import Analysis, Document, Hypothesis
from claimsift.report.html import render_html
from claimsift.report.json_report import to_dict
from claimsift.report.markdown import escape, render_markdown
from claimsift.safe_text import escape_controls_in_json
from claimsift.store import Store, check, content_hash

STDIN = "-"
EventKind = Literal["added", "skipped", "failed", "ignored"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AddEvent:
    """What happened to one document (or to an input that could not be read)."""

    kind: EventKind
    path: str
    message: str
    document: str | None = None
    """The document's id in the case, when it was added."""
    weight: float = 1.0
    """The share of one input file this stands for (a JSON file can hold several documents)."""


@dataclass(slots=True)
class AddReport:
    """The outcome of ``add_paths``: every document added, skipped or failed, in input order."""

    files: int = 0
    added: list[AddEvent] = field(default_factory=list)
    skipped: list[AddEvent] = field(default_factory=list)
    failed: list[AddEvent] = field(default_factory=list)
    ignored: list[AddEvent] = field(default_factory=list)
    """Symbolic links in a folder that were not followed (they lead outside it, or loop): a warning each."""
    interrupted: bool = False
    """True when Ctrl-C stopped the run: every document reported added is whole in the case, no other is."""

    def summary(self) -> str:
        """One line: added 12 documents, skipped 3 already in the case, 1 failed."""
        n = len(self.added)
        head = f"added {n} document{'' if n == 1 else 's'}"
        if self.skipped:
            head += f", skipped {len(self.skipped)} already in the case"
        if self.failed:
            head += f", {len(self.failed)} failed"
        if self.ignored:
            head += f", ignored {len(self.ignored)} symbolic link{'' if len(self.ignored) == 1 else 's'}"
        return ("interrupted: " if self.interrupted else "") + head


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseAssessment:
    """A whole-case analysis and, per hypothesis id, how belief moved over time."""

    analysis: Analysis
    history: dict[str, tuple[Step, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceLine:
    """A source as the case sees it after canonicalisation across documents."""

    name: str
    claims: int
    documents: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseSummary:
    """What ``claimsift case show`` prints."""

    location: str
    version: int
    documents: tuple[Document, ...]
    claims: dict[str, int]
    """Claims per document id."""
    sources: tuple[SourceLine, ...]
    assessment: CaseAssessment
    overrides: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineRow:
    """One claim on the timeline."""

    claim: str
    event_date: str | None
    stated_date: str | None
    published: str | None
    doc: str
    source: str
    stance: dict[str, str]
    text: str


def _extractor() -> str:
    from claimsift import __version__

    return __version__


def init_case(case: str) -> tuple[str, bool]:
    """Create a case (or bring an existing one to the latest schema): its location and whether it is new.

    Example:
        >>> init_case("nk_troops.db")
    """
    with Store.open(case, create=True) as store:
        return store.location, store.created


def add_hypothesis(case: str, text: str, prior: float = 0.5) -> Hypothesis:
    """Add a hypothesis to weigh; it gets the next id (H1, H2, ...)."""
    make_hypotheses([text], prior)  # the same validation as analyze: raises UsageError
    if not text.strip():
        raise UsageError("a hypothesis needs some text, such as 'North Korean troops are deployed in Russia'")
    with Store.open(case) as store:
        return store.add_hypothesis(text, prior)


def set_reliability(case: str, source: str, letter: str) -> str:
    """Set the analyst's Admiralty letter (A-F) for a source name; the letter as stored."""
    value = letter.strip().upper()
    if len(value) != 1 or value not in LETTERS:
        raise UsageError(f"reliability letter must be one of {', '.join(LETTERS)}, got {letter!r}")
    if not source.strip():
        raise UsageError('name the source, such as "South Korea\'s National Intelligence Service"')
    with Store.open(case) as store:
        store.set_reliability(source.strip(), value)
    return value


def _assess(store: Store) -> CaseAssessment:
    facts = list(store.facts())
    hypotheses = store.hypotheses()
    overrides = store.reliability()
    analysis = assemble(facts, hypotheses, overrides)
    published = {f.document.id: f.document.published for f in facts}
    history = belief_history(analysis.claims, analysis.groups, hypotheses, published, overrides)
    return CaseAssessment(analysis=analysis, history=history)


def assess_case(case: str, *, record: bool = True) -> CaseAssessment:
    """Assess every hypothesis over the whole case from stored facts (nothing is parsed).

    Args:
        record: Keep a snapshot of the verdicts in the case; without it the case is opened read-only.
    """
    with Store.open(case, readonly=not record) as store:
        result = _assess(store)
        if record:
            store.record(result.analysis.assessments, len(result.analysis.documents))
    return result


def _sources(analysis: Analysis) -> tuple[SourceLine, ...]:
    by_origin: dict[str, tuple[str, set[str], set[str]]] = {}
    for g in analysis.groups:
        label, claims, docs = by_origin.setdefault(g.origin, (g.label, set(), set()))
        claims.update(g.claims)
        docs.update(g.documents)
    lines = [SourceLine(name=label, claims=len(c), documents=len(d)) for label, c, d in by_origin.values()]
    return tuple(sorted(lines, key=lambda s: (-s.claims, s.name.casefold())))


def show(case: str) -> CaseSummary:
    """Documents, sources (canonical across documents) and the hypotheses with their current verdicts.

    Reads only: the case is opened read-only (a read-only file works; a file that is not a case is left as is).
    """
    with Store.open(case, readonly=True) as store:
        result = _assess(store)
        overrides = store.reliability()
        location, version = store.location, store.version
    return _summary(location, version, result, overrides)


def summary_of(case: str, result: CaseAssessment) -> CaseSummary:
    """``show``'s summary around an assessment already made of the case (a server keeps one while the case is
    unchanged): only the case's name, version and reliability overrides are read."""
    with Store.open(case, readonly=True) as store:
        return _summary(store.location, store.version, result, store.reliability())


def _summary(location: str, version: int, result: CaseAssessment, overrides: dict[str, str]) -> CaseSummary:
    analysis = result.analysis
    claims: dict[str, int] = {d.id: 0 for d in analysis.documents}
    for c in analysis.claims:
        claims[c.doc] = claims.get(c.doc, 0) + 1
    return CaseSummary(
        location=location,
        version=version,
        documents=analysis.documents,
        claims=claims,
        sources=_sources(analysis),
        assessment=result,
        overrides=overrides,
    )


def timeline(case: str) -> list[TimelineRow]:
    """Every claim in date order (event date, else statement date, else publication); undated ones last."""
    analysis = assess_case(case, record=False).analysis
    published = {d.id: d.published for d in analysis.documents}
    labels = {g.id: g.label for g in analysis.groups}
    rows = [
        TimelineRow(
            claim=c.id,
            event_date=c.event_date,
            stated_date=c.stated_date,
            published=published.get(c.doc),
            doc=c.doc,
            source=labels.get(c.group or "", c.source.name),
            stance=dict(c.stance),
            text=c.text,
        )
        for c in analysis.claims
    ]
    return sorted(rows, key=lambda r: (r.event_date or r.stated_date or r.published or "~", r.doc, int(r.claim[1:])))


def check_case(case: str) -> list[str]:
    """Problems found in the case, one line each (empty when it is whole); the case is opened read-only."""
    with Store.open(case, readonly=True) as store:
        return check(store)


# adding documents


Emit = Callable[[AddEvent], None]


def _inputs(paths: Sequence[str], report: AddReport, emit: Emit) -> list[str]:
    """The files (and ``-``) the arguments name, folders expanded; a missing path is reported and skipped, and
    so is a symbolic link in a folder that leads outside it (``ignored``: a warning, not a failure)."""

    def ignored(path: str, reason: str) -> None:
        _note(report, emit, AddEvent(kind="ignored", path=path, message=reason, weight=0.0))

    files: list[str] = []
    for arg in paths:
        if arg == STDIN or is_address(arg):
            files.append(arg)
            continue
        try:
            files += [str(p) for p in expand(arg, on_skip=ignored)]
        except InputError as exc:
            _note(report, emit, AddEvent(kind="failed", path=exc.path, message=exc.reason))
    return files


def _note(report: AddReport, emit: Emit, event: AddEvent) -> None:
    lists = {"added": report.added, "skipped": report.skipped, "failed": report.failed, "ignored": report.ignored}
    lists[event.kind].append(event)
    emit(event)


def _new_documents(
    files: Sequence[str],
    published: str | None,
    store: Store,
    report: AddReport,
    emit: Emit,
    weights: deque[float],
    allow_private: bool = False,
) -> Iterator[Document]:
    """The documents of each file not yet in the case, read one file at a time; repeats reported as skipped."""
    seen: set[str] = set()
    for name in files:
        try:
            documents = read_documents([name], published=published, allow_private=allow_private)
        except InputError as exc:
            _note(report, emit, AddEvent(kind="failed", path=exc.path, message=exc.reason))
            continue
        weight = 1.0 / len(documents)
        for d in documents:
            sha = content_hash(d.text)
            if sha in seen or store.has_document(sha):
                _note(report, emit, AddEvent(kind="skipped", path=d.path, message="already in the case", weight=weight))
                continue
            seen.add(sha)
            weights.append(weight)
            yield d


def add_paths(
    case: str,
    paths: Sequence[str],
    *,
    published: str | None = None,
    jobs: int = 1,
    batch_size: int = 16,
    cluster: str | None = None,
    evidence: bool = True,
    on_event: Emit | None = None,
    on_start: Callable[[int], None] | None = None,
    allow_private: bool = False,
) -> AddReport:
    """Read, parse and store every new document the paths name, each in its own transaction.

    A document whose text is already in the case is skipped; one that cannot be read or parsed is reported
    and skipped, and the rest go on. Ctrl-C stops the run cleanly: the report says so and every document
    it lists as added is whole in the case.

    Args:
        paths: Files, folders (walked recursively), web addresses or ``-`` for standard input.
        published: YYYY-MM-DD; overrides every document's publication date.
        jobs: Worker processes that parse (each loads the pipeline once); the caller's process writes.
        batch_size: Documents per ``nlp.pipe`` batch; with ``jobs``, bounds the documents held in memory.
        cluster: A Dask scheduler address (``tcp://host:8786``) or ``local:N`` (a local cluster of N worker
            processes) that parses instead of ``jobs``; this process still writes (``claimsift.cluster``).
        evidence: Bring the stored evidence groups up to date once the documents are in (``case_evidence``), so
            ``case assess --verdicts`` reads groups only; without it the next ``case assess --verdicts`` does.
        on_event: Called for every document added, skipped or failed, as it happens.
        on_start: Called once with the number of input files, before the first is read (for a progress bar).
        allow_private: Fetch web addresses on loopback, private and link-local networks too.

    Example:
        >>> add_paths("nk_troops.db", ["reports/"], jobs=2).summary()
    """
    read_documents([], published=published)  # validates the date before any work: raises UsageError
    if jobs < 1 or batch_size < 1:
        raise UsageError(f"--jobs and --batch-size must be at least 1, got {jobs} and {batch_size}")
    if cluster is not None and jobs > 1:
        raise UsageError("give either --jobs (processes on this machine) or --cluster (a Dask cluster), not both")
    emit: Emit = on_event or (lambda event: None)
    report = AddReport()
    with Store.open(case) as store:
        with _parser(cluster, jobs, batch_size) as parse:
            files = _inputs(paths, report, emit)
            report.files = len(files) + len(report.failed)
            if on_start:
                on_start(report.files)
            weights: deque[float] = deque()
            documents = _new_documents(files, published, store, report, emit, weights, allow_private)
            try:
                for parsed in parse(documents):
                    _store_one(store, parsed, weights.popleft(), report, emit)
            except KeyboardInterrupt:
                report.interrupted = True
        if evidence and not report.interrupted:
            try:  # after the workers are gone; Ctrl-C here leaves the evidence stale for the next writer
                refresh(store)
            except KeyboardInterrupt:
                report.interrupted = True
    return report


class AddOptions(TypedDict, total=False):
    """The options of ``add_paths`` that ``add_feed`` takes and passes on (each described there)."""

    published: str | None
    jobs: int
    batch_size: int
    cluster: str | None
    evidence: bool
    on_event: Emit | None
    on_start: Callable[[int], None] | None
    allow_private: bool


def add_feed(case: str, feed: str, **options: Unpack[AddOptions]) -> AddReport:
    """Add the entries of an RSS or Atom feed that the case does not have yet; run it again to follow the feed.

    An entry whose address a document of the case came from is skipped without fetching; the others are
    fetched and added like web pages by ``add_paths``, where a page whose text the case already has is skipped.

    Args:
        feed: The feed's address.
        options: as for ``add_paths``.

    Raises:
        InputError: The feed cannot be fetched or is no feed.

    Example:
        >>> add_feed("nk_troops.db", "https://www.state.gov/rss-feed/press-releases/feed/").summary()
    """
    read_documents([], published=options.get("published"))  # validates the date first: raises UsageError
    entries = read_feed(feed, allow_private=options.get("allow_private", False))
    with Store.open(case) as store:
        known = store.addresses()
    emit: Emit = options.get("on_event") or (lambda event: None)
    old = [AddEvent(kind="skipped", path=e.url, message="already in the case") for e in entries if e.url in known]
    for event in old:
        emit(event)
    report = add_paths(case, [e.url for e in entries if e.url not in known], **options)
    report.skipped[:0] = old
    report.files += len(old)
    return report


Parser = Callable[[Iterator[Document]], Iterator[Parsed]]


@contextmanager
def _parser(cluster: str | None, jobs: int, batch_size: int) -> Iterator[Parser]:
    """What parses the new documents: this machine's processes, or a Dask cluster connected for the run."""
    if cluster is None:
        yield lambda documents: parse_stream(documents, jobs=jobs, batch_size=batch_size)
        return
    from claimsift.cluster import connect, parse_on_cluster

    with connect(cluster) as client:
        yield lambda documents: parse_on_cluster(client, documents, batch_size=batch_size)


def _store_one(store: Store, parsed: Parsed, weight: float, report: AddReport, emit: Emit) -> None:
    """Store one parsed document (one transaction) and report what became of it."""
    document = parsed.document
    if parsed.facts is None:
        message = parsed.error or "cannot be parsed"
        _note(report, emit, AddEvent(kind="failed", path=document.path, message=message, weight=weight))
        return
    doc_id = store.add(parsed.facts, extractor=_extractor())
    if doc_id is None:
        _note(report, emit, AddEvent(kind="skipped", path=document.path, message="already in the case", weight=weight))
        return
    _note(report, emit, AddEvent(kind="added", path=document.path, message="added", document=doc_id, weight=weight))


# reports: analyze's renderers plus belief over time (to fold into claimsift.report)


def render_json(result: CaseAssessment, include_text: bool = False) -> str:
    """The ``claimsift/1`` JSON of ``analyze``, each hypothesis with its ``history``."""
    data = to_dict(result.analysis, include_text)
    for h in data["hypotheses"]:
        h["history"] = as_dicts(result.history.get(h["id"], ()))
    return escape_controls_in_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _history_table(steps: Sequence[Step]) -> list[str]:
    if not steps:
        return ["No dated claim takes a side on this hypothesis, so the prior stands.", ""]
    rows = ["| date | probability | estimate | moved by | change (log-odds) |", "|---|---|---|---|---|"]
    for s in steps:
        moved = f"{s.moved_by} | {s.change:+.2f}" if s.moved_by else "— | "
        rows.append(f"| {s.date or 'undated'} | {s.probability:.0%} | {s.wep.replace('_', ' ')} | {moved} |")
    return rows + [""]


def render_markdown_report(result: CaseAssessment) -> str:
    """The Markdown report of ``analyze``, with a belief-over-time table per hypothesis."""
    lines = [render_markdown(result.analysis).rstrip("\n"), "", "## Belief over time", ""]
    if not result.analysis.assessments:
        lines += ['No hypothesis yet; add one with `claimsift case hypothesis CASE "TEXT"`.', ""]
    for a in result.analysis.assessments:
        lines += [f"### {a.hypothesis.id}: {escape(a.hypothesis.text)}", ""]
        lines += _history_table(result.history.get(a.hypothesis.id, ()))
    return "\n".join(lines)


__all__ = [
    "AddEvent",
    "AddReport",
    "CaseAssessment",
    "CaseSummary",
    "SourceLine",
    "TimelineRow",
    "add_hypothesis",
    "add_feed",
    "add_paths",
    "assess_case",
    "check_case",
    "init_case",
    "render_html_report",
    "render_json",
    "render_markdown_report",
    "set_reliability",
    "show",
    "timeline",
]


def render_html_report(result: CaseAssessment) -> str:
    """The self-contained HTML report of a case, with the belief-over-time curve of each hypothesis."""
    history = {
        hid: [(step.date, step.probability, step.moved_by) for step in steps] for hid, steps in result.history.items()
    }
    return render_html(result.analysis, history=history)
