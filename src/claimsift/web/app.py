"""A FastAPI app over one case: the HTML report, and forms that add to the case and redirect back to it.

Nothing in a request names a file: uploads are read from bytes in memory with the same readers as
``claimsift case add`` (``ingest.read_bytes``) and stored in the case; the upload's name only picks the
reader and the document id. Every ``ClaimsiftError`` answers 400 with its one-line message, escaped.

``web._guard`` stands in front of every route: a foreign ``Host`` is refused (400), a state change from another
origin too (403), and every form carries the app's CSRF token, which each POST route checks before it reads
or changes anything.

Parsing is the one slow step, so it is bounded twice: at most ``max_parses`` requests parse at once (more
answer 503 at once, rather than queueing behind a long paste), and each stops after ``parse_seconds`` (503,
nothing of that document stored).

Request bodies are bounded too, since each is held in memory: at most ``max_uploads`` are read at once (one
more is answered 503 without reading it), and a body not all sent within ``upload_seconds`` is answered 408 (a
client sending a byte a second cannot hold a connection open for ever). Both answers close the connection. A
client that goes away in the middle of its body is one warning line in the log, not a traceback.

Assessing a large case takes seconds, so ``/`` and ``/api/case`` share one assessment (and its rendered page)
while the case's revision key (``Store.revision``) is unchanged; any change to documents, hypotheses or
letters, from this app or from another process (``claimsift case add`` beside the server), makes a new one
at the next request. One request assesses at a time; the others wait for its result rather than repeat it.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import threading
import time
from collections.abc import AsyncGenerator, Callable, Iterable, MutableMapping
from pathlib import PurePosixPath
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect

from claimsift.batch import parse_stream
from claimsift.case import (
    CaseAssessment,
    add_hypothesis,
    assess_case,
    render_html_report,
    render_json,
    set_reliability,
    summary_of,
)
from claimsift.errors import ClaimsiftError, ParseTimeout, UsageError
from claimsift.ingest import read_bytes, read_url
from claimsift.model import Document
from claimsift.safe_text import CONTROLS
from claimsift.store import Store, content_hash
from claimsift.web._guard import Guard, Refused, allowed_hosts, check_token, error_page, new_token, token_field

log = logging.getLogger("claimsift.web")

FORM_OVERHEAD = 64 * 1024
"""Bytes a multipart body may carry beyond the upload itself (boundaries, headers, the other fields)."""
MANAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
MANAGE_LINK = (
    '<p class="web-manage"><a href="/manage">Add documents or hypotheses, set a source\'s reliability</a></p>\n'
)
STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}"
    "fieldset{margin:1rem 0}label{display:block;margin:.4rem 0}textarea{width:100%;min-height:8rem}"
    "input[type=text]{width:100%}"
)


class TooLarge(Exception):
    """A request body over the upload limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the upload is over the size limit of {limit:,} bytes")


class Busy(Exception):
    """Every parsing slot is taken."""

    def __init__(self, slots: int) -> None:
        super().__init__(f"the server is busy parsing {slots} other document(s); try again in a minute")


class TooManyUploads(Exception):
    """Every upload slot is taken: more bodies at once would each be held in memory."""

    def __init__(self, slots: int) -> None:
        super().__init__(f"the server is receiving {slots} other upload(s); try again in a minute")


class SlowUpload(Exception):
    """A request body not all sent within the time allowed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the upload was not all sent within {seconds:g} seconds; try again")


class Disconnected(Exception):
    """The client went away before its request body was all sent: there is no one left to answer."""


def _closing(page: Response) -> Response:
    """Close the connection after this answer: the request's body is left unread, and the next bytes on the
    connection would be more of it, not a new request."""
    page.headers["Connection"] = "close"
    return page


def _who(request: Request) -> str:
    """The request line and client of a log line."""
    client = f"{request.client.host}:{request.client.port}" if request.client else "an unknown client"
    return f"{request.method} {request.url.path} from {client}"


class AssessmentCache:
    """The case's assessment and its renderings, kept while the case's revision key stays the same.

    ``assessments`` counts the assessments made, so a test (or a curious operator) can see a page reuse one.
    """

    def __init__(self, case: str) -> None:
        self.case = case
        self.assessments = 0
        self._lock = threading.Lock()
        self._key: str | None = None
        self._renderings: dict[str, str] = {}
        """What was rendered of the assessment made under ``_key``, by kind (``html``, ``json``)."""
        self._assessment: CaseAssessment | None = None

    def current(self) -> CaseAssessment:
        """The assessment of the case as it is now: made again (once, whoever asks first) only when the case's
        key has changed since the last one."""
        with Store.open(self.case, readonly=True) as store:
            key = store.revision()  # before assessing: a change landing in between only costs one more
        with self._lock:
            if key != self._key or self._assessment is None:
                self._assessment = assess_case(self.case, record=False)
                self._renderings = {}
                self.assessments += 1
                self._key = key
            return self._assessment

    def rendered(self, kind: str, render: Callable[[CaseAssessment], str]) -> str:
        """``render`` of the current assessment, reused while the case is unchanged."""
        assessment = self.current()
        with self._lock:
            if self._assessment is not assessment:  # a newer one landed meanwhile: render what was asked of
                return render(assessment)
            if kind not in self._renderings:
                self._renderings[kind] = render(assessment)
            return self._renderings[kind]


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _report_csp(page: str) -> str:
    """The report's own policy (its ``<meta>`` tag) as a header, with ``frame-ancestors 'none'``, which only a
    header can carry: the report cannot be framed by another site to trick a click."""
    found = META_CSP.search(page)
    policy = html.unescape(found.group(1)) if found else "default-src 'none'"
    return policy.rstrip("; ") + "; frame-ancestors 'none'"


def _back() -> RedirectResponse:
    return RedirectResponse("/", status_code=303)


def _text(form: Any, key: str) -> str:
    """A form field, stripped; refused when it holds terminal control or bidi characters (a hypothesis or a
    source name shown later on a terminal must not retitle it or reverse its text)."""
    value = form.get(key)
    if not isinstance(value, str):
        return ""
    if CONTROLS.search(value):
        raise UsageError(f"the {key} field holds control or bidi characters; remove them and try again")
    return value.strip()


def _store_documents(case: str, documents: list[Document], seconds: float) -> list[str]:
    """Parse and store the documents not yet in the case, giving up after ``seconds``; the ids of those added."""
    from claimsift import __version__

    added: list[str] = []
    deadline = time.monotonic() + seconds
    with Store.open(case) as store:
        new = [d for d in documents if not store.has_document(content_hash(d.text))]
        for parsed in parse_stream(new, batch_size=1, deadline=deadline):  # one piece at a time: a prompt stop
            if parsed.facts is None:
                raise UsageError(f"{parsed.document.path}: {parsed.error or 'cannot be parsed'}")
            doc_id = store.add(parsed.facts, extractor=__version__)
            if doc_id is not None:
                added.append(doc_id)
    if not added:
        raise UsageError("nothing added: the case already has this text")
    return added


def _fetch_page(url: str, published: str | None, max_bytes: int, allow_private: bool) -> list[Document]:
    """The documents of a web page (an ``InputError`` becomes a 400 with its one-line reason)."""
    return read_url(url, published, max_bytes=max_bytes, allow_private=allow_private)


def _upload_name(name: str | None) -> str:
    """The file name alone: no folder of the client's survives (``../../etc/passwd.txt`` is ``passwd.txt``)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name.strip()
    return base if base not in ("", ".", "..") else "upload.txt"


def _manage_page(case: str, token: str, assessment: CaseAssessment) -> str:
    """The forms page around the server's current assessment; every form carries the CSRF token (``web._guard``)."""
    summary = summary_of(case, assessment)
    hypotheses = "".join(
        f"<li>{_esc(a.hypothesis.id)}: {_esc(a.hypothesis.text)} ({a.probability:.0%})</li>"
        for a in summary.assessment.analysis.assessments
    )
    sources = "".join(f'<option value="{_esc(s.name)}">{_esc(s.name)}</option>' for s in summary.sources)
    overrides = "".join(f"<li>{_esc(name)}: {_esc(letter)}</li>" for name, letter in sorted(summary.overrides.items()))
    letters = "".join(f'<option value="{x}">{x}</option>' for x in "ABCDEF")
    csrf = token_field(token)
    # same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with a POST, which the
    # origin check must refuse; same-origin still sends nothing to other sites.
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="same-origin">
<title>claimsift: manage {_esc(summary.location)}</title><style>{STYLE}</style></head>
<body>
<h1>Case {_esc(summary.location)}</h1>
<p><a href="/">Back to the report</a> · {len(summary.documents)} documents</p>
<form id="paste" method="post" action="/documents/paste">{csrf}<fieldset><legend>Paste a document</legend>
<label>Title <input type="text" name="title"></label>
<label>Published (YYYY-MM-DD) <input type="text" name="published" pattern="\\d{{4}}-\\d{{2}}-\\d{{2}}"></label>
<label>Text <textarea name="text" required></textarea></label>
<button type="submit">Add</button></fieldset></form>
<form id="address" method="post" action="/documents/url">{csrf}<fieldset><legend>Add a web page</legend>
<label>Address (http or https) <input type="url" name="url" required></label>
<label>Published (YYYY-MM-DD, optional) <input type="text" name="published"></label>
<button type="submit">Fetch and add</button></fieldset></form>
<form id="upload" method="post" action="/documents/upload" enctype="multipart/form-data">{csrf}
<fieldset><legend>Upload a document</legend>
<label>File (text, Markdown, HTML, JSON, PDF, Word, VTT, SRT, YouTube json3 and srv3)
<input type="file" name="file" required></label>
<label>Published (YYYY-MM-DD, optional) <input type="text" name="published"></label>
<button type="submit">Upload</button></fieldset></form>
<form id="hypothesis" method="post" action="/hypotheses">{csrf}<fieldset><legend>Add a hypothesis</legend>
<ul>{hypotheses}</ul>
<label>Hypothesis <input type="text" name="text" required></label>
<button type="submit">Add</button></fieldset></form>
<form id="reliability" method="post" action="/reliability">{csrf}<fieldset><legend>Set a source's reliability</legend>
<ul>{overrides}</ul>
<label>Source <select name="source">{sources}</select></label>
<label>Admiralty letter <select name="letter">{letters}</select></label>
<button type="submit">Set</button></fieldset></form>
</body></html>
"""


def create_app(
    case: str,
    max_upload_bytes: int = 5_000_000,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    extra_hosts: Iterable[str] = (),
    max_parses: int = 2,
    parse_seconds: float = 60.0,
    allow_private_fetch: bool = False,
    max_uploads: int = 4,
    upload_seconds: float = 60.0,
) -> FastAPI:
    """The web app over one existing case, to be served on ``host`` and ``port``.

    Args:
        case: The case (a SQLite file or a PostgreSQL URL), as ``claimsift case`` takes it.
        max_upload_bytes: Largest upload, pasted text or fetched page; a larger one is refused.
        host: The address the server binds: requests under any other ``Host`` are refused (``web._guard``).
        port: The port it listens on.
        extra_hosts: More names the app is reached under (a reverse proxy's).
        max_parses: Requests that may parse documents at once; one more is answered 503 straight away.
        parse_seconds: Longest a request may parse; past it the request is answered 503.
        allow_private_fetch: Let the address form fetch loopback, private and link-local addresses. Off by
            default: anyone who can reach the app could otherwise make it read the network it runs in.
        max_uploads: Request bodies read at once (each is held in memory); one more is answered 503 unread.
        upload_seconds: Longest a client may take to send a request body; past it the request is answered 408.

    Raises:
        StoreError: No such case, or not a claimsift case.
        UsageError: ``max_upload_bytes``, ``max_parses`` or ``max_uploads`` is not positive, or a time is not.
    """
    if max_upload_bytes < 1:
        raise UsageError(f"the upload limit must be at least 1 byte, got {max_upload_bytes}")
    if max_parses < 1 or not parse_seconds > 0:
        raise UsageError(f"parses at once and seconds per parse must be positive, got {max_parses}, {parse_seconds}")
    if max_uploads < 1 or not upload_seconds > 0:
        raise UsageError(
            f"uploads at once and seconds per upload must be positive, got {max_uploads}, {upload_seconds}"
        )
    Store.open(case).close()  # fail now, not at the first request

    class InMemoryParser(MultiPartParser):
        spool_max_size = max_upload_bytes + FORM_OVERHEAD
        """Keep an upload in memory: Starlette would otherwise spool parts over 1 MB to a temporary file."""

    token = new_token()  # one per server start: every form served since then carries it
    cache = AssessmentCache(case)
    app = FastAPI(title="claimsift", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.assessments = cache
    app.add_middleware(Guard, hosts=allowed_hosts(host, port, extra_hosts))

    @app.exception_handler(ClaimsiftError)
    async def _claimsift_error(request: Request, exc: ClaimsiftError) -> Response:
        return error_page(400, str(exc))

    @app.exception_handler(TooLarge)
    async def _too_large(request: Request, exc: TooLarge) -> Response:
        return _closing(error_page(413, str(exc)))

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        return error_page(exc.status, str(exc))

    @app.exception_handler(Busy)
    @app.exception_handler(ParseTimeout)
    @app.exception_handler(TooManyUploads)
    async def _unavailable(request: Request, exc: Exception) -> Response:
        page = error_page(503, str(exc))
        page.headers["Retry-After"] = "60"
        return _closing(page) if isinstance(exc, TooManyUploads) else page

    @app.exception_handler(SlowUpload)
    async def _slow(request: Request, exc: SlowUpload) -> Response:
        return _closing(error_page(408, str(exc)))

    @app.exception_handler(Disconnected)
    async def _gone(request: Request, exc: Disconnected) -> Response:
        return Response(status_code=400)  # never sent: the server drops what is sent to a closed connection

    parsing = 0  # requests parsing now; read and changed on the event loop only, so no lock is needed

    async def parse_and_store(documents: list[Document]) -> None:
        """Parse and store in a worker thread, if a parsing slot is free (else Busy, 503)."""
        nonlocal parsing
        if parsing >= max_parses:
            raise Busy(max_parses)
        parsing += 1
        try:
            await _run(_store_documents, case, documents, parse_seconds)
        finally:
            parsing -= 1

    receiving = 0  # request bodies being read now; on the event loop only, like ``parsing``

    async def read_body(request: Request, limit: int) -> bytes:
        """The request body, if an upload slot is free (else 503), all sent within ``upload_seconds`` (else 408)
        and no longer than ``limit`` (else 413); a client gone mid-body is logged on one line."""
        nonlocal receiving
        if receiving >= max_uploads:
            raise TooManyUploads(max_uploads)
        receiving += 1
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(upload_seconds):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(max_upload_bytes)
                    chunks.append(chunk)
        except TimeoutError:
            log.warning(
                "%s: the body was not all sent within %g s (%d bytes); answered 408",
                _who(request),
                upload_seconds,
                size,
            )
            raise SlowUpload(upload_seconds) from None
        except ClientDisconnect:
            log.warning("%s: the client disconnected after %d bytes of its body; nothing stored", _who(request), size)
            raise Disconnected() from None
        finally:
            receiving -= 1
        return b"".join(chunks)

    async def bounded_form(request: Request) -> Any:
        """The form, read with the body held in memory and refused (413) past the limit."""
        limit = max_upload_bytes + FORM_OVERHEAD
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(max_upload_bytes)
        body = await read_body(request, limit)
        if request.headers.get("content-type", "").startswith("multipart/form-data"):

            async def once() -> AsyncGenerator[bytes, None]:
                yield body

            parser = InMemoryParser(request.headers, once(), max_files=1, max_fields=8, max_part_size=limit)
            try:
                return await parser.parse()
            except MultiPartException as exc:
                raise UsageError(f"the upload cannot be read: {exc}") from None
        sent = False

        async def replay() -> MutableMapping[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return await Request(request.scope, receive=replay).form(max_files=1, max_fields=8, max_part_size=limit)

    async def checked_form(request: Request) -> Any:
        """The form of a POST, refused (403) unless it carries this app's CSRF token; before anything is stored."""
        form = await bounded_form(request)
        try:
            check_token(form, token)
        except Refused:
            await form.close()  # an upload refused unread still holds its buffer
            raise
        return form

    @app.get("/", response_class=HTMLResponse)
    def report() -> HTMLResponse:
        page = cache.rendered("html", render_html_report)
        at = page.find("<body>")
        if at >= 0:
            at += len("<body>")
            page = page[:at] + "\n" + MANAGE_LINK + page[at:]
        return HTMLResponse(page, headers={"Content-Security-Policy": _report_csp(page)})

    @app.get("/manage", response_class=HTMLResponse)
    def manage() -> HTMLResponse:
        page = _manage_page(case, token, cache.current())
        return HTMLResponse(page, headers={"Content-Security-Policy": MANAGE_CSP})

    @app.get("/api/case")
    def api_case() -> Response:
        return Response(cache.rendered("json", render_json), media_type="application/json")

    @app.post("/documents/paste")
    async def paste(request: Request) -> Response:
        form = await checked_form(request)
        text = form.get("text")
        if not isinstance(text, str) or not text.strip():
            raise UsageError("paste some text to add")
        data = text.encode("utf-8")
        if len(data) > max_upload_bytes:
            raise TooLarge(max_upload_bytes)
        meta: dict[str, object] = {}
        if title := _text(form, "title"):
            meta["title"] = title
        published = _text(form, "published") or None
        documents = read_bytes(data, "pasted.txt", published, meta, max_bytes=max_upload_bytes)
        await parse_and_store(documents)
        return _back()

    @app.post("/documents/upload")
    async def upload(request: Request) -> Response:
        form = await checked_form(request)
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise UsageError("choose a file to upload")
        data = await file.read(max_upload_bytes + 1)
        await file.close()
        if len(data) > max_upload_bytes:
            raise TooLarge(max_upload_bytes)
        published = _text(form, "published") or None
        documents = read_bytes(data, _upload_name(file.filename), published, max_bytes=max_upload_bytes)
        await parse_and_store(documents)
        return _back()

    @app.post("/documents/url")
    async def address(request: Request) -> Response:
        form = await checked_form(request)
        url = _text(form, "url")
        if not url:
            raise UsageError("give the address of a page, such as https://www.state.gov/briefings/...")
        published = _text(form, "published") or None
        documents = await _run(_fetch_page, url, published, max_upload_bytes, allow_private_fetch)
        await parse_and_store(documents)
        return _back()

    @app.post("/hypotheses")
    async def hypothesis(request: Request) -> Response:
        form = await checked_form(request)
        await _run(add_hypothesis, case, _text(form, "text"))
        return _back()

    @app.post("/reliability")
    async def reliability(request: Request) -> Response:
        form = await checked_form(request)
        await _run(set_reliability, case, _text(form, "source"), _text(form, "letter"))
        return _back()

    return app


async def _run(func: Callable[..., Any], *args: Any) -> Any:
    """Run blocking work (parsing, the database) off the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(func, *args)


__all__ = ["create_app"]
