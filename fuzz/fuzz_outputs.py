"""Atheris harness: the Markdown renderer and the web app's input handlers, on arbitrary strings.

The first byte of an input picks the target (its value modulo 7): 0 the Markdown reports, 1-6 the web app's
handlers (1 the hypothesis form, 2 the reliability form, 3 the paste form, 4 the upload form, 5 the Host,
Origin and Sec-Fetch-Site headers of a hypothesis POST, 6 a guessed CSRF token). The rest of the input is
split at NUL bytes into the strings the target puts where a document, a file name or a user would.

- **Markdown** (``check_markdown``): the strings become every field of an analysis a document or a user fills
  (document id, title, path, outlet; claim text, source, relays, cue; hypothesis; verdict; a driver's reason;
  an ACH row's origin), rendered by ``render_markdown`` and the case report ``render_markdown_report``. The
  Markdown must hold no ``<`` that is not backslash-escaped and no control or bidi character, and rendered to
  HTML by a CommonMark renderer with raw HTML on (markdown-it-py, as a Markdown viewer would) it must make only
  the report's own elements: headings, paragraphs, lists, strong, code, tables. A ``<script>``, a link or an
  ``on...=`` attribute is a crash.
- **Web** (``WebTarget.check``): the strings go into the form fields (and file name and body) of a POST to the
  real app (``create_app`` over a SQLite case, through Starlette's TestClient). Every answer must be 2xx, 3xx or
  4xx, never 5xx; a 303 must have made exactly the change the form asked for, and any other answer none (the
  case's tables are read back with sqlite3). With hostile headers, a 303 is a crash unless Host, Origin and
  Sec-Fetch-Site are ones the app's own page sends.

The check functions need no atheris: tests/test_fuzz_properties.py runs them on Hypothesis-generated input.
Not run by CI; see fuzz/README.md for the command.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tempfile
import warnings
from collections.abc import Sequence
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

TARGETS = 7
MARKDOWN = 0
ONLY = os.environ.get("FUZZ_ONLY", "")
"""``markdown`` or ``web`` to fuzz one side only (inputs for the other are skipped); empty for both."""
REPORT_TAGS = frozenset(
    {"h1", "h2", "h3", "p", "ul", "li", "strong", "code", "table", "thead", "tbody", "tr", "th", "td"}
)
"""The elements the Markdown report itself makes; anything else came from the input."""
ALIGN = re.compile(r"text-align:(left|right|center)")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and bidi characters (as ``claimsift.safe_text.CONTROLS``), restated so the check does not trust it."""
BASE = "http://127.0.0.1:8000"
LOOPBACK_HOSTS = frozenset({"127.0.0.1:8000", "localhost:8000", "[::1]:8000"})


def split(data: bytes) -> tuple[int, list[str]]:
    """The target an input is for (its first byte) and its strings (the rest, split at NUL, decoded)."""
    if not data:
        return MARKDOWN, [""]
    return data[0] % TARGETS, data[1:].decode("utf-8", errors="replace").split("\x00")


def _field(fields: Sequence[str], n: int) -> str:
    return fields[n % len(fields)] if fields else ""


# --- Markdown --------------------------------------------------------------------------------------------------


def hostile_analysis(fields: Sequence[str]) -> Any:
    """A case assessment whose every document- or user-given string is one of ``fields`` (cycled)."""
    from claimsift.assess.history import Step
    from claimsift.case import CaseAssessment
    from claimsift.model import (
        Analysis,
        Assessment,
        Claim,
        Document,
        DocumentStance,
        Driver,
        EvidenceGroup,
        Hypothesis,
        SourceRef,
    )

    f = [_field(fields, n) for n in range(12)]
    doc = Document(id=f[0], path=f[2], text=f[4] or "x", title=f[1], outlet=f[3])
    claim = Claim(
        id="C1",
        doc=f[0],
        start=0,
        end=len(f[4]),
        text=f[4],
        source=SourceRef(name=f[5] or "x", kind="organization"),
        via=(f[6],),
        cue=f[7],
        stance={"H1": "supports"},
        reliability="B2",
        event_date="2024-10-18",
        group="G1",
    )
    hypothesis = Hypothesis(id="H1", text=f[8] or "x")
    assessment = Assessment(
        hypothesis=hypothesis,
        probability=0.7,
        wep="likely",
        drivers=(Driver(claim="C1", log_odds=0.9, reason=f[10]),),
        summary=f[9] or "x",
    )
    group = EvidenceGroup(
        id="G1", origin=f[11], origin_kind="organization", evidence_type="imagery", claims=("C1",), documents=(f[0],)
    )
    row = {"group": "G1", "origin": f[11], "origin_label": f[11], "evidence_type": "imagery"}
    ach = {"rows": [{**row, "marks": {"H1": "C"}, "diagnosticity": 1.0}], "scores": {"H1": {"inconsistency": 0}}}
    analysis = Analysis(
        documents=(doc,),
        entities=(),
        claims=(claim,),
        dates=(),
        assessments=(assessment,),
        groups=(group,),
        ach=ach,
        doc_stances={f[0]: {"H1": DocumentStance(label="agrees", claims=("C1",))}},
    )
    step = Step(date="2024-10-18", probability=0.7, wep="likely", moved_by="C1", change=0.9, claims=1)
    return CaseAssessment(analysis=analysis, history={"H1": (step,)})


class _Elements(HTMLParser):
    """Every element and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def markdown_problems(markdown: str) -> list[str]:
    """What in a Markdown report shows input that was not escaped (empty when none)."""
    from markdown_it import MarkdownIt

    problems = []
    for match in re.finditer(r"(\\*)<", markdown):
        if len(match.group(1)) % 2 == 0:
            problems.append(
                f"unescaped '<' at {match.end() - 1}: {markdown[max(0, match.start() - 30) : match.end() + 30]!r}"
            )
    if found := CONTROLS.search(markdown):
        problems.append(f"control or bidi character {found.group()!r} at {found.start()}")
    parser = _Elements()
    parser.feed(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))
    for tag, attrs in parser.found:
        if tag not in REPORT_TAGS:
            problems.append(f"element <{tag}> in the rendered report")
        for name, value in attrs:
            if name != "style" or not ALIGN.fullmatch(value or ""):
                problems.append(f"attribute {name}={value!r} on <{tag}>")
    return problems


def check_markdown(fields: Sequence[str]) -> None:
    """Both Markdown reports of a hostile analysis escape every string from the input."""
    from claimsift.case import render_markdown_report
    from claimsift.report.markdown import render_markdown

    result = hostile_analysis(fields)
    for markdown in (render_markdown(result.analysis), render_markdown_report(result)):
        if problems := markdown_problems(markdown):
            raise AssertionError(f"{problems[0]} (of {len(problems)}) for fields {list(fields)!r}")


# --- web -------------------------------------------------------------------------------------------------------

ROUTES = ("/hypotheses", "/reliability", "/documents/paste", "/documents/upload", "/hypotheses", "/hypotheses")


def _ascii(text: str) -> str:
    """Header values are bytes on the wire: the printable ASCII of a string."""
    return "".join(ch for ch in text if 32 <= ord(ch) < 127)


class WebTarget:
    """The real web app over a fresh SQLite case, driven in-process; ``check`` posts one form and checks it."""

    def __init__(self, folder: Path) -> None:
        from claimsift.case import init_case
        from claimsift.web import create_app

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        self.case = folder / "fuzz.db"
        init_case(str(self.case))
        self.client = TestClient(create_app(str(self.case), max_upload_bytes=20_000), base_url=BASE)
        self.token = re.findall(r'name="csrf" value="([^"]+)"', self.client.get("/manage").text)[0]

    def state(self) -> tuple[list[tuple[Any, ...]], dict[str, str], int]:
        """The hypotheses, reliability letters and number of documents, read from the file."""
        with closing(sqlite3.connect(f"file:{self.case}?mode=ro", uri=True)) as db:
            hypotheses = db.execute("SELECT id, text FROM hypotheses ORDER BY position").fetchall()
            letters = dict(db.execute("SELECT source, letter FROM reliability").fetchall())
            documents = int(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        return hypotheses, letters, documents

    def _send(self, route: int, fields: Sequence[str]) -> Any:
        f = [_field(fields, n) for n in range(4)]
        data: dict[str, str] = {"csrf": self.token}
        files = None
        headers: dict[str, str] = {}
        if route in (0, 4, 5):
            data["text"] = f[0]
        if route == 1:
            data.update(source=f[0], letter=f[1])
        elif route == 2:
            data.update(title=f[0], published=f[1], text=f[2])
        elif route == 3:
            data["published"] = f[1]
            files = {"file": (f[0], f[2].encode("utf-8", "surrogatepass"), "text/plain")}
        elif route == 4:
            headers = {"Host": _ascii(f[1]), "Origin": _ascii(f[2]), "Sec-Fetch-Site": _ascii(f[3])}
            headers = {k: v for k, v in headers.items() if v or k == "Host"}
        elif route == 5:
            data["csrf"] = f[1]
        return self.client.post(ROUTES[route], data=data, files=files, headers=headers, follow_redirects=False)

    def check(self, route: int, fields: Sequence[str]) -> None:
        """One POST: never a 5xx; a 303 made exactly the change asked for, any other answer none."""
        before = self.state()
        response = self._send(route, fields)
        after = self.state()
        status = response.status_code
        if status >= 500 or status < 200:
            raise AssertionError(f"{ROUTES[route]} answered {status} for {list(fields)!r}: {response.text[:300]}")
        if status != 303:
            if after != before:
                raise AssertionError(f"{ROUTES[route]} answered {status} but changed the case for {list(fields)!r}")
            return
        expected = _expected(route, fields, before, self.token)
        if expected is not None and after != expected:
            raise AssertionError(f"{ROUTES[route]} stored {after!r}, expected {expected!r}, for {list(fields)!r}")
        if route == 2 or route == 3:
            if after[2] != before[2] + 1 or after[:2] != before[:2]:
                raise AssertionError(f"{ROUTES[route]} answered 303 but stored {after[2] - before[2]} documents")


def _expected(route: int, fields: Sequence[str], before: Any, token: str) -> Any:
    """The case after a 303 to a hypothesis or reliability form; raises when a 303 must not have happened."""
    hypotheses, letters, documents = before
    f = [_field(fields, n) for n in range(4)]
    if route == 4:
        host, origin, fetch_site = (_ascii(x).lower() for x in f[1:4])
        if (
            host not in LOOPBACK_HOSTS
            or origin not in ("", "http://" + host)
            or fetch_site not in ("", "same-origin", "none")
        ):
            raise AssertionError(
                f"a POST with Host {host!r}, Origin {origin!r}, Sec-Fetch-Site {fetch_site!r} went through"
            )
    if route == 5 and f[1] != token:
        raise AssertionError(f"a POST with the token {f[1]!r} went through")
    if route in (0, 4, 5):
        return [*hypotheses, (f"H{len(hypotheses) + 1}", f[0].strip())], letters, documents
    if route == 1:
        return hypotheses, {**letters, f[0].strip(): f[1].strip().upper()}, documents
    return None


# --- atheris ---------------------------------------------------------------------------------------------------

_WEB: list[WebTarget] = []


def test_one_input(data: bytes) -> None:
    target, fields = split(data)
    if target == MARKDOWN and ONLY != "web":
        check_markdown(fields)
    elif target != MARKDOWN and ONLY != "markdown":
        if not _WEB:
            _WEB.append(WebTarget(Path(tempfile.mkdtemp(prefix="claimsift-fuzz-"))))
        _WEB[0].check(target - 1, fields)


SEEDS = (
    "<script>alert(1)</script>",
    "[x](https://evil.example)",
    "<img src=x onerror=alert(1)>",
    "\x1b]0;title\x07 \u202etxt.exe",
    "| a | b |\n---",
    "strongest: <b>officials</b>",
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Sabrina Singh.",
    "2024-11-18",
    "localhost:8000",
    "https://evil.example",
    "cross-site",
)


def write_seeds(folder: Path) -> int:
    """A seed corpus: for every target, the hostile strings above in a few orders; how many files were written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for target in range(TARGETS):
        for shift in range(len(SEEDS)):
            strings = SEEDS[shift:] + SEEDS[:shift]
            (folder / f"seed-{target}-{shift:02d}").write_bytes(bytes([target]) + "\x00".join(strings).encode())
            count += 1
    return count


def main() -> None:
    if sys.argv[1:2] == ["--seeds"]:
        print(f"wrote {write_seeds(Path(sys.argv[2]))} seeds to {sys.argv[2]}")
        return
    import atheris

    with atheris.instrument_imports(include=["claimsift", "markdown_it", "starlette", "fastapi"]):
        import markdown_it  # noqa: F401

        import claimsift.case  # noqa: F401
        import claimsift.report.markdown  # noqa: F401
        import claimsift.web  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
