"""The HTML report: self-contained, well formed, every claim shown and linked, hostile documents inert.

Real documents (the dev transcript and two wire-copy relays of one US statement) feed most checks; the
hostile document is synthetic markup built here, as an attacker would write it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markupsafe
import pytest

from claimsift import analyze
from claimsift.model import (
    Analysis,
    Assessment,
    Claim,
    Document,
    EvidenceGroup,
    Hypothesis,
    SourceRef,
    TimeExpr,
)
from claimsift.report.highlight import highlight
from claimsift.report.html import render_html, safe_url
from claimsift.report.svg import HistoryPoint

DATA = Path(__file__).parent / "data"
DOCS = [DATA / "seams" / "kursk_open_seams.txt", *sorted((DATA / "relay").glob("*.txt"))]
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)
VOID = {"meta", "br", "hr", "img", "input", "link", "source", "area", "base", "col", "embed", "wbr"}
SVG_SELF_CLOSING = {"rect", "line", "circle", "path", "polyline", "stop"}
HOSTILE_TEXT = (
    'The Pentagon has not confirmed that these troops have engaged in combat with Ukrainian troops who are inside a portion of the Kursk region, she said, adding, "They\'re moving into Kursk for a reason. We have every expectation that they would be engaged in combat operations." <script>alert(1)</script>\n'
    "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said. "
    '<a href="javascript:alert(2)">this link</a>\n'
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy Pentagon Press Secretary Sabrina Singh, who spoke to the media today. <img src=x onerror=alert(3)> javascript:alert(4)\n"
    + "A" * 30000
    + "\n"
)


class Checker(HTMLParser):
    """Collects tags, attributes and text, and checks that elements nest and close."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID and tag not in SVG_SELF_CLOSING:
            self.errors.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)


def parse(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


@pytest.fixture(scope="module")
def analysis(nlp: object) -> Analysis:
    return analyze([str(p) for p in DOCS], hypotheses=HYPOTHESES)


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> str:
    return render_html(analysis)


@pytest.fixture(scope="module")
def hostile(nlp: object, tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = '{"title": "<script>alert(5)</script>", "outlet": "<b onmouseover=alert(6)>x</b>", '
    meta += '"url": "javascript:alert(7)", "published": "2024-11-01"}'
    (folder / "evil.meta.json").write_text(meta, encoding="utf-8")
    result = analyze([str(folder / "evil.txt")], hypotheses=["<script>alert(8)</script> troops were seen"])
    return result, render_html(result)


@pytest.mark.model
def test_report_html_is_well_formed(page: str) -> None:
    checker = parse(page)
    assert [t for t, _ in checker.tags].count("html") == 1
    assert page.startswith("<!DOCTYPE html>")


@pytest.mark.model
def test_report_html_is_self_contained(page: str) -> None:
    checker = parse(page)
    assert "<script src=" not in page
    assert not re.search(r"<link[^>]+href=[\"']?https?:", page)
    for tag, attrs in checker.tags:
        assert "src" not in attrs or tag == "svg", (tag, attrs)
        assert tag not in ("link", "iframe", "object", "embed", "img"), tag
    assert "@import" not in page and "url(http" not in page
    csp = next(a["content"] for t, a in checker.tags if t == "meta" and a.get("http-equiv"))
    assert csp is not None and "default-src 'none'" in csp and "unsafe-inline" not in csp


@pytest.mark.model
def test_report_html_shows_every_claim_id(analysis: Analysis, page: str) -> None:
    marked = set(" ".join(re.findall(r'data-claims="([^"]+)"', page)).split())
    for c in analysis.claims:
        assert f'id="claim-{c.id}"' in page, c.id
        assert c.id in marked, c.id
        assert f'<tr id="row-{c.id}">' in page, c.id


@pytest.mark.model
def test_report_html_has_every_section(analysis: Analysis, page: str) -> None:
    for section in ("verdicts", "timeline", "ach", "sources", "documents", "claims"):
        assert f'<section id="{section}"' in page, section
    assert 'id="belief"' not in page  # no history, no curve
    for a in analysis.assessments:
        assert f'id="verdict-{a.hypothesis.id}"' in page
        assert html.escape(a.hypothesis.text) in page
    for g in analysis.groups:
        assert f'id="ach-{g.id}"' in page, g.id
    for d in analysis.documents:
        for h, st in analysis.doc_stances[d.id].items():
            assert f'<span class="ds ds-{st.label}">{h} {st.label}</span>' in page, (d.id, h)
    timeline = page[page.index('<section id="timeline"') :]
    timeline = timeline[: timeline.index("</section>")]
    dated = {c.id for c in analysis.claims if c.event_date or c.stated_date}
    assert dated and dated == set(re.findall(r'data-claim="(C\d+)" class="tl-claim"', timeline))


@pytest.mark.model
def test_report_html_drivers_link_to_their_claims(analysis: Analysis, page: str) -> None:
    for a in analysis.assessments:
        for d in a.drivers:
            assert f'<a href="#claim-{d.claim}" data-claim="{d.claim}">' in page
            assert d.reason.startswith(("supports it: ", "refutes it: "))
            assert f'<span class="reason">{markupsafe.escape(d.reason)}</span>' in page


@pytest.mark.model
def test_report_html_document_text_survives_highlighting(analysis: Analysis, page: str) -> None:
    for d in analysis.documents:
        start = page.index(f'<article class="document" id="doc-{d.id}">')
        body = page[page.index('<div class="doctext">', start) + len('<div class="doctext">') :]
        body = body[: body.index("</div>\n  </article>")]
        assert html.unescape(re.sub(r"<[^>]+>", "", body)) == d.text


@pytest.mark.model
def test_report_html_source_graph_shows_converging_relays(page: str) -> None:
    graph = page[page.index('<section id="sources"') :]
    graph = graph[: graph.index("</section>")]
    assert "node document" in graph and "node group" in graph
    assert "converging" in graph
    assert "routes, one origin" in graph


@pytest.mark.model
def test_report_html_belief_curve_from_history(analysis: Analysis) -> None:
    history: dict[str, list[HistoryPoint]] = {
        "H1": [("2024-10-24", 0.62), ("2024-10-29", 0.81, "C3"), ("2024-11-05", 0.9), (None, 0.91)],
        "H2": [("2024-10", 0.5)],
    }
    page = render_html(analysis, history=history)
    curve = page[page.index('<section id="belief"') :]
    curve = curve[: curve.index("</section>")]
    assert curve.count('class="curve"') == 1  # H2 has a single point: a dot, no line
    assert curve.count("<circle") == 4
    assert "H1 2024-11-05: 90%" in curve
    assert '<a href="#claim-C3" data-claim="C3" class="tl-claim">' in curve  # the claim that moved it
    assert "H2 2024-10-01: 50%" in curve  # a month-grain step sits on the first of the month
    assert 'id="belief"' not in render_html(analysis, history={"H1": []})


@pytest.mark.model
def test_report_html_hostile_document_is_inert(hostile: tuple[Analysis, str]) -> None:
    result, page = hostile
    checker = parse(page)
    assert len(checker.scripts) == 2  # the JSON data island and claimsift's own script
    assert page.count("<script") == 2
    for tag, attrs in checker.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
    shown = "".join(checker.text)
    for visible in ("<script>alert(1)</script>", '<a href="javascript:alert(2)">', "<img src=x onerror=alert(3)>"):
        assert visible in shown, visible
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(5)</script>" in shown and "javascript:alert(7)" in shown  # title and URL, as text
    assert "A" * 30000 in shown
    assert result.claims, "the hostile document still yields claims"


def test_report_html_safe_url_only_allows_the_web() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\nscript:alert(1)", "data:text/html,x", "", None):
        assert safe_url(bad) is None, bad


def _claim(cid: str, start: int, end: int, text: str, stance: str = "supports") -> Claim:
    return Claim(
        id=cid,
        doc="d",
        start=start,
        end=end,
        text=text[start:end],
        source=SourceRef(name="Ministry", kind="organization", start=0, end=3),
        stance={"H1": stance},  # type: ignore[dict-item]
        reliability="B2",
    )


def test_report_html_overlapping_claims_split_into_segments() -> None:
    text = "abcdefghij <b>&"
    claims = [_claim("C1", 0, 6, text), _claim("C2", 3, 9, text, "refutes"), _claim("C3", 11, 14, text)]
    body = str(highlight(text, claims, [(4, 5, "2024-10-18")]))
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text
    assert body.count('id="claim-C1"') == body.count('id="claim-C2"') == 1
    assert re.search(r'data-claims="C1 C2"[^>]*><span class="date" title="2024-10-18">e</span></mark>', body)
    assert 'data-claims="C2"' in body and "st-refutes" in body
    assert "&lt;b&gt;" in body and "<b>" not in body


def _tiny_analysis() -> Analysis:
    # VOA, 2024-11-06 (tests/data/voa_ukraine_drones_nk_battles.txt), relayed by two outlets
    text = (
        "Russia’s Defense Ministry said Wednesday it destroyed two Ukrainian drones over the Kursk region and another "
        "drone over Oryol."
    )
    docs = tuple(
        Document(id=i, path=f"{i}.txt", text=text, outlet=o, published="2024-11-06")
        for i, o in (("a", "A"), ("b", "B"))
    )
    start = text.index("it destroyed")
    end = text.index(" over the Kursk")
    claims = tuple(
        Claim(
            id=f"C{n}",
            doc=d.id,
            start=start,
            end=end,
            text=text[start:end],
            source=SourceRef(name="Russia’s Defense Ministry", kind="organization"),
            via=(relay,),
            stance={"H1": "supports"},
            group="G1",
        )
        for n, (d, relay) in enumerate(zip(docs, ("VOA", "KBS"), strict=True), 1)
    )
    group = EvidenceGroup(
        id="G1",
        origin="Russia’s Defense Ministry",
        origin_kind="organization",
        evidence_type="media_report",
        claims=("C1", "C2"),
    )
    assessment = Assessment(hypothesis=Hypothesis(id="H1", text="It happened"), probability=0.7, wep="likely")
    wednesday = text.index("Wednesday")
    dates = (TimeExpr(doc="a", start=wednesday, end=wednesday + 9, text="Wednesday", value="2024-11-06", grain="day"),)
    return Analysis(documents=docs, entities=(), claims=claims, dates=dates, assessments=(assessment,), groups=(group,))


def test_report_html_graph_marks_one_origin_reached_through_two_relays() -> None:
    page = render_html(_tiny_analysis())
    parse(page)
    assert "2 routes, one origin" in page
    assert page.count("node relay") == 2


def test_report_html_renders_without_hypotheses_or_claims() -> None:
    empty = Analysis(documents=(), entities=(), claims=(), dates=(), assessments=())
    page = render_html(empty, title="<nothing>")
    parse(page)
    assert "<title>&lt;nothing&gt;</title>" in page
    assert 'id="verdicts"' not in page and 'id="timeline"' not in page
