"""Build the HTML pages and the RSS feed the loopback test server serves, from open texts in tests/data.

``python tests/pagemaker.py`` wrote tests/data/web: each page holds an open text (its paragraphs, verbatim) in a
news-site layout with navigation, a footer and a script around the article, and the metadata the original
page had, in the page's meta tags (the VOA article) or only in JSON-LD (the UN press release). The feed lists
both pages, with the source addresses their .meta.json give in ``<guid>``.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
OUT = DATA / "web"
PAGES = {
    "voa_pentagon_kursk_small_number": "meta",
    "un_sc_dprk_military_cooperation": "json-ld",
}


def _paragraphs(stem: str) -> list[str]:
    text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def page(stem: str, style: str) -> str:
    """The page of one open text: title as <h1>, the other paragraphs as <p>, metadata as ``style`` says."""
    meta = json.loads((DATA / f"{stem}.meta.json").read_text(encoding="utf-8"))
    paragraphs = _paragraphs(stem)
    title = html.escape(paragraphs[0])
    head = [f"<title>{title}</title>"]
    if style == "meta":
        head += [
            f'<meta property="og:title" content="{title}">',
            f'<meta property="og:site_name" content="{html.escape(meta["outlet"])}">',
            f'<meta property="article:published_time" content="{meta["published"]}T18:20:00Z">',
            '<meta name="author" content="VOA News">',
            f'<link rel="canonical" href="{html.escape(meta["url"])}">',
        ]
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": paragraphs[0],
            "datePublished": f"{meta['published']}T12:00:00-04:00",
            "author": {"@type": "Organization", "name": "United Nations Meetings Coverage"},
            "publisher": {"@type": "Organization", "name": meta["outlet"]},
            "mainEntityOfPage": meta["url"],
        }
        head.append(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paragraphs[1:])
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    {chr(10).join("    " + h for h in head).strip()}
    <script>window.analytics = function () {{ return "tracking"; }};</script>
  </head>
  <body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
    <article>
      <h1>{title}</h1>
{body}
    </article>
    <footer><p>Share this article</p><p>Follow us</p></footer>
  </body>
</html>
"""


def feed(base: str) -> str:
    """An RSS 2.0 feed of the pages, linking them under ``base`` (the test server fills in its address)."""
    items = []
    for stem in PAGES:
        meta = json.loads((DATA / f"{stem}.meta.json").read_text(encoding="utf-8"))
        items.append(
            f"""    <item>
      <title>{html.escape(_paragraphs(stem)[0])}</title>
      <link>{base}/{stem}.html</link>
      <guid isPermaLink="false">{html.escape(meta["url"])}</guid>
      <pubDate>{meta["published"]}</pubDate>
      <description>{html.escape(_paragraphs(stem)[1])}</description>
    </item>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>Open reporting</title>\n'
        f"    <link>{base}/</link>\n    <description>Pages built from open texts in tests/data</description>\n"
        + "\n".join(items)
        + "\n  </channel>\n</rss>\n"
    )


def main() -> None:
    """Write the pages and their sidecars in tests/data/web."""
    OUT.mkdir(exist_ok=True)
    for stem, style in PAGES.items():
        (OUT / f"{stem}.html").write_text(page(stem, style), encoding="utf-8")
        meta = json.loads((DATA / f"{stem}.meta.json").read_text(encoding="utf-8"))
        meta = {key: meta[key] for key in ("url", "license") if key in meta}
        meta["made"] = (
            f"Built by tests/pagemaker.py from tests/data/{stem}.txt (the text at the url above, paragraph for "
            f"paragraph) with its metadata in the page's {'meta tags' if style == 'meta' else 'JSON-LD only'}; "
            "not a saved copy of the original page."
        )
        (OUT / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
        print(OUT / f"{stem}.html")


if __name__ == "__main__":
    sys.exit(main())
