"""The Markdown report says where each claim is in the original: its PDF page or its caption time.

The PDF was made by tests/docmaker.py from the public-domain VOA article in tests/data (see its .meta.json);
the captions by tests/captionmaker.py from the State Department briefing of 2023-09-28.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimsift.analysis import analyze
from claimsift.report.markdown import render_markdown

pytestmark = pytest.mark.model
DATA = Path(__file__).parent / "data"


def test_report_markdown_claims_from_a_pdf_carry_their_page() -> None:
    report = render_markdown(analyze([str(DATA / "documents" / "voa_pentagon_kursk_small_number.pdf")]))
    pages = {int(p) for p in re.findall(r"\(voa\\_pentagon\\_kursk\\_small\\_number:\d+-\d+, p\. (\d+)\)", report)}
    assert pages and min(pages) == 1 and len(pages) >= 2  # the article runs over more than one page


def test_report_markdown_claims_from_captions_carry_their_time() -> None:
    report = render_markdown(analyze([str(DATA / "captions" / "state_briefing_2023_09_28.en.vtt")]))
    times = re.findall(r":\d+-\d+, (\d+):(\d\d)\)", report)
    assert times and ("0", "29") in times  # "He has made me aware of that."
    assert ", p. " not in report  # captions have no pages
