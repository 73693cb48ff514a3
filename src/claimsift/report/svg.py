"""Server-side SVG for the HTML report: probability bars, the claim timeline and the belief curve.

Every function returns SVG markup as a string in which all text from documents has been escaped, so the
report can embed it as is. No JavaScript plotting library: the pictures print and open offline.
The source graph lives in `claimsift.report.sourcegraph`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

from claimsift.model import WEP_SCALE, WEP_WORDS

STANCE_COLOURS = {"supports": "#0072b2", "refutes": "#d55e00", "mixed": "#8250df", "neutral": "#8c959f"}
"""Okabe-Ito blue and vermillion, readable by most colour-blind readers; grey for no side."""
SERIES_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")
ICD_WORDS = WEP_WORDS
"""ICD 203 row 1 words for claimsift's `wep` values (CONVENTIONS.md section 2)."""

HistoryPoint = tuple[str | date | None, float] | tuple[str | date | None, float, str | None]
"""One step of a belief curve: its date (YYYY-MM-DD, YYYY-MM, YYYY or a date; None = undated, not drawn), the
probability after it and, optionally, the id of the claim that moved it most (the point then links to it)."""


@dataclass(frozen=True, slots=True)
class _Step:
    day: date
    probability: float
    claim: str | None


def _steps(points: Sequence[HistoryPoint]) -> list[_Step]:
    """The dated points in date order (points of one date keep their order)."""
    steps = []
    for point in points:
        day = parse_day(point[0])
        if day is not None:
            steps.append(_Step(day, float(point[1]), point[2] if len(point) > 2 else None))
    return sorted(steps, key=lambda step: step.day)


def esc(value: object) -> str:
    """Text or attribute value made inert for SVG/HTML."""
    return escape(str(value), quote=True)


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: str) -> str:
    """One SVG element; attribute values are escaped, children are trusted markup built here."""
    parts = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in (attrs or {}).items() if v is not None)
    if not children:
        return f"<{tag}{parts}/>"
    return f"<{tag}{parts}>{''.join(children)}</{tag}>"


def text(x: float, y: float, content: str, **attrs: object) -> str:
    """A <text> element with escaped content."""
    return el("text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attrs}, esc(content))


def svg(width: float, height: float, label: str, *children: str, cls: str = "chart") -> str:
    """The outer <svg> element, scalable, with an accessible name."""
    attrs = {"viewBox": f"0 0 {width:.0f} {height:.0f}", "width": f"{width:.0f}", "height": f"{height:.0f}"}
    attrs |= {"class": cls, "role": "img", "aria-label": label}
    attrs |= {"xmlns": "http://www.w3.org/2000/svg", "preserveAspectRatio": "xMinYMin meet"}
    return el("svg", attrs, el("title", None, esc(label)), *children)


def percent(probability: float) -> str:
    """A probability as whole percent, never 0 % or 100 % (ICD 203)."""
    return f"{min(99, max(1, round(probability * 100)))}%"


# --- probability bar -------------------------------------------------------------------------------


def probability_bar(probability: float, wep: str, label: str = "") -> str:
    """A horizontal bar over the seven ICD 203 bands with the probability marked."""
    width, height, left, right = 360.0, 34.0, 4.0, 356.0
    span = right - left
    bands = []
    for i, (name, low, high) in enumerate(WEP_SCALE):
        shade = "#eef1f4" if i % 2 else "#e1e6eb"
        if name == wep:
            shade = "#c9dcf0"
        rect = {"x": left + low * span, "y": 4, "width": (high - low) * span, "height": 16, "fill": shade}
        bands.append(el("rect", rect, el("title", None, esc(f"{ICD_WORDS[name]}: {low:.0%}–{high:.0%}"))))
    x = left + min(max(probability, 0.0), 1.0) * span
    fill = el("rect", {"x": left, "y": 8, "width": x - left, "height": 8, "fill": STANCE_COLOURS["supports"]})
    marker = el("line", {"x1": x, "x2": x, "y1": 1, "y2": 23, "stroke": "#1f2328", "stroke_width": 2})
    ticks = [text(left + v * span, 32, f"{v:.0%}", class_="tick", text_anchor="middle") for v in (0.05, 0.5, 0.95)]
    name = label or f"{percent(probability)}: {ICD_WORDS.get(wep, wep)}"
    return svg(width, height, name, *bands, fill, marker, *ticks, cls="bar")


# --- dates -----------------------------------------------------------------------------------------


def parse_day(value: str | date | None) -> date | None:
    """2024-10-18, 2024-10 or 2024 (or a datetime string) as the first day it covers; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        numbers = [int(p) for p in value.strip()[:10].split("-")]
        year, month, day = (numbers + [1, 1])[:3]
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Cluster:
    first: date
    last: date
    x0: float
    x1: float

    def x(self, day: date) -> float:
        days = (self.last - self.first).days
        if days == 0:
            return (self.x0 + self.x1) / 2
        return self.x0 + (day - self.first).days / days * (self.x1 - self.x0)


class DateScale:
    """A date axis that breaks across long empty gaps (a 1990 treaty beside October 2024 events)."""

    def __init__(self, days: Iterable[date], x0: float, x1: float, gap_days: int = 120, break_px: float = 26) -> None:
        ordered = sorted(set(days))
        runs: list[list[date]] = []
        for day in ordered:
            if runs and (day - runs[-1][-1]).days <= gap_days:
                runs[-1].append(day)
            else:
                runs.append([day])
        weights = [max((r[-1] - r[0]).days, 4) for r in runs]
        usable = (x1 - x0) - break_px * (len(runs) - 1)
        self.clusters: list[_Cluster] = []
        x = x0
        for run, weight in zip(runs, weights, strict=True):
            width = usable * weight / sum(weights)
            pad = min(12.0, width / 6)
            self.clusters.append(_Cluster(run[0], run[-1], x + pad, x + width - pad))
            x += width + break_px

    def x(self, day: date) -> float:
        for cluster in self.clusters:
            if cluster.first <= day <= cluster.last:
                return cluster.x(day)
        raise ValueError(f"{day} is not on this scale")

    def ticks(self) -> list[tuple[float, str]]:
        """Tick positions and labels: a nice step per cluster, its first and last day always shown."""
        out: list[tuple[float, str]] = []
        for c in self.clusters:
            span = (c.last - c.first).days
            if span == 0:
                out.append((c.x(c.first), _day_label(c.first, span)))
                continue
            step = next(s for s in (1, 2, 7, 14, 30, 91, 182, 365, 3650) if span / s <= max(2, (c.x1 - c.x0) / 70))
            day = c.first
            while day <= c.last:
                out.append((c.x(day), _day_label(day, span)))
                day += timedelta(days=step)
        return out

    def breaks(self) -> list[float]:
        """x positions of the axis breaks between clusters."""
        return [(a.x1 + b.x0) / 2 for a, b in zip(self.clusters, self.clusters[1:], strict=False)]


def _day_label(day: date, span: int) -> str:
    if span > 730 or (day.month == 1 and day.day == 1 and span == 0):
        return str(day.year)
    return f"{day.day} {day:%b} {day.year}" if span > 200 else f"{day.day} {day:%b}"


def _axis(scale: DateScale, y: float, top: float) -> list[str]:
    out = []
    for c in scale.clusters:
        out.append(el("line", {"x1": c.x0 - 6, "x2": c.x1 + 6, "y1": y, "y2": y, "class": "axis"}))
    for x, label in scale.ticks():
        out.append(el("line", {"x1": x, "x2": x, "y1": top, "y2": y + 4, "class": "grid"}))
        out.append(text(x, y + 16, label, class_="tick", text_anchor="middle"))
    for x in scale.breaks():
        out.append(el("path", {"d": f"M{x - 7:.1f},{y + 5} l5,-10 M{x - 1:.1f},{y + 5} l5,-10", "class": "break"}))
    return out


# --- timeline --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineMark:
    """One claim on the timeline."""

    claim: str
    day: date
    lane: str
    stance: str
    stated: bool
    """True when placed by the date the claim was stated, not the date of the event."""
    label: str
    """Tooltip: date, source and text."""


def timeline(
    marks: Sequence[TimelineMark], lanes: Sequence[tuple[str, str]], published: Sequence[tuple[date, str]] = ()
) -> str:
    """Claims by date, one lane per hypothesis (plus one for claims that take no side), coloured by stance.

    Args:
        marks: the dated claims; a claim taking sides on two hypotheses appears in both lanes.
        lanes: (lane id, lane label) from top to bottom.
        published: (date, outlet) of each document, drawn as small triangles under the axis.
    """
    if not marks:
        return ""
    scale = DateScale([m.day for m in marks] + [d for d, _ in published], 150, 930)
    rows = _stack(marks, scale, [lane for lane, _ in lanes])
    back: list[str] = []
    front: list[str] = []
    y = 10.0
    for lane, label in lanes:
        depth = max((lvl for _, lvl, _ in rows[lane]), default=0) + 1
        height = max(34.0, depth * 13.0 + 10)
        back.append(el("rect", {"x": 0, "y": y, "width": 940, "height": height, "class": "lane"}))
        back.append(_lane_label(6, y + 15, label))
        front.extend(_timeline_mark(x, y + 12 + level * 13, m) for x, level, m in rows[lane])
        y += height + 4
    back += _axis(scale, y + 4, 10)
    back += [_published_mark(scale.x(d), y + 4, outlet) for d, outlet in published]
    return svg(940, y + 30, "Timeline of dated claims, coloured by stance", *back, *front, cls="chart timeline")


def _lane_label(x: float, y: float, label: str, width: int = 24) -> str:
    """Up to two lines of the lane's name, the full name in a tooltip."""
    words, lines = label.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            if len(lines) == 2:
                lines[-1] = _clip(lines[-1] + " " + word, width)
                break
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    spans = [
        el("tspan", {"x": f"{x:.1f}", "dy": "0" if i == 0 else "13"}, esc(_clip(line, width)))
        for i, line in enumerate(lines)
    ]
    return el("text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "class": "lane-label"}, el("title", None, esc(label)), *spans)


def _stack(
    marks: Sequence[TimelineMark], scale: DateScale, lanes: Sequence[str], gap: float = 12.5, max_levels: int = 12
) -> dict[str, list[tuple[float, int, TimelineMark]]]:
    """Each mark's x and level in its lane: the lowest level where it does not overlap the mark before it."""
    rows: dict[str, list[tuple[float, int, TimelineMark]]] = {lane: [] for lane in lanes}
    ends: dict[str, list[float]] = {}
    for m in sorted(marks, key=lambda m: (m.day, m.claim)):
        x = scale.x(m.day)
        levels = ends.setdefault(m.lane, [])
        level = next((i for i, last in enumerate(levels) if x - last >= gap), len(levels))
        if level == len(levels) and level < max_levels:
            levels.append(x)
        level = min(level, max_levels - 1)  # a crowded day overlaps on the last level instead of growing on
        levels[level] = x
        rows.setdefault(m.lane, []).append((x, level, m))
    return rows


def _timeline_mark(x: float, y: float, m: TimelineMark) -> str:
    colour = STANCE_COLOURS.get(m.stance, STANCE_COLOURS["neutral"])
    attrs = {"cx": x, "cy": y, "r": 5.5, "stroke": colour, "stroke_width": 2.2}
    shape = el("circle", {**attrs, "fill": "#ffffff" if m.stated else colour})
    link = {"href": f"#claim-{m.claim}", "data-claim": m.claim, "class": "tl-claim"}
    return el("a", link, el("title", None, esc(m.label)), shape)


def _published_mark(x: float, y: float, outlet: str) -> str:
    tri = el("path", {"d": f"M{x:.1f},{y + 1:.1f} l-4,7 h8 z", "class": "published"})
    return el("g", None, el("title", None, esc(f"published: {outlet}")), tri)


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


# --- belief curve ----------------------------------------------------------------------------------


def belief_curve(history: Mapping[str, Sequence[HistoryPoint]], names: Mapping[str, str]) -> str:
    """Probability of each hypothesis after each dated step of a case; empty when there are no points.

    The line holds its value until the next step (a step line): belief changes when evidence arrives.

    Args:
        history: hypothesis id -> (date, probability) points; points of one date keep their order.
        names: hypothesis id -> the label for the legend.
    """
    series = {h: steps for h, points in history.items() if (steps := _steps(points))}
    if not series:
        return ""
    left, right, top, bottom = 48.0, 800.0, 12.0, 232.0
    scale = DateScale([step.day for steps in series.values() for step in steps], left, right, gap_days=10**6)

    def y(p: float) -> float:
        return bottom - min(max(p, 0.0), 1.0) * (bottom - top)

    out = _belief_grid(left, right, top, bottom)
    out += [text(x, bottom + 16, label, class_="tick", text_anchor="middle") for x, label in scale.ticks()]
    for i, (h, pts) in enumerate(series.items()):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        out += _belief_series(h, [(scale.x(st.day), y(st.probability)) for st in pts], pts, colour)
        out.append(_legend_entry(left + 8, bottom + 44 + i * 16, names.get(h, h), colour))
    return svg(940, bottom + 44 + 16 * len(series), "Belief in each hypothesis over time", *out, cls="chart belief")


def _belief_grid(left: float, right: float, top: float, bottom: float) -> list[str]:
    out = []
    for name, low, _high in WEP_SCALE:
        y = bottom - low * (bottom - top)
        if low > 0:
            out.append(el("line", {"x1": left, "x2": right, "y1": y, "y2": y, "class": "grid"}))
        upper = bottom - _high * (bottom - top)
        out.append(text(right + 6, (y + upper) / 2 + 4, ICD_WORDS[name], class_="tick band-label"))
    for v in (0.0, 0.5, 1.0):
        out.append(text(left - 6, bottom - v * (bottom - top) + 4, f"{v:.0%}", class_="tick", text_anchor="end"))
    out.append(el("rect", {"x": left, "y": top, "width": right - left, "height": bottom - top, "class": "frame"}))
    return out


def _belief_series(hid: str, points: list[tuple[float, float]], raw: list[_Step], colour: str) -> list[str]:
    out = []
    if len(points) > 1:
        steps = f"M{points[0][0]:.1f},{points[0][1]:.1f} " + " ".join(f"H{x:.1f} V{y:.1f}" for x, y in points[1:])
        out.append(el("path", {"d": steps, "fill": "none", "stroke": colour, "stroke_width": 2.5, "class": "curve"}))
    for (x, y), step in zip(points, raw, strict=True):
        label = f"{hid} {step.day.isoformat()}: {percent(step.probability)}"
        tip = el("title", None, esc(label + (f", moved most by {step.claim}" if step.claim else "")))
        dot = el("circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": 4, "fill": colour}, tip)
        link = {"href": f"#claim-{step.claim}", "data-claim": step.claim, "class": "tl-claim"}
        out.append(el("a", link, dot) if step.claim else dot)
    return out


def _legend_entry(x: float, y: float, label: str, colour: str) -> str:
    swatch = el("rect", {"x": x, "y": y - 9, "width": 14, "height": 10, "fill": colour})
    return el("g", None, swatch, text(x + 20, y, _clip(label, 120), class_="legend"))


def log_scale_width(count: int) -> float:
    """Stroke width for an edge carrying `count` claims."""
    return 1.0 + math.log2(max(count, 1))
