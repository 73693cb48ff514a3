"""The source graph: who a reader hears a claim from, through whom, and where it started.

Columns from left to right: documents, relays (``claim.via``, nearest to the reader first), original
sources, evidence groups (``analysis.groups``). A source reached through several routes (several
documents or relays converging on one origin) is outlined: it is one origin, however many outlets repeat
it (circular reporting, CONVENTIONS.md 6). Laid out server-side in layers, ordered by barycentres to keep
edges from crossing, and drawn as SVG.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimsift.model import Analysis, Claim, EvidenceGroup
from claimsift.report.svg import STANCE_COLOURS, el, esc, log_scale_width, svg, text

NODE_W, NODE_H, ROW, COL = 176.0, 30.0, 38.0, 236.0
HEADS = {"document": "documents", "relay": "relays (via)", "origin": "original sources", "group": "evidence groups"}


@dataclass(slots=True)
class Node:
    """One box in the graph."""

    key: str
    label: str
    kind: str
    """document | relay | origin | group"""
    sub: str = ""
    href: str | None = None
    layer: int = 0
    order: float = 0.0
    preds: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    stance: str = "neutral"

    @property
    def converging(self) -> bool:
        """Reached through several documents or relays: one origin that looks like several."""
        return self.kind in ("relay", "origin") and len(self.preds) > 1


@dataclass(slots=True)
class Graph:
    """Nodes by key and edge weights (number of claims) by (from, to)."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    def node(self, key: str, label: str, kind: str) -> Node:
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = Node(key=key, label=label, kind=kind)
        elif kind == "relay" and found.kind == "origin":
            found.kind = "relay"  # a source that also relays others sits with the relays
        return found

    def link(self, a: str, b: str, claim: str) -> None:
        if a != b:
            self.edges[(a, b)].add(claim)
            self.nodes[b].preds.add(a)


def _key(name: str) -> str:
    return "name:" + " ".join(name.casefold().split())


def _origin(c: Claim, group: EvidenceGroup | None) -> tuple[str, str]:
    if group is not None:
        return group.origin, group.label
    if c.source.kind in ("author", "unattributed"):
        label = "the author of" if c.source.kind == "author" else "unattributed reporting in"
        return f"{c.source.kind}:{c.doc}", f"{label} {c.doc}"
    return c.source.name, c.source.name


def claim_stance(stances: Sequence[str]) -> str:
    """supports | refutes | mixed | neutral for a set of per-hypothesis stances."""
    sides = {s for s in stances if s in ("supports", "refutes")}
    return "mixed" if len(sides) > 1 else sides.pop() if sides else "neutral"


def build(analysis: Analysis) -> Graph:
    """Nodes and edges from the claims, their relays, origins and groups."""
    graph = Graph()
    groups = {g.id: g for g in analysis.groups}
    for d in analysis.documents:
        node = graph.node(f"doc:{d.id}", d.outlet or d.title or d.id, "document")
        node.sub, node.href = d.id, f"#doc-{d.id}"
    for c in analysis.claims:
        group = groups.get(c.group or "")
        origin, label = _origin(c, group)
        chain = [f"doc:{c.doc}"]
        for relay in c.via:
            graph.node(_key(relay), relay, "relay")
            chain.append(_key(relay))
        graph.node(_key(origin), label, "origin")
        chain.append(_key(origin))
        if group is not None:
            graph.node(f"group:{group.id}", group.id, "group")
            chain.append(f"group:{group.id}")
        for a, b in zip(chain, chain[1:], strict=False):
            graph.link(a, b, c.id)
        for key in chain[1:]:
            graph.nodes[key].claims.add(c.id)
    _describe(graph, analysis, groups)
    return graph


def _describe(graph: Graph, analysis: Analysis, groups: dict[str, EvidenceGroup]) -> None:
    by_id = {c.id: c for c in analysis.claims}
    for node in graph.nodes.values():
        if node.kind == "document":
            continue
        node.stance = claim_stance([s for cid in node.claims for s in by_id[cid].stance.values()])
        count = f"{len(node.claims)} claim{'s' if len(node.claims) != 1 else ''}"
        if node.kind == "group":
            g = groups[node.label]
            node.sub, node.href = f"{g.evidence_type.replace('_', ' ')} · {count}", f"#ach-{g.id}"
        elif node.converging:
            node.sub = f"{len(node.preds)} routes, one origin · {count}"
        else:
            node.sub = count


def _layers(graph: Graph) -> None:
    """Documents in column 0, relays by the longest relay chain before them, then sources, then groups."""
    relays = [n for n in graph.nodes.values() if n.kind == "relay"]
    for n in relays:
        n.layer = 1
    for _ in range(len(relays)):
        changed = False
        for a, b in graph.edges:
            na, nb = graph.nodes[a], graph.nodes[b]
            if na.kind == "relay" and nb.kind == "relay" and nb.layer <= na.layer and nb.layer < len(relays):
                nb.layer, changed = na.layer + 1, True
        if not changed:
            break
    last_relay = max((n.layer for n in relays), default=0)
    for n in graph.nodes.values():
        if n.kind == "origin":
            n.layer = last_relay + 1
        elif n.kind == "group":
            n.layer = last_relay + 2


def _order(graph: Graph, columns: list[list[Node]]) -> None:
    """Barycentre sweeps (down, up, down, ...) so that edges cross as little as cheaply possible.

    Orders are row positions as drawn (short columns centred), so columns of different heights compare.
    """
    succs: dict[str, list[str]] = defaultdict(list)
    for a, b in graph.edges:
        succs[a].append(b)
    tallest = max(len(c) for c in columns)

    def place(column: list[Node]) -> None:
        for j, n in enumerate(column):
            n.order = (tallest - len(column)) / 2 + j

    for column in columns:
        place(column)
    for sweep in range(5):  # ending on a downward sweep: the groups settle beside their sources
        down = sweep % 2 == 0
        for column in columns[1:] if down else columns[-2::-1]:
            for n in column:
                orders = [graph.nodes[k].order for k in (n.preds if down else succs[n.key])]
                n.order = sum(orders) / len(orders) if orders else n.order
            column.sort(key=lambda n: n.order)
            place(column)


def _positions(columns: list[list[Node]]) -> dict[str, tuple[float, float]]:
    tallest = max(len(c) for c in columns)
    pos = {}
    for i, column in enumerate(columns):
        offset = (tallest - len(column)) * ROW / 2
        for j, n in enumerate(column):
            pos[n.key] = (12 + i * COL, 34 + offset + j * ROW)
    return pos


def _edge(a: tuple[float, float], b: tuple[float, float], claims: set[str], hot: bool) -> str:
    x1, y1 = a[0] + NODE_W, a[1] + NODE_H / 2
    x2, y2 = b[0], b[1] + NODE_H / 2
    mid = (x1 + x2) / 2
    if x2 <= x1:  # same column (a source that also relays another): loop around the right side
        x2, mid = b[0] + NODE_W, x1 + 40
    d = f"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    n = len(claims)
    attrs = {"d": d, "class": "edge hot" if hot else "edge", "stroke_width": f"{log_scale_width(n):.1f}"}
    tip = f"{n} claim{'s' if n != 1 else ''}: {', '.join(sorted(claims, key=_claim_number)[:12])}"
    return el("path", attrs, el("title", None, esc(tip)))


def _claim_number(cid: str) -> int:
    digits = "".join(ch for ch in cid if ch.isdigit())
    return int(digits) if digits else 0


def _box(n: Node, x: float, y: float) -> str:
    cls = f"node {n.kind}" + (" converging" if n.converging else "")
    parts = [el("rect", {"x": x, "y": y, "width": NODE_W, "height": NODE_H, "rx": 4, "class": cls})]
    if n.kind != "document":
        parts.append(el("rect", {"x": x, "y": y, "width": 5, "height": NODE_H, "fill": STANCE_COLOURS[n.stance]}))
    parts.append(text(x + 10, y + 13, _fit(n.label, 23), class_="node-label"))
    parts.append(text(x + 10, y + 25, _fit(n.sub, 31), class_="node-sub"))
    tip = f"{n.label} ({n.kind}): {n.sub}"
    if n.converging:
        tip += " — several routes lead to this one origin: count it once, not once per outlet"
    body = el("g", {"class": "graph-node"}, el("title", None, esc(tip)), *parts)
    return el("a", {"href": n.href}, body) if n.href else body


def _fit(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def source_graph(analysis: Analysis) -> str:
    """The source graph as SVG; empty when there are no claims."""
    if not analysis.claims:
        return ""
    graph = build(analysis)
    _layers(graph)
    depth = max(n.layer for n in graph.nodes.values()) + 1
    columns: list[list[Node]] = [[] for _ in range(depth)]
    for n in graph.nodes.values():
        columns[n.layer].append(n)
    columns = [c for c in columns if c]
    _order(graph, columns)
    pos = _positions(columns)
    parts = [text(12 + i * COL, 18, HEADS[c[0].kind], class_="col-head") for i, c in enumerate(columns)]
    for (a, b), claims in graph.edges.items():
        parts.append(_edge(pos[a], pos[b], claims, graph.nodes[b].converging and graph.nodes[b].kind == "origin"))
    parts += [_box(n, *pos[n.key]) for n in graph.nodes.values()]
    width = 24 + (len(columns) - 1) * COL + NODE_W + 40
    height = 44 + max(len(c) for c in columns) * ROW
    return svg(
        width,
        height,
        "Source graph: documents, relays, original sources and evidence groups",
        *parts,
        cls="chart graph",
    )
