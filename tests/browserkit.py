"""Shared by the browser tests: where Debian's Chromium is and how it is started here.

The background-networking flags keep Chromium from calling out of this offline machine at start-up.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
